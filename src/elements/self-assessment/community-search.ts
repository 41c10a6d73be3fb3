import { GeocodeResult } from '../../contract/places.ts';
import { communityOptions, type CommunityOption } from '../../core/community-options.ts';
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
 * Up to 5 services from the feed for the search terms, near the postcode
 * when the API can place it (`near` is then the place as the API names it);
 * without it the options are not by distance.
 */
export async function findCommunityOptions(
  api: Pick<ApiController, 'get'>,
  feedUrl: string,
  searchTerms: readonly string[],
  postcode: string | undefined,
): Promise<{ options: CommunityOption[]; near?: string }> {
  const [index, place] = await Promise.all([
    indexFor(feedUrl),
    postcode ? api.get('geocode', GeocodeResult, { query: { q: postcode } }).catch(() => undefined) : undefined,
  ]);
  const options = communityOptions(index, searchTerms, { limit: 5, ...(place ? { near: place.coordinates } : {}) });
  return place ? { options, near: place.label } : { options };
}
