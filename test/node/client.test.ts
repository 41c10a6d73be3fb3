import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { ApiClient } from '../../src/client/client.ts';
import { ApiError } from '../../src/client/errors.ts';
import { FeedbackCreated } from '../../src/contract/feedback.ts';
import { closedPort, HttpStub, sendJson } from '../support/http-stub.ts';

const Item = z.object({ id: z.string(), count: z.int() });

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: `https://community-led-widgets.dev/problems/${code}`,
  title: `Problem ${code}`,
  status,
  code,
  ...extra,
});

const created = { id: '1b4e28ba-2fa1-4d2e-9c3a-5d6f7a8b9c0d', createdAt: '2026-05-01T10:00:00.000Z' };

/** Runs `work`, which must reject with an ApiError, and returns that error. */
async function apiError(work: Promise<unknown>): Promise<ApiError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('ApiClient against a real HTTP server', () => {
  const stub = new HttpStub();
  let client: ApiClient;

  before(() => stub.start());
  after(() => stub.stop());
  beforeEach(() => {
    client = new ApiClient({ baseUrl: `${stub.origin}/api/v1`, backoffMs: 1 });
  });

  it('GETs and returns the body validated against the schema', async () => {
    stub.reset((_req, res) => sendJson(res, 200, { id: 'a1', count: 3, extra: 'dropped by the schema' }));
    const item = await client.get('items/a1', Item, { query: { lang: 'cy', page: 2, hub: undefined } });
    assert.deepEqual(item, { id: 'a1', count: 3 });
    assert.equal(stub.received.length, 1);
    const [req] = stub.received;
    assert.equal(req?.method, 'GET');
    assert.equal(req?.url, '/api/v1/items/a1?lang=cy&page=2');
    assert.match(req?.headers.accept ?? '', /application\/json/);
    assert.equal(req?.headers.cookie, undefined);
  });

  it('sends the extra headers it was configured with', async () => {
    stub.reset((_req, res) => sendJson(res, 200, { id: 'a', count: 1 }));
    const staff = new ApiClient({ baseUrl: stub.origin, headers: { Authorization: 'Bearer s3cret-token-value' } });
    await staff.get('x', Item);
    assert.equal(stub.received[0]?.headers.authorization, 'Bearer s3cret-token-value');
  });

  it('retries a GET after a 503 and returns the later answer', async () => {
    stub.reset((_req, res) => {
      if (stub.received.length === 1) sendJson(res, 503, problem(503, 'internal-error'), 'application/problem+json');
      else sendJson(res, 200, { id: 'b', count: 7 });
    });
    assert.deepEqual(await client.get('items/b', Item), { id: 'b', count: 7 });
    assert.equal(stub.received.length, 2);
  });

  it('gives up after the configured retries and reports a server error', async () => {
    stub.reset((_req, res) => res.writeHead(502).end('Bad gateway'));
    const error = await apiError(client.get('items/c', Item));
    assert.equal(stub.received.length, 3, 'one attempt and two retries');
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 502);
    assert.equal(error.messageKey, 'errors.server');
    assert.equal(error.retryable, true);
  });

  it('does not retry a 404 and reports not found', async () => {
    stub.reset((_req, res) => sendJson(res, 404, problem(404, 'not-found'), 'application/problem+json'));
    const error = await apiError(client.get('items/missing', Item));
    assert.equal(stub.received.length, 1);
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not-found');
    assert.equal(error.messageKey, 'errors.notFound');
    assert.equal(error.retryable, false);
  });

  it('surfaces the problem code and field issues of a validation failure', async () => {
    const errors = [
      { path: 'helpful', code: 'required', message: 'Invalid input' },
      { path: 'comment', code: 'too-long', message: 'Too long' },
    ];
    stub.reset((_req, res) => sendJson(res, 422, problem(422, 'validation-failed', { errors }), 'application/problem+json'));
    const error = await apiError(client.post('feedback', { helpful: 9 }, FeedbackCreated, { idempotencyKey: 'key-12345678' }));
    assert.equal(stub.received.length, 1, 'bad input is not retried');
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 422);
    assert.equal(error.code, 'validation-failed');
    assert.deepEqual(error.fieldIssues, errors);
    assert.equal(error.messageKey, 'errors.validation');
    assert.equal(error.message, 'Problem validation-failed');
    assert.equal(error.retryable, false);
  });

  it('reports a 429 as rate limited and does not hammer the server', async () => {
    stub.reset((_req, res) => sendJson(res, 429, problem(429, 'rate-limited'), 'application/problem+json'));
    const error = await apiError(client.get('items/x', Item));
    assert.equal(stub.received.length, 1);
    assert.equal(error.code, 'rate-limited');
    assert.equal(error.messageKey, 'errors.rateLimited');
    assert.equal(error.retryable, true);
  });

  it('reports a 401 as unauthorized', async () => {
    stub.reset((_req, res) => sendJson(res, 401, problem(401, 'unauthorized'), 'application/problem+json'));
    const error = await apiError(client.get('staff/feedback', Item));
    assert.equal(error.messageKey, 'errors.unauthorized');
  });

  it('keeps the status of an error that is not problem+json', async () => {
    stub.reset((_req, res) => res.writeHead(400, { 'Content-Type': 'text/html' }).end('<h1>Bad request</h1>'));
    const error = await apiError(client.get('items/x', Item));
    assert.equal(error.status, 400);
    assert.equal(error.code, undefined);
    assert.deepEqual(error.fieldIssues, []);
    assert.equal(error.messageKey, 'errors.rejected');
  });

  it('reports a body that breaks the contract as an invalid response', async () => {
    stub.reset((_req, res) => sendJson(res, 200, { id: 42, count: 'three' }));
    const error = await apiError(client.get('items/d', Item));
    assert.equal(error.kind, 'invalid-response');
    assert.equal(error.messageKey, 'errors.invalidResponse');
    assert.equal(error.status, 200);
  });

  it('reports a body that is not JSON as an invalid response', async () => {
    stub.reset((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Login</title>'));
    const error = await apiError(client.get('items/e', Item));
    assert.equal(error.kind, 'invalid-response');
  });

  it('reports a server that never answers as a timeout', async () => {
    stub.reset(() => {
      /* never answer */
    });
    const impatient = new ApiClient({ baseUrl: stub.origin, timeoutMs: 200, backoffMs: 1 });
    const error = await apiError(impatient.get('slow', Item));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.messageKey, 'errors.timeout');
    assert.equal(error.retryable, true);
  });

  it('reports a server that sends headers and then stalls mid-body as a timeout', async () => {
    stub.reset((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"id":');
    });
    const impatient = new ApiClient({ baseUrl: stub.origin, timeoutMs: 200, backoffMs: 1 });
    const error = await apiError(impatient.get('stalls', Item));
    assert.equal(error.kind, 'timeout');
  });

  it('treats a body cut off by a dropped connection as a network error, and retries the GET', async () => {
    let calls = 0;
    stub.reset((_req, res, raw) => {
      calls++;
      if (calls === 1) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('{"id":');
        setImmediate(() => raw.socket.destroy());
        return;
      }
      sendJson(res, 200, { id: 'x1', count: 2 });
    });
    const item = await client.get('cut', Item);
    assert.equal(calls, 2);
    assert.equal(item.count, 2);
  });

  it('reports a refused connection as a network error', async () => {
    const port = await closedPort();
    const offline = new ApiClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, backoffMs: 1 });
    const error = await apiError(offline.get('items', Item));
    assert.equal(error.kind, 'network');
    assert.equal(error.messageKey, 'errors.network');
    assert.equal(error.status, undefined);
    assert.equal(error.retryable, true);
  });

  it('lets the caller cancel, and says so rather than blaming the network', async () => {
    stub.reset(() => {
      /* never answer */
    });
    const controller = new AbortController();
    const pending = client.get('slow', Item, { signal: controller.signal });
    const reason = new Error('resident left the page');
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(pending, (error) => error === reason);
  });

  it('sends DELETE, validates the answer, and retries it after a 503 as it is idempotent', async () => {
    let calls = 0;
    stub.reset((_req, res) => {
      calls++;
      if (calls === 1) return sendJson(res, 503, { title: 'busy', status: 503, type: 'about:blank', code: 'internal-error' }, 'application/problem+json');
      sendJson(res, 200, { id: 'x1', count: 0 });
    });
    const item = await client.delete('things/x1', Item, { query: { token: 'secret' } });
    assert.equal(item.count, 0);
    assert.deepEqual(
      stub.received.map((req) => [req.method, req.url.replace(/^.*\/things/, '/things')]),
      [
        ['DELETE', '/things/x1?token=secret'],
        ['DELETE', '/things/x1?token=secret'],
      ],
    );
  });

  it('POSTs JSON with the Idempotency-Key header', async () => {
    stub.reset((_req, res) => sendJson(res, 201, created));
    const result = await client.post('feedback', { helpful: 5, ease: 4 }, FeedbackCreated, { idempotencyKey: 'idem-key-0001' });
    assert.deepEqual(result, created);
    assert.equal(stub.received.length, 1);
    const [req] = stub.received;
    assert.equal(req?.method, 'POST');
    assert.equal(req?.url, '/api/v1/feedback');
    assert.match(req?.headers['content-type'] ?? '', /^application\/json\b/);
    assert.equal(req?.headers['idempotency-key'], 'idem-key-0001');
    assert.deepEqual(JSON.parse(req?.body ?? ''), { helpful: 5, ease: 4 });
  });

  it('retries a POST after a 503 with the same key and the same body', async () => {
    stub.reset((_req, res) => {
      if (stub.received.length === 1) sendJson(res, 503, problem(503, 'internal-error'), 'application/problem+json');
      else sendJson(res, 201, created);
    });
    const result = await client.post('feedback', { helpful: 2, ease: 3, comment: 'Busy' }, FeedbackCreated, {
      idempotencyKey: 'retry-key-42',
    });
    assert.deepEqual(result, created);
    assert.equal(stub.received.length, 2);
    const [first, second] = stub.received;
    assert.equal(first?.headers['idempotency-key'], 'retry-key-42');
    assert.equal(second?.headers['idempotency-key'], 'retry-key-42');
    assert.equal(second?.body, first?.body);
  });

  it('does not retry a POST the server refused with 409', async () => {
    stub.reset((_req, res) => sendJson(res, 409, problem(409, 'idempotency-key-reused'), 'application/problem+json'));
    const error = await apiError(client.post('feedback', { helpful: 1, ease: 1 }, FeedbackCreated, { idempotencyKey: 'used-key-01' }));
    assert.equal(stub.received.length, 1);
    assert.equal(error.code, 'idempotency-key-reused');
    assert.equal(error.messageKey, 'errors.rejected');
  });
});

