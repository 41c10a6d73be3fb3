import { randomUUID } from 'node:crypto';
import type { Visit, VisitFields, VisitListQuery } from '../../src/contract/staff.ts';
import { londonParts } from '../../src/core/schedule.ts';
import { editableUntil, resolutionOf } from '../../src/core/visits.ts';
import type { StaffIdentity } from '../http/staff-auth.ts';
import type { Queryable } from './database.ts';

/** The columns a visit's fields are stored in (for the audit trail's field names too). */
const COLUMNS: Record<keyof VisitFields, string> = {
  hubId: 'hub_id',
  occurredAt: 'occurred_at',
  worker: 'worker',
  heardAbout: 'heard_about',
  ageBand: 'age_band',
  outcode: 'outcode',
  whatMatters: 'what_matters',
  outcomes: 'outcomes',
  followUp: 'follow_up',
  wellbeing: 'wellbeing',
  personRef: 'person_ref',
};
const FIELDS = Object.keys(COLUMNS) as (keyof VisitFields)[];

interface VisitRow {
  id: string;
  hub_id: string;
  occurred_at: Date | string;
  worker: string;
  heard_about: string | null;
  age_band: string | null;
  outcode: string | null;
  what_matters: string | null;
  outcomes: string[];
  follow_up: Date | string | null;
  wellbeing: Record<string, number> | null;
  person_ref: string | null;
  created_at: Date | string;
  updated_at: Date | string | null;
  [key: string]: unknown;
}

const SELECT = `SELECT id, hub_id, occurred_at, worker, heard_about, age_band, outcode, what_matters, outcomes,
  to_char(follow_up, 'YYYY-MM-DD') AS follow_up, wellbeing, person_ref, created_at, updated_at FROM visits`;

const iso = (value: Date | string) => new Date(value).toISOString();

function visitOf(row: VisitRow): Visit {
  return {
    id: row.id,
    hubId: row.hub_id,
    occurredAt: iso(row.occurred_at),
    worker: row.worker,
    ...(row.heard_about ? { heardAbout: row.heard_about } : {}),
    ...(row.age_band ? { ageBand: row.age_band } : {}),
    ...(row.outcode ? { outcode: row.outcode } : {}),
    ...(row.what_matters ? { whatMatters: row.what_matters } : {}),
    outcomes: row.outcomes as Visit['outcomes'],
    ...(row.follow_up ? { followUp: String(row.follow_up) } : {}),
    ...(row.wellbeing && Object.keys(row.wellbeing).length ? { wellbeing: row.wellbeing } : {}),
    ...(row.person_ref ? { personRef: row.person_ref } : {}),
    createdAt: iso(row.created_at),
    ...(row.updated_at ? { updatedAt: iso(row.updated_at) } : {}),
    editableUntil: editableUntil(new Date(row.created_at)).toISOString(),
  };
}

/** The values of the stored columns, with what the report aggregates worked out once here. */
function columnValues(fields: VisitFields): unknown[] {
  const scores = Object.values(fields.wellbeing ?? {});
  return [
    fields.hubId,
    fields.occurredAt,
    fields.worker,
    fields.heardAbout ?? null,
    fields.ageBand ?? null,
    fields.outcode ?? null,
    fields.whatMatters ?? null,
    fields.outcomes,
    fields.followUp ?? null,
    scores.length ? JSON.stringify(fields.wellbeing) : null,
    fields.personRef ?? null,
    resolutionOf(fields.outcomes),
    fields.outcomes.includes('invited-back'),
    scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
  ];
}

/** The `visit_days` keys one visit counts under (see migration 005). */
function dayKeys(fields: Pick<VisitFields, 'outcomes'>): string[] {
  const keys = ['#total', `#${resolutionOf(fields.outcomes)}`, ...fields.outcomes];
  if (fields.outcomes.some((outcome) => outcome === 'community-activity' || outcome === 'peer-support')) keys.push('#connected');
  return keys;
}

