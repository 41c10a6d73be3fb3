import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { HubList, SessionList } from '../../src/contract/places.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { HttpStub } from '../support/http-stub.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * The compiled server with GOV.UK Notify configured, pointed at a local fake
 * Notify (real HTTP): a resident books on the demo page and cancels, and the
 * fake receives the confirmation and the cancellation notice; a resident
 * waiting for a full session is offered a freed place and takes it.
 */

const TEMPLATES = {
  NOTIFY_TEMPLATE_CONFIRMATION_EMAIL: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  NOTIFY_TEMPLATE_REMINDER_EMAIL: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  NOTIFY_TEMPLATE_CANCELLATION_EMAIL: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  NOTIFY_TEMPLATE_WAITING_OFFER_EMAIL: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
};

let server: RunningServer;
let browser: Browser;
const fake = new HttpStub();

type SentMessage = { url: string; body: { template_id: string; email_address: string; personalisation: Record<string, string> } };
const bodies = (): SentMessage[] => fake.received.map((request) => ({ url: request.url, body: JSON.parse(request.body) as SentMessage['body'] }));

/** On the demo page: finds the hub by its postcode, opens it, presses `action` (a session's Book or Join the waiting list) and fills in the form. */
async function fillIn(page: Page, hub: { name: string; address: { postcode?: string | undefined } }, action: string, name: string, email: string): Promise<Locator> {
  await page.goto(`${server.url}/`);
  const finder = page.locator('cls-hub-finder');
  await finder.getByLabel('Postcode or town').fill(hub.address.postcode ?? '');
  await finder.getByRole('button', { name: 'Search', exact: true }).click();
  await finder.locator('#results-heading').waitFor();
  await finder.getByRole('button', { name: hub.name, exact: true }).click();
  await finder.locator('#details-heading').waitFor();
  await finder.locator(action).click();
  await finder.getByLabel('Full name').fill(name);
  await finder.getByLabel('Email', { exact: true }).check();
  await finder.getByLabel('Email address').fill(email);
  await finder.getByRole('checkbox').check();
  return finder;
}

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('booking messages through a fake GOV.UK Notify (compiled server, real browser)', () => {
  before(async () => {
    assert.ok(existsSync('dist/cdn/community-led-widgets.js'), 'run `npm run build` first (npm test does)');
    await fake.start();
    fake.reset((_req, res) => res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: randomUUID() })));
    server = await startServer({
      NOTIFY_API_KEY: `e2e-${randomUUID()}-${randomUUID()}`,
      NOTIFY_BASE_URL: fake.origin,
      BOOKING_MANAGE_URL: 'https://council.example/hubs?cls-booking={reference}&key={key}',
      ...TEMPLATES,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    // The names typed are not in the log either (stop() checks the contact details).
    for (const name of ['Notify E2E', 'Waiting E2E', 'Other 0']) assert.equal(server?.output().includes(name), false, `${name} is not logged`);
    await server?.stop();
    await fake.stop();
  });

  it('sends the confirmation with the reference and manage link, then the cancellation notice', async () => {
    const from = new Date(Date.now() + 2 * 86_400_000);
    const to = new Date(from.getTime() + 20 * 86_400_000);
    const sessions = SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json()).items;
    const session = sessions.find((item) => item.mode === 'bookable' && (item.remaining ?? 0) >= 1);
    assert.ok(session);
    const hub = HubList.parse(await (await fetch(`${server.url}/api/v1/hubs?limit=100`)).json()).items.find((item) => item.hub.id === session.hubId)?.hub;
    assert.ok(hub?.address.postcode);
    const email = `notify.e2e.${Date.now()}@example.org`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const finder = await fillIn(page, hub, `[data-session="${session.id}"]`, 'Notify E2E', email);
    await finder.getByRole('button', { name: 'Book this session' }).click();
    await finder.locator('.panel').getByText('Booking confirmed').waitFor();
    // The page says a confirmation is on its way (with Notify unset it says none is: see the browser tests).
    await finder.getByText('We have sent a confirmation to your email address').waitFor();
    const reference = (await finder.locator('.reference').textContent())?.trim() ?? '';
    const link = new URL((await finder.locator('.manage-link a').getAttribute('href')) ?? '');
    const created = { reference, manageKey: link.searchParams.get('key') ?? '' };
    await page.close();

    const confirmation = await until(() => bodies().find((m) => m.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_CONFIRMATION_EMAIL), 'the confirmation');
    assert.equal(confirmation.url, '/v2/notifications/email');
    assert.equal(confirmation.body.email_address, email);
    assert.equal(confirmation.body.personalisation['reference'], created.reference);
    assert.equal(confirmation.body.personalisation['manage_link'], `https://council.example/hubs?cls-booking=${created.reference}&key=${encodeURIComponent(created.manageKey)}`);

    // The resident opens the manage link on the demo page and cancels there.
    const manage = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await manage.goto(`${server.url}/?cls-booking=${created.reference}&key=${encodeURIComponent(created.manageKey)}`);
    const widget = manage.locator('cls-hub-finder');
    await widget.getByRole('button', { name: 'Cancel this booking' }).click();
    await widget.getByRole('button', { name: 'Yes, cancel the booking' }).click();
    await widget.locator('.panel').getByText('Booking cancelled').waitFor();
    const cancellation = await until(() => bodies().find((m) => m.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_CANCELLATION_EMAIL), 'the cancellation notice');
    assert.equal(cancellation.body.personalisation['reference'], created.reference);
    // Each once: one confirmation, one cancellation, no reminder (dropped with the booking).
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      bodies().map((m) => m.body.template_id).sort(),
      [TEMPLATES.NOTIFY_TEMPLATE_CONFIRMATION_EMAIL, TEMPLATES.NOTIFY_TEMPLATE_CANCELLATION_EMAIL].sort(),
    );
    await manage.close();
  });

  it('offers a freed place to the first person waiting for a full session, by email, and they take it from the link', async () => {
    const from = new Date(Date.now() + 2 * 86_400_000);
    const to = new Date(from.getTime() + 20 * 86_400_000);
    const sessions = SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json()).items;
    const session = sessions.reverse().find((item) => item.mode === 'bookable' && item.capacity !== undefined && item.capacity <= 10 && item.remaining === item.capacity);
    assert.ok(session);
    const hub = HubList.parse(await (await fetch(`${server.url}/api/v1/hubs?limit=100`)).json()).items.find((item) => item.hub.id === session.hubId)?.hub;
    assert.ok(hub?.address.postcode);
    // Other residents book every place.
    const others: { reference: string; manageKey: string }[] = [];
    for (let i = 0; i < (session.capacity ?? 0); i++) {
      const response: Response = await fetch(`${server.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ sessionId: session.id, name: `Other ${i}`, contact: { method: 'email', value: `other.${i}.${Date.now()}@example.org` }, consent: true }),
      });
      assert.equal(response.status, 201);
      others.push((await response.json()) as { reference: string; manageKey: string });
    }

    const email = `waiting.e2e.${Date.now()}@example.org`;
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    const finder = await fillIn(page, hub, `[data-wait="${session.id}"]`, 'Waiting E2E', email);
    await finder.getByRole('button', { name: 'Join the waiting list' }).click();
    await finder.locator('.panel').getByText('You are on the waiting list').waitFor();
    await finder.getByText('We will email you if a place comes free.').waitFor();
    const reference = (await finder.locator('.reference').textContent())?.trim() ?? '';
    await page.close();

    // Someone cancels: the place is offered to the person waiting, by email.
    const [freed] = others;
    assert.ok(freed);
    assert.equal((await fetch(`${server.url}/api/v1/bookings/${freed.reference}?key=${encodeURIComponent(freed.manageKey)}`, { method: 'DELETE' })).status, 200);
    const offer = await until(() => bodies().find((m) => m.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_WAITING_OFFER_EMAIL), 'the offer');
    assert.equal(offer.body.email_address, email);
    assert.equal(offer.body.personalisation['reference'], reference);
    assert.match(offer.body.personalisation['offer_ends'] ?? '', /\d\d:\d\d$/);
    const link = new URL(offer.body.personalisation['manage_link'] ?? '');
    assert.equal(link.searchParams.get('cls-booking'), reference);

    // They open the link from the email on the demo page and take the place.
    const manage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await manage.goto(`${server.url}/${link.search}`);
    const widget = manage.locator('cls-hub-finder');
    await widget.locator('.panel').getByText('A place is free for you').waitFor();
    await widget.getByRole('button', { name: 'Book this place' }).click();
    await widget.locator('.panel').getByText('Booking confirmed').waitFor();
    assert.equal((await widget.locator('.reference').textContent())?.trim(), reference);
    const confirmation = await until(
      () => bodies().find((m) => m.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_CONFIRMATION_EMAIL && m.body.personalisation['reference'] === reference),
      'the confirmation of the place taken',
    );
    assert.equal(confirmation.body.email_address, email);
    await manage.close();
  });
});
