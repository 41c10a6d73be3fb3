import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { clear, createStore } from 'idb-keyval';
import '../../src/elements/hub-day/define.ts';
import '../../src/elements/impact/define.ts';
import { HUB_KEY, TOKEN_KEY, type ClsHubDay } from '../../src/elements/hub-day/hub-day.ts';
import { BookingCreated } from '../../src/contract/bookings.ts';
import { SessionList, type Session } from '../../src/contract/places.ts';
import { VisitList } from '../../src/contract/staff.ts';
import { londonParts } from '../../src/core/schedule.ts';
import { STAFF_TOKEN, WORKER_TOKEN, expectAccessible, focused } from './support.ts';

type Lang = 'en' | 'cy';

const TEXT = {
  en: {
    signIn: 'Sign in',
    wrong: 'That staff token was not accepted',
    expired: 'You have been signed out',
    signedOut: 'You have signed out',
    signOut: 'Sign out',
    today: 'Today at',
    record: 'Record a conversation',
    recent: 'Recent conversations',
    summary: 'There is a problem',
    outcomesRequired: 'Select what happened',
    workerInvalid: 'Initials must be 1 to 4 letters',
    personRef: 'not a name, email address or phone number',
    saved: 'Conversation saved',
    savedOnDevice: 'Conversation saved on this device',
    waiting1: '1 waiting to send',
    offline: 'You are offline',
    attended: 'Attended',
    walkIns1: '1 walk-in',
    waitingContact: 'Waiting for contact',
    contactedBy: 'Contacted by AB',
    adminOnly: 'only an admin can change or delete it now',
    deleted: 'Conversation deleted',
    changed: 'Conversation changed',
  },
  cy: {
    signIn: 'Mewngofnodi',
    wrong: 'Ni chafodd y tocyn staff hwnnw ei dderbyn',
    expired: 'Rydych wedi cael eich allgofnodi',
    signedOut: 'Rydych wedi allgofnodi',
    signOut: 'Allgofnodi',
    today: 'Heddiw yn',
    record: 'Cofnodi sgwrs',
    recent: 'Sgyrsiau diweddar',
    summary: 'Mae problem wedi codi',
    outcomesRequired: 'Dewiswch beth ddigwyddodd',
    workerInvalid: 'Rhaid i’r blaenlythrennau fod rhwng 1 a 4 llythyren',
    personRef: 'nid enw, cyfeiriad e-bost na rhif ffôn',
    saved: 'Sgwrs wedi’i chadw',
    savedOnDevice: 'Sgwrs wedi’i chadw ar y ddyfais hon',
    waiting1: 'Yn aros i’w anfon: 1',
    offline: 'Rydych all-lein',
    attended: 'Wedi dod',
    walkIns1: 'Wedi galw heibio: 1',
    waitingContact: 'Yn aros am gysylltiad',
    contactedBy: 'Cysylltwyd gan AB',
    adminOnly: 'dim ond gweinyddwr all ei newid neu ei dileu nawr',
    deleted: 'Sgwrs wedi’i dileu',
    changed: 'Sgwrs wedi’i newid',
  },
} as const;

const root = (el: ClsHubDay) => el.shadowRoot as ShadowRoot;
const text = (el: ClsHubDay) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: ClsHubDay, selector: string) => root(el).querySelector<T>(selector) as T;
const buttons = (el: ClsHubDay) => [...root(el).querySelectorAll<HTMLButtonElement>('button')];
const buttonNamed = (el: ClsHubDay, label: string) => {
  const found = buttons(el).find((button) => button.textContent?.trim().startsWith(label));
  if (!found) throw new Error(`no button "${label}" in: ${buttons(el).map((button) => button.textContent?.trim()).join(' | ')}`);
  return found;
};
const shows = (el: ClsHubDay, words: string) => waitUntil(() => text(el).includes(words), `"${words}" not shown; shown: ${text(el).slice(0, 400)}`, { timeout: 8000 });

