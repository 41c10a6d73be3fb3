import type { Hono } from 'hono';
import {
  Draft,
  DraftInput,
  DraftSaved,
  QuestionnaireList,
  QuestionnaireQuery,
  QuestionnaireResponse,
  ResumeCode,
  StaffSubmissionList,
  StaffSubmissionsExportQuery,
  StaffSubmissionsQuery,
  SubmissionCreated,
  SubmissionInput,
  type LocalisedQuestionnaire,
  type QuestionnaireDefinition,
} from '../../src/contract/questionnaire.ts';
import type { FieldErrorCode } from '../../src/core/field-errors.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { answersForSubmission, outcome, urgentAnswers, validateSubmission, voiced } from '../../src/core/questionnaire.ts';
import { consentVersion } from '../../src/core/questionnaire-submission.ts';
import { tidyContact } from '../../src/core/questionnaire-submission.ts';
import type { Database } from '../db/database.ts';
import { once } from '../db/idempotency.ts';
import { deleteDraft, exportSubmissions, findDraft, insertSubmission, listSubmissions, normaliseResumeCode, saveDraft, type SubmissionTriage } from '../db/self-assessment.ts';
import { toCsv } from '../http/csv.ts';
import { idempotencyKey, readBody, readQuery } from '../http/input.ts';
import { HttpProblem, idempotencyConflict } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';
import type { WebhookSender } from '../webhook.ts';

export const selfAssessmentRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/questionnaires',
    summary: 'List the questionnaires, titled in one language',
    tag: 'Self-assessment',
    query: QuestionnaireQuery,
    responses: { 200: { description: 'The questionnaires', schema: QuestionnaireList } },
    problems: { 422: '`validation-failed`: `lang` is not `en` or `cy`' },
  },
  {
    method: 'get',
    path: '/api/v1/questionnaires/{id}',
    summary: 'One questionnaire in one language',
    description:
      'Every text in `lang`; a text not yet translated is given in English and its path is listed in `fallbacks`, so that a page can mark it `lang="en"`.',
    tag: 'Self-assessment',
    query: QuestionnaireQuery,
    responses: { 200: { description: 'The questionnaire', schema: QuestionnaireResponse } },
    problems: { 404: '`not-found`: no questionnaire with this id', 422: '`validation-failed`: `lang` is not `en` or `cy`' },
  },
  {
    method: 'post',
    path: '/api/v1/drafts',
    summary: 'Save answers to come back to later',
    description: `Answers with an 8-character resume code (letters and digits that cannot be mistaken for one another), valid for 30 days. Retrying with the same Idempotency-Key and body returns the first code.`,
    tag: 'Self-assessment',
    idempotent: true,
    body: DraftInput,
    responses: {
      201: { description: 'Saved', schema: DraftSaved },
      200: { description: 'Already saved by an earlier request with this Idempotency-Key', schema: DraftSaved },
    },
    problems: { 422: '`validation-failed`: a field is invalid, or there is no questionnaire with this `questionnaireId`' },
  },
  {
    method: 'get',
    path: '/api/v1/drafts/{code}',
    summary: 'The answers saved under a resume code',
    description: 'The code may be typed in lower case, with spaces or dashes.',
    tag: 'Self-assessment',
    responses: { 200: { description: 'The draft', schema: Draft } },
    problems: {
      404: '`not-found`: no draft with this code, or it has expired',
      429: '`rate-limited`: too many lookups from this client in a minute (so that resume codes cannot be guessed); `Retry-After` says when to try again',
    },
  },
  {
    method: 'delete',
    path: '/api/v1/drafts/{code}',
    summary: 'Delete the answers saved under a resume code',
    description: 'For the person who saved them: the code is all it takes, as it is to read them. Answers 204 whether or not a draft was there, so that a code cannot be tested by deleting; counted against the write limit.',
    tag: 'Self-assessment',
    responses: { 204: { description: 'No draft under this code any more' } },
    problems: { 429: '`rate-limited`: too many writes from this client in a minute; `Retry-After` says when to try again' },
  },
  {
    method: 'post',
    path: '/api/v1/submissions',
    summary: 'Send a self-assessment to the council',
    description:
      'Needs `consent: true`. The answers are checked against the current version of the questionnaire with the same rules as the form: every required question that the answers show must be answered, every value must fit its question. Answers to questions hidden by the other answers are ignored and not stored. Stores the answers once however often the request is retried with the same Idempotency-Key (a retry answers 200 with the same reference), and tells staff systems with a signed `submission.created` webhook.',
    tag: 'Self-assessment',
    idempotent: true,
    body: SubmissionInput,
    responses: {
      201: { description: 'Sent', schema: SubmissionCreated },
      200: { description: 'Already sent by an earlier request with this Idempotency-Key', schema: SubmissionCreated },
    },
    problems: {
      409: '`idempotency-key-reused`: the Idempotency-Key was used before with a different body; or `questionnaire-changed`: `version` is not the current version of the questionnaire, so its questions have changed and the answers should be checked again',
      422: '`validation-failed`: a field is invalid (`consent` missing), there is no questionnaire with this `questionnaireId`, or an answer is missing or does not fit its question (`errors[].path` is `answers.<question id>`, or `answers.<question id>.<option>` for a follow-up box)',
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/submissions',
    summary: 'List sent self-assessments, newest first (or urgent first), with answers, contact details, the urgent flag and reasons, the next step and the areas; filtered by any of these',
    tag: 'Staff',
    staff: true,
    query: StaffSubmissionsQuery,
    responses: { 200: { description: 'A page of submissions', schema: StaffSubmissionList } },
  },
  {
    method: 'get',
    path: '/api/v1/staff/submissions.csv',
    summary: 'Export sent self-assessments as CSV, newest first',
    description: 'One row per submission, the answers as JSON. Cells a spreadsheet would run as a formula are prefixed with an apostrophe.',
    tag: 'Staff',
    staff: true,
    query: StaffSubmissionsExportQuery,
    produces: 'text/csv',
    responses: { 200: { description: 'CSV (UTF-8 with a byte order mark)' } },
  },
];

