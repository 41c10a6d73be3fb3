import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  Draft,
  DraftSaved,
  QuestionnaireResponse,
  RESUME_CODE_ALPHABET,
  SubmissionCreated,
  type DraftInput,
  type QuestionnaireDefinition,
  type SubmissionInput,
} from '../../src/contract/questionnaire.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { loadQuestionnaires, questionnaireSummary } from '../../server/questionnaires.ts';
import { QuestionnaireList, StaffSubmissionList } from '../../src/contract/questionnaire.ts';
import { verifySignature, WebhookSender } from '../../server/webhook.ts';
import { backends, ownClient, startApp, type RunningApp } from '../support/app-server.ts';
import { HttpStub, type ReceivedRequest } from '../support/http-stub.ts';
import { expectProblem } from '../support/problem.ts';
import { parseCsv } from '../support/csv.ts';

const STAFF_TOKEN = 'staff-token-for-self-assessment-0123';
const WEBHOOK_SECRET = 'webhook-secret-for-self-assessment-0123';
const DAY = 86_400_000;
const CODE = new RegExp(`^[${RESUME_CODE_ALPHABET}]{8}$`);
const REFERENCE = new RegExp(`^CLS-[${RESUME_CODE_ALPHABET}]{6}$`);

/** A small definition, English and (mostly) Welsh: the Welsh of the texts in `missingCy` is left out. */
function definition(id: string, missingCy: string[] = [], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const t = (path: string, en: string, cy: string) => (missingCy.includes(path) ? { en } : { en, cy });
  return {
    id,
    version: 2,
    title: t('title', `Check ${id}`, `Gwirio ${id}`),
    intro: [t('intro.0', 'It takes five minutes.', 'Mae’n cymryd pum munud.')],
    minutes: 5,
    consent: t('consent', 'We send your answers to the hub team.', 'Rydym yn anfon eich atebion at dîm yr hwb.'),
    questions: [
      {
        id: 'live-alone',
        type: 'single',
        title: t('questions.0.title', 'Do you live alone?', 'Ydych chi’n byw ar eich pen eich hun?'),
        options: [
          { value: 'yes', label: t('questions.0.options.0.label', 'Yes', 'Ydw') },
          { value: 'no', label: t('questions.0.options.1.label', 'No', 'Nac ydw') },
        ],
      },
      {
        id: 'who-helps',
        type: 'long-text',
        title: t('questions.1.title', 'Who helps you?', 'Pwy sy’n eich helpu?'),
        showIf: { question: 'live-alone', equals: 'no' },
      },
    ],
    outcomes: {
      areas: [{ area: 'relationships', label: t('outcomes.areas.0.label', 'Seeing people', 'Gweld pobl'), when: { question: 'live-alone', equals: 'yes' } }],
      nextSteps: [{ step: 'community', title: t('outcomes.nextSteps.0.title', 'Talk to us', 'Siaradwch â ni'), body: t('outcomes.nextSteps.0.body', 'Come to a hub.', 'Dewch i hwb.') }],
    },
    ...overrides,
  };
}

/** The small definition with a risk question whose second option is urgent. */
function urgentDefinition(id: string): Record<string, unknown> {
  const base = definition(id);
  const outcomes = base['outcomes'] as Record<string, unknown>;
  return {
    ...base,
    questions: [
      ...(base['questions'] as unknown[]),
      {
        id: 'safe',
        type: 'single',
        optional: true,
        title: { en: 'Are you safe?', cy: 'Ydych chi’n ddiogel?' },
        options: [
          { value: 'safe', label: { en: 'Yes', cy: 'Ydw' } },
          { value: 'no-food-heating', urgent: true, label: { en: 'No food or heating', cy: 'Dim bwyd na gwres' } },
        ],
      },
    ],
    outcomes: {
      ...outcomes,
      nextSteps: [
        ...(outcomes['nextSteps'] as unknown[]),
        { step: 'urgent', when: { question: 'safe', equals: 'no-food-heating' }, title: { en: 'Get help now', cy: 'Cael help nawr' }, body: { en: 'Call us.', cy: 'Ffoniwch ni.' } },
      ],
    },
  };
}

/** A fresh temporary folder holding `files` (name → text, or a value written as JSON). */
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cls-questionnaires-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

const folders: string[] = [];
const tempFolder = (files: Record<string, unknown>) => {
  const dir = folder(files);
  folders.push(dir);
  return dir;
};
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The message `loadQuestionnaires(dir)` throws. */
function loadError(dir: string): string {
  try {
    loadQuestionnaires(dir);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`${dir} loaded without an error`);
}