/** Adds (`by` 1) or takes away (`by` −1) one visit from the daily counts. */
async function countDay(db: Queryable, fields: Pick<VisitFields, 'hubId' | 'occurredAt' | 'outcomes'>, by: 1 | -1): Promise<void> {
  const params = [londonParts(new Date(fields.occurredAt)).date, fields.hubId, dayKeys(fields)];
  if (by === 1) {
    await db.query(
      `INSERT INTO visit_days (day, hub_id, key, n) SELECT $1::date, $2, key, 1 FROM unnest($3::text[]) AS key
       ON CONFLICT (day, hub_id, key) DO UPDATE SET n = visit_days.n + 1`,
      params,
    );
  } else {
    await db.query('UPDATE visit_days SET n = n - 1 WHERE day = $1::date AND hub_id = $2 AND key = ANY($3::text[])', params);
  }
}

/**
 * Marks the first visit after the self-assessment or booking with this
 * reference with the days between them (and no other visit), after any
 * write that may have changed which visit that is.
 */
async function refreshFirstConversation(db: Queryable, reference: string | undefined): Promise<void> {
  if (!reference) return;
  await db.query('UPDATE visits SET first_after_days = NULL WHERE person_ref = $1 AND first_after_days IS NOT NULL', [reference]);
  await db.query(
    `WITH starts AS (
       SELECT created_at FROM submissions WHERE reference = $1 UNION ALL SELECT created_at FROM bookings WHERE reference = $1
     ), firsts AS (
       SELECT s.created_at, (SELECT v.id FROM visits v WHERE v.person_ref = $1 AND v.occurred_at >= s.created_at ORDER BY v.occurred_at, v.seq LIMIT 1) AS id
       FROM starts s
     )
     UPDATE visits v SET first_after_days = extract(epoch FROM v.occurred_at - f.created_at) / 86400 FROM firsts f WHERE v.id = f.id`,
    [reference],
  );
}

/**
 * Rebuilds `visit_days` and `first_after_days` from the visits (after a bulk load such as the seed
 * or the benchmark's, which write visits in SQL).
 */
export async function rebuildVisitSummaries(db: Queryable): Promise<void> {
  await db.query('UPDATE visits SET first_after_days = NULL WHERE first_after_days IS NOT NULL');
  await db.query(
    `UPDATE visits v SET first_after_days = extract(epoch FROM v.occurred_at - f.created_at) / 86400 FROM (
       SELECT DISTINCT ON (s.reference) v.id, s.created_at
       FROM (SELECT reference, created_at FROM submissions UNION ALL SELECT reference, created_at FROM bookings) s
       JOIN visits v ON v.person_ref = s.reference AND v.occurred_at >= s.created_at
       ORDER BY s.reference, v.occurred_at, v.seq) f
     WHERE v.id = f.id`,
  );
  await db.query('DELETE FROM visit_days');
  await db.query(
    `INSERT INTO visit_days (day, hub_id, key, n)
     SELECT day, hub_id, key, count(*) FROM (
       SELECT (occurred_at AT TIME ZONE 'Europe/London')::date AS day, hub_id,
         unnest(outcomes || ARRAY['#total', '#' || resolution]
           || CASE WHEN outcomes && ARRAY['community-activity', 'peer-support']::text[] THEN ARRAY['#connected'] ELSE ARRAY[]::text[] END) AS key
       FROM visits) keyed
     GROUP BY day, hub_id, key`,
  );
}

async function audit(db: Queryable, visitId: string, action: 'create' | 'update' | 'delete', who: StaffIdentity, fields: readonly string[]): Promise<void> {
  await db.query('INSERT INTO visit_audit (visit_id, action, token_id, role, fields) VALUES ($1, $2, $3, $4, $5)', [visitId, action, who.id, who.role, fields]);
}

