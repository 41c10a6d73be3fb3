/*
 * The waiting list's timing rules, shared by the server (which makes and
 * ends offers) and <cls-hub-finder> (which offers joining only while it
 * can still lead to a place).
 */

/** An offered place must be taken this long before the session starts, so there is time to get there. */
export const OFFER_ENDS_BEFORE_START_MS = 30 * 60_000;

/** The shortest time anyone is given to take an offered place: no offer is made with less. */
export const SHORTEST_OFFER_MS = 15 * 60_000;

/** How long a resident has to take a place offered to them, unless the server is configured otherwise. */
export const DEFAULT_OFFER_HOURS = 12;

/**
 * When an offer made at `now` ends: `offerMs` later, but at the latest
 * {@link OFFER_ENDS_BEFORE_START_MS} before the session. Undefined when that
 * would leave less than {@link SHORTEST_OFFER_MS}: then no offer is made.
 */
export function offerEndsAt(now: Date, start: Date, offerMs: number): Date | undefined {
  const ends = Math.min(now.getTime() + offerMs, start.getTime() - OFFER_ENDS_BEFORE_START_MS);
  return ends - now.getTime() >= SHORTEST_OFFER_MS ? new Date(ends) : undefined;
}

/** Whether joining the waiting list of a session starting at `start` can still lead to an offer. */
export function waitingListOpen(now: Date, start: Date): boolean {
  return offerEndsAt(now, start, SHORTEST_OFFER_MS) !== undefined;
}
