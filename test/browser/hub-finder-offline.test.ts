import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/hub-finder/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { BookingCreated, StaffBookingList } from '../../src/contract/bookings.ts';
import { HubList, SessionList, type Session } from '../../src/contract/places.ts';
import { STAFF_TOKEN, expectAccessible } from './support.ts';
import { $, buttonNamed, make, searchAndWait, textOf as text } from './hub-finder-support.ts';

/*
 * The device goes offline just as a resident books, moves or cancels
 * (#17): the element says it is offline, keeps what was typed or chosen,
 * and once back online the same action does it exactly once.
 */

const T = {
  offline: 'You appear to be offline',
  tryAgain: 'Try again',
  confirmed: 'Booking confirmed',
  moved: 'Booking moved',
  cancelled: 'Booking cancelled',
  change: 'Change the time',
  cancel: 'Cancel this booking',
  cancelYes: 'Yes, cancel the booking',
};

/**
 * Takes the device offline for a moment, running `act` (a click) the moment
 * it goes: the runner's own link to the page is cut while offline, so the
 * page acts by itself. Resolves once it is back online.
 */
async function offlineWhile(act: () => void): Promise<void> {
  window.addEventListener('offline', act, { once: true });
  const back = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
  await executeServerCommand('go-offline', { ms: 1500 });
  await back;
}

async function sessionsOf(hubId?: string): Promise<Session[]> {
  const from = new Date(Date.now() + 3 * 3_600_000);
  const to = new Date(Date.now() + 27 * 86_400_000);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...(hubId ? { hub: hubId } : {}) });
  return SessionList.parse(await (await fetch(`/api/v1/sessions?${query}`)).json()).items.filter((item) => item.mode === 'bookable' && (item.remaining ?? 0) >= 2);
}

async function remaining(session: Session): Promise<number | undefined> {
  return (await sessionsOf(session.hubId).then((items) => items.find((item) => item.id === session.id)))?.remaining;
}

