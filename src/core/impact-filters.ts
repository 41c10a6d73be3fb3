import { VISIT_OUTCOMES, type VisitOutcomeId } from './visits.ts';

/**
 * What `<cls-impact>` is filtered by. Dates are London dates (`YYYY-MM-DD`),
 * both included; an absent one is the server's default (the 12 months to today).
 */
export interface ImpactFilters {
  from?: string;
  to?: string;
  hub?: string;
  outcome?: VisitOutcomeId;
}

/**
 * The query parameters the filters travel under in the page's URL, so a
 * view can be shared. Prefixed so they do not collide with the host page's
 * own parameters or another element's (`<cls-hub-day>` keeps a hub too).
 */
export const FILTER_PARAMS = { from: 'report-from', to: 'report-to', hub: 'report-hub', outcome: 'report-outcome' } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HUB = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** True for a real calendar date in `YYYY-MM-DD` form (not 2026-02-30). */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const isOutcome = (value: string): value is VisitOutcomeId => (VISIT_OUTCOMES as readonly string[]).includes(value);

/**
 * The filters a URL's query carries. Anything that is not a real date, a
 * hub id or a known outcome is dropped (a mistyped shared link shows the
 * default view, never an error), and dates that run backwards are swapped.
 */
export function filtersFromQuery(params: URLSearchParams): ImpactFilters {
  const filters: ImpactFilters = {};
  const from = params.get(FILTER_PARAMS.from) ?? '';
  const to = params.get(FILTER_PARAMS.to) ?? '';
  const hub = params.get(FILTER_PARAMS.hub) ?? '';
  const outcome = params.get(FILTER_PARAMS.outcome) ?? '';
  if (isDate(from)) filters.from = from;
  if (isDate(to)) filters.to = to;
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  if (HUB.test(hub)) filters.hub = hub;
  if (isOutcome(outcome)) filters.outcome = outcome;
  return filters;
}

/** `params` with the filters written in (and absent ones removed); the page's other parameters are kept. */
export function filtersToQuery(filters: ImpactFilters, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const key of ['from', 'to', 'hub', 'outcome'] as const) {
    const value = filters[key];
    if (value) out.set(FILTER_PARAMS[key], value);
    else out.delete(FILTER_PARAMS[key]);
  }
  return out;
}

/** The query the report routes take (`from`, `to`, `hub`); the outcome is applied in the element. */
export function reportQuery(filters: ImpactFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.from) query['from'] = filters.from;
  if (filters.to) query['to'] = filters.to;
  if (filters.hub) query['hub'] = filters.hub;
  if (filters.outcome) query['outcome'] = filters.outcome;
  return query;
}

/** What is wrong with dates a person typed into the filter form, if anything. */
export function dateProblem(from: string, to: string): 'from-invalid' | 'to-invalid' | 'backwards' | undefined {
  if (from && !isDate(from)) return 'from-invalid';
  if (to && !isDate(to)) return 'to-invalid';
  if (from && to && from > to) return 'backwards';
  return undefined;
}
