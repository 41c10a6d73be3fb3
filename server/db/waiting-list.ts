import type { Language } from '../../src/contract/language.ts';
import { OFFER_ENDS_BEFORE_START_MS, SHORTEST_OFFER_MS, offerEndsAt } from '../../src/core/waiting-list.ts';
import { insertBooking, lockSlot, storedKeyMatches, withFreshReference, type BookSeatOptions, type NewBooking, type SlotSpec } from './bookings.ts';
import type { Database, Queryable } from './database.ts';

/*
 * Waiting lists of full sessions. Every change to a session's list first
 * locks the session's slot row (as a booking does), so joining, leaving,
 * offering and taking places, and bookings of the same session, happen one
 * at a time and `booked + held` never passes the capacity.
 */

export type WaitingStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'left' | 'closed';

/** A place on a waiting list, as stored. */
export interface WaitingEntry {
  reference: string;
  sessionId: string;
  hubId: string;
  start: string;
  name: string;
  contactMethod: 'phone' | 'email';
  contactValue: string;
  notes: string | undefined;
  lang: Language | undefined;
  createdAt: string;
  status: WaitingStatus;
  offerExpiresAt: string | undefined;
  /** Where they are in the queue (1: offered the next place), while waiting. */
  position: number | undefined;
}

interface WaitingRow {
  reference: string;
  seq: string | number;
  session_id: string;
  hub_id: string;
  name: string;
  contact_method: 'phone' | 'email';
  contact_value: string;
  notes: string | null;
  lang: Language | null;
  key_hash: string;
  created_at: Date | string;
  status: WaitingStatus;
  offer_expires_at: Date | string | null;
  starts_at: Date | string;
  position: string | number | null;
  [key: string]: unknown;
}

const iso = (value: Date | string) => new Date(value).toISOString();

const entryOf = (row: WaitingRow): WaitingEntry => ({
  reference: row.reference,
  sessionId: row.session_id,
  hubId: row.hub_id,
  start: iso(row.starts_at),
  name: row.name,
  contactMethod: row.contact_method,
  contactValue: row.contact_value,
  notes: row.notes ?? undefined,
  lang: row.lang ?? undefined,
  createdAt: iso(row.created_at),
  status: row.status,
  offerExpiresAt: row.offer_expires_at === null ? undefined : iso(row.offer_expires_at),
  position: row.status === 'waiting' && row.position !== null ? Number(row.position) : undefined,
});

const SELECT_ENTRY = `SELECT w.*, s.starts_at,
    (SELECT count(*) FROM waiting_list ahead WHERE ahead.session_id = w.session_id AND ahead.status = 'waiting' AND ahead.seq <= w.seq) AS position
  FROM waiting_list w JOIN session_slots s ON s.session_id = w.session_id`;

/** Called for each offer made, in its transaction (the offer message is written there). */
export type OnOffered = (tx: Queryable, entry: WaitingEntry) => Promise<void>;

/** What settling a session's list needs from the directory. */
export interface SettleOptions {
  onOffered?: OnOffered | undefined;
  /**
   * The session's capacity in its plan now (null: no limit), which counts
   * over the one stored with its slot; undefined when the session is no
   * longer in the directory (the stored one counts).
   */
  capacity?: number | null | undefined;
}

export interface WaitingClock {
  now: Date;
  /** How long an offer stands (see `offerEndsAt`). */
  offerMs: number;
}

/**
 * Brings a session's waiting list up to date, inside the caller's
 * transaction: offers past their time expire and give their place back;
 * once the session is too close for offers, those still waiting are told
 * the list has closed; and every free place is offered, and held, for the
 * first person waiting. Called whenever a place may have come free.
 */
