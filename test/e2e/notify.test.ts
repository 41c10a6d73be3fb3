import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { HubList, SessionList } from '../../src/contract/places.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { HttpStub } from '../support/http-stub.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * The compiled server with GOV.UK Notify configured, pointed at a local fake
 * Notify (real HTTP): a resident books on the demo page and cancels, and the
 * fake receives the confirmation and the cancellation notice.
 */

const TEMPLATES = {
  NOTIFY_TEMPLATE_CONFIRMATION_EMAIL: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  NOTIFY_TEMPLATE_REMINDER_EMAIL: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  NOTIFY_TEMPLATE_CANCELLATION_EMAIL: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
};

let server: RunningServer;
let browser: Browser;
const fake = new HttpStub();

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
    await page.goto(`${server.url}/`);
    const finder = page.locator('cls-hub-finder');
    await finder.getByLabel('Postcode or town').fill(hub.address.postcode);
    await finder.getByRole('button', { name: 'Search', exact: true }).click();
    await finder.locator('#results-heading').waitFor();
    await finder.getByRole('button', { name: hub.name, exact: true }).click();
    await finder.locator('#details-heading').waitFor();
    await finder.locator(`[data-session="${session.id}"]`).click();
    await finder.getByLabel('Full name').fill('Notify E2E');
    await finder.getByLabel('Email', { exact: true }).check();
    await finder.getByLabel('Email address').fill(email);
    await finder.getByRole('checkbox').check();
    await finder.getByRole('button', { name: 'Book this session' }).click();
    await finder.locator('.panel').getByText('Booking confirmed').waitFor();
    // The page says a confirmation is on its way (with Notify unset it says none is: see the browser tests).
    await finder.getByText('We have sent a confirmation to your email address').waitFor();
    const reference = (await finder.locator('.reference').textContent())?.trim() ?? '';
    const link = new URL((await finder.locator('.manage-link a').getAttribute('href')) ?? '');
    const created = { reference, manageKey: link.searchParams.get('key') ?? '' };
    await page.close();

    const bodies = () => fake.received.map((request) => ({ url: request.url, body: JSON.parse(request.body) as { template_id: string; email_address: string; personalisation: Record<string, string> } }));
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
});
