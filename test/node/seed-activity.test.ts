import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Report } from '../../src/contract/staff.ts';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { startApp, type RunningApp } from '../support/app-server.ts';

const UNTIL = new Date('2026-12-01T18:00:00Z');
const STAFF_TOKEN = 'staff-token-for-seed-activity-0123';

async function seeded(): Promise<Database> {
  const db = await openDatabase({});
  await migrate(db);
  await seedIfEmpty(db, { activityUntil: UNTIL });
  return db;
}

const fingerprint = async (db: Database) =>
  createHash('sha256')
    .update(JSON.stringify(await db.query('SELECT id, hub_id, occurred_at, outcomes, wellbeing, person_ref FROM visits ORDER BY id')))
    .update(JSON.stringify(await db.query('SELECT reference, session_id, attendance, created_at FROM bookings ORDER BY reference')))
    .update(JSON.stringify(await db.query('SELECT reference, next_step, created_at FROM submissions ORDER BY reference')))
    .digest('hex');

describe('seeded year of staff activity', () => {
  let db: Database;
  let app: RunningApp;
  const report = async (query: string) =>
    Report.parse(await (await fetch(`${app.base}/api/v1/staff/reports?${query}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json());

  before(async () => {
    db = await seeded();
    app = await startApp({ db, staffToken: STAFF_TOKEN, now: () => UNTIL });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('gives the same rows on every run', async () => {
    const again = await seeded();
    try {
      assert.equal(await fingerprint(again), await fingerprint(db));
    } finally {
      await again.close();
    }
  });

  it('holds a year of conversations, bookings with attendance, walk-ins, self-assessments and feedback, none after the day it was seeded', async () => {
    const [counts] = await db.query<Record<string, string | number>>(
      `SELECT (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM bookings WHERE attendance IS NOT NULL) AS marked,
         (SELECT count(*) FROM walk_ins) AS walk_ins, (SELECT count(*) FROM submissions) AS submissions, (SELECT count(*) FROM feedback) AS feedback,
         (SELECT count(*) FROM visits WHERE occurred_at > $1) AS future, (SELECT count(DISTINCT hub_id) FROM visits) AS hubs`,
      [UNTIL.toISOString()],
    );
    assert.ok(Number(counts?.visits) > 2000, `visits ${counts?.visits}`);
    assert.ok(Number(counts?.marked) > 100 && Number(counts?.walk_ins) > 100 && Number(counts?.submissions) > 150 && Number(counts?.feedback) > 200, JSON.stringify(counts));
    assert.equal(Number(counts?.future), 0);
    assert.ok(Number(counts?.hubs) >= 20);
  });

  it('tells a story: more resolved in the community as the year goes on, small hubs suppressed, distance travelled shown', async () => {
    const year = await report('');
    assert.equal(year.from, '2025-12-02');
    assert.equal(year.to, '2026-12-01');
    assert.ok(year.byHub.table.rowTotals.some((count) => count.kind === 'small'), 'a hub small enough to be suppressed');
    assert.ok(year.byHub.table.rowTotals.some((count) => count.kind === 'count'));
    assert.equal(year.distanceTravelled.change.kind, 'average');
    assert.ok(year.distanceTravelled.change.kind === 'average' && year.distanceTravelled.change.value > 0);
    assert.equal(year.daysToFirstConversation.kind, 'average');
    const first = await report('from=2025-12-02&to=2026-03-01');
    const last = await report('from=2026-09-02&to=2026-12-01');
    assert.ok((first.resolution.formalShare ?? 100) > (last.resolution.formalShare ?? 0), `${first.resolution.formalShare} then ${last.resolution.formalShare}`);
  });

  it('leaves a hub a short list waiting for contact: the last fortnight only, older ones contacted a few days after', async () => {
    const response = await fetch(`${app.base}/api/v1/staff/follow-ups`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
    const { items } = (await response.json()) as { items: Array<{ at: string; contacted?: { by: string; at: string } }> };
    const waiting = items.filter((item) => !item.contacted);
    const fortnight = UNTIL.getTime() - 14 * 86_400_000;
    assert.ok(waiting.length > 0 && waiting.length < 30, `${waiting.length} waiting`);
    assert.ok(waiting.every((item) => Date.parse(item.at) >= fortnight), 'nothing older than a fortnight is still waiting');
    const [old] = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM submissions s LEFT JOIN follow_up_contacts f ON f.kind = 'self-assessment' AND f.reference = s.reference
       WHERE s.created_at < $1 AND (f.contacted_at IS NULL OR f.contacted_at <= s.created_at OR f.contacted_at > s.created_at + interval '3 days')`,
      [new Date(fortnight).toISOString()],
    );
    assert.equal(Number(old?.n), 0, 'every older self-assessment was contacted within three days');
  });
});