export async function insertVisit(db: Queryable, fields: VisitFields, who: StaffIdentity): Promise<Visit> {
  const id = randomUUID();
  const [row] = await db.query<VisitRow>(
    `INSERT INTO visits (id, hub_id, occurred_at, worker, heard_about, age_band, outcode, what_matters, outcomes, follow_up, wellbeing, person_ref,
       resolution, invited_back, wellbeing_mean)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15)
     RETURNING id`,
    [id, ...columnValues(fields)],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  await countDay(db, fields, 1);
  await refreshFirstConversation(db, fields.personRef);
  await audit(db, id, 'create', who, FIELDS.filter((field) => fields[field] !== undefined));
  return (await findVisit(db, id)) as Visit;
}

export async function findVisit(db: Queryable, id: string): Promise<Visit | undefined> {
  const [row] = await db.query<VisitRow>(`${SELECT} WHERE id = $1`, [id]);
  return row ? visitOf(row) : undefined;
}

/** Replaces a visit's fields; the audit names the fields whose values changed. */
export async function updateVisit(db: Queryable, before: Visit, fields: VisitFields, who: StaffIdentity): Promise<Visit> {
  await db.query(
    `UPDATE visits SET hub_id = $2, occurred_at = $3, worker = $4, heard_about = $5, age_band = $6, outcode = $7, what_matters = $8, outcomes = $9,
       follow_up = $10, wellbeing = $11::jsonb, person_ref = $12, resolution = $13, invited_back = $14, wellbeing_mean = $15, updated_at = now()
     WHERE id = $1`,
    [before.id, ...columnValues(fields)],
  );
  await countDay(db, before, -1);
  await countDay(db, fields, 1);
  await refreshFirstConversation(db, before.personRef);
  if (fields.personRef !== before.personRef) await refreshFirstConversation(db, fields.personRef);
  const comparable = (value: unknown) => JSON.stringify(value ?? null);
  const changed = FIELDS.filter((field) =>
    field === 'occurredAt' ? new Date(before.occurredAt).getTime() !== new Date(fields.occurredAt).getTime() : comparable(before[field]) !== comparable(fields[field]),
  );
  await audit(db, before.id, 'update', who, changed);
  return (await findVisit(db, before.id)) as Visit;
}

export async function deleteVisit(db: Queryable, before: Visit, who: StaffIdentity): Promise<void> {
  const id = before.id;
  await db.query('DELETE FROM visits WHERE id = $1', [id]);
  await countDay(db, before, -1);
  await refreshFirstConversation(db, before.personRef);
  await audit(db, id, 'delete', who, []);
}

/** Newest first (by when the conversation happened). */
export async function listVisits(db: Queryable, query: VisitListQuery): Promise<{ total: number; items: Visit[] }> {
  const where = `WHERE ($1::text IS NULL OR hub_id = $1) AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)`;
  const params = [query.hub ?? null, query.from ?? null, query.to ?? null];
  const [count] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM visits ${where}`, params);
  const rows = await db.query<VisitRow>(`${SELECT} ${where} ORDER BY occurred_at DESC, seq DESC LIMIT $4 OFFSET $5`, [...params, query.limit, query.offset]);
  return { total: Number(count?.n ?? 0), items: rows.map(visitOf) };
}

/** The audit trail of one visit, oldest first. */
export async function visitAudit(db: Queryable, visitId: string): Promise<Array<{ action: string; tokenId: string; role: string; fields: string[]; at: string }>> {
  const rows = await db.query<{ action: string; token_id: string; role: string; fields: string[]; at: Date | string }>(
    'SELECT action, token_id, role, fields, at FROM visit_audit WHERE visit_id = $1 ORDER BY id',
    [visitId],
  );
  return rows.map((row) => ({ action: row.action, tokenId: row.token_id, role: row.role, fields: row.fields, at: iso(row.at) }));
}

/** Whether a hub with this id is in the directory. */
export async function hubExists(db: Queryable, hubId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM hubs WHERE id = $1', [hubId])).length > 0;
}

/** Whether a booking with this reference exists. */
export async function bookingExists(db: Queryable, reference: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM bookings WHERE reference = $1', [reference])).length > 0;
}
