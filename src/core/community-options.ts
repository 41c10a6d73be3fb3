import type { Coordinates, Service } from '../contract/directory.ts';
import { milesToMetres } from './geo.ts';
import { ServiceIndex, normaliseText } from './search.ts';

/**
 * "Community options near you" on the self-assessment's result page: directory
 * services matching the outcome's search terms, a few per hard area. DOM-free.
 */

/** One suggested service and why it was suggested. */
export interface CommunityOption {
  service: Service;
  /** The search term (as given) this service is listed under. */
  term: string;
  /** Metres to its nearest location; only when `near` was given and the service has coordinates. */
  distanceMetres?: number;
}

/** Where the person is and how many options to show. */
export interface CommunityOptionsRequest {
  /** The person's location (e.g. their postcode's centre); without it, options go by relevance. */
  near?: Coordinates;
  /** At most this many options; default 5. */
  limit?: number;
  /** With `near`, leave out services further than this; default {@link COMMUNITY_OPTIONS_WITHIN_METRES}. */
  withinMetres?: number;
}

/** Ten miles: how far "near you" reaches unless the caller says otherwise. */
export const COMMUNITY_OPTIONS_WITHIN_METRES = milesToMetres(10);

const DEFAULT_LIMIT = 5;

/** Statuses that mean the service is not running at all, so never an option. ('temporarily closed' is kept: it will reopen.) */
const NOT_RUNNING: ReadonlySet<Service['status']> = new Set(['inactive', 'defunct']);

/** A match for one term, before interleaving. */
interface Candidate {
  service: Service;
  metres?: number;
  /** Tagged with a taxonomy term whose name is the search term itself. */
  tagged: boolean;
  /** Position in the index's relevance order, the final tie-break. */
  order: number;
}

/**
 * Services to suggest for an outcome's `searchTerms` (taxonomy term names
 * such as "Carers' group" or "Lunch club"), at most `limit` of them.
 *
 * - A service matches a term when the index matches every word of the term
 *   (each word starts a word of its name, description, organisation name or a
 *   taxonomy term name; see {@link ServiceIndex.search}), or when one of its
 *   taxonomy term names equals the term ignoring case, accents and
 *   punctuation ({@link normaliseText}). The second is in practice a subset
 *   of the first, so it decides order: services the directory has tagged
 *   with the term itself come before ones that merely mention its words.
 * - Without `near`: tagged services first, then the index's relevance order.
 * - With `near`: tagged services first, each group nearest first (ties:
 *   relevance), and services beyond `withinMetres` or with no coordinates are left out. If
 *   that leaves nothing for any term, the radius is dropped and every match
 *   is offered, nearest first and unlocated last: for someone in a rural
 *   area, a group 15 miles away beats an empty list. Callers can tell this
 *   happened because every option is then beyond the radius or has no
 *   `distanceMetres`.
 * - Terms take turns in the order given, each adding its best service not
 *   yet shown, so every hard area is represented before any gets a second
 *   option. A service appears once (by id), under the term whose turn
 *   reached it first; a term whose matches were all taken by earlier terms
 *   adds nothing.
 * - Inactive and defunct services are never suggested. Terms with no
 *   letters or digits are ignored (they would otherwise match everything),
 *   as are repeats of an earlier term.
 *
 * Pass a {@link ServiceIndex} when calling repeatedly; given an array, the
 * index is built on each call.
 */
export function communityOptions(
  services: readonly Service[] | ServiceIndex,
  searchTerms: readonly string[],
  options: CommunityOptionsRequest = {},
): CommunityOption[] {
  const limit = options.limit === undefined ? DEFAULT_LIMIT : Math.max(0, Math.floor(options.limit)) || 0;
  if (limit === 0 || searchTerms.length === 0) return [];

  const terms = distinctTerms(searchTerms);
  if (terms.length === 0) return [];
  const index = services instanceof ServiceIndex ? services : new ServiceIndex(services);
  const near = options.near;
  const within = options.withinMetres === undefined || Number.isNaN(options.withinMetres) ? COMMUNITY_OPTIONS_WITHIN_METRES : options.withinMetres;

  const matches = terms.map(({ term, normalised }) => matchesFor(index, term, normalised, near));
  let lists = matches;
  if (near !== undefined) {
    const nearby = matches.map((list) => list.filter((c) => c.metres !== undefined && c.metres <= within));
    if (nearby.some((list) => list.length > 0)) lists = nearby;
  }

  return interleave(
    terms.map(({ term }) => term),
    lists,
    limit,
  );
}

/** Terms with something to search for, first occurrence of each kept. */
function distinctTerms(searchTerms: readonly string[]): Array<{ term: string; normalised: string }> {
  const seen = new Set<string>();
  const out: Array<{ term: string; normalised: string }> = [];
  for (const term of searchTerms) {
    const normalised = normaliseText(term);
    if (normalised === '' || seen.has(normalised)) continue;
    seen.add(normalised);
    out.push({ term, normalised });
  }
  return out;
}

/** Every running service matching one term, in the order it should be offered. */
function matchesFor(index: ServiceIndex, term: string, normalised: string, near: Coordinates | undefined): Candidate[] {
  // No radius in the search itself: the distances of far services are needed for the fallback.
  const { results } = index.search(term, near === undefined ? {} : { near: { point: near } });
  const candidates: Candidate[] = [];
  for (const [order, result] of results.entries()) {
    const service = result.service;
    if (NOT_RUNNING.has(service.status)) continue;
    const tagged = service.taxonomyTerms.some((t) => normaliseText(t.name) === normalised);
    const candidate: Candidate = { service, tagged, order };
    if (near !== undefined && result.metres !== undefined && Number.isFinite(result.metres)) candidate.metres = result.metres;
    candidates.push(candidate);
  }
  // Services tagged with the term come first, whatever the distance: a
  // description that merely mentions "lunch club" is a weaker suggestion
  // than a lunch club a little further away. The index ranks by score even
  // when `near` is given (distance only orders an empty query), so distance
  // ordering happens here.
  return candidates.sort(
    (a, b) =>
      Number(b.tagged) - Number(a.tagged) ||
      (near === undefined ? 0 : (a.metres ?? Infinity) - (b.metres ?? Infinity) || 0) ||
      a.order - b.order,
  );
}

/** Round-robin over the terms' lists, skipping services already shown. */
function interleave(terms: readonly string[], lists: ReadonlyArray<readonly Candidate[]>, limit: number): CommunityOption[] {
  const shown = new Set<string>();
  const cursors = lists.map(() => 0);
  const out: CommunityOption[] = [];
  let progressed = true;
  while (out.length < limit && progressed) {
    progressed = false;
    for (const [t, list] of lists.entries()) {
      if (out.length >= limit) break;
      let cursor = cursors[t] ?? 0;
      while (cursor < list.length && shown.has(list[cursor]?.service.id ?? '')) cursor++;
      const next = list[cursor];
      cursors[t] = cursor + 1;
      if (next === undefined) continue;
      shown.add(next.service.id);
      const option: CommunityOption = { service: next.service, term: terms[t] ?? '' };
      if (next.metres !== undefined) option.distanceMetres = next.metres;
      out.push(option);
      progressed = true;
    }
  }
  return out;
}
