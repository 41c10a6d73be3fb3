import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './problem.ts';
import type { RateCounter } from './rate-counter.ts';

export interface RateLimitOptions {
  /** Requests allowed per client in each window. */
  limit: number;
  windowMs: number;
  /** Who the client is (usually the IP address). */
  key: (c: Parameters<MiddlewareHandler>[0]) => string;
  /** Where the counts live (the database, shared by every instance). */
  counter: RateCounter;
  /** Names this limit's counts apart from the others' in the counter. */
  bucket: string;
  now?: () => number;
}

/**
 * A fixed window per client, counted in `counter`, so the allowance is
 * the same however many instances serve the API and survives a restart.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  return async (c, next) => {
    const time = now();
    const window = await options.counter.hit(options.bucket, options.key(c), options.windowMs, time);
    const reset = Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000));
    c.header('RateLimit-Limit', String(options.limit));
    c.header('RateLimit-Remaining', String(Math.max(0, options.limit - window.count)));
    c.header('RateLimit-Reset', String(reset));
    if (window.count > options.limit) {
      throw new HttpProblem(429, 'rate-limited', 'Too many requests', `Try again in ${reset} seconds.`, undefined, {
        'Retry-After': String(reset),
      });
    }
    await next();
  };
}
