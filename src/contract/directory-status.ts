import * as z from 'zod/mini';
import { Rejection } from './directory.ts';

const Timestamp = z.iso.datetime({ offset: true });
const Count = z.int().check(z.gte(0));

/**
 * How one council feed named in `ORUK_SOURCES` was last mirrored. Counts
 * are of the last sync; `services` is how many of the feed's services the
 * directory holds now (kept from earlier syncs when the last one failed).
 */
export const SourceStatus = z.object({
  /** The feed's base URL, its query (an API key, say) blanked. */
  url: z.string(),
  /** `pending`: not synced yet since it was configured. `ok`: every page and record read. `incomplete`: some read, the rest kept from before. `failed`: nothing read, the last good mirror kept. */
  state: z.enum(['pending', 'ok', 'incomplete', 'failed']),
  version: z.optional(z.enum(['1.0', '3.0'])),
  lastAttemptAt: z.optional(Timestamp),
  /** The last sync that read everything. */
  lastSuccessAt: z.optional(Timestamp),
  services: Count,
  read: Count,
  inserted: Count,
  /** Changed since the sync before. */
  updated: Count,
  /** Read again exactly as stored. */
  unchanged: Count,
  /** Withdrawn from the feed since the sync before (only a complete sync removes anything). */
  removed: Count,
  /** Not read in full this time (a failed page or record), so the earlier copy was kept. */
  kept: Count,
  rejected: Count,
  reasons: z.array(Rejection),
  errors: z.array(z.string()),
});
export type SourceStatus = z.infer<typeof SourceStatus>;

/** Response of `GET /api/v1/directory/status`. */
export const DirectoryStatus = z.object({
  /** Minutes between syncs (`ORUK_SYNC_MINUTES`). */
  syncMinutes: z.int().check(z.gte(1)),
  sources: z.array(SourceStatus),
});
export type DirectoryStatus = z.infer<typeof DirectoryStatus>;
