// Element tests in Debian's Chromium. The dev server also hosts the real
// reference API (in-memory PGlite) at /api/v1, and a "far side" fault proxy
// at /faults/… so tests can make the network fail, hang or recover, over
// real HTTP, without mocking fetch.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { getRequestListener } from '@hono/node-server';
import { register } from 'tsx/esm/api';

register();
const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('./test/support/chromium.ts');
const { createApp } = await import('./server/app.ts');
const { migrate, openDatabase } = await import('./server/db/database.ts');
const { faultProxy } = await import('./test/support/fault-proxy.ts');
const { seedIfEmpty } = await import('./server/seed/load.ts');
const { loadQuestionnaires } = await import('./server/questionnaires.ts');

export const STAFF_TOKEN = 'browser-tests-staff-token';
const db = await openDatabase({});
await migrate(db);
await seedIfEmpty(db);
// The waiting lists' clock runs ahead only while `sweep-waiting-lists` settles them (see below).
let waitingClockAhead = 0;
const app = createApp({
  db,
  staffToken: STAFF_TOKEN,
  postsPerMinute: 100_000,
  lookupsPerMinute: 100_000,
  questionnaires: loadQuestionnaires(),
  now: () => new Date(Date.now() + waitingClockAhead),
});
const api = getRequestListener(app.fetch);

/**
 * A worker token (the bootstrap STAFF_TOKEN is an admin's) and one
 * conversation it recorded two days ago, so `<cls-hub-day>` can be seen
 * after the 24-hour edit window has passed.
 */
export const WORKER_TOKEN = 'browser-tests-worker-token';
const { hashStaffToken } = await import('./server/db/staff-tokens.ts');
await db.query("INSERT INTO staff_tokens (id, token_hash, role, label) VALUES ('st_browser_worker', $1, 'worker', 'browser tests')", [hashStaffToken(WORKER_TOKEN)]);
const firstHub = (await (await app.fetch(new Request('http://localhost/api/v1/hubs?limit=1'))).json()).items[0].hub.id;
const oldVisit = await (
  await app.fetch(
    new Request('http://localhost/api/v1/staff/visits', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WORKER_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'browser-tests-old-visit' },
      body: JSON.stringify({ hubId: firstHub, occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), worker: 'OLD', outcomes: ['closed'] }),
    }),
  )
).json();
await db.query("UPDATE visits SET created_at = now() - interval '2 days' WHERE id = $1", [oldVisit.id]);
const faults = faultProxy(api, (request) => app.fetch(request));

/**
 * `executeServerCommand('go-offline', { ms })`: DevTools offline emulation
 * for the test's page, lifted by the server after `ms`. Offline also cuts
 * the runner's own connection to the page, so the page cannot be trusted
 * to switch it back on itself.
 */
const forcedColorSessions = new WeakMap();
const networkConditions = {
  name: 'network-conditions',
  async executeCommand({ command, payload, session }) {
    // `executeServerCommand('forced-colors', { active })`: Windows High Contrast (forced colours) emulation.
    if (command === 'forced-colors') {
      const page = session.browser.getPage(session.id);
      // Straight to DevTools (Puppeteer's emulateMediaFeatures does not know this feature), on one
      // session per page kept open: the emulation ends when its session does.
      const cdp = forcedColorSessions.get(page) ?? (await page.createCDPSession());
      forcedColorSessions.set(page, cdp);
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    }
    // `executeServerCommand('no-http-cache')`: this page fetches every file afresh, as a first visit would
    // (pages of other test files share the browser's HTTP cache, which would answer even offline).
    if (command === 'no-http-cache') {
      await session.browser.getPage(session.id).setCacheEnabled(false);
      return true;
    }
    if (command !== 'go-offline') return undefined;
    const page = session.browser.getPage(session.id);
    const ms = Number(payload?.ms ?? 2000);
    setTimeout(() => void page.setOfflineMode(false).catch(() => undefined), ms);
    await page.setOfflineMode(true);
    return true;
  },
};

/**
 * `executeServerCommand('geolocation', { allow, lat, lng })`: the browser's
 * answer to "Use my location": a position, or a refusal, as a person would
 * give at the permission prompt.
 */
const geolocation = {
  name: 'geolocation',
  async executeCommand({ command, payload, session }) {
    if (command !== 'geolocation') return undefined;
    const page = session.browser.getPage(session.id);
    const origin = new URL(page.url()).origin;
    const context = page.browserContext();
    await context.clearPermissionOverrides();
    if (payload?.allow) {
      await context.overridePermissions(origin, ['geolocation']);
      await page.setGeolocation({ latitude: payload.lat, longitude: payload.lng, accuracy: 50 });
    } else {
      await context.overridePermissions(origin, []);
    }
    return true;
  },
};

/**
 * `executeServerCommand('sweep-waiting-lists', { aheadMs })`: the server's
 * every-minute sweep of waiting lists, run as if `aheadMs` later (an offer
 * left untaken that long has ended), then the clock is put back.
 */
const waitingLists = {
  name: 'waiting-lists',
  async executeCommand({ command, payload }) {
    if (command !== 'sweep-waiting-lists') return undefined;
    waitingClockAhead = Number(payload?.aheadMs ?? 0);
    try {
      return await app.waitingLists.sweep();
    } finally {
      waitingClockAhead = 0;
    }
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [networkConditions, geolocation, waitingLists, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [
    async (ctx, next) => {
      if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/oruk/') || ctx.path.startsWith('/faults/')) {
        // The API answers on the raw response; Koa must not (its default 404 would only confuse logs).
        ctx.respond = false;
        ctx.status = 200;
        if (ctx.path.startsWith('/faults/')) await faults(ctx.req, ctx.res);
        else await api(ctx.req, ctx.res);
        return;
      }
      await next();
    },
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } })],
};