describe('questionnaire folder', () => {
  it('means no questionnaires when it is missing or empty, and reads only *.json files', () => {
    assert.equal(loadQuestionnaires(join(tmpdir(), `cls-no-such-folder-${randomUUID()}`)).size, 0);
    assert.equal(loadQuestionnaires(tempFolder({})).size, 0);
    const loaded = loadQuestionnaires(tempFolder({ 'a.json': definition('first-check'), 'b.json': definition('second-check'), 'README.md': '# notes', 'c.json.bak': '{' }));
    assert.deepEqual([...loaded.keys()], ['first-check', 'second-check']);
    assert.equal(loaded.get('first-check')?.version, 2);
  });

  it('refuses a file that is not JSON, naming the file and the syntax error', () => {
    const dir = tempFolder({ 'good.json': definition('good-check'), 'broken.json': '{ "id": "broken-check", ' });
    const message = loadError(dir);
    assert.ok(message.includes(join(dir, 'broken.json')), message);
    assert.match(message, /not valid JSON/);
    assert.match(message, /JSON/);
  });

  it('refuses a definition the schema does not allow, naming the file, the path and the reason', () => {
    const bad = definition('bad-check');
    const questions = bad.questions as Record<string, unknown>[];
    questions[0] = { ...questions[0], options: [{ value: 'yes', label: { en: 'Yes' } }] };
    questions[1] = { ...questions[1], title: { cy: 'Pwy?' } };
    const dir = tempFolder({ 'bad.json': bad });
    const message = loadError(dir);
    assert.ok(message.includes(join(dir, 'bad.json')), message);
    assert.match(message, /questions\.0\.options: Too small/, message);
    assert.match(message, /questions\.1\.title\.en: /, message);
  });

  it('refuses the same id in two files, naming both', () => {
    const dir = tempFolder({ 'one.json': definition('same-check'), 'two.json': definition('same-check') });
    const message = loadError(dir);
    assert.ok(message.includes(join(dir, 'two.json')) && message.includes(join(dir, 'one.json')), message);
    assert.match(message, /"same-check" is already used/);
  });

  it('refuses a condition that refers to a question the definition does not have', () => {
    const withBadShowIf = definition('show-if-check');
    const questions = withBadShowIf.questions as Record<string, unknown>[];
    questions[1] = { ...questions[1], showIf: { question: 'lives-alone', equals: 'no' } };
    const showIf = tempFolder({ 'a.json': definition('fine-check'), 'show-if.json': withBadShowIf });
    const message = loadError(showIf);
    assert.ok(message.includes(join(showIf, 'show-if.json')), message);
    assert.match(message, /questions\.1\.showIf\.question: Condition refers to unknown question "lives-alone"/);

    const nested = definition('nested-check');
    nested.outcomes = {
      areas: [{ area: 'relationships', label: { en: 'People' }, when: { all: [{ question: 'live-alone', equals: 'yes' }, { not: { question: 'mood', atMost: 2 } }] } }],
      nextSteps: [{ step: 'community', title: { en: 'Talk' }, body: { en: 'Come in' } }],
    };
    const dir = tempFolder({ 'nested.json': nested });
    assert.match(loadError(dir), /nested\.json: outcomes\.areas\.0\.when\.all\.1\.not\.question: Condition refers to unknown question "mood"/);
  });

  it('refuses a repeated question id, a repeated option value and an unknown strength, naming the file, the path and the reason', () => {
    const bad = definition('repeats-check');
    const questions = bad.questions as Record<string, unknown>[];
    const first = questions[0] ?? {};
    questions.push({ ...first, showIf: undefined });
    questions[0] = { ...first, options: [...(first.options as unknown[]), { value: 'yes', label: { en: 'Yes again' } }] };
    bad.outcomes = { ...(bad.outcomes as Record<string, unknown>), strengths: ['who-helps', 'good-at'] };
    const dir = tempFolder({ 'repeats.json': bad });
    const message = loadError(dir);
    assert.ok(message.startsWith(`Invalid questionnaire ${join(dir, 'repeats.json')}: `), message);
    assert.match(message, /questions\.2\.id: Question id "live-alone" is used twice/, message);
    assert.match(message, /questions\.0\.options\.2\.value: Option value "yes" is used twice in question "live-alone"/, message);
    assert.match(message, /outcomes\.strengths\.1: Strength refers to unknown question "good-at"/, message);
    assert.doesNotMatch(message, /who-helps/, 'a strength naming a real question is fine');
  });

  it('summarises each questionnaire for the start-up log with its missing Welsh texts', () => {
    const loaded = loadQuestionnaires(tempFolder({ 'a.json': definition('gappy-check', ['consent', 'questions.1.title']), 'b.json': definition('whole-check') }));
    assert.deepEqual(questionnaireSummary(loaded), [
      'gappy-check v2 (2 Welsh texts missing, shown in English: consent, questions.1.title)',
      'whole-check v2 (complete in Welsh)',
    ]);
  });

  it('stops the server from starting, with the file and the reason', async () => {
    const dir = tempFolder({ 'broken.json': '{ "id": ' });
    const dataDir = tempFolder({});
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'server/main.ts'],
        { env: { ...process.env, QUESTIONNAIRES_DIR: dir, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, timeout: 60_000 },
        (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stderr.includes(join(dir, 'broken.json')), result.stderr);
    assert.match(result.stderr, /not valid JSON/);
  });
});

