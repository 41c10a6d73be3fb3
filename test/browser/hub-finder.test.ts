import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/hub-finder/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { BookingCreated } from '../../src/contract/bookings.ts';
import { HubList, SessionList, type Session } from '../../src/contract/places.ts';
import { expectAccessible, faultName, focused, heal, runsOffEdge } from './support.ts';
import { $, buttonNamed, make, root, search, searchAndWait } from './hub-finder-support.ts';


const TEXT = {
  en: {
    heading: 'Find a community hub near you',
    search: 'Search',
    summary: 'There is a problem',
    required: 'Enter a postcode or the name of a town or village',
    invalid: 'Enter a real postcode, like SY4 5JD',
    notFound: 'We could not find that place',
    resultsNear: 'near Borchester',
    denied: 'You did not allow us to use your location',
    server: 'Something went wrong on our side',
    offline: 'You appear to be offline',
    noMatch: 'There are no community hubs near',
    showMap: 'Show map',
    back: 'Back to results',
    book: 'Book',
    bookHeading: 'Book a place',
    submitBooking: 'Book this session',
    nameRequired: 'Enter your full name',
    methodRequired: 'Select how we should contact you',
    emailInvalid: 'Enter an email address in the correct format',
    consentRequired: 'Tick the box to agree',
    full: 'Sorry, this session is now full.',
    confirmed: 'Booking confirmed',
    cancel: 'Cancel this booking',
    cancelYes: 'Yes, cancel the booking',
    noMessages: 'We do not send confirmations by email or text from this page.',
    cancelNo: 'No, keep the booking',
    cancelled: 'Booking cancelled',
    stepFree: 'Step-free access only',
  },
  cy: {
    heading: 'Dod o hyd i hyb cymunedol yn eich ardal',
    search: 'Chwilio',
    summary: 'Mae problem wedi codi',
    required: 'Rhowch god post neu enw tref neu bentref',
    invalid: 'Rhowch god post go iawn, fel SY4 5JD',
    notFound: 'Doedd dim modd i ni ddod o hyd i’r lle hwnnw',
    resultsNear: 'ger Borchester',
    denied: 'Wnaethoch chi ddim caniatáu i ni ddefnyddio eich lleoliad',
    server: 'Aeth rhywbeth o’i le ar ein hochr ni',
    offline: 'Mae’n ymddangos eich bod all-lein',
    noMatch: 'Does dim hybiau cymunedol ger',
    showMap: 'Dangos map',
    back: 'Yn ôl i’r canlyniadau',
    book: 'Trefnu',
    bookHeading: 'Trefnu lle',
    submitBooking: 'Trefnu’r sesiwn hon',
    nameRequired: 'Rhowch eich enw llawn',
    methodRequired: 'Dewiswch sut dylem ni gysylltu â chi',
    emailInvalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir',
    consentRequired: 'Ticiwch y blwch i gytuno',
    full: 'Mae’n ddrwg gennym, mae’r sesiwn hon yn llawn erbyn hyn.',
    confirmed: 'Trefniant wedi’i gadarnhau',
    cancel: 'Canslo’r trefniant hwn',
    cancelYes: 'Ie, canslo’r trefniant',
    noMessages: 'Nid ydym yn anfon cadarnhad drwy e-bost na neges destun o’r dudalen hon.',
    cancelNo: 'Na, cadw’r trefniant',
    cancelled: 'Trefniant wedi’i ganslo',
    stepFree: 'Mynediad heb risiau yn unig',
  },
} as const;

const text = (el: ClsHubFinder) => (root(el).textContent ?? '').replace(/\s+/g, ' ');


/** A bookable session in the next four weeks with at least `places` places, straight from the API. */
async function bookableSession(places = 2): Promise<Session> {
  const from = new Date();
  const to = new Date(from.getTime() + 27 * 86_400_000);
  const response = await fetch(`/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`);
  const { items } = SessionList.parse(await response.json());
  const session = items.find((item) => item.mode === 'bookable' && (item.remaining ?? 0) >= places && new Date(item.start).getTime() > Date.now() + 3_600_000);
  if (!session) throw new Error('no bookable session with places in the seed data');
  return session;
}

