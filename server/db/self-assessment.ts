import { randomBytes } from 'node:crypto';
import {
  DRAFT_DAYS,
  RESUME_CODE_ALPHABET,
  type Answers,
  type AnswerValue,
  type Draft,
  type DraftInput,
  type DraftSaved,
  type NextStep,
  type SubmissionInput,
  type WellbeingArea,
} from '../../src/contract/questionnaire.ts';
import type { Queryable } from './database.ts';

/** Bytes at or above this are discarded, so every alphabet letter is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % RESUME_CODE_ALPHABET.length);

/** `length` characters of {@link RESUME_CODE_ALPHABET}, from crypto randomness without modulo bias. */
export function randomCode(length: number, random: (size: number) => Uint8Array = randomBytes): string {
  let code = '';
  while (code.length < length) {
    for (const byte of random(16)) {
      if (byte < UNBIASED_LIMIT && code.length < length) code += RESUME_CODE_ALPHABET.charAt(byte % RESUME_CODE_ALPHABET.length);
    }
  }
  return code;
}

/** A resume code as a person may type it back (`abcd efgh`, `ABCD-EFGH`), as stored. */
export const normaliseResumeCode = (typed: string): string => typed.replace(/[\s-]+/g, '').toUpperCase();

const MAX_TRIES = 20;
const iso = (value: Date | string) => new Date(value).toISOString();

export interface SaveOptions {
  /** Where codes come from (tests inject collisions). */
  code?: () => string;
}

/** Stores a draft under a fresh resume code, kept for {@link DRAFT_DAYS} days. */
export async function saveDraft(db: Queryable, input: DraftInput, options: SaveOptions = {}): Promise<DraftSaved> {
  // Housekeeping: whatever has expired is of no use to anyone.
  await db.query('DELETE FROM drafts WHERE expires_at <= now()');
  const generate = options.code ?? (() => randomCode(8));
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const code = generate();
    // ON CONFLICT rather than catching a unique violation: an error would abort the whole transaction.
    const [row] = await db.query<{ expires_at: Date | string }>(
      `INSERT INTO drafts (code, questionnaire_id, version, answers, at, lang, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, now() + make_interval(days => $7::int))
       ON CONFLICT (code) DO NOTHING
       RETURNING expires_at`,
      [code, input.questionnaireId, input.version, JSON.stringify(input.answers), input.at ?? null, input.lang ?? null, DRAFT_DAYS],
    );
    if (row) return { code, expiresAt: iso(row.expires_at) };
  }
  throw new Error(`no free resume code after ${MAX_TRIES} tries`);
}

