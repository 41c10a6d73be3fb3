/**
 * A conversation as `<cls-hub-day>`'s form holds it (strings as typed, the
 * date and time as a London day and clock time) and the one way it becomes
 * the `VisitInput` the contract checks. DOM-free, so the rule that "save and
 * record another" keeps the hub and worker and clears the rest is tested in
 * Node.
 */
import { londonInstant, londonParts } from './schedule.ts';

/** The form's values, as typed. */
export interface VisitDraft {
  hubId: string;
  /** London date, `YYYY-MM-DD`. */
  date: string;
  /** London clock time, `HH:MM`. */
  time: string;
  worker: string;
  heardAbout: string | undefined;
  ageBand: string | undefined;
  outcode: string;
  whatMatters: string;
  outcomes: string[];
  /** `YYYY-MM-DD` or blank. */
  followUp: string;
  /** Score `'1'`–`'5'` by wellbeing statement id; unscored statements are absent. */
  wellbeing: Record<string, string>;
  personRef: string;
}

/** A blank draft at `hubId` by `worker`, dated now (London). */
export function blankDraft(hubId: string, worker: string, now: Date): VisitDraft {
  const parts = londonParts(now);
  return {
    hubId,
    date: parts.date,
    time: parts.time.slice(0, 5),
    worker,
    heardAbout: undefined,
    ageBand: undefined,
    outcode: '',
    whatMatters: '',
    outcomes: [],
    followUp: '',
    wellbeing: {},
    personRef: '',
  };
}

/** "Save and record another": the next draft keeps the hub and the worker, and is dated now. */
export function nextDraft(saved: VisitDraft, now: Date): VisitDraft {
  return blankDraft(saved.hubId, saved.worker, now);
}

/** The instant a London date and time name, or `''` (which the contract refuses) when they are not a real date and time. */
export function occurredAtOf(date: string, time: string): string {
  try {
    return londonInstant(date, time).toISOString();
  } catch {
    return '';
  }
}

/** What the form sends, before the contract checks it (`VisitInput.safeParse`). */
export function draftToInput(draft: VisitDraft): Record<string, unknown> {
  const wellbeing = Object.fromEntries(Object.entries(draft.wellbeing).filter(([, score]) => score).map(([id, score]) => [id, Number(score)]));
  return {
    hubId: draft.hubId,
    occurredAt: occurredAtOf(draft.date, draft.time),
    worker: draft.worker,
    ...(draft.heardAbout ? { heardAbout: draft.heardAbout } : {}),
    ...(draft.ageBand ? { ageBand: draft.ageBand } : {}),
    outcode: draft.outcode,
    whatMatters: draft.whatMatters,
    outcomes: draft.outcomes,
    ...(draft.followUp.trim() ? { followUp: draft.followUp.trim() } : {}),
    ...(Object.keys(wellbeing).length ? { wellbeing } : {}),
    personRef: draft.personRef,
  };
}

/** A stored visit back as a draft, to correct it. */
export function draftOfVisit(visit: {
  hubId: string;
  occurredAt: string;
  worker: string;
  heardAbout?: string | undefined;
  ageBand?: string | undefined;
  outcode?: string | undefined;
  whatMatters?: string | undefined;
  outcomes: readonly string[];
  followUp?: string | undefined;
  wellbeing?: Record<string, number> | undefined;
  personRef?: string | undefined;
}): VisitDraft {
  const parts = londonParts(new Date(visit.occurredAt));
  return {
    hubId: visit.hubId,
    date: parts.date,
    time: parts.time.slice(0, 5),
    worker: visit.worker,
    heardAbout: visit.heardAbout,
    ageBand: visit.ageBand,
    outcode: visit.outcode ?? '',
    whatMatters: visit.whatMatters ?? '',
    outcomes: [...visit.outcomes],
    followUp: visit.followUp ?? '',
    wellbeing: Object.fromEntries(Object.entries(visit.wellbeing ?? {}).map(([id, score]) => [id, String(score)])),
    personRef: visit.personRef ?? '',
  };
}
