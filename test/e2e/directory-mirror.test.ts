import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { DirectoryStatus } from '../../src/contract/directory-status.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { seedAsOfficialFeed, serveFeeds, type OfficialV3Feed } from '../support/council-feeds.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * `npm start` with ORUK_SOURCES: the compiled server mirrors a council's feed
 * in the official v3.0 list shape (slow, paged at 50, behind an API key) at
 * start-up, says how it went, republishes it at /oruk/, and the wheel on the
 * demo page shows every service from there.
 */

const API_KEY = 'council-api-key-not-for-logs';

describe('the compiled server mirroring a council feed (ORUK_SOURCES)', () => {
  let server: RunningServer;
  let browser: Browser;
  let feed: OfficialV3Feed;
  let closeFeed: () => Promise<void> = () => Promise.resolve();
  let origin = '';

  before(async () => {
    feed = seedAsOfficialFeed({ latencyMs: 5, maxPerPage: 50 });
    ({ origin, close: closeFeed } = await serveFeeds({ '/council': feed }));
    server = await startServer({ SEED: 'false', ORUK_SOURCES: `${origin}/council/?api_key=${API_KEY}`, ORUK_SYNC_MINUTES: '60' });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await closeFeed();
  });

  it('syncs at start-up, reports it without the key, and the wheel shows every mirrored service from /oruk/', async () => {
    const status = async () => DirectoryStatus.parse(await (await fetch(`${server.url}/api/v1/directory/status`)).json());
    let source = (await status()).sources[0];
    for (let attempt = 0; source?.state !== 'ok' && attempt < 600; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      source = (await status()).sources[0];
    }
    assert.equal(source?.state, 'ok', JSON.stringify(source));
    assert.equal(source?.url, `${origin}/council/?api_key=…`);
    const mirrored = source?.services ?? 0;
    assert.equal(mirrored + (source?.rejected ?? 0), feed.services.length, 'every service mirrored or reported as rejected');

    const republished = (await (await fetch(`${server.url}/oruk/services?per_page=1`)).json()) as { total_items: number };
    assert.equal(republished.total_items, mirrored, 'republished at /oruk/, nothing else (SEED=false)');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}/charity.html`);
    const wheel = page.locator('cls-resource-wheel');
    await wheel.locator('[role="status"]').getByText(`${mirrored} community resources`).waitFor({ timeout: 30_000 });
    assert.ok((await wheel.locator('path.cell').count()) > 0, 'the wheel is drawn');
    assert.deepEqual(problems, []);
    await page.close();

    assert.equal(server.output().includes(API_KEY), false, 'the council API key is never written to the log');
    assert.match(server.output(), /mirroring http:\/\/127\.0\.0\.1:\d+\/council\/\?api_key=… every 60 min/);
  });
});
