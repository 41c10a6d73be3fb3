import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  BOOKING_REFERENCE_ALPHABET,
  BOOKING_WINDOW_DAYS,
  BookingCancelled,
  BookingCreated,
  BookingDetails,
  BookingInput as BookingInputSchema,
  StaffBookingList,
  type BookingInput,
} from '../../src/contract/bookings.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import { bookSeat } from '../../server/db/bookings.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { verifySignature, WebhookSender } from '../../server/webhook.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';
import { HttpStub, type ReceivedRequest } from '../support/http-stub.ts';
import { expectProblem } from '../support/problem.ts';
import { parseCsv } from '../support/csv.ts';

const STAFF_TOKEN = 'staff-token-for-booking-tests-0123';
const WEBHOOK_SECRET = 'webhook-secret-for-tests-0123456789';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REFERENCE = new RegExp(`^[${BOOKING_REFERENCE_ALPHABET}]{4}-[${BOOKING_REFERENCE_ALPHABET}]{4}$`);



for (const backend of backends()) {
  describe(`bookings on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    const stub = new HttpStub();
    let webhook: WebhookSender;
    /** Bookable sessions starting from two hours from now, each handed to one test only. */
    let unused: Session[] = [];
    let dropIn: Session;
    let started: Session;
    /** Everything the server wrote to the console while these tests ran. */
    const logged: string[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    /** Names and contact details booked by the tests, which must never be logged. */
    const personal: string[] = [];

    const api = (path: string, init?: RequestInit) => fetch(`${app.base}${path}`, init);
    const staff = (path: string, token: string | null = STAFF_TOKEN) => api(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

    function post(body: unknown, key: string | null = randomUUID()): Promise<Response> {
      return api('/api/v1/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
        body: JSON.stringify(body),
      });
    }

    function booking(sessionId: string, overrides: Partial<BookingInput> = {}): BookingInput {
      const tag = randomUUID().slice(0, 8);
      const input: BookingInput = {
        sessionId,
        name: `Ffion Hughes ${tag}`,
        contact: { method: 'email', value: `ffion.${tag}@example.org` },
        consent: true,
        ...overrides,
      };
      personal.push(input.name, input.contact.value);
      return input;
    }

    async function book(sessionId: string, overrides: Partial<BookingInput> = {}): Promise<BookingCreated> {
      const response = await post(booking(sessionId, overrides));
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return BookingCreated.parse(JSON.parse(text));
    }

    const cancel = (reference: string, token: string | undefined) =>
      api(`/api/v1/bookings/${encodeURIComponent(reference)}${token === undefined ? '' : `?key=${encodeURIComponent(token)}`}`, { method: 'DELETE' });

    async function sessions(from: Date, to: Date, hub?: string): Promise<Session[]> {
      const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...(hub ? { hub } : {}) });
      const response = await api(`/api/v1/sessions?${query}`);
      assert.equal(response.status, 200);
      return SessionList.parse(await response.json()).items;
    }

    /** The session as `GET /api/v1/sessions` shows it now. */
    async function current(session: Session): Promise<Session> {
      const start = new Date(session.start).getTime();
      const found = (await sessions(new Date(start - 60_000), new Date(start + 60_000), session.hubId)).find((s) => s.id === session.id);
      assert.ok(found, `${session.id} is listed`);
      return found;
    }

    /** A bookable session no other test uses, with at least `capacity` places. */
    function take(capacity = 1, most = Infinity): Session {
      const index = unused.findIndex((s) => (s.capacity ?? 0) >= capacity && (s.capacity ?? 0) <= most);
      const [session] = unused.splice(index, 1);
      assert.ok(index >= 0 && session, `a bookable session with ${capacity}–${most} places is left`);
      return session;
    }

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      await seedIfEmpty(db);
      await stub.start();
      stub.reset((_req, res) => res.writeHead(204).end());
      webhook = new WebhookSender(db, { url: `${stub.origin}/hooks/cls`, secret: WEBHOOK_SECRET, attempts: 3, baseDelayMs: 5 });
      app = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 100_000, webhook });
      for (const level of ['log', 'warn', 'error', 'info'] as const) {
        console[level] = (...args: unknown[]) => void logged.push(format(...args));
      }
      const now = Date.now();
      const upcoming = await sessions(new Date(now + 2 * HOUR), new Date(now + 60 * DAY));
      unused = upcoming.filter((s) => s.mode === 'bookable' && s.capacity !== undefined);
      const firstDropIn = upcoming.find((s) => s.mode === 'drop-in');
      assert.ok(firstDropIn, 'the seed has drop-in sessions');
      dropIn = firstDropIn;
      const past = (await sessions(new Date(now - 30 * DAY), new Date(now - HOUR))).filter((s) => s.mode === 'bookable');
      assert.ok(past[0], 'the seed had bookable sessions last month');
      started = past[0];
    });

    after(async () => {
      Object.assign(console, originals);
      await webhook?.idle();
      await app?.close();
      await stub.stop();
      await dispose?.();
    });

    describe('POST /api/v1/bookings', () => {
      it('books a place: 201 with a short reference, a cancel token, the hub, and one place fewer', async () => {
        const session = take(2);
        const input = booking(session.id, { notes: '  I use a wheelchair.  ', lang: 'cy' });
        const response = await post(input);
        assert.equal(response.status, 201);
        const created = BookingCreated.parse(await response.json());
        assert.match(created.reference, REFERENCE);
        assert.doesNotMatch(created.reference, /[0O1IL5S2Z8B]/, 'no look-alike characters');
        assert.ok(created.manageKey.length >= 43, 'a 32-byte token');
        assert.equal(created.session.id, session.id);
        assert.equal(created.session.remaining, (session.capacity ?? 0) - 1);
        assert.equal(created.hub.id, session.hubId);
        assert.ok(created.hub.name);
        assert.ok(Math.abs(Date.parse(created.createdAt) - Date.now()) < DAY, 'createdAt is today');
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 1);
      });

      it('gives every booking its own reference', async () => {
        const session = take(3);
        const references = [await book(session.id), await book(session.id), await book(session.id)].map((b) => b.reference);
        assert.equal(new Set(references).size, 3);
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 3);
      });

      it('accepts a UK phone number as typed, and notes of exactly 500 characters', async () => {
        const session = take(2);
        await book(session.id, { contact: { method: 'phone', value: '07700 900 123' } });
        await book(session.id, { contact: { method: 'phone', value: '+44 1588 640-123' }, notes: 'ŵ'.repeat(500) });
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 2);
      });

      it('lists each invalid field with its path (422), and books nothing', async () => {
        const session = take(1);
        const cases: [string, Record<string, unknown>, string][] = [
          ['a bad email', { contact: { method: 'email', value: 'ffion@' } }, 'contact.value'],
          ['a bad phone number', { contact: { method: 'phone', value: '12345' } }, 'contact.value'],
          ['notes of 501 characters', { notes: 'x'.repeat(501) }, 'notes'],
          ['consent false', { consent: false }, 'consent'],
          ['a blank name', { name: '   ' }, 'name'],
        ];
        for (const [label, change, path] of cases) {
          const problem = await expectProblem(await post({ ...booking(session.id), ...change }), 422, 'validation-failed');
          assert.ok(problem.errors?.some((e) => e.path === path), `${label}: ${JSON.stringify(problem.errors)}`);
        }
        const { consent: _consent, ...withoutConsent } = booking(session.id);
        const missing = await expectProblem(await post(withoutConsent), 422, 'validation-failed');
        assert.deepEqual(missing.errors?.map((e) => [e.path, e.code]), [['consent', 'required']]);
        assert.equal((await current(session)).remaining, session.capacity);
      });

      it('requires an Idempotency-Key', async () => {
        await expectProblem(await post(booking(take(1).id), null), 400, 'idempotency-key-invalid');
      });

      it('refuses a drop-in session: just turn up (422 session-not-bookable)', async () => {
        await expectProblem(await post(booking(dropIn.id)), 422, 'session-not-bookable');
      });

      it('answers 404 for an unknown session, and for a real plan on a day it does not run', async () => {
        await expectProblem(await post(booking('no-such-plan@2026-12-03T12:00')), 404, 'not-found');
        await expectProblem(await post(booking('not a session id')), 404, 'not-found');
        const session = take(1);
        const dayAfter = new Date(Date.parse(session.start) + DAY).toISOString().slice(0, 10);
        await expectProblem(await post(booking(`${session.planId}@${dayAfter}T${session.id.slice(-5)}`)), 404, 'not-found');
        await expectProblem(await post(booking(`${session.planId}@2026-02-31T10:00`)), 404, 'not-found');
      });

      it('refuses a session later than bookings are open for: a weekly plan on 9999-12-31 books nothing (422 session-not-open)', async () => {
        // A weekly plan on Fridays (9999-12-31 is one): its sessions a week apart.
        const weekly = unused.find(
          (s) =>
            new Date(s.start).getUTCDay() === 5 &&
            unused.some((other) => other.planId === s.planId && Date.parse(other.start) - Date.parse(s.start) === 7 * DAY),
        );
        assert.ok(weekly, 'the seed has a weekly bookable plan on Fridays');
        assert.equal(new Date(Date.UTC(9999, 11, 31)).getUTCDay(), 5);
        const far = `${weekly.planId}@9999-12-31T${weekly.id.slice(-5)}`;
        await expectProblem(await post(booking(far)), 422, 'session-not-open');
        // Just past the window too (the next occurrence after it), while one inside it books.
        const beyond = new Date(Date.now() + (BOOKING_WINDOW_DAYS + 7) * DAY);
        while (beyond.getUTCDay() !== 5) beyond.setUTCDate(beyond.getUTCDate() + 1);
        await expectProblem(await post(booking(`${weekly.planId}@${beyond.toISOString().slice(0, 10)}T${weekly.id.slice(-5)}`)), 422, 'session-not-open');
        const rows = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM session_slots WHERE starts_at > $1', [new Date(Date.now() + BOOKING_WINDOW_DAYS * DAY).toISOString()]);
        assert.equal(Number(rows[0]?.n), 0, 'no seat taken beyond the window');
      });

      it('refuses a session that has already started (409 session-past)', async () => {
        await expectProblem(await post(booking(started.id)), 409, 'session-past');
      });

      it('never books more than the places left: 50 requests at once for the last 5 give exactly 5 bookings', async () => {
        const session = take(5);
        for (let i = 0; i < (session.capacity ?? 0) - 5; i++) await book(session.id);
        assert.equal((await current(session)).remaining, 5);
        const responses = await Promise.all(Array.from({ length: 50 }, () => post(booking(session.id))));
        const statuses = responses.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 5, statuses.join(' '));
        assert.equal(statuses.filter((s) => s === 409).length, 45, statuses.join(' '));
        const references = new Set<string>();
        for (const response of responses) {
          if (response.status === 201) references.add(BookingCreated.parse(await response.json()).reference);
          else {
            const problem = await expectProblem(response, 409, 'session-full');
            assert.match(problem.detail ?? '', /full|places/i, 'the problem explains itself');
          }
        }
        assert.equal(references.size, 5);
        assert.equal((await current(session)).remaining, 0);
        const [slot] = await db.query<{ booked: number; capacity: number }>('SELECT booked, capacity FROM session_slots WHERE session_id = $1', [session.id]);
        assert.deepEqual(slot && [Number(slot.booked), Number(slot.capacity)], [session.capacity, session.capacity]);
        const [count] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM bookings WHERE session_id = $1 AND cancelled_at IS NULL', [session.id]);
        assert.equal(Number(count?.n), session.capacity);
      });

      it('shows a full session as full, and frees a place when a booking is cancelled', async () => {
        const session = take(1, 8);
        const made: BookingCreated[] = [];
        for (let i = 0; i < (session.capacity ?? 0); i++) made.push(await book(session.id));
        assert.equal(made.at(-1)?.session.remaining, 0);
        assert.equal((await current(session)).remaining, 0);
        await expectProblem(await post(booking(session.id)), 409, 'session-full');
        const first = made[0];
        assert.ok(first);
        const cancelled = await cancel(first.reference, first.manageKey);
        assert.equal(cancelled.status, 200);
        assert.deepEqual(BookingCancelled.parse(await cancelled.json()), { reference: first.reference, cancelled: true, sessionId: session.id });
        assert.equal((await current(session)).remaining, 1);
        const again = await book(session.id);
        assert.equal(again.session.remaining, 0);
        await expectProblem(await post(booking(session.id)), 409, 'session-full');
      });

      it('books once for one Idempotency-Key: a retry answers 200 with the same booking and the same manage key', async () => {
        const session = take(2);
        const input = booking(session.id);
        const key = randomUUID();
        const first = await post(input, key);
        assert.equal(first.status, 201);
        const created = BookingCreated.parse(await first.json());
        const retry = await post(input, key);
        assert.equal(retry.status, 200);
        const replayed = BookingCreated.parse(await retry.json());
        assert.equal(replayed.reference, created.reference);
        assert.deepEqual(replayed.session, created.session);
        assert.equal(replayed.createdAt, created.createdAt);
        // The same key, and the first one still works: a replay no longer kills it.
        assert.equal(replayed.manageKey, created.manageKey);
        assert.equal(BookingCreated.parse(await (await post(input, key)).json()).manageKey, created.manageKey);
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 1);
        await expectProblem(await post({ ...input, name: 'Someone Else' }, key), 409, 'idempotency-key-reused');
        assert.equal((await cancel(created.reference, created.manageKey)).status, 200);
        assert.equal((await current(session)).remaining, session.capacity);
        // Replayed after the cancellation: it says so, and books nothing.
        await expectProblem(await post(input, key), 409, 'booking-cancelled');
        assert.equal((await current(session)).remaining, session.capacity);
      });

      it('gives every booking its own manage key, the same after a restart', async () => {
        const session = take(2);
        const input = booking(session.id);
        const key = randomUUID();
        const created = BookingCreated.parse(await (await post(input, key)).json());
        const other = await book(session.id);
        assert.notEqual(created.manageKey, other.manageKey);
        // A second app on the same database (a restart, another process) answers the replay with the same key.
        const again = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 100_000 });
        try {
          const replay = await fetch(`${again.base}/api/v1/bookings`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify(input),
          });
          assert.equal(replay.status, 200);
          assert.equal(BookingCreated.parse(await replay.json()).manageKey, created.manageKey);
        } finally {
          await again.close();
        }
      });

      it('lets a refused request be retried with its key once a place is free', async () => {
        const session = take(1, 8);
        const made: BookingCreated[] = [];
        for (let i = 0; i < (session.capacity ?? 0); i++) made.push(await book(session.id));
        const input = booking(session.id);
        const key = randomUUID();
        await expectProblem(await post(input, key), 409, 'session-full');
        const freed = made[0];
        assert.ok(freed);
        assert.equal((await cancel(freed.reference, freed.manageKey)).status, 200);
        assert.equal((await post(input, key)).status, 201);
      });

      it('still books when a reference it drew is already taken', async () => {
        const session = take(2);
        const existing = await book(session.id);
        const draws = [existing.reference, 'TTTT-7777'];
        const outcome = await db.transaction((tx) =>
          bookSeat(
            tx,
            { sessionId: session.id, hubId: session.hubId, planId: session.planId, start: new Date(session.start), capacity: session.capacity },
            { name: 'Collision Test', contact: { method: 'phone', value: '07700900123' } },
            { reference: () => draws.shift() ?? 'XXXX-XXXX', keyFor: (reference) => `key-for-${reference}-0123456789` },
          ),
        );
        assert.equal(outcome.kind, 'booked');
        assert.equal(outcome.kind === 'booked' && outcome.reference, 'TTTT-7777');
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 2);
      });
    });

    describe('DELETE /api/v1/bookings/:reference', () => {
      it('answers a wrong or missing token with 404, exactly as for an unknown reference, and frees nothing', async () => {
        const session = take(1);
        const made = await book(session.id);
        const other = made.manageKey.endsWith('A') ? 'B' : 'A';
        const wrong = await expectProblem(await cancel(made.reference, `${made.manageKey.slice(0, -1)}${other}`), 404, 'not-found');
        const missing = await expectProblem(await cancel(made.reference, undefined), 404, 'not-found');
        const empty = await expectProblem(await cancel(made.reference, ''), 404, 'not-found');
        const unknown = await expectProblem(await cancel('CCCC-CCCC', made.manageKey), 404, 'not-found');
        const malformed = await expectProblem(await cancel('nonsense', made.manageKey), 404, 'not-found');
        for (const problem of [missing, empty, unknown, malformed]) assert.deepEqual(problem, wrong);
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 1);
      });

      it('answers 200 to a second cancel and frees the place only once', async () => {
        const session = take(2);
        const kept = await book(session.id);
        const made = await book(session.id);
        assert.equal((await cancel(made.reference, made.manageKey)).status, 200);
        const second = await cancel(made.reference, made.manageKey);
        assert.equal(second.status, 200);
        assert.equal(BookingCancelled.parse(await second.json()).reference, made.reference);
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 1);
        assert.ok(kept.reference);
      });

      it('accepts the reference in lower case, as someone might type it', async () => {
        const session = take(1);
        const made = await book(session.id);
        const response = await cancel(made.reference.toLowerCase(), made.manageKey);
        assert.equal(response.status, 200);
        assert.equal(BookingCancelled.parse(await response.json()).reference, made.reference);
      });
    });

    describe('managing a booking', () => {
      const manage = (reference: string, key: string) => api(`/api/v1/bookings/${encodeURIComponent(reference)}?key=${encodeURIComponent(key)}`);
      const lookup = (reference: string, contact: string) =>
        api('/api/v1/bookings/lookup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reference, contact }) });
      const move = (reference: string, key: string, sessionId: string) =>
        api(`/api/v1/bookings/${encodeURIComponent(reference)}/move`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ key, sessionId }),
        });
      /** Two bookable sessions no other test uses, of the same hub, the first with at least `capacity` places. */
      function pairAtOneHub(capacity = 1): [Session, Session] {
        for (const first of unused) {
          if ((first.capacity ?? 0) < capacity) continue;
          const second = unused.find((other) => other !== first && other.hubId === first.hubId);
          if (second) {
            unused = unused.filter((s) => s !== first && s !== second);
            return [first, second];
          }
        }
        throw new Error('no two unused sessions at one hub');
      }

      it('shows a booking through its manage link, cancelled too, but never to a wrong key, and never its contact details', async () => {
        const session = take(1);
        const made = await book(session.id, { contact: { method: 'phone', value: '07700 900 982' } });
        const response = await manage(made.reference, made.manageKey);
        assert.equal(response.status, 200);
        const seen = BookingDetails.parse(await response.json());
        assert.equal(seen.status, 'booked');
        assert.equal(seen.contactMethod, 'phone');
        assert.equal(seen.session.id, session.id);
        assert.equal(seen.manageKey, made.manageKey);
        assert.doesNotMatch(JSON.stringify(seen), /07700|Ffion/);
        const wrong = await expectProblem(await manage(made.reference, `${made.manageKey}x`), 404, 'not-found');
        assert.deepEqual(await expectProblem(await manage('CCCC-CCCC', made.manageKey), 404, 'not-found'), wrong);
        assert.equal((await cancel(made.reference, made.manageKey)).status, 200);
        const after = BookingDetails.parse(await (await manage(made.reference.toLowerCase(), made.manageKey)).json());
        assert.equal(after.status, 'cancelled');
        assert.ok(after.cancelledAt);
      });

      it('finds a booking by its reference and the email or phone it was made with, as people type them', async () => {
        const session = take(2);
        const byEmail = await book(session.id, { contact: { method: 'email', value: 'Mair.Jones@Example.org' } });
        const byPhone = await book(session.id, { contact: { method: 'phone', value: '07700 900 123' } });
        const found = BookingDetails.parse(await (await lookup(byEmail.reference.toLowerCase().replace('-', ''), ' mair.jones@example.ORG ')).json());
        assert.equal(found.reference, byEmail.reference);
        assert.equal(found.manageKey, byEmail.manageKey);
        assert.equal(BookingDetails.parse(await (await lookup(byPhone.reference, '+44 7700 900123')).json()).reference, byPhone.reference);
        const wrong = await expectProblem(await lookup(byEmail.reference, 'someone@example.org'), 404, 'not-found');
        assert.deepEqual(await expectProblem(await lookup('CCCC-CCCC', 'mair.jones@example.org'), 404, 'not-found'), wrong);
        assert.deepEqual(await expectProblem(await lookup(byPhone.reference, byEmail.reference), 404, 'not-found'), wrong);
      });

      it('moves a booking to another session of the same hub: the new place taken, the old freed, the same reference and key', async () => {
        const [from, to] = pairAtOneHub();
        const made = await book(from.id);
        const response = await move(made.reference, made.manageKey, to.id);
        assert.equal(response.status, 200, await response.clone().text());
        const moved = BookingDetails.parse(await response.json());
        assert.equal(moved.reference, made.reference);
        assert.equal(moved.manageKey, made.manageKey);
        assert.equal(moved.session.id, to.id);
        assert.equal((await current(from)).remaining, from.capacity);
        assert.equal((await current(to)).remaining, (to.capacity ?? 0) - 1);
        // Again: nothing changes.
        assert.equal(BookingDetails.parse(await (await move(made.reference, made.manageKey, to.id)).json()).session.id, to.id);
        assert.equal((await current(to)).remaining, (to.capacity ?? 0) - 1);
        // Cancelling frees the new place.
        assert.equal((await cancel(made.reference, made.manageKey)).status, 200);
        assert.equal((await current(to)).remaining, to.capacity);
        await expectProblem(await move(made.reference, made.manageKey, from.id), 409, 'booking-cancelled');
      });

      it('refuses a move to a full session, another hub, a drop-in, a later-than-open session, or with a wrong key, and keeps the place', async () => {
        const [from, to] = pairAtOneHub();
        const made = await book(from.id);
        for (let i = 0; i < (to.capacity ?? 0); i++) await book(to.id);
        await expectProblem(await move(made.reference, made.manageKey, to.id), 409, 'session-full');
        const elsewhere = unused.find((s) => s.hubId !== from.hubId);
        assert.ok(elsewhere);
        await expectProblem(await move(made.reference, made.manageKey, elsewhere.id), 422, 'session-other-hub');
        await expectProblem(await move(made.reference, made.manageKey, `${from.planId}@9999-12-31T${from.id.slice(-5)}`), 404, 'not-found');
        await expectProblem(await move(made.reference, `${made.manageKey}x`, to.id), 404, 'not-found');
        await expectProblem(await move(made.reference, made.manageKey, started.id), started.hubId === from.hubId ? 409 : 422, started.hubId === from.hubId ? 'session-past' : 'session-other-hub');
        assert.equal((await current(from)).remaining, (from.capacity ?? 0) - 1);
        assert.equal((await current(to)).remaining, 0);
      });

      it('never overbooks when moves and new bookings race for the last place, and never loses a place', async () => {
        const [target, source] = pairAtOneHub(2);
        const capacity = target.capacity ?? 0;
        const inTarget: BookingCreated[] = [];
        for (let i = 0; i < capacity - 1; i++) inTarget.push(await book(target.id));
        const movers = await Promise.all(Array.from({ length: Math.min(4, (source.capacity ?? 1) - 1) }, () => book(source.id)));
        const back = inTarget[0];
        assert.ok(back && movers.length >= 2);
        const results = await Promise.all([
          ...movers.map((made) => move(made.reference, made.manageKey, target.id).then((r) => r.status)),
          ...Array.from({ length: 5 }, () => post(booking(target.id)).then((r) => r.status)),
          // A move the other way at the same time: the two slots are locked in one order, so nothing deadlocks.
          move(back.reference, back.manageKey, source.id).then((r) => r.status),
        ]);
        for (const status of results) assert.ok([200, 201, 409].includes(status), `only answers or "full": ${results.join(',')}`);
        const movedBack = results.at(-1) === 200;
        const winners = results.slice(0, -1).filter((status) => status === 200 || status === 201).length;
        // One place was free; the move back frees another, which a racer still under way may take.
        assert.ok(winners >= 1 && winners <= (movedBack ? 2 : 1), `the free places went to that many racers at most: ${results.join(',')}`);
        for (const session of [target, source]) {
          const [slot] = await db.query<{ booked: number }>('SELECT booked FROM session_slots WHERE session_id = $1', [session.id]);
          const [count] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM bookings WHERE session_id = $1 AND cancelled_at IS NULL', [session.id]);
          assert.equal(Number(slot?.booked), Number(count?.n), `the counter of ${session.id} and its bookings agree`);
          assert.ok(Number(slot?.booked) <= (session.capacity ?? 0));
        }
        assert.equal((await current(target)).remaining, movedBack && winners === 1 ? 1 : 0);
      });
    });

    describe('staff', () => {
      it('refuses the booking list and the export without the staff token', async () => {
        await expectProblem(await staff('/api/v1/staff/bookings', null), 401, 'unauthorized');
        await expectProblem(await staff('/api/v1/staff/bookings.csv', null), 401, 'unauthorized');
        await expectProblem(await staff('/api/v1/staff/bookings', 'not-the-token-0123456789'), 401, 'unauthorized');
      });

      it('lists bookings newest first with contact details, notes and whether they were cancelled', async () => {
        const session = take(2);
        const older = await book(session.id, { contact: { method: 'phone', value: '01588 640123' }, notes: 'Hearing loop, please' });
        const newer = await book(session.id, { lang: 'cy' });
        assert.equal((await cancel(older.reference, older.manageKey)).status, 200);
        const response = await staff(`/api/v1/staff/bookings?hub=${encodeURIComponent(session.hubId)}`);
        assert.equal(response.status, 200);
        const list = StaffBookingList.parse(await response.json());
        const mine = list.items.filter((item) => item.sessionId === session.id);
        assert.deepEqual(mine.map((item) => item.reference), [newer.reference, older.reference]);
        const [n, o] = mine;
        assert.ok(n && o);
        assert.equal(o.contact.method, 'phone');
        assert.equal(o.contact.value, '01588 640123');
        assert.equal(o.notes, 'Hearing loop, please');
        assert.equal(o.cancelled, true);
        assert.ok(o.cancelledAt);
        assert.equal(n.cancelled, false);
        assert.equal(n.lang, 'cy');
        assert.equal(n.contact.method, 'email');
        assert.equal(n.start, new Date(session.start).toISOString());
        assert.equal(n.hubName, newer.hub.name);
        assert.ok(list.items.every((item) => item.hubId === session.hubId), 'only that hub');
        assert.ok(list.total >= 2);
      });

      it('selects bookings by when the session starts', async () => {
        const session = take(1);
        const made = await book(session.id);
        const start = Date.parse(session.start);
        const around = new URLSearchParams({ from: new Date(start).toISOString(), to: new Date(start + 1000).toISOString() });
        const after = new URLSearchParams({ from: new Date(start + 1000).toISOString() });
        const inside = StaffBookingList.parse(await (await staff(`/api/v1/staff/bookings?${around}`)).json());
        assert.ok(inside.items.some((item) => item.reference === made.reference));
        assert.ok(inside.items.every((item) => item.start === new Date(start).toISOString()));
        const later = StaffBookingList.parse(await (await staff(`/api/v1/staff/bookings?${after}`)).json());
        assert.ok(!later.items.some((item) => item.reference === made.reference));
        await expectProblem(await staff('/api/v1/staff/bookings?from=yesterday'), 422, 'validation-failed');
      });

      it('exports CSV that a spreadsheet shows as typed: quotes and commas escaped, formulas defused', async () => {
        const session = take(3);
        const formula = await book(session.id, { name: '=HYPERLINK("x")' });
        const awkward = await book(session.id, { name: 'Hughes, Ffion "Ffi"', notes: 'Line one\nline two' });
        const phone = await book(session.id, { name: '@SUM(A1)', contact: { method: 'phone', value: '+44 7700 900123' } });
        const response = await staff(`/api/v1/staff/bookings.csv?hub=${encodeURIComponent(session.hubId)}`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
        assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="bookings\.csv"/);
        const text = await response.text();
        assert.ok(text.includes(`"'=HYPERLINK(""x"")"`), 'the formula is quoted, doubled and prefixed');
        const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
        assert.ok(header);
        const column = (name: string) => {
          const index = header.indexOf(name);
          assert.ok(index >= 0, `a ${name} column`);
          return index;
        };
        const row = (reference: string) => {
          const found = rows.find((r) => r[column('reference')] === reference);
          assert.ok(found, `a row for ${reference}`);
          return found;
        };
        assert.equal(row(formula.reference)[column('name')], `'=HYPERLINK("x")`);
        assert.equal(row(awkward.reference)[column('name')], 'Hughes, Ffion "Ffi"');
        assert.equal(row(awkward.reference)[column('notes')], 'Line one\nline two');
        assert.equal(row(phone.reference)[column('name')], `'@SUM(A1)`);
        assert.equal(row(phone.reference)[column('contact')], `'+44 7700 900123`);
        assert.equal(row(formula.reference)[column('cancelled')], 'no');
        for (const r of rows) assert.equal(r.length, header.length, 'every row has every column');
        for (const cells of rows) for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@]/, `no cell starts a formula: ${cell}`);
      });
    });

    describe('GET /api/v1/sessions', () => {
      it('still reports full capacity for sessions nobody has booked', async () => {
        const session = take(1);
        assert.equal((await current(session)).remaining, session.capacity);
      });
    });

    describe('webhook to staff systems', () => {
      const event = (req: ReceivedRequest) =>
        JSON.parse(req.body) as { id: string; type: string; occurredAt: string; data: { reference: string; sessionId: string; hubId: string; start: string; name: string; contact: { method: string; value: string }; notes?: string } };

      it('posts each booking, signed with HMAC-SHA256, and retries after a failure', async () => {
        await webhook.idle();
        let calls = 0;
        stub.reset((_req, res) => res.writeHead(++calls === 1 ? 500 : 204).end());
        const session = take(1);
        const made = await book(session.id, { notes: 'Step-free entrance please' });
        await webhook.idle();
        assert.equal(stub.received.length, 2, 'one failure, one retry');
        const [failed, delivered] = stub.received;
        assert.ok(failed && delivered);
        for (const req of [failed, delivered]) {
          assert.equal(req.method, 'POST');
          assert.equal(req.url, '/hooks/cls');
          assert.match(String(req.headers['content-type']), /^application\/json/);
          assert.equal(req.headers['x-cls-event'], 'booking.created');
          assert.match(String(req.headers['x-cls-timestamp']), /^\d{10}$/);
          assert.ok(
            verifySignature(WEBHOOK_SECRET, String(req.headers['x-cls-timestamp']), req.body, String(req.headers['x-cls-signature'])),
            'the signature verifies',
          );
        }
        assert.equal(event(failed).id, event(delivered).id, 'a retry is the same event');
        const body = event(delivered);
        assert.equal(body.type, 'booking.created');
        assert.ok(body.data.reference === made.reference && body.data.sessionId === session.id && body.data.hubId === session.hubId);
        assert.equal(body.data.start, made.session.start);
        assert.equal(body.data.notes, 'Step-free entrance please');
        assert.equal(body.data.contact.method, 'email');
        assert.ok(body.data.name.startsWith('Ffion Hughes'));
        const timestamp = String(delivered.headers['x-cls-timestamp']);
        const header = String(delivered.headers['x-cls-signature']);
        assert.equal(verifySignature('another-secret-0123456789', timestamp, delivered.body, header), false, 'another secret fails');
        assert.equal(verifySignature(WEBHOOK_SECRET, timestamp, delivered.body.replace(made.reference, 'CCCC-CCCC'), header), false, 'a changed body fails');
        assert.equal(verifySignature(WEBHOOK_SECRET, String(Number(timestamp) + 1), delivered.body, header), false, 'a changed timestamp fails');
        assert.equal(verifySignature(WEBHOOK_SECRET, timestamp, delivered.body, header, { now: new Date(Number(timestamp) * 1000 + 3_600_000) }), false, 'an old message fails');
      });

      it('retries when the connection drops before an answer', async () => {
        await webhook.idle();
        let calls = 0;
        stub.reset((_req, res, raw) => {
          if (++calls === 1) raw.socket.destroy();
          else res.writeHead(202).end();
        });
        const made = await book(take(1).id);
        await webhook.idle();
        assert.equal(stub.received.length, 2);
        const [dropped, delivered] = stub.received;
        assert.ok(dropped && delivered);
        assert.equal(event(dropped).id, event(delivered).id);
        assert.equal(event(delivered).data.reference, made.reference);
        assert.ok(verifySignature(WEBHOOK_SECRET, String(delivered.headers['x-cls-timestamp']), delivered.body, String(delivered.headers['x-cls-signature'])));
      });

      it('posts a cancellation once, however many times it is cancelled', async () => {
        const session = take(1);
        const made = await book(session.id);
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(200).end());
        assert.equal((await cancel(made.reference, made.manageKey)).status, 200);
        assert.equal((await cancel(made.reference, made.manageKey)).status, 200);
        await webhook.idle();
        assert.equal(stub.received.length, 1);
        const [req] = stub.received;
        assert.ok(req);
        assert.equal(req.headers['x-cls-event'], 'booking.cancelled');
        assert.ok(verifySignature(WEBHOOK_SECRET, String(req.headers['x-cls-timestamp']), req.body, String(req.headers['x-cls-signature'])));
        assert.equal(event(req).data.reference, made.reference);
      });

      it('gives up after the last attempt without affecting the booking', async () => {
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(503).end());
        const session = take(1);
        const made = await book(session.id);
        await webhook.idle();
        assert.equal(stub.received.length, 3, 'three attempts, as configured');
        assert.equal((await current(session)).remaining, (session.capacity ?? 0) - 1);
        assert.ok(logged.some((line) => line.includes(made.reference) && /gave up/.test(line)), 'the failure is logged by reference');
        stub.reset((_req, res) => res.writeHead(204).end());
      });
    });

    describe('webhook outbox (durable)', () => {
      const event = (req: ReceivedRequest) => JSON.parse(req.body) as { id: string; type: string; data: { reference: string; sessionId: string; from?: string } };
      it('keeps an event the council could not take through a restart, and a new sender delivers it once', async () => {
        await webhook.idle();
        // The receiver is down, and the sender gives up its first tries.
        stub.reset((_req, res) => res.writeHead(503).end());
        const made = await book(take(1).id);
        await webhook.runOnce();
        assert.equal(stub.received.length, 1, 'tried once');
        // A restart: the old sender is gone; a new process's sender on the same database.
        stub.reset((_req, res) => res.writeHead(204).end());
        const restarted = new WebhookSender(db, { url: `${stub.origin}/hooks/cls`, secret: WEBHOOK_SECRET, attempts: 3, baseDelayMs: 5 });
        await restarted.idle();
        assert.equal(stub.received.length, 1, 'delivered once after the restart');
        const [delivered] = stub.received;
        assert.ok(delivered);
        assert.equal(event(delivered).data.reference, made.reference);
        const [row] = await db.query<{ payload: unknown; delivered: boolean }>(
          'SELECT payload, delivered_at IS NOT NULL AS delivered FROM webhook_outbox WHERE reference = $1',
          [made.reference],
        );
        assert.deepEqual(row, { payload: null, delivered: true }, 'delivered, and the personal data in it gone from the outbox');
      });

      it('delivers each event once when several instances run the outbox at the same time', async () => {
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(204).end());
        const references: string[] = [];
        for (let i = 0; i < 6; i++) references.push((await book(take(1).id)).reference);
        const instances = Array.from({ length: 3 }, () => new WebhookSender(db, { url: `${stub.origin}/hooks/cls`, secret: WEBHOOK_SECRET, attempts: 3, baseDelayMs: 5 }));
        await Promise.all([...instances.map((instance) => instance.idle()), webhook.idle()]);
        const delivered = stub.received.map((req) => event(req).data.reference).filter((reference) => references.includes(reference));
        assert.deepEqual([...delivered].sort(), [...references].sort(), 'each booking told once');
        assert.equal(new Set(stub.received.map((req) => event(req).id)).size, stub.received.length, 'no event id twice');
      });

      it('tells of a move with the new session and the one it left', async () => {
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(204).end());
        const first = take(1);
        const made = await book(first.id);
        await webhook.idle();
        const other = unused.find((s) => s.hubId === first.hubId);
        assert.ok(other, 'another session at the same hub');
        unused.splice(unused.indexOf(other), 1);
        const moved = await api(`/api/v1/bookings/${made.reference}/move`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: made.manageKey, sessionId: other.id }) });
        assert.equal(moved.status, 200);
        await moved.body?.cancel();
        await webhook.idle();
        const told = stub.received.map(event).filter((body) => body.type === 'booking.moved');
        assert.equal(told.length, 1);
        assert.equal(told[0]?.data.sessionId, other.id);
        assert.equal(told[0]?.data.from, first.id);
      });
    });

    describe('OpenAPI document', () => {
      interface Operation {
        parameters?: { name: string; in: string; required: boolean }[];
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
        security?: unknown[];
      }
      let paths: Record<string, Record<string, Operation>>;

      before(async () => {
        const response = await api('/openapi.json');
        assert.equal(response.status, 200);
        ({ paths } = (await response.json()) as { paths: typeof paths });
      });

      it('documents booking, cancelling and the staff list and export', () => {
        const post = paths['/api/v1/bookings']?.post;
        assert.ok(post);
        assert.ok(post.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header' && p.required));
        for (const status of ['200', '201', '404', '409', '422', '429']) assert.ok(post.responses[status], `POST answers ${status}`);
        const remove = paths['/api/v1/bookings/{reference}']?.delete;
        assert.ok(remove);
        assert.ok(remove.parameters?.some((p) => p.name === 'reference' && p.in === 'path' && p.required));
        assert.ok(remove.parameters?.some((p) => p.name === 'key' && p.in === 'query'));
        assert.ok(remove.responses['404']);
        for (const path of ['/api/v1/staff/bookings', '/api/v1/staff/bookings.csv']) {
          const operation = paths[path]?.get;
          assert.ok(operation?.security?.length, `${path} needs the staff token`);
          assert.ok(operation.responses['401']);
        }
        assert.ok(paths['/api/v1/staff/bookings.csv']?.get?.responses['200']?.content?.['text/csv']);
      });

      it('describes the booking body the same way the server validates it', () => {
        const schema = paths['/api/v1/bookings']?.post?.requestBody?.content['application/json']?.schema;
        assert.ok(schema);
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        const good = { sessionId: 'p@2026-12-03T10:00', name: 'Ffion', contact: { method: 'email', value: 'ffion@example.org' }, consent: true };
        const examples: unknown[] = [
          good,
          { ...good, contact: { method: 'phone', value: '07700 900123' }, notes: 'x'.repeat(500), lang: 'cy' },
          { ...good, notes: 'x'.repeat(501) },
          { ...good, consent: false },
          { ...good, contact: { method: 'fax', value: '0123' } },
          { ...good, lang: 'fr' },
          { ...good, name: 'x'.repeat(101) },
        ];
        for (const example of examples) {
          assert.equal(validate(example), BookingInputSchema.safeParse(example).success, JSON.stringify(example).slice(0, 100));
        }
      });

      it('answers another method on a booking with 405 and the methods allowed', async () => {
        const response = await api('/api/v1/bookings/CCCC-CCCC', { method: 'PUT' });
        await expectProblem(response, 405, 'method-not-allowed');
        assert.equal(response.headers.get('allow'), 'DELETE, GET, OPTIONS');
      });
    });

    describe('privacy', () => {
      it('logs nothing personal: no name, email, phone number or notes, only references', async () => {
        await webhook.idle();
        assert.ok(personal.length > 100, 'many bookings were made');
        assert.ok(logged.length > 0, 'the server did log (the webhook failures)');
        const everything = logged.join('\n');
        for (const value of [...personal, 'Step-free entrance please', 'Hearing loop, please', '01588 640123', 'HYPERLINK']) {
          assert.ok(!everything.includes(value), `"${value}" was logged`);
        }
      });
    });
  });
}
