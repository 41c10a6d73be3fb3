import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

/*
 * What a council web editor relies on when pasting the script into a page
 * (#18), on every demo page and through the states a resident reaches: no
 * console error, no Content-Security-Policy violation, no cookie, and no
 * request to any host but the page's own server (backend, feed and files).
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
});
