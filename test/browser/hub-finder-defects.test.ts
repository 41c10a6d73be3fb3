import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
// sinon's ESM build carries @sinonjs/fake-timers (which is CommonJS only).
import sinon from 'sinon';
import '../../src/elements/hub-finder/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { HubList, SessionList, type Session } from '../../src/contract/places.ts';
import { londonInstant } from '../../src/core/schedule.ts';
import { expectAccessible, faultName, focused } from './support.ts';
import { $, buttonNamed, make, root, search, searchAndWait, textOf as text } from './hub-finder-support.ts';

/*
 * The hub finder defects of issue #14, each as a resident would notice it.
 * Dates are fixed with a fake Date (timers stay real), so what is "open
 * now" or "tomorrow" never depends on the day the tests run.
 */


const TEXT = {
  en: {
    full: 'Sorry, this session is now full.',
    submitBooking: 'Book this session',
    openUntil: 'Open now until 15:00',
    opensTomorrow: 'Opens tomorrow at 10:00',
    thursdayToday: 'Thursday 10 December, 12:00 to 15:00',
    phoneTeam: 'Phone the community team on',
    aberwenLibrary: 'Aberwen Library Talking Point',
    aberwenDescription: 'Drop in on Thursdays or book a Monday appointment.',
    search: 'Search',
    server: 'Something went wrong on our side',
    previous: 'near Borchester',
  },
  cy: {
    full: 'Mae’n ddrwg gennym, mae’r sesiwn hon yn llawn erbyn hyn.',
    submitBooking: 'Trefnu’r sesiwn hon',
    openUntil: 'Ar agor nawr tan 15:00',
    opensTomorrow: 'Yn agor yfory am 10:00',
    thursdayToday: 'Dydd Iau 10 Rhagfyr, 12:00 i 15:00',
    phoneTeam: 'Ffoniwch y tîm cymunedol ar',
    aberwenLibrary: 'Man Siarad Llyfrgell Aberwen',
    aberwenDescription: 'Galwch heibio ar ddydd Iau neu drefnu apwyntiad ar ddydd Llun.',
    search: 'Chwilio',
    server: 'Aeth rhywbeth o’i le ar ein hochr ni',
    previous: 'ger Borchester',
  },
} as const;

/** The list entry of the hub named `name` (as shown). */
function item(el: ClsHubFinder, name: string): HTMLElement | undefined {
  return [...root(el).querySelectorAll<HTMLElement>('[part="item"]')].find((li) => text(li.querySelector('[data-hub]')) === name);
}

async function allHubs() {
  return HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json()).items.map((entry) => entry.hub);
}

