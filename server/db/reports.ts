import type { NextStep } from '../../src/contract/questionnaire.ts';
import type { Queryable } from './database.ts';

/**
 * The impact report's raw figures, every one aggregated in SQL: conversation
 * counts from the daily counts in `visit_days`, the per-person figures from
 * the partial indexes of referenced visits, bookings by session start,
 * submissions and feedback by created_at. Raw: nothing here may leave the
 * server before `publishReport` has suppressed it.
 */
export interface ReportFigures {
  visits: {
    total: number;
    community: number;
    formal: number;
    other: number;
    connected: number;
    invitedBack: number;
  };
  /** Conversations with each outcome. */
  outcomes: Map<string, number>;
  /** Per hub that had a conversation in the range, by hub name then id. */
  byHub: Array<{ id: string; name: string; community: number; formal: number; other: number }>;
  /** Conversations per London week (Monday, `YYYY-MM-DD`) per hub. */
  weekly: Array<{ week: string; hubId: string; n: number }>;
  /** People linked by reference whose first conversation after a self-assessment or booking fell in the range. */
  firstConversation: { n: number; medianDays: number | null };
  bookings: { made: number; attended: number; missed: number };
  selfAssessments: { sent: number; nextSteps: Map<NextStep | 'unknown', number> };
  feedback: { n: number; helpfulSum: number; easeSum: number };
  /** People with two or more scored conversations in the range: how many, and the sum of (latest mean − first mean). */
  distance: { people: number; changeSum: number };
  /** Per London month (`YYYY-MM-01`) with any: scored conversations (how many, from how many people, sum of their means) and feedback (how many, sum of "how helpful"). */
  monthly: Array<{ month: string; scored: number; people: number; wellbeingSum: number; feedback: number; helpfulSum: number }>;
}

export interface ReportRange {
  /** London dates, both included. */
  from: string;
  to: string;
  /** The instants they run between: the start of `from` (included) to the end of `to` (excluded). */
  start: Date;
  end: Date;
  hub?: string | undefined;
  /** Only conversations with this outcome (visit figures only). */
  outcome?: string | undefined;
}

const n = (value: unknown) => Number(value ?? 0);

/*
 * With an outcome chosen, the conversations counted are those with that outcome: the daily
 * counts cannot say which visits had it, so the same counts are made from those visits (the
 * keys as visits.ts dayKeys writes them). Bookings, self-assessments and feedback are not
 * conversations and are not filtered by outcome.
 */
const DAYS_WITH_OUTCOME = `(SELECT (occurred_at AT TIME ZONE 'Europe/London')::date AS day, hub_id, key, count(*) AS n
  FROM visits, unnest(ARRAY['#total', '#' || resolution] || outcomes
    || CASE WHEN outcomes && ARRAY['community-activity', 'peer-support'] THEN ARRAY['#connected'] ELSE ARRAY[]::text[] END) AS key
  WHERE $4 = ANY(outcomes) GROUP BY 1, 2, 3) AS visit_days`;

