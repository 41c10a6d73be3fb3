import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { loadQuestionnaires } from '../../server/questionnaires.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { ApiClient } from '../../src/client/client.ts';
import { ApiError } from '../../src/client/errors.ts';
import { BookingCancelled, BookingCreated, BookingDetails } from '../../src/contract/bookings.ts';
import { FeedbackCreated } from '../../src/contract/feedback.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import { DraftSaved, SubmissionCreated } from '../../src/contract/questionnaire.ts';
import { faultProxy, SLOW_MS } from '../support/fault-proxy.ts';
import { FAULTS, WRITES } from '../support/fault-matrix.ts';

/*
 * Every resident write through a proxy that fails in each way networks and
 * servers do, before the API sees the request or after it has done the
 * work: the client (the one every element uses) reports a failure the
 * element can put in words, and trying again with the same Idempotency-Key
 * leaves exactly one record. The element side of the same promise (the
 * message shown, nothing typed lost) is in the browser suites.
 */

const TIMEOUT_MS = 400;

const QUESTIONNAIRE = {
  id: 'fault-check',
  version: 1,
  title: { en: 'Fault check', cy: 'Gwirio diffyg' },
  intro: [{ en: 'Two questions.', cy: 'Dau gwestiwn.' }],
  minutes: 2,
  consent: { en: 'We send your answers to the hub team.', cy: 'Rydym yn anfon eich atebion at dîm yr hwb.' },
  questions: [
    { id: 'good-day', type: 'long-text', title: { en: 'What does a good day look like?', cy: 'Sut olwg sydd ar ddiwrnod da?' } },
  ],
  outcomes: {
    areas: [],
    nextSteps: [{ step: 'community', title: { en: 'Talk to us', cy: 'Siaradwch â ni' }, body: { en: 'Come to a hub.', cy: 'Dewch i hwb.' } }],
  },
};

