/**
 * The impact report on 100,000 conversations, on PGlite and (when
 * DATABASE_URL is set) PostgreSQL, each beside a floor measured in the same
 * run: a `SELECT 1` round trip on the same connection. Run with
 * `npx tsx bench/reports.ts`. Prints the median of several runs.
 *
 * The data is generated in SQL from fixed formulas, so every run has the
 * same 100,000 visits over a year at 12 hubs (two of them small), 6,000
 * bookings, 3,000 self-assessments and 4,000 feedback records.
 */
import { randomBytes } from 'node:crypto';
import { migrate, openDatabase, type Database } from '../server/db/database.ts';
import { reportFigures } from '../server/db/reports.ts';
import { rebuildVisitSummaries } from '../server/db/visits.ts';
import { publishReport } from '../server/routes/staff-reports.ts';

const VISITS = 100_000;
const RUNS = 9;
const START = '2026-01-05T00:00:00Z';

async function fill(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO hubs (id, name, lat, lng, doc)
     SELECT 'hub-' || h, 'Hub ' || h, 52.7, -2.7, '{}'::jsonb FROM generate_series(1, 12) h`,
  );
  // Hubs 11 and 12 are small: one conversation in ~500 each.
  await db.query(
    `INSERT INTO visits (id, hub_id, occurred_at, worker, outcomes, resolution, invited_back, wellbeing, wellbeing_mean, person_ref, outcode)
     SELECT md5('visit' || i)::uuid,
       CASE WHEN i % 997 = 0 THEN 'hub-11' WHEN i % 991 = 0 THEN 'hub-12' ELSE 'hub-' || (1 + i % 10) END,
       $1::timestamptz + ((i * 314.159) % (365 * 24 * 60)) * interval '1 minute',
       'AB',
       CASE i % 5 WHEN 0 THEN ARRAY['information-advice'] WHEN 1 THEN ARRAY['community-activity', 'invited-back'] WHEN 2 THEN ARRAY['housing']
         WHEN 3 THEN ARRAY['peer-support'] ELSE ARRAY['closed'] END,
       CASE i % 5 WHEN 0 THEN 'community' WHEN 1 THEN 'community' WHEN 2 THEN 'formal' WHEN 3 THEN 'community' ELSE 'other' END,
       i % 5 = 1,
       CASE WHEN i % 3 = 0 THEN jsonb_build_object('connected', 1 + i % 5) END,
       CASE WHEN i % 3 = 0 THEN 1 + i % 5 END,
       CASE WHEN i % 4 = 0 THEN 'CARD' || (i % 20000) END,
       'SY' || (1 + i % 9)
     FROM generate_series(1, $2::int) i`,
    [START, VISITS],
  );
  await db.query(
    `INSERT INTO session_slots (session_id, hub_id, plan_id, starts_at, capacity, booked)
     SELECT 'plan-' || s || '@x', 'hub-' || (1 + s % 10), 'plan-' || s, $1::timestamptz + s * interval '12 hours', 20, 0 FROM generate_series(1, 600) s`,
    [START],
  );
  await db.query(
    `INSERT INTO bookings (reference, session_id, hub_id, name, contact_method, contact_value, cancel_token_hash, created_at, attendance)
     SELECT 'BK' || b, 'plan-' || (1 + b % 600) || '@x', 'hub-' || (1 + (1 + b % 600) % 10), 'Resident', 'phone', '01632 960000', 'x',
       $1::timestamptz + (b % 600) * interval '12 hours' - interval '3 days', CASE b % 3 WHEN 0 THEN 'attended' WHEN 1 THEN 'missed' END
     FROM generate_series(1, 6000) b`,
    [START],
  );
  await db.query(
    `INSERT INTO submissions (reference, questionnaire_id, version, answers, created_at, next_step, urgent)
     SELECT 'CARD' || (s * 4), 'what-matters', 1, '{}'::jsonb, $1::timestamptz + s * interval '2 hours', (ARRAY['urgent', 'call-back', 'hub-conversation', 'community', 'self-serve'])[1 + s % 5], s % 5 = 0
     FROM generate_series(1, 3000) s`,
    [START],
  );
  await db.query(
    `INSERT INTO feedback (id, helpful, ease, hub, created_at)
     SELECT md5('feedback' || f)::uuid, 1 + f % 5, 1 + (f * 7) % 5, 'hub-' || (1 + f % 10), $1::timestamptz + f * interval '2 hours' FROM generate_series(1, 4000) f`,
    [START],
  );
  await rebuildVisitSummaries(db);
  await db.query('ANALYZE');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function time(work: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function bench(name: string, db: Database): Promise<void> {
  await migrate(db);
  const filling = performance.now();
  await fill(db);
  const filled = performance.now() - filling;

  const range = { from: '2026-01-05', to: '2027-01-04', start: new Date('2026-01-05T00:00:00Z'), end: new Date('2027-01-05T00:00:00Z') };
  const dates = { from: '2026-01-05', to: '2027-01-04' };
  const floor = await time(() => db.query('SELECT 1'), 51);
  const sqlOnly = await time(() => reportFigures(db, range));
  const whole = await time(async () => publishReport(await reportFigures(db, range), dates, new Date()));
  const oneHub = await time(async () => publishReport(await reportFigures(db, { ...range, hub: 'hub-3' }), { ...dates, hub: 'hub-3' }, new Date()));
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`${name}: ${VISITS.toLocaleString('en-GB')} visits (filled in ${ms(filled)})`);
  console.log(`  floor (SELECT 1 round trip)       ${ms(floor)}`);
  console.log(`  report SQL, all hubs, a year       ${ms(sqlOnly)}  (${(sqlOnly / floor).toFixed(0)}× floor)`);
  console.log(`  report SQL + suppression, all hubs ${ms(whole)}  (${(whole / floor).toFixed(0)}× floor)`);
  console.log(`  report SQL + suppression, one hub  ${ms(oneHub)}  (${(oneHub / floor).toFixed(0)}× floor)`);
}

const pglite = await openDatabase({});
try {
  await bench('PGlite (in memory)', pglite);
} finally {
  await pglite.close();
}
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const postgres = await openDatabase({ databaseUrl, schema });
  try {
    await bench('PostgreSQL (DATABASE_URL)', postgres);
  } finally {
    await postgres.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await postgres.close();
  }
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL to measure it too)');
}
