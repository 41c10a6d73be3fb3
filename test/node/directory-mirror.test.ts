import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../../src/contract/directory.ts';
import { DirectoryStatus } from '../../src/contract/directory-status.ts';
import { buildWheel, cellId, defaultMapping, feedTerms, type WheelModel } from '../../src/core/wheel.ts';
import { readFeed } from '../../src/oruk/feed.ts';
import { isListShape } from '../../src/oruk/full-records.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { loadDirectory } from '../../server/db/directory.ts';
import { DirectoryMirror } from '../../server/mirror/directory-mirror.ts';
import { mirroredId, sourceKey } from '../../server/mirror/origin.ts';
import { seed } from '../../server/seed/index.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';
import { seedAsOfficialFeed, serveFeeds, v1Service, V1Feed, type Feed, type FeedRequest } from '../support/council-feeds.ts';
import { closedPort } from '../support/http-stub.ts';

/*
 * ORUK_SOURCES: councils' own feeds, as councils publish them (v3.0 in the
 * official list shape, paged at 50 whatever is asked, slow, a page failing
 * once; v1.0 paged at 25; a second v1.0 council whose ids clash with the
 * first's), mirrored into the directory and republished, merged, at /oruk/.
 */

const TOKEN = 'a-staff-token-of-32-characters!!';
const API_KEY = 's3cret-council-key';

/** Where each service sits on the default wheel, by id. */
function placement(model: WheelModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of model.cells) for (const service of cell.services) out.set(service.id, cellId(cell.ring, cell.segment));
  return out;
}
const wheelOf = (services: readonly Service[]) => buildWheel(services, defaultMapping(feedTerms(services)));
/** Where the seed's services sit on the wheel read from the seed itself: what every mirror of them must reproduce. */
const expected = placement(wheelOf(seed.services));

type Json = Record<string, unknown>;

