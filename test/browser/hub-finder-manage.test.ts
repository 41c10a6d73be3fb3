import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/hub-finder/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { BookingCreated, BookingDetails } from '../../src/contract/bookings.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import sinon from 'sinon';
import { expectAccessible, focused } from './support.ts';
import { $, buttonNamed, root, textOf as text } from './hub-finder-support.ts';

/*
 * A booking survives the page (#14): the manage link, "Manage a booking" by
 * reference and contact, moving to another time and cancelling with a
 * confirmation step, each state checked with axe in English and Welsh.
 */

const TEXT = {
  en: {
    yourBooking: 'Your booking',
    moved: 'Booking moved',
    change: 'Change the time',
    moveTo: 'Move to this time',
    cancel: 'Cancel this booking',
    cancelYes: 'Yes, cancel the booking',
    cancelled: 'Booking cancelled',
    removeCalendar: 'Remove from calendar',
    manage: 'Manage a booking',
    find: 'Find my booking',
    referenceRequired: 'Enter your booking reference',
    contactRequired: 'Enter the email address or phone number you booked with',
    notFound: 'We could not find your booking',
    linkFailed: 'We could not open your booking',
    phone: 'Phone',
  },
  cy: {
    yourBooking: 'Eich trefniant',
    moved: 'Trefniant wedi’i symud',
    change: 'Newid yr amser',
    moveTo: 'Symud i’r amser hwn',
    cancel: 'Canslo’r trefniant hwn',
    cancelYes: 'Ie, canslo’r trefniant',
    cancelled: 'Trefniant wedi’i ganslo',
    removeCalendar: 'Tynnu o’r calendr',
    manage: 'Rheoli trefniant',
    find: 'Dod o hyd i’m trefniant',
    referenceRequired: 'Rhowch gyfeirnod eich trefniant',
    contactRequired: 'Rhowch y cyfeiriad e-bost neu’r rhif ffôn a roesoch wrth drefnu',
    notFound: 'Doedd dim modd i ni ddod o hyd i’ch trefniant',
    linkFailed: 'Doedd dim modd agor eich trefniant',
    phone: 'Ffôn',
  },
} as const;

const calendarOf = (link: HTMLAnchorElement) => decodeURIComponent(link.href.replace(/^data:text\/calendar;charset=utf-8,/, '')).replace(/\r\n[ \t]/g, '');

