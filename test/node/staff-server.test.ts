import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AttendanceRecorded, Day, FollowUpList, Report, StaffMe, Visit, VisitList, type VisitFields } from '../../src/contract/staff.ts';
import type { Hub } from '../../src/contract/directory.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { upsertHubs } from '../../server/db/directory.ts';
import { createStaffToken, listStaffTokens, revokeStaffToken } from '../../server/db/staff-tokens.ts';
import { insertVisit, rebuildVisitSummaries } from '../../server/db/visits.ts';
import { backends, ownClient, startApp, type RunningApp } from '../support/app-server.ts';
import { parseCsv } from '../support/csv.ts';

const STAFF_TOKEN = 'staff-token-for-staff-tests-0123456789';
const bootstrap = { id: 'bootstrap', role: 'admin' as const };

/** A hub in the directory; Alpha Library has a bookable session on Tuesdays 10:00–12:00 (plan-a). */
async function addHub(db: Database, id: string, name: string): Promise<void> {
  const sessions: Hub['sessions'] =
    id === 'hub-a' ? [{ id: 'plan-a', mode: 'bookable', capacity: 20, schedule: { freq: 'WEEKLY', byday: ['TU'], opensAt: '10:00', closesAt: '12:00' } }] : [];
  await upsertHubs(db, [{ id, name, kind: 'library', address: {}, coordinates: { lat: 52.7, lng: -2.7 }, accessibility: [], stepFree: true, sessions }]);
}

const visitFields = (overrides: Partial<VisitFields> = {}): VisitFields => ({
  hubId: 'hub-a',
  occurredAt: '2026-01-13T10:00:00.000Z',
  worker: 'AB',
  outcomes: ['information-advice'],
  ...overrides,
});

/**
 * The report fixture, all in the London week of Monday 12 January 2026, worked out by hand:
 *
 * Alpha Library (hub-a), 41 conversations:
 *   20 community (information and advice; 10 of them also invited back), of which 16 are the
 *     two conversations of each of 8 people who booked first, scored
 *     2 and 2 the first time and 4 and 3 the second (mean 2 → 3.5: a change of 1.5 each);
 *   12 formal (housing), one of them scored for a ninth person seen once (not counted);
 *    9 other (closed).
 * Beta Hall (hub-b), 4 conversations: 3 community, 1 formal.
 *
 * So: conversations 45 → 45; community 23 → 25; formal 13 → 15; other 9 → 10; invited back
 * 10 → 10; hub-a 20/12/9 (41) → 20/10/10 (40); hub-b all "7 or fewer"; the weekly table is one
 * week: 41 → 40 and 4 → small, total 45. Outcomes: information-advice 23 → 25, housing 13 → 15,
 * closed 9 → 10, invited-back 10 → 10, the rest small.
 * Bookings for a session on 13 January at hub-a: 8 made (→ 10), 5 attended (small), 2 missed
 * (small), 1 more cancelled (not counted). The 8 bookers' first conversations came 1…8 days
 * after booking: median 4.5 days, 8 people → published. Distance travelled: 8 people → 10,
 * change 1.5. Self-assessments: 9 with next step "community", 2 "urgent": sent 11 → 10,
 * community 9 → 10, urgent small. Feedback at hub-a: 10, helpful 4 × 10 → 4, ease 5 × 5 and
 * 3 × 5 → 4.
 */
