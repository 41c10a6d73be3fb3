import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

/*
 * What a council web editor relies on when pasting the script into a page
 * (#18), on every demo page and through the states a resident reaches: no
 * console error, no Content-Security-Policy violation, no cookie, and no
 * request to any host but the page's own server (backend, feed and files).
 * And host CSS changes nothing inside an element: each looks the same, pixel
 * for pixel, on a plain page and under the demo's hostile stylesheet.
 */

let server: RunningServer;
let browser: Browser;

interface Visit {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations. */
  problems: string[];
  /** Requests to any origin other than the server's. */
  elsewhere: string[];
}

async function visit(path: string, width = 1280): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const elsewhere: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== new URL(server.url).origin) elsewhere.push(request.url());
  });
  const response = await page.goto(`${server.url}${path}`);
  assert.equal(response?.status(), 200, `${path} is served`);
  assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/, `${path} is under the strict CSP`);
  return { page, problems, elsewhere };
}

/** The guarantees, once the page has been used. */
async function expectClean(name: string, { page, problems, elsewhere }: Visit): Promise<void> {
  assert.deepEqual(problems, [], `${name}: no console errors or CSP violations`);
  assert.deepEqual(elsewhere, [], `${name}: no request to another host`);
  assert.deepEqual(await page.context().cookies(), [], `${name}: no cookies`);
  assert.equal(await page.evaluate(() => document.cookie), '', `${name}: no cookies from script`);
  await page.context().close();
}

/** Each element's first screen, as a page's editor pastes it; the wheel's list has its data loaded. */
const HOST_CSS_ELEMENTS = [
  '<cls-feedback source="host-css"></cls-feedback>',
  '<cls-hub-finder></cls-hub-finder>',
  '<cls-self-assessment questionnaire="what-matters"></cls-self-assessment>',
  '<cls-resource-wheel directory="/oruk/" view="list"></cls-resource-wheel>',
  '<cls-hub-day></cls-hub-day>',
  '<cls-impact></cls-impact>',
  '<cls-kiosk></cls-kiosk>',
];

/**
 * Every element on one page, in a column of the same width at the same place
 * on both pages (white behind, so the page's own background shows nowhere),
 * with or without the demo's hostile stylesheet; a PNG of each element.
 */
