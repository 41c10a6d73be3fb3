#!/usr/bin/env node
/**
 * npm run staff -- create --role worker|admin --label "Borchester Library tablet"
 * npm run staff -- list
 * npm run staff -- revoke <id>
 *
 * Uses the same database as the server (DATABASE_URL, else PGlite in DATA_DIR).
 * A new token is printed once; only its hash is stored.
 */
import { parseArgs } from 'node:util';
import { StaffRole } from '../../src/contract/staff.ts';
import { loadConfig } from '../config.ts';
import { serverUsing } from '../db/data-lock.ts';
import { migrate, openDatabase } from '../db/database.ts';
import { createStaffToken, listStaffTokens, revokeStaffToken } from '../db/staff-tokens.ts';

const USAGE = `Usage:
  npm run staff -- create --role worker|admin --label "<what it is for>"
  npm run staff -- list
  npm run staff -- revoke <id>`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { role: { type: 'string' }, label: { type: 'string' } } });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [command, ...rest] = parsed.positionals;
if (!command || !['create', 'list', 'revoke'].includes(command)) fail(USAGE);
const role = StaffRole.safeParse(parsed.values.role ?? 'worker');
if (command === 'create' && !role.success) fail(`--role must be worker or admin.\n${USAGE}`);
const label = (parsed.values.label ?? '').trim();
if (command === 'create' && (!label || label.length > 100)) fail(`--label is required (at most 100 characters): say which device or person the token is for.\n${USAGE}`);
if (command === 'revoke' && rest.length !== 1) fail(USAGE);

let config;
try {
  config = loadConfig(process.env, process.cwd());
} catch (error) {
  fail((error as Error).message);
}
const running = config.databaseUrl ? undefined : serverUsing(config.dataDir);
if (running) {
  fail(`The server (pid ${running}) has ${config.dataDir} open, and PGlite allows one process at a time. Stop it first (or use PostgreSQL with DATABASE_URL).`);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let code = 0;
try {
  await migrate(db);
  if (command === 'create' && role.success) {
    const created = await createStaffToken(db, role.data, label);
    console.log(`Created ${created.role} token ${created.id} (${created.label}). It is shown only now:\n\n  ${created.token}\n`);
  } else if (command === 'list') {
    const tokens = await listStaffTokens(db);
    if (!tokens.length) console.log('No staff tokens yet (STAFF_TOKEN is always the admin token).');
    for (const token of tokens) console.log(`${token.id}  ${token.role.padEnd(6)}  ${token.createdAt}  ${token.revokedAt ? `revoked ${token.revokedAt}` : 'in force'}  ${token.label}`);
  } else if (command === 'revoke') {
    const id = rest[0] ?? '';
    if (await revokeStaffToken(db, id)) console.log(`Revoked ${id}.`);
    else {
      console.error(`No token ${id} in force (see npm run staff -- list).`);
      code = 1;
    }
  }
} finally {
  await db.close();
}
process.exit(code);
