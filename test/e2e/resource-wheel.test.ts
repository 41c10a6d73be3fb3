import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { seedAsOfficialFeed, type OfficialV3Feed } from '../support/council-feeds.ts';

let server: RunningServer;
let browser: Browser;
let council: Server;
let councilUrl = '';
/** The seed as a council would publish it in the official v3.0 list shape: pages of 50, slow, one record held back until released. */
let official: OfficialV3Feed;
let heldId = '';

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
    if (url.pathname === '/official.html') {
      const lang = url.searchParams.get('lang') === 'cy' ? 'cy' : 'en';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Council directory</title>
<script type="module" src="${cdn}"></script></head><body><main><h1>Our directory</h1><cls-resource-wheel lang="${lang}" directory="/official/" view="list"></cls-resource-wheel></main></body></html>`);
      return;
    }
    if (url.pathname.startsWith('/official/') || url.pathname === '/official') {
      official.handle(req, res, url.pathname.slice('/official'.length) || '/');
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

/** A fresh official-shape feed: every tenth full record fails once (the retry gets it); one is held until released, so the progress can be seen. */
function officialFeed(): void {
  official = seedAsOfficialFeed({
    latencyMs: 20,
    fail: ({ path, attempt }) => (/^\/services\/./.test(path) && attempt === 1 && official.requests.length % 10 === 0 ? 503 : undefined),
    hold: ({ path }) => path === `/services/${heldId}`,
  });
  heldId = String(official.services[40]?.id);
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe's WCAG 2.2 AA violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
  });
}

describe('resource wheel end to end', () => {
  before(async () => {
    officialFeed();
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

  for (const lang of ['en', 'cy'] as const) {
    it(`fills in a feed in the official v3.0 list shape, showing progress, and lists every service in the list view (${lang})`, async () => {
      officialFeed();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${councilUrl}/official.html?lang=${lang}`);
      const wheel = page.locator('cls-resource-wheel');
      const total = official.services.length;
      const progress = lang === 'en' ? `Loading \\d+ of ${total} community resources` : `Wrthi’n llwytho \\d+ o ${total} adnodd cymunedol`;
      await wheel.locator('.loading').getByText(new RegExp(`^\\s*${progress}\\s*$`)).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the progress state is accessible');
      official.release();
      await wheel.locator('[role="status"]').getByText(lang === 'en' ? `${total} community resources` : `${total} adnodd cymunedol`).waitFor();
      const more = wheel.locator('.list-view button.more');
      // By keyboard, as a screen-reader user would.
      while ((await more.count()) > 0) {
        await more.first().focus();
        await page.keyboard.press('Enter');
      }
      const ids = new Set(await wheel.locator('.list-view [data-service]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.service)));
      assert.deepEqual([...ids].sort(), official.services.map((service) => String(service.id)).sort());
      // Placed by their full records' terms: not all in "Other".
      const segments = await wheel.locator('.list-view section > [role="heading"]').allTextContents();
      assert.ok(segments.length >= 8, segments.join(', '));
      assert.ok(official.maxInFlight <= 6, `at most 6 requests at once, saw ${official.maxInFlight}`);
      assert.deepEqual(await axeViolations(page), []);
      // The official example record was last assured in 2005: flagged.
      await wheel.locator('.list-view [data-service]', { hasText: 'Community Counselling' }).first().focus();
      await page.keyboard.press('Enter');
      const details = wheel.locator('[part="details"]');
      await details.waitFor();
      assert.match(
        (await details.textContent()) ?? '',
        lang === 'en' ? /Checked in January 2005\s*Not checked for over a year/ : /Gwiriwyd ym mis Ionawr 2005\s*Heb ei wirio ers dros flwyddyn/,
      );
      assert.deepEqual(await axeViolations(page), [], 'the flagged record is accessible');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
