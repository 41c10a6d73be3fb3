/**
 * The write side under load: bookings and self-assessment submissions at 10
 * and 50 connections, on PostgreSQL, with one instance and with three behind
 * a round-robin balancer, each figure beside a floor measured in the same run
 * (a static file of the same bytes as the answer, through the same path).
 * Run with `npx tsx bench/writes.ts` after `npm run build`, with DATABASE_URL
 * set (a throwaway schema is made and dropped).
 *
 * Every request is a real write: a booking takes a place (the plans are given
 * room enough first, so none is refused as full) and a submission is stored,
 * each under its own Idempotency-Key. Each connection plays one resident, with
 * an address of its own, as residents arrive from many addresses; the rate
 * limit is set high enough not to refuse them. Errors are answers other than
 * 201; timeouts, no answer in 10 s. After each run the rows are counted: every
 * 201 must be one stored record.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/db/database.ts';
import { SessionList } from '../src/contract/places.ts';
import { roundRobin } from '../test/support/round-robin.ts';
import { startServer, type RunningServer } from '../test/support/server-process.ts';
import { load as run, send, type Load } from './load-client.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));
const databaseUrl = process.env.DATABASE_URL;

/** `connections` residents, each with an address of its own, writing (`make` gives each body) or reading (no `make`) one request after another. */
function load(url: string, connections: number, expect: number, make?: (resident: number) => unknown): Promise<Load> {
  return run(connections, SECONDS, expect, (resident, agent) => {
    // Through the balancer (X-Test-Client) or straight to the instance (X-Forwarded-For, one trusted hop).
    const address = `10.${(resident >> 8) & 255}.${resident & 255}.${1 + (process.pid % 200)}`;
    const headers: Record<string, string> = { 'X-Forwarded-For': address, 'X-Test-Client': address };
    if (!make) return send(url, agent, { headers });
    Object.assign(headers, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() });
    return send(url, agent, { method: 'POST', headers, body: JSON.stringify(make(resident)) });
  });
}

const fmt = (figure: Load) =>
  `${figure.perSecond.toFixed(0).padStart(5)} writes/s  p99 ${figure.p99.toFixed(1).padStart(7)} ms  errors ${figure.errors}  timeouts ${figure.timeouts}`;

const SUBMISSION = {
  questionnaireId: 'what-matters',
  version: 2,
  answers: { 'answering-for': 'myself', harder: ['none'], children: 'no', 'looks-after': 'no', feeling: 4, safe: 'safe', contact: 'none', 'good-day': 'Tea with Ann' },
  consent: true,
  lang: 'en',
};

if (!databaseUrl) {
  console.log('bench/writes.ts: DATABASE_URL is not set; the write benchmark runs on PostgreSQL only (skipped).');
} else {
  for (const count of [1, 3]) {
    const schema = `bench_writes_${randomBytes(5).toString('hex')}`;
    const env = { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: '10', TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '100000000' };
    const instances: RunningServer[] = [];
    const db = await openDatabase({ databaseUrl, schema });
    const floorFile = join(DEMO_DIR, `bench-writes-floor-${process.pid}.json`);
    try {
      // The first migrates and seeds the schema; the others start after it.
      instances.push(await startServer(env));
      instances.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startServer(env)))));
      const balancer = count > 1 ? await roundRobin(instances.map((instance) => instance.url)) : undefined;
      const url = balancer?.url ?? instances[0]?.url ?? '';
      // Room enough in every bookable plan (the most a plan may have) that no booking is refused as full during the run.
      await db.query(
        `UPDATE hubs SET doc = jsonb_set(doc, '{sessions}', (
           SELECT jsonb_agg(CASE WHEN plan->>'mode' = 'bookable' THEN jsonb_set(plan, '{capacity}', '500'::jsonb) ELSE plan END)
           FROM jsonb_array_elements(doc->'sessions') AS plan))`,
      );
      await db.query('UPDATE directory_version SET version = version + 1');
      const from = new Date(Date.now() + 3_600_000);
      const to = new Date(Date.now() + 27 * 86_400_000);
      const listed = await fetch(`${url}/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`);
      if (!listed.ok) throw new Error(`sessions answered ${listed.status}: ${await listed.text()}`);
      const { items } = SessionList.parse(await listed.json());
      const sessions = items.filter((session) => session.mode === 'bookable').map((session) => session.id);
      if (!sessions.length) throw new Error(`no bookable sessions among ${items.length}`);
      let turn = 0;
      const booking = (resident: number) => ({
        sessionId: sessions[turn++ % sessions.length],
        name: `Bench Resident ${resident}`,
        contact: { method: 'email', value: `bench.${resident}@example.org` },
        consent: true,
      });
      const sample = await send(`${url}/api/v1/bookings`, new Agent(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(booking(0)),
      });
      if (sample.status !== 201) throw new Error(`a booking answered ${sample.status}: ${sample.bytes.toString()}`);
      writeFileSync(floorFile, sample.bytes);
      const floorPath = `${url}/${floorFile.split('/').pop() ?? ''}`;
      console.log(`${count === 1 ? 'one instance' : `${count} instances behind a round-robin balancer`} on PostgreSQL; floor: GET of a static file of the same bytes (${sample.bytes.length} B), same path`);
      const counted = async (table: string) => Number((await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0);
      for (const connections of [10, 50]) {
        const floor = await load(floorPath, connections, 200);
        const bookingsBefore = await counted('bookings');
        const bookings = await load(`${url}/api/v1/bookings`, connections, 201, booking);
        const bookingsStored = (await counted('bookings')) - bookingsBefore;
        const submissionsBefore = await counted('submissions');
        const submissions = await load(`${url}/api/v1/submissions`, connections, 201, () => SUBMISSION);
        const submissionsStored = (await counted('submissions')) - submissionsBefore;
        console.log(`  ${String(connections).padStart(2)} connections`);
        console.log(`    bookings     ${fmt(bookings)}  (${bookingsStored} stored for ${bookings.ok} answered 201)`);
        console.log(`    submissions  ${fmt(submissions)}  (${submissionsStored} stored for ${submissions.ok} answered 201)`);
        console.log(`    floor        ${fmt(floor).replace('writes/s', 'reads/s ')}`);
        console.log(
          `    ratio        bookings ${(bookings.perSecond / floor.perSecond).toFixed(3)} of the floor (p99 ${(bookings.p99 / floor.p99).toFixed(1)}×), submissions ${(submissions.perSecond / floor.perSecond).toFixed(3)} (p99 ${(submissions.p99 / floor.p99).toFixed(1)}×)`,
        );
      }
      await balancer?.close();
    } finally {
      rmSync(floorFile, { force: true });
      await Promise.all(instances.map((instance) => instance.stop()));
      await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      await db.close();
    }
  }
}
