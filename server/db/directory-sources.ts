import type { Rejection } from '../../src/contract/directory.ts';
import type { Queryable } from './database.ts';

/** What one sync of a mirrored feed did, as stored in `directory_sources`. */
export interface SourceSync {
  /** The feed's key (see `sourceKey`): origin and path, no query. */
  url: string;
  version: '1.0' | '3.0' | undefined;
  state: 'ok' | 'incomplete' | 'failed';
  attemptedAt: Date;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  kept: number;
  rejected: number;
  reasons: Rejection[];
  errors: string[];
}

/** A stored sync, with when the feed last synced in full. */
export interface StoredSourceSync extends SourceSync {
  lastSuccessAt: Date | undefined;
}

/** Records a sync; `last_success_at` moves only when it read everything. */
export async function recordSync(db: Queryable, sync: SourceSync): Promise<void> {
  await db.query(
    `INSERT INTO directory_sources (url, version, state, last_attempt_at, last_success_at, read, inserted, updated, unchanged, removed, kept, rejected, reasons, errors)
     VALUES ($1, $2, $3, $4, CASE WHEN $3 = 'ok' THEN $4::timestamptz END, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb)
     ON CONFLICT (url) DO UPDATE SET version = COALESCE(EXCLUDED.version, directory_sources.version), state = EXCLUDED.state,
       last_attempt_at = EXCLUDED.last_attempt_at,
       last_success_at = COALESCE(EXCLUDED.last_success_at, directory_sources.last_success_at),
       read = EXCLUDED.read, inserted = EXCLUDED.inserted, updated = EXCLUDED.updated, unchanged = EXCLUDED.unchanged, removed = EXCLUDED.removed,
       kept = EXCLUDED.kept, rejected = EXCLUDED.rejected, reasons = EXCLUDED.reasons, errors = EXCLUDED.errors`,
    [
      sync.url,
      sync.version ?? null,
      sync.state,
      sync.attemptedAt.toISOString(),
      sync.read,
      sync.inserted,
      sync.updated,
      sync.unchanged,
      sync.removed,
      sync.kept,
      sync.rejected,
      JSON.stringify(sync.reasons),
      JSON.stringify(sync.errors),
    ],
  );
}

interface Row extends Record<string, unknown> {
  url: string;
  version: string | null;
  state: SourceSync['state'];
  last_attempt_at: Date | string;
  last_success_at: Date | string | null;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  kept: number;
  rejected: number;
  reasons: Rejection[] | string;
  errors: string[] | string;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Every feed's last sync, by key. */
export async function loadSyncs(db: Queryable): Promise<Map<string, StoredSourceSync>> {
  const rows = await db.query<Row>('SELECT * FROM directory_sources');
  return new Map(
    rows.map((row) => [
      row.url,
      {
        url: row.url,
        version: row.version === '1.0' || row.version === '3.0' ? row.version : undefined,
        state: row.state,
        attemptedAt: new Date(row.last_attempt_at),
        lastSuccessAt: row.last_success_at === null ? undefined : new Date(row.last_success_at),
        read: Number(row.read),
        inserted: Number(row.inserted),
        updated: Number(row.updated),
        unchanged: Number(row.unchanged),
        removed: Number(row.removed),
        kept: Number(row.kept),
        rejected: Number(row.rejected),
        reasons: json(row.reasons),
        errors: json(row.errors),
      },
    ]),
  );
}