interface DraftRow {
  code: string;
  questionnaire_id: string;
  version: number;
  answers: Answers | string;
  at: string | null;
  lang: 'en' | 'cy' | null;
  saved_at: Date | string;
  expires_at: Date | string;
  [key: string]: unknown;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Deletes the draft under `code`, if there is one (the person's own "delete my answers"). */
export async function deleteDraft(db: Queryable, code: string): Promise<void> {
  await db.query('DELETE FROM drafts WHERE code = $1', [code]);
}

/** The draft saved under `code`; undefined when there is none or it has expired (an expired one is deleted). */
export async function findDraft(db: Queryable, code: string): Promise<Draft | undefined> {
  await db.query('DELETE FROM drafts WHERE code = $1 AND expires_at <= now()', [code]);
  const [row] = await db.query<DraftRow>('SELECT * FROM drafts WHERE code = $1 AND expires_at > now()', [code]);
  if (!row) return undefined;
  return {
    code: row.code,
    questionnaireId: row.questionnaire_id,
    version: Number(row.version),
    answers: json(row.answers),
    ...(row.at !== null ? { at: row.at } : {}),
    ...(row.lang !== null ? { lang: row.lang } : {}),
    savedAt: iso(row.saved_at),
    expiresAt: iso(row.expires_at),
  };
}

export type SubmissionContact = NonNullable<SubmissionInput['contact']>;

/** A submission as staff (and the webhook) see it. */
export interface SubmissionRecord {
  reference: string;
  questionnaireId: string;
  version: number;
  lang?: 'en' | 'cy';
  answers: Record<string, AnswerValue>;
  contact?: SubmissionContact;
  /** An answer signalled danger. */
  urgent: boolean;
  urgentReasons: Array<{ question: string; option: string }>;
  nextStep?: NextStep;
  areas: WellbeingArea[];
  consentedAt?: string;
  consentVersion?: string;
  createdAt: string;
}

/** What the server works out from the answers for staff to route a submission, stored beside them. */
export interface SubmissionTriage {
  urgent: boolean;
  urgentReasons: Array<{ question: string; option: string }>;
  nextStep: NextStep;
  areas: WellbeingArea[];
  consentVersion: string;
}

/** A fresh `CLS-XXXXXX` reference. */
export const newSubmissionReference = (): string => `CLS-${randomCode(6)}`;

/** Stores a submission under a fresh reference; the caller runs it inside `once`. */
export async function insertSubmission(
  db: Queryable,
  input: SubmissionInput,
  triage: SubmissionTriage,
  options: { reference?: () => string } = {},
): Promise<{ reference: string; createdAt: string }> {
  const generate = options.reference ?? newSubmissionReference;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const reference = generate();
    const [row] = await db.query<{ created_at: Date | string }>(
      `INSERT INTO submissions (reference, questionnaire_id, version, answers, contact, lang, urgent, urgent_reasons, next_step, areas, consented_at, consent_version)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb, $9, $10::jsonb, now(), $11)
       ON CONFLICT (reference) DO NOTHING
       RETURNING created_at`,
      [
        reference,
        input.questionnaireId,
        input.version,
        JSON.stringify(input.answers),
        input.contact ? JSON.stringify(input.contact) : null,
        input.lang ?? null,
        triage.urgent,
        JSON.stringify(triage.urgentReasons),
        triage.nextStep,
        JSON.stringify(triage.areas),
        triage.consentVersion,
      ],
    );
    if (row) return { reference, createdAt: iso(row.created_at) };
  }
  throw new Error(`no free submission reference after ${MAX_TRIES} tries`);
}

interface SubmissionRow {
  reference: string;
  questionnaire_id: string;
  version: number;
  answers: Answers | string;
  contact: SubmissionContact | string | null;
  lang: 'en' | 'cy' | null;
  urgent: boolean;
  urgent_reasons: SubmissionRecord['urgentReasons'] | string;
  next_step: NextStep | null;
  areas: WellbeingArea[] | string;
  consented_at: Date | string | null;
  consent_version: string | null;
  created_at: Date | string;
  [key: string]: unknown;
}

const recordOf = (row: SubmissionRow): SubmissionRecord => ({
  reference: row.reference,
  questionnaireId: row.questionnaire_id,
  version: Number(row.version),
  ...(row.lang !== null ? { lang: row.lang } : {}),
  answers: json(row.answers),
  ...(row.contact !== null ? { contact: json(row.contact) } : {}),
  urgent: row.urgent === true,
  urgentReasons: json(row.urgent_reasons),
  ...(row.next_step !== null ? { nextStep: row.next_step } : {}),
  areas: json(row.areas),
  ...(row.consented_at !== null ? { consentedAt: iso(row.consented_at) } : {}),
  ...(row.consent_version !== null ? { consentVersion: row.consent_version } : {}),
  createdAt: iso(row.created_at),
});

export interface SubmissionFilter {
  questionnaire?: string | undefined;
  urgent?: boolean | undefined;
  nextStep?: NextStep | undefined;
  area?: WellbeingArea | undefined;
  /** `urgent`: urgent ones first; each group newest first. */
  sort?: 'newest' | 'urgent' | undefined;
}

function where(filter: SubmissionFilter): { clause: string; params: unknown[]; order: string } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (at: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.questionnaire) add((at) => `questionnaire_id = ${at}`, filter.questionnaire);
  if (filter.urgent !== undefined) add((at) => `urgent = ${at}`, filter.urgent);
  if (filter.nextStep) add((at) => `next_step = ${at}`, filter.nextStep);
  // jsonb containment: the areas array holds this one.
  if (filter.area) add((at) => `areas @> ${at}::jsonb`, JSON.stringify([filter.area]));
  const order = filter.sort === 'urgent' ? 'ORDER BY urgent DESC, seq DESC' : 'ORDER BY seq DESC';
  return { clause: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params, order };
}

/** Submissions for staff, newest first, one page. */
export async function listSubmissions(
  db: Queryable,
  query: SubmissionFilter & { limit: number; offset: number },
): Promise<{ total: number; items: SubmissionRecord[] }> {
  const { clause, params, order } = where(query);
  const [count] = await db.query<{ total: number | string }>(`SELECT count(*) AS total FROM submissions ${clause}`, params);
  const rows = await db.query<SubmissionRow>(
    `SELECT * FROM submissions ${clause} ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { total: Number(count?.total ?? 0), items: rows.map(recordOf) };
}

/** Every submission matching `filter`, newest first, for the CSV export. */
export async function exportSubmissions(db: Queryable, filter: SubmissionFilter): Promise<SubmissionRecord[]> {
  const { clause, params, order } = where(filter);
  const rows = await db.query<SubmissionRow>(`SELECT * FROM submissions ${clause} ${order}`, params);
  return rows.map(recordOf);
}
