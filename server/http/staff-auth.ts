import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { StaffRole } from '../../src/contract/staff.ts';
import type { Queryable } from '../db/database.ts';
import { findStaffToken, hashStaffToken } from '../db/staff-tokens.ts';
import { HttpProblem } from './problem.ts';
import type { RateCounter } from './rate-counter.ts';

/** Who a staff request is from, as every staff route sees it. */
export interface StaffIdentity {
  /** Public id of the credential (a token's id; `bootstrap` for STAFF_TOKEN). Written to the audit trail. */
  id: string;
  role: StaffRole;
}

/**
 * The one interface between the staff routes and how staff prove who they
 * are. Bearer tokens today ({@link TokenAuthenticator}); an OpenID Connect
 * verifier of ID tokens can implement the same method later without any
 * route changing.
 */
export interface StaffAuthenticator {
  /** The identity a bearer credential stands for, or undefined when it stands for none. */
  authenticate(credential: string): Promise<StaffIdentity | undefined>;
}

declare module 'hono' {
  interface ContextVariableMap {
    staff: StaffIdentity;
  }
}

/** The caller of a staff route (set by {@link staffAuth}). */
export function staffOf(c: Context): StaffIdentity {
  return c.get('staff');
}

/**
 * Tokens from the `staff_tokens` table (hashed), and the operator's
 * STAFF_TOKEN as the bootstrap admin, compared in constant time.
 */
export class TokenAuthenticator implements StaffAuthenticator {
  readonly #bootstrap: Buffer | undefined;

  constructor(
    private readonly db: Queryable,
    bootstrapToken: string | undefined,
  ) {
    this.#bootstrap = bootstrapToken ? Buffer.from(hashStaffToken(bootstrapToken), 'hex') : undefined;
  }

  async authenticate(credential: string): Promise<StaffIdentity | undefined> {
    const hash = hashStaffToken(credential);
    if (this.#bootstrap && timingSafeEqual(Buffer.from(hash, 'hex'), this.#bootstrap)) return { id: 'bootstrap', role: 'admin' };
    const found = await findStaffToken(this.db, hash);
    return found ? { id: found.id, role: found.role } : undefined;
  }
}

export interface StaffAuthOptions {
  authenticator: StaffAuthenticator;
  /** Who the client is (its address), for counting failures. */
  client: (c: Context) => string;
  /** Where failed sign-ins are counted (the database, shared by every instance). */
  counter: RateCounter;
  /** Failed attempts a client may make in a window before every attempt is refused until it ends. Default 10. */
  failuresAllowed?: number;
  windowMs?: number;
  now?: () => number;
}

/** The counter's bucket of failed staff sign-ins. */
const FAILED_SIGN_INS = 'staff-sign-in';

const unauthorized = () =>
  new HttpProblem(401, 'unauthorized', 'A valid staff token is required', undefined, undefined, {
    'WWW-Authenticate': 'Bearer realm="community-led-widgets staff"',
  });

/**
 * Guards `/api/v1/staff/*`: a missing or wrong token gets 401 and no data;
 * a client that keeps failing gets 429 for the rest of the window, right
 * or wrong, so tokens cannot be guessed at speed.
 */
export function staffAuth(options: StaffAuthOptions): MiddlewareHandler {
  const allowed = options.failuresAllowed ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  return async (c, next) => {
    const time = now();
    const client = options.client(c);
    const failed = await options.counter.peek(FAILED_SIGN_INS, client, windowMs, time);
    if (failed && failed.count >= allowed) {
      const reset = Math.max(1, Math.ceil((failed.start + windowMs - time) / 1000));
      throw new HttpProblem(429, 'rate-limited', 'Too many failed sign-ins', `Try again in ${reset} seconds.`, undefined, { 'Retry-After': String(reset) });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const identity = match?.[1] ? await options.authenticator.authenticate(match[1]) : undefined;
    if (!identity) {
      await options.counter.hit(FAILED_SIGN_INS, client, windowMs, time);
      throw unauthorized();
    }
    c.set('staff', identity);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
