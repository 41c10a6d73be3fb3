import type { Queryable } from '../db/database.ts';

/** One client's window: when it started (ms since the epoch) and what it has counted. */
export interface RateWindow {
  start: number;
  count: number;
}

/**
 * Where rate limits keep their counts. In the database, every instance on
 * one PostgreSQL sees the same counts and a restart keeps them; PGlite is
 * the same code in the single-process default.
 */
export interface RateCounter {
  /** Counts one more for `client` in `bucket`; a window older than `windowMs` starts again at `now`. */
  hit(bucket: string, client: string, windowMs: number, now: number): Promise<RateWindow>;
  /** The window under way, without counting; undefined when there is none. */
  peek(bucket: string, client: string, windowMs: number, now: number): Promise<RateWindow | undefined>;
}

/** Windows older than this are deleted now and then (the longest window in use is a minute). */
const KEEP_MS = 60 * 60 * 1000;
const SWEEP_EVERY = 1000;

export class DatabaseRateCounter implements RateCounter {
  private hits = 0;

  constructor(private readonly db: Queryable) {}

  async hit(bucket: string, client: string, windowMs: number, now: number): Promise<RateWindow> {
    // One statement, so two instances counting the same client at once both count (the row is locked for the update).
    const [row] = await this.db.query<{ window_start: string | number; count: number }>(
      `INSERT INTO rate_limit_windows (bucket, client, window_start, count) VALUES ($1, $2, $3::bigint, 1)
       ON CONFLICT (bucket, client) DO UPDATE SET
         count = CASE WHEN rate_limit_windows.window_start > $3::bigint - $4::bigint THEN rate_limit_windows.count + 1 ELSE 1 END,
         window_start = CASE WHEN rate_limit_windows.window_start > $3::bigint - $4::bigint THEN rate_limit_windows.window_start ELSE $3::bigint END
       RETURNING window_start, count`,
      [bucket, client, now, windowMs],
    );
    if (++this.hits % SWEEP_EVERY === 0) await this.db.query('DELETE FROM rate_limit_windows WHERE window_start < $1', [now - KEEP_MS]);
    return { start: Number(row?.window_start ?? now), count: row?.count ?? 1 };
  }

  async peek(bucket: string, client: string, windowMs: number, now: number): Promise<RateWindow | undefined> {
    const [row] = await this.db.query<{ window_start: string | number; count: number }>(
      'SELECT window_start, count FROM rate_limit_windows WHERE bucket = $1 AND client = $2 AND window_start > $3::bigint',
      [bucket, client, now - windowMs],
    );
    return row ? { start: Number(row.window_start), count: row.count } : undefined;
  }
}
