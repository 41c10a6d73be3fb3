import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Health, Readiness } from '../src/contract/health.ts';
import type { QuestionnaireDefinition } from '../src/contract/questionnaire.ts';
import { isDatabaseUnavailable, type Database } from './db/database.ts';
import { HttpProblem, problemResponse } from './http/problem.ts';
import { DatabaseRateCounter } from './http/rate-counter.ts';
import { rateLimit } from './http/rate-limit.ts';
import { originAllowed, PAGE_CSP, securityHeaders } from './http/security.ts';
import { staffAuth, TokenAuthenticator, type StaffAuthenticator } from './http/staff-auth.ts';
import { DOCS_CSS, docsPage, openApiDocument, type RouteSpec } from './openapi.ts';
import { DirectoryCache } from './directory-cache.ts';
import type { GeocoderOptions } from './geocode.ts';
import { mountOruk, orukRoutes } from './oruk/routes.ts';
import { bookingRoutes, mountBookings } from './routes/bookings.ts';
import { waitingListRoutes, type WaitingListDesk } from './routes/waiting-list.ts';
import { mountHubListPage } from './routes/hub-list-page.ts';
import { DEFAULT_OFFER_HOURS, SHORTEST_OFFER_MS } from '../src/core/waiting-list.ts';
import { feedbackRoutes, mountFeedback } from './routes/feedback.ts';
import { mountPlaces, placeRoutes } from './routes/places.ts';
import { mountSelfAssessment, selfAssessmentRoutes } from './routes/self-assessment.ts';
import { clientAddress, type TrustedProxies } from './http/client-address.ts';
import { mountStaffVisits, staffVisitRoutes } from './routes/staff-visits.ts';
import { mountStaffReports, staffReportRoutes } from './routes/staff-reports.ts';
import { mountStaffDay, staffDayRoutes } from './routes/staff-day.ts';
import { mountStaffMe, staffMeRoutes } from './routes/staff-me.ts';
import { directoryStatusRoutes, mountDirectoryStatus, type MirrorSettings } from './routes/directory-status.ts';
import { StaticFiles } from './static.ts';
import { compressResponses } from './http/compression.ts';
import { WebhookSender, type WebhookOptions } from './webhook.ts';
import type { NotifyOptions } from './notify/outbox.ts';

const NO_PROXY: TrustedProxies = { kind: 'none' };

export const VERSION = '0.1.0';
export const MAX_BODY_BYTES = 64 * 1024;
/** For files named by their content's hash: cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface AppOptions {
  db: Database;
  /** The bootstrap admin token for `/api/v1/staff/*` (STAFF_TOKEN); more tokens come from `npm run staff -- create`. */
  staffToken: string;
  /** How staff credentials are checked; tokens in the database plus `staffToken` when omitted. */
  staffAuthenticator?: StaffAuthenticator;
  /** Failed staff sign-ins a client may make per minute before it is refused for the rest of the minute; 10 when omitted. */
  staffFailuresPerMinute?: number;
  /** Browser origins allowed to call the API; empty means localhost on any port. */
  allowedOrigins?: readonly string[];
  /** Public POST requests per client per minute. */
  postsPerMinute?: number;
  /** Look-ups of saved answers by resume code (`GET /api/v1/drafts/{code}`) per client per minute; 60 when omitted. */
  lookupsPerMinute?: number;
  /** Which proxies in front may tell us the client's address (see {@link TrustedProxies}); none when omitted. */
  trustProxy?: TrustedProxies;
  /** Where postcodes and places outside the embedded table are looked up. */
  geocoder?: GeocoderOptions;
  /** Folders served at `/` and `/cdn/`; omitted in API-only tests. */
  demoDir?: string;
  /**
   * The staff token this run made, handed to the demo's staff pages at `/demo-staff-token.json`
   * so they open signed in; only to a browser on this machine, never through a proxy. `main.ts`
   * gives it only when `STAFF_TOKEN` is unset and `NODE_ENV` is not `production`.
   */
  demoStaffToken?: string | undefined;
  cdnDir?: string;
  /** Serve `/cdn/*.map`; true when omitted (off in production: they publish the source). */
  sourceMaps?: boolean;
  /** Self-assessment questionnaires by id (see `loadQuestionnaires`); none when omitted. */
  questionnaires?: ReadonlyMap<string, QuestionnaireDefinition>;
  /**
   * Where staff systems are told about each booking, cancellation and sent self-assessment
   * (signed with `secret`). A {@link WebhookSender} may be passed instead,
   * so that tests can await its deliveries with `idle()`.
   */
  webhook?: WebhookOptions | WebhookSender;
  /** GOV.UK Notify booking messages, written to the outbox (sent by a `NotifyOutbox`); none when omitted. */
  notify?: NotifyOptions | undefined;
  /** Told to send at once after a booking, move or cancellation wrote messages (it also sends on its own schedule). */
  outbox?: { runOnce(): Promise<number> } | undefined;
  /** The councils' feeds mirrored into the directory (ORUK_SOURCES) and how often, for `/api/v1/directory/status`; none when omitted. */
  mirror?: MirrorSettings;
  /** How long someone offered a freed place from a waiting list has to take it (WAITING_OFFER_MINUTES); 12 hours when omitted, 15 minutes at least. */
  waitingOfferMinutes?: number;
  /** The clock for the visit edit window and the report's default dates (tests move it). */
  now?: () => Date;
  /** False once the process is shutting down: `/readyz` then answers 503. */
  ready?: () => boolean;
}

