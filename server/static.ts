import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { compressible, Representation } from './http/compression.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The extensions of the compressed copies `scripts/precompress.ts` writes beside a built file. */
export const PRECOMPRESSED = { br: '.br', gzip: '.gz' } as const;

/**
 * The file under `root` for a URL path, or undefined. Directory paths get
 * their `index.html`; nothing outside `root` is ever named.
 */
async function resolveFile(root: string, urlPath: string): Promise<{ path: string; mtimeMs: number; size: number } | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  let path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path);
    }
    return info.isFile() ? { path, mtimeMs: info.mtimeMs, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** A compressed copy written at build time, when it is at least as new as the file it was made from. */
async function precompressed(path: string, mtimeMs: number, extension: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(path + extension);
    return info.mtimeMs >= mtimeMs ? await readFile(path + extension) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files under one folder, kept in memory with their ETag and their brotli and
 * gzip forms: taken from the copies the build wrote beside them
 * (`npm run build:widgets`), else compressed once on first asking. A file
 * changed on disk (a rebuild, the demo edited) is read again: each request
 * checks its size and modification time.
 */
export class StaticFiles {
  private readonly files = new Map<string, { mtimeMs: number; size: number; representation: Promise<Representation> }>();

  constructor(private readonly root: string) {}

  /** The file for `urlPath` as a reusable response body, or undefined when there is none. */
  async find(urlPath: string): Promise<Representation | undefined> {
    const file = await resolveFile(this.root, urlPath);
    if (!file) return undefined;
    const known = this.files.get(file.path);
    if (known && known.mtimeMs === file.mtimeMs && known.size === file.size) return known.representation;
    const type = TYPES[extname(file.path)] ?? 'application/octet-stream';
    const representation = (async () => {
      const body = await readFile(file.path);
      if (!compressible(type)) return new Representation(body, type);
      const [br, gzip] = await Promise.all([precompressed(file.path, file.mtimeMs, PRECOMPRESSED.br), precompressed(file.path, file.mtimeMs, PRECOMPRESSED.gzip)]);
      return new Representation(body, type, undefined, { ...(br ? { br } : {}), ...(gzip ? { gzip } : {}) });
    })();
    representation.catch(() => this.files.delete(file.path));
    this.files.set(file.path, { mtimeMs: file.mtimeMs, size: file.size, representation });
    return representation;
  }

  /** Serves `urlPath` (see {@link Representation.respond}), or undefined when there is no such file. */
  async serve(c: Context, urlPath: string, headers: Record<string, string>): Promise<Response | undefined> {
    const representation = await this.find(urlPath).catch(() => undefined);
    return representation?.respond(c, headers);
  }
}
