import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { FeedbackList } from '../../src/contract/feedback.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * The integration guides' React 19 and Vue 3 snippets (#18), exercised: the
 * test page in test/frameworks is built with Vite from the package's npm
 * entry point (`community-led-widgets/feedback`, the built dist/), served
 * under the same strict Content-Security-Policy as the demo, and each
 * framework's <cls-feedback> takes an attribute, an object property (its
 * strings) and an event listener, and sends real feedback to the compiled
 * server. So does the same class given another tag by a scoped custom
 * element registry, beside the app's own element written with Lit 2.
 */

let server: RunningServer;
let browser: Browser;
let built: string;

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

describe('the element guides’ React 19 and Vue 3 snippets (Vite build, compiled server, real browser)', () => {
  before(async () => {
    assert.ok(existsSync('dist/elements/feedback.js'), 'run `npm run build` first (npm test does)');
    built = mkdtempSync(join(tmpdir(), 'cls-frameworks-'));
    await build({
      configFile: false,
      root: 'test/frameworks',
      base: '/frameworks/',
      logLevel: 'error',
      // The flags Vue's bundler build asks an app to define.
      define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      build: { outDir: built, emptyOutDir: true, modulePreload: false },
    });
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (built) rmSync(built, { recursive: true, force: true });
  });

  it('renders each framework’s element and a scoped registry’s with its property, hears its event, and stores what was sent, beside a second copy of the package and the app’s own Lit 2', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // The app's files, from the build, on the server's origin; the API is the compiled server itself.
    await page.route(`${server.url}/frameworks/**`, async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/frameworks\//, '') || 'index.html';
      const file = join(built, path);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      await route.fulfill({
        status: 200,
        body: readFileSync(file),
        headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'" },
      });
    });
    await page.goto(`${server.url}/frameworks/index.html`);

    for (const [framework, source] of [['React', 'react-page'], ['Vue', 'vue-page'], ['Scoped', 'scoped-page']] as const) {
      const section = page.locator(`#${framework.toLowerCase()}`);
      await section.getByText(framework === 'Scoped' ? 'Feedback from a scoped registry' : `Feedback from ${framework}`).waitFor();
      await section.getByLabel('5 – Extremely helpful').check();
      await section.getByLabel('4 – Easy').check();
      await section.getByLabel('Comments (optional)').fill(`Sent from ${framework}`);
      await section.getByRole('button', { name: 'Send feedback' }).click();
      await section.getByText('Thank you for your feedback').waitFor();
      const heard = page.locator(`#${framework.toLowerCase()}-heard`);
      await page.waitForFunction((id) => Boolean(document.getElementById(id)?.textContent), `${framework.toLowerCase()}-heard`);
      const id = (await heard.textContent()) ?? '';
      const stored = FeedbackList.parse(await (await fetch(`${server.url}/api/v1/staff/feedback`, { headers: { Authorization: `Bearer ${server.staffToken}` } })).json());
      const record = stored.items.find((item) => item.id === id);
      assert.ok(record, `${framework}: the event's id is the stored record's`);
      assert.equal(record.source, source, `${framework}: the attribute reached the element`);
      assert.equal(record.comment, `Sent from ${framework}`);
    }
    // The app's own Lit 2 element rendered beside the package's Lit 3, and the scoped tag stayed in its shadow root.
    await page.getByText('Welcome to Tre-fach County Council').waitFor();
    assert.equal(await page.evaluate(() => customElements.get('council-feedback')), undefined, 'the scoped tag is not in the page’s registry');
    // The CDN copy on the same page, with its own Lit: it defines what the app's copy did not, and nothing throws.
    await page.locator('#cdn').getByLabel('Postcode or town').waitFor();
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await page.close();
  });
});
