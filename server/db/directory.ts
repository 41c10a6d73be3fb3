import { Hub, Organization, Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import { isDeepStrictEqual } from 'node:util';
import type { Database, Queryable } from './database.ts';

export interface Directory {
  version: number;
  services: Service[];
  organizations: Organization[];
  taxonomyTerms: TaxonomyTerm[];
  hubs: Hub[];
}

export interface UpsertReport {
  inserted: number;
  updated: number;
}

async function bump(tx: Queryable): Promise<void> {
  await tx.query('UPDATE directory_version SET version = version + 1');
}

async function upsertOrganization(tx: Queryable, organization: Organization): Promise<void> {
  await tx.query(
    `INSERT INTO organizations (id, name, doc) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, doc = EXCLUDED.doc, updated_at = now()`,
    [organization.id, organization.name, JSON.stringify(organization)],
  );
}

async function upsertTerm(tx: Queryable, term: TaxonomyTerm): Promise<void> {
  await tx.query(
    `INSERT INTO taxonomy_terms (id, taxonomy, name, doc) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET taxonomy = EXCLUDED.taxonomy, name = EXCLUDED.name, doc = EXCLUDED.doc`,
    [term.id, term.taxonomy ?? null, term.name, JSON.stringify(term)],
  );
}

/** Writes `services` inside `tx`; `originIds` gives a mirrored service's id as its feed knows it. */
async function writeServices(tx: Queryable, services: readonly Service[], source: string, originIds?: ReadonlyMap<string, string>): Promise<UpsertReport> {
  let inserted = 0;
  let updated = 0;
  for (const service of services) {
    if (service.organization) await upsertOrganization(tx, service.organization);
    for (const term of service.taxonomyTerms) await upsertTerm(tx, term);
    const [row] = await tx.query<{ inserted: boolean }>(
      `INSERT INTO services (id, name, status, organization_id, source, origin_id, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
         organization_id = EXCLUDED.organization_id, source = EXCLUDED.source, origin_id = EXCLUDED.origin_id, doc = EXCLUDED.doc, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [service.id, service.name, service.status, service.organization?.id ?? null, source, originIds?.get(service.id) ?? null, JSON.stringify(service)],
    );
    if (row?.inserted) inserted++;
    else updated++;
    await tx.query('DELETE FROM service_taxonomy_terms WHERE service_id = $1', [service.id]);
    for (const term of service.taxonomyTerms) {
      await tx.query('INSERT INTO service_taxonomy_terms (service_id, term_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        service.id,
        term.id,
      ]);
    }
  }
  return { inserted, updated };
}

/**
 * Inserts or replaces services by id, with their organisations and
 * taxonomy terms, in one transaction. Idempotent: the same feed twice gives
 * the same rows, reported as updates the second time.
 */
export async function upsertServices(db: Database, services: readonly Service[], source: string): Promise<UpsertReport> {
  return db.transaction(async (tx) => {
    const report = await writeServices(tx, services, source);
    await bump(tx);
    return report;
  });
}

/** What one sync of a mirrored feed changed. */
export interface MirrorReport extends UpsertReport {
  removed: number;
  /** Read again exactly as stored: not written. */
  unchanged: number;
  /** Stored from an earlier sync and not read this time (an incomplete read): left as they were. */
  kept: number;
}

/**
 * One sync of the feed at `source`, in one transaction: its services
 * upserted by id (each with its id in the feed, from `originIds`), and, only
 * when `complete` (every page and record was read), the services it no
 * longer lists removed. An incomplete read removes nothing, so a failing
 * feed keeps its last good mirror.
 */
export async function mirrorServices(
  db: Database,
  source: string,
  services: readonly Service[],
  originIds: ReadonlyMap<string, string>,
  complete: boolean,
): Promise<MirrorReport> {
  return db.transaction(async (tx) => {
    const stored = await tx.query<{ id: string; doc: unknown; origin_id: string | null }>('SELECT id, doc, origin_id FROM services WHERE source = $1', [source]);
    const before = new Map(stored.map((row) => [row.id, row]));
    // An hourly sync mostly reads what it read before: only what changed is written.
    const changed = services.filter((service) => {
      const row = before.get(service.id);
      return !row || row.origin_id !== (originIds.get(service.id) ?? null) || !isDeepStrictEqual(row.doc, JSON.parse(JSON.stringify(service)));
    });
    const report = await writeServices(tx, changed, source, originIds);
    let removed = 0;
    let kept = 0;
    const listed = new Set(services.map((service) => service.id));
    for (const { id } of stored) {
      if (listed.has(id)) continue;
      if (!complete) {
        kept++;
        continue;
      }
      await tx.query('DELETE FROM services WHERE id = $1', [id]);
      removed++;
    }
    if (changed.length || removed) await bump(tx);
    return { ...report, unchanged: services.length - changed.length, removed, kept };
  });
}

/** How many services the directory holds from each source, by source. */
export async function servicesBySource(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ source: string; n: string | number }>('SELECT source, count(*) AS n FROM services GROUP BY source');
  return new Map(rows.map((row) => [row.source, Number(row.n)]));
}

/** Taxonomy terms that no service uses yet (whole vocabularies from the seed). */
export async function upsertTaxonomyTerms(db: Database, terms: readonly TaxonomyTerm[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const term of terms) await upsertTerm(tx, term);
    await bump(tx);
  });
}

export async function upsertHubs(db: Database, hubs: readonly Hub[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const hub of hubs) {
      await tx.query(
        `INSERT INTO hubs (id, name, lat, lng, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lng = EXCLUDED.lng, doc = EXCLUDED.doc`,
        [hub.id, hub.name, hub.coordinates.lat, hub.coordinates.lng, JSON.stringify(hub)],
      );
    }
    await bump(tx);
  });
}

export interface PlaceRow {
  key: string;
  kind: 'postcode' | 'outcode' | 'place';
  label: string;
  lat: number;
  lng: number;
}

export async function upsertPlaces(db: Database, places: readonly PlaceRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const place of places) {
      await tx.query(
        `INSERT INTO places (key, kind, label, lat, lng) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, label = EXCLUDED.label, lat = EXCLUDED.lat, lng = EXCLUDED.lng`,
        [place.key, place.kind, place.label, place.lat, place.lng],
      );
    }
  });
}

export async function findPlace(db: Queryable, key: string): Promise<PlaceRow | undefined> {
  const [row] = await db.query<PlaceRow & Record<string, unknown>>('SELECT key, kind, label, lat, lng FROM places WHERE key = $1', [key]);
  return row ? { ...row, lat: Number(row.lat), lng: Number(row.lng) } : undefined;
}

export async function directoryVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: string | number }>('SELECT version FROM directory_version');
  return Number(row?.version ?? 0);
}

export async function isDirectoryEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: string | number }>('SELECT (SELECT count(*) FROM services) + (SELECT count(*) FROM hubs) AS n');
  return Number(row?.n ?? 0) === 0;
}

/**
 * Everything, parsed back through the contract: a row that no longer
 * validates (say, written by an older version) is skipped and reported,
 * not served.
 */
export async function loadDirectory(db: Queryable): Promise<Directory & { skipped: number }> {
  const version = await directoryVersion(db);
  let skipped = 0;
  const parseAll = <T>(rows: Array<{ doc: unknown }>, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) =>
    rows.flatMap((row) => {
      const parsed = schema.safeParse(row.doc);
      if (parsed.success) return [parsed.data];
      skipped++;
      return [];
    });
  const services = parseAll(await db.query<{ doc: unknown }>('SELECT doc FROM services ORDER BY name, id'), Service);
  const organizations = parseAll(await db.query<{ doc: unknown }>('SELECT doc FROM organizations ORDER BY name, id'), Organization);
  const taxonomyTerms = parseAll(await db.query<{ doc: unknown }>('SELECT doc FROM taxonomy_terms ORDER BY taxonomy, name, id'), TaxonomyTerm);
  const hubs = parseAll(await db.query<{ doc: unknown }>('SELECT doc FROM hubs ORDER BY name, id'), Hub);
  return { version, services, organizations, taxonomyTerms, hubs, skipped };
}
