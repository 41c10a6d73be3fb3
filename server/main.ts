#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { IN_MEMORY, loadConfig } from './config.ts';
import { claimDataDir, serverUsing } from './db/data-lock.ts';
import { migrate, openDatabase } from './db/database.ts';
import { PROJECT_ROOT } from './paths.ts';
import { loadQuestionnaires, questionnaireSummary } from './questionnaires.ts';
import { seedIfEmpty } from './seed/load.ts';
import { keepGeneratedStaffToken } from './staff-token-file.ts';
import { NotifyOutbox } from './notify/outbox.ts';
import { WebhookSender } from './webhook.ts';
import { Retention } from './retention.ts';
import { Recurring } from './recurring.ts';
import { DirectoryMirror } from './mirror/directory-mirror.ts';
import { redact } from './mirror/origin.ts';

let config;
try {
  config = loadConfig(process.env, process.cwd());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Before anything is opened: a broken definition names its file and what is wrong.
let questionnaires;
try {
  questionnaires = loadQuestionnaires(config.questionnairesDir);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const { dataDir } = config;
const ownFolder = !config.databaseUrl && dataDir !== IN_MEMORY;
if (ownFolder) {
  const other = serverUsing(dataDir);
  if (other) {
    console.error(`Another server (pid ${other}) is using ${dataDir}. Stop it, or set DATA_DIR or DATABASE_URL.`);
    process.exit(1);
  }
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolMax: config.databasePoolMax, schema: config.databaseSchema });
const releaseDataDir = ownFolder ? claimDataDir(dataDir) : () => undefined;
const applied = await migrate(db);
const seeded = config.seed ? await seedIfEmpty(db, { activityUntil: new Date() }) : { seeded: false, services: 0, hubs: 0 };
// Beside the database when it has a folder, else in the system's temporary folder.
const staffTokenFile = config.staffTokenGenerated ? keepGeneratedStaffToken(config.staffToken, ownFolder ? dataDir : join(tmpdir(), `community-led-widgets-${process.pid}`)) : undefined;
const cdnDir = join(PROJECT_ROOT, 'dist', 'cdn');
if (!existsSync(join(cdnDir, 'community-led-widgets.js'))) {
  console.warn('dist/cdn/community-led-widgets.js is missing: run `npm run build` (npm start does this for you).');
}

// Messages left in the outbox by an earlier run are sent too.
const outbox = config.notify ? new NotifyOutbox(db, config.notify) : undefined;
outbox?.start();
// Personal details past their period removed, now and every hour (any instance may run it).
const retention = new Retention(db, config.retention);
retention.start();
// Events for the council's webhook, likewise: those written before a restart are delivered too.
const webhook = config.webhook ? new WebhookSender(db, config.webhook) : undefined;
webhook?.start();

// Set on SIGTERM: /readyz answers 503 while the requests in flight finish.
let closing = false;
// The councils' own feeds, mirrored into the directory now and every ORUK_SYNC_MINUTES.
const mirror = config.orukSources.length ? new DirectoryMirror(db, { sources: config.orukSources, everyMinutes: config.orukSyncMinutes }) : undefined;
mirror?.start();

const app = createApp({
  db,
  staffToken: config.staffToken,
  allowedOrigins: config.allowedOrigins,
  postsPerMinute: config.postsPerMinute,
  lookupsPerMinute: config.lookupsPerMinute,
  trustProxy: config.trustProxy,
  geocoder: { geocoderUrl: config.geocoderUrl },
  ...(webhook ? { webhook } : {}),
  notify: config.notify,
  outbox,
  mirror: { sources: config.orukSources, syncMinutes: config.orukSyncMinutes },
  questionnaires,
  demoDir: join(PROJECT_ROOT, 'demo'),
  // In development the demo's staff pages open signed in with the token this run made.
  demoStaffToken: config.staffTokenGenerated && process.env['NODE_ENV'] !== 'production' ? config.staffToken : undefined,
  cdnDir,
  sourceMaps: config.sourceMaps,
  ready: () => !closing,
  waitingOfferMinutes: config.waitingOfferMinutes,
});
// Offers not taken in time end, and go to the next person waiting, within a minute.
const waitingLists = new Recurring('waiting lists: sweep', () => app.waitingLists.sweep());
waitingLists.start(60_000);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`community-led-widgets on http://localhost:${info.port}/`);
  console.log(`  database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}${applied.length ? `, applied ${applied.join(', ')}` : ''}`);
  if (seeded.seeded) console.log(`  seeded the directory: ${seeded.services} services, ${seeded.hubs} hubs${seeded.visits ? `, and a year of ${seeded.visits} conversations` : ''}`);
  console.log(`  API docs: http://localhost:${info.port}/docs`);
  console.log(`  questionnaires from ${config.questionnairesDir}: ${questionnaires.size || 'none'}`);
  for (const line of questionnaireSummary(questionnaires)) console.log(`    ${line}`);
  console.log(`  Open Referral UK v3.0 feed: http://localhost:${info.port}/oruk/`);
  for (const source of config.orukSources) console.log(`  mirroring ${redact(source, source)} every ${config.orukSyncMinutes} min (status: /api/v1/directory/status)`);
  console.log(config.notify ? '  booking messages through GOV.UK Notify' : '  NOTIFY_API_KEY not set: no booking messages are sent');
  if (config.webhook) console.log(`  bookings and self-assessments are sent to the webhook at ${new URL(config.webhook.url).origin}`);
  if (staffTokenFile) console.log(`  STAFF_TOKEN not set: a staff token for this run is in ${staffTokenFile} (readable by this user only)`);
});

const shutdown = () => {
  if (closing) return;
  closing = true;
  outbox?.stop();
  webhook?.stop();
  retention.stop();
  waitingLists.stop();
  mirror?.stop();
  server.close(() => {
    releaseDataDir();
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
