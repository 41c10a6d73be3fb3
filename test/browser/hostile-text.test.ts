import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/feedback/define.ts';
import '../../src/elements/hub-finder/define.ts';
import '../../src/elements/resource-wheel/define.ts';
import '../../src/elements/self-assessment/define.ts';
import '../../src/elements/hub-day/define.ts';
import { StaffBookingList } from '../../src/contract/bookings.ts';
import { SessionList } from '../../src/contract/places.ts';
import type { QuestionnaireDefinition } from '../../src/contract/questionnaire.ts';
import { VisitList } from '../../src/contract/staff.ts';
import { HOSTILE_SHOWN, HOSTILE_TEXT } from '../fixtures/hostile-text.ts';
import { STAFF_TOKEN, WORKER_TOKEN, faultName } from './support.ts';

/*
 * Feed text is text, never HTML: a feed with a hostile string (script tags,
 * event handlers, javascript: and data: URLs, SVG, attribute breakers,
 * template markers, RTL overrides, a 100,000-character word; see the corpus)
 * in every field, shown by the wheel and the hub finder; in every text of a
 * questionnaire definition; typed into the booking form; recorded in a
 * staff visit. Nothing runs,
 * nothing hostile becomes an element or a link, the text shows as written,
 * and nothing spills out of its box.
 */

declare global {
  interface Window {
    __xss?: number;
  }
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every element under `root`, into nested shadow roots. */
function deepElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((node) => [node, ...(node.shadowRoot ? deepElements(node.shadowRoot) : [])]);
}

/** Tags our elements never render: one of them on the page came from a feed. */
const NEVER_RENDERED = 'script, iframe, object, embed, base, meta, link, style, marquee, video, audio, source, math, template, noscript, body, form[action], img';

function expectInert(el: HTMLElement): void {
  expect(window.__xss, 'no hostile text ran').to.equal(undefined);
  const all = deepElements(el.shadowRoot as ShadowRoot);
  const foreign = all.filter((node) => node.matches(NEVER_RENDERED) || [...node.attributes].some((attribute) => /^on/i.test(attribute.name)));
  expect(foreign.map((node) => node.outerHTML.slice(0, 80)).join(' | '), 'no element made from feed text').to.equal('');
  // The calendar file a booking offers is ours (`data:text/calendar`, made by the element): every other data: link is foreign.
  const links = all.flatMap((node) => (node instanceof HTMLAnchorElement ? [node.getAttribute('href') ?? ''] : [])).filter((href) => !href.startsWith('data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR'));
  expect(links.filter((href) => /^\s*(javascript|data|vbscript)\s*:/i.test(href.replace(/[\t\n\r]/g, '')) || href.startsWith('&#')), 'no script link').to.deep.equal([]);
}

