import type { Hono } from 'hono';
import {
  BOOKING_WINDOW_DAYS,
  BookingCancelled,
  BookingCancelQuery,
  BookingCreated,
  BookingDetails,
  BookingInput,
  BookingLookup,
  BookingManageQuery,
  BookingMove,
  ManagedReference,
  contactMatchKey,
  normaliseBookingReference,
  BookingReference,
  StaffBookingList,
  StaffBookingsExportQuery,
  StaffBookingsQuery,
} from '../../src/contract/bookings.ts';
import { londonParts } from '../../src/core/schedule.ts';
import type { Session } from '../../src/contract/places.ts';
import {
  bookingByContact,
  bookingByKey,
  bookingStatus,
  bookSeat,
  cancelBooking,
  exportBookings,
  listBookings,
  manageKeys,
  moveBooking,
  type ManagedBooking,
} from '../db/bookings.ts';
import type { Database } from '../db/database.ts';
import { once } from '../db/idempotency.ts';
import { settleWaitingList, waitingByContact, waitingByKey, type WaitingClock } from '../db/waiting-list.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { toCsv } from '../http/csv.ts';
import { idempotencyKey, readBody, readQuery } from '../http/input.ts';
import { HttpProblem, idempotencyConflict } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';
import type { WebhookSender } from '../webhook.ts';
import { channelFor, dropReminders, enqueue, type NotifyOptions } from '../notify/outbox.ts';
import { bookingCreatedEvent, bookingHub, confirmBooking, findSession, personalisation, refusalFor, settling, slotOf } from './booking-sessions.ts';
import { mountWaitingList, type WaitingListDesk } from './waiting-list.ts';

export const bookingRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/api/v1/bookings',
    summary: 'Book a place at a bookable hub session',
    description:
      'Never books more places than the session has, however many requests arrive at once. The answer carries the booking reference and a secret manageKey. ' +
      `Only sessions published (up to ${BOOKING_WINDOW_DAYS} days ahead) can be booked. ` +
      'Retrying with the same Idempotency-Key and body returns the first booking (200) with the same manageKey; if that booking has been cancelled since, 409 booking-cancelled.',
    tag: 'Bookings',
    idempotent: true,
    body: BookingInput,
    responses: {
      201: { description: 'Booked', schema: BookingCreated },
      200: { description: 'Already booked by an earlier request with this Idempotency-Key', schema: BookingCreated },
    },
    problems: {
      404: '`not-found`: no such session',
      409: '`session-full`: no places left (a place held for someone offered it from the waiting list is not free): join the waiting list instead; `session-past`: the session has started; `booking-cancelled`: a replay of a booking cancelled since; `idempotency-key-reused`: the key was used with a different body',
      422: '`validation-failed`: a field is invalid (`errors` lists each one); `session-not-bookable`: a drop-in session, just turn up; `session-not-open`: the session is later than bookings are open for',
    },
  },
  {
    method: 'delete',
    path: '/api/v1/bookings/{reference}',
    summary: 'Cancel a booking, freeing its place',
    description: 'Needs the manageKey given when booking (`?key=`). Cancelling again answers the same. A wrong key and an unknown reference both answer 404.',
    tag: 'Bookings',
    query: BookingCancelQuery,
    responses: { 200: { description: 'Cancelled', schema: BookingCancelled } },
    problems: { 404: '`not-found`: no booking with this reference and key' },
  },
  {
    method: 'get',
    path: '/api/v1/bookings/{reference}',
    summary: 'See a booking or a waiting-list place (the manage link)',
    description:
      'Needs the manageKey (`?key=`). Answers the booking whether it stands or was cancelled, or the place on a waiting list (`status` waiting, offered, expired, left or closed; an offer past its time has expired by then); never the name or contact details. A wrong key and an unknown reference both answer 404.',
    tag: 'Bookings',
    query: BookingManageQuery,
    responses: { 200: { description: 'The booking, or the waiting-list place', schema: ManagedReference } },
    problems: { 404: '`not-found`: no booking with this reference and key' },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/lookup',
    summary: 'Find a booking by its reference and the email address or phone number it was made with',
    description:
      'For a resident who has lost the manage link. Answers the booking (or waiting-list place) with its manageKey. Email addresses match in any case; phone numbers by their digits (+44 as 0). Rate-limited per client like resume codes. A wrong contact and an unknown reference both answer 404.',
    tag: 'Bookings',
    body: BookingLookup,
    responses: { 200: { description: 'The booking, or the waiting-list place', schema: ManagedReference } },
    problems: { 404: '`not-found`: no booking with this reference and contact', 422: '`validation-failed`' },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/{reference}/move',
    summary: 'Move a booking to another session of the same hub',
    description:
      'One transaction: the new place is taken before the old one is freed, so the booking always has a place and no session is overbooked. Moving to the session it is for already answers the booking unchanged.',
    tag: 'Bookings',
    body: BookingMove,
    responses: { 200: { description: 'The booking, now for the new session', schema: BookingDetails } },
    problems: {
      404: '`not-found`: no booking with this reference and key, or no such session',
      409: '`session-full`; `session-past`; `booking-cancelled`: the booking was cancelled',
      422: '`session-other-hub`: the session is at another hub; `session-not-bookable`; `session-not-open`; `validation-failed`',
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/bookings',
    summary: 'List bookings, newest first, with contact details',
    description: '`from` and `to` select by when the session starts.',
    tag: 'Staff',
    staff: true,
    query: StaffBookingsQuery,
    responses: { 200: { description: 'A page of bookings', schema: StaffBookingList } },
  },
  {
    method: 'get',
    path: '/api/v1/staff/bookings.csv',
    summary: 'Export bookings as CSV, newest first',
    description: 'Every booking matching the filters. Cells a spreadsheet would run as a formula are prefixed with an apostrophe.',
    tag: 'Staff',
    staff: true,
    query: StaffBookingsExportQuery,
    produces: 'text/csv',
    responses: { 200: { description: 'CSV (UTF-8 with a byte order mark)' } },
  },
];

