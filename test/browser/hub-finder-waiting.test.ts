import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/hub-finder/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { BookingCreated, WaitingPlace } from '../../src/contract/bookings.ts';
import { HubList, SessionList, type Session } from '../../src/contract/places.ts';
import { expectAccessible, focused } from './support.ts';
import { $, buttonNamed, make, root, searchAndWait, textOf as text } from './hub-finder-support.ts';

/*
 * A full session offers a waiting list (#14): joining by keyboard, the
 * place in the queue, the manage link after a reload, leaving with a
 * confirmation step, a freed place offered and booked under the same
 * reference, an offer that ends untaken, and a session that fills while
 * the form is being filled in. Every state checked with axe, in English
 * and Welsh, against the real API.
 */

const TEXT = {
  en: {
    full: 'Full',
    join: 'Join the waiting list',
    onList: 'You are on the waiting list',
    number: 'You are number 1 on the waiting list',
    leave: 'Leave the waiting list',
    leaveYes: 'Yes, leave the waiting list',
    left: 'You have left the waiting list',
    offered: 'A place is free for you',
    until: 'until',
    accept: 'Book this place',
    confirmed: 'Booking confirmed',
    expired: 'This offer has ended',
    decline: 'No thanks, give the place to someone else',
    sessionFull: 'Sorry, this session is now full.',
    keepLink: 'Waiting list place',
    freeNow: 'A place is free now',
    book: 'Book this session',
    bookHeading: 'Book a place',
    kioskNoMessages: 'We do not send messages from this screen.',
  },
  cy: {
    full: 'Llawn',
    join: 'Ymuno â’r rhestr aros',
    onList: 'Rydych ar y rhestr aros',
    number: 'Chi yw rhif 1 ar y rhestr aros',
    leave: 'Gadael y rhestr aros',
    leaveYes: 'Ydw, gadael y rhestr aros',
    left: 'Rydych wedi gadael y rhestr aros',
    offered: 'Mae lle ar gael i chi',
    until: 'tan',
    accept: 'Trefnu’r lle hwn',
    confirmed: 'Trefniant wedi’i gadarnhau',
    expired: 'Mae’r cynnig hwn wedi dod i ben',
    decline: 'Dim diolch, rhowch y lle i rywun arall',
    sessionFull: 'Mae’n ddrwg gennym, mae’r sesiwn hon yn llawn erbyn hyn.',
    keepLink: 'Lle ar y rhestr aros',
    freeNow: 'Mae lle ar gael nawr',
    book: 'Trefnu’r sesiwn hon',
    bookHeading: 'Trefnu lle',
    kioskNoMessages: 'Nid ydym yn anfon negeseuon o’r sgrin hon.',
  },
} as const;

const HOUR = 3_600_000;

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body) });

const person = (sessionId: string) => {
  const tag = crypto.randomUUID().slice(0, 8);
  return { sessionId, name: `Waiting Test ${tag}`, contact: { method: 'email', value: `waiting.${tag}@example.org` }, consent: true };
};