for (const backend of backends()) {
  describe(`self-assessment on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    let questionnaires: Map<string, QuestionnaireDefinition>;
    const stub = new HttpStub();
    let webhook: WebhookSender;
    /** Everything the server wrote to the console while these tests ran. */
    const logged: string[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    /** Answers and contact details sent by the tests, which must never be logged. */
    const personal: string[] = [];
    const MISSING_CY = ['questions.0.options.1.label', 'questions.1.title', 'outcomes.nextSteps.0.body'];

    const api = (path: string, init?: RequestInit) => fetch(`${app.base}${path}`, init);
    const staff = (path: string, token: string | null = STAFF_TOKEN) => api(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const postJson = (path: string, body: unknown, key: string | null = randomUUID()) =>
      api(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
        body: JSON.stringify(body),
      });

    function draftInput(overrides: Partial<DraftInput> = {}): DraftInput {
      const words = `My daughter Seren ${randomUUID().slice(0, 8)} visits on Sundays`;
      personal.push(words);
      return { questionnaireId: 'wellbeing-check', version: 2, answers: { 'live-alone': 'no', 'who-helps': words }, at: 'who-helps', lang: 'cy', ...overrides };
    }

    function submission(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
      const tag = randomUUID().slice(0, 8);
      const input: SubmissionInput = {
        questionnaireId: 'wellbeing-check',
        version: 2,
        answers: { 'live-alone': 'no', 'who-helps': `Neighbour Gwilym ${tag} does my shopping` },
        consent: true,
        contact: { name: `Ffion Hughes ${tag}`, method: 'email', value: `ffion.${tag}@example.org` },
        lang: 'cy',
        ...overrides,
      };
      personal.push(String(input.answers['who-helps']), input.contact?.name ?? '', input.contact?.value ?? '');
      return input;
    }

    async function submit(input: SubmissionInput, key = randomUUID()): Promise<SubmissionCreated> {
      const response = await postJson('/api/v1/submissions', input, key);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return SubmissionCreated.parse(JSON.parse(text));
    }

    async function save(input: DraftInput): Promise<DraftSaved> {
      const response = await postJson('/api/v1/drafts', input);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return DraftSaved.parse(JSON.parse(text));
    }

    const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string | number }>(sql, params))[0]?.n);

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      questionnaires = loadQuestionnaires(
        tempFolder({ 'wellbeing.json': definition('wellbeing-check', MISSING_CY), 'carer.json': definition('carer-check'), 'urgent.json': urgentDefinition('urgent-check') }),
      );
      await stub.start();
      stub.reset((_req, res) => res.writeHead(204).end());
      webhook = new WebhookSender(db, { url: `${stub.origin}/hooks/cls`, secret: WEBHOOK_SECRET, attempts: 3, baseDelayMs: 5 });
      app = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 100_000, webhook, questionnaires });
      for (const level of ['log', 'warn', 'error', 'info'] as const) {
        console[level] = (...args: unknown[]) => void logged.push(format(...args));
      }
    });

    after(async () => {
      Object.assign(console, originals);
      await webhook?.idle();
      await app?.close();
      await stub.stop();
      await dispose?.();
    });

    describe('GET /api/v1/questionnaires', () => {
      it('lists each questionnaire with its title in the language asked for', async () => {
        const english = QuestionnaireList.parse(await (await api('/api/v1/questionnaires')).json());
        assert.equal(english.lang, 'en');
        assert.deepEqual(
          english.items.map((item) => [item.id, item.version, item.title]).sort(),
          [
            ['carer-check', 2, 'Check carer-check'],
            ['urgent-check', 2, 'Check urgent-check'],
            ['wellbeing-check', 2, 'Check wellbeing-check'],
          ],
        );
        const welsh = QuestionnaireList.parse(await (await api('/api/v1/questionnaires?lang=cy')).json());
        assert.deepEqual(welsh.items.map((item) => item.title).sort(), ['Gwirio carer-check', 'Gwirio urgent-check', 'Gwirio wellbeing-check']);
      });

      it('answers one questionnaire in English, with no fallbacks', async () => {
        const response = await api('/api/v1/questionnaires/wellbeing-check?lang=en');
        assert.equal(response.status, 200);
        const body = QuestionnaireResponse.parse(await response.json());
        assert.equal(body.lang, 'en');
        assert.deepEqual(body.fallbacks, []);
        assert.equal(body.questionnaire.title, 'Check wellbeing-check');
        assert.equal(body.questionnaire.questions[1]?.title, 'Who helps you?');
        assert.deepEqual(body.questionnaire.questions[1]?.showIf, { question: 'live-alone', equals: 'no' });
        const defaulted = QuestionnaireResponse.parse(await (await api('/api/v1/questionnaires/wellbeing-check')).json());
        assert.deepEqual(defaulted, body, 'English when no lang is given');
      });

      it('answers in Welsh, giving the texts not yet translated in English and listing their paths', async () => {
        const response = await api('/api/v1/questionnaires/wellbeing-check?lang=cy');
        assert.equal(response.status, 200);
        const body = QuestionnaireResponse.parse(await response.json());
        assert.equal(body.lang, 'cy');
        assert.deepEqual([...body.fallbacks].sort(), [...MISSING_CY].sort());
        const { questionnaire } = body;
        assert.equal(questionnaire.title, 'Gwirio wellbeing-check');
        assert.equal(questionnaire.consent, 'Rydym yn anfon eich atebion at dîm yr hwb.');
        const first = questionnaire.questions[0];
        assert.ok(first?.type === 'single');
        assert.deepEqual(first.options.map((o) => o.label), ['Ydw', 'No']);
        assert.equal(questionnaire.questions[1]?.title, 'Who helps you?');
        assert.deepEqual(questionnaire.outcomes.nextSteps[0] && [questionnaire.outcomes.nextSteps[0].title, questionnaire.outcomes.nextSteps[0].body], ['Siaradwch â ni', 'Come to a hub.']);
        const complete = QuestionnaireResponse.parse(await (await api('/api/v1/questionnaires/carer-check?lang=cy')).json());
        assert.deepEqual(complete.fallbacks, []);
      });

      it('answers 404 for an unknown questionnaire and 422 for a language it does not speak', async () => {
        await expectProblem(await api('/api/v1/questionnaires/no-such-check'), 404, 'not-found');
        await expectProblem(await api('/api/v1/questionnaires/no-such-check?lang=cy'), 404, 'not-found');
        const problem = await expectProblem(await api('/api/v1/questionnaires/wellbeing-check?lang=fr'), 422, 'validation-failed');
        assert.deepEqual(problem.errors?.map((e) => e.path), ['lang']);
        await expectProblem(await api('/api/v1/questionnaires?lang=CY'), 422, 'validation-failed');
      });
    });

    describe('drafts', () => {
      it('saves answers under an 8-character resume code, kept for 30 days, and gives them back', async () => {
        const input = draftInput({ answers: { 'live-alone': 'no', 'who-helps': 'Seren, on Sundays', 'who-helps.other': 'ŵ', people: 3, born: { day: 4, month: 7, year: 1950 }, helpers: ['family', 'friends'] } });
        const saved = await save(input);
        assert.match(saved.code, CODE);
        const response = await api(`/api/v1/drafts/${saved.code}`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const draft = Draft.parse(await response.json());
        assert.deepEqual(draft.answers, input.answers);
        assert.deepEqual([draft.code, draft.questionnaireId, draft.version, draft.at, draft.lang], [saved.code, 'wellbeing-check', 2, 'who-helps', 'cy']);
        assert.equal(draft.expiresAt, saved.expiresAt);
        assert.equal(Date.parse(draft.expiresAt) - Date.parse(draft.savedAt), 30 * DAY);
      });

      it('gives each save its own code, and a retry with the same Idempotency-Key the same one', async () => {
        const input = draftInput();
        const codes = new Set([(await save(input)).code, (await save(input)).code, (await save(input)).code]);
        assert.equal(codes.size, 3);
        const key = randomUUID();
        const first = await postJson('/api/v1/drafts', input, key);
        assert.equal(first.status, 201);
        const retry = await postJson('/api/v1/drafts', input, key);
        assert.equal(retry.status, 200);
        assert.deepEqual(DraftSaved.parse(await retry.json()), DraftSaved.parse(await first.json()));
        await expectProblem(await postJson('/api/v1/drafts', { ...input, at: 'live-alone' }, key), 409, 'idempotency-key-reused');
      });

      it('finds a code typed in lower case, with spaces or dashes', async () => {
        const input = draftInput({ lang: 'en' });
        const { code } = await save(input);
        for (const typed of [code.toLowerCase(), `${code.slice(0, 4)} ${code.slice(4)}`, `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`, ` ${code} `]) {
          const response = await api(`/api/v1/drafts/${encodeURIComponent(typed)}`);
          assert.equal(response.status, 200, typed);
          const draft = Draft.parse(await response.json());
          assert.deepEqual([draft.code, draft.answers], [code, input.answers], typed);
        }
      });

      it('answers 404 for an unknown or malformed code', async () => {
        await expectProblem(await api('/api/v1/drafts/CCCCCCCC'), 404, 'not-found');
        await expectProblem(await api('/api/v1/drafts/ABC'), 404, 'not-found');
        await expectProblem(await api('/api/v1/drafts/OOOOOOOO'), 404, 'not-found');
      });

      it('answers the 4th look-up in a minute from one client with 429, found or not', async () => {
        const client = ownClient();
        const limited = await startApp({ db, staffToken: STAFF_TOKEN, postsPerMinute: 100_000, lookupsPerMinute: 3, questionnaires, ...client.options });
        try {
          const { code } = await save(draftInput());
          assert.equal((await fetch(`${limited.base}/api/v1/drafts/${code}`, { headers: client.headers })).status, 200);
          await expectProblem(await fetch(`${limited.base}/api/v1/drafts/CCCCCCCC`, { headers: client.headers }), 404, 'not-found');
          await expectProblem(await fetch(`${limited.base}/api/v1/drafts/ABC`, { headers: client.headers }), 404, 'not-found');
          const response = await fetch(`${limited.base}/api/v1/drafts/${code}`, { headers: client.headers });
          await expectProblem(response, 429, 'rate-limited');
          const retryAfter = Number(response.headers.get('retry-after'));
          assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
          // Saving is a POST, counted apart: it still works.
          assert.equal((await fetch(`${limited.base}/api/v1/drafts`, { method: 'POST', headers: { ...client.headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(draftInput()) })).status, 201);
        } finally {
          await limited.close();
        }
      });

      it('answers 404 for an expired draft, and removes it', async () => {
        const { code } = await save(draftInput());
        await db.query(`UPDATE drafts SET expires_at = now() - interval '1 minute' WHERE code = $1`, [code]);
        await expectProblem(await api(`/api/v1/drafts/${code}`), 404, 'not-found');
        assert.equal(await count('SELECT count(*) AS n FROM drafts WHERE code = $1', [code]), 0);
      });

      it('refuses an unknown questionnaire or invalid answers (422), and needs an Idempotency-Key', async () => {
        const unknown = await expectProblem(await postJson('/api/v1/drafts', draftInput({ questionnaireId: 'no-such-check' })), 422, 'validation-failed');
        assert.deepEqual(unknown.errors?.map((e) => e.path), ['questionnaireId']);
        const invalid = await expectProblem(await postJson('/api/v1/drafts', { ...draftInput(), answers: { 'who-helps': 'x'.repeat(5001) } }), 422, 'validation-failed');
        assert.ok(invalid.errors?.some((e) => e.path.startsWith('answers')), JSON.stringify(invalid.errors));
        await expectProblem(await postJson('/api/v1/drafts', { ...draftInput(), version: 0 }), 422, 'validation-failed');
        await expectProblem(await postJson('/api/v1/drafts', draftInput(), null), 400, 'idempotency-key-invalid');
      });
    });

    describe('POST /api/v1/submissions', () => {
      const rows = (reference: string) => count('SELECT count(*) AS n FROM submissions WHERE reference = $1', [reference]);
      const total = () => count('SELECT count(*) AS n FROM submissions', []);
      const stored = async (reference: string) =>
        StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?limit=500')).json()).items.find((item) => item.reference === reference);

      it('refuses a submission missing a required answer (422 naming it), and stores nothing', async () => {
        const before = await total();
        const problem = await expectProblem(await postJson('/api/v1/submissions', submission({ answers: { 'live-alone': 'no' } })), 422, 'validation-failed');
        assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['answers.who-helps', 'required']]);
        const empty = await expectProblem(await postJson('/api/v1/submissions', submission({ answers: {} })), 422, 'validation-failed');
        assert.deepEqual(empty.errors?.map((e) => [e.path, e.code]), [['answers.live-alone', 'required']]);
        assert.equal(await total(), before);
      });

      it('refuses an option the question does not have, and an answer to no question (422)', async () => {
        const before = await total();
        const option = await expectProblem(await postJson('/api/v1/submissions', submission({ answers: { 'live-alone': 'sometimes' } })), 422, 'validation-failed');
        assert.deepEqual(option.errors?.map((e) => [e.path, e.code]), [['answers.live-alone', 'invalid']]);
        assert.ok(option.errors?.every((e) => e.message.length > 0));
        const stray = await expectProblem(await postJson('/api/v1/submissions', submission({ answers: { 'live-alone': 'yes', 'shoe-size': 9 } })), 422, 'validation-failed');
        assert.deepEqual(stray.errors?.map((e) => [e.path, e.code]), [['answers.shoe-size', 'invalid']]);
        assert.equal(await total(), before);
      });

      it('stores, and tells staff systems, only the answers of the questions shown', async () => {
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(204).end());
        const input = submission({ answers: { 'live-alone': 'yes', 'who-helps': 'Written before changing my mind' } });
        const created = await submit(input);
        assert.deepEqual((await stored(created.reference))?.answers, { 'live-alone': 'yes' });
        await webhook.idle();
        const delivered = stub.received.map((req) => JSON.parse(req.body) as { data: { reference: string; answers: unknown } }).find((e) => e.data.reference === created.reference);
        assert.deepEqual(delivered?.data.answers, { 'live-alone': 'yes' });
      });

      it('answers 409 questionnaire-changed for answers given to another version, and stores nothing', async () => {
        const before = await total();
        for (const version of [1, 3]) {
          const problem = await expectProblem(await postJson('/api/v1/submissions', submission({ version })), 409, 'questionnaire-changed');
          assert.match(problem.detail ?? '', /version 2/);
        }
        assert.equal(await total(), before);
      });

      it('lets a refused request be corrected under the same Idempotency-Key: 201, then 200 on retry', async () => {
        const key = randomUUID();
        const input = submission();
        await expectProblem(await postJson('/api/v1/submissions', { ...input, answers: { 'live-alone': 'no' } }, key), 422, 'validation-failed');
        await expectProblem(await postJson('/api/v1/submissions', { ...input, version: 1 }, key), 409, 'questionnaire-changed');
        const created = await submit(input, key);
        const retry = await postJson('/api/v1/submissions', input, key);
        assert.equal(retry.status, 200);
        assert.deepEqual(SubmissionCreated.parse(await retry.json()), created);
        assert.deepEqual((await stored(created.reference))?.answers, input.answers);
      });

      it('sends a self-assessment: 201 with a CLS- reference, shown to staff with the answers and contact', async () => {
        const input = submission();
        const created = await submit(input);
        assert.match(created.reference, REFERENCE);
        const list = StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?questionnaire=wellbeing-check')).json());
        const found = list.items.find((item) => item.reference === created.reference);
        assert.ok(found);
        assert.deepEqual(found, {
          reference: created.reference,
          questionnaireId: 'wellbeing-check',
          version: 2,
          lang: 'cy',
          answers: input.answers,
          contact: input.contact,
          urgent: false,
          urgentReasons: [],
          nextStep: 'community',
          areas: [],
          consentedAt: found.consentedAt,
          consentVersion: found.consentVersion,
          createdAt: created.createdAt,
        });
        // The impact report and the hub's follow-ups read the suggested step and urgency, worked out once on arrival.
        const [row] = await db.query<{ next_step: string; urgent: boolean }>('SELECT next_step, urgent FROM submissions WHERE reference = $1', [created.reference]);
        assert.deepEqual({ ...row }, { next_step: 'community', urgent: false });
      });

      it('needs consent (422), and stores nothing without it', async () => {
        const before = await total();
        const { consent: _consent, ...withoutConsent } = submission();
        const missing = await expectProblem(await postJson('/api/v1/submissions', withoutConsent), 422, 'validation-failed');
        assert.deepEqual(missing.errors?.map((e) => e.path), ['consent']);
        const refused = await expectProblem(await postJson('/api/v1/submissions', { ...submission(), consent: false }), 422, 'validation-failed');
        assert.deepEqual(refused.errors?.map((e) => e.path), ['consent']);
        assert.equal(await total(), before);
      });

      it('refuses an unknown questionnaire (422) and needs an Idempotency-Key', async () => {
        const before = await total();
        const problem = await expectProblem(await postJson('/api/v1/submissions', submission({ questionnaireId: 'no-such-check' })), 422, 'validation-failed');
        assert.deepEqual(problem.errors?.map((e) => e.path), ['questionnaireId']);
        await expectProblem(await postJson('/api/v1/submissions', submission(), null), 400, 'idempotency-key-invalid');
        assert.equal(await total(), before);
      });

      it('sends once for one Idempotency-Key: a retry answers 200 with the same reference', async () => {
        const input = submission();
        const key = randomUUID();
        const first = await submit(input, key);
        const retry = await postJson('/api/v1/submissions', input, key);
        assert.equal(retry.status, 200);
        assert.deepEqual(SubmissionCreated.parse(await retry.json()), first);
        assert.equal(await rows(first.reference), 1);
        await expectProblem(await postJson('/api/v1/submissions', { ...input, answers: { 'live-alone': 'yes' } }, key), 409, 'idempotency-key-reused');
      });

      it('stores one submission when the same request arrives many times at once', async () => {
        const before = await total();
        const input = submission();
        const key = randomUUID();
        const responses = await Promise.all(Array.from({ length: 10 }, () => postJson('/api/v1/submissions', input, key)));
        const statuses = responses.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(' '));
        assert.equal(statuses.filter((s) => s === 200).length, 9, statuses.join(' '));
        const references = new Set(await Promise.all(responses.map(async (r) => SubmissionCreated.parse(await r.json()).reference)));
        assert.equal(references.size, 1);
        assert.equal(await total(), before + 1);
      });

      it('needs the detail the chosen way of contact asks for, of its kind, and never stores a blank name (issue 13)', async () => {
        const before = await count('SELECT count(*) AS n FROM submissions', []);
        const refused = [
          { method: 'phone' },
          { name: 'Ann', method: 'phone', value: '  ' },
          { name: 'Ann', method: 'email', value: '=HYPERLINK("http://evil.example","Click")' },
          { name: 'Ann', method: 'phone', value: 'ann@example.org' },
          { name: '=HYPERLINK("http://evil.example","Click")', method: 'none' },
        ];
        for (const contact of refused) {
          const problem = await expectProblem(await postJson('/api/v1/submissions', { ...submission(), contact }), 422, 'validation-failed');
          assert.ok(JSON.stringify(problem).includes('contact.'), JSON.stringify(problem));
        }
        assert.equal(await count('SELECT count(*) AS n FROM submissions', []), before, 'nothing stored');
        const created = await submit(submission({ contact: { name: '   ', method: 'phone', value: '01632 960 001' } }));
        const list = StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?limit=500')).json());
        assert.deepEqual(list.items.find((item) => item.reference === created.reference)?.contact, { method: 'phone', value: '01632 960 001' });
      });

      it('stores the urgent flag and reasons, the next step, the areas and the consent with each submission; staff filter and sort by them (issue 13)', async () => {
        const everyday = await submit(submission({ questionnaireId: 'urgent-check', answers: { 'live-alone': 'yes' } }));
        const urgent = await submit(submission({ questionnaireId: 'urgent-check', answers: { 'live-alone': 'no', 'who-helps': 'Nobody', safe: 'no-food-heating' } }));
        const later = await submit(submission({ questionnaireId: 'urgent-check', answers: { 'live-alone': 'no', 'who-helps': 'My son', safe: 'safe' } }));
        const list = async (query: string) => StaffSubmissionList.parse(await (await staff(`/api/v1/staff/submissions?questionnaire=urgent-check&${query}`)).json());
        const byRef = new Map((await list('')).items.map((item) => [item.reference, item]));
        const stored = byRef.get(urgent.reference);
        assert.ok(stored);
        assert.equal(stored.urgent, true);
        assert.deepEqual(stored.urgentReasons, [{ question: 'safe', option: 'no-food-heating' }]);
        assert.equal(stored.nextStep, 'urgent');
        assert.deepEqual(stored.areas, []);
        assert.match(stored.consentVersion ?? '', /^urgent-check@2\/cy#[0-9a-f]{8}$/);
        assert.ok(stored.consentedAt && Math.abs(Date.parse(stored.consentedAt) - Date.parse(stored.createdAt)) < 60_000);
        const plain = byRef.get(everyday.reference);
        assert.equal(plain?.urgent, false);
        assert.deepEqual(plain?.areas, ['relationships']);
        assert.equal(plain?.nextStep, 'community');
        assert.deepEqual((await list('urgent=true')).items.map((item) => item.reference), [urgent.reference]);
        assert.ok(!(await list('urgent=false')).items.some((item) => item.urgent));
        assert.deepEqual((await list('area=relationships')).items.map((item) => item.reference), [everyday.reference]);
        assert.ok((await list('nextStep=urgent')).items.every((item) => item.nextStep === 'urgent'));
        const sorted = (await list('sort=urgent')).items.map((item) => item.reference);
        assert.equal(sorted[0], urgent.reference, 'urgent first');
        assert.ok(sorted.indexOf(later.reference) < sorted.indexOf(everyday.reference), 'then newest first');
        await expectProblem(await staff('/api/v1/staff/submissions?urgent=maybe'), 422, 'validation-failed');
        await expectProblem(await staff('/api/v1/staff/submissions?area=nowhere'), 422, 'validation-failed');
      });

      it('accepts a submission without contact details', async () => {
        const { contact: _contact, ...input } = submission();
        const created = await submit(input);
        const list = StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?limit=500')).json());
        const found = list.items.find((item) => item.reference === created.reference);
        assert.ok(found);
        assert.equal(found.contact, undefined);
      });
    });

    describe('webhook to staff systems', () => {
      interface SubmissionEvent {
        id: string;
        type: string;
        occurredAt: string;
        data: {
          reference: string;
          questionnaireId: string;
          version: number;
          lang?: string;
          answers: Record<string, unknown>;
          contact?: Record<string, string>;
          urgent: boolean;
          consentVersion?: string;
        };
      }
      const event = (req: ReceivedRequest) => JSON.parse(req.body) as SubmissionEvent;
      const signed = (req: ReceivedRequest) =>
        verifySignature(WEBHOOK_SECRET, String(req.headers['x-cls-timestamp']), req.body, String(req.headers['x-cls-signature']));

      it('posts each submission once, signed, with the answers and contact, retrying after a failure', async () => {
        await webhook.idle();
        let calls = 0;
        stub.reset((_req, res) => res.writeHead(++calls === 1 ? 500 : 204).end());
        const input = submission();
        const key = randomUUID();
        const created = await submit(input, key);
        assert.equal((await postJson('/api/v1/submissions', input, key)).status, 200, 'a retry by the resident');
        await webhook.idle();
        assert.equal(stub.received.length, 2, 'one failure, one retry, and nothing for the replayed request');
        const [failed, delivered] = stub.received;
        assert.ok(failed && delivered);
        for (const req of [failed, delivered]) {
          assert.equal(req.method, 'POST');
          assert.equal(req.url, '/hooks/cls');
          assert.equal(req.headers['x-cls-event'], 'submission.created');
          assert.ok(signed(req), 'the signature verifies');
        }
        assert.equal(event(failed).id, event(delivered).id, 'a retry is the same event');
        const body = event(delivered);
        assert.equal(body.type, 'submission.created');
        assert.deepEqual(body.data, {
          reference: created.reference,
          questionnaireId: 'wellbeing-check',
          version: 2,
          lang: 'cy',
          answers: input.answers,
          contact: input.contact,
          urgent: false,
          urgentReasons: [],
          nextStep: 'community',
          areas: [],
          consentVersion: body.data.consentVersion,
        });
        assert.equal(verifySignature('another-secret-0123456789', String(delivered.headers['x-cls-timestamp']), delivered.body, String(delivered.headers['x-cls-signature'])), false);
      });

      it('marks an urgent submission urgent: true with its reasons, so a council can route it (issue 13)', async () => {
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(204).end());
        const created = await submit(submission({ questionnaireId: 'urgent-check', answers: { 'live-alone': 'yes', safe: 'no-food-heating' } }));
        await webhook.idle();
        const delivered = stub.received.map(event).find((e) => e.data.reference === created.reference);
        assert.ok(delivered);
        assert.equal(delivered.data.urgent, true);
        assert.deepEqual((delivered.data as unknown as { urgentReasons: unknown }).urgentReasons, [{ question: 'safe', option: 'no-food-heating' }]);
      });

      it('does not hold up the submission when the webhook keeps failing', async () => {
        await webhook.idle();
        stub.reset((_req, res) => res.writeHead(503).end());
        const created = await submit(submission());
        await webhook.idle();
        assert.equal(stub.received.length, 3, 'three attempts, as configured');
        assert.equal(await count('SELECT count(*) AS n FROM submissions WHERE reference = $1', [created.reference]), 1);
        assert.ok(logged.some((line) => line.includes(created.reference) && /gave up/.test(line)), 'the failure is logged by reference');
        stub.reset((_req, res) => res.writeHead(204).end());
      });
    });

    describe('staff', () => {
      it('needs the staff token for the list and the export', async () => {
        for (const path of ['/api/v1/staff/submissions', '/api/v1/staff/submissions.csv']) {
          await expectProblem(await staff(path, null), 401, 'unauthorized');
          await expectProblem(await staff(path, 'not-the-staff-token-0123'), 401, 'unauthorized');
        }
      });

      it('lists submissions newest first, a page at a time', async () => {
        const made: SubmissionCreated[] = [];
        for (let i = 0; i < 3; i++) made.push(await submit(submission({ questionnaireId: 'carer-check' })));
        const newestFirst = made.map((m) => m.reference).reverse();
        const all = StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?questionnaire=carer-check')).json());
        assert.equal(all.total, 3);
        assert.deepEqual(all.items.map((item) => item.reference), newestFirst);
        const page = StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?questionnaire=carer-check&limit=1&offset=1')).json());
        assert.equal(page.total, 3);
        assert.deepEqual(page.items.map((item) => item.reference), [newestFirst[1]]);
        await expectProblem(await staff('/api/v1/staff/submissions?limit=0'), 422, 'validation-failed');
      });

      it('exports one CSV row per submission, with formulas made harmless', async () => {
        const input = submission({
          questionnaireId: 'carer-check',
          contact: { name: 'Ffion Hughes', method: 'phone', value: '+44 1588 640123' },
          answers: { 'live-alone': 'no', 'who-helps': '@SUM(1+1), "quoted"\nand a new line' },
        });
        const created = await submit(input);
        const response = await staff('/api/v1/staff/submissions.csv?questionnaire=carer-check');
        assert.equal(response.status, 200);
        assert.match(String(response.headers.get('content-type')), /^text\/csv/);
        assert.match(String(response.headers.get('content-disposition')), /attachment; filename="submissions\.csv"/);
        const bytes = Buffer.from(await response.arrayBuffer());
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark for Excel');
        const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
        assert.deepEqual(header, [
          'reference',
          'created_at',
          'questionnaire_id',
          'version',
          'lang',
          'contact_name',
          'contact_method',
          'contact_value',
          'answers',
          'urgent',
          'urgent_reasons',
          'next_step',
          'areas',
          'consented_at',
          'consent_version',
        ]);
        const list = StaffSubmissionList.parse(await (await staff('/api/v1/staff/submissions?questionnaire=carer-check')).json());
        assert.deepEqual(rows.map((row) => row[0]), list.items.map((item) => item.reference), 'one row per submission, newest first');
        const row = rows[0];
        assert.ok(row);
        assert.deepEqual(row.slice(0, 8), [created.reference, created.createdAt, 'carer-check', '2', 'cy', 'Ffion Hughes', 'phone', `'+44 1588 640123`]);
        assert.deepEqual(JSON.parse(row[8] ?? ''), input.answers);
      });
    });

    describe('OpenAPI document', () => {
      it('documents the questionnaire, draft, submission and staff routes', async () => {
        interface Operation {
          parameters?: { name: string; in: string; required: boolean }[];
          responses: Record<string, unknown>;
          security?: unknown[];
        }
        const { paths } = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
        assert.ok(paths['/api/v1/questionnaires']?.get);
        assert.ok(paths['/api/v1/questionnaires/{id}']?.get?.responses['404']);
        assert.ok(paths['/api/v1/drafts/{code}']?.get?.responses['404']);
        assert.ok(paths['/api/v1/drafts/{code}']?.get?.responses['429'], 'resume code look-ups are rate-limited');
        assert.match(JSON.stringify(paths['/api/v1/submissions']?.post?.responses['409']), /questionnaire-changed/);
        for (const path of ['/api/v1/drafts', '/api/v1/submissions']) {
          const post = paths[path]?.post;
          assert.ok(post);
          assert.ok(post.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header' && p.required), path);
          for (const status of ['200', '201', '409', '422', '429']) assert.ok(post.responses[status], `${path} answers ${status}`);
        }
        for (const path of ['/api/v1/staff/submissions', '/api/v1/staff/submissions.csv']) assert.ok(paths[path]?.get?.security?.length, `${path} needs the staff token`);
      });

      it('answers another method with 405 and the methods allowed', async () => {
        const response = await api('/api/v1/submissions', { method: 'DELETE' });
        await expectProblem(response, 405, 'method-not-allowed');
        assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
      });
    });

    describe('privacy', () => {
      it('logs no answers and no contact details', async () => {
        await webhook.idle();
        assert.ok(personal.length > 20, 'many answers were sent');
        assert.ok(logged.length > 0, 'the server did log (the webhook failures)');
        const everything = logged.join('\n');
        for (const value of [...personal.filter(Boolean), 'HYPERLINK', '640123', 'quoted', '960 001']) assert.ok(!everything.includes(value), `"${value}" was logged`);
      });
    });
  });
}
