import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { HubList } from '../../src/contract/places.ts';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

/*
 * A site, or a browser, that runs no scripts (#18): the demo pages'
 * <noscript> fallback links to the hubs as a plain page made on the server
 * (in English and Welsh) and to the ORUK feed, and both work without a line
 * of JavaScript.
 */

let server: RunningServer;
let browser: Browser;

describe('without JavaScript (compiled server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  it('the hub finder page offers every hub as a plain page, in English and Welsh, and the open data', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto(`${server.url}/`);
    const fallback = page.getByRole('link', { name: 'every hub, with its address, phone and sessions' });
    // Not under the room kept for the element while scripts load: without scripts it never comes.
    const box = await fallback.boundingBox();
    assert.ok(box && box.y < 800, `the fallback is on the first screen (at ${box?.y} px)`);
    await fallback.click();
    await page.waitForURL(/\/hubs$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const { items } = HubList.parse(await (await fetch(`${server.url}/api/v1/hubs?limit=100`)).json());
    const headings = await page.locator('h2').allTextContents();
    assert.equal(headings.length, items.length, 'every hub');
    for (const { hub } of items) assert.ok(headings.includes(hub.name), `${hub.name} is listed`);
    assert.ok((await page.locator('li').count()) > 0, 'sessions listed');
    assert.match((await page.locator('main').textContent()) ?? '', /\d\d:\d\d to \d\d:\d\d: Talking point conversation \((drop in|book by phone)\)/);

    await page.getByRole('link', { name: 'Cymraeg' }).click();
    await page.waitForURL(/\/hubs\?lang=cy$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    assert.equal(await page.locator('h1').textContent(), 'Hybiau cymunedol');
    assert.match((await page.locator('main').textContent()) ?? '', /Dydd \w+ \d+ \w+, \d\d:\d\d i \d\d:\d\d/);
    const welshNamed = items.find(({ hub }) => hub.translations?.cy?.name);
    if (welshNamed?.hub.translations?.cy?.name) assert.ok((await page.locator('h2').allTextContents()).includes(welshNamed.hub.translations.cy.name), 'a hub’s Welsh name');

    const feed = await page.getByRole('link', { name: 'Yr un cyfeiriadur fel data agored (Open Referral UK)' }).getAttribute('href');
    const response = await fetch(new URL(feed ?? '', server.url));
    assert.equal(response.status, 200);
    assert.ok(((await response.json()) as { contents?: unknown[] }).contents?.length, 'the feed lists services');
    assert.deepEqual(violations, [], 'no errors, no CSP violations');
    await context.close();
  });

  it('the charity page points to the open data and the hubs', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/charity.html`);
    assert.equal(await page.getByRole('link', { name: 'Open Referral UK feed' }).getAttribute('href'), '/oruk/services');
    await page.getByRole('link', { name: 'community hub', exact: true }).click();
    await page.waitForURL(/\/hubs$/);
    assert.ok((await page.locator('h2').count()) > 0);
    await context.close();
  });
});
