import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { IMMUTABLE } from '../../server/app.ts';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { COMPRESS_THRESHOLD, notModified, preferredEncoding } from '../../server/http/compression.ts';
import { startApp, type RunningApp } from '../support/app-server.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, not decoded. */
  bytes: Buffer;
}

/** GET without any decoding (fetch would undo the Content-Encoding we check). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(answer: RawAnswer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.bytes);
  if (encoding === 'gzip') return gunzipSync(answer.bytes);
  assert.equal(encoding, undefined, 'an encoding the client did not ask for');
  return answer.bytes;
}

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';
// Text that compresses, well above the threshold.
const BUNDLE = Buffer.from(Array.from({ length: 2000 }, (_, i) => `export const value${i} = ${i};\n`).join(''));
const CHUNK = Buffer.from(Array.from({ length: 500 }, (_, i) => `const chunk${i} = "${i}";\n`).join(''));
const PAGE = Buffer.from(`<!doctype html><title>Council</title>${'<p>Community hubs near you.</p>'.repeat(100)}`);
const TINY = Buffer.from('export {};\n');

describe('compression and caching over HTTP', () => {
  let db: Database;
  let root: string;
  let app: RunningApp;
  before(async () => {
    db = await openDatabase({});
    await migrate(db);
    root = mkdtempSync(join(tmpdir(), 'cls-compression-'));
    mkdirSync(join(root, 'cdn', 'chunks'), { recursive: true });
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'cdn', 'community-led-widgets.js'), BUNDLE);
    writeFileSync(join(root, 'cdn', 'chunks', 'map-AbC123xy.js'), CHUNK);
    writeFileSync(join(root, 'cdn', 'tiny.js'), TINY);
    writeFileSync(join(root, 'demo', 'index.html'), PAGE);
    app = await startApp({ db, staffToken: STAFF_TOKEN, cdnDir: join(root, 'cdn'), demoDir: join(root, 'demo') });
  });
  after(async () => {
    await app.close();
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the CDN bundle as brotli or gzip by Accept-Encoding, the same bytes once decoded, with Vary', async () => {
    const brotli = await rawGet(app.base, '/cdn/community-led-widgets.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(brotli.status, 200);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(String(brotli.headers.vary), /accept-encoding/i);
    assert.match(String(brotli.headers['content-type']), /^text\/javascript/);
    assert.ok(brotli.bytes.length < BUNDLE.length / 3, `brotli ${brotli.bytes.length} of ${BUNDLE.length} bytes`);
    assert.deepEqual(decoded(brotli), BUNDLE);

    const gzip = await rawGet(app.base, '/cdn/community-led-widgets.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(decoded(gzip), BUNDLE);
    // The same version, whatever its coding: one ETag.
    assert.equal(gzip.headers.etag, brotli.headers.etag);
  });

  it('sends the file as it is when the client accepts no coding, or refuses them with q=0', async () => {
    for (const headers of [{} as Record<string, string>, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }]) {
      const plain = await rawGet(app.base, '/cdn/community-led-widgets.js', headers);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.match(String(plain.headers.vary), /accept-encoding/i);
      assert.deepEqual(plain.bytes, BUNDLE);
    }
  });

  it('does not compress a file below the threshold', async () => {
    assert.ok(TINY.length < COMPRESS_THRESHOLD);
    const tiny = await rawGet(app.base, '/cdn/tiny.js', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(tiny.status, 200);
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.deepEqual(tiny.bytes, TINY);
  });

  it('sends the copy the build compressed when there is one, and the file again once it changes', async () => {
    const path = join(root, 'cdn', 'prebuilt.js');
    writeFileSync(path, BUNDLE);
    // Level 1: not what the server would make itself, so the bytes show which was sent.
    const prebuilt = gzipSync(BUNDLE, { level: 1 });
    writeFileSync(`${path}.gz`, prebuilt);
    const answer = await rawGet(app.base, '/cdn/prebuilt.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(answer.headers['content-encoding'], 'gzip');
    assert.deepEqual(answer.bytes, prebuilt);

    // A file rebuilt after its copy: the stale copy is not sent.
    const rebuilt = Buffer.concat([BUNDLE, Buffer.from('export const rebuilt = true;\n')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(path, rebuilt);
    const fresh = await rawGet(app.base, '/cdn/prebuilt.js', { 'Accept-Encoding': 'gzip' });
    assert.deepEqual(decoded(fresh), rebuilt);
    assert.notEqual(fresh.headers.etag, answer.headers.etag);
  });

  it('caches hashed chunks for a year as immutable', async () => {
    const chunk = await rawGet(app.base, '/cdn/chunks/map-AbC123xy.js', { 'Accept-Encoding': 'br' });
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers['cache-control'], IMMUTABLE);
    assert.match(IMMUTABLE, /max-age=31536000/);
    assert.match(IMMUTABLE, /immutable/);
    assert.equal(chunk.headers['access-control-allow-origin'], '*');
    assert.deepEqual(decoded(chunk), CHUNK);
  });

  it('revalidates the loader and the demo pages: ETag, then 304 for If-None-Match', async () => {
    for (const path of ['/cdn/community-led-widgets.js', '/']) {
      const first = await rawGet(app.base, path, { 'Accept-Encoding': 'br' });
      assert.equal(first.status, 200, path);
      assert.equal(first.headers['cache-control'], 'no-cache', path);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[^"]+"$/, path);
      const again = await rawGet(app.base, path, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
      assert.equal(again.status, 304, path);
      assert.equal(again.bytes.length, 0, path);
      assert.equal(again.headers.etag, etag, path);
      const other = await rawGet(app.base, path, { 'If-None-Match': '"something-else"' });
      assert.equal(other.status, 200, path);
    }
    const page = await rawGet(app.base, '/', { 'Accept-Encoding': 'gzip' });
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.deepEqual(decoded(page), PAGE);
  });

  it('compresses JSON responses above the threshold when accepted, and not below it or when not accepted', async () => {
    const large = await rawGet(app.base, '/openapi.json', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(large.status, 200);
    assert.equal(large.headers['content-encoding'], 'br');
    assert.match(String(large.headers.vary), /accept-encoding/i);
    const document = JSON.parse(decoded(large).toString('utf8')) as { openapi: string };
    assert.match(document.openapi, /^3\./);

    const gzip = await rawGet(app.base, '/openapi.json', { 'Accept-Encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(decoded(gzip), decoded(large));

    const plain = await rawGet(app.base, '/openapi.json');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/i);
    assert.deepEqual(plain.bytes, decoded(large));

    const small = await rawGet(app.base, '/healthz', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(small.status, 200);
    assert.ok(small.bytes.length < COMPRESS_THRESHOLD);
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal((JSON.parse(small.bytes.toString('utf8')) as { status: string }).status, 'ok');

    // A problem is JSON too, and stays readable.
    const problem = await rawGet(app.base, '/api/v1/nothing-here', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(problem.status, 404);
    assert.match(decoded(problem).toString('utf8'), /not-found/);
  });
});

describe('Accept-Encoding and If-None-Match', () => {
  it('prefers brotli, honours q-values and *, and refuses with q=0', () => {
    assert.equal(preferredEncoding('gzip, deflate, br'), 'br');
    assert.equal(preferredEncoding('gzip'), 'gzip');
    assert.equal(preferredEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
    assert.equal(preferredEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(preferredEncoding('*'), 'br');
    assert.equal(preferredEncoding('*;q=0'), undefined);
    assert.equal(preferredEncoding('identity'), undefined);
    assert.equal(preferredEncoding('deflate'), undefined);
    assert.equal(preferredEncoding(''), undefined);
    assert.equal(preferredEncoding(undefined), undefined);
    assert.equal(preferredEncoding('GZIP;Q=1'), 'gzip');
  });

  it('matches an ETag in a list, weak or strong, and *', () => {
    assert.ok(notModified('"a", "b"', '"b"'));
    assert.ok(notModified('W/"b"', '"b"'));
    assert.ok(notModified('*', '"b"'));
    assert.ok(!notModified('"a"', '"b"'));
    assert.ok(!notModified(undefined, '"b"'));
  });
});
