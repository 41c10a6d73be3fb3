import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../../src/contract/directory.ts';
import { buildWheel, cellId, defaultMapping, feedTerms, type WheelModel } from '../../src/core/wheel.ts';
import { readFeed, type ReadProgress } from '../../src/oruk/feed.ts';
import { isListShape, withFullRecords } from '../../src/oruk/full-records.ts';
import { seed } from '../../server/seed/index.ts';
import type { OfficialV3Feed} from '../support/council-feeds.ts';
import { seedAsOfficialFeed, seedAsV1Feed, serveFeeds, type Feed } from '../support/council-feeds.ts';

/*
 * Feeds as councils publish them, no one here wrote: v3.0 in the official
 * `service_list` shape (no terms, locations or schedules in the list),
 * paged at 50 whatever is asked, slow, and failing some requests; and v1.0.
 */

/** Where each service sits on the default wheel, by id. */
function placement(model: WheelModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of model.cells) for (const service of cell.services) out.set(service.id, cellId(cell.ring, cell.segment));
  return out;
}
const wheelOf = (services: readonly Service[]) => buildWheel(services, defaultMapping(feedTerms(services)));

/** Where the seed's own services sit: what a feed of them must reproduce. */
const expected = placement(wheelOf(seed.services));

let origin = '';
let close: () => Promise<void> = () => Promise.resolve();
const feeds: Record<string, Feed> = {};

describe('official v3.0 list shape and v1.0 feeds', () => {
  before(async () => {
    // One in seven full records fails once (the retry gets it); one never answers properly.
    const lost = seed.services[17]?.id ?? '';
    feeds['/v3'] = seedAsOfficialFeed({
      latencyMs: 5,
      fail: ({ path, attempt }) => (path === `/services/${lost}` ? 503 : /^\/services\/./.test(path) && attempt === 1 && path.length % 7 === 0 ? 503 : undefined),
    });
    feeds['/v3-healthy'] = seedAsOfficialFeed({ latencyMs: 2 });
    feeds['/v1'] = seedAsV1Feed({ latencyMs: 5, maxPerPage: 25 });
    ({ origin, close } = await serveFeeds(feeds));
  });
  after(() => close());

  it('the list alone has no terms, locations or schedules, so every service would land in "Other"', async () => {
    const listed = await readFeed(`${origin}/v3-healthy`, { retryDelayMs: 0 });
    assert.equal(listed.complete, true);
    assert.equal(listed.services.length, seed.services.length + 1);
    assert.equal(isListShape(listed.services), true);
    const cells = new Set(placement(wheelOf(listed.services)).values());
    assert.deepEqual([...cells].map((cell) => cell.split('--')[1]), ['other']);
  });

  it('fills in every service from its full record, at most 6 at a time, with progress, and every service reaches its segment', async () => {
    const feed = feeds['/v3-healthy'] as OfficialV3Feed;
    const listed = await readFeed(`${origin}/v3-healthy`, { retryDelayMs: 0 });
    feed.maxInFlight = 0;
    const progress: Array<Required<ReadProgress>> = [];
    const filled = await withFullRecords(`${origin}/v3-healthy`, listed, { retryDelayMs: 0, onProgress: (step) => progress.push(step) });
    assert.equal(filled.complete, true, filled.errors.join('; '));
    assert.equal(filled.services.length, seed.services.length + 1);
    assert.ok(feed.maxInFlight <= 6, `at most 6 at once, saw ${feed.maxInFlight}`);
    assert.ok(feed.maxInFlight > 1, 'more than one at once');
    assert.deepEqual(progress[0], { done: 0, total: filled.services.length });
    assert.deepEqual(progress.at(-1), { done: filled.services.length, total: filled.services.length });
    const placed = placement(wheelOf(filled.services));
    for (const [id, cell] of expected) assert.equal(placed.get(id), cell, `service ${id}`);
    const withPlaces = filled.services.filter((service) => service.locations.some((location) => location.coordinates));
    assert.ok(withPlaces.length > seed.services.length / 2, 'locations came with the full records');
    assert.ok(filled.services.some((service) => service.schedules.length), 'schedules came with the full records');
  });

  it('asks only for what is not cached, and not at all for a feed whose list is already full', async () => {
    const feed = feeds['/v3-healthy'] as OfficialV3Feed;
    const listed = await readFeed(`${origin}/v3-healthy`, { retryDelayMs: 0 });
    const cache = new Map<string, Service>();
    await withFullRecords(`${origin}/v3-healthy`, listed, { retryDelayMs: 0, cache });
    assert.equal(cache.size, listed.services.length);
    const before = feed.requests.length;
    const again = await withFullRecords(`${origin}/v3-healthy`, listed, { retryDelayMs: 0, cache });
    assert.equal(feed.requests.length, before, 'nothing asked again');
    assert.equal(again.services.length, listed.services.length);
    // A full list is returned as it is.
    assert.equal(await withFullRecords(`${origin}/v3-healthy`, again, { cache: new Map() }), again);
    assert.equal(feed.requests.length, before);
  });

  it('retries a failed record once, keeps the list record of one that stays broken, and says so', async () => {
    const listed = await readFeed(`${origin}/v3`, { retryDelayMs: 0 });
    const filled = await withFullRecords(`${origin}/v3`, listed, { retryDelayMs: 0 });
    assert.equal(filled.services.length, seed.services.length + 1, 'no service lost');
    assert.equal(filled.complete, false);
    assert.match(filled.errors.join('\n'), /^1 of \d+ full records could not be read, e\.g\. .*HTTP 503; retried: HTTP 503/m);
    const placed = placement(wheelOf(filled.services));
    const lost = seed.services[17]?.id ?? '';
    for (const [id, cell] of expected) if (id !== lost) assert.equal(placed.get(id), cell, `service ${id}`);
    assert.equal(placed.get(lost)?.split('--')[1], 'other', 'the broken one keeps its bare list record');
  });

  it('reads a v1.0 feed paged at 25, reporting progress out of its total, with every service in its segment', async () => {
    const progress: ReadProgress[] = [];
    const read = await readFeed(`${origin}/v1`, { retryDelayMs: 0, perPage: 200, maxPages: 100, onPage: (step) => progress.push(step) });
    assert.equal(read.version, '1.0');
    assert.equal(read.complete, true, read.errors.join('; '));
    assert.equal(read.services.length, seed.services.length);
    assert.equal(progress.length, Math.ceil(seed.services.length / 25));
    assert.deepEqual(progress[0], { done: 25, total: seed.services.length });
    assert.deepEqual(progress.at(-1), { done: seed.services.length, total: seed.services.length });
    assert.equal(isListShape(read.services), false);
    const placed = placement(wheelOf(read.services));
    for (const [id, cell] of expected) assert.equal(placed.get(id), cell, `service ${id}`);
  });
});
