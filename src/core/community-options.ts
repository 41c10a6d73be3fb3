import type { Coordinates, Service } from '../contract/directory.ts';
import type { Outcome } from './questionnaire.ts';
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

// ---------------------------------------------------------------- options for a person

/** Why an option is suggested, in terms the element can say ("Because you said getting out is hard"). */
export type CommunityReason =
  /** An area the person said is hard; `label` is the questionnaire's words for it. */
  | { kind: 'hard'; area: string; label: string }
  /** Something the person said in their own words (an interest, what they would like), matching a directory term. */
  | { kind: 'words'; words: string };

/** One kind of thing to find options for: an area said to be hard, or an interest in the person's own words. */
export interface CommunityNeed {
  /** The directory terms to look under. */
  terms: readonly string[];
  /** How much it matters, from what the person said (at least 1): options are shared out in proportion. */
  weight: number;
  reason: CommunityReason;
}

/** A suggested service, why, and (with `near`) how far. */
export interface SuggestedOption {
  service: Service;
  /** The directory term it was found under. */
  term: string;
  reason: CommunityReason;
  distanceMetres?: number;
}

/** Words that say nothing about what a person would like to do. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'with', 'or', 'your', 'my']);

const words = (text: string): string[] => normaliseText(text).split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w));

/** The same word, give or take a plural ("groups" and "group"). */
const sameWord = (a: string, b: string): boolean => a === b || a === `${b}s` || b === `${a}s`;

/** The names of the taxonomy terms `services` are tagged with: a directory's vocabulary as its services show it, each once. */
export function termNamesOf(services: Iterable<Service>): string[] {
  const names = new Map<string, string>();
  for (const service of services) {
    for (const term of service.taxonomyTerms) {
      const key = normaliseText(term.name);
      if (key !== '' && !names.has(key)) names.set(key, term.name);
    }
  }
  return [...names.values()];
}

/**
 * Directory terms (names from `vocabulary`, the directory's taxonomy term
 * names) named in the person's own words: "join a singing group" names
 * "Singing group". A term is named when every one of its words (ignoring
 * "and", "the", plurals) is in the text. Longest terms first, each once.
 */
export function termsInWords(vocabulary: Iterable<string>, text: string): string[] {
  const said = words(text);
  if (!said.length) return [];
  const found = new Map<string, string>();
  for (const name of vocabulary) {
    const key = normaliseText(name);
    if (key === '' || found.has(key)) continue;
    const needed = words(name);
    if (needed.length && needed.every((w) => said.some((s) => sameWord(s, w)))) found.set(key, name);
  }
  return [...found.values()].sort((a, b) => words(b).length - words(a).length || a.localeCompare(b));
}

/**
 * Community options for one person: shared out across the things they
 * need (areas they said are hard, interests in their own words) in
 * proportion to each need's weight, every need getting one before any gets
 * a second (the highest-averages rule: the next place goes to the need
 * with the largest `weight / (places it has + 1)`, ties to the earlier).
 * Within a need, its terms' matches are pooled and offered nearest first
 * (with `near`; ties and no `near`: tagged with the term, then relevance).
 * A service appears once, for the first need that reached it. Services
 * beyond `withinMetres` are left out unless that leaves nothing at all
 * (then every match is offered, nearest first), as for {@link communityOptions}.
 */
