import type { MiddlewareHandler } from 'hono';

/** CSP for the server's own HTML pages (demo, docs): nothing inline, nothing third-party. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** CSP for API responses: a JSON body should never be rendered as a page. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  // Ignored over plain HTTP (the demo on localhost); behind HTTPS it keeps browsers there.
  c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  // Our own pages use location (the hub finder's "Use my location") and nothing else of the device.
  c.header('Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()');
  if (!c.res.headers.has('Content-Security-Policy')) {
    const type = c.res.headers.get('Content-Type') ?? '';
    c.header('Content-Security-Policy', type.startsWith('text/html') ? PAGE_CSP : API_CSP);
  }
};

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Whether a browser origin may call the API. An explicit allow-list
 * replaces the default, which is localhost on any port (same-origin calls
 * need no CORS at all).
 */
export function originAllowed(origin: string, allowList: readonly string[]): boolean {
  if (allowList.length) return allowList.includes(origin) || allowList.includes('*');
  return LOCALHOST.test(origin);
}
