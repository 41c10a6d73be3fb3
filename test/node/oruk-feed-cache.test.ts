/**
 * The ORUK feed and the hub list are built once per version of the
 * directory and served with an ETag; these tests pin down that the cached
 * responses stay exactly right: the same as a fresh build, replaced after a
 * write made through any instance on the same database, 304 only for the
 * version the client holds. They run on PGlite and, with DATABASE_URL, on
 * PostgreSQL with two apps (two instances) on separate connections.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hub, Service } from '../../src/contract/directory.ts';
import { OrukOrganization, OrukService, OrukTaxonomyTerm } from '../../src/contract/oruk-v3.ts';
import { HubList } from '../../src/contract/places.ts';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { upsertHubs, upsertServices } from '../../server/db/directory.ts';
import { OrukRecords, organizationToV3, serviceToV3, termToV3 } from '../../server/oruk/v3-writer.ts';
import { seed } from '../../server/seed/index.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** GET, decoding the body ourselves so the Content-Encoding can be checked. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const body = encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const firstService = seed.services[0] as Service;
const firstHub = seed.hubs[0] as Hub;

describe('the v3 writer without a parse at run time', () => {
  it('writes every seed service, term and organisation exactly as our contract reads it (parsing changes nothing)', () => {
    for (const service of seed.services) {
      const record = serviceToV3(service);
      assert.deepEqual(OrukService.parse(record), record, service.id);
    }
    for (const term of seed.taxonomyTerms) assert.deepEqual(OrukTaxonomyTerm.parse(termToV3(term)), termToV3(term), term.id);
    for (const organization of seed.organizations) assert.deepEqual(OrukOrganization.parse(organizationToV3(organization)), organizationToV3(organization), organization.id);
  });

  it('OrukRecords makes each record once and finds a service by either of its ids', () => {
    const records = new OrukRecords(seed.services);
    const record = records.service(firstService);
    assert.equal(records.service(firstService), record, 'the same object, not made again');
    assert.deepEqual(record, serviceToV3(firstService));
    assert.equal(records.find(firstService.id), firstService);
    assert.equal(records.find(record.id), firstService);
    assert.equal(records.find('no-such-service'), undefined);
  });
});

for (const backend of backends()) {
  describe(`feed and hub responses built once per directory version, on ${backend.name}`, () => {
    let db: Database;
    let other: Database;
    let dispose: () => Promise<void>;
    let closeOther: () => Promise<void> = async () => undefined;
    let app: RunningApp;
    let second: RunningApp;

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      await seedIfEmpty(db);
      // On PostgreSQL the second instance has connections of its own, as another process would.
      const schema = (await db.query<{ schema: string }>('SELECT current_schema() AS schema'))[0]?.schema;
      if (backend.kind === 'postgres' && process.env.DATABASE_URL && schema) {
        other = await openDatabase({ databaseUrl: process.env.DATABASE_URL, schema });
        closeOther = () => other.close();
      } else {
        other = db;
      }
      app = await startApp({ db, staffToken: STAFF_TOKEN });
      second = await startApp({ db: other, staffToken: STAFF_TOKEN });
    });

    after(async () => {
      await second?.close();
      await app?.close();
      await closeOther();
      await dispose?.();
    });

    it('gives /oruk/services an ETag, the same on every request and every instance, and 304 for it', async () => {
      const first = await get(app.base, '/oruk/services?per_page=50');
      assert.equal(first.status, 200);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[^"]+"$/);
      assert.equal(first.headers['cache-control'], 'no-cache');
      assert.equal(first.headers['access-control-allow-origin'], '*');
      const again = await get(app.base, '/oruk/services?per_page=50');
      assert.equal(again.headers.etag, etag);
      assert.equal(again.text, first.text);
      const elsewhere = await get(second.base, '/oruk/services?per_page=50');
      assert.equal(elsewhere.headers.etag, etag, 'the tag comes from the bytes, so every instance gives the same');
      const revalidated = await get(second.base, '/oruk/services?per_page=50', { 'If-None-Match': etag });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.text, '');
      assert.equal(revalidated.headers['access-control-allow-origin'], '*');
      // Another page is another response.
      const page2 = await get(app.base, '/oruk/services?per_page=50&page=2', { 'If-None-Match': etag });
      assert.equal(page2.status, 200);
      assert.notEqual(page2.headers.etag, etag);
    });

    it('serves the cached page compressed when accepted, the same JSON as uncompressed', async () => {
      const plain = await get(app.base, '/oruk/services?per_page=50');
      for (const encoding of ['br', 'gzip']) {
        const compressed = await get(app.base, '/oruk/services?per_page=50', { 'Accept-Encoding': encoding });
        assert.equal(compressed.headers['content-encoding'], encoding);
        assert.match(String(compressed.headers.vary), /accept-encoding/i);
        assert.equal(compressed.text, plain.text);
        assert.equal(compressed.headers.etag, plain.headers.etag);
      }
    });

    it('keeps search, taxonomy and proximity answers apart (a cached page never answers another query)', async () => {
      const lunch = JSON.parse((await get(app.base, '/oruk/services?search=lunch&per_page=200')).text) as { contents: Array<{ name: string }> };
      const all = JSON.parse((await get(app.base, '/oruk/services?per_page=200')).text) as { total_items: number };
      assert.ok(lunch.contents.length > 0 && lunch.contents.length < all.total_items);
      for (const item of lunch.contents) assert.match(item.name.toLowerCase() + JSON.stringify(item).toLowerCase(), /lunch/);
      const near = JSON.parse((await get(app.base, '/oruk/services?lat=52.45&long=-3.05&proximity=2000&per_page=200')).text) as { total_items: number };
      const far = JSON.parse((await get(app.base, '/oruk/services?lat=52.45&long=-3.05&proximity=40000&per_page=200')).text) as { total_items: number };
      assert.ok(near.total_items <= far.total_items);
      assert.notEqual(near.total_items, all.total_items);
    });

    it('gives a service detail one ETag whichever id names it, and 404 for an unknown one', async () => {
      const record = serviceToV3(firstService);
      const byOwn = await get(app.base, `/oruk/services/${encodeURIComponent(firstService.id)}`);
      const byV3 = await get(app.base, `/oruk/services/${record.id}`);
      assert.equal(byOwn.status, 200);
      assert.deepEqual(JSON.parse(byOwn.text), record);
      assert.equal(byV3.headers.etag, byOwn.headers.etag);
      assert.equal((await get(app.base, `/oruk/services/${record.id}`, { 'If-None-Match': String(byOwn.headers.etag) })).status, 304);
      assert.equal((await get(app.base, '/oruk/services/no-such-service')).status, 404);
    });

    it('rebuilds after a write made through the other instance: new content, new ETag, and the old tag gets 200', async () => {
      const path = `/oruk/services/${serviceToV3(firstService).id}`;
      const before = await get(app.base, path);
      const list = await get(app.base, '/oruk/services?per_page=50');
      const renamed: Service = { ...firstService, name: `${firstService.name} (renamed ${Date.now()})` };
      await upsertServices(other, [renamed], 'seed');
      for (const base of [app.base, second.base]) {
        const after = await get(base, path, { 'If-None-Match': String(before.headers.etag) });
        assert.equal(after.status, 200, base);
        assert.equal((JSON.parse(after.text) as { name: string }).name, renamed.name, base);
        assert.notEqual(after.headers.etag, before.headers.etag, base);
        const listAfter = await get(base, '/oruk/services?per_page=50', { 'If-None-Match': String(list.headers.etag) });
        assert.equal(listAfter.status, 200, base);
        assert.notEqual(listAfter.headers.etag, list.headers.etag, base);
      }
      await upsertServices(other, [firstService], 'seed');
      const restored = await get(app.base, path);
      assert.equal((JSON.parse(restored.text) as { name: string }).name, firstService.name);
      assert.equal(restored.headers.etag, before.headers.etag, 'the same content again: the same tag');
    });

    it('gives /api/v1/hubs?near= an ETag and 304, and a fresh list after a hub changes', async () => {
      const path = `/api/v1/hubs?near=${firstHub.coordinates.lat},${firstHub.coordinates.lng}&limit=5`;
      const first = await get(app.base, path);
      assert.equal(first.status, 200);
      const list = HubList.parse(JSON.parse(first.text));
      assert.equal(list.items[0]?.hub.id, firstHub.id);
      const etag = String(first.headers.etag);
      assert.equal((await get(second.base, path, { 'If-None-Match': etag })).status, 304);
      const renamed: Hub = { ...firstHub, name: `${firstHub.name} (moved ${Date.now()})` };
      await upsertHubs(other, [renamed]);
      const after = await get(app.base, path, { 'If-None-Match': etag });
      assert.equal(after.status, 200);
      assert.equal(HubList.parse(JSON.parse(after.text)).items[0]?.hub.name, renamed.name);
      await upsertHubs(other, [firstHub]);
    });
  });
}
