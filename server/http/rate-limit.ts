import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './problem.ts';

export interface RateLimitOptions {
  /** Requests allowed per client in each window. */
  limit: number;
  windowMs: number;
  /** Who the client is (usually the IP address). */
  key: (c: Parameters<MiddlewareHandler>[0]) => string;
  now?: () => number;
}

/**
 * A fixed-window, in-memory limiter for public POST routes. One process
 * only; a multi-instance deployment should limit at its proxy instead.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const time = now();
    const key = options.key(c);
    let window = windows.get(key);
    if (!window || time - window.start >= options.windowMs) {
      window = { start: time, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) {
        for (const [other, entry] of windows) if (time - entry.start >= options.windowMs) windows.delete(other);
      }
    }
    window.count++;
    const reset = Math.ceil((window.start + options.windowMs - time) / 1000);
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