async function loadFixture(db: Database): Promise<void> {
  await addHub(db, 'hub-a', 'Alpha Library');
  await addHub(db, 'hub-b', 'Beta Hall');
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
  await db.query(
    `INSERT INTO session_slots (session_id, hub_id, plan_id, starts_at, capacity, booked) VALUES ('plan-a@2026-01-13T10:00', 'hub-a', 'plan-a', $1, 20, 9)`,
    [at(13, 10)],
  );
  const references = ['ACD3-FGH4', 'ACD4-FGH4', 'ACD6-FGH4', 'ACD7-FGH4', 'ACD9-FGH4', 'ACE3-FGH4', 'ACE4-FGH4', 'ACE6-FGH4'];
  for (const [i, reference] of references.entries()) {
    const firstVisit = at(12 + (i % 2), 9 + i);
    const booked = new Date(Date.parse(firstVisit) - (i + 1) * 86_400_000).toISOString();
    const attendance = i < 5 ? 'attended' : i < 7 ? 'missed' : null;
    await db.query(
      `INSERT INTO bookings (reference, session_id, hub_id, name, contact_method, contact_value, cancel_token_hash, created_at, attendance)
       VALUES ($1, 'plan-a@2026-01-13T10:00', 'hub-a', 'A Resident', 'phone', '01632 960000', 'x', $2, $3)`,
      [reference, booked, attendance],
    );
    await insertVisit(db, visitFields({ occurredAt: firstVisit, personRef: reference, outcomes: ['information-advice', 'invited-back'], wellbeing: { connected: 2, coping: 2 } }), bootstrap);
    await insertVisit(db, visitFields({ occurredAt: at(15, 9 + i), personRef: reference, wellbeing: { connected: 4, coping: 3 } }), bootstrap);
  }
  await db.query(
    `INSERT INTO bookings (reference, session_id, hub_id, name, contact_method, contact_value, cancel_token_hash, created_at, cancelled_at)
     VALUES ('CDEF-GH34', 'plan-a@2026-01-13T10:00', 'hub-a', 'A Resident', 'phone', '01632 960000', 'x', $1, $1)`,
    [at(10, 9)],
  );
  for (let i = 0; i < 4; i++) {
    await insertVisit(db, visitFields({ occurredAt: at(14, 9 + i), outcomes: ['information-advice', ...(i < 2 ? (['invited-back'] as const) : [])] }), bootstrap);
  }
  for (let i = 0; i < 12; i++) {
    await insertVisit(db, visitFields({ occurredAt: at(16, 9 + i), outcomes: ['housing'], ...(i === 0 ? { personRef: '100009', wellbeing: { connected: 1 } } : {}) }), bootstrap);
  }
  for (let i = 0; i < 9; i++) await insertVisit(db, visitFields({ occurredAt: at(17, 9 + i), outcomes: ['closed'] }), bootstrap);
  for (let i = 0; i < 3; i++) await insertVisit(db, visitFields({ hubId: 'hub-b', occurredAt: at(13, 9 + i), outcomes: ['information-advice'] }), bootstrap);
  await insertVisit(db, visitFields({ hubId: 'hub-b', occurredAt: at(13, 14), outcomes: ['housing'] }), bootstrap);
  for (let i = 0; i < 11; i++) {
    await db.query(
      `INSERT INTO submissions (reference, questionnaire_id, version, answers, created_at, next_step, urgent) VALUES ($1, 'what-matters', 1, '{}'::jsonb, $2, $3, $4)`,
      [`CLS-ACDEF${'ACDEFGHJKMN'[i]}`, at(14, 9 + i), i < 2 ? 'urgent' : 'community', i < 2],
    );
  }
  for (let i = 0; i < 10; i++) {
    await db.query(`INSERT INTO feedback (id, helpful, ease, hub, created_at) VALUES ($1, 4, $2, 'hub-a', $3)`, [randomUUID(), i < 5 ? 5 : 3, at(14, 9 + i)]);
  }
}

const small = { kind: 'small' };
const count = (value: number) => ({ kind: 'count', value });

