import type { Hono } from 'hono';
import { NextStep } from '../../src/contract/questionnaire.ts';
import { Report, ReportQuery, VisitOutcome, type AscofObjective, type ReportMeasure } from '../../src/contract/staff.ts';
import {
  DEFAULT_THRESHOLD,
  publishAverage,
  publishCount,
  publishShare,
  publishStatistic,
  ROUNDING_BASE,
  suppressLine,
  suppressTable,
  type PublishedAverage,
  type PublishedCount,
  type PublishedTable,
} from '../../src/core/disclosure.ts';
import { londonInstant, londonParts } from '../../src/core/schedule.ts';
import { VISIT_OUTCOMES } from '../../src/core/visits.ts';
import type { Database } from '../db/database.ts';
import { reportFigures, type ReportFigures } from '../db/reports.ts';
import { toCsv } from '../http/csv.ts';
import { readQuery } from '../http/input.ts';
import { HttpProblem } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';

const SUPPRESSION =
  'Counts of 7 or fewer are given as `small` ("7 or fewer"), other counts are rounded to the nearest 5, further counts are `withheld` where a small one could otherwise be worked out from totals, and averages of 7 or fewer people are withheld.';

export const staffReportRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/staff/reports',
    summary: 'The impact report for a date range, hub and outcome',
    description: `London dates, both included; the 12 months to today when omitted. ${SUPPRESSION} Self-assessments are counted for every hub (they are not sent to one). With an outcome, the conversation figures count only conversations with that outcome; bookings, self-assessments and feedback are not narrowed by it.`,
    tag: 'Staff',
    staff: true,
    query: ReportQuery,
    responses: { 200: { description: 'The report, suppressed', schema: Report } },
    problems: { 422: '`validation-failed`: a date is not a real date, or `from` is after `to`' },
  },
  {
    method: 'get',
    path: '/api/v1/staff/reports.csv',
    summary: 'The impact report as CSV',
    description: `The same figures as the JSON report, suppressed the same way: one line per figure (measure, ASCOF objective, group, value). UTF-8 with a byte order mark; cells that a spreadsheet would run as a formula start with an apostrophe. ${SUPPRESSION}`,
    tag: 'Staff',
    staff: true,
    query: ReportQuery,
    produces: 'text/csv',
    responses: { 200: { description: 'CSV, suppressed' } },
    problems: { 422: '`validation-failed`: a date is not a real date, or `from` is after `to`' },
  },
];

/** The measures under each ASCOF 2023 objective they map to. The rest (formal services, bookings, feedback count) map to none. */
export const OBJECTIVES: ReadonlyArray<{ objective: AscofObjective; measures: ReportMeasure[] }> = [
  {
    objective: 'information-and-advice',
    measures: ['conversations', 'resolved-in-community', 'days-to-first-conversation', 'self-assessments-sent', 'feedback-ease'],
  },
  { objective: 'social-connections', measures: ['connected-to-community', 'invited-back'] },
  { objective: 'quality-of-life', measures: ['distance-travelled', 'feedback-helpful'] },
];

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
const nextMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
};
const realDate = (date: string) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

const dateProblem = (path: string, message: string) => new HttpProblem(422, 'validation-failed', 'The request query is not valid', undefined, [{ path, code: 'invalid', message }]);

/** The London dates a query asks for, checked; the 12 months to today by default. */
export function reportDates(query: ReportQuery, now: Date): { from: string; to: string } {
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !realDate(value)) throw dateProblem(key, `${value} is not a date.`);
  }
  const to = query.to ?? londonParts(now).date;
  const from = query.from ?? addDays(to, -364);
  if (from > to) throw dateProblem('from', 'from must not be after to.');
  return { from, to };
}

/**
 * Two tables that share margins suppressed until neither hides more: the
 * hub × side-of-the-shift table and the week × hub table share the hub
 * totals and the grand total.
 */
function suppressShared(byHub: number[][], weekly: number[][], threshold: number): { byHub: PublishedTable; weekly: PublishedTable } {
  let hubHidden: boolean[] = byHub.map(() => false);
  let totalHidden = false;
  for (;;) {
    const a = suppressTable(byHub, { threshold, withhold: { rowTotals: hubHidden, total: totalHidden } });
    const b = suppressTable(weekly, { threshold, withhold: { columnTotals: a.rowTotals.map((count) => count.kind === 'withheld'), total: a.total.kind === 'withheld' } });
    const nextHubs = b.columnTotals.map((count, i) => count.kind === 'withheld' || a.rowTotals[i]?.kind === 'withheld');
    const nextTotal = b.total.kind === 'withheld' || a.total.kind === 'withheld';
    if (nextHubs.every((hidden, i) => hidden === hubHidden[i]) && nextTotal === totalHidden && a.rowTotals.every((count, i) => (count.kind === 'withheld') === nextHubs[i])) {
      return { byHub: a, weekly: b };
    }
    hubHidden = nextHubs;
    totalHidden = nextTotal;
  }
}