/** Two bookable sessions of one hub with places, from two hours ahead, from the API. */
async function twoSessionsAtOneHub(): Promise<[Session, Session]> {
  const from = new Date(Date.now() + 2 * 3_600_000);
  const to = new Date(Date.now() + 27 * 86_400_000);
  const { items } = SessionList.parse(await (await fetch(`/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json());
  const bookable = items.filter((s) => s.mode === 'bookable' && (s.remaining ?? 0) >= 2);
  for (const first of bookable) {
    const second = bookable.find((other) => other !== first && other.hubId === first.hubId);
    if (second) return [first, second];
  }
  throw new Error('no hub with two bookable sessions');
}

async function bookViaApi(sessionId: string, email: string): Promise<BookingCreated> {
  const response = await fetch('/api/v1/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ sessionId, name: 'Manage Test', contact: { method: 'email', value: email }, consent: true }),
  });
  return BookingCreated.parse(await response.json());
}

async function withPageQuery<T>(query: string, run: () => Promise<T>): Promise<T> {
  const before = location.href;
  history.replaceState(null, '', `${location.pathname}${query}`);
  try {
    return await run();
  } finally {
    history.replaceState(null, '', before);
  }
}

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-hub-finder> managing a booking in ${lang}`, () => {
    it('opens the booking from its manage link, moves it to another time, then cancels it with a calendar file that removes it', async () => {
      const [first, second] = await twoSessionsAtOneHub();
      const made = await bookViaApi(first.id, `manage-${lang}@example.org`);
      const el = await withPageQuery(`?cls-booking=${made.reference}&key=${encodeURIComponent(made.manageKey)}`, async () => {
        const created = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang}></cls-hub-finder>`);
        await waitUntil(() => $(created, '.panel'), 'the booking', { timeout: 10_000 });
        return created;
      });
      await el.updateComplete;
      expect(text($(el, '.panel'))).to.contain(t.yourBooking);
      expect(text($(el, '.panel'))).to.contain(made.reference);
      expect(focused(el)).to.equal($(el, '.panel'));
      // The hub's phone and address, and the manage link to keep.
      expect(text(root(el))).to.contain(`${t.phone}`);
      expect($(el, 'a[href^="tel:"]')).to.not.equal(null);
      const keep = $<HTMLAnchorElement>(el, '.manage-link a') as HTMLAnchorElement;
      expect(new URL(keep.href).searchParams.get('cls-booking')).to.equal(made.reference);
      expect(new URL(keep.href).searchParams.get('key')).to.equal(made.manageKey);
      const ics = calendarOf($<HTMLAnchorElement>(el, 'a[download]') as HTMLAnchorElement);
      expect(ics).to.contain(`UID:${made.reference}@`);
      expect(ics).to.contain('METHOD:PUBLISH');
      expect(ics).to.match(/^URL:.*cls-booking=/m);
      expect(ics).to.contain(made.reference);
      await expectAccessible(el);

      // Change the time, by keyboard.
      buttonNamed(el, t.change)?.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, `[data-session="${CSS.escape(second.id)}"]`), 'the other session offered', { timeout: 10_000 });
      expect(focused(el)).to.equal($(el, '#move-heading'));
      expect($(el, `[data-session="${CSS.escape(first.id)}"]`), 'not its own session').to.equal(null);
      await expectAccessible(el);
      ($(el, `[data-session="${CSS.escape(second.id)}"]`) as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(el, '.panel')).includes(t.moved), 'moved', { timeout: 10_000 });
      const seen = BookingDetails.parse(await (await fetch(`/api/v1/bookings/${made.reference}?key=${encodeURIComponent(made.manageKey)}`)).json());
      expect(seen.session.id).to.equal(second.id);
      expect(calendarOf($<HTMLAnchorElement>(el, 'a[download]') as HTMLAnchorElement)).to.contain('SEQUENCE:1');
      await expectAccessible(el);

      // Cancel: a confirmation step first.
      buttonNamed(el, t.cancel)?.click();
      await waitUntil(() => buttonNamed(el, t.cancelYes), 'the confirmation step');
      await expectAccessible(el);
      buttonNamed(el, t.cancelYes)?.click();
      await waitUntil(() => text($(el, '.panel')).includes(t.cancelled), 'cancelled', { timeout: 10_000 });
      const removal = calendarOf(buttonNamed(el, t.removeCalendar) as HTMLAnchorElement);
      expect(removal).to.contain('METHOD:CANCEL');
      expect(removal).to.contain('STATUS:CANCELLED');
      expect(removal).to.contain(`UID:${made.reference}@`);
      await expectAccessible(el);
      const after = BookingDetails.parse(await (await fetch(`/api/v1/bookings/${made.reference}?key=${encodeURIComponent(made.manageKey)}`)).json());
      expect(after.status).to.equal('cancelled');
    });

    it('finds a booking by reference and the email used, by keyboard, with errors for empty and wrong answers', async () => {
      const [session] = await twoSessionsAtOneHub();
      const email = `find-${lang}-${crypto.randomUUID().slice(0, 6)}@example.org`;
      const made = await bookViaApi(session.id, email);
      const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang}></cls-hub-finder>`);
      buttonNamed(el, t.manage)?.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '#manage-heading'), 'the form');
      await el.updateComplete;
      expect(focused(el)).to.equal($(el, '#manage-heading'));
      await expectAccessible(el);

      ($(el, '#manage-reference') as HTMLInputElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.error-summary'), 'errors');
      expect(text($(el, '.error-summary'))).to.contain(t.referenceRequired);
      expect(text($(el, '.error-summary'))).to.contain(t.contactRequired);
      await expectAccessible(el);

      ($(el, '#manage-reference') as HTMLInputElement).focus();
      await sendKeys({ type: made.reference.toLowerCase() });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'someone-else@example.org' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(el, '.notification')).includes(t.notFound), 'not found', { timeout: 10_000 });
      await expectAccessible(el);

      const contact = $<HTMLInputElement>(el, '#manage-contact') as HTMLInputElement;
      contact.focus();
      contact.select();
      await sendKeys({ type: email.toUpperCase() });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(el, '.panel')).includes(t.yourBooking), 'the booking', { timeout: 10_000 });
      expect(text($(el, '.panel'))).to.contain(made.reference);
      await expectAccessible(el);
    });

    it('says "Today" or "Tomorrow" above the time where true, and neither otherwise', async () => {
      const [session] = await twoSessionsAtOneHub();
      const made = await bookViaApi(session.id, `when-${lang}@example.org`);
      const start = Date.parse(session.start);
      const open = async (now: number) => {
        const clock = sinon.useFakeTimers({ now, toFake: ['Date'], shouldAdvanceTime: true });
        try {
          return await withPageQuery(`?cls-booking=${made.reference}&key=${encodeURIComponent(made.manageKey)}`, async () => {
            const created = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang}></cls-hub-finder>`);
            await waitUntil(() => $(created, '.panel'), 'the booking', { timeout: 10_000 });
            return text($(created, '.when'));
          });
        } finally {
          clock.restore();
        }
      };
      expect(await open(start - 3_600_000)).to.equal(lang === 'en' ? 'Today' : 'Heddiw');
      expect(await open(start - 86_400_000)).to.equal(lang === 'en' ? 'Tomorrow' : 'Yfory');
      expect(await open(start - 3 * 86_400_000)).to.equal('');
    });

    it('offers directions only when the page configures a maps URL template', async () => {
      const [session] = await twoSessionsAtOneHub();
      const made = await bookViaApi(session.id, `directions-${lang}@example.org`);
      const open = () =>
        withPageQuery(`?cls-booking=${made.reference}&key=${encodeURIComponent(made.manageKey)}`, async () => {
          const created = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang}></cls-hub-finder>`);
          await waitUntil(() => $(created, '.panel'), 'the booking', { timeout: 10_000 });
          return created;
        });
      let el = await open();
      expect([...root(el).querySelectorAll('a')].some((a) => a.href.includes('directions'))).to.equal(false);
      const config = document.createElement('script');
      config.type = 'application/json';
      config.id = 'cls-config';
      config.textContent = JSON.stringify({ directionsUrl: 'https://maps.example/directions?to={lat},{lng}&q={postcode}' });
      document.head.append(config);
      try {
        el = await open();
        const link = [...root(el).querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.href.startsWith('https://maps.example/'));
        expect(link, 'a directions link').to.not.equal(undefined);
        expect(link?.href).to.match(/to=5\d\.\d+,-\d\.\d+&q=[A-Z0-9]+%20[A-Z0-9]+$/);
        await expectAccessible(el);
      } finally {
        config.remove();
      }
    });

    it('says when a manage link does not match a booking, and offers to find it by reference', async () => {
      const el = await withPageQuery('?cls-booking=CCCC-CCCC&key=not-the-key', async () => {
        const created = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang}></cls-hub-finder>`);
        await waitUntil(() => $(created, '.notification'), 'the failure', { timeout: 10_000 });
        return created;
      });
      expect(text($(el, '.notification'))).to.contain(t.linkFailed);
      expect(buttonNamed(el, t.manage)).to.not.equal(undefined);
      await expectAccessible(el);
    });
  });
}