export async function settleWaitingList(tx: Queryable, sessionId: string, clock: WaitingClock, options: SettleOptions = {}): Promise<number> {
  const [slot] = await tx.query<{ capacity: number | null; booked: number; held: number; starts_at: Date | string }>(
    'SELECT capacity, booked, held, starts_at FROM session_slots WHERE session_id = $1 FOR UPDATE',
    [sessionId],
  );
  if (!slot) return 0;
  const now = clock.now.toISOString();
  // `held` counts the session's offered places, so with none held there is no offer to expire (the usual case, on every booking).
  const expired =
    Number(slot.held) > 0
      ? await tx.query(
          `UPDATE waiting_list SET status = 'expired', ended_at = $2 WHERE session_id = $1 AND status = 'offered' AND offer_expires_at <= $2 RETURNING reference`,
          [sessionId, now],
        )
      : [];
  const booked = Number(slot.booked);
  let held = Number(slot.held) - expired.length;
  const stored = slot.capacity === null ? null : Number(slot.capacity);
  const capacity = options.capacity === undefined ? stored : options.capacity;
  const ends = offerEndsAt(clock.now, new Date(slot.starts_at), clock.offerMs);
  if (!ends) {
    await tx.query(`UPDATE waiting_list SET status = 'closed', ended_at = $2 WHERE session_id = $1 AND status = 'waiting'`, [sessionId, now]);
  }
  // No limit any more: everyone waiting is offered a place.
  const free = capacity === null ? null : Math.max(0, capacity - booked - held);
  const offered =
    ends && free !== 0
      ? await tx.query<WaitingRow>(
          `UPDATE waiting_list w SET status = 'offered', offered_at = $3, offer_expires_at = $4
           FROM session_slots s
           WHERE s.session_id = w.session_id AND w.reference IN (
             SELECT reference FROM waiting_list WHERE session_id = $1 AND status = 'waiting' ORDER BY seq LIMIT $2
           )
           RETURNING w.*, s.starts_at, NULL AS position`,
          [sessionId, free, now, ends.toISOString()],
        )
      : [];
  held += offered.length;
  // The plan's capacity is stored, but never below the places already taken (a plan cut below its bookings keeps them).
  const keep = capacity === null ? null : Math.max(capacity, booked + held);
  if (held !== Number(slot.held) || keep !== stored) {
    await tx.query('UPDATE session_slots SET held = $2, capacity = $3 WHERE session_id = $1', [sessionId, held, keep]);
  }
  for (const row of offered) await options.onOffered?.(tx, entryOf(row));
  return offered.length;
}

export type JoinOutcome =
  | { kind: 'has-places' }
  | { kind: 'closed' }
  | { kind: 'joined'; reference: string; manageKey: string; createdAt: string; position: number };

/**
 * Puts someone on the waiting list of a full session, inside the caller's
 * transaction. Refused while the session has places (book one instead) and
 * once it is too close for offers. Like a booking, a contact may join more
 * than once: refusing a second would tell anyone who asks whether that email
 * address or phone number is waiting.
 */
export async function joinWaitingList(
  tx: Queryable,
  slot: SlotSpec,
  person: NewBooking,
  options: BookSeatOptions & { clock: WaitingClock; settle?: SettleOptions },
): Promise<JoinOutcome> {
  await lockSlot(tx, slot);
  // Offers past their time give their places back first, to the next people waiting; then there may be places to book.
  await settleWaitingList(tx, slot.sessionId, options.clock, { ...options.settle, capacity: slot.capacity ?? null });
  const [places] = await tx.query<{ booked: number; held: number }>('SELECT booked, held FROM session_slots WHERE session_id = $1', [slot.sessionId]);
  if (slot.capacity === undefined || Number(places?.booked ?? 0) + Number(places?.held ?? 0) < slot.capacity) return { kind: 'has-places' };
  if (!offerEndsAt(options.clock.now, slot.start, options.clock.offerMs)) return { kind: 'closed' };
  const made = await withFreshReference(options, async (reference, keyHash) => {
    const [inserted] = await tx.query<{ created_at: Date | string }>(
      `INSERT INTO waiting_list (reference, session_id, hub_id, name, contact_method, contact_value, notes, lang, key_hash, created_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
       WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE reference = $1)
       ON CONFLICT (reference) DO NOTHING
       RETURNING created_at`,
      [
        reference,
        slot.sessionId,
        slot.hubId,
        person.name,
        person.contact.method,
        person.contact.value,
        person.notes ?? null,
        person.lang ?? null,
        keyHash,
        options.clock.now.toISOString(),
      ],
    );
    return inserted ? { createdAt: iso(inserted.created_at) } : undefined;
  });
  const [position] = await tx.query<{ position: string | number }>(
    `SELECT count(*) AS position FROM waiting_list WHERE session_id = $1 AND status = 'waiting'`,
    [slot.sessionId],
  );
  return { kind: 'joined', ...made, position: Number(position?.position ?? 1) };
}

/** The waiting-list place `reference` if `key` is its manage key (wrong key and unknown reference alike: undefined). */
export async function waitingByKey(db: Queryable, reference: string, key: string): Promise<WaitingEntry | undefined> {
  const [row] = await db.query<WaitingRow>(`${SELECT_ENTRY} WHERE w.reference = $1`, [reference]);
  return row && storedKeyMatches(row.key_hash, key) ? entryOf(row) : undefined;
}

/** The waiting-list place `reference` if `matches` accepts the contact it was made with. */
export async function waitingByContact(db: Queryable, reference: string, matches: (contact: string) => boolean): Promise<WaitingEntry | undefined> {
  const [row] = await db.query<WaitingRow>(`${SELECT_ENTRY} WHERE w.reference = $1`, [reference]);
  return row && matches(row.contact_value) ? entryOf(row) : undefined;
}