/** A bookable session with every place still free, at least three hours ahead, with at most 10 places. */
async function untouchedSession(): Promise<Session> {
  const from = new Date(Date.now() + 3 * HOUR);
  const to = new Date(Date.now() + 27 * 86_400_000);
  const { items } = SessionList.parse(await (await fetch(`/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json());
  const session = items.find((item) => item.mode === 'bookable' && item.capacity !== undefined && item.capacity <= 10 && item.remaining === item.capacity);
  if (!session) throw new Error('no untouched bookable session');
  return session;
}

/** Books `count` places (every place when omitted) as other residents would. */
async function fill(session: Session, count = session.capacity ?? 0): Promise<BookingCreated[]> {
  const made: BookingCreated[] = [];
  for (let i = 0; i < count; i++) {
    const response = await post('/api/v1/bookings', person(session.id));
    expect(response.status).to.equal(201);
    made.push(BookingCreated.parse(await response.json()));
  }
  return made;
}

async function joinViaApi(session: Session): Promise<WaitingPlace> {
  const response = await post('/api/v1/waiting-list', person(session.id));
  expect(response.status).to.equal(201);
  return WaitingPlace.parse(await response.json());
}

const cancelViaApi = (booking: { reference: string; manageKey: string }) =>
  fetch(`/api/v1/bookings/${booking.reference}?key=${encodeURIComponent(booking.manageKey)}`, { method: 'DELETE' });
const leaveViaApi = (place: { reference: string; manageKey: string }) =>
  fetch(`/api/v1/waiting-list/${place.reference}?key=${encodeURIComponent(place.manageKey)}`, { method: 'DELETE' });

/** Gives the places back (after the test's waiting-list places have ended), so other tests find the seed as it was. */
async function restore(bookings: readonly { reference: string; manageKey: string }[], places: readonly { reference: string; manageKey: string }[] = []): Promise<void> {
  for (const place of places) await leaveViaApi(place);
  for (const booking of bookings) await cancelViaApi(booking);
}

/** Opens the page as the manage link does: the page's address carries the reference and key. */
async function openLink(lang: 'en' | 'cy', place: { reference: string; manageKey: string }, kiosk = false): Promise<ClsHubFinder> {
  const before = location.href;
  history.replaceState(null, '', `${location.pathname}?cls-booking=${place.reference}&key=${encodeURIComponent(place.manageKey)}`);
  try {
    const el = await fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang} ?kiosk=${kiosk}></cls-hub-finder>`);
    await waitUntil(() => $(el, '.panel'), 'the place', { timeout: 10_000 });
    await el.updateComplete;
    return el;
  } finally {
    history.replaceState(null, '', before);
  }
}

/** The hub's details page, where every session of the next four weeks is listed. */
async function openHub(el: ClsHubFinder, session: Session): Promise<void> {
  const { items } = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json());
  await searchAndWait(el, items.find((item) => item.hub.id === session.hubId)?.hub.address.postcode ?? 'Borchester');
  ($(el, `[data-hub="${CSS.escape(session.hubId)}"]`) as HTMLButtonElement).click();
  await waitUntil(() => $(el, '#details-heading'), 'details');
}

/** Types the form's answers with the keyboard, from its heading. */
async function typeAnswers(el: ClsHubFinder, email: string): Promise<void> {
  await sendKeys({ press: 'Tab' });
  expect(focused(el)?.id).to.equal('name');
  await sendKeys({ type: 'Keyboard Waiting' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'ArrowDown' }); // phone → email
  await el.updateComplete;
  await sendKeys({ press: 'Tab' });
  expect(focused(el)?.id).to.equal('email');
  await sendKeys({ type: email });
  await sendKeys({ press: 'Tab' }); // notes
  await sendKeys({ press: 'Tab' }); // consent
  await sendKeys({ press: 'Space' });
  await sendKeys({ press: 'Tab' });
}

