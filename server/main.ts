import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, PROJECT_ROOT } from './app.ts';
import { loadConfig } from './config.ts';
import { migrate, openDatabase } from './db/database.ts';

let config;
try {
  config = loadConfig(process.env, process.cwd());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const { dataDir } = config;
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });
const applied = await migrate(db);
const cdnDir = join(PROJECT_ROOT, 'dist', 'cdn');
if (!existsSync(join(cdnDir, 'community-led-widgets.js'))) {
  console.warn('dist/cdn/community-led-widgets.js is missing: run `npm run build` (npm start does this for you).');
}

const app = createApp({
  db,
  staffToken: config.staffToken,
  allowedOrigins: config.allowedOrigins,
  postsPerMinute: config.postsPerMinute,
  trustProxy: config.trustProxy,
  demoDir: join(PROJECT_ROOT, 'demo'),
  cdnDir,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`community-led-widgets on http://localhost:${info.port}/`);
  console.log(`  database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}${applied.length ? `, applied ${applied.join(', ')}` : ''}`);
  console.log(`  API docs: http://localhost:${info.port}/docs`);
  if (config.staffTokenGenerated) {
    console.log(`  STAFF_TOKEN not set; this run's staff token is: ${config.staffToken}`);
  }
});

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
