import type { Coordinates } from '../../contract/directory.ts';
import { communityOptions, type CommunityOption } from '../../core/community-options.ts';
import { ServiceIndex } from '../../core/search.ts';
import { readFeed } from '../../oruk/feed.ts';

/*
 * The result page's community options, loaded only when a result page is
 * shown: the feed reader and the search index are most of their weight.
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

/** Up to 5 services from the feed for the search terms, near `near` when given. */
export async function findCommunityOptions(feedUrl: string, searchTerms: readonly string[], near: Coordinates | undefined): Promise<CommunityOption[]> {
  const index = await indexFor(feedUrl);
  return communityOptions(index, searchTerms, { limit: 5, ...(near ? { near } : {}) });
}
