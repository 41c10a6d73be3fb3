import { GeocodeResult } from '../../contract/places.ts';
import { communityNeeds, suggestCommunityOptions, type SuggestedOption } from '../../core/community-options.ts';
import type { Outcome } from '../../core/questionnaire.ts';
import { ServiceIndex } from '../../core/search.ts';
import { readFeed } from '../../oruk/feed.ts';
import type { ApiController } from '../base/api-controller.ts';

/*
 * The result page's community options, loaded only when a result page is
 * shown: the feed reader, the search index and the directory's schemas are
 * most of their weight.
 */

/** Each feed is read once per page view; a failed read is forgotten so Try again reads it afresh. */
const indexes = new Map<string, Promise<ServiceIndex>>();

function indexFor(feedUrl: string): Promise<ServiceIndex> {
  let index = indexes.get(feedUrl);
  if (!index) {
    index = readFeed(feedUrl, { perPage: 200, maxPages: 25, maxItems: 5000 }).then((feed) => {
      if (!feed.services.length && feed.errors.length) throw new Error(feed.errors.join('; '));
      return new ServiceIndex(feed.services);
    });
    index.catch(() => indexes.delete(feedUrl));
    indexes.set(feedUrl, index);
  }
  return index;
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
  const [index, place] = await Promise.all([
    indexFor(feedUrl),
    postcode ? api.get('geocode', GeocodeResult, { query: { q: postcode } }).catch(() => undefined) : undefined,
  ]);
  const options = suggestCommunityOptions(index, communityNeeds(result, index), { limit: 5, ...(place ? { near: place.coordinates } : {}) });
  return place ? { options, near: place.label } : postcode ? { options, unplaced: postcode } : { options };
}
