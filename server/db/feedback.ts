import { randomUUID } from 'node:crypto';
import type { FeedbackCreated, FeedbackListQuery, FeedbackRecord } from '../../src/contract/feedback.ts';
import type { Queryable } from './database.ts';

interface FeedbackRow {
  id: string;
  seq: string | number;
  created_at: Date | string;
  helpful: number;
  ease: number;
  comment: string | null;
  hub: string | null;
  source: string | null;
  lang: 'en' | 'cy' | null;
  [key: string]: unknown;
}

export interface NewFeedback {
  helpful: number;
  ease: number;
  comment?: string | undefined;
  hub?: string | undefined;
  source?: string | undefined;
  lang?: 'en' | 'cy' | undefined;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export async function insertFeedback(db: Queryable, input: NewFeedback): Promise<FeedbackCreated> {
  const id = randomUUID();
  const [row] = await db.query<{ created_at: Date | string }>(
    `INSERT INTO feedback (id, helpful, ease, comment, hub, source, lang)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING created_at`,
    [id, input.helpful, input.ease, input.comment ?? null, input.hub ?? null, input.source ?? null, input.lang ?? null],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { id, createdAt: iso(row.created_at) };
}

/** Newest first. Nulls are omitted, never sent as `null`. */
export async function listFeedback(db: Queryable, query: FeedbackListQuery): Promise<{ total: number; items: FeedbackRecord[] }> {
  const where = query.hub ? 'WHERE hub = $1' : '';
  const filter = query.hub ? [query.hub] : [];
  const [count] = await db.query<{ total: number | string }>(`SELECT count(*) AS total FROM feedback ${where}`, filter);
  const rows = await db.query<FeedbackRow>(
    `SELECT * FROM feedback ${where} ORDER BY seq DESC LIMIT $${filter.length + 1} OFFSET $${filter.length + 2}`,
    [...filter, query.limit, query.offset],
  );
  return {
    total: Number(count?.total ?? 0),
    items: rows.map((row) => ({
      id: row.id,
      createdAt: iso(row.created_at),
      helpful: Number(row.helpful),
      ease: Number(row.ease),
      ...(row.comment !== null ? { comment: row.comment } : {}),
      ...(row.hub !== null ? { hub: row.hub } : {}),
      ...(row.source !== null ? { source: row.source } : {}),
      ...(row.lang !== null ? { lang: row.lang } : {}),
    })),
  };
}