const unknownQuestionnaire = (id: string) =>
  new HttpProblem(422, 'validation-failed', 'The request body is not valid', undefined, [
    { path: 'questionnaireId', code: 'invalid', message: `There is no questionnaire "${id}".` },
  ]);

/** Developer-facing English for each engine code; the element shows its own translated text. */
const ANSWER_MESSAGES: Record<FieldErrorCode, string> = {
  required: 'This question needs an answer.',
  invalid: 'This is not an answer to a question of this questionnaire, or not one of its options.',
  'too-long': 'This answer is too long.',
  'too-short': 'This answer is too short.',
  'too-big': 'This answer is above the largest allowed (or a date in the future).',
  'too-small': 'This answer is below the smallest allowed.',
};

const LATEST_OFFSET_MS = 14 * 60 * 60 * 1000;

/**
 * The problem with a submission's answers, if any: 409 when they were given
 * against another version (its questions may have changed), else 422 with
 * every failing answer. Hidden questions' answers are not errors.
 */
function answersProblem(questionnaire: LocalisedQuestionnaire, input: SubmissionInput): HttpProblem | undefined {
  if (input.version !== questionnaire.version) {
    return new HttpProblem(
      409,
      'questionnaire-changed',
      'The questions have changed',
      `These answers were given to version ${input.version} of "${questionnaire.id}"; it is now version ${questionnaire.version}. Check the answers again against the current questions and send them again.`,
    );
  }
  // "Not in the future" is the person's today, which may be ahead of the server's: allow the furthest time zone (UTC+14).
  const errors = validateSubmission(questionnaire, input.answers, new Date(Date.now() + LATEST_OFFSET_MS));
  if (errors.length === 0) return undefined;
  return new HttpProblem(
    422,
    'validation-failed',
    'The answers are not valid',
    undefined,
    errors.map((error) => ({ path: `answers.${error.field}`, code: error.code, message: ANSWER_MESSAGES[error.code] })),
  );
}

const draftNotFound = () =>
  new HttpProblem(404, 'not-found', 'No saved answers with this code', 'Check the code. Saved answers are kept for 30 days.');

