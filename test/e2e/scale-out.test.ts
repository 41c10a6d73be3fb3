import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FeedbackList } from '../../src/contract/feedback.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { HttpStub } from '../support/http-stub.ts';
import { roundRobin, type RoundRobin } from '../support/round-robin.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * Several instances of the compiled server on one PostgreSQL, behind a
 * round-robin load balancer on loopback, as a council runs it when one
 * process is not enough. Needs PostgreSQL: registered when DATABASE_URL is
 * set (CI sets it), like the PostgreSQL half of every server suite.
 */

const databaseUrl = process.env.DATABASE_URL;
const WEBHOOK_SECRET = 'scale-out-webhook-secret-0123';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

if (databaseUrl) {
  describe('three instances on one PostgreSQL behind a load balancer (compiled server)', () => {
    const schema = `e2e_scale_${randomBytes(5).toString('hex')}`;
    const webhook = new HttpStub();
    const instances: RunningServer[] = [];
    let balancer: RoundRobin;
    let db: Database;
    let staffToken: string;

    const env = {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      DATABASE_POOL_MAX: '4',
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOOKUPS_PER_MINUTE: '5',
      WEBHOOK_URL: '',
      WEBHOOK_SECRET,
    };

    before(async () => {
      await webhook.start();
      webhook.reset((_req, res) => res.writeHead(204).end());
      const withHook = { ...env, WEBHOOK_URL: `${webhook.origin}/hooks/cls` };
      // The first migrates and seeds the new schema; the other two start together after it.
      instances.push(await startServer(withHook));
      instances.push(...(await Promise.all([startServer(withHook), startServer(withHook)])));
      staffToken = instances[0]?.staffToken ?? '';
      balancer = await roundRobin(instances.map((instance) => instance.url));
      db = await openDatabase({ databaseUrl, schema });
    });

    after(async () => {
      await balancer?.close();
      await Promise.all(instances.map((instance) => instance.stop()));
      await webhook.stop();
      if (db) {
        await db.query(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
      }
    });

    const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...headers },
        body: JSON.stringify(body),
      });
    const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string | number }>(sql, params))[0]?.n ?? 0);

    it('gives exactly as many bookings as there are places when 200 residents book at once across the instances', async () => {
      const from = new Date(Date.now() + 2 * DAY);
      const query = new URLSearchParams({ from: from.toISOString(), to: new Date(from.getTime() + 40 * DAY).toISOString() });
      const listed = SessionList.parse(await (await fetch(`${balancer.url}/api/v1/sessions?${query}`)).json()).items;
      const chosen: Session[] = listed.filter((session) => session.mode === 'bookable' && (session.remaining ?? 0) > 0).slice(0, 3);
      assert.equal(chosen.length, 3, 'three bookable sessions with places');
      const places = chosen.reduce((sum, session) => sum + (session.remaining ?? 0), 0);
      assert.ok(places < 100, `far fewer places (${places}) than residents`);
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          post(balancer.url, '/api/v1/bookings', {
            sessionId: (chosen[i % 3] as Session).id,
            name: `Resident ${i}`,
            contact: { method: 'email', value: `resident${i}@example.com` },
            consent: true,
          }).then(async (response) => {
            await response.body?.cancel();
            return response.status;
          }),
        ),
      );
      assert.equal(answers.filter((status) => status === 201).length, places, `places: ${places}`);
      assert.deepEqual([...new Set(answers.filter((status) => status !== 201))], [409], 'the rest are told the session is full');
      const ids = chosen.map((session) => session.id);
      assert.equal(await count('SELECT count(*) AS n FROM bookings WHERE session_id = ANY($1::text[]) AND cancelled_at IS NULL', [ids]), places);
    });

    it('makes one record of one Idempotency-Key sent to each instance in turn', async () => {
      const key = randomUUID();
      const hub = `scale-${randomUUID()}`;
      const statuses: number[] = [];
      for (const instance of instances) {
        const response = await post(instance.url, '/api/v1/feedback', { helpful: 4, ease: 5, hub }, { 'Idempotency-Key': key });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [201, 200, 200]);
      const list = FeedbackList.parse(await (await fetch(`${balancer.url}/api/v1/staff/feedback?hub=${hub}`, { headers: { Authorization: `Bearer ${staffToken}` } })).json());
      assert.equal(list.total, 1);
    });

    it('holds one rate limit across the instances', async () => {
      // LOOKUPS_PER_MINUTE is 5 on each instance: six guesses of a resume code, spread round the three, from one client.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${balancer.url}/api/v1/drafts/CCCCCCCC`, { headers: { 'X-Test-Client': '198.51.100.23' } });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [404, 404, 404, 404, 404, 429]);
    });

    it('delivers each webhook event once though every instance runs the outbox', async () => {
      const from = new Date(Date.now() + 2 * DAY);
      const query = new URLSearchParams({ from: from.toISOString(), to: new Date(from.getTime() + 60 * DAY).toISOString() });
      const listed = SessionList.parse(await (await fetch(`${balancer.url}/api/v1/sessions?${query}`)).json()).items;
      const open = listed.filter((session) => session.mode === 'bookable' && (session.remaining ?? 0) >= 2).slice(0, 12);
      assert.ok(open.length >= 6, 'sessions with places');
      const references = await Promise.all(
        open.map(async (session, i) => {
          const response = await post(balancer.url, '/api/v1/bookings', { sessionId: session.id, name: `Hook ${i}`, contact: { method: 'email', value: `hook${i}@example.com` }, consent: true });
          assert.equal(response.status, 201);
          return ((await response.json()) as { reference: string }).reference;
        }),
      );
      // Delivered rows are never claimed again: once all are delivered, what the council received is final.
      for (let i = 0; ; i++) {
        const waiting = await count(`SELECT count(*) AS n FROM webhook_outbox WHERE reference = ANY($1::text[]) AND delivered_at IS NULL`, [references]);
        if (waiting === 0) break;
        assert.ok(i < 300, `${waiting} events still waiting`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const told = webhook.received.map((req) => JSON.parse(req.body) as { id: string; data: { reference: string } }).filter((event) => references.includes(event.data.reference));
      assert.deepEqual(told.map((event) => event.data.reference).sort(), [...references].sort(), 'each booking told once');
      assert.equal(new Set(told.map((event) => event.id)).size, told.length);
    });

    it('loses no acknowledged write when an instance is killed in the middle of a burst', async () => {
      const hub = `crash-${randomUUID()}`;
      const acknowledged: string[] = [];
      const burst = Array.from({ length: 90 }, async (_, i) => {
        if (i === 30) await instances[1]?.crash();
        const response = await post(balancer.url, '/api/v1/feedback', { helpful: 3, ease: 3, hub, comment: `burst ${i}` }).catch(() => undefined);
        if (response?.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else await response?.body?.cancel();
      });
      await Promise.all(burst);
      assert.ok(acknowledged.length > 0, 'the instances left took writes');
      const stored = await db.query<{ id: string }>('SELECT id FROM feedback WHERE hub = $1', [hub]);
      const ids = new Set(stored.map((row) => String(row.id)));
      for (const id of acknowledged) assert.ok(ids.has(id), `acknowledged ${id} is stored`);
    });
  });
}
