import type { Context } from 'hono';
import { Representation } from './http/compression.ts';

/** The bytes of built responses one directory version keeps: a few hundred pages of the feed. */
export const RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Responses built from one version of the directory, by a key naming
 * everything else they depend on (path and query). Each is built once,
 * serialised once, tagged once and compressed at most once per coding, then
 * served as it is until the directory changes: the cache belongs to one
 * loaded version (see `DirectoryCache`), so a write, on any instance, makes
 * the next request load a new version with an empty cache. The least
 * recently used are dropped beyond `budget` bytes.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { representation: Promise<Representation>; bytes: number }>();
  private bytes = 0;

  constructor(private readonly budget = RESPONSE_CACHE_BYTES) {}

  /** The JSON response for `key`, made by `build` on the first asking. */
  async json(c: Context, key: string, build: () => unknown | Promise<unknown>, headers: Record<string, string> = {}): Promise<Response> {
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last, so the oldest is first to go.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      const representation = (async () => {
        const body = Buffer.from(JSON.stringify(await build()), 'utf8');
        return new Representation(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), 'application/json; charset=utf-8', undefined, {}, 'balanced');
      })();
      entry = { representation, bytes: 0 };
      this.entries.set(key, entry);
      const kept = entry;
      // A build that throws (a 404, a bad query) is not kept: the next request tries again.
      representation.then(
        (made) => {
          // Room for the body and about as much again for its compressed forms.
          kept.bytes = made.body.byteLength * 1.5;
          this.bytes += kept.bytes;
          this.trim();
        },
        () => {
          if (this.entries.get(key) === kept) this.entries.delete(key);
        },
      );
    }
    return (await entry.representation).respond(c, headers);
  }

  private trim(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.budget || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}
