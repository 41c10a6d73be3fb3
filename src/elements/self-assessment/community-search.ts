import type { Service } from '../../contract/directory.ts';
import { GeocodeResult } from '../../contract/places.ts';
import { communityNeeds, suggestCommunityOptions, termNamesOf, type CommunityNeed, type SuggestedOption } from '../../core/community-options.ts';
import type { Outcome } from '../../core/questionnaire.ts';
import { ServiceIndex } from '../../core/search.ts';
import { readFeed, readTermNames } from '../../oruk/feed.ts';
import { withFullRecords } from '../../oruk/full-records.ts';
import type { ApiController } from '../base/api-controller.ts';

/*
 * The result page's community options, loaded only when a result page is
 * shown: the feed reader, the search index and the directory's schemas are
 * most of their weight.
 *
 * A v3.0 directory that lists its terms is asked only for what the person's
 * needs name: its term list, then one search per term. Any other feed is read
 * whole, as before. Each answer is kept for the page view; a failed one is
 * forgotten so Try again asks afresh.
 */

/** The services read for one search term; enough to find the nearest few in a county. */
const PER_TERM = { perPage: 100, maxPages: 2, maxItems: 200 };
/**
 * Of a term's matches listed in the official list shape (no terms or places
 * in the list), this many of the best are read in full: enough to choose
 * five from, without a request for every match in the county.
 */
const FULL_RECORDS_PER_TERM = 25;

type Kept<T> = Map<string, Promise<T>>;
const vocabularies: Kept<{ version: '3.0'; names: string[] }> = new Map();
const searches: Kept<Service[]> = new Map();
const wholeFeeds: Kept<ServiceIndex> = new Map();
const fullRecords = new Map<string, Map<string, Service>>();

/** `read()` once per `key`, unless it failed. */
function kept<T>(store: Kept<T>, key: string, read: () => Promise<T>): Promise<T> {
  let value = store.get(key);
  if (!value) {
    value = read();
    value.catch(() => store.delete(key));
    store.set(key, value);
  }
  return value;
}

/** A feed that answered nothing usable: the options cannot be shown (Try again). */
function unreadable(feed: { services: Service[]; errors: string[] }): Service[] {
  if (!feed.services.length && feed.errors.length) throw new Error(feed.errors.join('; '));
  return feed.services;
}

const wholeFeed = (feedUrl: string) =>
  kept(wholeFeeds, feedUrl, async () => new ServiceIndex(unreadable(await readFeed(feedUrl, { perPage: 200, maxPages: 25, maxItems: 5000 }))));

/** The services matching each term of `needs`, from one search of the directory per term. */
async function searched(feedUrl: string, needs: readonly CommunityNeed[]): Promise<ServiceIndex> {
  const terms = [...new Set(needs.flatMap((need) => need.terms))];
  // Every search settles before a failure is told: Try again then asks afresh rather than joining one still failing.
  const settled = await Promise.allSettled(
    terms.map((term) =>
      kept(searches, JSON.stringify([feedUrl, term]), async () => {
        const listed = await readFeed(feedUrl, { ...PER_TERM, version: '3.0', query: { search: term } });
        const cache = fullRecords.get(feedUrl) ?? new Map<string, Service>();
        fullRecords.set(feedUrl, cache);
        const best = { ...listed, services: listed.services.slice(0, FULL_RECORDS_PER_TERM) };
        const filled = await withFullRecords(feedUrl, best, { cache });
        return unreadable(filled === best ? listed : filled);
      }),
    ),
  );
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const found = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
  const byId = new Map<string, Service>();
  for (const service of found) if (!byId.has(service.id)) byId.set(service.id, service);
  // A feed that ignores `search` sends its first pages for every term: the matching below still only offers real matches.
  return new ServiceIndex([...byId.values()]);
}

/** What to find options for, and the services to find them in. */
async function needsAndServices(feedUrl: string, result: Parameters<typeof communityNeeds>[0]): Promise<{ needs: CommunityNeed[]; index: ServiceIndex }> {
  // Kept only when read: a feed that could not list its terms this time is asked again next time.
  const vocabulary = await kept(vocabularies, feedUrl, async () => (await readTermNames(feedUrl)) ?? Promise.reject(new Error('no term list'))).catch(() => undefined);
  if (vocabulary) {
    const needs = communityNeeds(result, vocabulary.names);
    return { needs, index: await searched(feedUrl, needs) };
  }
  const index = await wholeFeed(feedUrl);
  return { needs: communityNeeds(result, termNamesOf(index.services)), index };
}

/**
 * Up to 5 services from the feed for what the person said (the hard areas
 * and their own words; see {@link communityNeeds}), near the postcode when
 * the API can place it (`near` is then the place as the API names it).
 * `unplaced` is true when a postcode was given that the geocoder does not
 * know, so the options are for the whole area.
 */
export async function findCommunityOptions(
  api: Pick<ApiController, 'get'>,
  feedUrl: string,
  result: Pick<Outcome, 'areas' | 'words' | 'strengths'> & Partial<Pick<Outcome, 'urgentHelp'>>,
  postcode: string | undefined,
): Promise<{ options: SuggestedOption[]; near?: string; unplaced?: string }> {
  const [{ needs, index }, place] = await Promise.all([
    needsAndServices(feedUrl, result),
    postcode ? api.get('geocode', GeocodeResult, { query: { q: postcode } }).catch(() => undefined) : undefined,
  ]);
  const options = suggestCommunityOptions(index, needs, { limit: 5, ...(place ? { near: place.coordinates } : {}) });
  return place ? { options, near: place.label } : postcode ? { options, unplaced: postcode } : { options };
}
