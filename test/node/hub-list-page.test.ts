import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, openDatabase, type Database } from '../../server/db/database.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { startApp, type RunningApp } from '../support/app-server.ts';

/*
 * The hubs as a plain page (/hubs), for pages without scripts: every hub,
 * in English or Welsh, and directory text shown as text, never HTML.
 */
describe('GET /hubs', () => {
  let db: Database;
  let app: RunningApp;

  before(async () => {
    db = await openDatabase({});
    await migrate(db);
    await seedIfEmpty(db);
    // A hub whose name and address a careless feed filled with markup.
    await db.query(
      `UPDATE hubs SET doc = jsonb_set(jsonb_set(doc, '{name}', to_jsonb($1::text)), '{address,line1}', to_jsonb($2::text)) WHERE id = (SELECT id FROM hubs ORDER BY id LIMIT 1)`,
      ['<script>alert(1)</script> Hub', '"><img src=x onerror=alert(1)>'],
    );
    await db.query('UPDATE directory_version SET version = version + 1');
    app = await startApp({ db, staffToken: 'staff-token-for-hub-list-page-tests' });
  });

  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('lists every hub with its sessions, under the pages’ CSP, with directory text escaped', async () => {
    const response = await fetch(`${app.base}/hubs`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const page = await response.text();
    const [{ n } = { n: 0 }] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM hubs');
    assert.equal((page.match(/<h2>/g) ?? []).length, Number(n), 'every hub');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt; Hub'), 'the name shown as text');
    assert.ok(page.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), 'the address shown as text');
    assert.equal(/<script|<img/i.test(page), false, 'no markup from the directory');
    assert.match(page, /<html lang="en">/);
  });

  it('is in Welsh with ?lang=cy, links back to English, and to the open data', async () => {
    const page = await (await fetch(`${app.base}/hubs?lang=cy`)).text();
    assert.match(page, /<html lang="cy">/);
    assert.match(page, /<h1>Hybiau cymunedol<\/h1>/);
    assert.match(page, /<a href="\/hubs\?lang=en" lang="en">English<\/a>/);
    assert.match(page, /<a href="\/oruk\/services">/);
    assert.match(page, /Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d+ \w+, \d\d:\d\d i \d\d:\d\d/);
  });
});