/** Suppresses the raw figures into the report; nothing raw survives this. */
export function publishReport(figures: ReportFigures, dates: { from: string; to: string; hub?: string | undefined; outcome?: VisitOutcome | undefined }, generatedAt: Date, threshold = DEFAULT_THRESHOLD): Report {
  const options = { threshold };
  const hubs = figures.byHub.map(({ id, name }) => ({ id, name }));
  const weeks: string[] = [];
  for (let week = mondayOf(dates.from); week <= dates.to; week = addDays(week, 7)) weeks.push(week);
  const weekIndex = new Map(weeks.map((week, i) => [week, i]));
  const hubIndex = new Map(hubs.map((hub, i) => [hub.id, i]));
  const weekly = weeks.map(() => hubs.map(() => 0));
  for (const row of figures.weekly) {
    const r = weekIndex.get(row.week);
    const c = hubIndex.get(row.hubId);
    if (r !== undefined && c !== undefined) (weekly[r] as number[])[c] = row.n;
  }
  const tables = suppressShared(
    figures.byHub.map((hub) => [hub.community, hub.formal, hub.other]),
    weekly,
    threshold,
  );
  const [community, formal, other] = tables.byHub.columnTotals as [PublishedCount, PublishedCount, PublishedCount];
  // With no hub, the table is empty; its total still says how many conversations there were.
  const conversations = hubs.length ? tables.byHub.total : publishCount(figures.visits.total, options);
  const steps = [...NextStep.options, 'unknown'] as const;
  const stepLine = suppressLine(
    steps.map((step) => figures.selfAssessments.nextSteps.get(step) ?? 0),
    options,
  );
  const byStep = new Map(steps.map((step, i) => [step, stepLine.cells[i] as PublishedCount]));
  const average = (sum: number, n: number): PublishedAverage => publishAverage(sum, n, options);
  const months: string[] = [];
  for (let month = `${dates.from.slice(0, 7)}-01`; month <= dates.to; month = nextMonth(month)) months.push(month);
  const byMonth = new Map(figures.monthly.map((row) => [row.month, row]));
  return Report.parse({
    from: dates.from,
    to: dates.to,
    ...(dates.hub ? { hub: dates.hub } : {}),
    ...(dates.outcome ? { outcome: dates.outcome } : {}),
    threshold,
    roundingBase: ROUNDING_BASE,
    conversations,
    resolution: {
      community: hubs.length ? community : publishCount(figures.visits.community, options),
      formal: hubs.length ? formal : publishCount(figures.visits.formal, options),
      other: hubs.length ? other : publishCount(figures.visits.other, options),
      ...optional('communityShare', publishShare(community ?? { kind: 'small' }, conversations)),
      ...optional('formalShare', publishShare(formal ?? { kind: 'small' }, conversations)),
    },
    connectedToCommunity: publishCount(figures.visits.connected, options),
    invitedBack: publishCount(figures.visits.invitedBack, options),
    daysToFirstConversation: publishStatistic(figures.firstConversation.medianDays, figures.firstConversation.n, options),
    bookings: {
      made: publishCount(figures.bookings.made, options),
      attended: publishCount(figures.bookings.attended, options),
      missed: publishCount(figures.bookings.missed, options),
    },
    selfAssessments: {
      sent: stepLine.total,
      nextSteps: NextStep.options.map((step) => ({ step, count: byStep.get(step) })),
    },
    feedback: {
      count: publishCount(figures.feedback.n, options),
      helpful: average(figures.feedback.helpfulSum, figures.feedback.n),
      ease: average(figures.feedback.easeSum, figures.feedback.n),
    },
    distanceTravelled: {
      people: publishCount(figures.distance.people, options),
      change: average(figures.distance.changeSum, figures.distance.people),
    },
    outcomes: VISIT_OUTCOMES.map((outcome) => ({ outcome: VisitOutcome.parse(outcome), count: publishCount(figures.outcomes.get(outcome) ?? 0, options) })),
    byHub: { hubs, table: tables.byHub },
    weekly: { weeks, table: tables.weekly },
    scores: {
      months,
      wellbeing: months.map((month) => {
        const row = byMonth.get(month);
        return publishStatistic(row && row.scored ? row.wellbeingSum / row.scored : undefined, row?.people ?? 0, options);
      }),
      helpful: months.map((month) => average(byMonth.get(month)?.helpfulSum ?? 0, byMonth.get(month)?.feedback ?? 0)),
    },
    objectives: OBJECTIVES,
    generatedAt: generatedAt.toISOString(),
  });
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

/** How a published figure reads in the CSV: a number, "7 or fewer" or "withheld". */
function csvValue(figure: PublishedCount | PublishedAverage, threshold: number): string | number {
  if (figure.kind === 'count' || figure.kind === 'average') return figure.value;
  return figure.kind === 'small' ? `${threshold} or fewer` : 'withheld';
}

/** The report as CSV lines, from the published report only, so it is suppressed exactly as the JSON is. */
export function reportCsv(report: Report): string {
  const objectiveOf = new Map<string, string>(report.objectives.flatMap(({ objective, measures }) => measures.map((measure) => [measure, objective] as [string, string])));
  const rows: Array<Array<string | number>> = [];
  const line = (measure: string, group: string, figure: PublishedCount | PublishedAverage) => rows.push([measure, objectiveOf.get(measure) ?? '', group, csvValue(figure, report.threshold)]);
  line('conversations', '', report.conversations);
  line('resolved-in-community', '', report.resolution.community);
  line('onward-to-formal-services', '', report.resolution.formal);
  line('resolved-other', '', report.resolution.other);
  line('connected-to-community', '', report.connectedToCommunity);
  line('invited-back', '', report.invitedBack);
  line('days-to-first-conversation', 'median', report.daysToFirstConversation);
  line('bookings-made', '', report.bookings.made);
  line('bookings-attended', '', report.bookings.attended);
  line('bookings-missed', '', report.bookings.missed);
  line('self-assessments-sent', '', report.selfAssessments.sent);
  for (const { step, count } of report.selfAssessments.nextSteps) line('self-assessments-sent', `next step: ${step}`, count);
  line('feedback-count', '', report.feedback.count);
  line('feedback-helpful', 'average', report.feedback.helpful);
  line('feedback-ease', 'average', report.feedback.ease);
  line('distance-travelled', 'people', report.distanceTravelled.people);
  line('distance-travelled', 'average change', report.distanceTravelled.change);
  for (const { outcome, count } of report.outcomes) line('outcome', outcome, count);
  const sides = ['community', 'formal', 'other'];
  report.byHub.hubs.forEach((hub, r) => {
    sides.forEach((side, c) => line(`conversations-${side}`, hub.name, report.byHub.table.cells[r]?.[c] as PublishedCount));
    line('conversations', hub.name, report.byHub.table.rowTotals[r] as PublishedCount);
  });
  report.weekly.weeks.forEach((week, r) => {
    report.byHub.hubs.forEach((hub, c) => line('conversations-per-week', `${week} ${hub.name}`, report.weekly.table.cells[r]?.[c] as PublishedCount));
    line('conversations-per-week', week, report.weekly.table.rowTotals[r] as PublishedCount);
  });
  report.scores.months.forEach((month, i) => {
    line('wellbeing-score', `month ${month}`, report.scores.wellbeing[i] as PublishedAverage);
    line('feedback-helpful', `month ${month}`, report.scores.helpful[i] as PublishedAverage);
  });
  const note = `Counts of ${report.threshold} or fewer are shown as "${report.threshold} or fewer"; other counts are rounded to the nearest ${report.roundingBase}; "withheld" hides a count that would give a small one away.`;
  return toCsv(['measure', 'ascof_objective', 'group', 'value'], [...rows, ['note', '', `${report.from} to ${report.to}${report.hub ? `, hub ${report.hub}` : ''}${report.outcome ? `, conversations with outcome ${report.outcome}` : ''}`, note]]);
}

export function mountStaffReports(app: Hono, db: Database, now: () => Date = () => new Date()): void {
  const load = async (query: ReportQuery) => {
    const time = now();
    const dates = reportDates(query, time);
    const figures = await reportFigures(db, { ...dates, start: londonInstant(dates.from, '00:00'), end: londonInstant(addDays(dates.to, 1), '00:00'), hub: query.hub, outcome: query.outcome });
    return publishReport(figures, { ...dates, hub: query.hub, outcome: query.outcome }, time);
  };
  app.get('/api/v1/staff/reports', async (c) => c.json(await load(readQuery(c, ReportQuery))));
  app.get('/api/v1/staff/reports.csv', async (c) => {
    const report = await load(readQuery(c, ReportQuery));
    c.header('Content-Disposition', `attachment; filename="impact-${report.from}-to-${report.to}.csv"`);
    return c.body(reportCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
