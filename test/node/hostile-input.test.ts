import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SessionList } from '../../src/contract/places.ts';
import { QuestionnaireList } from '../../src/contract/questionnaire.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { loadQuestionnaires } from '../../server/questionnaires.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';

/**
 * No input gives a 500: every public write and every query, sent valid
 * bodies with one place replaced by something hostile (control characters,
 * lone surrogates, NUL in a key, numbers past what a column holds, deep or
 * odd JSON), answers 2xx or a 4xx problem, never 5xx, on PGlite and
 * PostgreSQL.
 */
const STAFF_TOKEN = 'staff-token-for-hostile-input-0123';
const RUNS = 40;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value (and to each object, for adding a key) in a JSON body. */
function paths(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, index) => paths(item, [...at, index]))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key]))];
  return [at];
}

function replaced(body: Json, path: Array<string | number>, next: Json): Json {
  if (path.length === 0) return next;
  const copy = structuredClone(body) as Record<string | number, Json>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  node[path[path.length - 1] as string | number] = next;
  return copy as Json;
}

const hostileText = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\u0007bell', '\u001b[31mred', '\u007f', '\ud800', 'x\udc00y', '\u202eevil', '<script>alert(1)</script>', 'x'.repeat(70_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileText,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}),
  fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as Json),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
);

/** Every UTF-8 byte percent-encoded (a lone surrogate goes as U+FFFD: a URL cannot carry one). */
const percentEncoded = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
/** Escapes no UTF-8 text makes: invalid bytes, an encoded lone surrogate, NUL, a broken escape. */
const rawEscapes = fc.constantFrom('%00', '%ED%A0%80', '%FF%FE', '%C0%AF', '%', '%2', '%E2%80%AE', '..%2F..%2Fetc%2Fpasswd');

for (const backend of backends()) {
  describe(`no 5xx from hostile input on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    const bodies: Record<string, Json> = {};

    const send = (method: string, path: string, body?: Json) =>
      fetch(`${app.base}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), Authorization: `Bearer ${STAFF_TOKEN}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    async function expectNo5xx(method: string, path: string, body?: Json): Promise<void> {
      const response = await send(method, path, body);
      const text = await response.text();
      assert.ok(response.status < 500, `${method} ${path} answered ${response.status} to ${JSON.stringify(body)?.slice(0, 300)}: ${text.slice(0, 300)}`);
      if (response.status >= 400) assert.match(response.headers.get('content-type') ?? '', /problem\+json/, `${method} ${path} ${response.status}`);
    }

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      await seedIfEmpty(db);
      app = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 1_000_000, lookupsPerMinute: 1_000_000, questionnaires: loadQuestionnaires() });
      const now = Date.now();
      const query = new URLSearchParams({ from: new Date(now + 2 * 3_600_000).toISOString(), to: new Date(now + 30 * 86_400_000).toISOString() });
      const sessions = SessionList.parse(await (await fetch(`${app.base}/api/v1/sessions?${query}`)).json()).items;
      const bookable = sessions.find((session) => session.mode === 'bookable');
      assert.ok(bookable, 'the seed has a bookable session');
      const questionnaire = QuestionnaireList.parse(await (await fetch(`${app.base}/api/v1/questionnaires`)).json()).items[0];
      assert.ok(questionnaire, 'a questionnaire is loaded');
      bodies['/api/v1/feedback'] = { helpful: 4, ease: 3, comment: 'Kind staff', hub: 'hub-1', source: 'test', lang: 'cy' };
      bodies['/api/v1/bookings'] = { sessionId: bookable.id, name: 'Ffion Hughes', contact: { method: 'email', value: 'ffion@example.org' }, notes: 'Step-free', consent: true };
      bodies['/api/v1/drafts'] = { questionnaireId: questionnaire.id, version: questionnaire.version, answers: { 'good-day': 'Walking the dog' }, at: 'good-day', lang: 'en' };
      bodies['/api/v1/submissions'] = { questionnaireId: questionnaire.id, version: questionnaire.version, answers: { 'good-day': 'Walking the dog' }, consent: true, lang: 'en' };
    });

    after(async () => {
      await app?.close();
      await dispose?.();
    });

    for (const route of ['/api/v1/feedback', '/api/v1/bookings', '/api/v1/drafts', '/api/v1/submissions']) {
      it(`POST ${route}: any one place made hostile`, async () => {
        const body = bodies[route] as Json;
        const places = paths(body);
        await fc.assert(
          fc.asyncProperty(fc.nat({ max: places.length - 1 }), hostileValue, fc.option(hostileText), async (index, value, key) => {
            const path = places[index] as Array<string | number>;
            // Either the value at the path changes, or a hostile key is added beside it.
            const next = key === null ? replaced(body, path, value) : replaced(body, [...path.slice(0, -1), key], value);
            await expectNo5xx('POST', route, next);
          }),
          { numRuns: RUNS },
        );
      });
    }

    it('GET queries and path parameters with hostile text', async () => {
      const routes = ['/api/v1/staff/feedback?hub=', '/api/v1/staff/submissions?questionnaire=', '/api/v1/staff/bookings?hub=', '/api/v1/sessions?hub=', '/api/v1/hubs?near=', '/api/v1/geocode?q=', '/api/v1/questionnaires/', '/api/v1/drafts/', '/api/v1/staff/feedback?limit='];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(hostileText.filter((text) => text.length <= 2000).map(percentEncoded), hostileNumber.map(String), rawEscapes), async (route, text) => {
          await expectNo5xx('GET', `${route}${text}`);
        }),
        { numRuns: RUNS * 2 },
      );
    });

    it('names the field holding a control character in its 422', async () => {
      const response = await send('POST', '/api/v1/feedback', { helpful: 4, ease: 3, comment: 'Kind\u0000staff' });
      assert.equal(response.status, 422);
      const problem = (await response.json()) as { code: string; errors?: Array<{ path: string }> };
      assert.equal(problem.code, 'validation-failed');
      assert.deepEqual(problem.errors?.map((error) => error.path), ['comment']);
      const draft = await send('POST', '/api/v1/drafts', { ...(bodies['/api/v1/drafts'] as Record<string, Json>), version: 2 ** 31 });
      assert.equal(draft.status, 422);
      assert.deepEqual(((await draft.json()) as { errors?: Array<{ path: string }> }).errors?.map((error) => error.path), ['version']);
    });
  });
}
