import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { communityNeeds, suggestCommunityOptions, termNamesOf, type SuggestedOption } from '../../src/core/community-options.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { outcome } from '../../src/core/questionnaire.ts';
import { ServiceIndex } from '../../src/core/search.ts';
import type { ApiController } from '../../src/elements/base/api-controller.ts';
import { findCommunityOptions } from '../../src/elements/self-assessment/community-search.ts';
import { readFeed } from '../../src/oruk/feed.ts';
import { withFullRecords } from '../../src/oruk/full-records.ts';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { loadQuestionnaires } from '../../server/questionnaires.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { seedAsOfficialFeed, seedAsV1Feed, serveFeeds, type OfficialV3Feed, type V1Feed } from '../support/council-feeds.ts';

/*
 * The self-assessment's "community options" ask the directory for what the
 * person's answers need (its term list, then a search per term), not for
 * every service in the county, and still offer what reading everything would.
 */

const definition = loadQuestionnaires().get('what-matters');
assert.ok(definition);
const questionnaire = localiseQuestionnaire(definition, 'en').questionnaire;
/** Two hard areas, and own words naming a directory term no area covers. */
const result = outcome(questionnaire, {
  'answering-for': 'myself',
  harder: ['seeing-people', 'getting-out'],
  'what-would-help': 'I would love to join a singing group',
  feeling: 4,
});
// No postcode is given, so the API (the geocoder) is never asked.
const noGeocoder = { get: () => Promise.reject(new Error('not asked')) } as unknown as Pick<ApiController, 'get'>;

/** The URLs fetched while `run` runs (real requests, only watched). */
async function watched<T>(run: () => Promise<T>): Promise<{ value: T; urls: URL[] }> {
  const urls: URL[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    urls.push(new URL(input instanceof Request ? input.url : String(input)));
    return real(input, init);
  };
  try {
    return { value: await run(), urls };
  } finally {
    globalThis.fetch = real;
  }
}

/** What reading every service of the feed (full records too) would offer. */
async function fromWholeFeed(feedUrl: string): Promise<SuggestedOption[]> {
  const whole = await withFullRecords(feedUrl, await readFeed(feedUrl, { perPage: 200, maxPages: 25, maxItems: 5000 }));
  const index = new ServiceIndex(whole.services);
  return suggestCommunityOptions(index, communityNeeds(result, termNamesOf(index.services)), { limit: 5 });
}

const shown = (options: readonly SuggestedOption[]) => options.map((option) => [option.service.name, option.term]);
const servicePages = (urls: URL[]) => urls.filter((url) => /\/services$/.test(url.pathname));

describe('community options ask the directory only for what they need', () => {
  let db: Database;
  let app: RunningApp;
  let feeds: { origin: string; close(): Promise<void> };
  let official: OfficialV3Feed;
  let v1: V1Feed;
  let flaky: OfficialV3Feed;
  before(async () => {
    db = await openDatabase({});
    await migrate(db);
    await seedIfEmpty(db);
    app = await startApp({ db, staffToken: 'staff-token-for-tests-0123456789' });
    official = seedAsOfficialFeed({ maxPerPage: 50 });
    v1 = seedAsV1Feed({ maxPerPage: 200 });
    // Each search fails twice (the read and its retry), then answers.
    flaky = seedAsOfficialFeed({ maxPerPage: 50, fail: (request) => (request.query.has('search') && request.attempt <= 2 ? 503 : undefined) });
    feeds = await serveFeeds({ '/official': official, '/v1': v1, '/flaky': flaky });
  });
  after(async () => {
    await feeds.close();
    await app.close();
    await db.close();
  });

  it('searches our directory for each term it needs, and offers what reading the whole directory would', async () => {
    const feedUrl = `${app.base}/oruk/`;
    const { value, urls } = await watched(() => findCommunityOptions(noGeocoder, feedUrl, result, undefined));
    assert.equal(value.options.length, 5);
    assert.deepEqual(shown(value.options), shown(await fromWholeFeed(feedUrl)));
    assert.ok(value.options.some((option) => option.reason.kind === 'words' && option.term === 'Singing group'), 'the singing group the person wrote about');
    const pages = servicePages(urls);
    assert.ok(pages.length > 0);
    assert.deepEqual(
      pages.filter((url) => !url.searchParams.get('search')),
      [],
      'no request for the whole list of services',
    );
    assert.equal(urls.filter((url) => url.pathname.endsWith('/taxonomy_terms')).length, 1, 'the term list, once');
  });

  it('reads in full only the best matches of a feed in the official list shape', async () => {
    const feedUrl = `${feeds.origin}/official`;
    official.requests.length = 0;
    const { value } = await watched(() => findCommunityOptions(noGeocoder, feedUrl, result, undefined));
    assert.ok(value.options.length > 0);
    // Each option is tagged with, or names, a term of what it was offered for.
    for (const option of value.options) {
      const said = `${option.service.name} ${option.service.description ?? ''} ${option.service.taxonomyTerms.map((term) => term.name).join(' ')}`.toLowerCase();
      assert.ok(said.includes(option.term.toLowerCase().split(' ')[0] ?? ''), `${option.service.name} for ${option.term}`);
    }
    const searches = new Set(official.requests.filter((request) => request.startsWith('/services?')).map((request) => /search=([^&]*)/.exec(request)?.[1]));
    const fullRecords = official.requests.filter((request) => /^\/services\/[^?]+/.test(request)).length;
    assert.ok(!searches.has(undefined), 'every list request is a search');
    assert.ok(fullRecords <= 25 * searches.size, `${fullRecords} full records for ${searches.size} searches`);
    assert.ok(fullRecords < official.services.length, 'fewer full records than the county has services');
  });

  it('reads a v1.0 feed whole, as it cannot list its terms, and offers the same', async () => {
    const feedUrl = `${feeds.origin}/v1`;
    const { value } = await watched(() => findCommunityOptions(noGeocoder, feedUrl, result, undefined));
    assert.equal(value.options.length, 5);
    assert.deepEqual(shown(value.options), shown(await fromWholeFeed(feedUrl)));
    assert.ok(v1.requests.some((request) => request.startsWith('/services?') && !request.includes('search=')));
  });

  it('fails when a search cannot be answered, and asks again when tried again', async () => {
    const feedUrl = `${feeds.origin}/flaky`;
    await assert.rejects(findCommunityOptions(noGeocoder, feedUrl, result, undefined));
    const again = await findCommunityOptions(noGeocoder, feedUrl, result, undefined);
    assert.ok(again.options.length > 0);
    assert.equal(flaky.requests.filter((request) => request.endsWith('/taxonomy_terms?page=1&per_page=200')).length, 1, 'the term list read once, as it was answered');
  });
});
