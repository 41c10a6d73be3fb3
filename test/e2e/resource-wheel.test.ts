import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;
let council: Server;
let councilUrl = '';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/oruk/${name}`, import.meta.url), 'utf8');

/**
 * A second directory: a council's own ORUK v1.0 API (fixture pages), on its
 * own origin, with a page of its own that embeds the wheel from our CDN.
 */
function startCouncilFeed(cdn: string): Promise<void> {
  council = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council directory</title>
<script type="module" src="${cdn}"></script></head><body><main><h1>Our directory</h1><cls-resource-wheel directory="/v1/"></cls-resource-wheel></main></body></html>`);
      return;
    }
    if (url.pathname === '/v1/services') {
      const page = url.searchParams.get('page') === '2' ? 2 : 1;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(fixture(`v1-services-page${page}.json`));
      return;
    }
    // v1.0 feeds have no API-details document at their root.
    res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
  });
  return new Promise((resolve) =>
    council.listen(0, '127.0.0.1', () => {
      councilUrl = `http://127.0.0.1:${(council.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

describe('resource wheel end to end', () => {
  before(async () => {
    server = await startServer();
    await startCouncilFeed(`${server.url}/cdn/community-led-widgets.js`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => council?.close(resolve));
  });

  it('renders the seeded directory from /oruk/ on the charity page, searches, and opens details', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${server.url}/charity.html`);
    const wheel = page.locator('cls-resource-wheel');
    await wheel.getByLabel('Search community resources').waitFor();
    assert.ok((await wheel.locator('path.cell').count()) > 0, 'the wheel is drawn');
    await wheel.getByLabel('Search community resources').fill('walking');
    await wheel.getByText(/resources? match/).first().waitFor();
    const first = wheel.locator('[part="list"] [data-service]').first();
    const name = (await first.textContent())?.trim() ?? '';
    assert.match(name.toLowerCase(), /walk/);
    await first.click();
    await wheel.locator('#resource-heading').waitFor();
    assert.equal((await wheel.locator('#resource-heading').textContent())?.trim(), name);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('renders a council\'s own ORUK v1.0 feed, searches it and opens a resource', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${councilUrl}/page.html`);
    const wheel = page.locator('cls-resource-wheel');
    await wheel.getByLabel('Search community resources').waitFor();
    // Both fixture pages were read: 4 services.
    await wheel.locator('[role="status"]').getByText('4 community resources').waitFor();
    await wheel.getByLabel('Search community resources').fill('lunch');
    const result = wheel.locator('[part="list"] [data-service]');
    await result.first().waitFor();
    assert.equal(await result.count(), 1);
    await result.first().click();
    await wheel.locator('#resource-heading').getByText('Good Neighbours Lunch Club').waitFor();
    assert.ok(await wheel.getByText('£4.50 per meal').isVisible());
    assert.deepEqual(problems, []);
    await page.close();
  });
});
