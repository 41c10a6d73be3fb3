import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { VisitList } from '../../src/contract/staff.ts';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

let server: RunningServer;
let browser: Browser;

async function storedWith(marker: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/staff/visits?limit=500`, { headers: { Authorization: `Bearer ${server.staffToken}` } });
  assert.equal(response.status, 200);
  return VisitList.parse(await response.json()).items.filter((visit) => visit.whatMatters?.startsWith(marker)).length;
}

async function openSignedIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/staff.html`);
  const day = page.locator('cls-hub-day');
  await day.getByLabel('Staff token').fill(server.staffToken);
  await day.getByRole('button', { name: 'Sign in' }).click();
  await day.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

describe('<cls-hub-day> offline end to end (compiled server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  it('keeps three conversations recorded with the network cut through closing the page, and stores each exactly once when it returns', async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    let page = await openSignedIn(context);
    page.on('pageerror', (error) => problems.push(error.message));
    const day = page.locator('cls-hub-day');
    await day.getByRole('button', { name: 'Record a conversation' }).click();
    await day.getByLabel('Your initials').fill('ab');

    await context.setOffline(true);
    const marker = `e2e offline ${Date.now()}`;
    for (const n of [1, 2, 3]) {
      await day.getByLabel('What matters to them, in their words').fill(`${marker} #${n}`);
      await day.getByRole('checkbox', { name: 'Information and advice' }).check();
      await day.getByRole('button', { name: 'Save and record another' }).click();
      await day.locator('.queue__count').getByText(`${n} waiting to send`).waitFor();
    }
    await day.getByText('Conversation saved on this device').waitFor();
    assert.equal(await storedWith(marker), 0, 'nothing reached the server while offline');

    // The tab is closed while still offline; the visits wait in IndexedDB.
    await page.close();
    await context.setOffline(false);
    assert.equal(await storedWith(marker), 0);

    page = await context.newPage();
    await page.goto(`${server.url}/staff.html`);
    const reopened = page.locator('cls-hub-day');
    await reopened.locator('.queue__count').getByText('3 waiting to send').waitFor();
    await reopened.getByLabel('Staff token').fill(server.staffToken);
    await reopened.getByRole('button', { name: 'Sign in' }).click();
    await reopened.locator('.queue').waitFor({ state: 'detached' });
    assert.equal(await storedWith(marker), 3);

    // Sending again (a reload, another flush) stores nothing more.
    await page.reload();
    await page.locator('cls-hub-day').getByRole('button', { name: 'Sign out' }).waitFor();
    await page.locator('cls-hub-day').getByRole('button', { name: 'Send now' }).waitFor({ state: 'detached' });
    assert.equal(await storedWith(marker), 3);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
