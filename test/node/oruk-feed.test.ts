import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Service } from '../../src/contract/directory.ts';
import { readFeed, readService, type FeedOptions, type FeedResult } from '../../src/oruk/feed.ts';
import { HttpStub, closedPort, sendJson, type ReceivedRequest } from '../support/http-stub.ts';

const FIXTURES = new URL('../fixtures/oruk/', import.meta.url);
// The published ORUK examples (see test/fixtures/oruk-schemas/README.md for their source and licence).
const EXAMPLES = new URL('../fixtures/oruk-schemas/examples-V3.0-UK/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));
const API_DETAILS: unknown = JSON.parse(readFileSync(new URL('api_details.json', EXAMPLES), 'utf8'));

const V3_IDS = [1, 2, 3, 4, 5].map((n) => `5a0b1c2d-0000-4a00-8000-00000000000${n}`);
const V1_IDS = ['v1-svc-1001', 'v1-svc-1002', '1003', 'v1-svc-1004'];

/** Tests retry at once; the delay itself is not what they test. */
const FAST: FeedOptions = { retryDelayMs: 0 };

type Answer = (res: ServerResponse, req: ReceivedRequest) => void;
const ok =
  (body: unknown): Answer =>
  (res) =>
    sendJson(res, 200, body);
const raw =
  (status: number, body: string, type: string): Answer =>
  (res) =>
    res.writeHead(status, { 'Content-Type': type }).end(body);
const notFound = raw(404, '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>', 'text/html');
const htmlError = raw(200, text('html-error.html'), 'text/html; charset=utf-8');
const truncated = raw(200, text('truncated-json.txt'), 'application/json');
const unavailable = raw(503, '{"error":"unavailable"}', 'application/json');
const dropConnection: Answer = (res) => res.socket?.destroy();
/** Answers with `answers` in turn, then keeps giving the last one. */
function inTurn(...answers: Answer[]): Answer {
  let calls = 0;
  return (res, req) => (answers[Math.min(calls++, answers.length - 1)] as Answer)(res, req);
}

/**
 * A feed at `/feed` on the stub: `root` answers `GET /feed/`, `pages[N-1]`
 * answers `GET /feed/services?page=N`, `details[id]` answers `/feed/services/{id}`.
 */
function feed(stub: HttpStub, routes: { root?: Answer; pages?: Answer[]; details?: Record<string, Answer> }): void {
  // Unlike stub.reset(), keep idle keep-alive connections open: closing them
  // under the client's pool makes its next request fail before reaching the
  // server, which would blur the request counts these tests assert.
  stub.received.length = 0;
  stub.handler = (req, res) => {
    const url = new URL(req.url, 'http://stub');
    if (url.pathname === '/feed/' || url.pathname === '/feed') return (routes.root ?? notFound)(res, req);
    if (url.pathname === '/feed/services') {
      const answer = routes.pages?.[Number(url.searchParams.get('page')) - 1];
      return (answer ?? ok({ contents: [], last_page: true }))(res, req);
    }
    const detail = /^\/feed\/services\/(.+)$/.exec(url.pathname);
    const answer = detail ? routes.details?.[decodeURIComponent(detail[1] ?? '')] : undefined;
    return (answer ?? notFound)(res, req);
  };
}

const v3Feed = (stub: HttpStub, pages: Answer[] = [ok(json('v3-services-page1.json')), ok(json('v3-services-page2.json'))]) =>
  feed(stub, { root: ok(API_DETAILS), pages });
const servicePages = (stub: HttpStub) => stub.received.filter((r) => r.url.startsWith('/feed/services?'));
const pageRequests = (stub: HttpStub, page: number) => servicePages(stub).filter((r) => new URL(r.url, 'http://stub').searchParams.get('page') === String(page)).length;
const idsOf = (result: FeedResult) => result.services.map((s) => s.id);

function assertContract(result: FeedResult): void {
  for (const service of result.services) assert.deepEqual(Service.parse(service), service);
  assert.equal(result.rejected, result.reasons.reduce((sum, r) => sum + r.count, 0));
}

describe('readFeed against a real HTTP server', () => {
  const stub = new HttpStub();
  let base = '';
  before(async () => {
    await stub.start();
    base = `${stub.origin}/feed`;
  });
  after(() => stub.stop());

  it('detects v3.0 from GET / and follows the pages to the last one', async () => {
    v3Feed(stub);
    const result = await readFeed(base, { ...FAST, perPage: 3 });
    assertContract(result);
    assert.equal(result.version, '3.0');
    assert.deepEqual(idsOf(result), V3_IDS);
    assert.equal(result.pagesRead, 2);
    assert.equal(result.complete, true);
    assert.deepEqual(result.errors, []);
    assert.equal(result.rejected, 0);
    assert.equal(result.stoppedBy, undefined);
    assert.deepEqual(
      stub.received.map((r) => r.url),
      ['/feed/', '/feed/services?page=1&per_page=3', '/feed/services?page=2&per_page=3'],
    );
    assert.equal(stub.received[1]?.headers.accept, 'application/json');
  });

  for (const version of ['3.0', 'HSDS 3.0', 3]) {
    it(`reads a version of ${JSON.stringify(version)} as v3.0`, async () => {
      // v1.0-shaped pages: only the root can have made it v3.0.
      feed(stub, { root: ok({ version }), pages: [ok({ content: [{ id: 'a', name: 'A' }] })] });
      const result = await readFeed(base, FAST);
      assert.equal(result.version, '3.0');
      assert.deepEqual(idsOf(result), ['a']);
    });
  }

  it('falls back to v1.0 when GET / is a 404 HTML page, and reads its pages', async () => {
    feed(stub, { root: notFound, pages: [ok(json('v1-services-page1.json')), ok(json('v1-services-page2.json'))] });
    const result = await readFeed(base, { ...FAST, perPage: 2 });
    assertContract(result);
    assert.equal(result.version, '1.0');
    assert.deepEqual(idsOf(result), V1_IDS);
    assert.equal(result.pagesRead, 2);
    assert.equal(result.complete, true);
    assert.deepEqual(result.errors, []);
    // The v1.0 singular `regular_schedule` came through.
    assert.deepEqual(result.services.find((s) => s.id === '1003')?.schedules[0]?.byday, ['SA']);
  });

  it('falls back to v1.0 when GET / is JSON without a version', async () => {
    feed(stub, { root: ok({ name: 'Northvale directory' }), pages: [ok(json('v1-services-page1.json')), ok(json('v1-services-page2.json'))] });
    const result = await readFeed(base, FAST);
    assert.equal(result.version, '1.0');
    assert.deepEqual(idsOf(result), V1_IDS);
  });

  it('when GET / says nothing, a v3.0 envelope on the first page makes it v3.0', async () => {
    feed(stub, { root: notFound, pages: [ok(json('v3-services-page1.json')), ok(json('v3-services-page2.json'))] });
    const result = await readFeed(base, FAST);
    assert.equal(result.version, '3.0');
    assert.deepEqual(idsOf(result), V3_IDS);
    assert.equal(result.complete, true);
  });

  it('asks GET / again once after a network error or a 5xx, but not after a 404', async () => {
    for (const failure of [dropConnection, unavailable]) {
      feed(stub, { root: inTurn(failure, ok(API_DETAILS)), pages: [ok({ content: [{ id: 'a', name: 'A' }] })] });
      const result = await readFeed(base, FAST);
      assert.equal(result.version, '3.0');
      assert.equal(stub.received.filter((r) => r.url === '/feed/').length, 2);
    }
    feed(stub, { root: inTurn(notFound, ok(API_DETAILS)), pages: [ok({ content: [{ id: 'a', name: 'A' }] })] });
    const result = await readFeed(base, FAST);
    assert.equal(result.version, '1.0');
    assert.equal(stub.received.filter((r) => r.url === '/feed/').length, 1);
  });

  it('options.version skips GET /', async () => {
    feed(stub, { root: ok(API_DETAILS), pages: [ok(json('v1-services-page1.json')), ok(json('v1-services-page2.json'))] });
    const result = await readFeed(base, { ...FAST, version: '1.0' });
    assert.equal(result.version, '1.0');
    assert.equal(stub.received.filter((r) => r.url === '/feed/').length, 0);
    assert.deepEqual(idsOf(result), V1_IDS);
  });

  for (const suffix of ['/', '//', '']) {
    it(`handles the base URL ${JSON.stringify(`…/feed${suffix}`)}`, async () => {
      v3Feed(stub);
      const result = await readFeed(`${base}${suffix}`, { ...FAST, perPage: 3 });
      assert.deepEqual(idsOf(result), V3_IDS);
      assert.deepEqual(
        stub.received.map((r) => new URL(r.url, 'http://stub').pathname),
        ['/feed/', '/feed/services', '/feed/services'],
      );
    });
  }

  it("keeps the base URL's own query (an API key) and adds options.query, which cannot override paging", async () => {
    v3Feed(stub);
    const result = await readFeed(`${base}/?key=abc#ignored`, { ...FAST, perPage: 3, query: { search: 'carers café', page: '9', per_page: '99' } });
    assert.equal(result.complete, true);
    const first = new URL(servicePages(stub)[0]?.url ?? '', 'http://stub').searchParams;
    assert.equal(first.get('key'), 'abc');
    assert.equal(first.get('search'), 'carers café');
    assert.equal(first.get('page'), '1');
    assert.equal(first.get('per_page'), '3');
  });

  it('maxPages: stops after that many pages, incomplete', async () => {
    v3Feed(stub);
    const result = await readFeed(base, { ...FAST, maxPages: 1 });
    assert.deepEqual(idsOf(result), V3_IDS.slice(0, 3));
    assert.equal(result.pagesRead, 1);
    assert.equal(result.complete, false);
    assert.equal(result.stoppedBy, 'maxPages');
    assert.equal(pageRequests(stub, 2), 0);
  });

  it('maxItems: stops at that many services, incomplete', async () => {
    v3Feed(stub);
    const four = await readFeed(base, { ...FAST, maxItems: 4 });
    assert.deepEqual(idsOf(four), V3_IDS.slice(0, 4));
    assert.equal(four.complete, false);
    assert.equal(four.stoppedBy, 'maxItems');

    v3Feed(stub);
    const three = await readFeed(base, { ...FAST, maxItems: 3 });
    assert.deepEqual(idsOf(three), V3_IDS.slice(0, 3));
    assert.equal(three.complete, false);
    assert.equal(pageRequests(stub, 2), 0, 'no page is read once the cap is reached');
  });

  it('a cap that is not reached leaves the result complete', async () => {
    v3Feed(stub);
    const result = await readFeed(base, { ...FAST, maxPages: 2, maxItems: 5 });
    assert.equal(result.complete, true);
    assert.equal(result.services.length, 5);
  });

  it('the default cap is 20 pages', async () => {
    // A feed that claims to go on for ever.
    feed(stub, {
      root: ok(API_DETAILS),
      pages: Array.from({ length: 30 }, (_, i) => ok({ contents: [{ id: `svc-${i + 1}`, name: `Service ${i + 1}` }], last_page: false, total_pages: 99 })),
    });
    const result = await readFeed(base, FAST);
    assert.equal(result.pagesRead, 20);
    assert.equal(result.services.length, 20);
    assert.equal(result.complete, false);
    assert.equal(result.stoppedBy, 'maxPages');
  });

  for (const [label, failure] of [
    ['a 500', raw(500, 'Internal Server Error', 'text/plain')],
    ['a dropped connection', dropConnection],
    ['truncated JSON', truncated],
    ['an HTML error page', htmlError],
  ] as Array<[string, Answer]>) {
    it(`retries a page that fails once (${label}) and carries on`, async () => {
      v3Feed(stub, [ok(json('v3-services-page1.json')), inTurn(failure, ok(json('v3-services-page2.json')))]);
      const result = await readFeed(base, FAST);
      assert.deepEqual(idsOf(result), V3_IDS);
      assert.equal(result.complete, true);
      assert.deepEqual(result.errors, []);
      assert.equal(pageRequests(stub, 2), 2);
    });
  }

  for (const [label, failure, message] of [
    ['503', unavailable, /HTTP 503; retried: HTTP 503/],
    ['an HTML error page', htmlError, /HTML page instead of JSON/],
    ['truncated JSON', truncated, /invalid JSON/],
    ['a dropped connection', dropConnection, /network error/],
    ['JSON that is not a list', ok({ error: 'Something went wrong' }), /not a list of services/],
  ] as Array<[string, Answer, RegExp]>) {
    it(`keeps what was read when a page fails twice (${label})`, async () => {
      v3Feed(stub, [ok(json('v3-services-page1.json')), failure]);
      const result = await readFeed(base, FAST);
      assertContract(result);
      assert.deepEqual(idsOf(result), V3_IDS.slice(0, 3));
      assert.equal(result.complete, false);
      assert.equal(result.stoppedBy, 'error');
      assert.equal(result.pagesRead, 1);
      assert.equal(result.errors.length, 1);
      assert.match(result.errors[0] ?? '', /^page 2 \(http:\/\/127\.0\.0\.1:\d+\/feed\/services\?page=2&per_page=50\): /);
      assert.match(result.errors[0] ?? '', message);
      assert.equal(pageRequests(stub, 2), 2, 'one try and one retry');
    });
  }

  it('reads JSON that a server labels text/html', async () => {
    v3Feed(stub, [raw(200, text('v3-services-page1.json'), 'text/html'), raw(200, text('v3-services-page2.json'), 'text/html; charset=utf-8')]);
    const result = await readFeed(base, FAST);
    assert.deepEqual(idsOf(result), V3_IDS);
    assert.equal(result.complete, true);
  });

  it('a first page that fails twice gives nothing, incomplete, without throwing', async () => {
    v3Feed(stub, [htmlError]);
    const result = await readFeed(base, FAST);
    assert.deepEqual(result.services, []);
    assert.equal(result.pagesRead, 0);
    assert.equal(result.complete, false);
    assert.match(result.errors[0] ?? '', /page 1 .*HTML/);
  });

  it('waits retryDelayMs before the retry by default, and still succeeds', async () => {
    v3Feed(stub, [inTurn(unavailable, ok(json('v3-services-page1.json'))), ok(json('v3-services-page2.json'))]);
    const result = await readFeed(base, {});
    assert.equal(result.complete, true);
    assert.equal(result.services.length, 5);
  });

  it('a page that never answers times out, is retried, and the result is incomplete', async () => {
    v3Feed(stub, [ok(json('v3-services-page1.json')), () => undefined]);
    const result = await readFeed(base, { ...FAST, timeoutMs: 150 });
    assert.deepEqual(idsOf(result), V3_IDS.slice(0, 3));
    assert.equal(result.complete, false);
    assert.match(result.errors[0] ?? '', /no answer within 150 ms; retried: no answer within 150 ms/);
    assert.equal(pageRequests(stub, 2), 2);
  });

  it('adds up rejects and repair notes across pages, and counts a service repeated on a later page once', async () => {
    const repeat = (json('v3-services-page1.json') as { contents: unknown[] }).contents[0];
    v3Feed(stub, [ok(json('null-heavy.json')), ok({ contents: [repeat, ...(json('out-of-range-coordinates.json') as { contents: unknown[] }).contents], last_page: true })]);
    const result = await readFeed(base, { ...FAST, perPage: 5 });
    assertContract(result);
    // null-heavy has no paging keys and 5 items (= per_page), so page 2 is read.
    assert.equal(result.pagesRead, 2);
    assert.deepEqual(idsOf(result), ['null-4', '42', V3_IDS[0], 'coord-1', 'coord-2', 'coord-3', 'coord-4']);
    assert.deepEqual(result.reasons, [
      { reason: 'missing id', count: 1 },
      { reason: 'missing name', count: 1 },
      { reason: 'not an object', count: 1 },
    ]);
    assert.equal(result.rejected, 3);
    assert.equal(result.notes.find((n) => n.reason === 'coordinates dropped')?.count, 3);
    assert.equal(result.complete, true);
  });

  it('counts a service repeated across pages as a duplicate', async () => {
    const page1 = json('v3-services-page1.json') as { contents: unknown[] };
    v3Feed(stub, [ok(page1), ok({ contents: [page1.contents[2], { id: 'new', name: 'New' }], last_page: true })]);
    const result = await readFeed(base, FAST);
    assert.deepEqual(idsOf(result), [...V3_IDS.slice(0, 3), 'new']);
    assert.deepEqual(result.reasons, [{ reason: 'duplicate id', count: 1 }]);
  });

  it('a bare array shorter than per_page is the only page', async () => {
    v3Feed(stub, [ok(json('bare-array.json'))]);
    const result = await readFeed(base, FAST);
    assert.deepEqual(idsOf(result), [V3_IDS[3], V3_IDS[4]]);
    assert.deepEqual(result.reasons, [{ reason: 'missing name', count: 1 }]);
    assert.equal(result.complete, true);
    assert.equal(servicePages(stub).length, 1);
  });

  it('a server that ignores `page` (the same full page again) is read once, without duplicates', async () => {
    const same = ok([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c' }]);
    v3Feed(stub, [same, same, same]);
    const result = await readFeed(base, { ...FAST, perPage: 3 });
    assert.deepEqual(idsOf(result), ['a', 'b']);
    assert.deepEqual(result.reasons, [{ reason: 'missing name', count: 1 }], 'the repeated page is not counted again');
    assert.equal(result.complete, true);
    assert.equal(servicePages(stub).length, 2);
  });

  it('an empty page ends the reading even if the envelope says more pages follow', async () => {
    v3Feed(stub, [ok(json('v3-services-page1.json')), ok({ contents: [], last_page: false, total_pages: 9 })]);
    const result = await readFeed(base, FAST);
    assert.equal(result.services.length, 3);
    assert.equal(result.complete, true);
    assert.equal(servicePages(stub).length, 2);
  });

  it('an aborted signal stops at once and keeps what was read', async () => {
    const controller = new AbortController();
    v3Feed(stub, [
      ok(json('v3-services-page1.json')),
      () => {
        // The far side hangs; the caller gives up meanwhile.
        controller.abort();
      },
    ]);
    const result = await readFeed(base, { ...FAST, signal: controller.signal });
    assert.deepEqual(idsOf(result), V3_IDS.slice(0, 3));
    assert.equal(result.complete, false);
    assert.equal(result.stoppedBy, 'aborted');
    assert.deepEqual(result.errors, ['aborted']);
    assert.equal(pageRequests(stub, 2), 1, 'no retry after an abort');

    v3Feed(stub);
    const before = await readFeed(base, { ...FAST, signal: AbortSignal.abort() });
    assert.equal(before.complete, false);
    assert.deepEqual(before.services, []);
    assert.equal(stub.received.length, 0);
  });

  it('a feed that is down altogether gives an incomplete, empty result', async () => {
    const port = await closedPort();
    const result = await readFeed(`http://127.0.0.1:${port}/feed`, FAST);
    assert.equal(result.version, '1.0');
    assert.deepEqual(result.services, []);
    assert.equal(result.complete, false);
    assert.match(result.errors[0] ?? '', /network error/);
  });

  for (const bad of ['not a url', 'javascript:alert(1)', 'ftp://example.org/feed', '']) {
    it(`refuses the base URL ${JSON.stringify(bad)} without a request`, async () => {
      v3Feed(stub);
      const result = await readFeed(bad, FAST);
      assert.equal(result.complete, false);
      assert.match(result.errors[0] ?? '', /not an absolute http\(s\) URL/);
      assert.equal(stub.received.length, 0);
    });
  }

  it('uses options.fetch when given (a real fetch, wrapped, to see it is called)', async () => {
    v3Feed(stub);
    const seen: string[] = [];
    const result = await readFeed(base, { ...FAST, fetch: (input, init) => (seen.push(String(input)), fetch(input, init)) });
    assert.equal(result.services.length, 5);
    assert.deepEqual(seen, stub.received.map((r) => `${stub.origin}${r.url}`));
  });
});

describe('readService against a real HTTP server', () => {
  const stub = new HttpStub();
  let base = '';
  before(async () => {
    await stub.start();
    base = `${stub.origin}/feed/`;
  });
  after(() => stub.stop());

  it('reads a v3.0 detail', async () => {
    feed(stub, { root: ok(API_DETAILS), details: { 'svc-1': ok(json('v3-service-detail.json')) } });
    const result = await readService(base, 'svc-1', FAST);
    assert.equal(result.version, '3.0');
    assert.equal(result.service?.name, 'Ashby Cross Talking Point');
    assert.equal(result.service?.schedules.length, 2);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      stub.received.map((r) => r.url),
      ['/feed/', '/feed/services/svc-1'],
    );
  });

  it('reads a v1.0 detail (no GET / answer), encoding the id', async () => {
    const v1 = (json('v1-services-page1.json') as { content: unknown[] }).content[0];
    feed(stub, { root: notFound, details: { 'v1 svc/1001': ok(v1) } });
    const result = await readService(base, 'v1 svc/1001', FAST);
    assert.equal(result.version, '1.0');
    assert.equal(result.service?.name, 'Good Neighbours Lunch Club');
    assert.equal(stub.received[1]?.url, '/feed/services/v1%20svc%2F1001');
  });

  it('a 404 is not found, not retried', async () => {
    feed(stub, { root: ok(API_DETAILS) });
    const result = await readService(base, 'missing', FAST);
    assert.equal(result.service, undefined);
    assert.match(result.errors[0] ?? '', /"missing" not found/);
    assert.equal(stub.received.filter((r) => r.url.startsWith('/feed/services/')).length, 1);
  });

  it('retries a failing detail once', async () => {
    feed(stub, { root: ok(API_DETAILS), details: { 'svc-1': inTurn(htmlError, ok(json('v3-service-detail.json'))) } });
    const result = await readService(base, 'svc-1', FAST);
    assert.equal(result.service?.name, 'Ashby Cross Talking Point');
    assert.deepEqual(result.errors, []);
  });

  it('a detail without a name is rejected with its reason', async () => {
    feed(stub, { root: ok(API_DETAILS), details: { x: ok({ id: 'x', name: null }) } });
    const result = await readService(base, 'x', FAST);
    assert.equal(result.service, undefined);
    assert.equal(result.rejected, 1);
    assert.deepEqual(result.reasons, [{ reason: 'missing name', count: 1 }]);
  });
});