const routes: RouteSpec[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and database check',
    tag: 'Service',
    responses: { 200: { description: 'Up', schema: Health } },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness for a load balancer',
    description: 'Answers 200 while the instance takes requests and its database answers; 503 once it is shutting down (SIGTERM), so a load balancer stops sending it new requests while those in flight finish.',
    tag: 'Service',
    responses: { 200: { description: 'Ready', schema: Readiness }, 503: { description: 'Shutting down, or the database does not answer', schema: Readiness } },
  },
  ...feedbackRoutes,
  ...placeRoutes,
  ...bookingRoutes,
  ...waitingListRoutes,
  ...selfAssessmentRoutes,
  ...staffMeRoutes,
  ...staffVisitRoutes,
  ...staffReportRoutes,
  ...staffDayRoutes,
  ...directoryStatusRoutes,
  ...orukRoutes,
];

/** A connection from this machine. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function requestClient(c: Context, trusted: TrustedProxies): string {
  let connection = 'unknown';
  try {
    connection = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket (an in-process request): one shared bucket.
  }
  return clientAddress(c.req.header('x-forwarded-for'), connection, trusted);
}

/** The reference backend as a Hono app; `server/main.ts` serves it. */
/** The app, and its waiting lists' sweep (run every minute by the server; tests run it when they move the clock). */
export type App = Hono & { waitingLists: Pick<WaitingListDesk, 'sweep'> };

