import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { FeedbackCreated, FeedbackInput, FeedbackList } from '../../src/contract/feedback.ts';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { backends, ownClient, startApp, type RunningApp } from '../support/app-server.ts';
import { expectProblem } from '../support/problem.ts';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';
const MIGRATIONS = readdirSync(new URL('../../server/db/migrations/', import.meta.url))
  .filter((file) => file.endsWith('.sql'))
  .sort();
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const uniqueHub = () => `hub-${randomUUID()}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PostOptions {
  key?: string | null;
  contentType?: string;
  headers?: Record<string, string>;
}

function postFeedback(base: string, body: unknown, options: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json', ...options.headers };
  const key = options.key === undefined ? randomUUID() : options.key;
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(`${base}/api/v1/feedback`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function staffList(base: string, query = '', token: string | null = STAFF_TOKEN): Promise<Response> {
  return fetch(`${base}/api/v1/staff/feedback${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
}

async function listFor(base: string, hub: string, extra = '') {
  const response = await staffList(base, `?hub=${encodeURIComponent(hub)}${extra}`);
  assert.equal(response.status, 200);
  return FeedbackList.parse(await response.json());
}


/** A raw HTTP GET, so the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.path = path;
    req.on('error', reject);
    req.end();
  });
}

/** Starts a POST with a body that never finishes, then hangs up, as a phone losing signal mid-upload does. */
function abandonUpload(base: string): Promise<void> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write('POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: abandoned-upload-1\r\nContent-Length: 1000\r\n\r\n{"helpful":');
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 200);
    });
    socket.on('error', reject);
  });
}

