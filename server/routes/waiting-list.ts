import type { Hono } from 'hono';
import {
  BookingDetails,
  BookingInput,
  BookingReference,
  ManagedReference,
  WaitingListKey,
  WaitingPlace,
  normaliseBookingReference,
  type BookingCreated,
} from '../../src/contract/bookings.ts';
import type { Session } from '../../src/contract/places.ts';
import { parseSessionId } from '../../src/core/sessions.ts';
import { bookedCounts, bookingByKey, type ManagedBooking } from '../db/bookings.ts';
import type { Database } from '../db/database.ts';
import { once } from '../db/idempotency.ts';
import { acceptOffer, joinWaitingList, leaveWaitingList, sessionsToSettle, settleWaitingList, waitingByKey, type WaitingClock, type WaitingEntry } from '../db/waiting-list.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { idempotencyKey, readBody } from '../http/input.ts';
import { HttpProblem, idempotencyConflict } from '../http/problem.ts';
import { sentBy, type NotifyOptions } from '../notify/outbox.ts';
import type { RouteSpec } from '../openapi.ts';
import type { WebhookSender } from '../webhook.ts';
import { bookingCreatedEvent, bookingHub, confirmBooking, findSession, refusalFor, settling, slotOf, type FoundSession } from './booking-sessions.ts';

export const waitingListRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/api/v1/waiting-list',
    summary: 'Join the waiting list of a full session',
    description:
      'When a place comes free (a cancellation, a booking moved away, an offer not taken), the first person waiting is offered it, by GOV.UK Notify when that is set up, and it is held for them for a set time (WAITING_OFFER_MINUTES). ' +
      'The answer carries a reference and manageKey like a booking’s: the manage link and the reference look-up show the place. Same body and Idempotency-Key rules as a booking.',
    tag: 'Bookings',
    idempotent: true,
    body: BookingInput,
    responses: {
      201: { description: 'On the waiting list', schema: WaitingPlace },
      200: { description: 'Joined already by an earlier request with this Idempotency-Key (the booking, once the place offered was taken)', schema: ManagedReference },
    },
    problems: {
      404: '`not-found`: no such session',
      409: '`session-has-places`: book a place instead; `waiting-list-closed`: the session is too soon for any offer; `session-past`; `idempotency-key-reused`',
      422: '`validation-failed`; `session-not-bookable`; `session-not-open`',
    },
  },
  {
    method: 'post',
    path: '/api/v1/waiting-list/{reference}/accept',
    summary: 'Take the place offered from the waiting list',
    description: 'Needs the manageKey. The held place becomes a booking with the same reference and key (confirmed as any booking is). Taking it again answers the same booking.',
    tag: 'Bookings',
    body: WaitingListKey,
    responses: { 201: { description: 'Booked', schema: BookingDetails }, 200: { description: 'Taken already', schema: BookingDetails } },
    problems: {
      404: '`not-found`: no waiting-list place with this reference and key, or its session is gone',
      409: '`offer-expired`: the offer was not taken in time; `no-offer`: no place has been offered yet, or they left the list',
      422: '`validation-failed`; `session-not-bookable`: the session has been made a drop-in',
    },
  },
  {
    method: 'delete',
    path: '/api/v1/waiting-list/{reference}',
    summary: 'Leave a waiting list',
    description: 'Needs the manageKey (`?key=`). A place held for them is offered to the next person. Leaving again answers the same.',
    tag: 'Bookings',
    query: WaitingListKey,
    responses: { 200: { description: 'Off the list', schema: WaitingPlace } },
    problems: { 404: '`not-found`: no waiting-list place with this reference and key', 409: '`place-booked`: the place offered was taken; cancel the booking instead' },
  },
];

/** What the booking routes ask of the waiting lists. */
export interface WaitingListDesk {
  /** The session and hub of a booking or waiting place, as the directory has them now (or as stored, if gone from it). */
  describe(place: { sessionId: string; hubId: string; start: string }): Promise<{ hub: BookingCreated['hub']; session: Session }>;
  /** A waiting place as its owner sees it, its list settled first (an offer past its time has expired); one taken is its booking. */
  managed(entry: WaitingEntry): Promise<ManagedReference>;
  /** What the owner of a booking sees: the session and hub as the directory has them now, the places left, the status; `messages` when a confirmation was just sent. */
  bookingDetails(booking: ManagedBooking, messages?: 'email' | 'sms'): Promise<BookingDetails>;
  /** Settles every list that needs it (offers past their time, lists to close, places to offer): how many sessions. */
  sweep(): Promise<number>;
}