export function mountSelfAssessment(
  app: Hono,
  db: Database,
  questionnaires: ReadonlyMap<string, QuestionnaireDefinition>,
  webhook: WebhookSender | undefined,
): void {
  // Answers are checked in English: the rules (ids, option values, limits) are the same in every language.
  const english = new Map<string, LocalisedQuestionnaire>();
  const inEnglish = (id: string): LocalisedQuestionnaire | undefined => {
    const definition = questionnaires.get(id);
    if (!definition) return undefined;
    let localised = english.get(id);
    if (!localised) english.set(id, (localised = localiseQuestionnaire(definition, 'en').questionnaire));
    return localised;
  };

  app.get('/api/v1/questionnaires', (c) => {
    const { lang } = readQuery(c, QuestionnaireQuery);
    const items = [...questionnaires.values()].map((definition) => {
      const { questionnaire } = localiseQuestionnaire(definition, lang);
      return { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title, minutes: questionnaire.minutes };
    });
    return c.json(QuestionnaireList.parse({ lang, items }));
  });

  app.get('/api/v1/questionnaires/:id', (c) => {
    const { lang } = readQuery(c, QuestionnaireQuery);
    const id = c.req.param('id');
    const definition = questionnaires.get(id);
    if (!definition) throw new HttpProblem(404, 'not-found', 'No such questionnaire', `There is no questionnaire "${id.slice(0, 63)}".`);
    c.header('Content-Language', lang);
    return c.json(QuestionnaireResponse.parse({ lang, ...localiseQuestionnaire(definition, lang) }));
  });

  app.post('/api/v1/drafts', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, DraftInput);
    const known = questionnaires.has(input.questionnaireId);
    const outcome = await once(db, 'drafts', key, input, async (tx) => {
      // Refused inside, so that a replay still gets its stored answer.
      if (!known) throw unknownQuestionnaire(input.questionnaireId);
      return { status: 201, body: await saveDraft(tx, input) };
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict('draft');
    c.header('Cache-Control', 'no-store');
    return c.json(DraftSaved.parse(outcome.response.body), outcome.kind === 'fresh' ? 201 : 200);
  });

  app.get('/api/v1/drafts/:code', async (c) => {
    const code = normaliseResumeCode(c.req.param('code'));
    if (!ResumeCode.safeParse(code).success) throw draftNotFound();
    const draft = await findDraft(db, code);
    if (!draft) throw draftNotFound();
    c.header('Cache-Control', 'no-store');
    return c.json(Draft.parse(draft));
  });

  app.delete('/api/v1/drafts/:code', async (c) => {
    const code = normaliseResumeCode(c.req.param('code'));
    if (ResumeCode.safeParse(code).success) await deleteDraft(db, code);
    return c.body(null, 204);
  });

  /** Urgent answers, next step and areas by the questionnaire's own rules, and the consent wording shown (in the person's language). */
  const triageOf = (input: SubmissionInput, answers: SubmissionInput['answers']): SubmissionTriage => {
    const questionnaire = inEnglish(input.questionnaireId);
    const definition = questionnaires.get(input.questionnaireId);
    if (!questionnaire || !definition) throw unknownQuestionnaire(input.questionnaireId);
    const result = outcome(questionnaire, answers);
    const reasons = urgentAnswers(questionnaire, answers);
    const shown = localiseQuestionnaire(definition, input.lang ?? 'en').questionnaire;
    return { urgent: reasons.length > 0, urgentReasons: reasons, nextStep: result.nextStep.step, areas: result.areas.map((area) => area.area), consentVersion: consentVersion(voiced(shown, answers), input.lang ?? 'en') };
  };

  app.post('/api/v1/submissions', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, SubmissionInput);
    const questionnaire = inEnglish(input.questionnaireId);
    // Only what the person could see is kept: answers to questions hidden by branching are dropped.
    const answers = questionnaire ? answersForSubmission(questionnaire, input.answers) : input.answers;
    // A blank name is left out rather than stored as a placeholder; a detail only with its way of contact.
    const contact = tidyContact(input.contact);
    const outcome = await once(db, 'submissions', key, input, async (tx) => {
      // Refused inside, so that a replay still gets its stored answer even if the questionnaire has changed since.
      if (!questionnaire) throw unknownQuestionnaire(input.questionnaireId);
      const problem = answersProblem(questionnaire, input);
      if (problem) throw problem;
      const { contact: _given, ...rest } = input;
      const created = await insertSubmission(tx, { ...rest, answers, ...(contact ? { contact } : {}) }, triageOf(input, answers));
      await webhook?.enqueue(tx, 'submission.created', {
        reference: created.reference,
        questionnaireId: input.questionnaireId,
        version: input.version,
        ...(input.lang ? { lang: input.lang } : {}),
        answers,
        ...(contact ? { contact } : {}),
        // So a council can route an urgent one without reading the answers.
        ...triageOf(input, answers),
      });
      return { status: 201, body: created };
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict('submission');
    const body = SubmissionCreated.parse(outcome.response.body);
    if (outcome.kind === 'fresh') webhook?.nudge();
    c.header('Cache-Control', 'no-store');
    return c.json(body, outcome.kind === 'fresh' ? 201 : 200);
  });

  app.get('/api/v1/staff/submissions', async (c) => {
    const query = readQuery(c, StaffSubmissionsQuery);
    c.header('Cache-Control', 'no-store');
    return c.json(StaffSubmissionList.parse(await listSubmissions(db, query)));
  });

  app.get('/api/v1/staff/submissions.csv', async (c) => {
    const query = readQuery(c, StaffSubmissionsExportQuery);
    const items = await exportSubmissions(db, query);
    const header = ['reference', 'created_at', 'questionnaire_id', 'version', 'lang', 'contact_name', 'contact_method', 'contact_value', 'answers', 'urgent', 'urgent_reasons', 'next_step', 'areas', 'consented_at', 'consent_version'];
    const rows = items.map((item) => [
      item.reference,
      item.createdAt,
      item.questionnaireId,
      item.version,
      item.lang,
      item.contact?.name,
      item.contact?.method,
      item.contact?.value,
      JSON.stringify(item.answers),
      item.urgent ? 'yes' : 'no',
      item.urgentReasons.map((reason) => `${reason.question}=${reason.option}`).join(' '),
      item.nextStep,
      item.areas.join(' '),
      item.consentedAt,
      item.consentVersion,
    ]);
    return c.body(toCsv(header, rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="submissions.csv"',
      'Cache-Control': 'no-store',
    });
  });
}