async function elementShots(lang: 'en' | 'cy', hostile: boolean): Promise<Map<string, Buffer>> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  await page.route(`${server.url}/host-css/**`, (route) =>
    new URL(route.request().url()).pathname.endsWith('.css')
      ? route.fulfill({ body: '#column { position: absolute; inset-block-start: 0; inset-inline-start: 0; inline-size: 640px; padding-block-end: 8px; background: #fff; }', headers: { 'Content-Type': 'text/css' } })
      : route.fulfill({
          body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host CSS</title>${hostile ? '<link rel="stylesheet" href="/demo.css">' : ''}<link rel="stylesheet" href="/host-css/column.css"><script type="module" src="/cdn/community-led-widgets.js"></script></head><body><div id="column">${HOST_CSS_ELEMENTS.join('')}</div></body></html>`,
          headers: { 'Content-Type': 'text/html', 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'" },
        }),
  );
  await page.goto(`${server.url}/host-css/page.html`);
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.querySelectorAll('#column > *')].map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  });
  const shots = new Map<string, Buffer>();
  for (const tag of HOST_CSS_ELEMENTS.map((snippet) => /<([a-z-]+)/.exec(snippet)?.[1] ?? '')) {
    shots.set(tag, await page.locator(tag).screenshot({ animations: 'disabled' }));
  }
  await context.close();
  return shots;
}

/**
 * How two PNGs differ, decoded by the browser in `page`: "" when they are the same size
 * and no pixel differs by more than 16 in a channel. Smaller differences are
 * anti-aliasing at another place on the page (a radio's curve one level
 * lighter); a rule that reached inside (a colour, a font, capitals, a margin)
 * moves or recolours whole rows.
 */
async function pixelDifference(page: Page, a: Buffer, b: Buffer): Promise<string> {
  return page.evaluate(async ([first, second]) => {
    // Anonymous functions only: tsx names named ones with a helper the page does not have.
    const [x, y] = await Promise.all(
      [first, second].map(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
      }),
    );
    if (!x || !y) return 'not decoded';
    if (x.width !== y.width || x.height !== y.height) return `sizes differ: ${x.width}×${x.height} and ${y.width}×${y.height}`;
    let differing = 0;
    for (let i = 0; i < x.data.length; i += 1) {
      if (Math.abs((x.data[i] ?? 0) - (y.data[i] ?? 0)) > 16) {
        differing += 1;
        i |= 3; // on to the next pixel
      }
    }
    return differing ? `${differing} pixels differ` : '';
  }, [a.toString('base64'), b.toString('base64')] as const);
}

describe('embedding guarantees on every demo page (compiled server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  for (const lang of ['en', 'cy'] as const) {
    it(`council page (${lang}): a search and a feedback form sent empty`, async () => {
      const words = lang === 'en' ? { place: 'Postcode or town', search: 'Search', send: 'Send feedback', problem: 'There is a problem' } : { place: 'Cod post neu dref', search: 'Chwilio', send: 'Anfon adborth', problem: 'Mae problem' };
      const used = await visit(`/?lang=${lang}`, 320);
      const { page } = used;
      await page.getByLabel(words.place).fill('Borchester');
      await page.locator('cls-hub-finder').getByRole('button', { name: words.search, exact: true }).click();
      await page.locator('cls-hub-finder [part="item"]').first().waitFor();
      await page.locator('cls-feedback').getByRole('button', { name: words.send }).click();
      await page.locator('cls-feedback').getByText(words.problem).waitFor();
      await expectClean(`/ (${lang})`, used);
    });

    it(`library kiosk (${lang}): help asked for, and the screen cleared`, async () => {
      const words = lang === 'en' ? { help: 'Get help from staff', finish: 'Finish and clear the screen', cleared: 'The screen has been cleared for the next person.' } : { help: 'Cael help gan staff', finish: 'Gorffen a chlirio’r sgrin', cleared: 'Mae’r sgrin wedi’i chlirio ar gyfer y person nesaf.' };
      const used = await visit(`/kiosk.html?lang=${lang}`);
      const { page } = used;
      await page.locator('cls-self-assessment').getByRole('button', { name: lang === 'en' ? 'Start now' : 'Dechrau nawr' }).click();
      await page.getByRole('button', { name: words.help }).click();
      await page.getByRole('button', { name: words.finish }).click();
      await page.getByText(words.cleared).waitFor();
      await expectClean(`/kiosk.html (${lang})`, used);
    });
  }

  it('charity page: the wheel loads, searches and opens a resource', async () => {
    const used = await visit('/charity.html');
    const { page } = used;
    const search = page.getByRole('searchbox', { name: 'Search community resources' });
    await search.fill('a');
    await page.locator('cls-resource-wheel [data-service]').first().click();
    await page.locator('cls-resource-wheel').getByRole('button', { name: 'Add to my wheel' }).waitFor();
    await expectClean('/charity.html', used);
  });

  it('self-assessment page: started and the first question answered', async () => {
    const used = await visit('/self-assessment.html');
    const { page } = used;
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.locator('cls-self-assessment input[type="radio"]').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('cls-self-assessment').getByText(/Question 2 of about/).waitFor();
    await expectClean('/self-assessment.html', used);
  });

  for (const path of ['/staff.html', '/impact.html']) {
    it(`staff page ${path}: loads signed in`, async () => {
      const used = await visit(path);
      const tag = path === '/staff.html' ? 'cls-hub-day' : 'cls-impact';
      await used.page.locator(`${tag} h2, ${tag} [role="heading"]`).first().waitFor();
      await expectClean(path, used);
    });
  }
  for (const lang of ['en', 'cy'] as const) {
    it(`host CSS changes nothing inside the elements (${lang}): each the same, pixel for pixel, on a plain page and under the hostile stylesheet`, async () => {
      const [plain, hostile] = await Promise.all([elementShots(lang, false), elementShots(lang, true)]);
      const comparing = await browser.newPage();
      const kept = mkdtempSync(join(tmpdir(), 'cls-host-css-'));
      for (const [tag, shot] of plain) {
        const underHostile = hostile.get(tag) ?? Buffer.alloc(0);
        const difference = await pixelDifference(comparing, shot, underHostile);
        if (difference) {
          writeFileSync(join(kept, `${tag}-plain.png`), shot);
          writeFileSync(join(kept, `${tag}-hostile.png`), underHostile);
        }
        assert.equal(difference, '', `<${tag}> looks different under the hostile stylesheet (both pictures in ${kept})`);
      }
      await comparing.close();
    });
  }
});