/** Nothing wider than the box it is in: the 100,000-character word wraps. */
function expectContained(el: HTMLElement, selector: string): void {
  const boxes = [...(el.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(selector)];
  expect(boxes.length, selector).to.be.greaterThan(0);
  for (const box of boxes) expect(box.scrollWidth, `${selector} ${squash(box.textContent).slice(0, 40)}`).to.be.at.most(box.clientWidth + 1);
  const outer = (el.shadowRoot as ShadowRoot).firstElementChild as HTMLElement;
  expect(outer.scrollWidth, 'the element itself').to.be.at.most(outer.clientWidth + 1);
}

describe('hostile text in a feed, shown by the elements', () => {
  beforeEach(() => {
    window.__xss = undefined;
  });

  it(`the corpus holds ${HOSTILE_TEXT.length} strings (at least 60)`, () => {
    expect(HOSTILE_TEXT.length).to.be.at.least(60);
    expect(HOSTILE_TEXT.some((text) => text.length >= 100_000)).to.equal(true);
  });

  it('the resource wheel lists every hostile service as text (list view, all pages)', async function () {
    this.timeout(30_000);
    const el = await fixture<HTMLElement>(html`<div style="width: 360px"><cls-resource-wheel lang="en" view="list" directory=${`/faults/${faultName()}/hostile/oruk/`}></cls-resource-wheel></div>`);
    const wheel = el.querySelector('cls-resource-wheel') as HTMLElement;
    const root = wheel.shadowRoot as ShadowRoot;
    await waitUntil(() => /\d+ community resources/.test(root.textContent ?? ''), 'loaded', { timeout: 20_000 });
    // Every group opened a page at a time, until every resource is listed.
    for (let i = 0; i < 50; i++) {
      const more = [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => /^Show \d+ more/.test(squash(button.textContent)));
      if (!more) break;
      more.click();
      await (wheel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    }
    const shown = squash(root.textContent);
    for (const text of HOSTILE_SHOWN) expect(shown, text).to.contain(squash(text));
    expectInert(wheel);
    expectContained(wheel, '.service');
  });

  it('the hub finder lists hostile places and shows a hostile hub’s details as text', async function () {
    this.timeout(30_000);
    const el = await fixture<HTMLElement>(
      html`<div style="width: 360px"><cls-hub-finder lang="en" limit="50" api-base="/api/v1" directory=${`/faults/${faultName()}/hostile/oruk/`}></cls-hub-finder></div>`,
    );
    const finder = el.querySelector('cls-hub-finder') as HTMLElement & { updateComplete: Promise<unknown> };
    const root = finder.shadowRoot as ShadowRoot;
    const input = root.querySelector<HTMLInputElement>('#place') as HTMLInputElement;
    input.value = 'Borchester';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    (root.querySelector('form[role="search"]') as HTMLFormElement).requestSubmit();
    await waitUntil(() => root.querySelector('#results-heading'), 'results', { timeout: 20_000 });
    await finder.updateComplete;
    const listed = squash(root.textContent);
    expect(HOSTILE_SHOWN.filter((text) => listed.includes(squash(text))).length, 'hostile names listed as text').to.be.greaterThan(0);
    expectInert(finder);
    expectContained(finder, '[part~="item"]');
    // A hub's details: description, address, accessibility, all hostile.
    (root.querySelector('[data-hub]') as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('#details-heading'), 'the hub’s details');
    await finder.updateComplete;
    const details = squash(root.textContent);
    expect(HOSTILE_SHOWN.some((text) => details.includes(squash(text))), 'the hostile details shown as text').to.equal(true);
    expectInert(finder);
    const outer = root.firstElementChild as HTMLElement;
    expect(outer.scrollWidth, 'the details fit').to.be.at.most(outer.clientWidth + 1);
  });

  it('a hostile comment sent through the feedback form is stored exactly as typed, and runs nowhere', async () => {
    const hub = `hostile-${faultName()}`;
    const comment = HOSTILE_SHOWN.slice(0, 6).join(' ').slice(0, 1000);
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<cls-feedback lang="en" api-base="/api/v1" hub=${hub}></cls-feedback>`);
    const root = el.shadowRoot as ShadowRoot;
    for (const name of ['helpful', 'ease']) {
      const radio = root.querySelector<HTMLInputElement>(`input[name="${name}"][value="4"]`) ?? root.querySelectorAll<HTMLInputElement>(`input[type="radio"]`)[name === 'helpful' ? 3 : 8];
      radio?.click();
    }
    const textarea = root.querySelector<HTMLTextAreaElement>('#comment') as HTMLTextAreaElement;
    textarea.value = comment;
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    (root.querySelector('form') as HTMLFormElement).requestSubmit();
    await waitUntil(async () => {
      const response = await fetch(`/api/v1/staff/feedback?hub=${encodeURIComponent(hub)}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
      return ((await response.json()) as { total: number }).total === 1;
    }, 'stored', { timeout: 10_000 });
    const list = (await (await fetch(`/api/v1/staff/feedback?hub=${encodeURIComponent(hub)}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json()) as { items: { comment?: string }[] };
    expect(list.items[0]?.comment).to.equal(comment.trim());
    expectInert(el);
  });

  it('a questionnaire definition with a hostile string in every text shows them as text, page after page', async function () {
    this.timeout(30_000);
    // The definition councils write, served as a file, with each of its texts (every language) replaced by a hostile one.
    const source = (await (await fetch('/server/questionnaires/what-matters.json')).json()) as unknown;
    let next = 0;
    const poisoned: string[] = [];
    const poison = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(poison);
      if (!node || typeof node !== 'object') return node;
      const entries = Object.entries(node as Record<string, unknown>);
      if (typeof (node as { en?: unknown }).en === 'string') {
        const text = HOSTILE_SHOWN[next++ % HOSTILE_SHOWN.length] ?? '';
        poisoned.push(text);
        return Object.fromEntries(entries.map(([lang]) => [lang, text]));
      }
      return Object.fromEntries(entries.map(([key, value]) => [key, poison(value)]));
    };
    const definition = poison(source) as QuestionnaireDefinition;
    expect(poisoned.length, 'texts replaced').to.be.greaterThan(20);
    const host = await fixture<HTMLElement>(html`<div style="width: 360px"><cls-self-assessment lang="en" .definition=${definition}></cls-self-assessment></div>`);
    const el = host.querySelector('cls-self-assessment') as HTMLElement & { updateComplete: Promise<unknown> };
    const root = el.shadowRoot as ShadowRoot;
    await waitUntil(() => root.querySelector('#start-heading'), 'the start page', { timeout: 10_000 });
    await el.updateComplete;
    expect(squash(root.querySelector('#start-heading')?.textContent)).to.equal(squash(definition.title.en));
    expectInert(el);
    const start = [...root.querySelectorAll<HTMLButtonElement>('button, a.button')].find((button) => squash(button.textContent) === 'Start now');
    expect(start, 'Start now').to.not.equal(undefined);
    start?.click();
    await waitUntil(() => root.querySelector('#question-heading'), 'the first question', { timeout: 10_000 });
    await el.updateComplete;
    const question = squash(root.querySelector('#question-heading')?.textContent);
    expect(HOSTILE_SHOWN.some((text) => question.includes(squash(text))), 'the question shows its hostile title as text').to.equal(true);
    const options = [...root.querySelectorAll('label')].map((label) => squash(label.textContent));
    expect(options.filter((label) => HOSTILE_SHOWN.some((text) => label === squash(text))).length, 'hostile options shown as text').to.be.greaterThan(0);
    expectInert(el);
    const outer = root.firstElementChild as HTMLElement;
    expect(outer.scrollWidth, 'the page fits').to.be.at.most(outer.clientWidth + 1);
  });

  it('hostile words typed into the booking form are booked exactly as typed, and shown as text', async function () {
    this.timeout(30_000);
    const from = new Date(Date.now() + 3 * 3_600_000);
    const to = new Date(Date.now() + 27 * 86_400_000);
    const { items } = SessionList.parse(await (await fetch(`/api/v1/sessions?from=${from.toISOString()}&to=${to.toISOString()}`)).json());
    const session = items.find((item) => item.mode === 'bookable' && (item.remaining ?? 0) >= 2);
    if (!session) throw new Error('no session with places');
    const hubs = (await (await fetch('/api/v1/hubs?limit=100')).json()) as { items: { hub: { id: string; address: { postcode?: string } } }[] };
    const postcode = hubs.items.find((item) => item.hub.id === session.hubId)?.hub.address.postcode ?? 'Borchester';
    const name = (HOSTILE_SHOWN.find((text) => text.length <= 60) ?? '<b>x</b>').trim();
    const notes = HOSTILE_SHOWN.slice(0, 8).join(' ').slice(0, 480).trim();
    const finder = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<cls-hub-finder lang="en" api-base="/api/v1"></cls-hub-finder>`);
    const root = finder.shadowRoot as ShadowRoot;
    const fill = async (selector: string, value: string) => {
      const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await finder.updateComplete;
    };
    await fill('#place', postcode);
    (root.querySelector('form[role="search"]') as HTMLFormElement).requestSubmit();
    await waitUntil(() => root.querySelector(`[data-hub="${CSS.escape(session.hubId)}"]`), 'results', { timeout: 10_000 });
    (root.querySelector(`[data-hub="${CSS.escape(session.hubId)}"]`) as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector(`[data-session="${CSS.escape(session.id)}"]`), 'the session', { timeout: 10_000 });
    (root.querySelector(`[data-session="${CSS.escape(session.id)}"]`) as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('#name'), 'the booking form');
    await fill('#name', name);
    (root.querySelector('#contact-method-1') as HTMLInputElement).click();
    await finder.updateComplete;
    await fill('#email', 'hostile.booking@example.org');
    await fill('#notes', notes);
    (root.querySelector('#consent-0') as HTMLInputElement).click();
    await finder.updateComplete;
    expectInert(finder);
    (root.querySelector('form:not([role="search"])') as HTMLFormElement).requestSubmit();
    await waitUntil(() => root.querySelector('.panel .reference'), 'booked', { timeout: 10_000 });
    expectInert(finder);
    const reference = squash(root.querySelector('.panel .reference')?.textContent);
    const key = new URL((root.querySelector('.manage-link a') as HTMLAnchorElement).href).searchParams.get('key') ?? '';
    const staff = StaffBookingList.parse(await (await fetch('/api/v1/staff/bookings?limit=500', { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json());
    const stored = staff.items.find((item) => item.reference === reference);
    expect(stored?.name).to.equal(name);
    expect(stored?.notes).to.equal(notes);
    await fetch(`/api/v1/bookings/${reference}?key=${encodeURIComponent(key)}`, { method: 'DELETE' });
  });

  it('a staff visit recorded with hostile words shows them as text in the hub worker’s day', async function () {
    this.timeout(30_000);
    const hubs = (await (await fetch('/api/v1/hubs?limit=1')).json()) as { items: { hub: { id: string } }[] };
    const hubId = hubs.items[0]?.hub.id ?? '';
    const words = (HOSTILE_SHOWN.find((text) => text.length <= 200 && text.includes('<')) ?? '<b>x</b>').trim();
    const response = await fetch('/api/v1/staff/visits', {
      method: 'POST',
      headers: { Authorization: `Bearer ${WORKER_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ hubId, occurredAt: new Date().toISOString(), worker: 'HX', whatMatters: words, outcomes: ['closed'] }),
    });
    expect(response.status).to.equal(201);
    const visits = VisitList.parse(await (await fetch(`/api/v1/staff/visits?hub=${encodeURIComponent(hubId)}&limit=500`, { headers: { Authorization: `Bearer ${WORKER_TOKEN}` } })).json()).items;
    expect(visits.some((visit) => visit.whatMatters === words), 'stored exactly as typed').to.equal(true);
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<cls-hub-day lang="en" api-base="/api/v1" hub=${hubId}></cls-hub-day>`);
    const root = el.shadowRoot as ShadowRoot;
    const token = root.querySelector<HTMLInputElement>('#token');
    if (token) {
      token.value = WORKER_TOKEN;
      token.dispatchEvent(new Event('input', { bubbles: true }));
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => squash(button.textContent) === 'Sign in')?.click();
    }
    await waitUntil(() => [...root.querySelectorAll<HTMLButtonElement>('button')].some((button) => squash(button.textContent).startsWith('Recent conversations')), 'signed in', { timeout: 10_000 });
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => squash(button.textContent).startsWith('Recent conversations'))?.click();
    await waitUntil(() => [...root.querySelectorAll('.visit')].some((item) => squash(item.textContent).includes('by HX')), 'the visit in the recent list', { timeout: 10_000 });
    expectInert(el);
    const item = [...root.querySelectorAll('.visit')].find((candidate) => squash(candidate.textContent).includes('by HX'));
    [...(item?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((button) => squash(button.textContent).startsWith('Change'))?.click();
    await waitUntil(() => root.querySelector('#visit-what-matters'), 'the visit opened to change', { timeout: 10_000 });
    expect(root.querySelector<HTMLTextAreaElement>('#visit-what-matters')?.value, 'shown as typed, as text').to.equal(words);
    expectInert(el);
    // Gone again, so the hub worker's own tests find the day as it was.
    const made = visits.find((visit) => visit.whatMatters === words);
    await fetch(`/api/v1/staff/visits/${made?.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${WORKER_TOKEN}` } });
  });
});