export interface WaitingListOptions {
  db: Database;
  directory: DirectoryCache;
  webhook: WebhookSender | undefined;
  notify: NotifyOptions | undefined;
  keyFor: () => Promise<(reference: string) => string>;
  nudge: () => void;
  clock: () => WaitingClock;
}

const placeBooked = () =>
  new HttpProblem(409, 'place-booked', 'This place has been booked', 'The place offered was taken and is a booking now, under the same reference. Cancel the booking instead.');

const placeNotFound = () => new HttpProblem(404, 'not-found', 'No such place on a waiting list', 'There is no waiting-list place with this reference and key.');

export function mountWaitingList(app: Hono, options: WaitingListOptions): WaitingListDesk {
  const { db, directory, notify, webhook, keyFor, nudge, clock } = options;

  /** `found`: the session, when the caller has looked it up already. */
  async function describe(
    place: { sessionId: string; hubId: string; start: string },
    found: FoundSession | undefined = undefined,
  ): Promise<{ hub: BookingCreated['hub']; session: Session }> {
    found ??= await findSession(directory, place.sessionId);
    const { hubs } = await directory.get();
    const hub = found?.hub ?? hubs.find((candidate) => candidate.id === place.hubId);
    const session: Session = found?.session ?? {
      id: place.sessionId,
      hubId: place.hubId,
      planId: parseSessionId(place.sessionId)?.planId ?? place.sessionId,
      start: place.start,
      end: place.start,
      mode: 'bookable',
    };
    return { hub: hub ? bookingHub(hub) : { id: place.hubId, name: place.hubId, address: {} }, session };
  }

  /** The places a session has left (booked, or held for someone offered one, are not). */
  async function withPlacesLeft(session: Session): Promise<Session> {
    if (session.capacity === undefined) return session;
    const taken = (await bookedCounts(db, [session.id])).get(session.id) ?? 0;
    return { ...session, remaining: Math.max(0, session.capacity - taken) };
  }

  async function bookingDetails(booking: ManagedBooking, messages?: 'email' | 'sms'): Promise<BookingDetails> {
    const { hub, session } = await describe(booking);
    return BookingDetails.parse({
      reference: booking.reference,
      manageKey: (await keyFor())(booking.reference),
      session: await withPlacesLeft(session),
      hub,
      createdAt: booking.createdAt,
      status: booking.cancelledAt === undefined ? 'booked' : 'cancelled',
      ...(booking.cancelledAt !== undefined ? { cancelledAt: booking.cancelledAt } : {}),
      contactMethod: booking.contactMethod,
      ...(messages ? { messages } : {}),
    });
  }

  /** Settles one session's list in its own transaction, with offers told by Notify. */
  async function settle(sessionId: string, found?: FoundSession): Promise<number> {
    const offered = settling(notify, found ?? (await findSession(directory, sessionId)), await keyFor());
    const made = await db.transaction((tx) => settleWaitingList(tx, sessionId, clock(), offered));
    if (made) nudge();
    return made;
  }

  /** A waiting place as its owner sees it; one taken since is its booking. */
  async function managed(entry: WaitingEntry): Promise<ManagedReference> {
    if (entry.status === 'booked') {
      const booking = await bookingByKey(db, entry.reference, (await keyFor())(entry.reference));
      if (booking) return bookingDetails(booking);
    }
    return details(entry);
  }

  async function details(entry: WaitingEntry): Promise<WaitingPlace> {
    const found = await findSession(directory, entry.sessionId);
    await settle(entry.sessionId, found);
    const keyOf = await keyFor();
    const current = (await waitingByKey(db, entry.reference, keyOf(entry.reference))) ?? entry;
    const { hub, session } = await describe(current, found);
    const messages = sentBy(notify, 'waiting-offer', current.contactMethod);
    return WaitingPlace.parse({
      reference: current.reference,
      manageKey: keyOf(current.reference),
      session: await withPlacesLeft(session),
      hub,
      createdAt: current.createdAt,
      // A place taken is answered as its booking (see `managed`); one taken between the two reads is still shown as offered.
      status: current.status === 'booked' ? 'offered' : current.status,
      ...(current.position !== undefined ? { position: current.position } : {}),
      ...(current.status === 'offered' && current.offerExpiresAt ? { offerExpiresAt: current.offerExpiresAt } : {}),
      contactMethod: current.contactMethod,
      ...(messages ? { messages } : {}),
    });
  }

  app.post('/api/v1/waiting-list', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, BookingInput);
    const found = await findSession(directory, input.sessionId);
    const refusal = refusalFor(found);
    const manageKey = await keyFor();
    const outcome = await once(db, 'waiting-list', key, input, async (tx) => {
      if (refusal || !found) throw refusal;
      const joined = await joinWaitingList(tx, slotOf(found), input, { keyFor: manageKey, clock: clock(), settle: settling(notify, found, manageKey) });
      if (joined.kind === 'has-places') throw new HttpProblem(409, 'session-has-places', 'This session has places', 'There is no need to wait: a place is free. Book it now.');
      if (joined.kind === 'closed') {
        throw new HttpProblem(409, 'waiting-list-closed', 'The waiting list for this session has closed', 'The session starts too soon for a place to be offered. Choose a later session.');
      }
      return { status: 201, body: { reference: joined.reference } };
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict('waiting-list place');
    const { reference } = outcome.response.body as { reference: string };
    const entry = await waitingByKey(db, reference, manageKey(reference));
    if (!entry) throw placeNotFound();
    // Offers made on the way (an offer past its time handed on) are sent now.
    nudge();
    c.header('Cache-Control', 'no-store');
    return c.json(await managed(entry), outcome.kind === 'fresh' ? 201 : 200);
  });

  app.post('/api/v1/waiting-list/:reference/accept', async (c) => {
    const reference = normaliseBookingReference(c.req.param('reference'));
    const input = await readBody(c, WaitingListKey);
    if (!BookingReference.safeParse(reference).success) throw placeNotFound();
    const entry = await waitingByKey(db, reference, input.key);
    if (!entry) throw placeNotFound();
    const found = await findSession(directory, entry.sessionId);
    // The session must still be one that can be booked (not made a drop-in, say); the offer's own time is checked with it.
    if (entry.status !== 'booked') {
      const refusal = refusalFor(found);
      if (refusal) throw refusal;
    }
    const keys = await keyFor();
    const outcome = await acceptOffer(db, reference, input.key, clock(), {
      settle: settling(notify, found, keys),
      onBooked: async (tx, booked) => {
        const { session } = found ?? (await describe(booked));
        const contact = { method: booked.contactMethod, value: booked.contactValue };
        if (found) await confirmBooking(tx, notify, { reference, key: input.key, contact, lang: booked.lang }, found);
        await bookingCreatedEvent(tx, webhook, { reference, name: booked.name, contact, notes: booked.notes }, session);
      },
    });
    if (outcome.kind === 'not-found') throw placeNotFound();
    if (outcome.kind === 'no-offer') {
      nudge();
      if (outcome.entry.status === 'expired') {
        throw new HttpProblem(409, 'offer-expired', 'This offer has ended', 'The place was not taken in time and has been offered to the next person waiting.');
      }
      throw new HttpProblem(409, 'no-offer', 'No place has been offered', 'No place has come free for you yet, or you have left the waiting list.');
    }
    if (outcome.first) nudge();
    const booking = await bookingByKey(db, reference, input.key);
    if (!booking) throw placeNotFound();
    c.header('Cache-Control', 'no-store');
    return c.json(await bookingDetails(booking, sentBy(notify, 'confirmation', booking.contactMethod)), outcome.first ? 201 : 200);
  });

  app.delete('/api/v1/waiting-list/:reference', async (c) => {
    const reference = normaliseBookingReference(c.req.param('reference'));
    const key = c.req.query('key') ?? '';
    if (!BookingReference.safeParse(reference).success || !WaitingListKey.safeParse({ key }).success) throw placeNotFound();
    const entry = await waitingByKey(db, reference, key);
    if (!entry) throw placeNotFound();
    const offered = settling(notify, await findSession(directory, entry.sessionId), await keyFor());
    const outcome = await leaveWaitingList(db, reference, key, clock(), offered);
    if (outcome.kind === 'not-found') throw placeNotFound();
    if (outcome.kind === 'booked') throw placeBooked();
    if (outcome.first) nudge();
    c.header('Cache-Control', 'no-store');
    return c.json(await details(outcome.entry));
  });

  return {
    describe,
    managed,
    bookingDetails,
    async sweep() {
      let settled = 0;
      for (const sessionId of await sessionsToSettle(db, clock())) {
        await settle(sessionId);
        settled++;
      }
      return settled;
    },
  };
}
