import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

/*
 * A host page with a sticky header (#18, WCAG 2.4.11 focus not obscured):
 * when the hub finder moves focus (to the results, to a hub's details) and
 * as the keyboard moves through it, what has focus is never under the
 * header, given the header's height as --cls-scroll-margin-top.
 */

let server: RunningServer;
let browser: Browser;

/** Where the focused element inside the finder is, against the header's bottom edge. */
function focusPlace(page: Page): Promise<{ top: number; headerBottom: number; name: string; inView: boolean }> {
  return page.evaluate(() => {
    const active = document.querySelector('cls-hub-finder')?.shadowRoot?.activeElement as HTMLElement | null;
    const header = document.querySelector('.council-header') as HTMLElement;
    const rect = active?.getBoundingClientRect();
    return {
      top: rect?.top ?? -1,
      headerBottom: header.getBoundingClientRect().bottom,
      name: (active?.textContent ?? active?.id ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      inView: rect ? rect.bottom > 0 && rect.top < innerHeight : false,
    };
  });
}

describe('focus and a host page’s sticky header (compiled server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  it('keeps what has focus below the header, when the finder moves focus and along the Tab order', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/`);
    // The host's own styles (set through the CSSOM: the page's CSP allows no inline style): its header sticks
    // to the top, and it tells the elements how tall it is.
    await page.evaluate(() => {
      const header = document.querySelector('.council-header') as HTMLElement;
      Object.assign(header.style, { position: 'sticky', top: '0', zIndex: '10' });
      const height = Math.ceil(header.getBoundingClientRect().height);
      (document.querySelector('cls-hub-finder') as HTMLElement).style.setProperty('--cls-scroll-margin-top', `${height + 8}px`);
    });
    const finder = page.locator('cls-hub-finder');
    await finder.getByLabel('Postcode or town').fill('Borchester');
    await finder.getByLabel('Postcode or town').press('Enter');
    await page.waitForFunction(() => document.querySelector('cls-hub-finder')?.shadowRoot?.activeElement?.id === 'results-heading');
    const results = await focusPlace(page);
    assert.ok(results.top >= results.headerBottom, `the results heading (${results.top}) below the header (${results.headerBottom})`);

    // Down the list by keyboard: each stop in view is below the header.
    for (let stop = 0; stop < 12; stop++) {
      await page.keyboard.press('Tab');
      const place = await focusPlace(page);
      if (!place.inView) continue;
      assert.ok(place.top >= place.headerBottom - 1, `Tab stop ${stop + 1} "${place.name}" (${place.top}) below the header (${place.headerBottom})`);
    }

    // A hub's details: the finder moves focus to its heading, below the header.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await finder.locator('[data-hub]').last().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('cls-hub-finder')?.shadowRoot?.activeElement?.id === 'details-heading');
    const details = await focusPlace(page);
    assert.ok(details.inView && details.top >= details.headerBottom, `the details heading (${details.top}) below the header (${details.headerBottom})`);
    await page.close();
  });
});
