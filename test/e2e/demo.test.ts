import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { FeedbackList } from '../../src/contract/feedback.ts';
import { HubList, SessionList } from '../../src/contract/places.ts';
import { readFeed } from '../../src/oruk/feed.ts';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

let server: RunningServer;
let browser: Browser;

async function openDemo(width: number, lang?: 'cy'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/${lang ? `?lang=${lang}` : ''}`);
  await page.locator('cls-feedback form').waitFor();
  return { page, problems };
}

async function staffFeedback(): Promise<FeedbackList> {
  const response = await fetch(`${server.url}/api/v1/staff/feedback`, { headers: { Authorization: `Bearer ${server.staffToken}` } });
  assert.equal(response.status, 200);
  return FeedbackList.parse(await response.json());
}

describe('demo site end to end (real server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  it('submits feedback in English from the council page, under its strict CSP, and it lands in the database', async () => {
    const { page, problems } = await openDemo(1280);
    const csp = (await page.request.get(`${server.url}/`)).headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

    const widget = page.locator('cls-feedback');
    await widget.getByRole('radio', { name: '4 – Very helpful' }).check();
    await widget.getByRole('radio', { name: '5 – Very easy' }).check();
    await widget.getByRole('textbox', { name: 'Comments (optional)' }).fill('The library hub was easy to find.');
    await widget.getByRole('button', { name: 'Send feedback' }).click();
    await widget.getByText('Thank you for your feedback').waitFor();

    const { items } = await staffFeedback();
    const mine = items.find((item) => item.comment === 'The library hub was easy to find.');
    assert.deepEqual(
      { helpful: mine?.helpful, ease: mine?.ease, lang: mine?.lang, source: mine?.source, hub: mine?.hub },
      { helpful: 4, ease: 5, lang: 'en', source: 'council-demo', hub: 'Borchester Library' },
    );
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await page.close();
  });

  it('switches the page to Welsh with its language button and submits in Welsh at 320 px without sideways scrolling', async () => {
    const { page, problems } = await openDemo(320);
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    const widget = page.locator('cls-feedback');
    await widget.getByText('Rhoi adborth').waitFor();

    // Errors first: the summary is in Welsh too.
    await widget.getByRole('button', { name: 'Anfon adborth' }).click();
    await widget.getByText('Mae problem wedi codi').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling at 320 px');

    await widget.getByRole('radio', { name: '3 – Eithaf defnyddiol' }).check();
    await widget.getByRole('radio', { name: '4 – Hawdd' }).check();
    await widget.getByRole('textbox', { name: 'Sylwadau (dewisol)' }).fill('Diolch yn fawr');
    await widget.getByRole('button', { name: 'Anfon adborth' }).click();
    await widget.getByText('Diolch am eich adborth').waitFor();

    // The hub finder's results reflow at 320 px too.
    const finder = page.locator('cls-hub-finder');
    await finder.getByLabel('Cod post neu dref').fill('Borchester');
    await finder.getByRole('button', { name: 'Chwilio', exact: true }).click();
    await finder.locator('#results-heading').waitFor();
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      0,
      'no horizontal scrolling in the hub finder results at 320 px',
    );

    const { items } = await staffFeedback();
    const mine = items.find((item) => item.comment === 'Diolch yn fawr');
    assert.equal(mine?.lang, 'cy');
    assert.equal(mine?.helpful, 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('publishes the seeded directory as Open Referral UK v3.0, which the project\'s own feed reader reads back whole', async () => {
    const feed = await readFeed(`${server.url}/oruk/`, { perPage: 100 });
    assert.equal(feed.version, '3.0');
    assert.equal(feed.complete, true);
    assert.deepEqual(feed.errors, []);
    assert.equal(feed.rejected, 0);
    assert.ok(feed.services.length > 250, `read ${feed.services.length} services`);
    assert.ok(feed.pagesRead >= 3, 'followed the pages');
    const lunchClubs = feed.services.filter((service) => /lunch club/i.test(service.name));
    assert.ok(lunchClubs.length > 0);
    assert.ok(lunchClubs.every((service) => service.schedules.length > 0));
  });

  it('finds the nearest hubs to a place and their sessions', async () => {
    const place = (await (await fetch(`${server.url}/api/v1/geocode?q=Borchester`)).json()) as { coordinates: { lat: number; lng: number } };
    const hubs = (await (await fetch(`${server.url}/api/v1/hubs?near=${place.coordinates.lat},${place.coordinates.lng}&limit=3`)).json()) as {
      items: Array<{ hub: { id: string; address: { city?: string } }; distanceMetres: number }>;
    };
    const [first, , third] = hubs.items;
    assert.ok(first && third, 'three hubs');
    assert.ok(first.distanceMetres <= third.distanceMetres);
    const sessions = (await (await fetch(`${server.url}/api/v1/sessions?hub=${first.hub.id}`)).json()) as { items: unknown[] };
    assert.ok(sessions.items.length > 0, 'the nearest hub has sessions in the next four weeks');
  });

  it('finds a hub by postcode, books its last seat, downloads the calendar file and cancels', async () => {
    // A bookable session next week, left with one seat by other residents' bookings.
    const from = new Date(Date.now() + 2 * 86_400_000);
    const to = new Date(from.getTime() + 20 * 86_400_000);
    const sessions = SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json()).items;
    const session = sessions.find((item) => item.mode === 'bookable' && (item.remaining ?? 0) >= 2);
    assert.ok(session, 'a bookable session in the seed');
    for (let taken = 0; taken < (session.remaining ?? 0) - 1; taken++) {
      const response: Response = await fetch(`${server.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ sessionId: session.id, name: 'Another Resident', contact: { method: 'phone', value: '01632 960000' }, consent: true }),
      });
      assert.equal(response.status, 201);
    }
    const hub = HubList.parse(await (await fetch(`${server.url}/api/v1/hubs?limit=100`)).json()).items.find((item) => item.hub.id === session.hubId)?.hub;
    assert.ok(hub?.address.postcode);

    const { page, problems } = await openDemo(1280);
    const finder = page.locator('cls-hub-finder');
    await finder.getByLabel('Postcode or town').fill(hub.address.postcode.toLowerCase().replace(' ', ''));
    await finder.getByRole('button', { name: 'Search', exact: true }).click();
    await finder.locator('#results-heading').waitFor();
    await finder.getByRole('button', { name: hub.name, exact: true }).click();
    await finder.locator('#details-heading').waitFor();
    await finder.getByText('(1 place left)').waitFor();
    await finder.getByRole('button', { name: new RegExp(`^Book .* at ${hub.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click();
    await finder.getByLabel('Full name').fill('Last Seat');
    await finder.getByLabel('Email', { exact: true }).check();
    await finder.getByLabel('Email address').fill('last.seat@example.org');
    await finder.getByRole('checkbox').check();
    await finder.getByRole('button', { name: 'Book this session' }).click();
    await finder.locator('.panel').getByText('Booking confirmed').waitFor();
    const reference = (await finder.locator('.reference').textContent())?.trim() ?? '';
    assert.match(reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const full = SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?hub=${session.hubId}&from=${session.start}&to=${session.end}`)).json()).items[0];
    assert.equal(full?.remaining, 0, 'the last seat is taken');

    const download = page.waitForEvent('download');
    await finder.getByRole('link', { name: 'Add to calendar' }).click();
    const file = await (await download).path();
    const ics = (await readFile(file, 'utf8')).replace(/\r\n[ \t]/g, '');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, new RegExp(`UID:${reference}@`));
    assert.match(ics, /DTSTART;TZID=Europe\/London:\d{8}T\d{6}/);
    assert.match(ics, /END:VCALENDAR\r\n$/);

    await finder.getByRole('button', { name: 'Cancel this booking' }).click();
    await finder.getByRole('button', { name: 'Yes, cancel the booking' }).click();
    await finder.locator('.panel').getByText('Booking cancelled').waitFor();
    const freed = SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?hub=${session.hubId}&from=${session.start}&to=${session.end}`)).json()).items[0];
    assert.equal(freed?.remaining, 1, 'cancelling frees the seat');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('serves the API reference and the OpenAPI document', async () => {
    const docs = await fetch(`${server.url}/docs`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /POST.*\/api\/v1\/feedback/s);
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok(openapi.paths['/api/v1/feedback']);
  });
});
