import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

/** The content codings the server sends, best first. */
export type Encoding = 'br' | 'gzip';

/** Below this many bytes a body is sent as it is: the headers and the work cost more than they save. */
export const COMPRESS_THRESHOLD = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The coding to answer an `Accept-Encoding` header with: brotli when the
 * client takes it at least as gladly as gzip, then gzip, else none
 * (RFC 9110 §12.5.3: `q=0` refuses a coding, `*` stands for the others).
 */
export function preferredEncoding(accept: string | null | undefined): Encoding | undefined {
  if (!accept) return undefined;
  const weights = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') weight = Number(value);
    }
    weights.set(token, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return undefined;
}

/**
 * How hard to compress: 'most' for files compressed once and kept (brotli 11,
 * gzip 9: seconds for a large bundle, so done at build time), 'balanced' for
 * responses built once per directory version and kept (brotli 6, gzip 9),
 * 'quick' for bodies compressed on every response (brotli 4, gzip 6).
 */
export type Effort = 'most' | 'balanced' | 'quick';

const BROTLI_QUALITY: Record<Effort, number> = { most: 11, balanced: 6, quick: 4 };

/** `body` in `encoding`, as hard as `effort` says. */
export async function compress(body: Uint8Array, encoding: Encoding, effort: Effort): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
  }
  return gzipped(body, { level: effort === 'quick' ? 6 : 9 });
}

/** A strong validator for `body`: the same bytes give the same tag on every instance. */
export function entityTag(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function notModified(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

/**
 * A body kept with its tag and its compressed forms, made on first asking
 * and reused: a file, or a feed page built once per directory version.
 */
export class Representation {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(
    readonly body: Uint8Array<ArrayBuffer>,
    readonly type: string,
    etag?: string,
    /** Compressed forms made elsewhere (at build time). */
    ready: Partial<Record<Encoding, Buffer>> = {},
    private readonly effort: Effort = 'most',
  ) {
    this.etag = etag ?? entityTag(body);
    for (const [encoding, bytes] of Object.entries(ready) as Array<[Encoding, Buffer]>) this.encoded.set(encoding, Promise.resolve(bytes));
  }

  /** The body in `encoding`, compressed once; the first failure is not kept. */
  encode(encoding: Encoding): Promise<Buffer> {
    let pending = this.encoded.get(encoding);
    if (!pending) {
      pending = compress(this.body, encoding, this.effort);
      pending.catch(() => this.encoded.delete(encoding));
      this.encoded.set(encoding, pending);
    }
    return pending;
  }

  /**
   * The response for `c`: 304 when the client holds this version, else the
   * body compressed as the client accepts (when it is a text type above the
   * threshold). `Vary: Accept-Encoding` always, so caches keep the forms apart.
   */
  async respond(c: Context, headers: Record<string, string> = {}): Promise<Response> {
    const common: Record<string, string> = { ...headers, ETag: this.etag, Vary: 'Accept-Encoding' };
    if (notModified(c.req.header('If-None-Match'), this.etag)) return c.body(null, 304, common);
    const encoding = compressible(this.type) && this.body.byteLength >= COMPRESS_THRESHOLD ? preferredEncoding(c.req.header('Accept-Encoding')) : undefined;
    if (!encoding) return c.body(this.body, 200, { ...common, 'Content-Type': this.type });
    const bytes = await this.encode(encoding);
    return c.body(asBytes(bytes), 200, { ...common, 'Content-Type': this.type, 'Content-Encoding': encoding });
  }
}

/** A Buffer as the plain byte array a Response takes (zlib's output never shares memory). */
const asBytes = (bytes: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);

/** Text, scripts, JSON and SVG shrink; images and archives are compressed already. */
export function compressible(type: string): boolean {
  return /^(text\/|application\/(json|javascript|problem\+json|xml|manifest\+json)|image\/svg\+xml)/.test(type);
}

/**
 * Compresses JSON (and other text) responses of `COMPRESS_THRESHOLD` bytes
 * or more for clients that accept it; responses that chose their form already
 * (static files, cached feed pages: `Vary: Accept-Encoding`) pass untouched.
 */
export const compressResponses: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || !res.body) return;
  // Set by a Representation (files, cached feed pages), which chose its form already.
  if (res.headers.get('Vary')?.toLowerCase().includes('accept-encoding')) return;
  if (res.headers.has('Content-Encoding') || res.headers.get('Cache-Control')?.includes('no-transform')) return;
  if (!compressible(res.headers.get('Content-Type') ?? '')) return;
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength < COMPRESS_THRESHOLD) {
    c.res = new Response(body, res);
    return;
  }
  const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
  const bytes = encoding ? await compress(body, encoding, 'quick') : undefined;
  c.res = new Response(bytes ? asBytes(bytes) : body, res);
  // Another client may get another form of the same URL, so caches must know that it varies.
  const vary = c.res.headers.get('Vary');
  if (!vary?.toLowerCase().includes('accept-encoding')) c.res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (encoding) {
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.delete('Content-Length');
  }
};
