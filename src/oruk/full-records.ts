import type { Service } from '../contract/directory.ts';
import { readService, type FeedOptions, type FeedResult, type ReadProgress } from './feed.ts';

/*
 * Feeds in the official ORUK v3.0 `service_list` shape list each service
 * without its taxonomy terms, locations or schedules: only the full record
 * at `/services/{id}` has them. Without them every service would land in
 * "Other" and the open-now, step-free and near filters would have nothing
 * to work with. DOM-free: the wheel and the server both use it.
 */

/** How to fill in a list of services. */
export interface FullRecordOptions extends Omit<FeedOptions, 'maxPages' | 'maxItems' | 'perPage' | 'query' | 'version' | 'onPage'> {
  /** At most this many requests under way at once (default 6, at most 16): kind to the council's server, quick over a slow link. */
  concurrency?: number;
  /** Full records already read, by id; read ones are added. Kept by the caller, so a second read of the same feed asks again only for what failed. */
  cache?: Map<string, Service>;
  /** Called as records arrive: `done` of `total` services filled in. */
  onProgress?: (progress: Required<ReadProgress>) => void;
}

/** True when no listed service carries terms, locations or schedules: the official v3.0 list shape, whose detail lives in the full records. */
export function isListShape(services: readonly Service[]): boolean {
  return services.length > 0 && services.every((service) => !service.taxonomyTerms.length && !service.locations.length && !service.schedules.length);
}

/**
 * `result` with each service replaced by its full record from
 * `{baseUrl}/services/{id}`, when the list is in the official list shape
 * (otherwise `result` itself: nothing is asked). At most `concurrency`
 * requests at once, each retried once by `readService`. A record that
 * cannot be read keeps the list's own record, and is named in `errors`
 * (the result is then not `complete`). Never throws.
 */
export async function withFullRecords(baseUrl: string, result: FeedResult, options: FullRecordOptions = {}): Promise<FeedResult> {
  if (!isListShape(result.services)) return result;
  const cache = options.cache ?? new Map<string, Service>();
  const { concurrency: wanted, cache: _cache, onProgress, ...rest } = options;
  const concurrency = wanted !== undefined && Number.isFinite(wanted) && wanted >= 1 ? Math.min(Math.floor(wanted), 16) : 6;
  const services = [...result.services];
  const total = services.length;
  const failed: string[] = [];
  let done = services.filter((service) => cache.has(service.id)).length;
  onProgress?.({ done, total });
  const queue = services.map((service, index) => ({ service, index })).filter(({ service }) => !cache.has(service.id));
  const work = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (options.signal?.aborted) return;
      const read = await readService(baseUrl, next.service.id, { ...rest, version: result.version });
      if (read.service) cache.set(next.service.id, read.service);
      else if (!options.signal?.aborted) failed.push(read.errors[0] ?? `service ${JSON.stringify(next.service.id)}: no record`);
      done += 1;
      onProgress?.({ done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, work));
  if (options.signal?.aborted) return { ...result, complete: false, stoppedBy: 'aborted', errors: [...result.errors, 'aborted'] };
  const filled = services.map((service) => cache.get(service.id) ?? service);
  const errors = failed.length ? [...result.errors, `${failed.length} of ${total} full records could not be read, e.g. ${failed[0]}`] : result.errors;
  return { ...result, services: filled, errors, complete: result.complete && failed.length === 0 };
}