async function hubName(hubId: string): Promise<string> {
  const { items } = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json());
  return items.find((item) => item.hub.id === hubId)?.hub.name ?? '';
}

/** Books straight through the API, as other residents would. */
async function bookViaApi(sessionId: string): Promise<Response> {
  return fetch('/api/v1/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ sessionId, name: 'Other Resident', contact: { method: 'email', value: 'other@example.org' }, consent: true }),
  });
}

/** Opens the booking form for `session` from the hub's details page. */
async function openBooking(el: ClsHubFinder, session: Session): Promise<void> {
  const hub = await hubName(session.hubId);
  const coordinates = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json()).items.find((item) => item.hub.id === session.hubId)?.hub.address
    .postcode;
  await searchAndWait(el, coordinates ?? 'Borchester');
  ($(el, `[data-hub="${CSS.escape(session.hubId)}"]`) as HTMLButtonElement).click();
  await waitUntil(() => $(el, '#details-heading'), 'details');
  expect($(el, '#details-heading')?.textContent).to.contain(hub);
  const start = new Date(session.start);
  const bookButtons = [...root(el).querySelectorAll<HTMLButtonElement>('.session button')];
  // The details page lists sessions in start order; pick the one for this start time.
  const sessions = SessionList.parse(
    await (await fetch(`/api/v1/sessions?hub=${session.hubId}&from=${new Date().toISOString()}&to=${new Date(Date.now() + 28 * 86_400_000).toISOString()}`)).json(),
  ).items;
  const bookable = sessions.filter((item) => item.mode === 'bookable' && (item.remaining ?? 0) > 0);
  const index = bookable.findIndex((item) => item.id === session.id);
  expect(index, `session ${session.id} offered (${start.toISOString()})`).to.be.greaterThan(-1);
  bookButtons[index]?.click();
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

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-hub-finder> in ${lang}`, () => {
    it('starts with a labelled search form, and is accessible', async () => {
      const el = await make(lang);
      expect(text(el)).to.contain(t.heading);
      expect(($(el, 'label[for="place"]') as HTMLElement).textContent).to.not.equal('');
      expect($(el, '#place')?.getAttribute('autocomplete')).to.equal('postal-code');
      await expectAccessible(el);
    });

    it('asks for a place when the search is empty, and tells an invalid postcode from an unknown place', async () => {
      const el = await make(lang);
      await search(el, '');
      await waitUntil(() => $(el, '.error-summary'), 'error summary');
      expect($(el, '.error-summary')?.textContent).to.contain(t.required);
      expect(focused(el)).to.equal($(el, '.error-summary'));
      await expectAccessible(el);
      await search(el, 'SY99 ZZZZ');
      await waitUntil(() => $(el, '.error-summary')?.textContent?.includes(t.invalid), 'invalid postcode');
      await search(el, 'Atlantis');
      await waitUntil(() => $(el, '.error-summary')?.textContent?.includes(t.notFound), 'not found');
      expect(($(el, '#place') as HTMLInputElement).value).to.equal('Atlantis');
      await expectAccessible(el);
    });

    it('shows a busy search, then hubs nearest first with sessions, focusing the results heading', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/hang/api/v1`);
      await search(el, 'Borchester');
      await waitUntil(() => $(el, 'form[role="search"] button[type="submit"]')?.getAttribute('aria-disabled') === 'true', 'busy');
      await expectAccessible(el);
      await heal(name);
      await waitUntil(() => $(el, '#results-heading'), 'results', { timeout: 10_000 });
      await el.updateComplete;
      const heading = $(el, '#results-heading') as HTMLElement;
      expect(heading.textContent).to.contain(t.resultsNear);
      expect(focused(el)).to.equal(heading);
      // Days and months in the resident's language, whatever date data the browser has.
      const first = $(el, '.session')?.textContent ?? '';
      expect(first).to.match(lang === 'cy' ? /Dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr), \d\d:\d\d i \d\d:\d\d/ : /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ (January|February|March|April|May|June|July|August|September|October|November|December), \d\d:\d\d to \d\d:\d\d/);
      expect($(el, '.meta')?.textContent).to.match(lang === 'cy' ? /milltir i ffwrdd/ : /miles? away/);
      const items = root(el).querySelectorAll('[part="item"]');
      expect(items.length).to.be.greaterThan(2);
      expect($(el, '[role="status"]')?.textContent?.trim()).to.match(/\d/);
      // Distances never go down the list.
      const distances = [...items].map((item) => parseFloat((item.querySelector('.meta')?.textContent ?? '').replace(',', '.')));
      expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
      await expectAccessible(el);
    });

    it('keeps its search, filters and results within a 320 px screen (288 px inside the page’s margins)', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 288px"><cls-hub-finder lang=${lang}></cls-hub-finder></div>`);
      const el = box.querySelector('cls-hub-finder') as ClsHubFinder;
      await el.updateComplete;
      await searchAndWait(el, 'Borchester');
      expect(root(el).querySelectorAll('select').length, 'the filters are shown').to.be.greaterThan(1);
      expect(runsOffEdge(el), 'nothing runs off the screen').to.deep.equal([]);
    });

    it('filters the list by access, day and type of session, and says when nothing matches', async () => {
      const el = await make(lang);
      await searchAndWait(el);
      const listed = () => [...root(el).querySelectorAll<HTMLElement>('[data-hub]')].map((b) => b.dataset.hub ?? '');
      const all = listed();
      const { items } = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json());
      const stepFreeIds = new Set(items.filter((item) => item.hub.stepFree).map((item) => item.hub.id));

      ($(el, '#filter-step-free') as HTMLInputElement).click();
      await el.updateComplete;
      expect(listed()).to.deep.equal(all.filter((id) => stepFreeIds.has(id)));
      expect($(el, '[role="status"]')?.textContent).to.match(new RegExp(String(listed().length)));

      // Drop-in only, on each day in turn: every hub left has a drop-in that day; find a day with none.
      const mode = $<HTMLSelectElement>(el, '#filter-mode') as HTMLSelectElement;
      mode.value = 'drop-in';
      mode.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const day = $<HTMLSelectElement>(el, '#filter-day') as HTMLSelectElement;
      day.value = 'SU';
      if (![...day.options].some((option) => option.value === 'SU')) day.add(new Option('Sunday', 'SU'));
      day.value = 'SU';
      day.dispatchEvent(new Event('change'));
      await el.updateComplete;
      // The seed county holds no Sunday sessions, so nothing can match.
      expect(listed()).to.deep.equal([]);
      expect(text(el)).to.contain(t.noMatch);
      await expectAccessible(el);

      buttonNamed(el, lang === 'en' ? 'Clear filters' : 'Clirio’r hidlyddion')?.click();
      await el.updateComplete;
      expect(listed()).to.deep.equal(all);
    });

    it('explains a refused location and keeps the search box working', async () => {
      const el = await make(lang);
      await executeServerCommand('geolocation', { allow: false });
      buttonNamed(el, lang === 'en' ? 'Use my location' : 'Defnyddio fy lleoliad')?.click();
      await waitUntil(() => $(el, '.notification'), 'refusal explained', { timeout: 10_000 });
      expect($(el, '.notification')?.textContent).to.contain(t.denied);
      expect(focused(el)).to.equal($(el, '.notification'));
      await expectAccessible(el);
      await searchAndWait(el);
    });

    it('says when the server fails, and offers to try again', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/down/api/v1`);
      await search(el, 'Borchester');
      await waitUntil(() => $(el, '.notification'), 'failure', { timeout: 10_000 });
      expect($(el, '.notification')?.textContent).to.contain(t.server);
      await expectAccessible(el);
      await heal(name);
      buttonNamed(el, lang === 'en' ? 'Try again' : 'Rhowch gynnig arall arni')?.click();
      await waitUntil(() => $(el, '#results-heading'), 'results after retry', { timeout: 10_000 });
    });

    it('says when the device is offline', async () => {
      const el = await make(lang);
      const input = $<HTMLInputElement>(el, '#place') as HTMLInputElement;
      input.value = 'Borchester';
      input.dispatchEvent(new Event('input'));
      window.addEventListener('offline', () => ($(el, 'form[role="search"]') as HTMLFormElement).requestSubmit(), { once: true });
      const back = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
      const command = executeServerCommand('go-offline', { ms: 1500 });
      await waitUntil(() => $(el, '.notification'), 'offline message', { timeout: 10_000 });
      await back;
      await command;
      expect($(el, '.notification')?.textContent).to.contain(t.offline);
      await expectAccessible(el);
    });

    it('opens the map on request, and a hub\'s details with its sessions', async () => {
      const el = await make(lang);
      await searchAndWait(el);
      buttonNamed(el, t.showMap)?.click();
      await waitUntil(() => $(el, 'cls-hub-map'), 'map', { timeout: 10_000 });
      await expectAccessible(el);
      const first = $<HTMLButtonElement>(el, '[data-hub]') as HTMLButtonElement;
      const hubId = first.dataset.hub ?? '';
      const selected = oneEvent(el, 'cls-hub-select');
      first.click();
      expect((await selected).detail.hubId).to.equal(hubId);
      await waitUntil(() => $(el, '#details-heading'), 'details');
      expect(focused(el)).to.equal($(el, '#details-heading'));
      await expectAccessible(el);
      buttonNamed(el, t.back)?.click();
      await waitUntil(() => focused(el)?.getAttribute('data-hub') === hubId, 'focus back on the hub');
    });

    it('validates the booking form with an error summary, and books, confirms and cancels', async () => {
      const session = await bookableSession(2);
      const el = await make(lang);
      await openBooking(el, session);
      expect(text(el)).to.contain(t.bookHeading);
      expect(focused(el)).to.equal($(el, '#booking-heading'));
      await expectAccessible(el);

      ($(el, 'form:not([role]) button[type="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '.error-summary'), 'errors');
      const summary = $(el, '.error-summary')?.textContent ?? '';
      expect(summary).to.contain(t.nameRequired);
      expect(summary).to.contain(t.methodRequired);
      expect(summary).to.contain(t.consentRequired);
      await expectAccessible(el);

      await fillBooking(el, 'not-an-email');
      ($(el, 'form:not([role]) button[type="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '.error-summary')?.textContent?.includes(t.emailInvalid), 'email error');
      expect(($(el, '#name') as HTMLInputElement).value).to.equal('Test Resident');

      const email = $<HTMLInputElement>(el, '#email') as HTMLInputElement;
      email.value = 'resident@example.org';
      email.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const complete = oneEvent(el, 'cls-booking-complete');
      ($(el, 'form:not([role]) button[type="submit"]') as HTMLButtonElement).click();
      const { detail } = await complete;
      expect(Object.keys(detail).sort()).to.deep.equal(['hubId', 'reference', 'sessionId']);
      await el.updateComplete;
      const panel = $(el, '.panel') as HTMLElement;
      expect(panel.textContent).to.contain(t.confirmed);
      expect(panel.textContent).to.contain(detail.reference);
      // This server sends no messages (Notify is not set up): the page says so.
      expect($(el, '.messages')?.textContent).to.contain(t.noMessages);
      expect(focused(el)).to.equal(panel);
      const calendar = $<HTMLAnchorElement>(el, 'a[download]') as HTMLAnchorElement;
      const ics = decodeURIComponent(calendar.href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
      expect(ics).to.contain('BEGIN:VCALENDAR');
      expect(ics).to.contain(`UID:${detail.reference}@`);
      expect(ics).to.match(/DTSTART;TZID=Europe\/London:\d{8}T\d{6}/);
      await expectAccessible(el);

      const after = SessionList.parse(await (await fetch(`/api/v1/sessions?hub=${session.hubId}&from=${session.start}&to=${session.end}`)).json()).items[0];
      expect(after?.remaining).to.equal((session.remaining ?? 0) - 1);

      const cancelled = oneEvent(el, 'cls-booking-cancel');
      buttonNamed(el, t.cancel)?.click();
      // A confirmation step first: "No" keeps the booking, "Yes" cancels it.
      await waitUntil(() => buttonNamed(el, t.cancelNo), 'the confirmation step');
      await el.updateComplete;
      expect(focused(el)).to.equal($(el, '#cancel-check-heading'));
      await expectAccessible(el);
      buttonNamed(el, t.cancelNo)?.click();
      await el.updateComplete;
      expect(buttonNamed(el, t.cancelYes)).to.equal(undefined);
      buttonNamed(el, t.cancel)?.click();
      await el.updateComplete;
      buttonNamed(el, t.cancelYes)?.click();
      expect((await cancelled).detail.reference).to.equal(detail.reference);
      await el.updateComplete;
      expect($(el, '.panel')?.textContent).to.contain(t.cancelled);
      await expectAccessible(el);
      const freed = SessionList.parse(await (await fetch(`/api/v1/sessions?hub=${session.hubId}&from=${session.start}&to=${session.end}`)).json()).items[0];
      expect(freed?.remaining).to.equal(session.remaining);
    });

    it('says when the session filled up meanwhile, keeps the answers, and offers the next one', async () => {
      const session = await bookableSession(1);
      const el = await make(lang);
      await openBooking(el, session);
      await fillBooking(el, 'late@example.org');
      // Other residents take the remaining places while this person types.
      for (let i = 0; i < (session.remaining ?? 0); i++) await bookViaApi(session.id);
      ($(el, 'form:not([role]) button[type="submit"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '.notification'), 'full', { timeout: 10_000 });
      expect($(el, '.notification')?.textContent).to.contain(t.full);
      expect(($(el, '#email') as HTMLInputElement).value).to.equal('late@example.org');
      await expectAccessible(el);
    });
  });
}

describe('<cls-hub-finder> options', () => {
  it('searches straight away for a postcode given in the page, and shows distances in kilometres on request', async () => {
    const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang="en" api-base="/api/v1" postcode="SY4 5DG" units="km"></cls-hub-finder>`);
    await waitUntil(() => $(el, '#results-heading'), 'results without pressing Search', { timeout: 10_000 });
    await el.updateComplete;
    expect(($(el, '#place') as HTMLInputElement).value).to.equal('SY4 5DG');
    expect($(el, '.meta')?.textContent).to.match(/\d km away/);
  });

  it('takes map tiles from the page config, and says so when they cannot be loaded', async () => {
    const config = document.createElement('script');
    config.type = 'application/json';
    config.id = 'cls-config';
    config.textContent = JSON.stringify({ tiles: { url: '/no-such-tiles/{z}/{x}/{y}.png', attribution: 'Test tiles' } });
    document.head.append(config);
    try {
      const el = await make('en');
      await searchAndWait(el);
      buttonNamed(el, 'Show map')?.click();
      await waitUntil(() => $(el, 'cls-hub-map'), 'map', { timeout: 10_000 });
      const map = $(el, 'cls-hub-map') as HTMLElement;
      await waitUntil(() => (map.shadowRoot?.textContent ?? '').includes('could not be loaded'), 'tile failure explained', { timeout: 10_000 });
      expect(map.shadowRoot?.textContent).to.contain('Test tiles');
    } finally {
      config.remove();
    }
  });

  it('reads hubs straight from an Open Referral UK feed with the directory attribute', async () => {
    const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang="cy" api-base="/api/v1" directory="/oruk/"></cls-hub-finder>`);
    await searchAndWait(el, 'Borchester');
    const names = [...root(el).querySelectorAll('[data-hub]')].map((b) => b.textContent?.trim());
    expect(names.length).to.be.greaterThan(3);
    // Places come from the feed's service locations (venues), not from the hub list.
    const hubNames = new Set(HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json()).items.map((item) => item.hub.name));
    expect(names.some((name) => name && !hubNames.has(name))).to.equal(true);
    // Feed services are drop-ins: nothing to book.
    expect(root(el).querySelectorAll('.session button')).to.have.length(0);
    expect(root(el).querySelectorAll('.session').length).to.be.greaterThan(0);
    await expectAccessible(el);
  });
});

/** Every request the page makes from now on, with the signal that can cancel it, until `stop`. */
function watchRequests(): { requests: Array<{ url: string; signal: AbortSignal | undefined }>; stop: () => void } {
  const original = window.fetch;
  const requests: Array<{ url: string; signal: AbortSignal | undefined }> = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: input instanceof Request ? input.url : String(input), signal: init?.signal ?? undefined });
    return original(input, init);
  };
  return { requests, stop: () => (window.fetch = original) };
}

describe('<cls-hub-finder> searching', () => {
  it('cancels a search under way when a newer one starts, and lists only the newer one\'s hubs', async () => {
    const name = faultName();
    const watch = watchRequests();
    try {
      const el = await make('en', `/faults/${name}/hang/api/v1`);
      await search(el, 'Borchester');
      await waitUntil(() => watch.requests.some((request) => request.url.includes('geocode?q=Borchester')), 'first search sent');
      const first = watch.requests.find((request) => request.url.includes('geocode?q=Borchester'));
      await search(el, 'Felpersham');
      await waitUntil(() => first?.signal?.aborted, 'first search cancelled');
      await heal(name);
      await waitUntil(() => $(el, '#results-heading'), 'results', { timeout: 10_000 });
      expect($(el, '#results-heading')?.textContent).to.contain('near Felpersham');
      // The cancelled search went no further than finding its place.
      expect(watch.requests.filter((request) => request.url.includes('/hubs?')).length).to.equal(1);
    } finally {
      watch.stop();
    }
  });

  it('cancels a search when it leaves the page, and searches again when it is back', async () => {
    const name = faultName();
    const watch = watchRequests();
    try {
      const el = await make('en', `/faults/${name}/hang/api/v1`);
      await search(el, 'Borchester');
      await waitUntil(() => watch.requests.some((request) => request.url.includes('geocode')), 'search sent');
      const parent = el.parentElement as HTMLElement;
      el.remove();
      await waitUntil(() => watch.requests[0]?.signal?.aborted, 'search cancelled');
      await heal(name);
      parent.append(el);
      await waitUntil(() => $(el, '#results-heading'), 'results after coming back', { timeout: 10_000 });
      expect($(el, '#results-heading')?.textContent).to.contain('near Borchester');
    } finally {
      watch.stop();
    }
  });

  it('follows the one heading rule: the main heading at heading-level, everything inside one below, never past 6', async () => {
    const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang="en" api-base="/api/v1" heading-level="3"></cls-hub-finder>`);
    const level = (selector: string) => $(el, selector)?.getAttribute('aria-level');
    expect(level('.heading-l')).to.equal('3');
    await search(el, '');
    await waitUntil(() => $(el, '.error-summary'), 'error summary');
    expect(level('#error-summary-title')).to.equal('4');
    await searchAndWait(el);
    expect([level('.heading-l'), level('#results-heading'), level('.hub-name')]).to.deep.equal(['3', '4', '5']);
    el.headingLevel = 6;
    await el.updateComplete;
    expect([level('.heading-l'), level('#results-heading'), level('.hub-name')]).to.deep.equal(['6', '6', '6']);
    await expectAccessible(el);
  });
});