async function bookingsNamed(name: string) {
  const list = StaffBookingList.parse(await (await fetch('/api/v1/staff/bookings?limit=500', { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json());
  return list.items.filter((item) => item.name === name);
}

async function openManaged(booking: { reference: string; manageKey: string }): Promise<ClsHubFinder> {
  history.replaceState(null, '', `${location.pathname}?cls-booking=${booking.reference}&key=${encodeURIComponent(booking.manageKey)}`);
  try {
    const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang="en"></cls-hub-finder>`);
    await waitUntil(() => $(el, '.panel'), 'the booking', { timeout: 10_000 });
    return el;
  } finally {
    history.replaceState(null, '', location.pathname);
  }
}

async function bookViaApi(session: Session, name: string): Promise<BookingCreated> {
  const response = await fetch('/api/v1/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ sessionId: session.id, name, contact: { method: 'email', value: 'offline.test@example.org' }, consent: true }),
  });
  return BookingCreated.parse(await response.json());
}

describe('<cls-hub-finder> when the device goes offline', () => {
  it('booking: says it is offline, keeps the answers, and Try again books once', async () => {
    const [session] = await sessionsOf();
    if (!session) throw new Error('no bookable session');
    const { items } = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json());
    const el = await make('en');
    await searchAndWait(el, items.find((item) => item.hub.id === session.hubId)?.hub.address.postcode ?? 'Borchester');
    ($(el, `[data-hub="${CSS.escape(session.hubId)}"]`) as HTMLButtonElement).click();
    await waitUntil(() => $(el, `[data-session="${CSS.escape(session.id)}"]`), 'the session');
    ($(el, `[data-session="${CSS.escape(session.id)}"]`) as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#name'), 'the form');
    const name = `Offline Booker ${crypto.randomUUID().slice(0, 8)}`;
    const field = (selector: string, value: string) => {
      const input = $<HTMLInputElement>(el, selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    field('#name', name);
    ($(el, '#contact-method-1') as HTMLInputElement).click();
    await el.updateComplete;
    field('#email', 'offline.booker@example.org');
    ($(el, '#consent-0') as HTMLInputElement).click();
    await el.updateComplete;

    await offlineWhile(() => ($(el, 'form:not([role="search"])') as HTMLFormElement).requestSubmit());
    await waitUntil(() => text($(el, '.notification')).includes(T.offline), 'told it is offline', { timeout: 10_000 });
    expect(($(el, '#name') as HTMLInputElement).value, 'the name kept').to.equal(name);
    expect(($(el, '#email') as HTMLInputElement).value, 'the email kept').to.equal('offline.booker@example.org');
    expect(($(el, '#consent-0') as HTMLInputElement).checked, 'the consent kept').to.equal(true);
    await expectAccessible(el);
    expect(await bookingsNamed(name)).to.have.length(0);

    buttonNamed(el, T.tryAgain)?.click();
    await waitUntil(() => text($(el, '.panel')).includes(T.confirmed), 'booked after Try again', { timeout: 10_000 });
    const made = await bookingsNamed(name);
    expect(made, 'exactly one booking').to.have.length(1);
    await fetch(`/api/v1/bookings/${made[0]?.reference}?key=${encodeURIComponent(new URL(($(el, '.manage-link a') as HTMLAnchorElement).href).searchParams.get('key') ?? '')}`, {
      method: 'DELETE',
    });
  });

  it('moving: says it is offline, keeps the booking where it was, and moves it once when asked again', async () => {
    const sessions = await sessionsOf();
    const first = sessions.find((candidate) => sessions.some((other) => other !== candidate && other.hubId === candidate.hubId && other.start > candidate.start));
    const second = sessions.find((other) => other !== first && other.hubId === first?.hubId && other.start > (first?.start ?? ''));
    if (!first || !second) throw new Error('no hub with two bookable sessions');
    const booking = await bookViaApi(first, `Offline Mover ${crypto.randomUUID().slice(0, 8)}`);
    const before = { first: await remaining(first), second: await remaining(second) };
    const el = await openManaged(booking);
    buttonNamed(el, T.change)?.click();
    await waitUntil(() => $(el, `[data-session="${CSS.escape(second.id)}"]`), 'the other session offered', { timeout: 10_000 });

    await offlineWhile(() => ($(el, `[data-session="${CSS.escape(second.id)}"]`) as HTMLButtonElement).click());
    await waitUntil(() => text($(el, '.notification')).includes(T.offline), 'told it is offline', { timeout: 10_000 });
    expect($(el, `[data-session="${CSS.escape(second.id)}"]`), 'the time can still be chosen').to.not.equal(null);
    expect(await remaining(first), 'still booked where it was').to.equal(before.first);
    await expectAccessible(el);

    ($(el, `[data-session="${CSS.escape(second.id)}"]`) as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '.panel')).includes(T.moved), 'moved', { timeout: 10_000 });
    expect(await remaining(first), 'the old place given back once').to.equal((before.first ?? 0) + 1);
    expect(await remaining(second), 'the new place taken once').to.equal((before.second ?? 0) - 1);
    await fetch(`/api/v1/bookings/${booking.reference}?key=${encodeURIComponent(booking.manageKey)}`, { method: 'DELETE' });
  });

  it('cancelling: says it is offline, keeps the booking, and cancels it once when asked again', async () => {
    const [session] = await sessionsOf();
    if (!session) throw new Error('no bookable session');
    const booking = await bookViaApi(session, `Offline Canceller ${crypto.randomUUID().slice(0, 8)}`);
    const booked = await remaining(session);
    const el = await openManaged(booking);
    buttonNamed(el, T.cancel)?.click();
    await waitUntil(() => buttonNamed(el, T.cancelYes), 'asked to confirm');

    await offlineWhile(() => buttonNamed(el, T.cancelYes)?.click());
    await waitUntil(() => text($(el, '.notification')).includes(T.offline), 'told it is offline', { timeout: 10_000 });
    expect(await remaining(session), 'still booked').to.equal(booked);
    await expectAccessible(el);

    buttonNamed(el, T.cancel)?.click();
    await waitUntil(() => buttonNamed(el, T.cancelYes), 'asked again');
    buttonNamed(el, T.cancelYes)?.click();
    await waitUntil(() => text($(el, '.panel')).includes(T.cancelled), 'cancelled', { timeout: 10_000 });
    expect(await remaining(session), 'the place given back once').to.equal((booked ?? 0) + 1);
  });
});
