import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { BookingCreated, BookingDetails } from '../../src/contract/bookings.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import type { RunningServer } from '../support/server-process.ts';
import { compiledSite } from '../support/compiled-site.ts';

/*
 * A booking survives the page (#14), against the compiled server and the
 * demo page: book, close the page, come back by the manage link, move to
 * another time, lose the link, find the booking by reference and email,
 * cancel it with the confirmation step.
 */

let server: RunningServer;
let browser: Browser;

async function twoSessionsAtOneHub(): Promise<[Session, Session]> {
  const from = new Date(Date.now() + 2 * 86_400_000);
  const to = new Date(from.getTime() + 20 * 86_400_000);
  const { items } = SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json());
  const bookable = items.filter((s) => s.mode === 'bookable' && (s.remaining ?? 0) >= 2);
  for (const first of bookable) {
    const second = bookable.find((other) => other !== first && other.hubId === first.hubId);
    if (second) return [first, second];
  }
  throw new Error('no hub with two bookable sessions');
}

describe('managing a booking end to end (real server, real browser)', () => {
  compiledSite((site) => ({ server, browser } = site));

  it('comes back by the manage link, moves the booking, finds it again by reference and email, and cancels it', async () => {
    const [first, second] = await twoSessionsAtOneHub();
    const email = `manage.${Date.now()}@example.org`;
    const created = BookingCreated.parse(
      await (
        await fetch(`${server.url}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify({ sessionId: first.id, name: 'Manage End To End', contact: { method: 'email', value: email }, consent: true }),
        })
      ).json(),
    );
    const problems: string[] = [];
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // The wrong-contact look-up answers 404 on purpose.
      if (message.type() === 'error' && !/404/.test(message.text())) problems.push(message.text());
    });

    // The page was closed: the manage link opens the booking.
    await page.goto(`${server.url}/?cls-booking=${created.reference}&key=${encodeURIComponent(created.manageKey)}`);
    const finder = page.locator('cls-hub-finder');
    await finder.locator('.panel').getByText('Your booking').waitFor();
    assert.equal((await finder.locator('.reference').textContent())?.trim(), created.reference);

    await finder.getByRole('button', { name: 'Change the time' }).click();
    await finder.locator(`[data-session="${second.id}"]`).click();
    await finder.locator('.panel').getByText('Booking moved').waitFor();
    const moved = BookingDetails.parse(await (await fetch(`${server.url}/api/v1/bookings/${created.reference}?key=${encodeURIComponent(created.manageKey)}`)).json());
    assert.equal(moved.session.id, second.id);
    const counts = async (session: Session) =>
      SessionList.parse(await (await fetch(`${server.url}/api/v1/sessions?hub=${session.hubId}&from=${session.start}&to=${session.end}`)).json()).items.find(
        (item) => item.id === session.id,
      )?.remaining;
    assert.equal(await counts(first), first.remaining, 'the old place is free again');
    assert.equal(await counts(second), (second.remaining ?? 0) - 1, 'the new place is taken');

    // The link lost: find the booking by its reference and the email used.
    await page.goto(`${server.url}/`);
    await finder.getByRole('button', { name: 'Manage a booking' }).click();
    await finder.getByLabel('Booking reference').fill(created.reference.toLowerCase());
    await finder.getByLabel('Email address or phone number').fill('not.me@example.org');
    await finder.getByRole('button', { name: 'Find my booking' }).click();
    await finder.getByText('We could not find your booking').waitFor();
    await finder.getByLabel('Email address or phone number').fill(email.toUpperCase());
    await finder.getByRole('button', { name: 'Find my booking' }).click();
    await finder.locator('.panel').getByText('Your booking').waitFor();

    await finder.getByRole('button', { name: 'Cancel this booking' }).click();
    await finder.getByRole('button', { name: 'Yes, cancel the booking' }).click();
    await finder.locator('.panel').getByText('Booking cancelled').waitFor();
    const download = page.waitForEvent('download');
    await finder.getByRole('link', { name: 'Remove from calendar' }).click();
    const { readFile } = await import('node:fs/promises');
    const ics = (await readFile((await (await download).path()) ?? '', 'utf8')).replace(/\r\n[ \t]/g, '');
    assert.match(ics, /^METHOD:CANCEL\r$/m);
    assert.match(ics, new RegExp(`^UID:${created.reference}@`, 'm'));
    assert.equal(await counts(second), second.remaining, 'cancelling frees the place');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