describe('<cls-hub-finder> with the keyboard', () => {
  it('searches, filters, opens a hub and books with the keyboard alone', async () => {
    const session = await bookableSession(1);
    const hubs = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json());
    const postcode = hubs.items.find((item) => item.hub.id === session.hubId)?.hub.address.postcode ?? '';
    const el = await make('en');
    ($(el, '#place') as HTMLInputElement).focus();
    await sendKeys({ type: postcode });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'results-heading', 'focus on results', { timeout: 10_000 });
    // Tab to the step-free filter and toggle it with Space; the list answers.
    ($(el, '#filter-step-free') as HTMLInputElement).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(($(el, '#filter-step-free') as HTMLInputElement).checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const hubButton = $<HTMLButtonElement>(el, `[data-hub="${CSS.escape(session.hubId)}"]`) as HTMLButtonElement;
    hubButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'details-heading', 'details focused');
    // Tab forward to the first Book button and press it.
    for (let i = 0; i < 30 && !(focused(el)?.textContent?.trim() === 'Book'); i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Book');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'booking-heading', 'booking focused');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('name');
    await sendKeys({ type: 'Keyboard Resident' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // radios: phone → email
    await el.updateComplete;
    expect(($(el, '#contact-method-1') as HTMLInputElement).checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('email');
    await sendKeys({ type: 'keyboard@example.org' });
    await sendKeys({ press: 'Tab' }); // notes
    await sendKeys({ press: 'Tab' }); // consent
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    const complete = oneEvent(el, 'cls-booking-complete');
    await sendKeys({ press: 'Enter' });
    const { detail } = await complete;
    expect(BookingCreated.shape.reference.safeParse(detail.reference).success).to.equal(true);
    await waitUntil(() => focused(el)?.classList.contains('panel'), 'confirmation focused');
  });
});