function type(el: ClsHubDay, selector: string, value: string): void {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
function check(el: ClsHubDay, selector: string): void {
  const input = $<HTMLInputElement>(el, selector);
  input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function make(lang: Lang, options: { kiosk?: boolean; hub?: string; date?: string } = {}): Promise<ClsHubDay> {
  const el = await fixture<ClsHubDay>(html`<cls-hub-day lang=${lang} api-base="/api/v1" ?kiosk=${options.kiosk ?? false} hub=${options.hub ?? ''} date=${options.date ?? ''}></cls-hub-day>`);
  await el.updateComplete;
  return el;
}

async function signIn(el: ClsHubDay, token = STAFF_TOKEN): Promise<void> {
  type(el, '#token', token);
  buttonNamed(el, TEXT[el.lang as Lang].signIn).click();
  await waitUntil(() => $(el, '#today-heading'), 'not signed in', { timeout: 8000 });
  await waitUntil(() => $<HTMLSelectElement>(el, '#hub')?.options.length, 'no hubs');
}

async function hubs(): Promise<{ id: string; name: string }[]> {
  const body = (await (await fetch('/api/v1/hubs?limit=100')).json()) as { items: { hub: { id: string; name: string } }[] };
  return body.items.map(({ hub }) => hub);
}

async function visitsAt(hub: string, token = STAFF_TOKEN) {
  return VisitList.parse(await (await fetch(`/api/v1/staff/visits?hub=${encodeURIComponent(hub)}&limit=500`, { headers: { Authorization: `Bearer ${token}` } })).json()).items;
}

async function bookableSession(): Promise<Session> {
  const from = new Date(Date.now() + 2 * 3_600_000);
  const to = new Date(Date.now() + 27 * 86_400_000);
  const { items } = SessionList.parse(await (await fetch(`/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json());
  const session = items.find((candidate) => candidate.mode === 'bookable' && (candidate.remaining ?? 0) >= 1);
  if (!session) throw new Error('no bookable session');
  return session;
}

async function book(sessionId: string, name: string): Promise<BookingCreated> {
  const response = await fetch('/api/v1/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ sessionId, name, contact: { method: 'email', value: 'day-test@example.org' }, consent: true }),
  });
  return BookingCreated.parse(await response.json());
}

/** A minimal valid conversation typed into the form: the hub and time are already there. */
function fillVisit(el: ClsHubDay, words: string): void {
  type(el, '#visit-worker', 'ab');
  type(el, '#visit-what-matters', words);
  check(el, '#visit-outcomes-0');
}

beforeEach(async () => {
  sessionStorage.clear();
  localStorage.removeItem(HUB_KEY);
  await clear(createStore('cls-hub-day', 'outbox'));
});

for (const lang of ['en', 'cy'] as const) {
  const T = TEXT[lang];

  describe(`<cls-hub-day> signing in (${lang})`, () => {
    it('is accessible signed out, refuses a wrong token with a field error, and keeps a right one in session storage only', async () => {
      const el = await make(lang);
      expect(text(el)).to.include(T.signIn);
      await expectAccessible(el);
      buttonNamed(el, T.signIn).click();
      await shows(el, T.summary);
      type(el, '#token', 'not-the-token');
      buttonNamed(el, T.signIn).click();
      await shows(el, T.wrong);
      expect($(el, '#token').getAttribute('aria-invalid')).to.equal('true');
      await expectAccessible(el);
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
      await signIn(el);
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(STAFF_TOKEN);
      expect(JSON.stringify({ ...localStorage })).not.to.include(STAFF_TOKEN);
      expect(location.href).not.to.include(STAFF_TOKEN);
      await shows(el, T.today);
      await expectAccessible(el);
      // A second element in the same tab is signed in already.
      const again = await make(lang);
      await waitUntil(() => $(again, '#today-heading'), 'the kept token was not used');
      buttonNamed(el, T.signOut).click();
      await shows(el, T.signedOut);
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
      await expectAccessible(el);
    });

    it('signs in <cls-impact> on the same tab too: one sign-in serves both staff elements', async () => {
      const el = await make(lang);
      await signIn(el);
      const impact = await fixture<HTMLElement>(html`<cls-impact lang=${lang}></cls-impact>`);
      await waitUntil(() => impact.shadowRoot?.querySelector('form.filters, .report'), 'the impact report did not take the hub day sign-in');
      expect(impact.shadowRoot?.querySelector('form.sign-in')).to.equal(null);
    });

    it('keeps the token in memory only on a kiosk', async () => {
      sessionStorage.setItem(TOKEN_KEY, STAFF_TOKEN);
      const el = await make(lang, { kiosk: true });
      expect($(el, '#today-heading')).to.equal(null);
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
      await signIn(el);
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
      expect(JSON.stringify({ ...localStorage })).not.to.include(STAFF_TOKEN);
    });

    it('goes back to signing in, saying why, when the token stops working', async () => {
      const el = await make(lang);
      await signIn(el);
      // The token is revoked behind the element's back: the next request answers 401.
      (el as unknown as { token: string }).token = 'revoked-token';
      buttonNamed(el, T.recent).click();
      await shows(el, T.expired);
      expect($(el, '#token')).to.exist;
      expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
      await expectAccessible(el);
    });
  });

  describe(`<cls-hub-day> recording a conversation (${lang})`, () => {
    it('shows every error in the summary and beside its field, then saves and records another keeping hub and worker', async () => {
      const [, hub] = await hubs();
      if (!hub) throw new Error('no hub');
      const el = await make(lang, { hub: hub.id });
      await signIn(el);
      buttonNamed(el, T.record).click();
      await waitUntil(() => $(el, '#visit-worker'));
      await expectAccessible(el);
      type(el, '#visit-worker', 'a1');
      type(el, '#visit-person-ref', 'Mary Jones');
      buttonNamed(el, lang === 'en' ? 'Save and record another' : 'Cadw a chofnodi un arall').click();
      await shows(el, T.summary);
      for (const message of [T.outcomesRequired, T.workerInvalid, T.personRef]) expect($(el, '.error-summary').textContent).to.include(message);
      expect(focused(el)?.classList.contains('error-summary')).to.equal(true);
      await expectAccessible(el);
      const words = `record ${lang} ${crypto.randomUUID()}`;
      type(el, '#visit-person-ref', '');
      type(el, '#visit-outcode', 'sy4 5jd');
      fillVisit(el, words);
      buttonNamed(el, lang === 'en' ? 'Save and record another' : 'Cadw a chofnodi un arall').click();
      await shows(el, T.saved);
      expect($<HTMLInputElement>(el, '#visit-worker').value).to.equal('ab');
      expect($<HTMLSelectElement>(el, '#visit-hub').value).to.equal(hub.id);
      expect($<HTMLTextAreaElement>(el, '#visit-what-matters').value).to.equal('');
      expect($<HTMLInputElement>(el, '#visit-outcomes-0').checked).to.equal(false);
      await expectAccessible(el);
      const stored = (await visitsAt(hub.id)).filter((visit) => visit.whatMatters === words);
      expect(stored.map((visit) => [visit.worker, visit.outcode, visit.outcomes])).to.deep.equal([['AB', 'SY4', ['information-advice']]]);
      // The hub chosen is the default next time.
      expect(localStorage.getItem(HUB_KEY)).to.equal(hub.id);
      const next = await make(lang);
      await waitUntil(() => $<HTMLSelectElement>(next, '#hub')?.value === hub.id, 'last hub not chosen');
    });

    it('takes a council’s option lists and labels over the defaults', async () => {
      const el = await make(lang);
      el.config = {
        heardAbout: [{ id: 'library-card', en: 'Library card scheme', cy: 'Cynllun cerdyn llyfrgell' }],
        labels: { outcode: { en: 'Area', cy: 'Ardal' } },
      };
      await signIn(el);
      buttonNamed(el, T.record).click();
      await waitUntil(() => $(el, '#visit-worker'));
      expect($(el, '#visit-heard').textContent).to.include(lang === 'en' ? 'Library card scheme' : 'Cynllun cerdyn llyfrgell');
      expect(root(el).querySelectorAll('#visit-heard input')).to.have.length(1);
      expect($(el, 'label[for="visit-outcode"]').textContent).to.include(lang === 'en' ? 'Area' : 'Ardal');
      // The default age bands are still there, in the element's language.
      expect($(el, '#visit-age').textContent).to.include(lang === 'en' ? '85 or over' : '85 neu hŷn');
      await expectAccessible(el);
    });

    it('records a conversation with the keyboard alone', async () => {
      const [hub] = await hubs();
      if (!hub) throw new Error('no hub');
      const el = await make(lang, { hub: hub.id });
      await signIn(el);
      buttonNamed(el, T.record).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.id === 'record-heading', 'focus not on the form heading');
      const words = `keys ${lang} ${Date.now()}`;
      const tabTo = async (done: () => boolean, what: string) => {
        for (let i = 0; i < 60 && !done(); i++) await sendKeys({ press: 'Tab' });
        if (!done()) throw new Error(`Tab never reached ${what}`);
      };
      await tabTo(() => focused(el)?.id === 'visit-worker', 'initials');
      await sendKeys({ type: 'kb' });
      await tabTo(() => focused(el)?.id === 'visit-what-matters', 'what matters');
      await sendKeys({ type: words });
      await tabTo(() => focused(el)?.id === 'visit-outcomes-1', 'the second outcome');
      await sendKeys({ press: 'Space' });
      await tabTo(() => focused(el)?.textContent?.trim() === (lang === 'en' ? 'Save' : 'Cadw'), 'Save');
      await sendKeys({ press: 'Enter' });
      await shows(el, T.saved);
      expect(focused(el)?.classList.contains('notification')).to.equal(true);
      const stored = (await visitsAt(hub.id)).filter((visit) => visit.whatMatters === words);
      expect(stored.map((visit) => [visit.worker, visit.outcomes])).to.deep.equal([['KB', ['community-activity']]]);
    });
  });

  describe(`<cls-hub-day> today at a hub (${lang})`, () => {
    it('marks bookings attended and did not come, adds a walk-in, and marks a follow-up contacted with who', async () => {
      const session = await bookableSession();
      const attending = await book(session.id, `Attending ${lang}`);
      const missing = await book(session.id, `Missing ${lang}`);
      const el = await make(lang, { hub: session.hubId, date: londonParts(new Date(session.start)).date });
      await signIn(el);
      await shows(el, attending.reference);
      await expectAccessible(el);
      buttonNamed(el, `${T.attended}: Attending ${lang}`).click();
      buttonNamed(el, lang === 'en' ? `Did not come: Missing ${lang}` : `Heb ddod: Missing ${lang}`).click();
      const walkIn = buttons(el).find((button) => button.textContent?.includes(lang === 'en' ? 'Add a walk-in' : 'Ychwanegu rhywun')) as HTMLButtonElement;
      walkIn.click();
      const statusOf = (reference: string) => [...root(el).querySelectorAll('tr')].find((tr) => tr.textContent?.includes(reference))?.querySelectorAll('td')[2]?.textContent?.trim();
      await waitUntil(() => statusOf(attending.reference) === T.attended && !$(el, '.queue'), 'marks not sent', { timeout: 8000 });
      expect($(el, '[role="status"]').textContent).to.include(lang === 'en' ? 'sent' : 'Wedi anfon');
      // The missed booking is now someone to get back to.
      await shows(el, missing.reference);
      await expectAccessible(el);
      const mark = buttonNamed(el, lang === 'en' ? `Mark ${missing.reference} contacted` : `Nodi bod cysylltiad wedi’i wneud â ${missing.reference}`);
      mark.click();
      await waitUntil(() => focused(el)?.id === 'contact-worker', 'initials not asked for');
      type(el, '#contact-worker', 'ab');
      buttonNamed(el, lang === 'en' ? `Mark ${missing.reference} contacted` : `Nodi bod cysylltiad wedi’i wneud â ${missing.reference}`).click();
      await shows(el, T.contactedBy);
      expect(text(el)).to.include(T.waitingContact);
      await expectAccessible(el);
      const day = (await (await fetch(`/api/v1/staff/attendance?hub=${session.hubId}&date=${londonParts(new Date(session.start)).date}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json()) as {
        sessions: { session: { id: string }; bookings: { reference: string; status: string }[]; walkIns: number }[];
      };
      const entry = day.sessions.find((candidate) => candidate.session.id === session.id);
      expect(entry?.bookings.filter((booking) => [attending.reference, missing.reference].includes(booking.reference)).map((booking) => booking.status)).to.deep.equal(['attended', 'missed']);
      expect(entry?.walkIns).to.be.greaterThan(0);
    });

    it('says so when a day has no sessions', async () => {
      const [hub] = await hubs();
      const el = await make(lang, { hub: hub?.id ?? '', date: '2020-01-01' });
      await signIn(el);
      await shows(el, lang === 'en' ? 'There are no sessions at this hub today.' : 'Does dim sesiynau yn yr hyb hwn heddiw.');
      await expectAccessible(el);
    });
  });

  describe(`<cls-hub-day> offline (${lang})`, () => {
    it('keeps a conversation recorded offline on the device, says it waits, and sends it once when the connection returns', async () => {
      const [, , hub] = await hubs();
      if (!hub) throw new Error('no hub');
      const el = await make(lang, { hub: hub.id });
      await signIn(el);
      buttonNamed(el, T.record).click();
      await waitUntil(() => $(el, '#visit-worker'));
      const words = `offline ${lang} ${crypto.randomUUID()}`;
      fillVisit(el, words);
      const offline = executeServerCommand('go-offline', { ms: 4000 });
      await waitUntil(() => !navigator.onLine, 'not offline');
      buttonNamed(el, lang === 'en' ? 'Save and record another' : 'Cadw a chofnodi un arall').click();
      await shows(el, T.savedOnDevice);
      await shows(el, T.waiting1);
      expect(text(el)).to.include(T.offline);
      expect($(el, '[role="status"]').textContent).to.include(T.waiting1);
      await expectAccessible(el);
      await offline;
      await waitUntil(() => !$(el, '.queue'), 'the queue was not sent', { timeout: 15_000 });
      expect($(el, '[role="status"]').textContent).to.include(lang === 'en' ? '1 sent' : 'Wedi anfon: 1');
      await expectAccessible(el);
      expect((await visitsAt(hub.id)).filter((visit) => visit.whatMatters === words)).to.have.length(1);
    });
  });

  describe(`<cls-hub-day> attendance offline (${lang})`, () => {
    it('shows a mark made offline as waiting, then sends it once when the connection returns', async () => {
      const session = await bookableSession();
      const booking = await book(session.id, `Offline ${lang}`);
      const date = londonParts(new Date(session.start)).date;
      const el = await make(lang, { hub: session.hubId, date });
      await signIn(el);
      await shows(el, booking.reference);
      const offline = executeServerCommand('go-offline', { ms: 4000 });
      await waitUntil(() => !navigator.onLine, 'not offline');
      buttonNamed(el, `${T.attended}: Offline ${lang}`).click();
      await shows(el, T.waiting1);
      const row = () => [...root(el).querySelectorAll('tr')].find((tr) => tr.textContent?.includes(booking.reference));
      expect(row()?.textContent).to.include(lang === 'en' ? 'waiting to send' : 'yn aros i’w anfon');
      await expectAccessible(el);
      await offline;
      await waitUntil(() => !$(el, '.queue') && !row()?.textContent?.includes(lang === 'en' ? 'waiting to send' : 'yn aros i’w anfon'), 'the mark was not sent', { timeout: 15_000 });
      const day = (await (await fetch(`/api/v1/staff/attendance?hub=${session.hubId}&date=${date}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json()) as {
        sessions: { bookings: { reference: string; status: string }[] }[];
      };
      expect(day.sessions.flatMap((entry) => entry.bookings).find((candidate) => candidate.reference === booking.reference)?.status).to.equal('attended');
      await expectAccessible(el);
    });
  });

  describe(`<cls-hub-day> corrections (${lang})`, () => {
    it('lets a worker change and delete a conversation for 24 hours, and after that says only an admin can', async () => {
      const [hub] = await hubs();
      if (!hub) throw new Error('no hub');
      const el = await make(lang, { hub: hub.id });
      await signIn(el, WORKER_TOKEN);
      buttonNamed(el, T.record).click();
      await waitUntil(() => $(el, '#visit-worker'));
      const words = `correct ${lang} ${crypto.randomUUID()}`;
      fillVisit(el, words);
      buttonNamed(el, lang === 'en' ? 'Save and record another' : 'Cadw a chofnodi un arall').click();
      await shows(el, T.saved);
      const [created] = (await visitsAt(hub.id)).filter((visit) => visit.whatMatters === words);
      buttonNamed(el, T.recent).click();
      await waitUntil(() => $(el, `[data-id="${created?.id}"]`), 'new visit not listed');
      // The conversation seeded two days ago (web-test-runner.config.mjs) can no longer be changed by a worker.
      const old = [...root(el).querySelectorAll('.visit')].find((item) => item.textContent?.includes('OLD'));
      expect(old?.textContent).to.include(T.adminOnly);
      expect(old?.querySelector('button')).to.equal(null);
      await expectAccessible(el);
      ($(el, `[data-id="${created?.id}"] button`) as HTMLButtonElement).click();
      await waitUntil(() => $<HTMLTextAreaElement>(el, '#visit-what-matters')?.value === words, 'not loaded for a change');
      type(el, '#visit-what-matters', `${words} changed`);
      buttonNamed(el, lang === 'en' ? 'Save changes' : 'Cadw’r newidiadau').click();
      await shows(el, T.changed);
      await waitUntil(() => $(el, `[data-id="${created?.id}"]`));
      expect((await visitsAt(hub.id)).find((visit) => visit.id === created?.id)?.whatMatters).to.equal(`${words} changed`);
      ($(el, `[data-id="${created?.id}"] button:nth-of-type(2)`) as HTMLButtonElement).click();
      await waitUntil(() => $(el, `[data-id="${created?.id}"]`)?.textContent?.includes(lang === 'en' ? 'cannot be undone' : 'dadwneud'));
      await expectAccessible(el);
      buttonNamed(el, lang === 'en' ? 'Yes, delete it' : 'Ydw, dilëwch hi').click();
      await shows(el, T.deleted);
      await waitUntil(() => !$(el, `[data-id="${created?.id}"]`), 'still listed');
      expect((await visitsAt(hub.id)).some((visit) => visit.id === created?.id)).to.equal(false);
    });
  });
}