/** A session with no place free (all booked, or held for people offered them); the waiting list is offered instead. */
export const sessionFull = (capacity: number) =>
  new HttpProblem(409, 'session-full', 'This session is full', `All ${capacity} places at this session are taken. Join its waiting list, or choose another session.`);

const cancelNotFound = () => new HttpProblem(404, 'not-found', 'No such booking', 'There is no booking with this reference and key.');

const hubNames = async (directory: DirectoryCache) => {
  const { hubs } = await directory.get();
  const names = new Map(hubs.map((hub) => [hub.id, hub.name]));
  return (id: string) => names.get(id);
};

export interface BookingOptions {
  db: Database;
  directory: DirectoryCache;
  webhook: WebhookSender | undefined;
  notify: NotifyOptions | undefined;
  /** Told to send at once after a write that made messages. */
  outbox: { runOnce(): Promise<number> } | undefined;
  /** The waiting lists' clock (tests move it). */
  now: () => Date;
  /** How long an offered place is held. */
  waitingOfferMs: number;
}

/** Mounts booking, managing and waiting-list routes; answers the waiting lists' sweep (offers past their time), for the server to run every minute. */
export function mountBookings(app: Hono, options: BookingOptions): WaitingListDesk {
  const { db, directory, webhook, notify, outbox } = options;
  // Messages and staff events were committed with what they tell of: send them now rather than at the next scheduled run.
  const nudge = () => {
    if (notify) void outbox?.runOnce().catch(() => undefined);
    webhook?.nudge();
  };
  // Made (or read) once per app, on the first booking request.
  let keys: Promise<(reference: string) => string> | undefined;
  const keyFor = async () => {
    keys ??= manageKeys(db).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  const clock = (): WaitingClock => ({ now: options.now(), offerMs: options.waitingOfferMs });
  const desk = mountWaitingList(app, { ...options, keyFor, nudge, clock });

  app.post('/api/v1/bookings', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, BookingInput);
    // Looked up before the transaction (PGlite runs one thing at a time), but
    // refused inside it, so that a replay still gets its stored answer.
    const found = await findSession(directory, input.sessionId);
    const refusal = refusalFor(found);

    const manageKey = await keyFor();
    const outcome = await once(db, 'bookings', key, input, async (tx) => {
      if (refusal || !found) throw refusal;
      const { hub, session } = found;
      // People waiting come first: a place freed (an offer lapsed, the plan given more places) is offered to them before anyone books it.
      // (No slot row yet means nobody waits: settling then does nothing, and bookSeat makes the row.)
      if (await settleWaitingList(tx, session.id, clock(), settling(notify, found, manageKey))) nudge();
      const seat = await bookSeat(tx, slotOf(found), input, { keyFor: manageKey });
      if (seat.kind === 'full') throw sessionFull(seat.capacity);
      const booked: Session = { ...session, ...(seat.capacity !== undefined ? { remaining: Math.max(0, seat.capacity - seat.booked) } : {}) };
      const confirming = await confirmBooking(tx, notify, { reference: seat.reference, key: seat.manageKey, contact: input.contact, lang: input.lang }, found);
      await bookingCreatedEvent(tx, webhook, { reference: seat.reference, ...input }, session);
      // Stored for replays without the key, which is worked out again from the reference.
      return {
        status: 201,
        body: {
          reference: seat.reference,
          session: booked,
          hub: bookingHub(hub),
          createdAt: seat.createdAt,
          ...(confirming ? { messages: channelFor(input.contact.method) } : {}),
        },
      };
    });
    if (outcome.kind === 'conflict') {
      throw idempotencyConflict('booking');
    }
    const stored = outcome.response.body as Omit<BookingCreated, 'manageKey'>;
    // A replay of a booking cancelled since must not answer "booked".
    if (outcome.kind === 'replay' && (await bookingStatus(db, stored.reference)) === 'cancelled') {
      throw new HttpProblem(409, 'booking-cancelled', 'This booking has been cancelled', `Booking ${stored.reference} was cancelled. To book again, start a new booking.`);
    }
    const body = BookingCreated.parse({ ...stored, manageKey: manageKey(stored.reference) });
    if (outcome.kind === 'fresh') nudge();
    c.header('Cache-Control', 'no-store');
    return c.json(body, outcome.kind === 'fresh' ? 201 : 200);
  });

  app.delete('/api/v1/bookings/:reference', async (c) => {
    const reference = c.req.param('reference').toUpperCase();
    const token = c.req.query('key') ?? '';
    if (!BookingReference.safeParse(reference).success || !BookingCancelQuery.safeParse({ key: token }).success) throw cancelNotFound();
    // Worked out before the transaction (the directory is read outside it): what the cancellation notice, and an offer of the freed place, say.
    const before = await bookingByKey(db, reference, token);
    const where = before ? await findSession(directory, before.sessionId) : undefined;
    const offered = settling(notify, where, await keyFor());
    const outcome = await cancelBooking(db, reference, token, async (tx, booking, summary) => {
      await webhook?.enqueue(tx, 'booking.cancelled', summary);
      await dropReminders(tx, booking.reference);
      // The freed place goes to the first person waiting for it.
      await settleWaitingList(tx, booking.sessionId, clock(), offered);
      if (!where) return;
      await enqueue(tx, notify, {
        reference: booking.reference,
        kind: 'cancellation',
        channel: channelFor(booking.contactMethod),
        recipient: booking.contactValue,
        dedupe: `cancellation:${booking.reference}`,
        personalisation: personalisation(notify, booking.lang ?? 'en', booking.reference, token, where.hub, where.session),
      });
    });
    if (outcome.kind === 'not-found') throw cancelNotFound();
    if (outcome.first) nudge();
    return c.json(BookingCancelled.parse({ reference, cancelled: true, sessionId: outcome.booking.sessionId }));
  });

  const details = (booking: ManagedBooking) => desk.bookingDetails(booking);

  app.get('/api/v1/bookings/:reference', async (c) => {
    const reference = normaliseBookingReference(c.req.param('reference'));
    const key = c.req.query('key') ?? '';
    if (!BookingReference.safeParse(reference).success || !BookingManageQuery.safeParse({ key }).success) throw cancelNotFound();
    const booking = await bookingByKey(db, reference, key);
    c.header('Cache-Control', 'no-store');
    if (booking) return c.json(await details(booking));
    // Not a booking: perhaps a place on a waiting list (one taken when offered is a booking by now).
    const waiting = await waitingByKey(db, reference, key);
    if (!waiting) throw cancelNotFound();
    return c.json(await desk.managed(waiting));
  });

  app.post('/api/v1/bookings/lookup', async (c) => {
    const input = await readBody(c, BookingLookup);
    const reference = normaliseBookingReference(input.reference);
    const notFound = new HttpProblem(404, 'not-found', 'No such booking', 'There is no booking with this reference and email address or phone number.');
    if (!BookingReference.safeParse(reference).success) throw notFound;
    const wanted = contactMatchKey(input.contact);
    const matches = (contact: string) => contactMatchKey(contact) === wanted;
    const booking = await bookingByContact(db, reference, matches);
    c.header('Cache-Control', 'no-store');
    if (booking) return c.json(await details(booking));
    const waiting = await waitingByContact(db, reference, matches);
    if (!waiting) throw notFound;
    return c.json(await desk.managed(waiting));
  });

  app.post('/api/v1/bookings/:reference/move', async (c) => {
    const reference = normaliseBookingReference(c.req.param('reference'));
    const input = await readBody(c, BookingMove);
    if (!BookingReference.safeParse(reference).success) throw cancelNotFound();
    const current = await bookingByKey(db, reference, input.key);
    if (!current) throw cancelNotFound();
    if (current.cancelledAt !== undefined) throw new HttpProblem(409, 'booking-cancelled', 'This booking has been cancelled', 'A cancelled booking cannot be moved. Make a new booking.');
    const found = await findSession(directory, input.sessionId);
    if (found && found.hub.id !== current.hubId) {
      throw new HttpProblem(422, 'session-other-hub', 'This session is at another hub', 'A booking can be moved to another session of the same hub only. Cancel it and book at the other hub.');
    }
    if (input.sessionId !== current.sessionId) {
      const refusal = refusalFor(found);
      if (refusal || !found) throw refusal;
    }
    const slot = found ? slotOf(found) : { sessionId: current.sessionId, hubId: current.hubId, planId: '', start: new Date(current.start), capacity: undefined };
    // The place left behind is offered to whoever waits for it, in the same transaction.
    const left = await findSession(directory, current.sessionId);
    const offered = settling(notify, left, await keyFor());
    const outcome = await moveBooking(db, reference, input.key, slot, async (tx, booking, summary) => {
      await webhook?.enqueue(tx, 'booking.moved', summary);
      // The old reminder goes; the new time is confirmed, and reminded of the day before.
      await dropReminders(tx, booking.reference);
      await settleWaitingList(tx, summary.from, clock(), offered);
      if (!found) return;
      await confirmBooking(tx, notify, { reference: booking.reference, key: input.key, contact: { method: booking.contactMethod, value: booking.contactValue }, lang: booking.lang }, found);
    });
    if (outcome.kind === 'not-found') throw cancelNotFound();
    if (outcome.kind === 'cancelled') throw new HttpProblem(409, 'booking-cancelled', 'This booking has been cancelled', 'A cancelled booking cannot be moved. Make a new booking.');
    if (outcome.kind === 'full') throw sessionFull(outcome.capacity);
    if (outcome.first) nudge();
    c.header('Cache-Control', 'no-store');
    return c.json(await details(outcome.booking));
  });

  app.get('/api/v1/staff/bookings', async (c) => {
    const query = readQuery(c, StaffBookingsQuery);
    c.header('Cache-Control', 'no-store');
    return c.json(StaffBookingList.parse(await listBookings(db, query, await hubNames(directory))));
  });

  app.get('/api/v1/staff/bookings.csv', async (c) => {
    const query = readQuery(c, StaffBookingsExportQuery);
    const items = await exportBookings(db, query, await hubNames(directory));
    const header = [
      'reference',
      'booked_at',
      'session_start',
      'session_london_time',
      'hub_id',
      'hub_name',
      'name',
      'contact_method',
      'contact',
      'notes',
      'lang',
      'cancelled',
      'cancelled_at',
    ];
    const rows = items.map((item) => {
      const london = londonParts(new Date(item.start));
      return [
        item.reference,
        item.createdAt,
        item.start,
        `${london.date} ${london.time}`,
        item.hubId,
        item.hubName,
        item.name,
        item.contact.method,
        item.contact.value,
        item.notes,
        item.lang,
        item.cancelled ? 'yes' : 'no',
        item.cancelledAt,
      ];
    });
    return c.body(toCsv(header, rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="bookings.csv"',
      'Cache-Control': 'no-store',
    });
  });

  return desk;
}