/** A bookable session with places in the next four weeks (real time), straight from the API. */
async function bookableSession(places = 1): Promise<Session> {
  const from = new Date();
  const to = new Date(from.getTime() + 27 * 86_400_000);
  const { items } = SessionList.parse(await (await fetch(`/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json());
  const session = items.find((entry) => entry.mode === 'bookable' && (entry.remaining ?? 0) >= places && Date.parse(entry.start) > Date.now() + 3_600_000);
  if (!session) throw new Error('no bookable session with places in the seed data');
  return session;
}

async function bookViaApi(sessionId: string): Promise<Response> {
  return fetch('/api/v1/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ sessionId, name: 'Other Resident', contact: { method: 'email', value: 'other@example.org' }, consent: true }),
  });
}

/** Opens the booking form for `session` from its hub's details page. */
async function openBooking(el: ClsHubFinder, session: Session): Promise<void> {
  const hub = (await allHubs()).find((candidate) => candidate.id === session.hubId);
  await searchAndWait(el, hub?.address.postcode ?? 'Borchester');
  ($(el, `[data-hub="${CSS.escape(session.hubId)}"]`) as HTMLButtonElement).click();
  await waitUntil(() => $(el, '#details-heading'), 'details');
  await waitUntil(() => $(el, `[data-session="${CSS.escape(session.id)}"]`), 'the session offered', { timeout: 10_000 });
  ($(el, `[data-session="${CSS.escape(session.id)}"]`) as HTMLButtonElement).click();
  await waitUntil(() => $(el, '#booking-heading'), 'booking form');
}

async function fillBooking(el: ClsHubFinder, email: string): Promise<void> {
  const name = $<HTMLInputElement>(el, '#name') as HTMLInputElement;
  name.value = 'Test Resident';
  name.dispatchEvent(new Event('input'));
  ($(el, '#contact-method-1') as HTMLInputElement).click();
  await el.updateComplete;
  const emailInput = $<HTMLInputElement>(el, '#email') as HTMLInputElement;
  emailInput.value = email;
  emailInput.dispatchEvent(new Event('input'));
  ($(el, '#consent-0') as HTMLInputElement).click();
  await el.updateComplete;
}

/** The first ancestor (or the node itself) that paints a background, crossing into the shadow host. */
function backgroundBehind(node: Element): string {
  for (let current: Element | null = node; current; current = current.parentElement) {
    const colour = getComputedStyle(current).backgroundColor;
    if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
  }
  return 'transparent';
}

/** Fakes only `Date` (timers stay real) at a London wall-clock time. */
function fakeLondonNow(date: string, time: string): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({ now: londonInstant(date, time), toFake: ['Date'], shouldAdvanceTime: true });
}

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-hub-finder> defects in ${lang}`, () => {
    it('"Session full": the red band carries the heading, and the full session is no longer offered for booking', async () => {
      const session = await bookableSession(1);
      const el = await make(lang);
      await openBooking(el, session);
      await fillBooking(el, 'late@example.org');
      for (let i = 0; i < (session.remaining ?? 0); i++) await bookViaApi(session.id);
      ($(el, 'form:not([role]) button[type="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '.notification'), 'full', { timeout: 10_000 });
      const banner = $(el, '.notification') as HTMLElement;
      const heading = banner.querySelector('[role="heading"]') as HTMLElement;
      expect(text(heading)).to.equal(t.full);
      // The heading is written in the coloured band, not under an empty one.
      expect(backgroundBehind(heading)).to.equal('rgb(200, 45, 26)');
      expect(buttonNamed(el, t.submitBooking), 'no "Book this session" for a full session').to.equal(undefined);
      await expectAccessible(el);
    });

    it('clears the results of the last search when a new one fails', async () => {
      const el = await make(lang);
      await searchAndWait(el);
      expect(text($(el, '#results-heading'))).to.contain(t.previous);
      el.apiBase = `/faults/${faultName()}/down/api/v1`;
      await el.updateComplete;
      await search(el, 'Felpersham');
      await waitUntil(() => $(el, '.notification'), 'failure', { timeout: 10_000 });
      expect(text($(el, '.notification'))).to.contain(t.server);
      expect($(el, '#results-heading'), 'the old results are gone').to.equal(null);
      expect(root(el).querySelectorAll('[part="item"]')).to.have.length(0);
      await expectAccessible(el);
    });

    it('shows a session that is on now, and says "open now until" its end', async () => {
      const clock = fakeLondonNow('2026-12-10', '13:00'); // a Thursday: Borchester Library's drop-in is 12:00 to 15:00
      try {
        const el = await make(lang);
        await searchAndWait(el);
        const library = item(el, 'Borchester Library Talking Point');
        expect(library, 'the library is listed').to.not.equal(undefined);
        expect(text(library?.querySelector('.badge--open'))).to.equal(t.openUntil);
        expect(text(library?.querySelector('.session'))).to.contain(t.thursdayToday);
        await expectAccessible(el);
      } finally {
        clock.restore();
      }
    });

    it('says when a hub that is closed now opens next', async () => {
      const clock = fakeLondonNow('2026-12-09', '18:00'); // a Wednesday evening: the High Street hub opens on Thursday at 10:00
      try {
        const el = await make(lang);
        await searchAndWait(el, 'Felpersham');
        const hub = item(el, 'The Hub on High Street, Felpersham');
        expect(hub, 'the High Street hub is listed').to.not.equal(undefined);
        expect(text(hub?.querySelector('.badge--opens'))).to.equal(t.opensTomorrow);
        await expectAccessible(el);
      } finally {
        clock.restore();
      }
    });

    it('gives the hub\'s number to phone when it has no sessions', async () => {
      const clock = fakeLondonNow('2026-12-09', '12:00'); // the Aberwen Leisure Centre pilot runs from April to September
      try {
        const leisure = (await allHubs()).find((hub) => hub.name.startsWith('Talking Point at Aberwen Leisure'));
        expect(leisure?.phone, 'the seed hub has a phone number').to.be.a('string');
        const el = await make(lang);
        await searchAndWait(el, 'Aberwen');
        const entry = item(el, leisure?.name ?? '');
        expect(text(entry)).to.contain(`${t.phoneTeam} ${leisure?.phone}`);
        expect(entry?.querySelector('a[href^="tel:"]')?.getAttribute('href')).to.equal(`tel:${leisure?.phone?.replace(/\s/g, '')}`);
        await expectAccessible(el);
      } finally {
        clock.restore();
      }
    });

    it('gives the page\'s number to phone for a hub with no sessions and no number of its own', async () => {
      const config = document.createElement('script');
      config.type = 'application/json';
      config.id = 'cls-config';
      config.textContent = JSON.stringify({ contactPhone: '01632 960 999' });
      document.head.append(config);
      try {
        // A council feed's places carry no phone number: those with no sessions are listed with the page's.
        const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang} directory="/test/fixtures/oruk-feeds/no-phone/"></cls-hub-finder>`);
        await searchAndWait(el, 'Borchester');
        const bare = [...root(el).querySelectorAll<HTMLElement>('[part="item"]')].filter((li) => li.querySelector('.no-sessions'));
        expect(bare.length, 'some listed place has no sessions').to.be.greaterThan(0);
        for (const entry of bare) {
          expect(text(entry.querySelector('.no-sessions'))).to.contain(`${t.phoneTeam} 01632 960 999`);
          expect(entry.querySelector('a[href="tel:01632960999"]')).to.not.equal(null);
        }
        await expectAccessible(el);
      } finally {
        config.remove();
      }
    });

    it('names and describes a hub in the resident\'s language where the data has both', async () => {
      const el = await make(lang);
      await searchAndWait(el, 'Aberwen');
      const names = [...root(el).querySelectorAll('[data-hub]')].map((node) => text(node));
      expect(names).to.include(t.aberwenLibrary);
      expect(names.some((name) => name.includes(' / ')), 'no bilingual "A / B" names').to.equal(false);
      (buttonNamed(el, t.aberwenLibrary) as HTMLElement).click();
      await waitUntil(() => $(el, '#details-heading'), 'details');
      expect(text($(el, '#details-heading'))).to.equal(t.aberwenLibrary);
      expect(text(root(el))).to.contain(t.aberwenDescription);
      await expectAccessible(el);
    });
  });
}

describe('<cls-hub-finder> defects in Welsh wording', () => {
  it('says "ar ddydd …" (soft mutation) in the confirmation, the cancellation and the calendar file', async () => {
    const session = await bookableSession(1);
    const el = await make('cy');
    await openBooking(el, session);
    await fillBooking(el, 'cymraeg@example.org');
    const complete = oneEvent(el, 'cls-booking-complete');
    ($(el, 'form:not([role]) button[type="submit"]') as HTMLButtonElement).click();
    await complete;
    await el.updateComplete;
    const confirmation = text(root(el));
    expect(confirmation).to.not.match(/\bar Dydd\b/);
    expect(confirmation).to.match(/\bar ddydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)\b/);
    const calendar = decodeURIComponent(($(el, 'a[download]') as HTMLAnchorElement).href.replace(/^data:text\/calendar;charset=utf-8,/, '')).replace(/\r\n[ \t]/g, '');
    const description = /^DESCRIPTION:(.*)$/m.exec(calendar)?.[1] ?? '';
    expect(description).to.match(/ar ddydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)/);
    expect(description).to.not.match(/ar Dydd/);
    buttonNamed(el, 'Canslo’r trefniant hwn')?.click();
    await waitUntil(() => buttonNamed(el, 'Ie, canslo’r trefniant'), 'the confirmation step', { timeout: 10_000 });
    buttonNamed(el, 'Ie, canslo’r trefniant')?.click();
    await waitUntil(() => text($(el, '.panel')).includes('Trefniant wedi’i ganslo'), 'cancelled', { timeout: 10_000 });
    const cancelled = text(root(el));
    expect(cancelled).to.not.match(/\bar Dydd\b/);
    expect(cancelled).to.match(/\bar ddydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)\b/);
  });
});

describe('<cls-hub-finder> map at 320 px', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const lang of ['en', 'cy'] as const) {
    it(`lets Tab reach only markers the resident can see (${lang})`, async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await make(lang);
      await searchAndWait(el);
      buttonNamed(el, lang === 'en' ? 'Show map' : 'Dangos map')?.click();
      await waitUntil(() => $(el, 'cls-hub-map')?.shadowRoot?.querySelector('.leaflet-marker-icon'), 'markers', { timeout: 10_000 });
      const map = $(el, 'cls-hub-map') as HTMLElement;
      // The place searched for is marked on the map.
      await waitUntil(() => map.shadowRoot?.querySelector('.marker-here'), '"You are here" marker');
      expect(text(map.shadowRoot?.querySelector('.marker-here'))).to.equal(lang === 'en' ? 'You are here' : 'Rydych chi yma');
      const area = (map.shadowRoot as ShadowRoot).querySelector('.map') as HTMLElement;
      buttonNamed(el, lang === 'en' ? 'Hide map' : 'Cuddio’r map')?.focus();
      const reached: string[] = [];
      for (let i = 0; i < 40; i++) {
        await sendKeys({ press: 'Tab' });
        const node = map.shadowRoot?.activeElement;
        if (!node) {
          if (reached.length) break;
          continue;
        }
        if (!node.classList.contains('leaflet-marker-icon')) continue;
        const box = node.getBoundingClientRect();
        const frame = area.getBoundingClientRect();
        const label = node.getAttribute('aria-label') ?? '';
        reached.push(label);
        expect(box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom, `"${label}" at x=${Math.round(box.left)} is inside the map (x=${Math.round(frame.left)}–${Math.round(frame.right)})`).to.equal(true);
      }
      expect(reached.length, 'some markers were reached').to.be.greaterThan(0);
      await expectAccessible(el);
      expect(focused(el)).to.not.equal(undefined);
    });
  }
});

describe('<cls-hub-finder> session kinds', () => {
  for (const lang of ['en', 'cy'] as const) {
    it(`names each session's kind in words and filters by it (${lang})`, async () => {
      const words = lang === 'en' ? { talk: 'Talking point conversation', clinic: 'Peer support group' } : { talk: 'Sgwrs man siarad', clinic: 'Grŵp cymorth cymheiriaid' };
      // Tuesday 1 December 2026: the Riverside carers' clinic (first Wednesday) and the market's peer support group (first Saturday) are both this week.
      const clock = fakeLondonNow('2026-12-01', '09:00');
      try {
        const el = await make(lang);
        await searchAndWait(el);
        const sessions = [...root(el).querySelectorAll('.session')].map((node) => text(node));
        expect(sessions.some((line) => line.includes(words.talk))).to.equal(true);
        const select = $<HTMLSelectElement>(el, '#filter-kind') as HTMLSelectElement;
        // Only the kinds some listed session has (the monthly peer support group at the market, within four weeks).
        expect([...select.options].map((option) => option.value)).to.include('peer-support');
        select.focus();
        select.value = 'peer-support';
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
        const shown = [...root(el).querySelectorAll('.session')].map((node) => text(node));
        expect(shown.length).to.be.greaterThan(0);
        for (const line of shown) expect(line).to.contain(words.clinic);
        expect(text($(el, '#results-heading'))).to.match(/^1 /);
        await expectAccessible(el);
      } finally {
        clock.restore();
      }
    });
  }
});