export function createApp(options: AppOptions): App {
  const app = new Hono();
  const allowList = options.allowedOrigins ?? [];
  const document = openApiDocument(routes, VERSION);

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error);
    // PostgreSQL restarting or failing over: nothing was written (or it rolled back). Say so, briefly, and when to try again.
    if (isDatabaseUnavailable(error)) {
      console.warn(`database unavailable on ${c.req.method} ${c.req.path} (${(error as { code?: string }).code ?? error.message.split('\n')[0]})`);
      c.header('Retry-After', '2');
      return problemResponse(c, new HttpProblem(503, 'service-unavailable', 'The service is briefly unavailable', 'Try again in a few seconds.'));
    }
    // The stack only: database errors carry a `detail` that can quote the
    // row being written ("Failing row contains …"), i.e. a resident's details.
    console.error('Unhandled error on', c.req.method, c.req.path, error.stack ?? `${error.name}: ${error.message}`);
    return problemResponse(c, new HttpProblem(500, 'internal-error', 'Something went wrong on the server'));
  });
  app.notFound((c) => problemResponse(c, new HttpProblem(404, 'not-found', 'Not found', `Nothing at ${c.req.path}.`)));

  app.use('*', securityHeaders);
  // JSON of 1 kB or more, compressed for clients that accept it (files come compressed already).
  for (const path of ['/api/*', '/oruk', '/oruk/*', '/openapi.json', '/docs', '/docs.css']) app.use(path, compressResponses);
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (originAllowed(origin, allowList) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
      exposeHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
      maxAge: 600,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The rest of the body is never read, so the connection cannot carry another request:
      // saying so stops a client reusing it and losing its next request to a closed socket.
      onError: () => {
        throw new HttpProblem(413, 'payload-too-large', 'The request body is too large', `The limit is ${MAX_BODY_BYTES / 1024} KB.`, undefined, { Connection: 'close' });
      },
    }),
  );
  // Counted in the database: the same allowance however many instances serve it, kept over a restart.
  const counter = new DatabaseRateCounter(options.db);
  const limiter = rateLimit({
    limit: options.postsPerMinute ?? 30,
    windowMs: 60_000,
    key: (c) => requestClient(c, options.trustProxy ?? NO_PROXY),
    counter,
    bucket: 'writes',
  });
  // Every public write, a cancellation (DELETE, guarded by its manage key) included.
  app.use('/api/v1/*', async (c, next) => {
    if ((c.req.method === 'POST' || c.req.method === 'DELETE') && !c.req.path.startsWith('/api/v1/staff/')) return limiter(c, next);
    await next();
  });
  // A resume code is all that guards a draft's answers: throttle guessing, apart from the write budget.
  const lookups = rateLimit({
    limit: options.lookupsPerMinute ?? 60,
    windowMs: 60_000,
    key: (c) => requestClient(c, options.trustProxy ?? NO_PROXY),
    counter,
    bucket: 'lookups',
  });
  // A reference and a contact are all that guard a booking looked up without its link: the same throttle.
  app.use('/api/v1/bookings/lookup', async (c, next) => {
    if (c.req.method === 'POST') return lookups(c, next);
    await next();
  });
  // A booking's manage link is guarded by its key alone: looking one up by link is throttled like a resume code.
  app.use('/api/v1/bookings/:reference', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return lookups(c, next);
    await next();
  });
  app.use('/api/v1/drafts/:code', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return lookups(c, next);
    await next();
  });
  app.use(
    '/api/v1/staff/*',
    staffAuth({
      authenticator: options.staffAuthenticator ?? new TokenAuthenticator(options.db, options.staffToken),
      client: (c) => requestClient(c, options.trustProxy ?? NO_PROXY),
      counter,
      failuresAllowed: options.staffFailuresPerMinute ?? 10,
    }),
  );

  app.get('/readyz', async (c) => {
    const draining = options.ready ? !options.ready() : false;
    const answers = await options.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    c.header('Cache-Control', 'no-store');
    return c.json(Readiness.parse({ status: draining ? 'draining' : 'ready', database: options.db.kind }), draining || !answers ? 503 : 200);
  });
  app.get('/healthz', async (c) => {
    await options.db.query('SELECT 1');
    return c.json(Health.parse({ status: 'ok', database: options.db.kind, version: VERSION }));
  });
  app.get('/openapi.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(document);
  });
  app.get('/docs', (c) => c.html(docsPage(routes, document)));
  app.get('/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  mountFeedback(app, options.db);
  const directory = new DirectoryCache(options.db);
  mountPlaces(app, options.db, directory, options.geocoder ?? {});
  // Given as options (not a sender the caller runs), events are also retried on a timer of the app's own.
  const webhook = options.webhook instanceof WebhookSender ? options.webhook : options.webhook && new WebhookSender(options.db, options.webhook);
  if (options.webhook && !(options.webhook instanceof WebhookSender)) webhook?.start();
  const waitingLists = mountBookings(app, {
    db: options.db,
    directory,
    webhook,
    notify: options.notify,
    outbox: options.outbox,
    now: options.now ?? (() => new Date()),
    // Never shorter than the shortest offer (as WAITING_OFFER_MINUTES is checked).
    waitingOfferMs: Math.max(SHORTEST_OFFER_MS, (options.waitingOfferMinutes ?? DEFAULT_OFFER_HOURS * 60) * 60_000),
  });
  mountSelfAssessment(app, options.db, options.questionnaires ?? new Map(), webhook);
  mountStaffMe(app);
  // The hubs as a plain page, for pages and browsers without scripts (the elements' <noscript> links here).
  mountHubListPage(app, directory, options.now ?? (() => new Date()));
  mountStaffVisits(app, options.db, options.now);
  mountStaffReports(app, options.db, options.now);
  mountStaffDay(app, options.db, directory, options.now);
  mountDirectoryStatus(app, options.db, options.mirror ?? { sources: [], syncMinutes: 60 });
  mountOruk(app, options.db, directory, options.geocoder ?? {});

  // Registered before the static files so that no API path falls through to them.
  app.all('/api/*', (c) => {
    const allowed = routes
      .filter((route) => new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(c.req.path)).map((route) => route.method.toUpperCase());
    if (!allowed.length) return c.notFound();
    throw new HttpProblem(405, 'method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}`, undefined, undefined, {
      Allow: [...allowed, 'OPTIONS'].join(', '),
    });
  });

  const { cdnDir, demoDir } = options;
  if (cdnDir) {
    const files = new StaticFiles(cdnDir);
    app.get('/cdn/*', async (c) => {
      const path = c.req.path.slice('/cdn/'.length);
      if (options.sourceMaps === false && path.endsWith('.map')) return c.notFound();
      const response = await files.serve(c, path, {
        // Any site may load the bundle with <script type="module" src>.
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        // Chunks are named by their content's hash, so a name never changes meaning; the loader keeps
        // its name across releases, so it is revalidated (ETag) on every use.
        'Cache-Control': path.startsWith('chunks/') ? IMMUTABLE : 'no-cache',
      });
      return response ?? c.notFound();
    });
  }
  app.get('/demo-staff-token.json', (c) => {
    let address = '';
    try {
      address = getConnInfo(c).remote.address ?? '';
    } catch {
      // No socket: not a browser on this machine.
    }
    const local = LOOPBACK.has(address) && c.req.header('x-forwarded-for') === undefined && c.req.header('forwarded') === undefined;
    c.header('Cache-Control', 'no-store');
    // Always a 200, so the demo page's look-up is never a console error; no token unless it may have one.
    return c.json(options.demoStaffToken && local ? { token: options.demoStaffToken } : {});
  });
  if (demoDir) {
    const files = new StaticFiles(demoDir);
    app.get('*', async (c) => {
      const file = await files.find(c.req.path).catch(() => undefined);
      if (!file) return c.notFound();
      return file.respond(c, { 'Cache-Control': 'no-cache', ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_CSP } : {}) });
    });
  }
  return Object.assign(app, { waitingLists: { sweep: () => waitingLists.sweep() } });
}
