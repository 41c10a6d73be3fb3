import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SERVER_ROOT } from '../paths.ts';

export type Row = Record<string, unknown>;

/** The advisory lock migrations (and schema creation) are taken under on PostgreSQL. */
const MIGRATION_LOCK = 727274;

/** What the queries need from a connection; the same SQL runs on PGlite and PostgreSQL. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`: use PostgreSQL. Otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` (or omitted) keeps it in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to work in (tests use a throwaway one). */
  schema?: string | undefined;
  /** Most PostgreSQL connections this process holds (`DATABASE_POOL_MAX`); 10 when omitted. */
  poolMax?: number | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema, options.poolMax ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(inMemory ? undefined : dataDir);
  await db.waitReady;
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

async function openPostgres(connectionString: string, schema: string | undefined, poolMax: number): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: poolMax,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection lost (PostgreSQL restarted, a failover, a connection killed) is an
  // 'error' event on the pool: without a listener it would end the process. The pool
  // drops that connection and opens a new one when next needed.
  pool.on('error', (error: Error & { code?: string }) => console.warn(`database: an idle connection was lost (${error.code ?? error.name}); a new one is opened when needed`));
  if (schema) {
    // Under the migration lock: two processes creating one schema at once would otherwise race.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost while checked out is an 'error' event on it (not on the pool): the
      // query under way fails, and this listener keeps the event from ending the process.
      const lost = (error: Error & { code?: string }) => console.warn(`database: a connection in use was lost (${error.code ?? error.name})`);
      client.on('error', lost);
      // A connection that cannot even roll back is broken: it is closed, not given back to the pool.
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.off('error', lost);
        client.release(broken);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

const MIGRATIONS_DIR = join(SERVER_ROOT, 'db', 'migrations');


/**
 * Applies every `NNN_name.sql` in `server/db/migrations` not yet recorded in
 * `schema_migrations`, in name order, each in its own transaction. Returns
 * the names applied.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.transaction(async (tx) => {
    // Instances starting together on one PostgreSQL take turns, from the first statement on.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const files = readdirSync(dir).filter((file) => /^\d+_[\w-]+\.sql$/.test(file)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const sql = readFileSync(join(dir, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      // Serialise concurrent starts against one PostgreSQL database.
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [file]);
      if (existing.length) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/** Splits a plain migration script on `;` at line ends (no procedural bodies in our migrations). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

/** PostgreSQL codes of a database that is not there for now: connection exceptions (class 08), shutting down or starting up, too many connections. */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * Whether `error` means the database cannot be reached just now (restarting,
 * failing over, its connections cut) rather than that the request is wrong:
 * such a request is answered 503 with Retry-After, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && /^Connection terminated|^Client has encountered a connection error|timeout exceeded when trying to connect/.test(message);
}