export function suggestCommunityOptions(
  services: readonly Service[] | ServiceIndex,
  needs: readonly CommunityNeed[],
  options: CommunityOptionsRequest = {},
): SuggestedOption[] {
  const limit = options.limit === undefined ? DEFAULT_LIMIT : Math.max(0, Math.floor(options.limit)) || 0;
  if (limit === 0 || needs.length === 0) return [];
  const index = services instanceof ServiceIndex ? services : new ServiceIndex(services);
  const near = options.near;
  const within = options.withinMetres === undefined || Number.isNaN(options.withinMetres) ? COMMUNITY_OPTIONS_WITHIN_METRES : options.withinMetres;

  const pooled = needs.map((need) => {
    const seen = new Map<string, Candidate & { term: string }>();
    for (const { term, normalised } of distinctTerms(need.terms)) {
      for (const candidate of matchesFor(index, term, normalised, near)) {
        const known = seen.get(candidate.service.id);
        // The same service under two terms of one need counts once, as its better match.
        if (!known || (candidate.tagged && !known.tagged)) seen.set(candidate.service.id, { ...candidate, term });
      }
    }
    return [...seen.values()].sort(
      (a, b) =>
        (near === undefined ? 0 : (a.metres ?? Infinity) - (b.metres ?? Infinity) || 0) || Number(b.tagged) - Number(a.tagged) || a.order - b.order,
    );
  });
  let lists = pooled;
  if (near !== undefined) {
    const nearby = pooled.map((list) => list.filter((c) => c.metres !== undefined && c.metres <= within));
    if (nearby.some((list) => list.length > 0)) lists = nearby;
  }

  const shown = new Set<string>();
  const places = needs.map(() => 0);
  const cursors = needs.map(() => 0);
  const exhausted = needs.map(() => false);
  const out: SuggestedOption[] = [];
  while (out.length < limit) {
    // The need with the highest average, every need one place before any gets two.
    let best = -1;
    let bestScore = -Infinity;
    for (const [i, need] of needs.entries()) {
      if (exhausted[i]) continue;
      const weight = Number.isFinite(need.weight) && need.weight >= 1 ? need.weight : 1;
      // A need with no place yet goes before every need with one; among those, the weightiest first.
      const score = (places[i] ?? 0) === 0 ? 1e9 + weight : weight / ((places[i] ?? 0) + 1);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) break;
    const list = lists[best] ?? [];
    let cursor = cursors[best] ?? 0;
    while (cursor < list.length && shown.has(list[cursor]?.service.id ?? '')) cursor++;
    const next = list[cursor];
    cursors[best] = cursor + 1;
    if (next === undefined) {
      exhausted[best] = true;
      continue;
    }
    shown.add(next.service.id);
    places[best] = (places[best] ?? 0) + 1;
    const option: SuggestedOption = { service: next.service, term: next.term, reason: needs[best]?.reason ?? { kind: 'words', words: next.term } };
    if (next.metres !== undefined) option.distanceMetres = next.metres;
    out.push(option);
  }
  return out;
}

/** What an own-words mention of an area adds to its weight, and the weight of an interest named only in own words. */
const SAID_IN_OWN_WORDS = 2;

/** An urgent answer's services (a food bank, energy advice) outweigh everything else said. */
const URGENT = 4;

/**
 * What to find options for, from a result: each hard area (weight 1, one
 * more when the person wrote about it in its "tell us more" box, two more
 * when their own words name one of its terms), then each directory term
 * their own words and strengths name that no area covers (weight 2, "an
 * interest"). `vocabulary` is the directory's term names (its own list of
 * terms, or {@link termNamesOf} its services).
 */
export function communityNeeds(
  result: Pick<Outcome, 'areas' | 'words' | 'strengths'> & Partial<Pick<Outcome, 'urgentHelp'>>,
  vocabulary: Iterable<string>,
): CommunityNeed[] {
  const said = [...result.words, ...result.strengths].map((entry) => entry.answer).join(' \n ');
  const named = termsInWords(vocabulary, said);
  const namedKeys = new Set(named.map(normaliseText));
  const covered = new Set<string>();
  // Urgent help with services in the directory (no food or heating: food banks, emergency fuel) leads.
  const urgent: CommunityNeed[] = (result.urgentHelp ?? [])
    .filter((panel) => panel.searchTerms.length > 0)
    .map((panel) => ({ terms: panel.searchTerms, weight: URGENT, reason: { kind: 'hard', area: panel.id, label: panel.label ?? panel.title } }));
  const needs: CommunityNeed[] = [...urgent, ...result.areas.map((area) => {
    const keys = area.searchTerms.map(normaliseText);
    for (const key of keys) covered.add(key);
    const mentioned = keys.some((key) => namedKeys.has(key));
    const weight = 1 + (area.detail ? 1 : 0) + (mentioned ? SAID_IN_OWN_WORDS : 0);
    return { terms: area.searchTerms, weight, reason: { kind: 'hard', area: area.area, label: area.label } } satisfies CommunityNeed;
  })];
  for (const term of named) {
    if (!covered.has(normaliseText(term))) needs.push({ terms: [term], weight: SAID_IN_OWN_WORDS, reason: { kind: 'words', words: term } });
  }
  return needs;
}
