import type { Hono } from 'hono';
import { DirectoryStatus, type SourceStatus } from '../../src/contract/directory-status.ts';
import type { Queryable } from '../db/database.ts';
import { servicesBySource } from '../db/directory.ts';
import { loadSyncs } from '../db/directory-sources.ts';
import { redact, sourceKey } from '../mirror/origin.ts';
import type { RouteSpec } from '../openapi.ts';

export const directoryStatusRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/directory/status',
    summary: "How each council feed in ORUK_SOURCES was last mirrored",
    description:
      'For each feed: when it last synced and when it last read everything, what that sync read, wrote, removed and rejected (with reasons) and what went wrong, and how many of its services the directory holds now. A feed\'s query (an API key) is blanked. Empty `sources` when nothing is mirrored.',
    tag: 'Directory',
    responses: { 200: { description: 'Each feed, in the order configured', schema: DirectoryStatus } },
  },
];

/** What the mirror was told to do: the status lists these feeds, synced or not. */
export interface MirrorSettings {
  sources: readonly string[];
  syncMinutes: number;
}

/** `GET /api/v1/directory/status`, read from the database, so it answers for a mirror in any process. */
export function mountDirectoryStatus(app: Hono, db: Queryable, settings: MirrorSettings): void {
  app.get('/api/v1/directory/status', async (c) => {
    const [syncs, counts] = await Promise.all([loadSyncs(db), servicesBySource(db)]);
    const sources = settings.sources.map((url): SourceStatus => {
      const key = sourceKey(url);
      const sync = syncs.get(key);
      const shown = redact(url, url);
      if (!sync) {
        return { url: shown, state: 'pending', services: counts.get(key) ?? 0, read: 0, inserted: 0, updated: 0, unchanged: 0, removed: 0, kept: 0, rejected: 0, reasons: [], errors: [] };
      }
      return {
        url: shown,
        state: sync.state,
        ...(sync.version ? { version: sync.version } : {}),
        lastAttemptAt: sync.attemptedAt.toISOString(),
        ...(sync.lastSuccessAt ? { lastSuccessAt: sync.lastSuccessAt.toISOString() } : {}),
        services: counts.get(key) ?? 0,
        read: sync.read,
        inserted: sync.inserted,
        updated: sync.updated,
        unchanged: sync.unchanged,
        removed: sync.removed,
        kept: sync.kept,
        rejected: sync.rejected,
        reasons: sync.reasons,
        errors: sync.errors.map((error) => redact(error, url)),
      };
    });
    return c.json(DirectoryStatus.parse({ syncMinutes: settings.syncMinutes, sources }));
  });
}
