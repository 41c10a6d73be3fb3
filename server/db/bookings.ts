import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Language } from '../../src/contract/language.ts';
import { BOOKING_REFERENCE_ALPHABET, type BookingContact, type StaffBooking, type StaffBookingsExportQuery, type StaffBookingsQuery } from '../../src/contract/bookings.ts';
import type { Database, Queryable } from './database.ts';

/** Bytes at or above this are discarded, so every alphabet letter is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % BOOKING_REFERENCE_ALPHABET.length);

/** A fresh `XXXX-XXXX` reference from {@link BOOKING_REFERENCE_ALPHABET}, from crypto randomness without modulo bias. */
export function newBookingReference(random: (size: number) => Uint8Array = randomBytes): string {
  const chars: string[] = [];
  while (chars.length < 8) {
    for (const byte of random(16)) {
      if (byte < UNBIASED_LIMIT && chars.length < 8) chars.push(BOOKING_REFERENCE_ALPHABET.charAt(byte % BOOKING_REFERENCE_ALPHABET.length));
    }
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * Makes the manage key of each booking: HMAC-SHA256 of its reference under
 * a secret kept in the database (`server_secrets`, made on first use). The
 * same reference always gives the same key, so a replayed POST can send it
 * again, while nobody without the secret can work one out. Only the key's
 * SHA-256 is stored with the booking.
 */
export async function manageKeys(db: Queryable): Promise<(reference: string) => string> {
  await db.query(`INSERT INTO server_secrets (name, value) VALUES ('booking-manage-key', $1) ON CONFLICT (name) DO NOTHING`, [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = 'booking-manage-key'`);
  if (!row) throw new Error('booking manage-key secret missing');
  const secret = row.value;
  return (reference) => createHmac('sha256', secret).update(`booking-manage-key:v1:${reference}`, 'utf8').digest('base64url');
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** What is stored of a manage key: its SHA-256, in hex. */
export const keyHashOf = (key: string): string => tokenHash(key).toString('hex');

/** The session occurrence a booking is for, as the directory describes it now. */
export interface SlotSpec {
  sessionId: string;
  hubId: string;
  planId: string;
  start: Date;
  /** Undefined: the plan sets no limit. */
  capacity: number | undefined;
}

export interface NewBooking {
  name: string;
  contact: BookingContact;
  notes?: string | undefined;
  lang?: Language | undefined;
}

export type BookSeatOutcome =
  | { kind: 'full'; capacity: number }
  | { kind: 'booked'; reference: string; manageKey: string; createdAt: string; booked: number; capacity: number | undefined };

export interface BookSeatOptions {
  /** The manage key of a reference (see {@link manageKeys}). */
  keyFor: (reference: string) => string;
  /** Where references come from (tests inject collisions). */
  reference?: () => string;
}

const MAX_REFERENCE_TRIES = 20;
const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Takes one seat of a session occurrence, inside the caller's transaction.
 *
 * The slot row is created if this is the first booking, then locked with
 * `SELECT … FOR UPDATE`: concurrent bookings of the same occurrence queue
 * on that lock, each sees the count the previous one committed, and the
 * `booked <= capacity` check constraint backs this up. Other occurrences
 * are not blocked.
 */
export async function bookSeat(tx: Queryable, slot: SlotSpec, booking: NewBooking, options: BookSeatOptions): Promise<BookSeatOutcome> {
  const capacity = slot.capacity ?? null;
  const places = await lockSlot(tx, slot);
  // The plan's capacity now is what counts (it may have changed since the slot was created); a place held for someone offered it is not free.
  if (capacity !== null && places.booked + places.held >= capacity) return { kind: 'full', capacity };
  await tx.query('UPDATE session_slots SET booked = booked + 1, capacity = $2 WHERE session_id = $1', [slot.sessionId, capacity]);
  const made = await withFreshReference(options, (reference, keyHash) =>
    insertBooking(tx, { reference, sessionId: slot.sessionId, hubId: slot.hubId, keyHash, ...booking }),
  );
  return { kind: 'booked', reference: made.reference, manageKey: made.manageKey, createdAt: made.createdAt, booked: places.booked + 1, capacity: slot.capacity };
}

/** Creates the slot row of an occurrence if this is its first booking or waiting-list place, then locks it: its places as they stand. */
export async function lockSlot(tx: Queryable, slot: SlotSpec): Promise<{ booked: number; held: number }> {
  await tx.query(
    `INSERT INTO session_slots (session_id, hub_id, plan_id, starts_at, capacity)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id) DO NOTHING`,
    [slot.sessionId, slot.hubId, slot.planId, slot.start.toISOString(), slot.capacity ?? null],
  );
  const [row] = await tx.query<{ booked: number; held: number }>('SELECT booked, held FROM session_slots WHERE session_id = $1 FOR UPDATE', [slot.sessionId]);
  if (!row) throw new Error('session slot vanished inside its transaction');
  return { booked: Number(row.booked), held: Number(row.held) };
}

/**
 * Inserts a booking row (a new booking, or a waiting-list offer taken under
 * its reference); false when the reference is taken, by a booking or by a
 * waiting-list place. ON CONFLICT rather than catching a unique violation:
 * an error would abort the whole transaction.
 */
export async function insertBooking(
  tx: Queryable,
  row: NewBooking & { reference: string; sessionId: string; hubId: string; keyHash: string },
): Promise<{ createdAt: string } | undefined> {
  const [inserted] = await tx.query<{ created_at: Date | string }>(
    `INSERT INTO bookings (reference, session_id, hub_id, name, contact_method, contact_value, notes, lang, cancel_token_hash)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
     WHERE NOT EXISTS (SELECT 1 FROM waiting_list WHERE reference = $1 AND status <> 'booked')
     ON CONFLICT (reference) DO NOTHING
     RETURNING created_at`,
    [row.reference, row.sessionId, row.hubId, row.name, row.contact.method, row.contact.value, row.notes ?? null, row.lang ?? null, row.keyHash],
  );
  return inserted ? { createdAt: iso(inserted.created_at) } : undefined;
}

/**
 * Tries fresh references until `insert` takes one: the reference, its
 * manage key and when it was made. Shared by bookings and waiting-list
 * places, whose references never clash.
 */
export async function withFreshReference(
  options: BookSeatOptions,
  insert: (reference: string, keyHash: string) => Promise<{ createdAt: string } | undefined>,
): Promise<{ reference: string; manageKey: string; createdAt: string }> {
  const generate = options.reference ?? newBookingReference;
  for (let attempt = 0; attempt < MAX_REFERENCE_TRIES; attempt++) {
    const reference = generate();
    const manageKey = options.keyFor(reference);
    const inserted = await insert(reference, keyHashOf(manageKey));
    if (inserted) return { reference, manageKey, createdAt: inserted.createdAt };
  }
  throw new Error(`no free booking reference after ${MAX_REFERENCE_TRIES} tries`);
}

/** What the webhook and the cancel answer need about a booking. */
export interface BookingSummary {
  reference: string;
  sessionId: string;
  hubId: string;
  start: string;
  name: string;
  contact: { method: 'phone' | 'email'; value: string };
  notes?: string;
}

interface BookingRow {
  reference: string;
  session_id: string;
  hub_id: string;
  name: string;
  contact_method: 'phone' | 'email';
  contact_value: string;
  notes: string | null;
  lang: Language | null;
  cancel_token_hash: string;
  created_at: Date | string;
  cancelled_at: Date | string | null;
  starts_at: Date | string;
  [key: string]: unknown;
}

const summaryOf = (row: BookingRow): BookingSummary => ({
  reference: row.reference,
  sessionId: row.session_id,
  hubId: row.hub_id,
  start: iso(row.starts_at),
  name: row.name,
  contact: { method: row.contact_method, value: row.contact_value },
  ...(row.notes !== null ? { notes: row.notes } : {}),
});

export type CancelOutcome = { kind: 'not-found' } | { kind: 'cancelled'; first: boolean; booking: BookingSummary };

/** Compared against when there is no booking, so an unknown reference costs the same hashing and comparison. */
const NO_BOOKING_HASH = createHash('sha256').update('no booking').digest('hex');

/**
 * Cancels a booking if `token` is its manage key, freeing its seat once:
 * a repeated cancel answers the same and frees nothing more. A wrong token
 * and an unknown reference are indistinguishable to the caller.
 */
export async function cancelBooking(
  db: Database,
  reference: string,
  token: string,
  /** Runs in the cancelling transaction, the first time only (the cancellation notice and the staff event are written there). */
  onCancelled?: (tx: Queryable, booking: ManagedBooking, summary: BookingSummary) => Promise<void>,
): Promise<CancelOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<BookingRow>(
      `SELECT b.*, s.starts_at FROM bookings b JOIN session_slots s ON s.session_id = b.session_id
       WHERE b.reference = $1 FOR UPDATE OF b`,
      [reference],
    );
    if (!row || !keyMatches(row, token)) return { kind: 'not-found' };
    if (row.cancelled_at !== null) return { kind: 'cancelled', first: false, booking: summaryOf(row) };
    await tx.query('UPDATE bookings SET cancelled_at = now() WHERE reference = $1', [reference]);
    await tx.query('UPDATE session_slots SET booked = booked - 1 WHERE session_id = $1', [row.session_id]);
    await onCancelled?.(tx, managed(row), summaryOf(row));
    return { kind: 'cancelled', first: true, booking: summaryOf(row) };
  });
}

/** Whether the booking `reference` stands or was cancelled (undefined: no such booking). */
export async function bookingStatus(db: Queryable, reference: string): Promise<'booked' | 'cancelled' | undefined> {
  const [row] = await db.query<{ cancelled_at: Date | string | null }>('SELECT cancelled_at FROM bookings WHERE reference = $1', [reference]);
  if (!row) return undefined;
  return row.cancelled_at === null ? 'booked' : 'cancelled';
}

/** Places not free, per session id (booked, or held for someone offered them), for those of `sessionIds` that have been booked. */
export async function bookedCounts(db: Queryable, sessionIds: readonly string[]): Promise<Map<string, number>> {
  if (!sessionIds.length) return new Map();
  const rows = await db.query<{ session_id: string; taken: number }>(
    'SELECT session_id, booked + held AS taken FROM session_slots WHERE session_id = ANY($1::text[])',
    [[...sessionIds]],
  );
  return new Map(rows.map((row) => [row.session_id, Number(row.taken)]));
}

function filters(query: StaffBookingsExportQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.hub) {
    params.push(query.hub);
    clauses.push(`b.hub_id = $${params.length}`);
  }
  if (query.from) {
    params.push(query.from);
    clauses.push(`s.starts_at >= $${params.length}`);
  }
  if (query.to) {
    params.push(query.to);
    clauses.push(`s.starts_at < $${params.length}`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const staffRecord = (row: BookingRow, hubName: (id: string) => string | undefined): StaffBooking => {
  const name = hubName(row.hub_id);
  return {
    reference: row.reference,
    sessionId: row.session_id,
    hubId: row.hub_id,
    ...(name !== undefined ? { hubName: name } : {}),
    start: iso(row.starts_at),
    name: row.name,
    contact: { method: row.contact_method, value: row.contact_value },
    ...(row.notes !== null ? { notes: row.notes } : {}),
    ...(row.lang !== null ? { lang: row.lang } : {}),
    createdAt: iso(row.created_at),
    cancelled: row.cancelled_at !== null,
    ...(row.cancelled_at !== null ? { cancelledAt: iso(row.cancelled_at) } : {}),
  };
};

const SELECT_BOOKINGS = 'SELECT b.*, s.starts_at FROM bookings b JOIN session_slots s ON s.session_id = b.session_id';

/** Bookings for staff, newest first, one page. */
export async function listBookings(
  db: Queryable,
  query: StaffBookingsQuery,
  hubName: (id: string) => string | undefined,
): Promise<{ total: number; items: StaffBooking[] }> {
  const { where, params } = filters(query);
  const [count] = await db.query<{ total: number | string }>(
    `SELECT count(*) AS total FROM bookings b JOIN session_slots s ON s.session_id = b.session_id ${where}`,
    params,
  );
  const rows = await db.query<BookingRow>(
    `${SELECT_BOOKINGS} ${where} ORDER BY b.seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { total: Number(count?.total ?? 0), items: rows.map((row) => staffRecord(row, hubName)) };
}

/** Every booking matching `query`, newest first, for the CSV export. */
export async function exportBookings(db: Queryable, query: StaffBookingsExportQuery, hubName: (id: string) => string | undefined): Promise<StaffBooking[]> {
  const { where, params } = filters(query);
  const rows = await db.query<BookingRow>(`${SELECT_BOOKINGS} ${where} ORDER BY b.seq DESC`, params);
  return rows.map((row) => staffRecord(row, hubName));
}

/** A booking as its owner manages it: the stored row, with when its session starts. */
export interface ManagedBooking {
  reference: string;
  sessionId: string;
  hubId: string;
  start: string;
  contactMethod: 'phone' | 'email';
  contactValue: string;
  lang: Language | undefined;
  createdAt: string;
  cancelledAt: string | undefined;
}

const managed = (row: BookingRow): ManagedBooking => ({
  reference: row.reference,
  sessionId: row.session_id,
  hubId: row.hub_id,
  start: iso(row.starts_at),
  contactMethod: row.contact_method,
  contactValue: row.contact_value,
  lang: row.lang ?? undefined,
  createdAt: iso(row.created_at),
  cancelledAt: row.cancelled_at === null ? undefined : iso(row.cancelled_at),
});

const keyMatches = (row: BookingRow | undefined, key: string) => storedKeyMatches(row?.cancel_token_hash, key);

/** Whether `key` is the manage key whose hash is `stored`; compared in constant time, and as long when there is nothing stored. */
export function storedKeyMatches(stored: string | undefined, key: string): boolean {
  const expected = Buffer.from(stored ?? NO_BOOKING_HASH, 'hex');
  const given = tokenHash(key);
  return stored !== undefined && expected.length === given.length && timingSafeEqual(expected, given);
}

/** The booking `reference` if `key` is its manage key; undefined otherwise (wrong key and unknown reference alike). */
export async function bookingByKey(db: Queryable, reference: string, key: string): Promise<ManagedBooking | undefined> {
  const [row] = await db.query<BookingRow>(`${SELECT_BOOKINGS} WHERE b.reference = $1`, [reference]);
  return row && keyMatches(row, key) ? managed(row) : undefined;
}

/** The booking `reference` if `matches` accepts the contact it was made with. */
export async function bookingByContact(db: Queryable, reference: string, matches: (contact: string) => boolean): Promise<ManagedBooking | undefined> {
  const [row] = await db.query<BookingRow>(`${SELECT_BOOKINGS} WHERE b.reference = $1`, [reference]);
  return row && matches(row.contact_value) ? managed(row) : undefined;
}

export type MoveOutcome =
  | { kind: 'not-found' }
  | { kind: 'cancelled' }
  | { kind: 'full'; capacity: number }
  | { kind: 'moved'; booking: ManagedBooking; from: string; booked: number; capacity: number | undefined; first: boolean };

/**
 * Moves a booking to another session occurrence in one transaction: the new
 * seat is taken before the old one is freed, so the booking is never without
 * a place and no session is ever overbooked. Both slot rows are locked in
 * session-id order, so two moves in opposite directions cannot deadlock.
 * Moving to the session it is already for changes nothing.
 */
export async function moveBooking(
  db: Database,
  reference: string,
  key: string,
  slot: SlotSpec,
  /** Runs in the moving transaction once the booking has moved (new messages and the staff event are written there). */
  onMoved?: (tx: Queryable, booking: ManagedBooking, summary: BookingSummary & { from: string }) => Promise<void>,
): Promise<MoveOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<BookingRow>(
      `SELECT b.*, s.starts_at FROM bookings b JOIN session_slots s ON s.session_id = b.session_id WHERE b.reference = $1 FOR UPDATE OF b`,
      [reference],
    );
    if (!row || !keyMatches(row, key)) return { kind: 'not-found' };
    if (row.cancelled_at !== null) return { kind: 'cancelled' };
    const capacity = slot.capacity ?? null;
    if (row.session_id === slot.sessionId) {
      const [same] = await tx.query<{ booked: number }>('SELECT booked FROM session_slots WHERE session_id = $1', [slot.sessionId]);
      return { kind: 'moved', booking: managed(row), from: row.session_id, booked: Number(same?.booked ?? 0), capacity: slot.capacity, first: false };
    }
    await tx.query(
      `INSERT INTO session_slots (session_id, hub_id, plan_id, starts_at, capacity)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id) DO NOTHING`,
      [slot.sessionId, slot.hubId, slot.planId, slot.start.toISOString(), capacity],
    );
    const locked = await tx.query<{ session_id: string; booked: number; held: number }>(
      'SELECT session_id, booked, held FROM session_slots WHERE session_id = ANY($1::text[]) ORDER BY session_id FOR UPDATE',
      [[row.session_id, slot.sessionId]],
    );
    const target = locked.find((candidate) => candidate.session_id === slot.sessionId);
    if (!target) throw new Error('session slot vanished inside its transaction');
    const booked = Number(target.booked);
    if (capacity !== null && booked + Number(target.held) >= capacity) return { kind: 'full', capacity };
    // The new seat first, then the old one freed.
    await tx.query('UPDATE session_slots SET booked = booked + 1, capacity = $2 WHERE session_id = $1', [slot.sessionId, capacity]);
    await tx.query('UPDATE session_slots SET booked = booked - 1 WHERE session_id = $1', [row.session_id]);
    await tx.query('UPDATE bookings SET session_id = $2, hub_id = $3 WHERE reference = $1', [reference, slot.sessionId, slot.hubId]);
    const moved: ManagedBooking = { ...managed(row), sessionId: slot.sessionId, hubId: slot.hubId, start: slot.start.toISOString() };
    await onMoved?.(tx, moved, { ...summaryOf(row), sessionId: slot.sessionId, hubId: slot.hubId, start: slot.start.toISOString(), from: row.session_id });
    return { kind: 'moved', booking: moved, from: row.session_id, booked: booked + 1, capacity: slot.capacity, first: true };
  });
}
