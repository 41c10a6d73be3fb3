import type { Service } from '../contract/directory.ts';

/*
 * When a resource's record was last checked, so a person can judge whether
 * to trust it: the provider's own check (ORUK `assured_date`) when given,
 * else the record's last change (`last_modified`). DOM-free.
 */

/** A record not checked for longer than this is flagged. */
export const CHECK_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** When a record was last checked, and whether that was over a year ago. */
export interface RecordCheck {
  on: Date;
  /** Not checked for over a year. */
  stale: boolean;
}

/** When `service` was last checked, as of `now`; undefined when the feed does not say. A date in the future counts as now. */
export function recordChecked(service: Pick<Service, 'assuredDate' | 'lastModified'>, now: Date): RecordCheck | undefined {
  // A bare date is read at midday UTC, so it is the same day in UK time all year.
  const assured = service.assuredDate ? Date.parse(`${service.assuredDate}T12:00:00Z`) : Number.NaN;
  const changed = service.lastModified ? Date.parse(service.lastModified) : Number.NaN;
  const at = Number.isFinite(assured) ? assured : changed;
  if (!Number.isFinite(at)) return undefined;
  const on = new Date(Math.min(at, now.getTime()));
  return { on, stale: now.getTime() - on.getTime() > CHECK_MAX_AGE_MS };
}