for (const backend of backends()) {
  describe(`directory mirror of councils' feeds on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    let origin = '';
    let closeFeeds: () => Promise<void> = () => Promise.resolve();
    /** What the official-shape feed does wrong: `page` fails page 2 every time, `record` one full record. */
    let trouble: 'none' | 'page' | 'record' = 'none';
    const lost = seed.services[40]?.id.toLowerCase() ?? '';
    const v1Services: Json[] = [...seed.services.map(v1Service), { id: 'no-name', name: '  ', status: 'active' }];
    const otherServices: Json[] = seed.services.slice(0, 3).map((service) => ({ ...v1Service(service), name: `Neighbouring council: ${service.name}` }));
    const feeds: Record<string, Feed> = {};
    let sources: string[] = [];
    let clock = Date.parse('2026-03-02T09:00:00Z');
    let mirror: DirectoryMirror;
    let firstSuccess = '';

    const officialFailure = ({ path, query, attempt }: FeedRequest): number | undefined => {
      // Page 3 fails once (the retry gets it), as busy servers do.
      if (path === '/services' && query.get('page') === '3' && !query.get('taxonomy_term_id') && attempt === 1) return 503;
      if (trouble === 'page' && path === '/services' && query.get('page') === '2') return 503;
      if (trouble === 'record' && path === `/services/${lost}`) return 500;
      return undefined;
    };
    const status = async () => {
      const response = await fetch(`${app.base}/api/v1/directory/status`);
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.doesNotMatch(text, new RegExp(API_KEY), 'the council API key is never shown');
      return DirectoryStatus.parse(JSON.parse(text));
    };
    const republished = async () => {
      const read = await readFeed(`${app.base}/oruk`, { perPage: 200, retryDelayMs: 0 });
      assert.equal(read.complete, true, read.errors.join('; '));
      return read.services;
    };

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      feeds['/v3'] = seedAsOfficialFeed({ latencyMs: 5, maxPerPage: 50, fail: officialFailure });
      feeds['/v1'] = new V1Feed(v1Services, { latencyMs: 5, maxPerPage: 25 });
      feeds['/other'] = new V1Feed(otherServices, { latencyMs: 5 });
      ({ origin, close: closeFeeds } = await serveFeeds(feeds));
      sources = [`${origin}/v3/?api_key=${API_KEY}`, `${origin}/v1`, `${origin}/other`];
      mirror = new DirectoryMirror(db, { sources, everyMinutes: 60, feed: { retryDelayMs: 0 }, now: () => new Date((clock += 60_000)) });
      app = await startApp({ db, staffToken: TOKEN, mirror: { sources, syncMinutes: 60 } });
    });
    after(async () => {
      mirror.stop();
      await app.close();
      await closeFeeds();
      await dispose();
    });

    it('lists every configured feed as not yet synced before the first sync', async () => {
      const before = await status();
      assert.equal(before.syncMinutes, 60);
      assert.deepEqual(before.sources.map((source) => [source.url, source.state, source.services]), [
        [`${origin}/v3/?api_key=…`, 'pending', 0],
        [`${origin}/v1`, 'pending', 0],
        [`${origin}/other`, 'pending', 0],
      ]);
    });

    it("mirrors every feed, each record's ids namespaced by its feed and its origin kept, rejects reported", async () => {
      const syncs = await mirror.syncAll();
      assert.deepEqual(syncs.map((sync) => [sync.state, sync.errors]), [['ok', []], ['ok', []], ['ok', []]]);
      assert.ok(feeds['/v3']?.requests.filter((request) => request.startsWith('/services?') && request.includes('page=3')).length === 2, 'the failed page was asked again');
      const [v3, v1, other] = syncs;
      assert.equal(v3?.version, '3.0');
      assert.equal(v3?.inserted, seed.services.length + 1, 'the seed and the official example record');
      assert.equal(v1?.version, '1.0');
      assert.equal(v1?.inserted, seed.services.length);
      assert.equal(v1?.rejected, 1);
      assert.deepEqual(v1?.reasons.map((reason) => reason.count), [1]);
      assert.equal(other?.inserted, 3);

      const rows = await db.query<{ id: string; source: string; origin_id: string }>('SELECT id, source, origin_id FROM services WHERE origin_id = $1 ORDER BY source', [seed.services[0]?.id ?? '']);
      assert.deepEqual(
        rows.map((row) => row.source),
        [sourceKey(sources[2] ?? ''), sourceKey(sources[1] ?? ''), sourceKey(sources[0] ?? '')],
        'three councils publishing the same id keep a record each',
      );
      assert.equal(new Set(rows.map((row) => row.id)).size, 3);
      assert.equal(sourceKey(sources[0] ?? ''), `${origin}/v3`, 'the stored origin carries no API key');

      const again = await mirror.syncAll();
      assert.deepEqual(
        again.map((sync) => [sync.inserted, sync.updated, sync.unchanged, sync.removed]),
        [[0, 0, seed.services.length + 1, 0], [0, 0, seed.services.length, 0], [0, 0, 3, 0]],
        'a second sync changes nothing',
      );
      firstSuccess = (await status()).sources[0]?.lastSuccessAt ?? '';
    });

    it('republishes the merged directory at /oruk/ in full, every service of every feed in its segment', async () => {
      const services = await republished();
      assert.equal(isListShape(services), false, 'the mirror serves full records: no browser has to fetch them one by one');
      assert.equal(services.length, seed.services.length + 1 + seed.services.length + 3);
      const placed = placement(wheelOf(services));
      const [v3, v1, other] = sources.map(sourceKey);
      for (const service of seed.services) {
        const cell = expected.get(service.id);
        assert.equal(placed.get(mirroredId(v3 ?? '', 'service', service.id.toLowerCase())), cell, `v3.0 ${service.name}`);
        assert.equal(placed.get(mirroredId(v1 ?? '', 'service', service.id)), cell, `v1.0 ${service.name}`);
      }
      for (const service of seed.services.slice(0, 3)) assert.equal(placed.get(mirroredId(other ?? '', 'service', service.id)), expected.get(service.id));
      const located = services.filter((service) => service.locations.some((location) => location.coordinates));
      assert.ok(located.length > seed.services.length, 'locations came from the full records of the list-shape feed');
    });

    it('reports each feed: last sync, last full sync, counts and rejects, the API key blanked', async () => {
      const { sources: reported } = await status();
      assert.deepEqual(reported.map((source) => [source.state, source.version, source.services]), [
        ['ok', '3.0', seed.services.length + 1],
        ['ok', '1.0', seed.services.length],
        ['ok', '1.0', 3],
      ]);
      const [v3, v1] = reported;
      assert.equal(v3?.lastSuccessAt, v3?.lastAttemptAt);
      assert.equal(v1?.rejected, 1);
      assert.equal(v1?.reasons.length, 1);
    });

    it('a failing page keeps the last good mirror and reports the error; a complete feed drops what it withdrew', async () => {
      trouble = 'page';
      const withdrawn = v1Services.splice(5, 1)[0];
      try {
        const syncs = await mirror.syncAll();
        const [v3, v1] = syncs;
        assert.equal(v3?.state, 'incomplete');
        assert.equal(v3?.removed, 0);
        assert.ok((v3?.kept ?? 0) > 0, 'services on the pages not read are kept');
        assert.equal(v1?.state, 'ok');
        assert.equal(v1?.removed, 1);
        const { sources: reported } = await status();
        assert.equal(reported[0]?.state, 'incomplete');
        assert.match(reported[0]?.errors.join('\n') ?? '', /page 2 .*HTTP 503; retried: HTTP 503/);
        assert.match(reported[0]?.errors.join('\n') ?? '', /api_key=…/);
        assert.equal(reported[0]?.lastSuccessAt, firstSuccess, 'the last full sync is still the first');
        assert.ok(Date.parse(reported[0]?.lastAttemptAt ?? '') > Date.parse(firstSuccess));
        assert.equal(reported[0]?.services, seed.services.length + 1, 'nothing lost');
        assert.equal(reported[1]?.services, seed.services.length - 1);
        const services = await republished();
        assert.equal(services.length, 2 * seed.services.length + 3);
        assert.ok(!services.some((service) => service.name === withdrawn?.name && service.id === mirroredId(sourceKey(sources[1] ?? ''), 'service', String(withdrawn?.id))));
      } finally {
        trouble = 'none';
        if (withdrawn) v1Services.splice(5, 0, withdrawn);
      }
    });

    it('a full record that cannot be read keeps its earlier copy, not the bare list item in "Other"', async () => {
      trouble = 'record';
      try {
        const [v3] = await mirror.syncAll();
        assert.equal(v3?.state, 'incomplete');
        assert.match(v3?.errors.join('\n') ?? '', /1 of \d+ full records could not be read/);
        const directory = await loadDirectory(db);
        const kept = directory.services.find((service) => service.id === mirroredId(sourceKey(sources[0] ?? ''), 'service', lost));
        assert.ok(kept && kept.taxonomyTerms.length > 0 && kept.locations.length > 0, 'the stored copy still has its terms and places');
      } finally {
        trouble = 'none';
      }
      const [v3] = await mirror.syncAll();
      assert.equal(v3?.state, 'ok');
    });

    it('syncs once across instances on one database: a second instance waits for the lease, a scheduled run skips a fresh mirror', async () => {
      const v1 = feeds['/v1'];
      assert.ok(v1);
      // Three instances, as behind a load balancer, each starting its sync at the same moment.
      const instances = [mirror, ...[1, 2].map(() => new DirectoryMirror(db, { sources, everyMinutes: 60, feed: { retryDelayMs: 0 } }))];
      const before = v1.requests.length;
      const results = await Promise.all(instances.map((instance) => instance.syncAll()));
      assert.deepEqual(results.map((syncs) => syncs.length).sort(), [0, 0, 3], 'one instance synced the three feeds, the others stood aside');
      const oneSync = v1.requests.length - before;
      assert.ok(oneSync > 0);

      // The next scheduled run anywhere finds the mirror fresh and reads nothing.
      const scheduled = await Promise.all(instances.map((instance) => instance.syncAll({ freshForMs: 60 * 60_000 })));
      assert.deepEqual(scheduled.map((syncs) => syncs.length), [0, 0, 0]);
      assert.equal(v1.requests.length - before, oneSync, 'the feed was read once in all');

      // An instance that died holding the lease does not stop the mirror for good: the lease runs out.
      await db.query(`UPDATE directory_sync_lease SET holder = 'a-dead-instance', held_until = now() + interval '1 hour'`);
      assert.deepEqual((await instances[1]?.syncAll())?.length, 0, 'held by someone else');
      await db.query(`UPDATE directory_sync_lease SET held_until = now() - interval '1 second'`);
      assert.equal((await instances[1]?.syncAll())?.length, 3, 'taken over once it ran out');
    });

    it('a feed that cannot be reached at all is reported as failed, and the others still sync', async () => {
      const down = `http://127.0.0.1:${await closedPort()}/oruk`;
      const withDown = [down, ...sources];
      const other = new DirectoryMirror(db, { sources: withDown, everyMinutes: 60, feed: { retryDelayMs: 0 } });
      const syncs = await other.syncAll();
      assert.deepEqual(syncs.map((sync) => sync.state), ['failed', 'ok', 'ok', 'ok']);
      assert.match(syncs[0]?.errors.join('\n') ?? '', /network error/);
      const viewer = await startApp({ db, staffToken: TOKEN, mirror: { sources: withDown, syncMinutes: 30 } });
      try {
        const body = DirectoryStatus.parse(await (await fetch(`${viewer.base}/api/v1/directory/status`)).json());
        assert.equal(body.syncMinutes, 30);
        assert.deepEqual([body.sources[0]?.state, body.sources[0]?.services, body.sources[0]?.lastSuccessAt], ['failed', 0, undefined]);
      } finally {
        await viewer.close();
      }
    });
  });
}