async function press(el: ClsHubFinder, name: string): Promise<void> {
  const target = buttonNamed(el, name);
  expect(target, `a "${name}" button`).to.not.equal(undefined);
  target?.focus();
  await sendKeys({ press: 'Enter' });
}

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-hub-finder> waiting lists in ${lang}`, () => {
    it('offers a full session’s waiting list, joins it by keyboard, brings the place back from its link, and leaves it after asking', async () => {
      const session = await untouchedSession();
      const bookings = await fill(session);
      try {
        const el = await make(lang);
        await openHub(el, session);
        await waitUntil(() => $(el, `[data-wait="${CSS.escape(session.id)}"]`), 'the waiting list offered');
        const join = $(el, `[data-wait="${CSS.escape(session.id)}"]`);
        expect($(el, `[data-session="${CSS.escape(session.id)}"]`), 'no Book button for a full session').to.equal(null);
        expect(text(join?.closest('.session'))).to.contain(t.full);
        expect(join?.getAttribute('aria-label')).to.contain(t.join);
        await expectAccessible(el);

        (join as HTMLButtonElement).focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => focused(el)?.id === 'booking-heading', 'the form, focused');
        expect(text($(el, '#booking-heading'))).to.equal(t.join);
        await expectAccessible(el);
        await typeAnswers(el, `keyboard.waiting.${lang}@example.org`);
        const joined = oneEvent(el, 'cls-waiting-list-join');
        await sendKeys({ press: 'Enter' });
        const { detail } = await joined;
        expect(detail.sessionId).to.equal(session.id);
        await waitUntil(() => focused(el)?.classList.contains('panel'), 'the waiting page, focused', { timeout: 10_000 });
        expect(text($(el, '.panel'))).to.contain(t.onList);
        expect(text($(el, '.panel'))).to.contain(detail.reference);
        expect(text(root(el))).to.contain(t.number);
        await waitUntil(() => text($(el, '[role="status"]')).includes(detail.reference), 'announced');
        await expectAccessible(el);
        const link = $<HTMLAnchorElement>(el, '.manage-link a') as HTMLAnchorElement;
        expect(text(link)).to.contain(t.keepLink);
        const key = new URL(link.href).searchParams.get('key') ?? '';

        // A reload: the link brings the place back.
        const again = await openLink(lang, { reference: detail.reference, manageKey: key });
        expect(text($(again, '.panel'))).to.contain(t.onList);
        expect(text(root(again))).to.contain(t.number);

        await press(again, t.leave);
        await waitUntil(() => focused(again)?.id === 'leave-check-heading', 'asked first');
        await expectAccessible(again);
        await press(again, t.leaveYes);
        await waitUntil(() => text($(again, '.panel')).includes(t.left), 'left');
        await waitUntil(() => text($(again, '[role="status"]')).includes(t.left), 'announced');
        await expectAccessible(again);
      } finally {
        await restore(bookings);
      }
    });

    it('shows a freed place with until when it is held, and books it under the same reference', async () => {
      const session = await untouchedSession();
      const bookings = await fill(session);
      const place = await joinViaApi(session);
      const [freed, ...rest] = bookings;
      try {
        await cancelViaApi(freed as BookingCreated);
        const el = await openLink(lang, place);
        expect(text($(el, '.panel'))).to.contain(t.offered);
        expect(text(root(el))).to.match(new RegExp(`${t.until} \\d\\d:\\d\\d`));
        await expectAccessible(el);
        const complete = oneEvent(el, 'cls-booking-complete');
        await press(el, t.accept);
        const { detail } = await complete;
        expect(detail.reference).to.equal(place.reference);
        await waitUntil(() => focused(el)?.classList.contains('panel'), 'the confirmation, focused');
        expect(text($(el, '.panel'))).to.contain(t.confirmed);
        expect(text($(el, '.panel'))).to.contain(place.reference);
        await expectAccessible(el);
      } finally {
        await restore([...rest, place]);
      }
    });

    it('says when an offer ended untaken, and lets the next person turn the place down', async () => {
      const session = await untouchedSession();
      const bookings = await fill(session);
      const first = await joinViaApi(session);
      const second = await joinViaApi(session);
      const [freed, ...rest] = bookings;
      try {
        await cancelViaApi(freed as BookingCreated);
        // The server's sweep, as if a day later: the first offer has ended and the place gone to the second person.
        await executeServerCommand('sweep-waiting-lists', { aheadMs: 24 * HOUR });
        const lapsed = await openLink(lang, first);
        expect(text($(lapsed, '.panel'))).to.contain(t.expired);
        await expectAccessible(lapsed);

        const next = await openLink(lang, second);
        expect(text($(next, '.panel'))).to.contain(t.offered);
        await press(next, t.decline);
        await waitUntil(() => focused(next)?.id === 'leave-check-heading', 'asked first');
        await expectAccessible(next);
        await press(next, t.leaveYes);
        await waitUntil(() => text($(next, '.panel')).includes(t.left), 'left');
        const places = SessionList.parse(
          await (await fetch(`/api/v1/sessions?hub=${session.hubId}&from=${new Date(Date.parse(session.start) - 60_000).toISOString()}&to=${new Date(Date.parse(session.start) + 60_000).toISOString()}`)).json(),
        ).items.find((item) => item.id === session.id);
        expect(places?.remaining, 'nobody else waiting: the place is free again').to.equal(1);
      } finally {
        await restore(rest);
      }
    });

    it('offers the waiting list, with the answers kept, when the session fills while the form is filled in', async () => {
      const session = await untouchedSession();
      const bookings = await fill(session, (session.capacity ?? 1) - 1);
      let joined: WaitingPlace | undefined;
      try {
        const el = await make(lang);
        await openHub(el, session);
        await waitUntil(() => $(el, `[data-session="${CSS.escape(session.id)}"]`), 'the Book button');
        const book = $(el, `[data-session="${CSS.escape(session.id)}"]`);
        (book as HTMLButtonElement).focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => focused(el)?.id === 'booking-heading', 'the form, focused');
        await typeAnswers(el, `filled.meanwhile.${lang}@example.org`);
        bookings.push(...(await fill(session, 1)));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => focused(el)?.classList.contains('notification'), 'told it is full', { timeout: 10_000 });
        expect(text($(el, '.notification'))).to.contain(t.sessionFull);
        await expectAccessible(el);
        await press(el, t.join);
        await waitUntil(() => focused(el)?.id === 'booking-heading' && text($(el, '#booking-heading')) === t.join, 'the waiting-list form');
        expect(($(el, '#name') as HTMLInputElement).value).to.equal('Keyboard Waiting');
        expect(($(el, '#email') as HTMLInputElement).value).to.equal(`filled.meanwhile.${lang}@example.org`);
        const joining = oneEvent(el, 'cls-waiting-list-join');
        ($(el, 'form') as HTMLFormElement).requestSubmit();
        const { detail } = await joining;
        await waitUntil(() => text($(el, '.panel')).includes(t.onList), 'on the list');
        const key = new URL(($<HTMLAnchorElement>(el, '.manage-link a') as HTMLAnchorElement).href).searchParams.get('key') ?? '';
        joined = WaitingPlace.parse({ ...(await (await fetch(`/api/v1/bookings/${detail.reference}?key=${encodeURIComponent(key)}`)).json()) });
      } finally {
        await restore(bookings, joined ? [joined] : []);
      }
    });

    it('says when a place frees while joining, and books it with the answers kept', async () => {
      const session = await untouchedSession();
      const bookings = await fill(session);
      try {
        const el = await make(lang);
        await openHub(el, session);
        await waitUntil(() => $(el, `[data-wait="${CSS.escape(session.id)}"]`), 'the waiting list offered');
        ($(el, `[data-wait="${CSS.escape(session.id)}"]`) as HTMLButtonElement).focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => focused(el)?.id === 'booking-heading', 'the form, focused');
        await typeAnswers(el, `freed.meanwhile.${lang}@example.org`);
        const [freed] = bookings.splice(0, 1);
        await cancelViaApi(freed as BookingCreated);
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => focused(el)?.classList.contains('notification'), 'told a place is free', { timeout: 10_000 });
        expect(text($(el, '.notification'))).to.contain(t.freeNow);
        await expectAccessible(el);
        await press(el, t.book);
        await waitUntil(() => text($(el, '#booking-heading')) === t.bookHeading, 'the booking form');
        expect(($(el, '#name') as HTMLInputElement).value).to.equal('Keyboard Waiting');
        const complete = oneEvent(el, 'cls-booking-complete');
        ($(el, 'form') as HTMLFormElement).requestSubmit();
        const { detail } = await complete;
        await waitUntil(() => text($(el, '.panel')).includes(t.confirmed), 'booked');
        const key = new URL(($<HTMLAnchorElement>(el, '.manage-link a') as HTMLAnchorElement).href).searchParams.get('key') ?? '';
        bookings.push({ ...(bookings[0] as BookingCreated), reference: detail.reference, manageKey: key });
      } finally {
        await restore(bookings);
      }
    });

    it('on a shared screen, shows no link to keep and says how to check later', async () => {
      const session = await untouchedSession();
      const bookings = await fill(session);
      const place = await joinViaApi(session);
      try {
        const el = await openLink(lang, place, true);
        expect(text($(el, '.panel'))).to.contain(t.onList);
        expect($(el, '.manage-link'), 'no manage link on a kiosk').to.equal(null);
        expect(text(root(el))).to.contain(t.kioskNoMessages);
        await expectAccessible(el);
      } finally {
        await restore(bookings, [place]);
      }
    });
  });
}
