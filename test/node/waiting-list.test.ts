import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BookingCreated, BookingDetails, ManagedReference, WaitingPlace, type BookingInput } from '../../src/contract/bookings.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import { OFFER_ENDS_BEFORE_START_MS, SHORTEST_OFFER_MS, offerEndsAt, waitingListOpen } from '../../src/core/waiting-list.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { NotifyOutbox, type NotifyOptions } from '../../server/notify/outbox.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';
import { HttpStub } from '../support/http-stub.ts';
import { expectProblem } from '../support/problem.ts';

/*
 * Waiting lists of full sessions, over real HTTP on both databases: a freed
 * place is offered to the first person waiting and held for them, taken as
 * a booking with the same reference, or given to the next person when the
 * offer ends or they leave, and never is a session overbooked.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFER_MINUTES = 120;
const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const API_KEY = `test_key-${SERVICE_ID}-3d844edf-8d35-48ac-975b-e847b4f122b0`;
const OFFER_TEMPLATE = '55555555-5555-4555-8555-555555555555';

describe('waiting-list timing rules', () => {
  const start = new Date('2026-12-10T10:00:00Z');
  it('holds an offer for the configured time, ending at the latest half an hour before the session', () => {
    const now = new Date('2026-12-09T10:00:00Z');
    assert.equal(offerEndsAt(now, start, 2 * HOUR)?.toISOString(), '2026-12-09T12:00:00.000Z');
    assert.equal(offerEndsAt(new Date('2026-12-10T08:30:00Z'), start, 2 * HOUR)?.toISOString(), new Date(start.getTime() - OFFER_ENDS_BEFORE_START_MS).toISOString());
  });
  it('makes no offer, and takes nobody on, when there would be less than a quarter of an hour to take it', () => {
    const tooLate = new Date(start.getTime() - OFFER_ENDS_BEFORE_START_MS - SHORTEST_OFFER_MS + 1);
    assert.equal(offerEndsAt(tooLate, start, 2 * HOUR), undefined);
    assert.equal(waitingListOpen(tooLate, start), false);
    assert.equal(waitingListOpen(new Date(tooLate.getTime() - 1), start), true);
  });
});

for (const backend of backends()) {
  describe(`waiting lists on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    let outbox: NotifyOutbox;
    const fake = new HttpStub();
    /** How far the app's clock is ahead of the real one. */
    let ahead = 0;
    let unused: Session[] = [];

    const api = (path: string, init?: RequestInit) => fetch(`${app.base}${path}`, init);
    const json = (method: string, path: string, body: unknown, key: string | null = randomUUID()) =>
      api(path, { method, headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) }, body: JSON.stringify(body) });

    function person(sessionId: string, overrides: Partial<BookingInput> = {}): BookingInput {
      const tag = randomUUID().slice(0, 8);
      return { sessionId, name: `Dewi Pritchard ${tag}`, contact: { method: 'email', value: `dewi.${tag}@example.org` }, consent: true, ...overrides };
    }

    async function book(sessionId: string): Promise<BookingCreated> {
      const response = await json('POST', '/api/v1/bookings', person(sessionId));
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return BookingCreated.parse(JSON.parse(text));
    }

    async function join(sessionId: string, overrides: Partial<BookingInput> = {}): Promise<WaitingPlace> {
      const response = await json('POST', '/api/v1/waiting-list', person(sessionId, overrides));
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return WaitingPlace.parse(JSON.parse(text));
    }

    async function managed(reference: string, key: string): Promise<ManagedReference> {
      const response = await api(`/api/v1/bookings/${reference}?key=${encodeURIComponent(key)}`);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return ManagedReference.parse(JSON.parse(text));
    }

    const cancel = (booking: { reference: string; manageKey: string }) =>
      api(`/api/v1/bookings/${booking.reference}?key=${encodeURIComponent(booking.manageKey)}`, { method: 'DELETE' });
    const accept = (place: WaitingPlace) => json('POST', `/api/v1/waiting-list/${place.reference}/accept`, { key: place.manageKey }, null);
    const leave = (place: WaitingPlace) => api(`/api/v1/waiting-list/${place.reference}?key=${encodeURIComponent(place.manageKey)}`, { method: 'DELETE' });

    async function placesLeft(session: Session): Promise<number | undefined> {
      const start = Date.parse(session.start);
      const query = new URLSearchParams({ from: new Date(start - MINUTE).toISOString(), to: new Date(start + MINUTE).toISOString(), hub: session.hubId });
      const { items } = SessionList.parse(await (await api(`/api/v1/sessions?${query}`)).json());
      return items.find((candidate) => candidate.id === session.id)?.remaining;
    }

    /** A bookable session no other test uses, booked full. */
    async function fullSession(most = 6): Promise<{ session: Session; bookings: BookingCreated[] }> {
      const index = unused.findIndex((candidate) => (candidate.capacity ?? 0) <= most);
      const [session] = unused.splice(index, 1);
      assert.ok(index >= 0 && session, 'a small bookable session is left');
      const bookings: BookingCreated[] = [];
      for (let i = 0; i < (session.capacity ?? 0); i++) bookings.push(await book(session.id));
      return { session, bookings };
    }

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      await seedIfEmpty(db);
      await fake.start();
      fake.reset((_req, res) => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: randomUUID() })));
      const notify: NotifyOptions = {
        apiKey: API_KEY,
        baseUrl: fake.origin,
        templates: { 'waiting-offer-email': OFFER_TEMPLATE },
        manageUrl: 'https://council.example/hubs?cls-booking={reference}&key={key}',
        baseDelayMs: 0,
      };
      outbox = new NotifyOutbox(db, notify);
      app = await startApp({
        db,
        staffToken: 'staff-token-for-waiting-list-tests',
        postsPerMinute: 100_000,
        notify,
        waitingOfferMinutes: OFFER_MINUTES,
        now: () => new Date(Date.now() + ahead),
      });
      const now = Date.now();
      const { items } = SessionList.parse(
        await (await api(`/api/v1/sessions?from=${new Date(now + 2 * DAY).toISOString()}&to=${new Date(now + 60 * DAY).toISOString()}`)).json(),
      );
      unused = items.filter((s) => s.mode === 'bookable' && s.capacity !== undefined && s.remaining === s.capacity);
    });

    after(async () => {
      await app?.close();
      await fake.stop();
      await dispose?.();
    });

    it('takes people on only once a session is full, in order, and finds a place by its reference and contact', async () => {
      const index = unused.findIndex((candidate) => (candidate.capacity ?? 0) <= 6);
      const [open] = unused.splice(index, 1);
      assert.ok(open);
      await expectProblem(await json('POST', '/api/v1/waiting-list', person(open.id)), 409, 'session-has-places');

      const { session } = await (async () => {
        for (let i = 0; i < (open.capacity ?? 0); i++) await book(open.id);
        return { session: open };
      })();
      await expectProblem(await json('POST', '/api/v1/bookings', person(session.id)), 409, 'session-full');
      const key = randomUUID();
      const first = person(session.id, { contact: { method: 'phone', value: '07700 900123' } });
      const response = await json('POST', '/api/v1/waiting-list', first, key);
      assert.equal(response.status, 201);
      const joined = WaitingPlace.parse(await response.json());
      assert.equal(joined.status, 'waiting');
      assert.equal(joined.position, 1);
      assert.equal(joined.session.remaining, 0);
      const replay = await json('POST', '/api/v1/waiting-list', first, key);
      assert.equal(replay.status, 200, 'a retried join is the same place');
      assert.equal(WaitingPlace.parse(await replay.json()).manageKey, joined.manageKey);
      const second = await join(session.id);
      assert.equal(second.position, 2);
      const found = await json('POST', '/api/v1/bookings/lookup', { reference: second.reference.toLowerCase(), contact: `  ${first.contact.value}` }, null);
      assert.equal(found.status, 404, 'another person’s contact does not find it');
      const own = ManagedReference.parse(await (await json('POST', '/api/v1/bookings/lookup', { reference: joined.reference, contact: '07700900123' }, null)).json());
      assert.equal(own.status, 'waiting');
      assert.equal(own.reference, joined.reference);
    });

    it('offers a cancelled place to the first person waiting, holds it from everyone else, and books it under the same reference', async () => {
      const { session, bookings } = await fullSession();
      const first = await join(session.id, { lang: 'cy' });
      const second = await join(session.id);
      fake.received.length = 0;
      assert.equal((await cancel(bookings[0] as BookingCreated)).status, 200);

      const offered = await managed(first.reference, first.manageKey);
      assert.equal(offered.status, 'offered');
      assert.ok('offerExpiresAt' in offered && offered.offerExpiresAt, 'says until when');
      const until = Date.parse(offered.offerExpiresAt);
      assert.ok(Math.abs(until - (Date.now() + OFFER_MINUTES * MINUTE)) < MINUTE, 'held for the configured time');
      const still = await managed(second.reference, second.manageKey);
      assert.equal(still.status, 'waiting');
      assert.equal('position' in still ? still.position : undefined, 1, 'second in the queue is now first');
      assert.equal(await placesLeft(session), 0, 'the held place is not free');
      await expectProblem(await json('POST', '/api/v1/bookings', person(session.id)), 409, 'session-full');

      // The offer went by Notify, in Welsh as they joined, with the link to take it.
      assert.equal(await outbox.runOnce(), 1);
      const message = JSON.parse(fake.received[0]?.body ?? '{}') as { template_id: string; personalisation: Record<string, string> };
      assert.equal(message.template_id, OFFER_TEMPLATE);
      assert.equal(message.personalisation['reference'], first.reference);
      assert.equal(message.personalisation['manage_link'], `https://council.example/hubs?cls-booking=${first.reference}&key=${encodeURIComponent(first.manageKey)}`);
      assert.match(message.personalisation['offer_ends'] ?? '', /^Dydd \w+ \d+ \w+, \d\d:\d\d$/);

      const taken = await accept(first);
      assert.equal(taken.status, 201, await taken.clone().text());
      const booking = BookingDetails.parse(await taken.json());
      assert.equal(booking.status, 'booked');
      assert.equal(booking.reference, first.reference);
      assert.equal(booking.manageKey, first.manageKey, 'the same key manages the booking');
      assert.equal((await managed(first.reference, first.manageKey)).status, 'booked');
      assert.equal((await accept(first)).status, 200, 'taking it again answers the same booking');
      const [slot] = await db.query<{ booked: number; held: number; capacity: number }>('SELECT booked, held, capacity FROM session_slots WHERE session_id = $1', [session.id]);
      assert.deepEqual({ booked: Number(slot?.booked), held: Number(slot?.held) }, { booked: session.capacity, held: 0 });
      await expectProblem(await accept(second), 409, 'no-offer');
    });

    it('gives the place to the next person when an offer ends untaken or is declined, and frees it when nobody waits', async () => {
      const { session, bookings } = await fullSession();
      const first = await join(session.id);
      const second = await join(session.id);
      await cancel(bookings[0] as BookingCreated);
      assert.equal((await managed(first.reference, first.manageKey)).status, 'offered');

      ahead = OFFER_MINUTES * MINUTE + MINUTE;
      try {
        assert.ok((await app.sweepWaitingLists()) >= 1, 'the sweep settles the list');
        assert.equal((await managed(first.reference, first.manageKey)).status, 'expired');
        await expectProblem(await accept(first), 409, 'offer-expired');
        const next = await managed(second.reference, second.manageKey);
        assert.equal(next.status, 'offered', 'the next person is offered it');
        const declined = await leave(second);
        assert.equal(declined.status, 200);
        assert.equal(WaitingPlace.parse(await declined.json()).status, 'left');
        assert.equal((await leave(second)).status, 200, 'leaving again answers the same');
      } finally {
        ahead = 0;
      }
      assert.equal(await placesLeft(session), 1, 'nobody left waiting: the place is free to book');
      await book(session.id);
    });

    it('tells the next person of a place handed on when someone joins after an offer lapsed', async () => {
      const { session, bookings } = await fullSession();
      const first = await join(session.id);
      const second = await join(session.id, { contact: { method: 'email', value: `second.${randomUUID().slice(0, 8)}@example.org` } });
      await cancel(bookings[0] as BookingCreated);
      await outbox.runOnce();
      fake.received.length = 0;
      ahead = OFFER_MINUTES * MINUTE + MINUTE;
      try {
        // No sweep has run: the join settles the list on its way.
        await join(session.id);
      } finally {
        ahead = 0;
      }
      assert.equal((await managed(first.reference, first.manageKey)).status, 'expired');
      assert.equal((await managed(second.reference, second.manageKey)).status, 'offered');
      await outbox.runOnce();
      const told = fake.received.map((request) => JSON.parse(request.body) as { email_address: string; personalisation: Record<string, string> });
      assert.deepEqual(
        told.map((message) => message.personalisation['reference']),
        [second.reference],
        'the second person is told of the place held for them',
      );
    });

    /** Sets the capacity of a session's plan in the directory, as an import would. */
    async function planCapacity(session: Session, capacity: number): Promise<void> {
      await db.query(
        `UPDATE hubs SET doc = jsonb_set(doc, '{sessions}', (
           SELECT jsonb_agg(CASE WHEN plan->>'id' = $2 THEN jsonb_set(plan, '{capacity}', to_jsonb($3::int)) ELSE plan END)
           FROM jsonb_array_elements(doc->'sessions') AS plan))
         WHERE id = $1`,
        [session.hubId, session.planId, capacity],
      );
      await db.query('UPDATE directory_version SET version = version + 1');
    }

    it('offers places a plan gains to the people waiting before anyone new, and none that a plan cut away', async () => {
      const { session, bookings } = await fullSession();
      const capacity = session.capacity ?? 0;
      const waiting = await join(session.id);
      try {
        await planCapacity(session, capacity + 1);
        await expectProblem(await json('POST', '/api/v1/bookings', person(session.id)), 409, 'session-full');
        assert.equal((await managed(waiting.reference, waiting.manageKey)).status, 'offered', 'the new place is held for the person waiting');
        assert.equal((await leave(waiting)).status, 200);

        // The place given back is free to book, so nobody waits for it.
        await expectProblem(await json('POST', '/api/v1/waiting-list', person(session.id)), 409, 'session-has-places');
        await book(session.id);
        const cut = await join(session.id);
        await planCapacity(session, capacity - 1);
        await cancel(bookings[0] as BookingCreated);
        await cancel(bookings[1] as BookingCreated);
        // capacity + 1 booked, two cancelled: capacity − 1 booked, which the cut plan allows exactly.
        assert.equal((await managed(cut.reference, cut.manageKey)).status, 'waiting', 'no place is offered beyond the plan’s capacity');
        await expectProblem(await json('POST', '/api/v1/bookings', person(session.id)), 409, 'session-full');
        assert.equal((await leave(cut)).status, 200);
      } finally {
        await planCapacity(session, capacity);
      }
    });

    it('offers the place a moved booking leaves behind', async () => {
      const { session, bookings } = await fullSession();
      const waiting = await join(session.id);
      const later = unused.find((candidate) => candidate.hubId === session.hubId && candidate.start > session.start);
      assert.ok(later, 'the hub has a later session');
      unused.splice(unused.indexOf(later), 1);
      const moved = await json('POST', `/api/v1/bookings/${bookings[0]?.reference}/move`, { key: bookings[0]?.manageKey, sessionId: later.id }, null);
      assert.equal(moved.status, 200);
      assert.equal((await managed(waiting.reference, waiting.manageKey)).status, 'offered');
    });

    it('closes the list when the session is too close for an offer', async () => {
      const { session } = await fullSession();
      const waiting = await join(session.id);
      ahead = Date.parse(session.start) - Date.now() - OFFER_ENDS_BEFORE_START_MS - 5 * MINUTE;
      try {
        await expectProblem(await json('POST', '/api/v1/waiting-list', person(session.id)), 409, 'waiting-list-closed');
        await app.sweepWaitingLists();
        assert.equal((await managed(waiting.reference, waiting.manageKey)).status, 'closed');
      } finally {
        ahead = 0;
      }
    });

    it('never overbooks while places are cancelled, offered, taken and booked at once', async () => {
      const { session, bookings } = await fullSession(6);
      const capacity = session.capacity ?? 0;
      const waiting = await Promise.all(Array.from({ length: 4 }, () => join(session.id)));
      const outcomes = await Promise.all([
        cancel(bookings[0] as BookingCreated),
        cancel(bookings[1] as BookingCreated),
        ...Array.from({ length: 6 }, () => json('POST', '/api/v1/bookings', person(session.id))),
      ]);
      const statuses = outcomes.map((response) => response.status);
      assert.deepEqual(statuses.slice(0, 2), [200, 200]);
      const offered = [];
      for (const place of waiting) if ((await managed(place.reference, place.manageKey)).status === 'offered') offered.push(place);
      const newBookings = statuses.slice(2).filter((status) => status === 201).length;
      assert.equal(offered.length + newBookings, 2, 'the two freed places went once each, to the waiting list first');
      assert.equal(newBookings, 0, 'people waiting come before new bookings');
      const taken = await Promise.all(offered.map((place) => accept(place)));
      assert.deepEqual(
        taken.map((response) => response.status),
        offered.map(() => 201),
      );
      const [slot] = await db.query<{ booked: number; held: number }>('SELECT booked, held FROM session_slots WHERE session_id = $1', [session.id]);
      assert.equal(Number(slot?.booked) + Number(slot?.held), capacity);
      const [count] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM bookings WHERE session_id = $1 AND cancelled_at IS NULL', [session.id]);
      assert.equal(Number(count?.n), capacity);
    });

    it('answers a wrong key, a bad reference and a bad body with a clear error, never a 500', async () => {
      const { session } = await fullSession();
      const place = await join(session.id);
      await expectProblem(await json('POST', `/api/v1/waiting-list/${place.reference}/accept`, { key: 'not-the-key' }, null), 404, 'not-found');
      await expectProblem(await json('POST', '/api/v1/waiting-list/NOPE/accept', { key: place.manageKey }, null), 404, 'not-found');
      await expectProblem(await json('POST', `/api/v1/waiting-list/${place.reference}/accept`, { nope: true }, null), 422, 'validation-failed');
      await expectProblem(await api(`/api/v1/waiting-list/${place.reference}?key=wrong`, { method: 'DELETE' }), 404, 'not-found');
      await expectProblem(await json('POST', '/api/v1/waiting-list', { sessionId: session.id, name: '', consent: true }), 422, 'validation-failed');
      await expectProblem(await json('POST', '/api/v1/waiting-list', person('no-such-plan@2026-12-31T10:00')), 404, 'not-found');
    });
  });
}
