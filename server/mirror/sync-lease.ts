import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/** How long a lease lasts before another instance may take it, should its holder die mid-sync. */
const LEASE_MS = 30 * 60_000;

/**
 * The right to sync the mirror, shared by every instance on one database
 * (a row, not an advisory lock: a pooled connection may change between the
 * claim and the release, and PGlite has no advisory locks to share).
 */
export class SyncLease {
  /** Who this instance is, in the lease row. */
  readonly holder = randomUUID();

  constructor(private readonly db: Queryable) {}

  /**
   * Takes the lease if no one holds it and, when `freshForMs` is given, no
   * instance finished a sync less than that long ago. True if taken.
   */
  async claim(freshForMs = 0): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO directory_sync_lease (name, holder, held_until)
       VALUES ('mirror', $1, now() + make_interval(secs => $2))
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, held_until = EXCLUDED.held_until
       WHERE (directory_sync_lease.held_until < now() OR directory_sync_lease.holder = EXCLUDED.holder)
         AND ($3 = 0 OR directory_sync_lease.finished_at IS NULL OR directory_sync_lease.finished_at < now() - make_interval(secs => $3))
       RETURNING holder`,
      [this.holder, LEASE_MS / 1000, freshForMs / 1000],
    );
    return rows.length === 1;
  }

  /** Gives the lease back, noting that a sync finished now. */
  async release(): Promise<void> {
    await this.db.query(`UPDATE directory_sync_lease SET held_until = now(), finished_at = now() WHERE name = 'mirror' AND holder = $1`, [this.holder]);
  }
}
