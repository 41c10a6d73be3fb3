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
  contactMatchKey,
  normaliseBookingReference,
  BookingReference,
  StaffBookingList,
  StaffBookingsExportQuery,
  StaffBookingsQuery,
} from '../../src/contract/bookings.ts';
import type { Hub, HubSessionPlan } from '../../src/contract/directory.ts';
import type { Session } from '../../src/contract/places.ts';
import { londonInstant, londonParts } from '../../src/core/schedule.ts';
import {
  bookedCounts,
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
import type { DirectoryCache } from '../directory-cache.ts';
import { toCsv } from '../http/csv.ts';
import { idempotencyKey, readBody, readQuery } from '../http/input.ts';
import { HttpProblem, idempotencyConflict } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';
import type { WebhookSender } from '../webhook.ts';
import { dropReminders, enqueue, manageUrlFor, type NotifyOptions, type Personalisation } from '../notify/outbox.ts';
import { formatDay, formatTime } from '../../src/i18n/format.ts';
import { hubText } from '../../src/core/hubs.ts';
import type { Language } from '../../src/contract/language.ts';
import { expandSessions, parseSessionId } from '../../src/core/sessions.ts';

const DAY = 86_400_000;

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
      409: '`session-full`: no places left; `session-past`: the session has started; `booking-cancelled`: a replay of a booking cancelled since; `idempotency-key-reused`: the key was used with a different body',
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
    summary: 'See a booking (the manage link)',
    description: 'Needs the manageKey (`?key=`). Answers the booking whether it stands or was cancelled; never the name or contact details. A wrong key and an unknown reference both answer 404.',
    tag: 'Bookings',
    query: BookingManageQuery,
    responses: { 200: { description: 'The booking', schema: BookingDetails } },
    problems: { 404: '`not-found`: no booking with this reference and key' },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/lookup',
    summary: 'Find a booking by its reference and the email address or phone number it was made with',
    description:
      'For a resident who has lost the manage link. Answers the booking with its manageKey. Email addresses match in any case; phone numbers by their digits (+44 as 0). Rate-limited per client like resume codes. A wrong contact and an unknown reference both answer 404.',
    tag: 'Bookings',
    body: BookingLookup,
    responses: { 200: { description: 'The booking', schema: BookingDetails } },
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

interface FoundSession {
  hub: Hub;
  plan: HubSessionPlan;
  session: Session;
}

/**
 * The session occurrence `id` names (`<plan id>@<London date>T<HH:MM>`), if
 * the hub's plan really has an occurrence then: the plan is found in the
 * directory and expanded around that date, exactly as `GET /api/v1/sessions` does.
 */
async function findSession(directory: DirectoryCache, id: string): Promise<FoundSession | undefined> {
  const named = parseSessionId(id);
  if (!named) return undefined;
  const { planId, date } = named;
  let midnight: Date;
  try {
    midnight = londonInstant(date, '00:00');
  } catch {
    return undefined;
  }
  const { hubs } = await directory.get();
  for (const hub of hubs) {
    const plan = hub.sessions.find((candidate) => candidate.id === planId);
    if (!plan) continue;
    const session = expandSessions([{ ...hub, sessions: [plan] }], new Date(midnight.getTime() - DAY), new Date(midnight.getTime() + 2 * DAY)).find(
      (candidate) => candidate.id === id,
    );
    return session ? { hub, plan, session } : undefined;
  }
  return undefined;
}

/** What a booking's answer says about its hub: enough for the confirmation, the calendar file and the messages. */
const bookingHub = (hub: Hub): BookingCreated['hub'] => ({
  id: hub.id,
  name: hub.name,
  address: hub.address,
  coordinates: hub.coordinates,
  ...(hub.phone ? { phone: hub.phone } : {}),
  ...(hub.translations ? { translations: hub.translations } : {}),
});

/** Why `found` cannot be booked now, if it cannot: the same rules for a booking and for a move. */
function refusalFor(found: FoundSession | undefined): HttpProblem | undefined {
  if (!found) return new HttpProblem(404, 'not-found', 'No such session', 'There is no session with this id. It may have been changed or removed: look again at the hub’s sessions.');
  const start = new Date(found.session.start).getTime();
  if (found.session.mode !== 'bookable') return new HttpProblem(422, 'session-not-bookable', 'This session is a drop-in', 'There is no need to book: just turn up.');
  if (start <= Date.now()) return new HttpProblem(409, 'session-past', 'This session has already started', 'Choose a later session.');
  if (start > Date.now() + BOOKING_WINDOW_DAYS * DAY) {
    return new HttpProblem(
      422,
      'session-not-open',
      'Bookings for this session are not open',
      `Sessions can be booked up to ${BOOKING_WINDOW_DAYS} days ahead. Choose an earlier session.`,
    );
  }
  return undefined;
}

const cancelNotFound = () => new HttpProblem(404, 'not-found', 'No such booking', 'There is no booking with this reference and key.');

const hubNames = async (directory: DirectoryCache) => {
  const { hubs } = await directory.get();
  const names = new Map(hubs.map((hub) => [hub.id, hub.name]));
  return (id: string) => names.get(id);
};

/** What every booking message says: the reference, the hub (in the booking's language), its address and phone, when, and the manage link. */
function personalisation(
  notify: NotifyOptions | undefined,
  lang: Language,
  reference: string,
  key: string,
  hub: Pick<Hub, 'name' | 'description' | 'translations' | 'address' | 'phone'>,
  session: Pick<Session, 'start' | 'end'>,
): Personalisation {
  const start = new Date(session.start);
  const time = `${formatDay(lang, start)}, ${formatTime(lang, start)} ${lang === 'cy' ? 'i' : 'to'} ${formatTime(lang, new Date(session.end))}`;
  return {
    reference,
    hub: hubText(hub, lang).name,
    address: [hub.address.line1, hub.address.city, hub.address.postcode].filter(Boolean).join(', '),
    phone: hub.phone ?? '',
    time,
    manage_link: manageUrlFor(notify, reference, key) ?? '',
  };
}

const REMINDER_BEFORE_MS = DAY;

export function mountBookings(
  app: Hono,
  db: Database,
  directory: DirectoryCache,
  webhook: WebhookSender | undefined,
  notify?: NotifyOptions,
  outbox?: { runOnce(): Promise<number> },
): void {
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
      const { hub, plan, session } = found;
      const seat = await bookSeat(
        tx,
        { sessionId: session.id, hubId: hub.id, planId: plan.id, start: new Date(session.start), capacity: session.capacity },
        input,
        { keyFor: manageKey },
      );
      if (seat.kind === 'full') {
        throw new HttpProblem(409, 'session-full', 'This session is full', `All ${seat.capacity} places at this session have been booked. Choose another session.`);
      }
      const booked: Session = { ...session, ...(seat.capacity !== undefined ? { remaining: Math.max(0, seat.capacity - seat.booked) } : {}) };
      // The messages are written with the booking, in its transaction: none is lost, none is sent for a booking rolled back.
      const channel = input.contact.method === 'phone' ? 'sms' : 'email';
      const words = personalisation(notify, input.lang ?? 'en', seat.reference, seat.manageKey, hub, session);
      const base = { reference: seat.reference, channel, recipient: input.contact.value, personalisation: words } as const;
      const confirming = await enqueue(tx, notify, { ...base, kind: 'confirmation', dedupe: `confirmation:${seat.reference}:${session.id}` });
      const reminderAt = new Date(new Date(session.start).getTime() - REMINDER_BEFORE_MS);
      if (reminderAt.getTime() > Date.now()) {
        await enqueue(tx, notify, { ...base, kind: 'reminder', dedupe: `reminder:${seat.reference}:${session.id}`, sendAfter: reminderAt });
      }
      await webhook?.enqueue(tx, 'booking.created', {
        reference: seat.reference,
        sessionId: session.id,
        hubId: hub.id,
        start: session.start,
        name: input.name,
        contact: input.contact,
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
      });
      // Stored for replays without the key, which is worked out again from the reference.
      return {
        status: 201,
        body: {
          reference: seat.reference,
          session: booked,
          hub: bookingHub(hub),
          createdAt: seat.createdAt,
          ...(confirming ? { messages: channel } : {}),
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
    // Worked out before the transaction (the directory is read outside it): what the cancellation notice says.
    const before = notify ? await bookingByKey(db, reference, token) : undefined;
    const where = before ? await findSession(directory, before.sessionId) : undefined;
    const outcome = await cancelBooking(db, reference, token, async (tx, booking, summary) => {
      await webhook?.enqueue(tx, 'booking.cancelled', summary);
      await dropReminders(tx, booking.reference);
      if (!where) return;
      await enqueue(tx, notify, {
        reference: booking.reference,
        kind: 'cancellation',
        channel: booking.contactMethod === 'phone' ? 'sms' : 'email',
        recipient: booking.contactValue,
        dedupe: `cancellation:${booking.reference}`,
        personalisation: personalisation(notify, booking.lang ?? 'en', booking.reference, token, where.hub, where.session),
      });
    });
    if (outcome.kind === 'not-found') throw cancelNotFound();
    if (outcome.first) nudge();
    return c.json(BookingCancelled.parse({ reference, cancelled: true, sessionId: outcome.booking.sessionId }));
  });

  /** What the owner of a booking sees: the session and hub as the directory has them now, the places left, the status. */
  async function details(booking: ManagedBooking): Promise<BookingDetails> {
    const found = await findSession(directory, booking.sessionId);
    const { hubs } = await directory.get();
    const hub = found?.hub ?? hubs.find((candidate) => candidate.id === booking.hubId);
    const session: Session = found?.session ?? {
      id: booking.sessionId,
      hubId: booking.hubId,
      planId: parseSessionId(booking.sessionId)?.planId ?? booking.sessionId,
      start: booking.start,
      end: booking.start,
      mode: 'bookable',
    };
    const booked = session.capacity === undefined ? undefined : (await bookedCounts(db, [session.id])).get(session.id);
    return BookingDetails.parse({
      reference: booking.reference,
      manageKey: (await keyFor())(booking.reference),
      session: session.capacity === undefined ? session : { ...session, remaining: Math.max(0, session.capacity - (booked ?? 0)) },
      hub: hub ? bookingHub(hub) : { id: booking.hubId, name: booking.hubId, address: {} },
      createdAt: booking.createdAt,
      status: booking.cancelledAt === undefined ? 'booked' : 'cancelled',
      ...(booking.cancelledAt !== undefined ? { cancelledAt: booking.cancelledAt } : {}),
      contactMethod: booking.contactMethod,
    });
  }

  app.get('/api/v1/bookings/:reference', async (c) => {
    const reference = normaliseBookingReference(c.req.param('reference'));
    const key = c.req.query('key') ?? '';
    if (!BookingReference.safeParse(reference).success || !BookingManageQuery.safeParse({ key }).success) throw cancelNotFound();
    const booking = await bookingByKey(db, reference, key);
    if (!booking) throw cancelNotFound();
    c.header('Cache-Control', 'no-store');
    return c.json(await details(booking));
  });

  app.post('/api/v1/bookings/lookup', async (c) => {
    const input = await readBody(c, BookingLookup);
    const reference = normaliseBookingReference(input.reference);
    const notFound = new HttpProblem(404, 'not-found', 'No such booking', 'There is no booking with this reference and email address or phone number.');
    if (!BookingReference.safeParse(reference).success) throw notFound;
    const wanted = contactMatchKey(input.contact);
    const booking = await bookingByContact(db, reference, (contact) => contactMatchKey(contact) === wanted);
    if (!booking) throw notFound;
    c.header('Cache-Control', 'no-store');
    return c.json(await details(booking));
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
    const slot = found
      ? { sessionId: found.session.id, hubId: found.hub.id, planId: found.plan.id, start: new Date(found.session.start), capacity: found.session.capacity }
      : { sessionId: current.sessionId, hubId: current.hubId, planId: '', start: new Date(current.start), capacity: undefined };
    const outcome = await moveBooking(db, reference, input.key, slot, async (tx, booking, summary) => {
      await webhook?.enqueue(tx, 'booking.moved', summary);
      // The old reminder goes; the new time is confirmed, and reminded of the day before.
      await dropReminders(tx, booking.reference);
      if (!found) return;
      const channel = booking.contactMethod === 'phone' ? 'sms' : 'email';
      const words = personalisation(notify, booking.lang ?? 'en', booking.reference, input.key, found.hub, found.session);
      const base = { reference: booking.reference, channel, recipient: booking.contactValue, personalisation: words } as const;
      await enqueue(tx, notify, { ...base, kind: 'confirmation', dedupe: `confirmation:${booking.reference}:${found.session.id}` });
      const reminderAt = new Date(new Date(found.session.start).getTime() - REMINDER_BEFORE_MS);
      if (reminderAt.getTime() > Date.now()) {
        await enqueue(tx, notify, { ...base, kind: 'reminder', dedupe: `reminder:${booking.reference}:${found.session.id}`, sendAfter: reminderAt });
      }
    });
    if (outcome.kind === 'not-found') throw cancelNotFound();
    if (outcome.kind === 'cancelled') throw new HttpProblem(409, 'booking-cancelled', 'This booking has been cancelled', 'A cancelled booking cannot be moved. Make a new booking.');
    if (outcome.kind === 'full') {
      throw new HttpProblem(409, 'session-full', 'This session is full', `All ${outcome.capacity} places at this session have been booked. Choose another session.`);
    }
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
}
