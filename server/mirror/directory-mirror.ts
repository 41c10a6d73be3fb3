import type { Service } from '../../src/contract/directory.ts';
import { readFeed, type FeedOptions } from '../../src/oruk/feed.ts';
import { isListShape, withFullRecords } from '../../src/oruk/full-records.ts';
import type { Database } from '../db/database.ts';
import { mirrorServices } from '../db/directory.ts';
import { recordSync, type SourceSync } from '../db/directory-sources.ts';
import { mirroredService, redact, sourceKey } from './origin.ts';
import { SyncLease } from './sync-lease.ts';

/** How to mirror the councils' feeds. */
export interface MirrorOptions {
  /** Feed base URLs (`ORUK_SOURCES`), v1.0 or v3.0. */
  sources: readonly string[];
  /** Minutes between syncs (`ORUK_SYNC_MINUTES`). */
  everyMinutes: number;
  /** Reading options for tests (`retryDelayMs`, `timeoutMs`, `fetch`). */
  feed?: Pick<FeedOptions, 'retryDelayMs' | 'timeoutMs' | 'fetch'>;
  /** The clock (tests). */
  now?: () => Date;
}

/*
 * A mirror is read on the server, once for everyone, with the same readers
 * the wheel uses in the browser: paging (a failed page retried once), then,
 * for a feed in the official v3.0 list shape, each full record at bounded
 * concurrency. Far more pages are allowed than a browser would wait for.
 */
const READING = { maxPages: 500, maxItems: 50_000, perPage: 100 } as const;
const CONCURRENCY = 6;

/**
 * Mirrors councils' ORUK feeds into the directory on a schedule (the
 * existing import: upsert by id, rejects reported), each service's ids
 * namespaced by its feed and its origin kept (`source`, `origin_id`), so the
 * merged directory republished at `/oruk/` holds every council's services.
 * A sync that could not read everything updates what it read in full and
 * removes nothing: a failing feed keeps its last good mirror. Syncs never
 * overlap, in one process or across instances on one database: a sync runs
 * only under the database's lease, and a scheduled one is skipped when
 * another instance finished one within the interval.
 */
export class DirectoryMirror {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<SourceSync[]> | undefined;
  private readonly abort = new AbortController();
  private readonly lease: SyncLease;

  constructor(
    private readonly db: Database,
    private readonly options: MirrorOptions,
  ) {
    this.lease = new SyncLease(db);
  }

  /** Syncs now, then every `everyMinutes`; the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    const run = () => {
      // A little under the interval, so that timers that drift apart by seconds still take turns rather than skip a round.
      this.syncAll({ freshForMs: this.options.everyMinutes * 60_000 * 0.9 }).catch((error: unknown) => console.error('directory mirror: sync failed:', error instanceof Error ? error.message : error));
    };
    run();
    this.timer = setInterval(run, this.options.everyMinutes * 60_000);
    this.timer.unref();
  }

  /** Stops the schedule and abandons a sync under way (what it had written stays). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort.abort();
  }

  /**
   * Syncs every feed once, one after another; a sync already under way here
   * is joined, not repeated. Resolves to nothing synced (`[]`) when another
   * instance holds the lease or, given `freshForMs`, finished a sync that
   * recently.
   */
  syncAll({ freshForMs = 0 }: { freshForMs?: number } = {}): Promise<SourceSync[]> {
    this.running ??= (async () => {
      try {
        if (!(await this.lease.claim(freshForMs))) return [];
        try {
          const out: SourceSync[] = [];
          for (const source of this.options.sources) out.push(await this.sync(source));
          return out;
        } finally {
          await this.lease.release();
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async stored(key: string): Promise<number> {
    const [row] = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM services WHERE source = $1', [key]);
    return Number(row?.n ?? 0);
  }

  private async sync(url: string): Promise<SourceSync> {
    const key = sourceKey(url);
    const attemptedAt = this.options.now?.() ?? new Date();
    const reading = { ...this.options.feed, signal: this.abort.signal };
    const listed = await readFeed(url, { ...reading, ...READING });
    const cache = new Map<string, Service>();
    const filled = await withFullRecords(url, listed, { ...reading, cache, concurrency: CONCURRENCY });
    // A record whose full copy could not be read is the bare list item: writing it would move the service to "Other".
    const whole = isListShape(listed.services) ? filled.services.filter((service) => cache.has(service.id)) : filled.services;
    const complete = filled.complete && whole.length === filled.services.length;
    const errors = filled.errors.map((error) => redact(error, url));
    // A feed that answers with no services at all has most likely broken; its last mirror is kept.
    if (complete && whole.length === 0) errors.push('the feed listed no services; the last mirror is kept');
    const services = whole.map((service) => mirroredService(key, service));
    const originIds = new Map(whole.map((service, index) => [services[index]?.id ?? '', service.id]));
    const written =
      this.abort.signal.aborted || (complete && whole.length === 0)
        ? { inserted: 0, updated: 0, unchanged: 0, removed: 0, kept: await this.stored(key) }
        : await mirrorServices(this.db, key, services, originIds, complete);
    const sync: SourceSync = {
      url: key,
      version: listed.pagesRead > 0 ? filled.version : undefined,
      state: complete && whole.length > 0 ? 'ok' : whole.length > 0 ? 'incomplete' : 'failed',
      attemptedAt,
      read: filled.services.length,
      ...written,
      rejected: filled.rejected,
      reasons: filled.reasons,
      errors,
    };
    if (!this.abort.signal.aborted) await recordSync(this.db, sync);
    if (errors.length) console.warn(`directory mirror: ${key}: ${errors.join('; ')}`);
    return sync;
  }
}