describe('ApiClient.url', () => {
  it('joins an absolute base and a path with exactly one slash', () => {
    const client = new ApiClient({ baseUrl: 'https://council.example/api/v1/' });
    assert.equal(client.url('feedback'), 'https://council.example/api/v1/feedback');
    assert.equal(client.url('/feedback'), 'https://council.example/api/v1/feedback');
    assert.equal(client.url('staff/feedback'), 'https://council.example/api/v1/staff/feedback');
  });

  it('encodes the query and leaves out undefined values', () => {
    const client = new ApiClient({ baseUrl: 'https://council.example/api/v1' });
    assert.equal(
      client.url('hubs', { q: 'Llanfair & Pwll', limit: 10, hub: undefined }),
      'https://council.example/api/v1/hubs?q=Llanfair+%26+Pwll&limit=10',
    );
  });

  it('resolves a relative base against the page', () => {
    const had = Object.prototype.hasOwnProperty.call(globalThis, 'location');
    const saved: unknown = (globalThis as { location?: unknown }).location;
    Object.defineProperty(globalThis, 'location', { value: { href: 'https://library.example/visit/feedback.html' }, configurable: true });
    try {
      assert.equal(new ApiClient({ baseUrl: '/api/v1' }).url('feedback', { a: 1 }), 'https://library.example/api/v1/feedback?a=1');
      assert.equal(new ApiClient({ baseUrl: '/api/v1/' }).url('/feedback'), 'https://library.example/api/v1/feedback');
    } finally {
      if (had) Object.defineProperty(globalThis, 'location', { value: saved, configurable: true });
      else delete (globalThis as { location?: unknown }).location;
    }
  });

  it('resolves a relative base outside a browser without throwing', () => {
    assert.equal(new ApiClient({ baseUrl: '/api/v1' }).url('feedback'), 'http://localhost/api/v1/feedback');
  });
});
