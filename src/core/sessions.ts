import type { Hub, HubSessionPlan } from '../contract/directory.ts';
import type { Session } from '../contract/places.ts';
import { nextOccurrences, occurrencesBetween, type Occurrence } from './schedule.ts';

/*
 * The one rule for hub sessions: which occurrences of a hub's session plans
 * fall in a window, and the id each occurrence is known by. The sessions
 * endpoint, the booking check and the hub finder (reading a council's own
 * ORUK feed) all expand plans here, so they can never disagree about a
 * session's id.
 */

const DAY_MS = 86_400_000;

/**
 * The id of one occurrence of a plan: `<plan id>@<London date>T<HH:MM>`,
 * the London opening time (`00:00` for an all-day occurrence). Bookings
 * name their session by it, so it must stay stable while the plan does.
 */
export function sessionId(planId: string, occurrence: Pick<Occurrence, 'date' | 'opensAt'>): string {
  return `${planId}@${occurrence.date}T${occurrence.opensAt ?? '00:00'}`;
}

const SESSION_ID = /^(.+)@(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The plan, London date and opening time a {@link sessionId} names, or undefined when it is not one. */
export function parseSessionId(id: string): { planId: string; date: string; opensAt: string } | undefined {
  const match = SESSION_ID.exec(id);
  if (!match) return undefined;
  const [, planId = '', date = '', opensAt = ''] = match;
  return { planId, date, opensAt };
}

export interface ExpandOptions {
  /** At most this many sessions of each plan, the earliest. Default: all in the window. */
  limit?: number;
  /**
   * Also a session under way at `from` (started before it, not yet ended),
   * as a list of what is next shows. Default false: only sessions that
   * start in [`from`, `to`).
   */
  underway?: boolean;
}

function occurrencesOf(plan: HubSessionPlan, from: Date, to: Date, options: ExpandOptions): Occurrence[] {
  const limit = options.limit ?? Infinity;
  if (!(to.getTime() > from.getTime()) || !(limit >= 1)) return [];
  if (options.underway) return nextOccurrences(plan.schedule, from, limit, { horizonDays: (to.getTime() - from.getTime()) / DAY_MS });
  const occurrences = occurrencesBetween(plan.schedule, from, to);
  return limit < occurrences.length ? occurrences.slice(0, Math.floor(limit)) : occurrences;
}

/**
 * The sessions of every plan of `hubs` in the window [`from`, `to`), in
 * start order (then by id), each with its {@link sessionId}. Bookable plans
 * with a capacity give their sessions that capacity, all of it remaining
 * (the server then subtracts what is booked).
 */
export function expandSessions(hubs: readonly Hub[], from: Date, to: Date, options: ExpandOptions = {}): Session[] {
  const sessions: Session[] = [];
  for (const hub of hubs) {
    for (const plan of hub.sessions) {
      for (const occurrence of occurrencesOf(plan, from, to, options)) {
        sessions.push({
          id: sessionId(plan.id, occurrence),
          hubId: hub.id,
          planId: plan.id,
          start: occurrence.start.toISOString(),
          end: occurrence.end.toISOString(),
          mode: plan.mode,
          ...(plan.kind ? { kind: plan.kind } : {}),
          ...(plan.mode === 'bookable' && plan.capacity ? { capacity: plan.capacity, remaining: plan.capacity } : {}),
        });
      }
    }
  }
  return sessions.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}
