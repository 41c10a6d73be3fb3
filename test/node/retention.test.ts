import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { migrate, type Database } from '../../server/db/database.ts';
import { Retention } from '../../server/retention.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

for (const backend of backends()) {
  describe(`retention of personal data on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
    });
    after(() => dispose?.());

    async function booking(reference: string, sessionDaysAgo: number): Promise<void> {
      const session = `plan@${reference}`;
      await db.query(`INSERT INTO session_slots (session_id, hub_id, plan_id, starts_at, capacity, booked) VALUES ($1, 'hub-r', 'plan', $2, 10, 1)`, [session, ago(sessionDaysAgo)]);
      await db.query(
        `INSERT INTO bookings (reference, session_id, hub_id, name, contact_method, contact_value, notes, cancel_token_hash, attendance)
         VALUES ($1, $2, 'hub-r', 'Ffion Hughes', 'email', 'ffion@example.com', 'Step-free please', 'x', 'attended')`,
        [reference, session],
      );
    }

    it('clears a booking’s name, contact and notes once its session is past the period, keeping its attendance', async () => {
      await booking('RTNA-OLD1', 200);
      await booking('RTNA-NEW1', 10);
      const run = await new Retention(db, { bookingDays: 180, submissionDays: 365 }).runOnce();
      assert.equal(run.bookings, 1);
      const rows = await db.query<{ reference: string; name: string; contact_value: string; notes: string | null; attendance: string }>(
        `SELECT reference, name, contact_value, notes, attendance FROM bookings WHERE reference LIKE 'RTNA-%' ORDER BY reference`,
      );
      assert.deepEqual(rows, [
        { reference: 'RTNA-NEW1', name: 'Ffion Hughes', contact_value: 'ffion@example.com', notes: 'Step-free please', attendance: 'attended' },
        { reference: 'RTNA-OLD1', name: '', contact_value: '', notes: null, attendance: 'attended' },
      ]);
      assert.equal((await new Retention(db, { bookingDays: 180, submissionDays: 365 }).runOnce()).bookings, 0, 'once cleared, left alone');
    });

    it('deletes waiting-list places a day after their session, and keeps those still to come', async () => {
      for (const [reference, days] of [['RTWL-OLD1', 2], ['RTWL-NEW1', -3]] as const) {
        const session = `plan@${reference}`;
        await db.query(`INSERT INTO session_slots (session_id, hub_id, plan_id, starts_at, capacity, booked) VALUES ($1, 'hub-r', 'plan', $2, 1, 1)`, [session, ago(days)]);
        await db.query(
          `INSERT INTO waiting_list (reference, session_id, hub_id, name, contact_method, contact_value, key_hash) VALUES ($1, $2, 'hub-r', 'Ffion Hughes', 'email', 'ffion@example.com', 'x')`,
          [reference, session],
        );
      }
      const run = await new Retention(db, { bookingDays: 180, submissionDays: 365 }).runOnce();
      assert.equal(run.waiting, 1);
      const rows = await db.query<{ reference: string }>(`SELECT reference FROM waiting_list WHERE reference LIKE 'RTWL-%'`);
      assert.deepEqual(rows.map((row) => row.reference), ['RTWL-NEW1']);
    });

    it('clears a sent self-assessment’s answers and contact after the period, keeping what the report counts', async () => {
      for (const [reference, days] of [['CLS-RTOLD1', 400], ['CLS-RTNEW1', 30]] as const) {
        await db.query(
          `INSERT INTO submissions (reference, questionnaire_id, version, answers, contact, created_at, next_step, urgent)
           VALUES ($1, 'what-matters', 1, '{"good-day":"Tea with Ann"}', '{"method":"email","value":"ann@example.com"}', $2, 'community', false)`,
          [reference, ago(days)],
        );
      }
      const run = await new Retention(db, { bookingDays: 180, submissionDays: 365 }).runOnce();
      assert.equal(run.submissions, 1);
      const rows = await db.query<{ reference: string; answers: unknown; contact: unknown; next_step: string }>(
        `SELECT reference, answers, contact, next_step FROM submissions WHERE reference LIKE 'CLS-RT%' ORDER BY reference`,
      );
      const parsed = rows.map((row) => ({ ...row, answers: typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers, contact: typeof row.contact === 'string' ? JSON.parse(row.contact) : row.contact }));
      assert.deepEqual(parsed, [
        { reference: 'CLS-RTNEW1', answers: { 'good-day': 'Tea with Ann' }, contact: { method: 'email', value: 'ann@example.com' }, next_step: 'community' },
        { reference: 'CLS-RTOLD1', answers: {}, contact: null, next_step: 'community' },
      ]);
    });

    it('deletes expired drafts, old replay records and sent messages, and visits only when a period is set', async () => {
      await db.query(`INSERT INTO drafts (code, questionnaire_id, version, answers, expires_at) VALUES ('RTEXPIRE', 'what-matters', 1, '{}', $1), ('RTKEEPIT', 'what-matters', 1, '{}', $2)`, [ago(1), ago(-5)]);
      await db.query(`INSERT INTO idempotency_keys (route, key, request_hash, status, response, created_at) VALUES ('feedback', $1, 'h', 201, '{}', $2), ('feedback', $3, 'h', 201, '{}', now())`, [
        randomUUID(),
        ago(8),
        randomUUID(),
      ]);
      const visit = (days: number) =>
        db.query(`INSERT INTO visits (id, hub_id, occurred_at, worker, outcomes, resolution, invited_back) VALUES ($1, 'hub-r', $2, 'AB', '{peer-support}', 'community', false)`, [randomUUID(), ago(days)]);
      await visit(1000);
      await visit(5);
      const kept = await new Retention(db, { bookingDays: 180, submissionDays: 365 }).runOnce();
      assert.equal(kept.drafts, 1);
      assert.equal(kept.replays, 1);
      assert.equal(kept.visits, 0, 'no visit period: visits are kept');
      assert.deepEqual((await db.query<{ code: string }>(`SELECT code FROM drafts WHERE code LIKE 'RT%'`)).map((row) => row.code), ['RTKEEPIT']);
      const limited = await new Retention(db, { bookingDays: 180, submissionDays: 365, visitDays: 730 }).runOnce();
      assert.equal(limited.visits, 1);
      assert.equal((await db.query(`SELECT 1 FROM visits WHERE hub_id = 'hub-r'`)).length, 1);
    });

    describe('deleting a draft by its code', () => {
      let app: RunningApp;
      before(async () => {
        app = await startApp({ db, staffToken: 'retention-staff-token-0123456789', postsPerMinute: 100_000 });
      });
      after(() => app?.close());

      it('deletes the answers saved under the code, typed in any case or spacing, and answers 204 either way', async () => {
        await db.query(`INSERT INTO drafts (code, questionnaire_id, version, answers, expires_at) VALUES ('RTDEFACE', 'what-matters', 1, '{"good-day":"x"}', $1)`, [ago(-5)]);
        const deleted = await fetch(`${app.base}/api/v1/drafts/rtde-face`, { method: 'DELETE' });
        assert.equal(deleted.status, 204);
        assert.equal((await db.query(`SELECT 1 FROM drafts WHERE code = 'RTDEFACE'`)).length, 0);
        assert.equal((await fetch(`${app.base}/api/v1/drafts/RTDEFACE`, { method: 'DELETE' })).status, 204, 'nothing there: the same answer');
        assert.equal((await fetch(`${app.base}/api/v1/drafts/not-a-code`, { method: 'DELETE' })).status, 204);
      });
    });
  });
}
