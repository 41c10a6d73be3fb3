import type { Hub, SessionKind } from '../contract/directory.ts';
import type { Session } from '../contract/places.ts';
import type { FieldError } from './field-errors.ts';
import { WEEKDAYS, isOpenNow, londonParts, type Weekday } from './schedule.ts';

/** The page query that opens a booking straight away: `?cls-booking=REF&key=…` (the manage link). */
export const MANAGE_PARAM = 'cls-booking';
/** The manage link's secret, beside {@link MANAGE_PARAM}. */
export const MANAGE_KEY_PARAM = 'key';

/** A hub as the finder lists it: with its distance and its upcoming sessions. */
export interface HubResult {
  hub: Hub;
  distanceMetres?: number;
  sessions: Session[];
}

export interface HubFilters {
  /** Only hubs with a session on this day of the week (UK time). */
  day?: Weekday;
  /** Only hubs offering this kind of session. */
  mode?: 'drop-in' | 'bookable';
  /** Only hubs with step-free access. */
  stepFree?: boolean;
  /** Only hubs holding this kind of session (a session without a kind is a talking point conversation). */
  kind?: SessionKind;
}

/** A session's kind: a talking point conversation unless its plan says otherwise. */
export const sessionKind = (session: Pick<Session, 'kind'>): SessionKind => session.kind ?? 'talking-point';

/** The kinds of the listed sessions, in the contract's order, for the kind filter. */
export function sessionKinds(results: readonly HubResult[]): SessionKind[] {
  const seen = new Set(results.flatMap((result) => result.sessions.map(sessionKind)));
  return (['talking-point', 'carers-clinic', 'peer-support', 'support-planning'] as const).filter((kind) => seen.has(kind));
}

/**
 * Hubs, nearest first (with their distances when known), each with its own
 * `sessions` in start order: how both sources of the finder, the API and a
 * council's ORUK feed, become its list.
 */
export function withSessions(hubs: ReadonlyArray<{ hub: Hub; distanceMetres?: number | undefined }>, sessions: readonly Session[]): HubResult[] {
  const byHub = sessionsByHub(sessions);
  return hubs.map(({ hub, distanceMetres }) => ({
    hub,
    ...(distanceMetres === undefined ? {} : { distanceMetres }),
    sessions: byHub.get(hub.id) ?? [],
  }));
}

/** Sessions grouped by hub, each list in start order. */
export function sessionsByHub(sessions: readonly Session[]): Map<string, Session[]> {
  const groups = new Map<string, Session[]>();
  for (const session of sessions) {
    const list = groups.get(session.hubId) ?? [];
    list.push(session);
    groups.set(session.hubId, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  return groups;
}

function matchesSession(session: Session, filters: HubFilters): boolean {
  if (filters.mode && session.mode !== filters.mode) return false;
  if (filters.kind && sessionKind(session) !== filters.kind) return false;
  if (filters.day && londonParts(new Date(session.start)).weekday !== filters.day) return false;
  return true;
}

/**
 * Applies the filters, keeping the order (nearest first). A hub passes the
 * day and mode filters when at least one of its sessions does, and only
 * those sessions are kept on it.
 */
export function filterHubs(results: readonly HubResult[], filters: HubFilters): HubResult[] {
  return results.flatMap((result) => {
    if (filters.stepFree && !result.hub.stepFree) return [];
    if (!filters.day && !filters.mode && !filters.kind) return [result];
    const sessions = result.sessions.filter((session) => matchesSession(session, filters));
    return sessions.length ? [{ ...result, sessions }] : [];
  });
}

/** A bookable session that still has places. */
export const hasPlaces = (session: Session) => session.mode === 'bookable' && (session.remaining ?? 0) > 0;

/** The next session of the same hub after `full` that can still be booked. */
export function nextAvailable(sessions: readonly Session[], full: Session): Session | undefined {
  return sessions.filter((session) => session.hubId === full.hubId && session.start > full.start && hasPlaces(session)).sort((a, b) => a.start.localeCompare(b.start))[0];
}

/** Whether any of the hub's sessions is running at `now` (UK time). */
export function hubOpenNow(hub: Hub, now: Date): boolean {
  return isOpenNow(
    hub.sessions.map((plan) => plan.schedule),
    now,
  );
}

/** The weekdays on which any listed session falls, Monday first, for the day filter. */
export function sessionWeekdays(results: readonly HubResult[]): Weekday[] {
  const seen = new Set(results.flatMap((result) => result.sessions.map((session) => londonParts(new Date(session.start)).weekday)));
  return WEEKDAYS.filter((day) => seen.has(day));
}

/**
 * The booking form's errors as the resident sees its fields: the schema's
 * `contact` (nothing chosen) is the contact-method question, and any error
 * in `contact.*` belongs to the phone or email box for the method chosen
 * (required when empty, else invalid).
 */
export function bookingFieldErrors(errors: readonly FieldError[], method: 'phone' | 'email' | undefined): FieldError[] {
  return errors.map((error) => {
    if (error.field === 'contact') return { field: 'contact.method', code: 'required' };
    if (error.field.startsWith('contact.')) return { field: `contact.${method ?? 'method'}`, code: error.code === 'required' ? 'required' : 'invalid' };
    return error;
  });
}

/** Whether a hub is open now and until when, or when it next opens, from its listed sessions. */
export type OpeningStatus = { state: 'open'; until: Date } | { state: 'opens'; at: Date; inDays: number };

/** Whole London calendar days from `now`'s date to `then`'s (0 today, 1 tomorrow). */
export function londonDaysBetween(now: Date, then: Date): number {
  const day = (instant: Date) => {
    const parts = londonParts(instant);
    return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
  };
  return day(then) - day(now);
}

/**
 * "Open now until 15:00" or "Opens tomorrow at 10:00": a session under way
 * at `now` (started, not ended) makes the hub open until the latest end of
 * those under way; otherwise it opens at the start of its next session.
 * Undefined when no listed session is on now or later.
 */
export function openingStatus(sessions: readonly Pick<Session, 'start' | 'end'>[], now: Date): OpeningStatus | undefined {
  const at = now.getTime();
  let until: number | undefined;
  let next: number | undefined;
  for (const session of sessions) {
    const start = Date.parse(session.start);
    const end = Date.parse(session.end);
    if (start <= at && at < end) until = Math.max(until ?? end, end);
    else if (start > at) next = Math.min(next ?? start, start);
  }
  if (until !== undefined) return { state: 'open', until: new Date(until) };
  if (next !== undefined) return { state: 'opens', at: new Date(next), inDays: londonDaysBetween(now, new Date(next)) };
  return undefined;
}