for (const backend of backends()) {
  describe(`reference server on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let firstMigration: string[];
    let app: RunningApp;

    before(async () => {
      ({ db, dispose } = await backend.open());
      firstMigration = await migrate(db);
      app = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 10_000 });
    });

    after(async () => {
      await app?.close();
      await dispose?.();
    });

    describe('database', () => {
      it('applies every migration on a fresh database and records it', async () => {
        assert.deepEqual(firstMigration, MIGRATIONS);
        const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
        assert.deepEqual(rows.map((row) => row.name), MIGRATIONS);
      });

      it('applies nothing when migrate runs again', async () => {
        assert.deepEqual(await migrate(db), []);
        const rows = await db.query('SELECT name FROM schema_migrations');
        assert.equal(rows.length, MIGRATIONS.length);
      });
    });

    if (backend.kind === 'postgres') {
      it('lets three instances start together on one new PostgreSQL schema, each migration applied once', async () => {
        const schema = `test_race_${randomBytes(6).toString('hex')}`;
        const url = process.env.DATABASE_URL as string;
        const instances = await Promise.all([0, 1, 2].map(() => openDatabase({ databaseUrl: url, schema, poolMax: 2 })));
        try {
          const applied = await Promise.all(instances.map((instance) => migrate(instance)));
          assert.deepEqual(applied.flat().sort(), MIGRATIONS, 'every migration once, by one instance or another');
          const rows = await (instances[0] as Database).query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
          assert.deepEqual(rows.map((row) => row.name), MIGRATIONS);
        } finally {
          await (instances[0] as Database).query(`DROP SCHEMA ${schema} CASCADE`);
          await Promise.all(instances.map((instance) => instance.close()));
        }
      });
    }

    describe('GET /readyz', () => {
      it('is ready while the instance takes requests, and answers 503 once it is shutting down', async () => {
        const response = await fetch(`${app.base}/readyz`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { status: 'ready', database: backend.kind });
        let ready = true;
        const draining = await startApp({ db, staffToken: STAFF_TOKEN, ready: () => ready });
        try {
          const early = await fetch(`${draining.base}/readyz`);
          await early.body?.cancel();
          assert.equal(early.status, 200);
          ready = false;
          const late = await fetch(`${draining.base}/readyz`);
          assert.equal(late.status, 503);
          assert.deepEqual(await late.json(), { status: 'draining', database: backend.kind });
        } finally {
          await draining.close();
        }
      });
    });

    describe('GET /healthz', () => {
      it('says the service and its database are up', async () => {
        const response = await fetch(`${app.base}/healthz`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { status: 'ok', database: backend.kind, version: PACKAGE_VERSION });
      });
    });

    describe('POST /api/v1/feedback', () => {
      it('stores feedback and answers 201 with its id', async () => {
        const hub = uniqueHub();
        const response = await postFeedback(app.base, { helpful: 5, ease: 4, comment: '  Lovely staff  ', hub, lang: 'cy' });
        assert.equal(response.status, 201);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        const created = FeedbackCreated.parse(await response.json());
        const list = await listFor(app.base, hub);
        assert.equal(list.total, 1);
        assert.deepEqual(list.items, [
          { id: created.id, createdAt: created.createdAt, helpful: 5, ease: 4, comment: 'Lovely staff', hub, lang: 'cy' },
        ]);
      });

      it('accepts a JSON content type with a charset', async () => {
        const response = await postFeedback(app.base, { helpful: 3, ease: 3 }, { contentType: 'application/json; charset=utf-8' });
        assert.equal(response.status, 201);
      });

      it('answers a retry with the same key and body with 200 and the first record, storing it once', async () => {
        const hub = uniqueHub();
        const key = randomUUID();
        const body = { helpful: 2, ease: 3, comment: 'Retry me', hub };
        const first = await postFeedback(app.base, body, { key });
        assert.equal(first.status, 201);
        const firstBody = FeedbackCreated.parse(await first.json());
        const again = await postFeedback(app.base, body, { key });
        assert.equal(again.status, 200);
        assert.deepEqual(await again.json(), firstBody);
        assert.equal((await listFor(app.base, hub)).total, 1);
      });

      it('refuses the same key with a different body (409) and stores nothing more', async () => {
        const hub = uniqueHub();
        const key = randomUUID();
        assert.equal((await postFeedback(app.base, { helpful: 4, ease: 4, hub }, { key })).status, 201);
        const reused = await postFeedback(app.base, { helpful: 1, ease: 1, hub }, { key });
        await expectProblem(reused, 409, 'idempotency-key-reused');
        const list = await listFor(app.base, hub);
        assert.equal(list.total, 1);
        assert.equal(list.items[0]?.helpful, 4);
      });

      it('stores exactly one record when 20 requests with one key arrive at once', async () => {
        const hub = uniqueHub();
        const key = randomUUID();
        const body = { helpful: 5, ease: 5, hub };
        const responses = await Promise.all(Array.from({ length: 20 }, () => postFeedback(app.base, body, { key })));
        const statuses = responses.map((response) => response.status).sort();
        assert.deepEqual(statuses, [200, ...Array<number>(18).fill(200), 201].sort());
        const ids = new Set(await Promise.all(responses.map(async (response) => FeedbackCreated.parse(await response.json()).id)));
        assert.equal(ids.size, 1);
        const list = await listFor(app.base, hub);
        assert.equal(list.total, 1);
        assert.equal(list.items[0]?.id, [...ids][0]);
      });

      it('requires an Idempotency-Key of 8–128 visible characters', async () => {
        const hub = uniqueHub();
        await expectProblem(await postFeedback(app.base, { helpful: 3, ease: 3, hub }, { key: null }), 400, 'idempotency-key-invalid');
        await expectProblem(await postFeedback(app.base, { helpful: 3, ease: 3, hub }, { key: 'short' }), 400, 'idempotency-key-invalid');
        await expectProblem(
          await postFeedback(app.base, { helpful: 3, ease: 3, hub }, { key: 'k'.repeat(129) }),
          400,
          'idempotency-key-invalid',
        );
        assert.equal((await listFor(app.base, hub)).total, 0);
      });

      it('lists every invalid field with its path and code (422)', async () => {
        const hub = uniqueHub();
        const response = await postFeedback(app.base, { ease: 9, comment: 'x'.repeat(1001), hub, lang: 'fr' });
        const problem = await expectProblem(response, 422, 'validation-failed');
        assert.deepEqual(
          problem.errors?.map(({ path, code }) => ({ path, code })),
          [
            { path: 'helpful', code: 'required' },
            { path: 'ease', code: 'too-big' },
            { path: 'comment', code: 'too-long' },
            { path: 'lang', code: 'invalid' },
          ],
        );
        for (const issue of problem.errors ?? []) assert.ok(issue.message.length > 0);
        assert.equal((await listFor(app.base, hub)).total, 0);
      });

      it('does not use up the key on a rejected body, so the corrected form can be sent with it', async () => {
        const hub = uniqueHub();
        const key = randomUUID();
        await expectProblem(await postFeedback(app.base, { helpful: 0, ease: 3, hub }, { key }), 422, 'validation-failed');
        assert.equal((await postFeedback(app.base, { helpful: 1, ease: 3, hub }, { key })).status, 201);
        assert.equal((await listFor(app.base, hub)).total, 1);
      });

      it('refuses a body that is not JSON by content type (415)', async () => {
        const response = await postFeedback(app.base, 'helpful=5&ease=5', { contentType: 'application/x-www-form-urlencoded' });
        await expectProblem(response, 415, 'unsupported-media-type');
        await expectProblem(await postFeedback(app.base, '{"helpful":5,"ease":5}', { contentType: 'text/plain' }), 415, 'unsupported-media-type');
      });

      it('refuses malformed JSON (400)', async () => {
        await expectProblem(await postFeedback(app.base, '{"helpful": 5, "ease": '), 400, 'invalid-json');
      });

      it('refuses a body over 64 KB (413)', async () => {
        const big = JSON.stringify({ helpful: 5, ease: 5, comment: 'x'.repeat(65 * 1024) });
        await expectProblem(await postFeedback(app.base, big), 413, 'payload-too-large');
      });

      it('after refusing a body far over 64 KB, the same client\'s next requests still arrive', async () => {
        // The refused body is never read: a kept-alive connection reused after it was closed under
        // the next request ("other side closed"), losing that request.
        const big = JSON.stringify({ helpful: 5, ease: 5, comment: 'x'.repeat(280_000) });
        for (let round = 0; round < 3; round++) {
          const refused = await postFeedback(app.base, big);
          await expectProblem(refused, 413, 'payload-too-large');
          for (let next = 0; next < 3; next++) {
            const stored = await postFeedback(app.base, { helpful: 4, ease: 4 });
            assert.equal(stored.status, 201);
            await stored.text();
          }
        }
      });

      it('refuses a body over 64 KB sent without a Content-Length (413)', async () => {
        const bytes = new TextEncoder().encode(JSON.stringify({ helpful: 5, ease: 5, comment: 'x'.repeat(65 * 1024) }));
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.subarray(i, i + 8192));
            controller.close();
          },
        });
        const response = await fetch(`${app.base}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body,
          duplex: 'half',
        } as RequestInit);
        await expectProblem(response, 413, 'payload-too-large');
      });
    });

    describe('GET /api/v1/staff/feedback', () => {
      it('refuses a request without a token, giving no data', async () => {
        const response = await staffList(app.base, '', null);
        const problem = await expectProblem(response, 401, 'unauthorized');
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
        assert.equal('items' in problem, false);
      });

      it('refuses a wrong token, giving no data', async () => {
        const problem = await expectProblem(await staffList(app.base, '', 'not-the-staff-token-at-all'), 401, 'unauthorized');
        assert.equal('items' in problem, false);
        const basic = await fetch(`${app.base}/api/v1/staff/feedback`, {
          headers: { Authorization: `Basic ${Buffer.from(`staff:${STAFF_TOKEN}`).toString('base64')}` },
        });
        await expectProblem(basic, 401, 'unauthorized');
      });

      it('lists feedback newest first, omitting absent values rather than sending null', async () => {
        const hub = uniqueHub();
        const sent = [
          { helpful: 1, ease: 2, hub, comment: 'first' },
          { helpful: 3, ease: 4, hub },
          { helpful: 5, ease: 5, hub, comment: 'third', source: 'kiosk', lang: 'en' },
        ];
        const ids: string[] = [];
        for (const body of sent) {
          const response = await postFeedback(app.base, body);
          assert.equal(response.status, 201);
          ids.push(FeedbackCreated.parse(await response.json()).id);
          // Keep the creation times apart, so "newest first" has one right answer.
          await pause(5);
        }
        const response = await staffList(app.base, `?hub=${encodeURIComponent(hub)}`);
        assert.equal(response.status, 200);
        // Staff data must not sit in a shared or browser cache.
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const raw = (await response.json()) as { total: number; items: Record<string, unknown>[] };
        assert.equal(raw.total, 3);
        assert.deepEqual(raw.items.map((item) => item.id), [...ids].reverse());
        for (const item of raw.items) {
          for (const [key, value] of Object.entries(item)) assert.notEqual(value, null, `${key} is null`);
        }
        const middle = raw.items[1];
        assert.deepEqual(Object.keys(middle ?? {}).sort(), ['createdAt', 'ease', 'helpful', 'hub', 'id']);
        assert.deepEqual(
          raw.items.map(({ id: _id, createdAt: _createdAt, ...rest }) => rest),
          [...sent].reverse(),
        );
        const times = raw.items.map((item) => Date.parse(String(item.createdAt)));
        assert.ok(times.every((time, i) => i === 0 || time <= (times[i - 1] ?? 0)));
      });

      it('pages with limit and offset', async () => {
        const hub = uniqueHub();
        const ids: string[] = [];
        for (const helpful of [1, 2, 3]) {
          ids.push(FeedbackCreated.parse(await (await postFeedback(app.base, { helpful, ease: 1, hub })).json()).id);
          await pause(5);
        }
        const page = await listFor(app.base, hub, '&limit=1&offset=1');
        assert.equal(page.total, 3);
        assert.deepEqual(page.items.map((item) => item.id), [ids[1]]);
      });

      it('rejects a bad query with the parameter named (422)', async () => {
        const problem = await expectProblem(await staffList(app.base, '?limit=0'), 422, 'validation-failed');
        assert.deepEqual(problem.errors?.map((issue) => issue.path), ['limit']);
        await expectProblem(await staffList(app.base, '?limit=lots'), 422, 'validation-failed');
      });
    });

    describe('HTTP behaviour', () => {
      it('says nothing in its logs when a client hangs up mid-upload, and goes on serving', async () => {
        const errors: string[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
        try {
          await abandonUpload(app.base);
          await pause(200);
        } finally {
          console.error = original;
        }
        assert.deepEqual(errors, []);
        assert.equal((await fetch(`${app.base}/healthz`)).status, 200);
      });

      it('answers an unknown route with a 404 problem', async () => {
        await expectProblem(await fetch(`${app.base}/no-such-page`), 404, 'not-found');
        await expectProblem(await fetch(`${app.base}/api/v1/no-such-thing`), 404, 'not-found');
      });

      it('answers a known API path with the wrong method with a 405 problem', async () => {
        await expectProblem(await fetch(`${app.base}/api/v1/feedback`), 405, 'method-not-allowed');
      });

      it('sends security headers on answers and on errors', async () => {
        for (const response of [await fetch(`${app.base}/healthz`), await fetch(`${app.base}/api/v1/nothing`), await staffList(app.base, '', null)]) {
          assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
          assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
          assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
          assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
          assert.match(response.headers.get('permissions-policy') ?? '', /camera=\(\)/);
          await response.body?.cancel();
        }
      });

      it('lets a localhost page call the API, and not a foreign one', async () => {
        const preflight = (origin: string) =>
          fetch(`${app.base}/api/v1/feedback`, {
            method: 'OPTIONS',
            headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
          });
        const local = await preflight('http://localhost:5173');
        assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:5173');
        assert.match(local.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
        assert.match(local.headers.get('access-control-allow-methods') ?? '', /POST/);
        const evil = await preflight('https://evil.example');
        assert.equal(evil.headers.get('access-control-allow-origin'), null);

        const post = await postFeedback(app.base, { helpful: 4, ease: 4 }, { headers: { Origin: 'http://127.0.0.1:8000' } });
        assert.equal(post.status, 201);
        assert.equal(post.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
        const foreign = await fetch(`${app.base}/api/v1/staff/feedback`, {
          headers: { Origin: 'https://evil.example', Authorization: `Bearer ${STAFF_TOKEN}` },
        });
        assert.equal(foreign.headers.get('access-control-allow-origin'), null);
        await foreign.body?.cancel();
      });
    });

    describe('rate limiting', () => {
      // A database of its own: counts are kept in the database, and the rest of the suite writes from this address too.
      let limited: RunningApp;
      let db: Database;
      let disposeOwn: () => Promise<void>;
      before(async () => {
        ({ db, dispose: disposeOwn } = await backend.open());
        await migrate(db);
        limited = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 3 });
      });
      after(async () => {
        await limited?.close();
        await disposeOwn?.();
      });

      it('answers the 4th POST in a minute with 429 and Retry-After', async () => {
        const hub = uniqueHub();
        for (let i = 0; i < 3; i++) assert.equal((await postFeedback(limited.base, { helpful: 3, ease: 3, hub })).status, 201);
        const response = await postFeedback(limited.base, { helpful: 3, ease: 3, hub }, { headers: { Origin: 'http://localhost:3000' } });
        await expectProblem(response, 429, 'rate-limited');
        const retryAfter = Number(response.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
        // A browser page may read it.
        assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
        assert.equal((await listFor(limited.base, hub)).total, 3);
      });

      it('counts every instance on one database against the same allowance, and keeps counting after a restart', async () => {
        const hub = uniqueHub();
        // The client an address of its own, so the other tests' writes do not count.
        const client = ownClient();
        const instance = () => startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 3, ...client.options });
        const send = (app: RunningApp) => postFeedback(app.base, { helpful: 3, ease: 3, hub }, { headers: client.headers });
        const [first, second] = await Promise.all([instance(), instance()]);
        try {
          assert.equal((await send(first)).status, 201);
          assert.equal((await send(second)).status, 201);
        } finally {
          await Promise.all([first.close(), second.close()]);
        }
        // A restart: a new process on the same database.
        const restarted = await instance();
        try {
          assert.equal((await send(restarted)).status, 201);
          await expectProblem(await send(restarted), 429, 'rate-limited');
        } finally {
          await restarted.close();
        }
        assert.equal((await listFor(limited.base, hub)).total, 3);
      });

      it('counts cancellations with a guessed manage key as writes', async () => {
        const client = ownClient();
        const proxied = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 3, ...client.options });
        try {
          const guess = (i: number) => fetch(`${proxied.base}/api/v1/bookings/ABCD${i}234?key=wrong`, { method: 'DELETE', headers: client.headers });
          for (let i = 0; i < 3; i++) {
            const response = await guess(i);
            await response.body?.cancel();
            assert.notEqual(response.status, 429, `guess ${i + 1}`);
          }
          await expectProblem(await guess(3), 429, 'rate-limited');
        } finally {
          await proxied.close();
        }
      });

      it('cannot be walked round with a made-up X-Forwarded-For behind one trusted proxy', async () => {
        const proxied = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 3, trustProxy: { kind: 'hops', hops: 1 } });
        try {
          const hub = uniqueHub();
          // Each request claims a new address; the proxy (this test) appends the one it saw.
          const send = (i: number) => postFeedback(proxied.base, { helpful: 3, ease: 3, hub }, { headers: { 'X-Forwarded-For': `198.51.100.${i}, 203.0.113.9` } });
          for (let i = 0; i < 3; i++) assert.equal((await send(i)).status, 201);
          await expectProblem(await send(3), 429, 'rate-limited');
          // Another resident behind the same proxy has a bucket of their own.
          const other = await postFeedback(proxied.base, { helpful: 3, ease: 3, hub }, { headers: { 'X-Forwarded-For': '203.0.113.10' } });
          assert.equal(other.status, 201);
        } finally {
          await proxied.close();
        }
      });
    });

    describe('with an explicit list of allowed origins', () => {
      let council: RunningApp;
      before(async () => {
        council = await startApp({ db, staffToken: STAFF_TOKEN, allowedOrigins: ['https://council.example'], postsPerMinute: 100 });
      });
      after(() => council.close());

      it('allows the listed origin and no longer allows localhost', async () => {
        const ask = (origin: string) =>
          fetch(`${council.base}/api/v1/feedback`, {
            method: 'OPTIONS',
            headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
          });
        assert.equal((await ask('https://council.example')).headers.get('access-control-allow-origin'), 'https://council.example');
        assert.equal((await ask('http://localhost:5173')).headers.get('access-control-allow-origin'), null);
        assert.equal((await ask('https://council.example.evil.example')).headers.get('access-control-allow-origin'), null);
      });
    });

    describe('OpenAPI document and docs', () => {
      interface Operation {
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
      }
      let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

      before(async () => {
        const response = await fetch(`${app.base}/openapi.json`);
        assert.equal(response.status, 200);
        doc = (await response.json()) as typeof doc;
      });

      const ajv = () => {
        const instance = new Ajv2020({ strict: false, allErrors: true });
        addFormats(instance);
        return instance;
      };

      it('is OpenAPI 3.1 and documents the feedback routes', () => {
        assert.match(doc.openapi, /^3\.1\.\d+$/);
        assert.ok(doc.paths['/api/v1/feedback']?.post, 'POST /api/v1/feedback');
        assert.ok(doc.paths['/api/v1/staff/feedback']?.get, 'GET /api/v1/staff/feedback');
      });

      it('describes the request body the same way the server validates it', () => {
        const schema = doc.paths['/api/v1/feedback']?.post?.requestBody?.content['application/json']?.schema;
        assert.ok(schema);
        const validate = ajv().compile(schema);
        const examples: unknown[] = [
          { helpful: 5, ease: 1 },
          { helpful: 3, ease: 3, comment: 'Good', hub: 'Library', source: 'kiosk', lang: 'cy' },
          { helpful: 0, ease: 3 },
          { helpful: 2.5, ease: 3 },
          { helpful: '3', ease: 3 },
          { helpful: 3 },
          { helpful: 3, ease: 3, lang: 'fr' },
          { helpful: 3, ease: 3, hub: 'x'.repeat(121) },
          { helpful: 3, ease: 3, comment: 'x'.repeat(1001) },
          { helpful: 3, ease: 3, comment: 'x'.repeat(1000) },
        ];
        for (const example of examples) {
          assert.equal(validate(example), FeedbackInput.safeParse(example).success, JSON.stringify(example).slice(0, 80));
        }
      });

      it('describes the 201 answer and the problems the server really sends', async () => {
        const operation = doc.paths['/api/v1/feedback']?.post;
        const validator = ajv();
        validator.addSchema(doc.components.schemas.Problem as object, 'problem');
        const created = operation?.responses['201']?.content?.['application/json']?.schema;
        assert.ok(created);
        const response = await postFeedback(app.base, { helpful: 4, ease: 2 });
        assert.equal(response.status, 201);
        assert.ok(validator.validate(created, await response.json()), validator.errorsText());
        for (const status of ['409', '422', '429']) {
          assert.deepEqual(operation?.responses[status]?.content?.['application/problem+json']?.schema, { $ref: '#/components/schemas/Problem' });
        }
        const invalid = await postFeedback(app.base, { helpful: 9 });
        assert.equal(invalid.status, 422);
        assert.ok(validator.validate('problem', await invalid.json()), validator.errorsText());
      });

      it('serves /docs as HTML under a strict Content-Security-Policy', async () => {
        const response = await fetch(`${app.base}/docs`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
        const csp = response.headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
        const html = await response.text();
        assert.match(html, /^<!doctype html>/i);
        assert.match(html, /\/api\/v1\/feedback/);
        assert.doesNotMatch(html, /<script/i);
      });
    });

    describe('static demo pages', () => {
      let root: string;
      let demo: RunningApp;
      before(async () => {
        root = mkdtempSync(join(tmpdir(), 'cls-static-'));
        mkdirSync(join(root, 'demo', 'kiosk'), { recursive: true });
        writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>Council</title><p>Council demo</p>');
        writeFileSync(join(root, 'demo', 'kiosk', 'index.html'), '<!doctype html><title>Kiosk</title>');
        writeFileSync(join(root, 'demo', 'app.js'), 'console.log("demo");');
        writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE-DEMO');
        mkdirSync(join(root, 'cdn'));
        writeFileSync(join(root, 'cdn', 'bundle.js'), 'export {};\n//# sourceMappingURL=bundle.js.map');
        writeFileSync(join(root, 'cdn', 'bundle.js.map'), '{"version":3,"sources":["src/secret-source.ts"]}');
        demo = await startApp({ db, staffToken: STAFF_TOKEN, demoDir: join(root, 'demo'), cdnDir: join(root, 'cdn'), postsPerMinute: 100 });
      });
      after(async () => {
        await demo.close();
        rmSync(root, { recursive: true, force: true });
      });

      it('serves index.html with a Content-Security-Policy', async () => {
        const response = await fetch(`${demo.base}/`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
        const csp = response.headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'/);
        assert.match(csp, /object-src 'none'/);
        assert.match(await response.text(), /Council demo/);
        const kiosk = await fetch(`${demo.base}/kiosk/`);
        assert.equal(kiosk.status, 200);
        assert.match(await kiosk.text(), /Kiosk/);
      });

      it('serves the CDN source maps only when allowed (not in production)', async () => {
        assert.equal((await fetch(`${demo.base}/cdn/bundle.js.map`)).status, 200);
        const production = await startApp({ db, staffToken: STAFF_TOKEN, cdnDir: join(root, 'cdn'), sourceMaps: false });
        try {
          assert.equal((await fetch(`${production.base}/cdn/bundle.js`)).status, 200);
          const map = await fetch(`${production.base}/cdn/bundle.js.map`);
          assert.equal(map.status, 404);
          assert.doesNotMatch(await map.text(), /secret-source/);
        } finally {
          await production.close();
        }
      });

      it('serves scripts with a JavaScript content type', async () => {
        const response = await fetch(`${demo.base}/app.js`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        await response.body?.cancel();
      });

      it('never serves a file outside the demo folder', async () => {
        for (const path of ['/..%2f..%2fetc/passwd', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/kiosk/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
          const response = await fetch(`${demo.base}${path}`);
          const body = await response.text();
          assert.equal(response.status, 404, path);
          assert.doesNotMatch(body, /TOP-SECRET|root:/, path);
        }
        for (const path of ['/../secret.txt', '/../../etc/passwd']) {
          const response = await rawGet(demo.base, path);
          assert.equal(response.status, 404, path);
          assert.doesNotMatch(response.body, /TOP-SECRET|root:/, path);
        }
      });

      it('still answers unknown API paths with a problem, not a page', async () => {
        await expectProblem(await fetch(`${demo.base}/api/v1/nothing-here`), 404, 'not-found');
        await expectProblem(await fetch(`${demo.base}/missing.html`), 404, 'not-found');
      });
    });
  });
}
