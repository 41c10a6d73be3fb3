import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { BUDGETS, cdnFigures, kb } from '../../bench/cdn-figures.ts';
import { ELEMENTS } from '../../src/elements/catalogue.ts';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

let server: RunningServer;
let browser: Browser;

/** A council page that holds one element, as a web editor pastes it. */
const pageWith = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council page</title>
<script type="module" src="/cdn/community-led-widgets.js"></script></head>
<body><main><h1>Tell us what you think</h1>${body}</main></body></html>`;

describe('CDN loader: only what the page uses, within budget (compiled server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  it('keeps the loader, the shared runtime and each element chunk within their budgets (gzip -9)', (t) => {
    const figures = cdnFigures('dist/cdn');
    const rows: Array<[string, number, number]> = [
      ['loader', figures.loader, BUDGETS.loader],
      ['shared runtime', figures.runtime, BUDGETS.runtime],
      ...Object.entries(figures.elements).map(([tag, bytes]): [string, number, number] => [`<${tag}> own chunk`, bytes, BUDGETS.element]),
    ];
    for (const [name, bytes, budget] of rows) t.diagnostic(`${name}: ${kb(bytes)} (budget ${kb(budget)})`);
    assert.equal(Object.keys(figures.elements).length, ELEMENTS.length, 'one chunk per element');
    const over = rows.filter(([, bytes, budget]) => bytes > budget).map(([name, bytes, budget]) => `${name} ${kb(bytes)} > ${kb(budget)}`);
    assert.deepEqual(over, []);
  });

  it('downloads only the feedback form on a page that has only <cls-feedback>, within 45 kB of JavaScript, and defines it', async (t) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${server.url}/council-feedback.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: pageWith('<cls-feedback></cls-feedback>') }),
    );
    const scripts: Array<{ url: string; bytes: number }> = [];
    const finished: Array<Promise<void>> = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      finished.push(request.sizes().then((sizes) => void scripts.push({ url: request.url(), bytes: sizes.responseBodySize })));
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { clsDefined: seen });
      document.addEventListener('cls-defined', (event) => seen.push((event as CustomEvent<{ tag: string }>).detail.tag));
    });
    await page.goto(`${server.url}/council-feedback.html`);
    await page.locator('cls-feedback').getByRole('button', { name: 'Send feedback' }).waitFor();
    assert.deepEqual(await page.evaluate(() => (window as unknown as { clsDefined: string[] }).clsDefined), ['cls-feedback']);
    await page.waitForLoadState('networkidle');
    await Promise.all(finished);

    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    t.diagnostic(`feedback-only page: ${scripts.length} scripts, ${kb(total)} of JavaScript as sent (budget ${kb(BUDGETS.feedbackPage)})`);
    const names = scripts.map((script) => new URL(script.url).pathname.replace(/-[\w-]{8}\.js$/, '.js'));
    for (const expected of ['/cdn/community-led-widgets.js', '/cdn/chunks/runtime.js', '/cdn/chunks/feedback.js']) assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    const others = ELEMENTS.filter((element) => element.tag !== 'cls-feedback').map((element) => `/cdn/chunks/${element.folder}.js`);
    assert.deepEqual(names.filter((name) => others.includes(name) || name.includes('.all.') || name.includes('locales.cy')), [], 'no other element, no Welsh, not the all-in-one file');
    assert.ok(total <= BUDGETS.feedbackPage, `${kb(total)} > ${kb(BUDGETS.feedbackPage)}`);
    await context.close();
  });

  it('loads an element added to the page later, and one inside another component’s open shadow root, each once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${server.url}/council-later.html`, (route) => route.fulfill({ contentType: 'text/html', body: pageWith('<div id="later"></div>') }));
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.url}/council-later.html`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requested, ['/cdn/community-led-widgets.js'], 'an empty page loads the loader alone');

    await page.evaluate(() => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<cls-feedback></cls-feedback>';
      document.querySelector('#later')?.append(host);
      document.body.append(document.createElement('cls-feedback'));
    });
    await page.waitForFunction(() => customElements.get('cls-feedback') !== undefined);
    await page.locator('cls-feedback').first().getByRole('button', { name: 'Send feedback' }).waitFor();
    // Both copies upgraded: the one in the light DOM and the one in the shadow root.
    assert.equal(await page.locator('cls-feedback').getByRole('button', { name: 'Send feedback' }).count(), 2);
    const chunks = JSON.parse(readFileSync('dist/cdn/element-chunks.json', 'utf8')) as Record<string, { file: string }>;
    assert.equal(requested.filter((path) => path === `/cdn/${chunks['cls-feedback']?.file}`).length, 1, 'the feedback chunk fetched once');
    await context.close();
  });

  it('keeps no element alive once it is removed from the page: the loader holds the shadow roots it watches weakly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${server.url}/council-leak.html`, (route) => route.fulfill({ contentType: 'text/html', body: pageWith('<cls-hub-finder></cls-hub-finder><cls-feedback></cls-feedback>') }));
    await page.goto(`${server.url}/council-leak.html`);
    await page.waitForFunction(() => customElements.get('cls-hub-finder') !== undefined && customElements.get('cls-feedback') !== undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    /** Instances of `tag` still reachable after a full collection (Runtime.queryObjects counts reachable objects only). */
    const alive = async (tag: string): Promise<number> => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: `customElements.get('${tag}').prototype`, objectGroup: 'leak' });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId ?? '', objectGroup: 'leak' });
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId ?? '', functionDeclaration: 'function () { return this.length; }', returnByValue: true });
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'leak' });
      return Number(result.value);
    };
    for (const tag of ['cls-hub-finder', 'cls-feedback']) {
      await page.evaluate(async (name) => {
        for (let i = 0; i < 20; i++) {
          const element = document.createElement(name) as HTMLElement & { updateComplete: Promise<unknown> };
          document.body.append(element);
          await element.updateComplete;
          // Let the loader see it (its observer runs after this task).
          await new Promise((resolve) => setTimeout(resolve, 0));
          element.remove();
        }
      }, tag);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(await alive(tag), 1, `only the <${tag}> on the page is alive after 20 were made and removed`);
    }
    await context.close();
  });

  it('keeps the cloak on until the tags inside are defined, and a second copy of the loader changes nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route(`${server.url}/council-cloak.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: pageWith('<section id="widgets" cls-cloak><cls-feedback></cls-feedback></section><script type="module" src="/cdn/community-led-widgets.js?copy=2"></script>'),
      }),
    );
    await page.goto(`${server.url}/council-cloak.html`);
    await page.locator('cls-feedback').getByRole('button', { name: 'Send feedback' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#widgets')?.hasAttribute('cls-cloak'));
    assert.equal(await page.locator('#widgets').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lifts the cloak and shows what the page put inside the tag when the element cannot be fetched', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route(`${server.url}/council-fallback.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: pageWith('<cls-feedback cls-cloak><p><a href="/contact">Contact the community team</a></p></cls-feedback>') }),
    );
    await page.route(/\/cdn\/chunks\/feedback-/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/council-fallback.html`);
    await page.getByRole('link', { name: 'Contact the community team' }).waitFor();
    assert.equal(await page.locator('cls-feedback').getAttribute('cls-cloak'), null);
    assert.ok(errors.some((text) => text.includes('<cls-feedback> could not be loaded')), errors.join('\n'));
    await context.close();
  });

  it('keeps each tag its room and the cloak from the first paint with the linked stylesheet, before any script has run', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(/\/cdn\/community-led-widgets\.js/, (route) => route.abort('blockedbyclient'));
    await page.route(`${server.url}/council-styles.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: pageWith('<cls-hub-finder></cls-hub-finder><cls-feedback hidden></cls-feedback><p cls-cloak>Not yet</p>').replace(
          '<script',
          '<link rel="stylesheet" href="/cdn/community-led-widgets.css"><script',
        ),
      }),
    );
    await page.goto(`${server.url}/council-styles.html`);
    const hubFinder = ELEMENTS.find((element) => element.tag === 'cls-hub-finder');
    assert.equal(await page.locator('cls-hub-finder').evaluate((element) => getComputedStyle(element).minHeight), hubFinder?.reservedHeight);
    assert.equal(await page.locator('cls-feedback').evaluate((element) => getComputedStyle(element).display), 'none', 'a hidden tag keeps no room');
    assert.equal(await page.getByText('Not yet').isVisible(), false);
    await context.close();
  });
});
