import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/feedback/define.ts';
import '../../src/elements/hub-finder/define.ts';
import '../../src/elements/resource-wheel/define.ts';
import { HOSTILE_SHOWN, HOSTILE_TEXT } from '../fixtures/hostile-text.ts';
import { STAFF_TOKEN, faultName } from './support.ts';

/*
 * Feed text is text, never HTML: a feed with a hostile string (script tags,
 * event handlers, javascript: and data: URLs, SVG, attribute breakers,
 * template markers, RTL overrides, a 100,000-character word; see the corpus)
 * in every field, shown by the wheel and the hub finder. Nothing runs,
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
  const links = all.flatMap((node) => (node instanceof HTMLAnchorElement ? [node.getAttribute('href') ?? ''] : []));
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
});