/** Locks the session's slot, then the entry: the same order as every other change to the list. */
async function lockEntry(tx: Queryable, entry: WaitingEntry): Promise<WaitingEntry | undefined> {
  await tx.query('SELECT 1 FROM session_slots WHERE session_id = $1 FOR UPDATE', [entry.sessionId]);
  const [row] = await tx.query<WaitingRow>(`${SELECT_ENTRY} WHERE w.reference = $1 FOR UPDATE OF w`, [entry.reference]);
  return row ? entryOf(row) : undefined;
}

export type LeaveOutcome = { kind: 'not-found' } | { kind: 'booked' } | { kind: 'left'; entry: WaitingEntry; first: boolean };

/** Takes someone off a waiting list; a place held for them is offered to the next person. Leaving again answers the same. */
export async function leaveWaitingList(db: Database, reference: string, key: string, clock: WaitingClock, settle?: SettleOptions): Promise<LeaveOutcome> {
  const found = await waitingByKey(db, reference, key);
  if (!found) return { kind: 'not-found' };
  return db.transaction(async (tx) => {
    const entry = await lockEntry(tx, found);
    if (!entry) return { kind: 'not-found' };
    // Taken already: it is a booking now, to cancel as one.
    if (entry.status === 'booked') return { kind: 'booked' };
    if (entry.status !== 'waiting' && entry.status !== 'offered') return { kind: 'left', entry, first: false };
    await tx.query(`UPDATE waiting_list SET status = 'left', ended_at = $2, offer_expires_at = NULL WHERE reference = $1`, [reference, clock.now.toISOString()]);
    if (entry.status === 'offered') await tx.query('UPDATE session_slots SET held = held - 1 WHERE session_id = $1', [entry.sessionId]);
    await settleWaitingList(tx, entry.sessionId, clock, settle);
    return { kind: 'left', entry: { ...entry, status: 'left', offerExpiresAt: undefined, position: undefined }, first: true };
  });
}

export type AcceptOutcome =
  | { kind: 'not-found' }
  /** Taken already (a repeated request): the booking stands under the same reference. */
  | { kind: 'booked'; entry: WaitingEntry; first: boolean }
  | { kind: 'no-offer'; entry: WaitingEntry };

/**
 * Takes the place offered: the held place becomes a booking with the same
 * reference and manage key. An offer past its time has expired (and its
 * place gone to the next person) by then.
 */
export async function acceptOffer(
  db: Database,
  reference: string,
  key: string,
  clock: WaitingClock,
  hooks: { onBooked?: (tx: Queryable, entry: WaitingEntry) => Promise<void>; settle?: SettleOptions } = {},
): Promise<AcceptOutcome> {
  const found = await waitingByKey(db, reference, key);
  if (!found) return { kind: 'not-found' };
  return db.transaction(async (tx) => {
    const locked = await lockEntry(tx, found);
    if (!locked) return { kind: 'not-found' };
    if (locked.status === 'booked') return { kind: 'booked', entry: locked, first: false };
    await settleWaitingList(tx, locked.sessionId, clock, hooks.settle);
    const [row] = await tx.query<WaitingRow>(`${SELECT_ENTRY} WHERE w.reference = $1`, [reference]);
    const entry = row ? entryOf(row) : locked;
    if (entry.status !== 'offered' || !row) return { kind: 'no-offer', entry };
    await tx.query(`UPDATE waiting_list SET status = 'booked', ended_at = $2 WHERE reference = $1`, [reference, clock.now.toISOString()]);
    await tx.query('UPDATE session_slots SET held = held - 1, booked = booked + 1 WHERE session_id = $1', [entry.sessionId]);
    const inserted = await insertBooking(tx, {
      reference,
      sessionId: entry.sessionId,
      hubId: entry.hubId,
      keyHash: row.key_hash,
      name: entry.name,
      contact: { method: entry.contactMethod, value: entry.contactValue } as NewBooking['contact'],
      notes: entry.notes,
      lang: entry.lang,
    });
    if (!inserted) throw new Error('waiting-list reference already booked');
    const booked: WaitingEntry = { ...entry, status: 'booked', offerExpiresAt: undefined };
    await hooks.onBooked?.(tx, booked);
    return { kind: 'booked', entry: booked, first: true };
  });
}

/** Sessions whose waiting list needs settling now: an offer past its time, a list to close, or a free place with someone waiting. */
export async function sessionsToSettle(db: Queryable, clock: WaitingClock): Promise<string[]> {
  const rows = await db.query<{ session_id: string }>(
    `SELECT DISTINCT w.session_id FROM waiting_list w JOIN session_slots s ON s.session_id = w.session_id
     WHERE (w.status = 'offered' AND w.offer_expires_at <= $1)
        OR (w.status = 'waiting' AND (s.starts_at <= $2 OR s.booked + s.held < s.capacity))
     LIMIT 200`,
    [clock.now.toISOString(), new Date(clock.now.getTime() + OFFER_ENDS_BEFORE_START_MS + SHORTEST_OFFER_MS).toISOString()],
  );
  return rows.map((row) => row.session_id);
}
