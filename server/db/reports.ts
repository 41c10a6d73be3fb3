import type { NextStep } from '../../src/contract/questionnaire.ts';
import type { Queryable } from './database.ts';

/**
 * The impact report's raw figures, every one aggregated in SQL over the
 * indexed columns (visits by occurred_at and hub, bookings by session start,
 * submissions and feedback by created_at). Raw: nothing here may leave the
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
}

export interface ReportRange {
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
  hub?: string | undefined;
}

const n = (value: unknown) => Number(value ?? 0);

export async function reportFigures(db: Queryable, range: ReportRange): Promise<ReportFigures> {
  const params = [range.start.toISOString(), range.end.toISOString(), range.hub ?? null];
  const inRange = `occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz AND ($3::text IS NULL OR hub_id = $3)`;

  const [totals] = await db.query(
    `SELECT count(*) AS total,
       count(*) FILTER (WHERE resolution = 'community') AS community,
       count(*) FILTER (WHERE resolution = 'formal') AS formal,
       count(*) FILTER (WHERE resolution = 'other') AS other,
       count(*) FILTER (WHERE outcomes && ARRAY['community-activity', 'peer-support']::text[]) AS connected,
       count(*) FILTER (WHERE invited_back) AS invited_back
     FROM visits WHERE ${inRange}`,
    params,
  );
  const outcomeRows = await db.query<{ outcome: string; n: unknown }>(
    `SELECT outcome, count(*) AS n FROM visits, unnest(outcomes) AS outcome WHERE ${inRange} GROUP BY outcome`,
    params,
  );
  const hubRows = await db.query<{ id: string; name: string | null; community: unknown; formal: unknown; other: unknown }>(
    `SELECT v.hub_id AS id, h.name, v.community, v.formal, v.other FROM (
       SELECT hub_id,
         count(*) FILTER (WHERE resolution = 'community') AS community,
         count(*) FILTER (WHERE resolution = 'formal') AS formal,
         count(*) FILTER (WHERE resolution = 'other') AS other
       FROM visits WHERE ${inRange} GROUP BY hub_id) v
     LEFT JOIN hubs h ON h.id = v.hub_id
     ORDER BY h.name NULLS LAST, v.hub_id`,
    params,
  );
  const weekRows = await db.query<{ week: string; hub_id: string; n: unknown }>(
    `SELECT to_char(date_trunc('week', occurred_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS week, hub_id, count(*) AS n
     FROM visits WHERE ${inRange} GROUP BY 1, 2`,
    params,
  );
  // The first conversation after each self-assessment or booking, with the same reference.
  const [first] = await db.query<{ n: unknown; median: number | null }>(
    `WITH starts AS (
       SELECT reference, created_at FROM submissions
       UNION ALL SELECT reference, created_at FROM bookings
     ), firsts AS (
       SELECT s.reference, s.created_at,
         (SELECT min(v.occurred_at) FROM visits v WHERE v.person_ref = s.reference AND v.occurred_at >= s.created_at) AS first_at
       FROM starts s
     )
     SELECT count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_at - created_at) / 86400) AS median
     FROM firsts f
     WHERE first_at >= $1::timestamptz AND first_at < $2::timestamptz
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM visits v WHERE v.person_ref = f.reference AND v.occurred_at = f.first_at AND v.hub_id = $3))`,
    params,
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
    params,
  );

  const nextSteps = new Map<NextStep | 'unknown', number>();
  for (const row of stepRows) nextSteps.set((row.step ?? 'unknown') as NextStep | 'unknown', n(row.n));
  return {
    visits: {
      total: n(totals?.total),
      community: n(totals?.community),
      formal: n(totals?.formal),
      other: n(totals?.other),
      connected: n(totals?.connected),
      invitedBack: n(totals?.invited_back),
    },
    outcomes: new Map(outcomeRows.map((row) => [row.outcome, n(row.n)])),
    byHub: hubRows.map((row) => ({ id: row.id, name: row.name ?? row.id, community: n(row.community), formal: n(row.formal), other: n(row.other) })),
    weekly: weekRows.map((row) => ({ week: row.week, hubId: row.hub_id, n: n(row.n) })),
    firstConversation: { n: n(first?.n), medianDays: first?.median === null || first?.median === undefined ? null : Number(first.median) },
    bookings: { made: n(bookings?.made), attended: n(bookings?.attended), missed: n(bookings?.missed) },
    selfAssessments: { sent: [...nextSteps.values()].reduce((a, b) => a + b, 0), nextSteps },
    feedback: { n: n(feedback?.n), helpfulSum: n(feedback?.helpful), easeSum: n(feedback?.ease) },
    distance: { people: n(distance?.people), changeSum: n(distance?.change) },
  };
}
