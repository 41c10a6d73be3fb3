import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BookingCreated } from '../../src/contract/bookings.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { NotifyOutbox, type NotifyOptions } from '../../server/notify/outbox.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { loadConfig } from '../../server/config.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';
import { HttpStub, type ReceivedRequest } from '../support/http-stub.ts';

/*
 * Booking messages through GOV.UK Notify, sent by the official client to a
 * local fake Notify (real HTTP): what it received, once each, retried after
 * a failure, surviving a restart; nothing at all when Notify is not set up.
 */

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const API_KEY = `test_key-${SERVICE_ID}-3d844edf-8d35-48ac-975b-e847b4f122b0`;
const TEMPLATES = {
  'confirmation-email': '11111111-1111-4111-8111-111111111111',
  'confirmation-sms': '22222222-2222-4222-8222-222222222222',
  'reminder-email': '33333333-3333-4333-8333-333333333333',
  'cancellation-email': '44444444-4444-4444-8444-444444444444',
} as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface NotifyBody {
  template_id: string;
  email_address?: string;
  phone_number?: string;
  personalisation: Record<string, string>;
  reference?: string;
}

for (const backend of backends()) {
  describe(`GOV.UK Notify booking messages on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    let quiet: RunningApp;
    const fake = new HttpStub();
    let notify: NotifyOptions;
    let outbox: NotifyOutbox;
    let unused: Session[] = [];
    const sent = () => fake.received.map((request: ReceivedRequest) => ({ path: request.url, body: JSON.parse(request.body) as NotifyBody, auth: request.headers['authorization'] }));

    const post = (base: string, body: unknown) =>
      fetch(`${base}/api/v1/bookings`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(body) });

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      await seedIfEmpty(db);
      await fake.start();
      fake.reset((_req, res) => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: randomUUID() })));
      notify = { apiKey: API_KEY, baseUrl: fake.origin, templates: TEMPLATES, manageUrl: 'https://council.example/hubs?cls-booking={reference}&key={key}', baseDelayMs: 0 };
      outbox = new NotifyOutbox(db, notify);
      app = await startApp({ db, staffToken: 'staff-token-for-notify-tests-01', postsPerMinute: 100_000, notify });
      quiet = await startApp({ db, staffToken: 'staff-token-for-notify-tests-01', postsPerMinute: 100_000 });
      const now = Date.now();
      const { items } = SessionList.parse(
        await (await fetch(`${app.base}/api/v1/sessions?from=${new Date(now + 2 * DAY).toISOString()}&to=${new Date(now + 60 * DAY).toISOString()}`)).json(),
      );
      unused = items.filter((s) => s.mode === 'bookable' && (s.remaining ?? 0) >= 2);
    });

    after(async () => {
      await app?.close();
      await quiet?.close();
      await fake.stop();
      await dispose?.();
    });

    it('sends the confirmation by email with the reference, hub, time and manage link, once, and holds the reminder for the day before', async () => {
      const session = unused.shift() as Session;
      fake.reset((_req, res) => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: randomUUID() })));
      const response = await post(app.base, { sessionId: session.id, name: 'Notify Test', contact: { method: 'email', value: 'notify.test@example.org' }, consent: true, lang: 'cy' });
      assert.equal(response.status, 201);
      const created = BookingCreated.parse(await response.json());
      assert.equal(created.messages, 'email');
      assert.equal(await outbox.runOnce(), 1);
      assert.equal(await outbox.runOnce(), 0, 'sent once');
      const [message, ...rest] = sent();
      assert.deepEqual(rest, []);
      assert.equal(message?.path, '/v2/notifications/email');
      assert.match(message?.auth ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/, 'the official client signs a JWT');
      assert.equal(message?.body.template_id, TEMPLATES['confirmation-email']);
      assert.equal(message?.body.email_address, 'notify.test@example.org');
      const words = message?.body.personalisation ?? {};
      assert.equal(words['reference'], created.reference);
      assert.equal(words['manage_link'], `https://council.example/hubs?cls-booking=${created.reference}&key=${encodeURIComponent(created.manageKey)}`);
      assert.match(words['time'] ?? '', /^Dydd \w+ \d+ \w+, \d\d:\d\d i \d\d:\d\d$/, 'in Welsh, as booked');
      assert.ok(words['hub'] && words['address']);
      const [reminder] = await db.query<{ send_after: Date | string; template_id: string }>(
        `SELECT send_after, template_id FROM notify_outbox WHERE reference = $1 AND kind = 'reminder'`,
        [created.reference],
      );
      assert.equal(new Date(reminder?.send_after ?? 0).toISOString(), new Date(Date.parse(session.start) - DAY).toISOString());
      assert.equal(reminder?.template_id, TEMPLATES['reminder-email']);
    });

    it('retries a failed send with backoff, and a new sender after a restart sends what is left, each once', async () => {
      const session = unused.shift() as Session;
      let failures = 1;
      fake.reset((_req, res) => {
        if (failures-- > 0) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ error: 'Exception', message: 'down' }] }));
        else res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
      });
      const response = await post(app.base, { sessionId: session.id, name: 'Retry Test', contact: { method: 'phone', value: '07700 900 456' }, consent: true });
      const created = BookingCreated.parse(await response.json());
      assert.equal(created.messages, 'sms');
      assert.equal(await outbox.runOnce(), 0, 'the first attempt fails');
      const restarted = new NotifyOutbox(db, notify);
      assert.equal(await restarted.runOnce(), 1, 'a new sender (after a restart) retries it');
      assert.equal(await restarted.runOnce(), 0);
      assert.equal(await outbox.runOnce(), 0, 'and nobody sends it again');
      const texts = sent().filter((message) => message.path === '/v2/notifications/sms');
      assert.equal(texts.length, 2, 'one failed attempt, one success');
      assert.equal(texts[1]?.body.phone_number, '07700 900 456');
      assert.equal(texts[1]?.body.template_id, TEMPLATES['confirmation-sms']);
    });

    it('sends a cancellation notice once and drops the reminder', async () => {
      const session = unused.shift() as Session;
      fake.reset((_req, res) => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: randomUUID() })));
      const created = BookingCreated.parse(
        await (await post(app.base, { sessionId: session.id, name: 'Cancel Test', contact: { method: 'email', value: 'cancel.test@example.org' }, consent: true })).json(),
      );
      for (let i = 0; i < 2; i++) {
        const cancelled = await fetch(`${app.base}/api/v1/bookings/${created.reference}?key=${encodeURIComponent(created.manageKey)}`, { method: 'DELETE' });
        assert.equal(cancelled.status, 200);
      }
      await outbox.runOnce();
      const templates = sent().map((message) => message.body.template_id);
      assert.deepEqual(templates.sort(), [TEMPLATES['confirmation-email'], TEMPLATES['cancellation-email']].sort());
      const cancellation = sent().find((message) => message.body.template_id === TEMPLATES['cancellation-email']);
      assert.equal(cancellation?.body.personalisation['reference'], created.reference);
      const reminders = await db.query(`SELECT 1 FROM notify_outbox WHERE reference = $1 AND kind = 'reminder'`, [created.reference]);
      assert.equal(reminders.length, 0);
    });

    it('sends nothing, and says so in the answer, when Notify is not set up', async () => {
      const session = unused.shift() as Session;
      fake.reset((_req, res) => res.writeHead(201).end('{}'));
      const created = BookingCreated.parse(
        await (await post(quiet.base, { sessionId: session.id, name: 'Quiet Test', contact: { method: 'email', value: 'quiet@example.org' }, consent: true })).json(),
      );
      assert.equal(created.messages, undefined);
      await outbox.runOnce();
      assert.deepEqual(sent(), []);
      assert.equal((await db.query(`SELECT 1 FROM notify_outbox WHERE reference = $1`, [created.reference])).length, 0);
    });

    it('reads NOTIFY_API_KEY, NOTIFY_BASE_URL, the NOTIFY_TEMPLATE_… ids and BOOKING_MANAGE_URL', () => {
      const config = loadConfig(
        {
          NOTIFY_API_KEY: API_KEY,
          NOTIFY_BASE_URL: 'http://127.0.0.1:9/',
          NOTIFY_TEMPLATE_CONFIRMATION_EMAIL: TEMPLATES['confirmation-email'],
          NOTIFY_TEMPLATE_REMINDER_SMS: TEMPLATES['confirmation-sms'],
          BOOKING_MANAGE_URL: 'https://council.example/hubs?cls-booking={reference}&key={key}',
        },
        '/tmp',
      );
      assert.deepEqual(config.notify?.templates, { 'confirmation-email': TEMPLATES['confirmation-email'], 'reminder-sms': TEMPLATES['confirmation-sms'] });
      assert.equal(config.notify?.baseUrl, 'http://127.0.0.1:9/');
      assert.equal(loadConfig({}, '/tmp').notify, undefined);
      assert.throws(() => loadConfig({ NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_REMINDER_EMAIL: 'nope' }, '/tmp'), /NOTIFY_TEMPLATE_REMINDER_EMAIL/);
    });
  });
}