describe('resident writes through a failing network (PGlite, real HTTP)', () => {
  let db: Database;
  let server: Server;
  let base: string;
  let folder: string;
  let sessions: Session[] = [];

  before(async () => {
    db = await openDatabase({});
    await migrate(db);
    await seedIfEmpty(db);
    folder = mkdtempSync(join(tmpdir(), 'cls-faults-'));
    writeFileSync(join(folder, 'fault-check.json'), JSON.stringify(QUESTIONNAIRE));
    const app = createApp({ db, staffToken: 'fault-staff-token-0123456789', postsPerMinute: 100_000, lookupsPerMinute: 100_000, questionnaires: loadQuestionnaires(folder) });
    const api = getRequestListener(app.fetch);
    const faults = faultProxy(api, (request) => app.fetch(request));
    server = createServer((req, res) => (req.url?.startsWith('/faults/') ? faults(req, res) : api(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const from = new Date(Date.now() + 2 * 86_400_000);
    const query = new URLSearchParams({ from: from.toISOString(), to: new Date(from.getTime() + 60 * 86_400_000).toISOString() });
    sessions = SessionList.parse(await (await fetch(`${base}/api/v1/sessions?${query}`)).json()).items.filter((s) => s.mode === 'bookable' && (s.remaining ?? 0) >= 3);
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const clients = (mode: string) => {
    const name = `f${randomUUID().slice(0, 8)}`;
    return {
      failing: new ApiClient({ baseUrl: `${base}/faults/${name}/${mode}/api/v1`, timeoutMs: TIMEOUT_MS, retries: 1, backoffMs: 10 }),
      heal: async () => {
        await fetch(`${base}/faults/${name}/heal`, { method: 'POST' });
        return new ApiClient({ baseUrl: `${base}/faults/${name}/${mode}/api/v1`, timeoutMs: 5_000, retries: 0 });
      },
    };
  };
  const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string | number }>(sql, params))[0]?.n ?? 0);
  let used = 0;
  const nextSession = () => {
    const session = sessions[used++];
    assert.ok(session, 'a bookable session with places is left');
    return session;
  };
  /** A booking made on the healthy API, for cancelling and moving. */
  const bookDirectly = async (session: Session, name: string) => {
    const client = new ApiClient({ baseUrl: `${base}/api/v1` });
    return client.post('bookings', { sessionId: session.id, name, contact: { method: 'email', value: 'fault@example.com' }, consent: true }, BookingCreated, { idempotencyKey: randomUUID() });
  };
  const booked = async (sessionId: string) => count('SELECT booked AS n FROM session_slots WHERE session_id = $1', [sessionId]);

  /** Sends `write` through the fault, checks what the resident is told, heals, sends it again with the same key, and returns the result. */
  async function throughFault<T>(fault: (typeof FAULTS)[number], write: (client: ApiClient, key: string) => Promise<T>): Promise<T> {
    const { failing, heal } = clients(fault.mode);
    const key = randomUUID();
    await assert.rejects(write(failing, key), (error: unknown) => {
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.messageKey, fault.says, `${fault.mode}: ${error.message}`);
      assert.equal(error.retryable, true, `${fault.mode}: offered again`);
      return true;
    });
    // The slow answer arrives (and is dropped) after the client gave up; wait for it, so the record is there before the retry.
    if (fault.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    return write(await heal(), key);
  }

  for (const fault of FAULTS) {
    describe(`${fault.mode}: ${fault.what}`, () => {
      it(WRITES.feedback, async () => {
        const hub = `fault-${randomUUID()}`;
        await throughFault(fault, (client, key) => client.post('feedback', { helpful: 4, ease: 4, hub }, FeedbackCreated, { idempotencyKey: key }));
        assert.equal(await count('SELECT count(*) AS n FROM feedback WHERE hub = $1', [hub]), 1);
      });

      it(WRITES.draft, async () => {
        const words = `fault ${randomUUID()}`;
        await throughFault(fault, (client, key) =>
          client.post('drafts', { questionnaireId: 'fault-check', version: 1, answers: { 'good-day': words }, at: 'good-day' }, DraftSaved, { idempotencyKey: key }),
        );
        assert.equal(await count(`SELECT count(*) AS n FROM drafts WHERE answers->>'good-day' = $1`, [words]), 1);
      });

      it(WRITES.submission, async () => {
        const words = `fault ${randomUUID()}`;
        await throughFault(fault, (client, key) =>
          client.post('submissions', { questionnaireId: 'fault-check', version: 1, answers: { 'good-day': words }, consent: true }, SubmissionCreated, { idempotencyKey: key }),
        );
        assert.equal(await count(`SELECT count(*) AS n FROM submissions WHERE answers->>'good-day' = $1`, [words]), 1);
      });

      it(WRITES.booking, async () => {
        const session = nextSession();
        const before = await booked(session.id);
        const name = `Fault ${randomUUID().slice(0, 8)}`;
        await throughFault(fault, (client, key) =>
          client.post('bookings', { sessionId: session.id, name, contact: { method: 'email', value: 'fault@example.com' }, consent: true }, BookingCreated, { idempotencyKey: key }),
        );
        assert.equal(await count('SELECT count(*) AS n FROM bookings WHERE name = $1', [name]), 1);
        assert.equal(await booked(session.id), before + 1);
      });

      it(WRITES.cancellation, async () => {
        const session = nextSession();
        const made = await bookDirectly(session, `Cancel ${randomUUID().slice(0, 8)}`);
        const before = await booked(session.id);
        const done = await throughFault(fault, (client) => client.delete(`bookings/${made.reference}`, BookingCancelled, { query: { key: made.manageKey } }));
        assert.equal(done.cancelled, true);
        assert.equal(await booked(session.id), before - 1);
      });

      it(WRITES.move, async () => {
        const from = nextSession();
        const to = sessions.slice(used).find((candidate) => candidate.hubId === from.hubId);
        assert.ok(to, 'another session at the same hub');
        sessions.splice(sessions.indexOf(to), 1);
        const made = await bookDirectly(from, `Move ${randomUUID().slice(0, 8)}`);
        const [oldBefore, newBefore] = [await booked(from.id), await booked(to.id)];
        const moved = await throughFault(fault, (client, key) =>
          client.post(`bookings/${made.reference}/move`, { key: made.manageKey, sessionId: to.id }, BookingDetails, { idempotencyKey: key }),
        );
        assert.equal(moved.session.id, to.id);
        assert.deepEqual([await booked(from.id), await booked(to.id)], [oldBefore - 1, newBefore + 1]);
      });
    });
  }
});
