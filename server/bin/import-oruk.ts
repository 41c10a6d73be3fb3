#!/usr/bin/env node
/**
 * npm run import:oruk -- <feed URL or JSON file>
 * Uses the same database as the server (DATABASE_URL, else PGlite in DATA_DIR).
 */
import { loadConfig } from '../config.ts';
import { serverUsing } from '../db/data-lock.ts';
import { migrate, openDatabase } from '../db/database.ts';
import { formatReport, importOruk } from '../import-oruk.ts';

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run import:oruk -- <feed URL or JSON file>');
  process.exit(2);
}
let config;
try {
  config = loadConfig(process.env, process.cwd());
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const running = config.databaseUrl ? undefined : serverUsing(config.dataDir);
if (running) {
  console.error(
    `The server (pid ${running}) has ${config.dataDir} open, and PGlite allows one process at a time.\n` +
      'Stop the server, import, then start it again (or use PostgreSQL with DATABASE_URL).',
  );
  process.exit(2);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(db);
const report = await importOruk(db, source);
console.log(formatReport(report));
await db.close();
process.exit(report.read === 0 ? 1 : 0);