export async function reportFigures(db: Queryable, range: ReportRange): Promise<ReportFigures> {
  const outcome = range.outcome;
  const params = [range.start.toISOString(), range.end.toISOString(), range.hub ?? null];
  const inRangeOnly = `occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz AND ($3::text IS NULL OR hub_id = $3)`;
  // Conversations with the chosen outcome only; $4 is given only to queries that use it.
  const inRange = outcome ? `${inRangeOnly} AND $4 = ANY(outcomes)` : inRangeOnly;
  const visitParams = outcome ? [...params, outcome] : params;

  // Conversation counts come from the daily counts (see migration 005), not from every visit.
  const days = outcome ? [range.from, range.to, range.hub ?? null, outcome] : [range.from, range.to, range.hub ?? null];
  const inDays = `day >= $1::date AND day <= $2::date AND ($3::text IS NULL OR hub_id = $3)`;
  const visitDays = outcome ? DAYS_WITH_OUTCOME : 'visit_days';
  const keyRows = await db.query<{ key: string; n: unknown }>(`SELECT key, sum(n) AS n FROM ${visitDays} WHERE ${inDays} GROUP BY key`, days);
  const keys = new Map(keyRows.map((row) => [row.key, n(row.n)]));
  const hubRows = await db.query<{ id: string; name: string | null; community: unknown; formal: unknown; other: unknown }>(
    `SELECT v.hub_id AS id, h.name, v.community, v.formal, v.other FROM (
       SELECT hub_id,
         coalesce(sum(n) FILTER (WHERE key = '#community'), 0) AS community,
         coalesce(sum(n) FILTER (WHERE key = '#formal'), 0) AS formal,
         coalesce(sum(n) FILTER (WHERE key = '#other'), 0) AS other
       FROM ${visitDays} WHERE ${inDays} AND key IN ('#community', '#formal', '#other') GROUP BY hub_id HAVING sum(n) > 0) v
     LEFT JOIN hubs h ON h.id = v.hub_id
     ORDER BY h.name NULLS LAST, v.hub_id`,
    days,
  );
  const weekRows = await db.query<{ week: string; hub_id: string; n: unknown }>(
    `SELECT to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD') AS week, hub_id, sum(n) AS n
     FROM ${visitDays} WHERE ${inDays} AND key = '#total' GROUP BY 1, 2`,
    days,
  );
  // The first conversation after each self-assessment or booking is marked when visits are written.
  const [first] = await db.query<{ n: unknown; median: number | null }>(
    `SELECT count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY first_after_days) AS median
     FROM visits WHERE ${inRange} AND first_after_days IS NOT NULL`,
    visitParams,
  );
  const [bookings] = await db.query(
    `SELECT count(*) AS made,
       count(*) FILTER (WHERE b.attendance = 'attended') AS attended,
       count(*) FILTER (WHERE b.attendance = 'missed') AS missed
     FROM bookings b JOIN session_slots s ON s.session_id = b.session_id
     WHERE b.cancelled_at IS NULL AND s.starts_at >= $1::timestamptz AND s.starts_at < $2::timestamptz AND ($3::text IS NULL OR s.hub_id = $3)`,
    params,
  );
  // Self-assessments are not sent to a hub, so the hub filter does not apply to them.
  const stepRows = await db.query<{ step: string | null; n: unknown }>(
    `SELECT next_step AS step, count(*) AS n FROM submissions WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz GROUP BY next_step`,
    params.slice(0, 2),
  );
  const [feedback] = await db.query(
    `SELECT count(*) AS n, coalesce(sum(helpful), 0) AS helpful, coalesce(sum(ease), 0) AS ease FROM feedback
     WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz AND ($3::text IS NULL OR hub = $3)`,
    params,
  );
  const [distance] = await db.query(
    `SELECT count(*) AS people, coalesce(sum(last_mean - first_mean), 0) AS change FROM (
       SELECT (array_agg(wellbeing_mean ORDER BY occurred_at, seq))[1] AS first_mean,
              (array_agg(wellbeing_mean ORDER BY occurred_at DESC, seq DESC))[1] AS last_mean
       FROM visits WHERE ${inRange} AND person_ref IS NOT NULL AND wellbeing_mean IS NOT NULL
       GROUP BY person_ref HAVING count(*) >= 2) people`,
    visitParams,
  );

  // People, not conversations, decide whether a month's mean may be published: one person seen
  // often must not make a month look like a group. A conversation with no reference counts as its own person.
  const monthRows = await db.query<{ month: string; scored: unknown; people: unknown; wellbeing: unknown; feedback: unknown; helpful: unknown }>(
    `SELECT month, sum(scored) AS scored, sum(people) AS people, sum(wellbeing) AS wellbeing, sum(feedback) AS feedback, sum(helpful) AS helpful FROM (
       SELECT to_char(date_trunc('month', occurred_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS month,
              count(*) AS scored, count(DISTINCT coalesce(person_ref, id::text)) AS people, sum(wellbeing_mean) AS wellbeing, 0 AS feedback, 0 AS helpful
       FROM visits WHERE ${inRange} AND wellbeing_mean IS NOT NULL GROUP BY 1
       UNION ALL
       SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD'), 0, 0, 0, count(*), coalesce(sum(helpful), 0)
       FROM feedback WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz AND ($3::text IS NULL OR hub = $3) GROUP BY 1) m
     GROUP BY month ORDER BY month`,
    visitParams,
  );

  const nextSteps = new Map<NextStep | 'unknown', number>();
  for (const row of stepRows) nextSteps.set((row.step ?? 'unknown') as NextStep | 'unknown', n(row.n));
  return {
    visits: {
      total: keys.get('#total') ?? 0,
      community: keys.get('#community') ?? 0,
      formal: keys.get('#formal') ?? 0,
      other: keys.get('#other') ?? 0,
      connected: keys.get('#connected') ?? 0,
      invitedBack: keys.get('invited-back') ?? 0,
    },
    outcomes: new Map([...keys].filter(([key]) => !key.startsWith('#'))),
    byHub: hubRows.map((row) => ({ id: row.id, name: row.name ?? row.id, community: n(row.community), formal: n(row.formal), other: n(row.other) })),
    weekly: weekRows.map((row) => ({ week: row.week, hubId: row.hub_id, n: n(row.n) })),
    firstConversation: { n: n(first?.n), medianDays: first?.median === null || first?.median === undefined ? null : Number(first.median) },
    bookings: { made: n(bookings?.made), attended: n(bookings?.attended), missed: n(bookings?.missed) },
    selfAssessments: { sent: [...nextSteps.values()].reduce((a, b) => a + b, 0), nextSteps },
    feedback: { n: n(feedback?.n), helpfulSum: n(feedback?.helpful), easeSum: n(feedback?.ease) },
    distance: { people: n(distance?.people), changeSum: n(distance?.change) },
    monthly: monthRows.map((row) => ({ month: row.month, scored: n(row.scored), people: n(row.people), wellbeingSum: n(row.wellbeing), feedback: n(row.feedback), helpfulSum: n(row.helpful) })),
  };
}
