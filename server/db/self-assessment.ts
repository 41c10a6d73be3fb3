import { randomBytes } from 'node:crypto';
import { DRAFT_DAYS, RESUME_CODE_ALPHABET, type Answers, type AnswerValue, type Draft, type DraftInput, type DraftSaved, type NextStep, type SubmissionInput } from '../../src/contract/questionnaire.ts';
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
  createdAt: string;
}

/** A fresh `CLS-XXXXXX` reference. */
export const newSubmissionReference = (): string => `CLS-${randomCode(6)}`;

/** Stores a submission under a fresh reference; the caller runs it inside `once`. */
export async function insertSubmission(
  db: Queryable,
  input: SubmissionInput,
  options: { reference?: () => string; triage?: { nextStep: NextStep; urgent: boolean } } = {},
): Promise<{ reference: string; createdAt: string }> {
  const generate = options.reference ?? newSubmissionReference;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const reference = generate();
    const [row] = await db.query<{ created_at: Date | string }>(
      `INSERT INTO submissions (reference, questionnaire_id, version, answers, contact, lang, next_step, urgent)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8)
       ON CONFLICT (reference) DO NOTHING
       RETURNING created_at`,
      [
        reference,
        input.questionnaireId,
        input.version,
        JSON.stringify(input.answers),
        input.contact ? JSON.stringify(input.contact) : null,
        input.lang ?? null,
        options.triage?.nextStep ?? null,
        options.triage?.urgent ?? null,
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
  createdAt: iso(row.created_at),
});

export interface SubmissionFilter {
  questionnaire?: string | undefined;
}

function where(filter: SubmissionFilter): { clause: string; params: unknown[] } {
  return filter.questionnaire ? { clause: 'WHERE questionnaire_id = $1', params: [filter.questionnaire] } : { clause: '', params: [] };
}

/** Submissions for staff, newest first, one page. */
export async function listSubmissions(
  db: Queryable,
  query: SubmissionFilter & { limit: number; offset: number },
): Promise<{ total: number; items: SubmissionRecord[] }> {
  const { clause, params } = where(query);
  const [count] = await db.query<{ total: number | string }>(`SELECT count(*) AS total FROM submissions ${clause}`, params);
  const rows = await db.query<SubmissionRow>(
    `SELECT * FROM submissions ${clause} ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { total: Number(count?.total ?? 0), items: rows.map(recordOf) };
}

/** Every submission matching `filter`, newest first, for the CSV export. */
export async function exportSubmissions(db: Queryable, filter: SubmissionFilter): Promise<SubmissionRecord[]> {
  const { clause, params } = where(filter);
  const rows = await db.query<SubmissionRow>(`SELECT * FROM submissions ${clause} ORDER BY seq DESC`, params);
  return rows.map(recordOf);
}