for (const backend of backends()) {
  describe(`staff server on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    let clock = new Date('2026-01-20T12:00:00Z');
    let worker: string;
    let otherWorker: string;

    const call = (path: string, token: string | null, init: RequestInit = {}) =>
      fetch(`${app.base}${path}`, {
        ...init,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
      });
    const postVisit = (body: unknown, token: string, key: string = randomUUID()) => call('/api/v1/staff/visits', token, { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': key } });

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      await loadFixture(db);
      worker = (await createStaffToken(db, 'worker', 'Alpha Library tablet')).token;
      otherWorker = (await createStaffToken(db, 'worker', 'Beta Hall tablet')).token;
      app = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 100_000, staffFailuresPerMinute: 1000, now: () => clock });
    });

    after(async () => {
      await app?.close();
      await dispose?.();
    });

    describe('tokens', () => {
      it('answers 401 with no data on every staff route for a missing, wrong, revoked or non-Bearer token', async () => {
        const revoked = await createStaffToken(db, 'admin', 'lost laptop');
        assert.equal(await revokeStaffToken(db, revoked.id), true);
        const document = (await (await fetch(`${app.base}/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
        const staffRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
          Object.entries(operations)
            .filter(([, operation]) => operation.security)
            .map(([method, _]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, randomUUID()) })),
        );
        for (const path of ['/api/v1/staff/visits', '/api/v1/staff/reports', '/api/v1/staff/reports.csv']) assert.ok(staffRoutes.some((route) => route.path === path), path);
        const attempts: Array<[string, Record<string, string>]> = [
          ['missing', {}],
          ['wrong', { Authorization: 'Bearer not-a-staff-token-at-all' }],
          ['revoked', { Authorization: `Bearer ${revoked.token}` }],
          ['basic', { Authorization: `Basic ${Buffer.from(`staff:${STAFF_TOKEN}`).toString('base64')}` }],
        ];
        for (const route of staffRoutes) {
          for (const [name, headers] of attempts) {
            const response = await fetch(`${app.base}${route.path}`, {
              method: route.method,
              headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
              ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: JSON.stringify(visitFields()) }),
            });
            assert.equal(response.status, 401, `${name} ${route.method} ${route.path}`);
            assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
            const body = (await response.json()) as Record<string, unknown>;
            assert.deepEqual(Object.keys(body).sort(), ['code', 'status', 'title', 'type'], `${name} ${route.method} ${route.path}`);
            assert.equal(body.code, 'unauthorized');
          }
        }
      });

      it('keeps only hashes of tokens, several at once, and the bootstrap STAFF_TOKEN works as admin', async () => {
        const rows = await db.query<Record<string, unknown>>('SELECT * FROM staff_tokens');
        assert.ok(rows.length >= 2);
        for (const row of rows) for (const value of Object.values(row)) assert.ok(!String(value).includes(worker) && !String(value).includes(otherWorker));
        const listed = await listStaffTokens(db);
        assert.ok(listed.some((token) => token.label === 'Alpha Library tablet' && token.role === 'worker' && !token.revokedAt));
        for (const token of [worker, otherWorker, STAFF_TOKEN]) assert.equal((await call('/api/v1/staff/visits', token)).status, 200);
      });

      it('says who a token is at /staff/me: its id and role, never the token', async () => {
        const mine = await call('/api/v1/staff/me', worker);
        assert.equal(mine.status, 200);
        const text = await mine.text();
        const me = StaffMe.parse(JSON.parse(text));
        assert.equal(me.role, 'worker');
        assert.ok((await listStaffTokens(db)).some((token) => token.id === me.tokenId && token.role === 'worker'));
        assert.ok(!text.includes(worker));
        assert.deepEqual(StaffMe.parse(await (await call('/api/v1/staff/me', STAFF_TOKEN)).json()), { role: 'admin', tokenId: 'bootstrap' });
      });

      it('refuses every attempt, right or wrong, from a client that keeps failing', async () => {
        const client = ownClient();
        const limited = await startApp({ db, staffToken: STAFF_TOKEN, staffFailuresPerMinute: 3, ...client.options });
        try {
          for (let i = 0; i < 3; i++) assert.equal((await fetch(`${limited.base}/api/v1/staff/visits`, { headers: { ...client.headers, Authorization: 'Bearer guess' } })).status, 401);
          const blocked = await fetch(`${limited.base}/api/v1/staff/visits`, { headers: { ...client.headers, Authorization: `Bearer ${STAFF_TOKEN}` } });
          assert.equal(blocked.status, 429);
          assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
          assert.deepEqual(Object.keys((await blocked.json()) as object).sort(), ['code', 'detail', 'status', 'title', 'type']);
        } finally {
          await limited.close();
        }
      });
    });

    describe('visits', () => {
      it('records a conversation once per Idempotency-Key, keeping only the outcode', async () => {
        const key = randomUUID();
        const body = { hubId: 'hub-b', occurredAt: '2026-01-20T11:00:00Z', worker: 'cd', outcode: 'sy4 5jd', outcomes: ['peer-support'], whatMatters: 'Getting out more', personRef: 'cls-acdefg' };
        const first = await postVisit(body, worker, key);
        assert.equal(first.status, 201);
        const again = await postVisit(body, worker, key);
        assert.equal(again.status, 200);
        const visit = Visit.parse(await first.json());
        assert.deepEqual(Visit.parse(await again.json()), visit);
        assert.equal(visit.outcode, 'SY4');
        assert.equal(visit.worker, 'CD');
        assert.equal(visit.editableUntil, new Date(Date.parse(visit.createdAt) + 86_400_000).toISOString());
        const rows = await db.query<Record<string, unknown>>('SELECT * FROM visits WHERE worker = $1', ['CD']);
        assert.equal(rows.length, 1);
        assert.ok(!JSON.stringify(rows).includes('5JD'));
        assert.equal((await postVisit({ ...body, whatMatters: 'Else' }, worker, key)).status, 409);
        await call(`/api/v1/staff/visits/${visit.id}`, STAFF_TOKEN, { method: 'DELETE' });
      });

      it('refuses an unknown hub, a name as a reference, and a letters-only booking reference no booking has', async () => {
        for (const [body, path] of [
          [{ ...visitFields(), hubId: 'nowhere' }, 'hubId'],
          [{ ...visitFields(), personRef: 'Mary Jones' }, 'personRef'],
          [{ ...visitFields(), personRef: 'MARY-JANE' }, 'personRef'],
        ] as const) {
          const response = await postVisit(body, worker);
          assert.equal(response.status, 422, JSON.stringify(body));
          const problem = (await response.json()) as { errors: Array<{ path: string }> };
          assert.ok(problem.errors.some((error) => error.path === path), JSON.stringify(problem));
        }
        assert.equal((await postVisit(visitFields(), worker, 'short')).status, 400);
      });

      it('lets a worker correct or delete a visit for 24 hours, then only an admin, auditing each change without personal data', async () => {
        clock = new Date('2026-01-20T12:00:00Z');
        const created = Visit.parse(
          await (await postVisit({ hubId: 'hub-a', occurredAt: '2026-01-20T11:00:00Z', worker: 'ef', outcomes: ['benefits'], whatMatters: 'Rent arrears worry', outcode: 'SY1' }, worker)).json(),
        );
        const corrected = { hubId: 'hub-a', occurredAt: '2026-01-20T11:00:00Z', worker: 'ef', outcomes: ['benefits', 'invited-back'], whatMatters: 'Rent arrears worry', outcode: 'SY2' };
        const edited = await call(`/api/v1/staff/visits/${created.id}`, otherWorker, { method: 'PUT', body: JSON.stringify(corrected) });
        assert.equal(edited.status, 200);
        assert.deepEqual(Visit.parse(await edited.json()).outcomes, ['benefits', 'invited-back']);

        clock = new Date(Date.parse(created.createdAt) + 86_400_000 + 1000);
        const late = await call(`/api/v1/staff/visits/${created.id}`, worker, { method: 'PUT', body: JSON.stringify(corrected) });
        assert.equal(late.status, 403);
        assert.equal(((await late.json()) as { code: string }).code, 'edit-window-passed');
        assert.equal((await call(`/api/v1/staff/visits/${created.id}`, worker, { method: 'DELETE' })).status, 403);
        const admin = (await createStaffToken(db, 'admin', 'manager')).token;
        assert.equal((await call(`/api/v1/staff/visits/${created.id}`, admin, { method: 'PUT', body: JSON.stringify({ ...corrected, outcode: 'SY3' }) })).status, 200);
        assert.equal((await call(`/api/v1/staff/visits/${created.id}`, admin, { method: 'DELETE' })).status, 200);
        assert.equal((await call(`/api/v1/staff/visits/${created.id}`, admin, { method: 'DELETE' })).status, 404);
        assert.equal((await call(`/api/v1/staff/visits/not-a-uuid`, admin, { method: 'DELETE' })).status, 404);
        clock = new Date('2026-01-20T12:00:00Z');

        const trail = await db.query<{ action: string; token_id: string; role: string; fields: string[] }>('SELECT * FROM visit_audit WHERE visit_id = $1 ORDER BY id', [created.id]);
        assert.deepEqual(
          trail.map((row) => [row.action, row.role, row.fields]),
          [
            ['create', 'worker', ['hubId', 'occurredAt', 'worker', 'outcode', 'whatMatters', 'outcomes']],
            ['update', 'worker', ['outcode', 'outcomes']],
            ['update', 'admin', ['outcode']],
            ['delete', 'admin', []],
          ],
        );
        const all = JSON.stringify(await db.query('SELECT * FROM visit_audit'));
        for (const personal of ['Rent arrears', 'SY1', 'SY2', 'SY3', worker, admin]) assert.ok(!all.includes(personal), personal);
        assert.equal((await db.query('SELECT 1 FROM visits WHERE id = $1', [created.id])).length, 0);

        // The daily counts and first conversations the report reads were kept in step with every write, change and delete.
        const counts = async () => [
          await db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, hub_id, key, n FROM visit_days WHERE n > 0 ORDER BY 1, 2, 3`),
          await db.query('SELECT id, first_after_days FROM visits WHERE first_after_days IS NOT NULL ORDER BY id'),
        ];
        const kept = await counts();
        await rebuildVisitSummaries(db);
        assert.deepEqual(kept, await counts());
      });

      it('moves the first conversation after a booking to an earlier visit, and back when that is deleted', async () => {
        const firstOf = async () =>
          db.query<{ occurred_at: Date; first_after_days: number }>('SELECT occurred_at, first_after_days FROM visits WHERE person_ref = $1 AND first_after_days IS NOT NULL', ['ACD3-FGH4']);
        const [before] = await firstOf();
        assert.ok(before && Math.abs(before.first_after_days - 1) < 1e-9, 'booked a day before the first conversation');
        // Booked on 11 January at 09:00; this conversation is 12 hours later, before the first one.
        const earlier = Visit.parse(await (await postVisit({ ...visitFields({ occurredAt: '2026-01-11T21:00:00.000Z' }), personRef: 'ACD3-FGH4' }, worker)).json());
        const moved = await firstOf();
        assert.deepEqual(moved.map((row) => [new Date(row.occurred_at).toISOString(), row.first_after_days]), [['2026-01-11T21:00:00.000Z', 0.5]]);
        assert.equal((await call(`/api/v1/staff/visits/${earlier.id}`, worker, { method: 'DELETE' })).status, 200);
        assert.deepEqual(await firstOf(), [before]);
      });

      it('lists visits latest first, by hub and time', async () => {
        const list = VisitList.parse(await (await call('/api/v1/staff/visits?hub=hub-b&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&limit=2', worker)).json());
        assert.equal(list.total, 4);
        assert.equal(list.items.length, 2);
        assert.ok(list.items.every((visit) => visit.hubId === 'hub-b'));
        assert.ok(list.items[0] && list.items[1] && list.items[0].occurredAt >= list.items[1].occurredAt);
      });
    });

    describe('reports', () => {
      const week = 'from=2026-01-12&to=2026-01-18';

      it('gives the hand-computed figures, rounded and suppressed', async () => {
        const response = await call(`/api/v1/staff/reports?${week}`, worker);
        assert.equal(response.status, 200);
        const report = Report.parse(await response.json());
        assert.equal(report.conversations.kind === 'count' && report.conversations.value, 45);
        assert.deepEqual(report.resolution, { community: count(25), formal: count(15), other: count(10), communityShare: 56, formalShare: 33 });
        assert.deepEqual(report.invitedBack, count(10));
        assert.deepEqual(report.connectedToCommunity, small);
        assert.deepEqual(report.daysToFirstConversation, { kind: 'average', value: 4.5, n: count(10) });
        assert.deepEqual(report.bookings, { made: count(10), attended: small, missed: small });
        assert.deepEqual(report.selfAssessments.sent, count(10));
        assert.deepEqual(
          report.selfAssessments.nextSteps.map(({ step, count }) => [step, count]),
          [
            ['urgent', small],
            ['young-carer', small],
            ['call-back', small],
            ['hub-conversation', small],
            ['community', count(10)],
            ['self-serve', small],
          ],
        );
        assert.deepEqual(report.feedback, { count: count(10), helpful: { kind: 'average', value: 4, n: count(10) }, ease: { kind: 'average', value: 4, n: count(10) } });
        assert.deepEqual(report.distanceTravelled, { people: count(10), change: { kind: 'average', value: 1.5, n: count(10) } });
        const outcomes = Object.fromEntries(report.outcomes.map(({ outcome, count }) => [outcome, count]));
        assert.deepEqual(outcomes['information-advice'], count(25));
        assert.deepEqual(outcomes.housing, count(15));
        assert.deepEqual(outcomes.closed, count(10));
        assert.deepEqual(outcomes['invited-back'], count(10));
        assert.deepEqual(outcomes['peer-support'], small);
        assert.deepEqual(report.byHub.hubs, [
          { id: 'hub-a', name: 'Alpha Library' },
          { id: 'hub-b', name: 'Beta Hall' },
        ]);
        assert.deepEqual(report.byHub.table.cells, [
          [count(20), count(10), count(10)],
          [small, small, small],
        ]);
        assert.deepEqual(report.byHub.table.rowTotals, [count(40), small]);
        assert.deepEqual(report.weekly.weeks, ['2026-01-12']);
        assert.deepEqual(report.weekly.table.cells, [[count(40), small]]);
        assert.deepEqual(report.weekly.table.total, count(45));
        assert.deepEqual(
          report.objectives.map(({ objective }) => objective),
          ['information-and-advice', 'social-connections', 'quality-of-life'],
        );
        assert.equal(report.threshold, 7);
        assert.equal(report.roundingBase, 5);
      });

      it('filters by hub, and withholds what a small hub would give away', async () => {
        const report = Report.parse(await (await call(`/api/v1/staff/reports?${week}&hub=hub-b`, worker)).json());
        assert.deepEqual(report.conversations, small);
        assert.deepEqual(report.resolution, { community: small, formal: small, other: small });
        assert.equal(report.distanceTravelled.change.kind, 'withheld');
        assert.equal(report.feedback.helpful.kind, 'withheld');
        assert.deepEqual(report.bookings.made, small);
      });

      it('filters the conversations by outcome (13 about housing → 15), leaving bookings, self-assessments and feedback whole', async () => {
        const report = Report.parse(await (await call(`/api/v1/staff/reports?${week}&outcome=housing`, worker)).json());
        assert.equal(report.outcome, 'housing');
        assert.deepEqual(report.conversations, count(15));
        assert.deepEqual(report.resolution.formal, count(15));
        assert.deepEqual(report.resolution.community, small);
        assert.deepEqual(report.weekly.table.total, count(15));
        const outcomes = Object.fromEntries(report.outcomes.map(({ outcome, count }) => [outcome, count]));
        assert.deepEqual(outcomes.housing, count(15));
        // Without the filter, information and advice was 25 and closed 10.
        assert.deepEqual(outcomes['information-advice'], small);
        assert.deepEqual(outcomes.closed, small);
        // None of the housing conversations is a booker's first one, and the one scored person was seen once.
        assert.equal(report.daysToFirstConversation.kind, 'withheld');
        assert.deepEqual(report.distanceTravelled.people, small);
        assert.deepEqual(report.bookings.made, count(10));
        assert.deepEqual(report.selfAssessments.sent, count(10));
        assert.deepEqual(report.feedback.count, count(10));
        const csv = parseCsv(await (await call(`/api/v1/staff/reports.csv?${week}&outcome=housing`, worker)).text());
        assert.match(csv.find((row) => row[0] === 'note')?.[2] ?? '', /conversations with outcome housing/);
        assert.equal(csv.find((row) => row[0] === 'conversations' && row[2] === '')?.[3], '15');
        for (const outcome of ['nonsense', 'HOUSING', "housing'--"]) {
          assert.equal((await call(`/api/v1/staff/reports?${week}&outcome=${encodeURIComponent(outcome)}`, worker)).status, 422, `outcome=${outcome}`);
        }
      });

      it('gives scores over time by London month, withheld for a month of 7 or fewer people, however often they were seen', async () => {
        // January: 16 scored conversations of 8 people (2 then 3.5) and one of a ninth (1): 45 / 17 = 2.6, from 9 people (→ 10).
        const report = Report.parse(await (await call('/api/v1/staff/reports?from=2025-12-20&to=2026-01-31', worker)).json());
        assert.deepEqual(report.scores.months, ['2025-12-01', '2026-01-01']);
        assert.deepEqual(report.scores.wellbeing, [
          { kind: 'withheld', n: small },
          { kind: 'average', value: 2.6, n: count(10) },
        ]);
        assert.deepEqual(report.scores.helpful, [
          { kind: 'withheld', n: small },
          { kind: 'average', value: 4, n: count(10) },
        ]);
        const quiet = Report.parse(await (await call('/api/v1/staff/reports?from=2026-01-12&to=2026-01-18&hub=hub-b', worker)).json());
        assert.deepEqual(quiet.scores.wellbeing.map((score) => score.kind), ['withheld']);
        // One person scored nine times in March is still one person: no mean is published.
        for (let i = 0; i < 9; i++) {
          await insertVisit(db, visitFields({ occurredAt: `2026-03-1${i}T10:00:00.000Z`, personRef: '100077', wellbeing: { connected: 5, coping: 5 } }), bootstrap);
        }
        const march = Report.parse(await (await call('/api/v1/staff/reports?from=2026-03-01&to=2026-03-31', worker)).json());
        assert.deepEqual(march.scores.wellbeing, [{ kind: 'withheld', n: small }]);
        const csv = parseCsv(await (await call('/api/v1/staff/reports.csv?from=2025-12-20&to=2026-01-31', worker)).text());
        assert.deepEqual(
          csv.filter((row) => row[2]?.startsWith('month ')).map((row) => [row[0], row[2], row[3]]),
          [
            ['wellbeing-score', 'month 2025-12-01', 'withheld'],
            ['feedback-helpful', 'month 2025-12-01', 'withheld'],
            ['wellbeing-score', 'month 2026-01-01', '2.6'],
            ['feedback-helpful', 'month 2026-01-01', '4'],
          ],
        );
      });

      it('refuses dates that are not dates or run backwards', async () => {
        for (const query of ['from=2026-02-30', 'from=2026-02-01&to=2026-01-01', 'to=yesterday']) {
          assert.equal((await call(`/api/v1/staff/reports?${query}`, worker)).status, 422, query);
          assert.equal((await call(`/api/v1/staff/reports.csv?${query}`, worker)).status, 422, query);
        }
      });

      it('exports the same suppressed figures as CSV with a byte order mark and formulas neutralised', async () => {
        await addHub(db, 'hub-eq', '=HYPERLINK("https://evil.example")');
        for (let i = 0; i < 9; i++) await insertVisit(db, visitFields({ hubId: 'hub-eq', occurredAt: '2026-02-03T10:00:00Z' }), bootstrap);
        const response = await call('/api/v1/staff/reports.csv?from=2026-02-02&to=2026-02-08', worker);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
        const bytes = new Uint8Array(await response.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
        const rows = parseCsv(new TextDecoder().decode(bytes));
        assert.deepEqual(rows[0], ['measure', 'ascof_objective', 'group', 'value']);
        const value = (measure: string, group = '') => rows.find((row) => row[0] === measure && row[2] === group)?.[3];
        assert.equal(value('conversations'), '10');
        assert.equal(value('bookings-made'), '7 or fewer');
        assert.equal(value('conversations', `'=HYPERLINK("https://evil.example")`), '10');
        assert.ok(!rows.some((row) => row.some((cell) => cell.startsWith('='))));

        const json = Report.parse(await (await call(`/api/v1/staff/reports?${week}`, worker)).json());
        const csv = parseCsv(new TextDecoder().decode(new Uint8Array(await (await call(`/api/v1/staff/reports.csv?${week}`, worker)).arrayBuffer())));
        const read = (measure: string, group = '') => csv.find((row) => row[0] === measure && row[2] === group)?.[3];
        assert.equal(read('conversations'), '45');
        assert.equal(read('resolved-in-community'), '25');
        assert.equal(read('resolved-in-community'), String((json.resolution.community as { value: number }).value));
        assert.equal(read('conversations-community', 'Beta Hall'), '7 or fewer');
        assert.equal(read('conversations', 'Alpha Library'), '40');
        assert.equal(read('distance-travelled', 'average change'), '1.5');
        assert.equal(read('days-to-first-conversation', 'median'), '4.5');
        assert.equal(csv.find((row) => row[0] === 'resolved-in-community')?.[1], 'information-and-advice');
        assert.ok(csv.some((row) => row[0] === 'note' && /rounded to the nearest 5/.test(row[3] ?? '')));
      });
    });

    describe('the day at a hub', () => {
      const post = (path: string, body: unknown, key: string = randomUUID()) =>
        call(path, worker, { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': key } });
      const day = async () => Day.parse(await (await call('/api/v1/staff/attendance?hub=hub-a&date=2026-01-13', worker)).json());

      it('lists the day’s sessions with their bookings, and marks attendance and walk-ins once each', async () => {
        const before = await day();
        assert.equal(before.sessions.length, 1);
        const [session] = before.sessions;
        assert.equal(session?.session.id, 'plan-a@2026-01-13T10:00');
        assert.deepEqual(
          session?.bookings.map((booking) => [booking.status, booking.cancelled]),
          [...Array(5).fill(['attended', false]), ['missed', false], ['missed', false], ['booked', false], ['booked', true]],
        );
        const marked = await post('/api/v1/staff/attendance', { kind: 'booking', reference: 'ACE6-FGH4', status: 'attended' });
        assert.equal(marked.status, 201);
        assert.equal(AttendanceRecorded.parse(await marked.json()).sessionId, 'plan-a@2026-01-13T10:00');
        assert.equal((await post('/api/v1/staff/attendance', { kind: 'booking', reference: 'CDEF-GH34', status: 'attended' })).status, 404, 'cancelled');
        const key = randomUUID();
        const walkIn = { kind: 'walk-in', sessionId: 'plan-a@2026-01-13T10:00' };
        assert.equal((await post('/api/v1/staff/attendance', walkIn, key)).status, 201);
        assert.equal((await post('/api/v1/staff/attendance', walkIn, key)).status, 200);
        assert.equal((await post('/api/v1/staff/attendance', { kind: 'walk-in', sessionId: 'plan-a@2026-01-14T10:00' })).status, 404);
        const after = await day();
        assert.equal(after.sessions[0]?.walkIns, 1);
        assert.equal(after.sessions[0]?.bookings[7]?.status, 'attended');
        assert.equal((await call('/api/v1/staff/attendance?hub=nowhere&date=2026-01-13', worker)).status, 404);
        assert.equal((await call('/api/v1/staff/attendance?hub=hub-a&date=2026-02-30', worker)).status, 422);
      });

      it('lists follow-ups urgent first, then oldest, and marks them contacted with who and when', async () => {
        const contact = JSON.stringify({ name: 'A Resident', method: 'phone', value: '01632 960001' });
        await db.query(`INSERT INTO submissions (reference, questionnaire_id, version, answers, contact, created_at, next_step, urgent) VALUES
          ('CLS-WAIT33', 'what-matters', 1, '{}'::jsonb, $1::jsonb, '2026-01-18T09:00:00Z', 'call-back', false),
          ('CLS-URGE33', 'what-matters', 1, '{}'::jsonb, $1::jsonb, '2026-01-19T09:00:00Z', 'urgent', true)`, [contact]);
        const list = FollowUpList.parse(await (await call('/api/v1/staff/follow-ups?hub=hub-a', worker)).json());
        assert.deepEqual(
          list.items.map((item) => [item.kind, item.reference, item.urgent]),
          [
            ['self-assessment', 'CLS-URGE33', true],
            ['missed-booking', 'ACE3-FGH4', false],
            ['missed-booking', 'ACE4-FGH4', false],
            ['self-assessment', 'CLS-WAIT33', false],
          ],
        );
        const marked = await post('/api/v1/staff/follow-ups', { kind: 'self-assessment', reference: 'cls-urge33', by: 'gh' });
        assert.equal(marked.status, 201);
        const after = FollowUpList.parse(await (await call('/api/v1/staff/follow-ups?hub=hub-a', worker)).json());
        assert.deepEqual(after.items.at(-1)?.contacted && { reference: after.items.at(-1)?.reference, by: after.items.at(-1)?.contacted?.by }, { reference: 'CLS-URGE33', by: 'GH' });
        assert.equal((await post('/api/v1/staff/follow-ups', { kind: 'missed-booking', reference: 'ACD3-FGH4', by: 'gh' })).status, 404, 'attended, not missed');
      });
    });
  });
}
