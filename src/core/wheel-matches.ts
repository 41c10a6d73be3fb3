import type { Coordinates, Service } from '../contract/directory.ts';
import { isOpenNow } from './schedule.ts';
import type { ServiceFilters, ServiceIndex } from './search.ts';
import { matchCounts, type WheelModel } from './wheel.ts';

/**
 * What the resource wheel's search box and filters match, worked out once
 * per change of the query, the filters or the directory, never per render:
 * a search of 5,000 services is cheap once, not three times a keystroke.
 * DOM-free, so unit-tested in Node.
 */

/** "Near" means within 5 miles. */
export const NEAR_METRES = 8047;

/** The wheel's filters as the person set them. */
export interface WheelFilters {
  free?: boolean;
  openNow?: boolean;
  stepFree?: boolean;
  /** A place found for what they typed, and its name as the API gave it. */
  near?: { point: Coordinates; label: string };
}

/** True when the query or any filter narrows the wheel. */
export function isNarrowed(query: string, filters: WheelFilters): boolean {
  return Boolean(query.trim() || filters.free || filters.openNow || filters.stepFree || filters.near);
}

/** The wheel's filters as a search takes them, "open now" judged at `now`. */
export function searchFilters(filters: WheelFilters, now: Date): ServiceFilters {
  return {
    ...(filters.free ? { free: true } : {}),
    ...(filters.stepFree ? { stepFree: true } : {}),
    ...(filters.openNow ? { openNow: (service: Service) => isOpenNow(service.schedules, now) } : {}),
    ...(filters.near ? { near: { point: filters.near.point, withinMetres: NEAR_METRES } } : {}),
  };
}

/** What matched. */
export interface WheelMatches {
  /** Every matching service, best first. */
  services: readonly Service[];
  ids: ReadonlySet<string>;
  /** Matches in each cell, keyed by `cellId`; every cell has an entry. */
  counts: ReadonlyMap<string, number>;
}

/** What the matcher needs of an index: its search (a `ServiceIndex`, or a stand-in in a test). */
export type Searchable = Pick<ServiceIndex, 'search'>;

/** Everything a search depends on. */
export interface MatchInput {
  index: Searchable;
  model: WheelModel;
  query: string;
  filters: WheelFilters;
}

const sameFilters = (a: WheelFilters, b: WheelFilters) =>
  a === b ||
  (Boolean(a.free) === Boolean(b.free) &&
    Boolean(a.openNow) === Boolean(b.openNow) &&
    Boolean(a.stepFree) === Boolean(b.stepFree) &&
    a.near?.label === b.near?.label &&
    a.near?.point.lat === b.near?.point.lat &&
    a.near?.point.lng === b.near?.point.lng);

const sameInput = (a: MatchInput, b: MatchInput) =>
  a.index === b.index && a.model === b.model && a.query === b.query && sameFilters(a.filters, b.filters);

/**
 * Remembers the last search: {@link WheelMatcher.matches} searches only when
 * the index, the wheel, the query or the filters differ from last time, and
 * otherwise returns the same result, so a render can ask as often as it likes.
 */
export class WheelMatcher {
  private last: { input: MatchInput; matches: WheelMatches | undefined } | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** What matches `input`, or undefined when nothing narrows the wheel (then nothing is searched). */
  matches(input: MatchInput): WheelMatches | undefined {
    if (this.last && sameInput(this.last.input, input)) return this.last.matches;
    const matches = isNarrowed(input.query, input.filters) ? search(input, this.now()) : undefined;
    this.last = { input: { ...input }, matches };
    return matches;
  }
}

function search({ index, model, query, filters }: MatchInput, now: Date): WheelMatches {
  const found = index.search(query, searchFilters(filters, now));
  const services = found.results.map((result) => result.service);
  const ids = new Set(services.map((service) => service.id));
  return { services, ids, counts: matchCounts(model, ids) };
}
