import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/resource-wheel/define.ts';
import { ServiceIndex } from '../../src/core/search.ts';
import { DEFAULT_RINGS, WHEEL_DRAWING, ringRadii } from '../../src/core/wheel.ts';
import type { ClsResourceWheel } from '../../src/elements/resource-wheel/resource-wheel.ts';
import { expectAccessible, faultName, focused, heal } from './support.ts';

type Lang = 'en' | 'cy';

const TEXT = {
  en: {
    heading: 'Support around you',
    loaded: /\d+ community resources/,
    partial: 'Loading 200 of 5,000 community resources',
    search: 'Search community resources',
    none: 'No community resources match',
    failed: 'We could not load the community resources',
    empty: 'The directory has no community resources to show yet.',
    pin: 'Add to my wheel',
    unpin: 'Remove from my wheel',
    plan: 'My wheel',
    back: 'Back',
    money: 'Money',
  },
  cy: {
    heading: 'Cymorth o’ch cwmpas',
    loaded: /\d+ adnodd cymunedol/,
    partial: 'Wrthi’n llwytho 200 o 5,000 adnodd cymunedol',
    search: 'Chwilio adnoddau cymunedol',
    none: 'Does dim adnoddau cymunedol yn cyfateb',
    failed: 'Doedd dim modd i ni lwytho’r adnoddau cymunedol',
    empty: 'Does gan y cyfeiriadur ddim adnoddau cymunedol i’w dangos eto.',
    pin: 'Ychwanegu at fy olwyn',
    unpin: 'Tynnu o fy olwyn',
    plan: 'Fy olwyn',
    back: 'Yn ôl',
    money: 'Arian',
  },
} as const;

const root = (el: ClsResourceWheel) => el.shadowRoot as ShadowRoot;
const text = (el: ClsResourceWheel) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: ClsResourceWheel, selector: string) => root(el).querySelector<T>(selector);
const buttonNamed = (el: ClsResourceWheel, name: string | RegExp) =>
  [...root(el).querySelectorAll<HTMLElement>('button')].find((b) => {
    const label = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? label === name : name.test(label);
  });

async function make(lang: Lang, directory = '/oruk/', extra = ''): Promise<ClsResourceWheel> {
  const el = await fixture<ClsResourceWheel>(html`<cls-resource-wheel lang=${lang} directory=${directory} view=${extra || 'wheel'}></cls-resource-wheel>`);
  // It reads its directory only once on screen: scrolled to, as a person would (a second one is below the first).
  el.scrollIntoView();
  return el;
}

/** The narrowest ring's depth on screen, in px: the drawing's ring step scaled to the wheel as drawn. */
function ringDepthOnScreen(el: ClsResourceWheel): number {
  const svg = $(el, 'svg[role="group"]');
  expect(svg, 'the wheel, as asked').to.exist;
  const [first] = ringRadii(DEFAULT_RINGS.length - 1, WHEEL_DRAWING.outerRadius, WHEEL_DRAWING.meRadius);
  return (((first?.outer ?? 0) - (first?.inner ?? 0)) * (svg?.getBoundingClientRect().width ?? 0)) / WHEEL_DRAWING.size;
}

/** Read to the end: what shows while the rest is read (the first page, and a line saying how far it has got) is not enough. */
async function loaded(el: ClsResourceWheel): Promise<void> {
  const shown = () => $(el, '#search') || $(el, '.notification') || text(el).includes(TEXT.en.empty) || text(el).includes(TEXT.cy.empty);
  await waitUntil(() => shown() && !$(el, '.loading'), 'loaded', { timeout: 15_000 });
  await el.updateComplete;
}

async function typeSearch(el: ClsResourceWheel, query: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#search') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** The first cell that holds resources. */
function fullCell(el: ClsResourceWheel): SVGPathElement {
  const cells = [...root(el).querySelectorAll<SVGPathElement>('path.cell')];
  const cell = cells.find((candidate) => !/: (0 resources|0 adnodd|none yet|dim eto)$/.test(candidate.getAttribute('aria-label') ?? ''));
  if (!cell) throw new Error('no cell with resources');
  return cell;
}

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-resource-wheel> in ${lang}`, () => {
    it('shows a loading state, then the whole wheel with counts, and is accessible', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/hang/oruk/`);
      await waitUntil(() => $(el, '.spinner'), 'loading');
      expect(text(el)).to.contain(t.heading);
      await expectAccessible(el);
      await heal(name);
      await loaded(el);
      const cells = root(el).querySelectorAll('path.cell');
      expect(cells.length).to.equal(5 * 9, 'five rings outside "me" × nine segments');
      expect($(el, '[role="status"]')?.textContent).to.match(t.loaded);
      expect(text(el)).to.contain(t.money);
      // One tab stop for the whole wheel.
      expect(root(el).querySelectorAll('path.cell[tabindex="0"]').length).to.equal(1);
      await expectAccessible(el);
    });

    it('shows the first page while it reads the rest, saying how far it has got, and keeps what was typed meanwhile', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/big-first/oruk/`);
      await waitUntil(() => $(el, '#search'), 'the first page shown');
      expect($(el, '.loading')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(t.partial);
      expect(root(el).querySelectorAll('path.cell').length).to.equal(45);
      await expectAccessible(el);
      const search = $<HTMLInputElement>(el, '#search') as HTMLInputElement;
      search.focus();
      await sendKeys({ type: 'Lunch' });
      await heal(name);
      await loaded(el);
      expect($(el, '[role="status"]')?.textContent).to.contain('5,000');
      expect(focused(el)?.id).to.equal('search');
      expect(($(el, '#search') as HTMLInputElement).value).to.equal('Lunch');
      await expectAccessible(el);
    });

    it('opens a cell to list its resources, and a resource to its details, with focus returned on Back', async () => {
      const el = await make(lang);
      await loaded(el);
      const cell = fullCell(el);
      const count = Number(/(\d+)/.exec(cell.getAttribute('aria-label') ?? '')?.[1]);
      cell.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('cell-heading');
      const items = root(el).querySelectorAll('[part="list"] [data-service]');
      expect(items.length).to.equal(Math.min(count, 20));
      await expectAccessible(el);

      const first = items[0] as HTMLButtonElement;
      const id = first.dataset.service ?? '';
      const opened = oneEvent(el, 'cls-resource-open');
      first.click();
      expect((await opened).detail.id).to.equal(id);
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('resource-heading');
      expect($(el, '[part="details"]')).to.exist;
      // The seed's records were changed in early 2026.
      expect(text(el)).to.match(lang === 'en' ? /Checked in (January|February|March|April|May) 2026/ : /Gwiriwyd ym mis (Ionawr|Chwefror|Mawrth|Ebrill|Mai) 2026/);
      // Contact links are only ever tel:, mailto: or http(s):.
      for (const link of root(el).querySelectorAll('[part="details"] a')) expect((link as HTMLAnchorElement).href).to.match(/^(tel:|mailto:|https?:)/);
      await expectAccessible(el);
      buttonNamed(el, t.back)?.click();
      await el.updateComplete;
      expect(focused(el)?.getAttribute('data-service')).to.equal(id);
    });

    it('highlights the cells that hold search results, and says when nothing matches', async () => {
      const el = await make(lang);
      await loaded(el);
      await typeSearch(el, 'lunch');
      const matched = root(el).querySelectorAll('path.cell--match');
      expect(matched.length).to.be.greaterThan(0);
      expect(root(el).querySelectorAll('mark').length).to.be.greaterThan(0);
      for (const mark of root(el).querySelectorAll('mark')) expect(mark.textContent?.toLowerCase()).to.equal('lunch');
      // The list beside the wheel says how many match, as a number (it once read "{{n}} resources match").
      expect($(el, '#cell-heading')?.textContent?.trim()).to.match(lang === 'en' ? /^\d[\d,]* resources? match(es)?$/ : /^\d[\d,]* adnodd yn cyfateb$/);
      await expectAccessible(el);
      await typeSearch(el, 'zzzzzz');
      expect(text(el)).to.contain(t.none);
      expect(root(el).querySelectorAll('path.cell--match').length).to.equal(0);
      await expectAccessible(el);
      buttonNamed(el, lang === 'en' ? 'Clear all filters' : 'Clirio pob hidlydd')?.click();
      await el.updateComplete;
      expect(($(el, '#search') as HTMLInputElement).value).to.equal('');
    });

    it('filters to free resources', async () => {
      const el = await make(lang);
      await loaded(el);
      ($(el, '#filter-free') as HTMLInputElement).click();
      await el.updateComplete;
      const listed = root(el).querySelectorAll('[part="list"] .service');
      expect(listed.length).to.be.greaterThan(0);
      for (const item of listed) expect(item.querySelector('.tag')?.textContent).to.equal(lang === 'en' ? 'Free' : 'Am ddim');
    });

    it('says how many match after every filter change, not only after typing', async () => {
      const el = await make(lang);
      await loaded(el);
      const status = () => $(el, '[role="status"]')?.textContent?.trim() ?? '';
      const matchCount = lang === 'en' ? /^(\d+) resources? match(es)?$/ : /^(\d+) adnodd yn cyfateb$/;
      ($(el, '#filter-free') as HTMLInputElement).focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(status()).to.match(matchCount);
      const free = Number(matchCount.exec(status())?.[1]);
      expect(free).to.be.greaterThan(0);
      await expectAccessible(el);
      const others = [...root(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((box) => box.id !== 'filter-free');
      expect(others.length).to.be.greaterThan(0);
      others[0]?.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(status()).to.match(matchCount);
      expect(Number(matchCount.exec(status())?.[1])).to.be.at.most(free);
      buttonNamed(el, lang === 'en' ? 'Clear all filters' : 'Clirio pob hidlydd')?.click();
      await el.updateComplete;
      expect(status()).to.match(t.loaded);
    });

    it('names empty cells "none yet", never "0 resources"', async () => {
      const el = await make(lang);
      await loaded(el);
      const labels = [...root(el).querySelectorAll<SVGPathElement>('path.cell')].map((cell) => cell.getAttribute('aria-label') ?? '');
      expect(labels.filter((label) => /: 0 (resources|adnodd)$/.test(label))).to.deep.equal([]);
      const empty = labels.filter((label) => label.endsWith(lang === 'en' ? ': none yet' : ': dim eto'));
      expect(empty.length).to.be.greaterThan(0);
      await expectAccessible(el);
    });

    it('keeps chosen resources in "my wheel", with notes that never go in the link', async () => {
      localStorage.clear();
      const el = await make(lang);
      await loaded(el);
      fullCell(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await el.updateComplete;
      const first = root(el).querySelector<HTMLButtonElement>('[part="list"] [data-service]') as HTMLButtonElement;
      const id = first.dataset.service ?? '';
      first.click();
      await el.updateComplete;
      const changed = oneEvent(el, 'cls-plan-change');
      buttonNamed(el, t.pin)?.click();
      expect((await changed).detail).to.deep.equal({ ids: [id] });
      await el.updateComplete;
      expect(buttonNamed(el, t.unpin)).to.exist;
      buttonNamed(el, t.back)?.click();
      await el.updateComplete;
      buttonNamed(el, new RegExp(`^${t.plan}`))?.click();
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('plan-heading');
      expect(root(el).querySelectorAll(`[data-service="${CSS.escape(id)}"]`).length).to.equal(1);
      const notes = $<HTMLTextAreaElement>(el, '#notes') as HTMLTextAreaElement;
      notes.value = 'My daughter visits on Sundays';
      notes.dispatchEvent(new Event('input'));
      await el.updateComplete;
      await expectAccessible(el);

      // Print view: only the plan, no controls.
      await emulateMedia({ media: 'print' });
      try {
        const visibleButtons = [...root(el).querySelectorAll<HTMLElement>('.button')].filter((b) => getComputedStyle(b).display !== 'none');
        expect(visibleButtons).to.have.length(0);
      } finally {
        await emulateMedia({ media: 'screen' });
      }

      // A fresh widget on this device remembers the plan and the notes.
      const again = await make(lang);
      await loaded(again);
      buttonNamed(again, new RegExp(`^${t.plan}`))?.click();
      await again.updateComplete;
      expect(($(again, '#notes') as HTMLTextAreaElement).value).to.equal('My daughter visits on Sundays');
      localStorage.clear();
    });

    it('explains a feed that fails, a feed that sends an HTML page, and an empty feed', async () => {
      const down = await make(lang, `/faults/${faultName()}/down/oruk/`);
      await loaded(down);
      expect($(down, '.notification')?.textContent).to.contain(t.failed);
      await expectAccessible(down);

      const html = await make(lang, `/faults/${faultName()}/html/oruk/`);
      await loaded(html);
      expect($(html, '.notification')?.textContent).to.contain(t.failed);
      await expectAccessible(html);

      const empty = await make(lang, `/faults/${faultName()}/empty/oruk/`);
      await loaded(empty);
      expect(text(empty)).to.contain(t.empty);
      await expectAccessible(empty);
    });

    it('offers the same content as nested headings and lists', async () => {
      const el = await make(lang, '/oruk/', 'list');
      await loaded(el);
      expect(root(el).querySelectorAll('path.cell')).to.have.length(0);
      const headings = root(el).querySelectorAll('.list-view [role="heading"]');
      expect(headings.length).to.be.greaterThan(8);
      expect(root(el).querySelectorAll('.list-view [data-service]').length).to.be.greaterThan(20);
      await expectAccessible(el);
    });
  });
}

for (const lang of ['en', 'cy'] as const) {
  describe(`<cls-resource-wheel> on a narrow screen, in ${lang}`, () => {
    it('hands over to the list where the wheel would have cells under 24 px, and offers the wheel again once there is room', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 300px"><cls-resource-wheel lang=${lang} view="wheel"></cls-resource-wheel></div>`);
      const el = box.querySelector('cls-resource-wheel') as ClsResourceWheel;
      await loaded(el);
      const toggle = () => $(el, '.toggle');
      expect(root(el).querySelectorAll('path.cell'), 'no wheel at 300 px, though the page asked for it').to.have.length(0);
      expect(toggle(), 'no choice of a wheel too small to use').to.equal(null);
      expect(root(el).querySelectorAll('.list-view [data-service]').length).to.be.greaterThan(20);
      await expectAccessible(el);

      box.style.width = '700px';
      await waitUntil(() => toggle(), 'the choice offered once there is room');
      await el.updateComplete;
      expect(ringDepthOnScreen(el), 'each ring at least 24 px deep').to.be.at.least(24);
      await expectAccessible(el);

      box.style.width = '320px';
      await waitUntil(() => !toggle(), 'the list again on a narrow screen');
      expect(root(el).querySelectorAll('path.cell')).to.have.length(0);
    });

    it('on a kiosk, draws the wheel only where every cell is a 44 px target, as the kiosk’s other controls are', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width: 800px"><cls-resource-wheel lang=${lang} view="wheel" kiosk></cls-resource-wheel></div>`);
      const el = box.querySelector('cls-resource-wheel') as ClsResourceWheel;
      await loaded(el);
      const toggle = () => $(el, '.toggle');
      expect(root(el).querySelectorAll('path.cell'), 'no wheel of 33 px rings on a kiosk 800 px wide').to.have.length(0);
      expect(toggle(), 'no choice of a wheel too small to touch').to.equal(null);
      await expectAccessible(el);

      box.style.width = '1100px';
      await waitUntil(() => toggle(), 'the choice offered once there is room');
      await el.updateComplete;
      expect(ringDepthOnScreen(el), 'each ring at least 44 px deep').to.be.at.least(44);

      // Out of kiosk mode, the same 800 px is room enough for 24 px cells.
      box.style.width = '800px';
      await waitUntil(() => !toggle(), 'the list again at 800 px on the kiosk');
      el.removeAttribute('kiosk');
      await waitUntil(() => toggle(), 'the wheel offered at 800 px off the kiosk');
    });
  });
}

for (const lang of ['en', 'cy'] as const) {
  describe(`<cls-resource-wheel> list view in ${lang}`, () => {
    it('reaches every resource: each group lists as many as its heading counts, a page at a time', async () => {
      const el = await make(lang, '/oruk/', 'list');
      await loaded(el);
      const total = Number(/([\d,]+)/.exec($(el, '[role="status"]')?.textContent ?? '')?.[1]?.replace(/,/g, ''));
      expect(total).to.be.greaterThan(100);
      const more = () => root(el).querySelector<HTMLButtonElement>('.list-view button.more');
      expect(more(), 'a group holds more than a page').to.exist;
      await expectAccessible(el);
      // By keyboard: each "Show more" keeps focus on the group's next resource.
      for (let presses = 0; more() && presses < 500; presses += 1) {
        more()?.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect((focused(el) as HTMLElement | null)?.dataset.service, 'focus moves to the first resource just shown').to.be.a('string');
      }
      expect(more()).to.equal(null);
      for (const group of root(el).querySelectorAll<HTMLElement>('.list-view .group')) {
        const counted = Number(/\((\d+)\)/.exec(group.querySelector('[role="heading"]')?.textContent ?? '')?.[1]);
        expect(group.querySelectorAll('[data-service]').length).to.equal(counted);
      }
      const ids = new Set([...root(el).querySelectorAll<HTMLElement>('.list-view [data-service]')].map((item) => item.dataset.service));
      expect(ids.size).to.equal(total);
      await expectAccessible(el);
    });
  });

  describe(`<cls-resource-wheel> when records were last checked, in ${lang}`, () => {
    const CHECKED = {
      en: { stale: 'Not checked for over a year: ask them before you go', long: /Checked in January 2005 Not checked for over a year/, changed: /Checked in June 2010 Not checked for over a year/, checked: /Checked in / },
      cy: { stale: 'Heb ei wirio ers dros flwyddyn: holwch nhw cyn mynd', long: /Gwiriwyd ym mis Ionawr 2005 Heb ei wirio ers dros flwyddyn/, changed: /Gwiriwyd ym mis Mehefin 2010 Heb ei wirio ers dros flwyddyn/, checked: /Gwiriwyd ym mis / },
    }[lang];
    const open = async (el: ClsResourceWheel, name: string) => {
      const item = [...root(el).querySelectorAll<HTMLElement>('.list-view [data-service]')].find((button) => button.textContent?.trim() === name);
      expect(item, name).to.exist;
      item?.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('resource-heading');
      return (($(el, '[part="details"]')?.textContent ?? '').replace(/\s+/g, ' '));
    };
    const back = async (el: ClsResourceWheel) => {
      buttonNamed(el, TEXT[lang].back)?.click();
      await el.updateComplete;
    };

    it('flags records not checked for over a year (assured_date, else last_modified), in the list and the details', async () => {
      const el = await make(lang, '/test/fixtures/oruk-feeds/checked/', 'list');
      await loaded(el);
      const flagged = [...root(el).querySelectorAll<HTMLElement>('.list-view [data-checked="stale"]')].map((flag) => flag.closest('li')?.querySelector('[data-service]')?.textContent?.trim());
      expect(flagged.sort()).to.deep.equal(['Canal Walking Group', 'Riverside Lunch Club']);
      expect(text(el)).to.include(CHECKED.stale);
      await expectAccessible(el);

      // The provider's own check wins over a later change to the record.
      expect(await open(el, 'Riverside Lunch Club')).to.match(CHECKED.long);
      await expectAccessible(el);
      await back(el);
      expect(await open(el, 'Canal Walking Group')).to.match(CHECKED.changed);
      await back(el);
      // A date in the future is read as now: checked, not flagged.
      const ahead = await open(el, 'Market Hall Advice Desk');
      expect(ahead).to.match(CHECKED.checked);
      expect(ahead).not.to.include(CHECKED.stale);
      expect($(el, '[part="details"] [data-checked="recent"]')).to.exist;
      await expectAccessible(el);
      await back(el);
      // A feed that does not say says nothing, rather than "checked" on no evidence.
      const never = await open(el, 'Village Hall Coffee Morning');
      expect(never).not.to.match(CHECKED.checked);
      expect($(el, '[part="details"] [data-checked]')).to.equal(null);
    });
  });
}

describe('<cls-resource-wheel> near a postcode', () => {
  it('starts filtered to within 5 miles of the postcode it is given, with distances', async () => {
    const el = await fixture<ClsResourceWheel>(html`<cls-resource-wheel lang="en" directory="/oruk/" api-base="/api/v1" postcode="SY4 5DG"></cls-resource-wheel>`);
    await loaded(el);
    await waitUntil(() => root(el).querySelector('[part="list"] .service'), 'filtered list', { timeout: 10_000 });
    expect(($(el, '#near') as HTMLInputElement).value).to.equal('SY4 5DG');
    const metas = [...root(el).querySelectorAll('[part="list"] .service')].map((item) => item.textContent ?? '');
    expect(metas.length).to.be.greaterThan(0);
    for (const meta of metas) {
      const miles = Number(/([\d.]+) miles? away/.exec(meta)?.[1]);
      expect(miles, meta).to.be.at.most(5);
    }
  });
});

describe('<cls-resource-wheel> with a large feed', () => {
  it('reads 5,000 services, but renders only a page of a cell at a time, and searches all of them', async () => {
    const el = await make('en', `/faults/${faultName()}/big/oruk/`);
    await loaded(el);
    expect($(el, '[role="status"]')?.textContent).to.contain('5,000 community resources');
    const biggest = [...root(el).querySelectorAll<SVGPathElement>('path.cell')].sort(
      (a, b) => Number(/(\d+) resources?$/.exec(b.getAttribute('aria-label') ?? '')?.[1] ?? 0) - Number(/(\d+) resources?$/.exec(a.getAttribute('aria-label') ?? '')?.[1] ?? 0),
    )[0] as SVGPathElement;
    expect(biggest.getAttribute('aria-label')).to.match(/: 1000 resources$/);
    biggest.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="list"] .service')).to.have.length(20);
    buttonNamed(el, 'Show 20 more')?.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="list"] .service')).to.have.length(40);
    await typeSearch(el, 'lunch club 4');
    expect($(el, '[role="status"]')?.textContent).to.match(/^\d+ resources? match$/);
    expect(root(el).querySelectorAll('[part="list"] .service').length).to.be.at.most(40);
  });
});

describe('<cls-resource-wheel> with the keyboard', () => {
  it('moves between cells with the arrow keys and opens one with Enter', async () => {
    const el = await make('en');
    await loaded(el);
    const start = root(el).querySelector<SVGPathElement>('path.cell[tabindex="0"]') as SVGPathElement;
    start.focus();
    const first = focused(el)?.getAttribute('data-cell');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const second = focused(el)?.getAttribute('data-cell');
    expect(second).to.not.equal(first);
    expect(second?.split('--')[0]).to.equal(first?.split('--')[0], 'same ring, next segment');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    const third = focused(el)?.getAttribute('data-cell');
    expect(third?.split('--')[1]).to.equal(second?.split('--')[1], 'same segment, next ring out');
    expect(root(el).querySelectorAll('path.cell[tabindex="0"]').length).to.equal(1);
    // The focused cell is outlined in black and yellow over its neighbours, drawn last so none hides it.
    const rings = [...root(el).querySelectorAll<SVGPathElement>('path.focus-ring')];
    expect(rings.map((ring) => getComputedStyle(ring).display)).to.deep.equal(['inline', 'inline']);
    expect(rings.map((ring) => ring.getAttribute('d'))).to.deep.equal([focused(el)?.getAttribute('d'), focused(el)?.getAttribute('d')]);
    expect(root(el).querySelector('svg')?.lastElementChild).to.equal(rings[1]);
    expect(rings.map((ring) => getComputedStyle(ring).stroke)).to.deep.equal(['rgb(11, 12, 12)', 'rgb(255, 221, 0)']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('cell-heading');
  });

  it('restores a shared plan from the link, which carries only resource ids', async () => {
    const el = await make('en');
    await loaded(el);
    const ids = [...root(el).querySelectorAll<HTMLElement>('[data-service]')].slice(0, 2).map((b) => b.dataset.service ?? '');
    // Choose via a cell to have ids to share.
    fullCell(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    const chosen = [...root(el).querySelectorAll<HTMLElement>('[part="list"] [data-service]')].slice(0, 2).map((b) => b.dataset.service ?? '');
    expect(chosen.length + ids.length).to.be.greaterThan(1);
    const url = new URL(location.href);
    url.searchParams.set('cls-plan', chosen.join(','));
    history.replaceState(null, '', url);
    try {
      localStorage.clear();
      const shared = await make('en');
      // The link opens on the plan it carries.
      await waitUntil(() => $(shared, '#plan-heading'), 'opens on the plan', { timeout: 15_000 });
      await shared.updateComplete;
      await expectAccessible(shared);
      for (const id of chosen) expect(root(shared).querySelectorAll(`[data-service="${CSS.escape(id)}"]`).length).to.equal(1);
    } finally {
      url.searchParams.delete('cls-plan');
      history.replaceState(null, '', url);
      localStorage.clear();
    }
  });
});

describe('<cls-resource-wheel> printing "My wheel"', () => {
  it('prints the plan alone, each resource with its phone, web address and place, the notes as typed, no controls and none of the page around it', async () => {
    type Item = { id: string; name: string; url?: string; organization?: { phones?: Array<{ number: string }> }; service_at_locations?: Array<{ location?: { name?: string } }> };
    const feed = (await (await fetch('/oruk/services?per_page=200')).json()) as { contents: Item[] };
    const chosen = feed.contents.filter((item) => item.url && item.organization?.phones?.length && item.service_at_locations?.length).slice(0, 2);
    expect(chosen).to.have.length(2);
    const url = new URL(location.href);
    url.searchParams.set('cls-plan', chosen.map((item) => item.id).join(','));
    history.replaceState(null, '', url);
    localStorage.clear();
    try {
      const page = await fixture<HTMLDivElement>(html`<div><header>The council's own header and menus</header><cls-resource-wheel lang="en"></cls-resource-wheel><footer>The council's footer</footer></div>`);
      const el = page.querySelector('cls-resource-wheel') as ClsResourceWheel;
      await waitUntil(() => $(el, '#plan-heading'), 'opens on the plan', { timeout: 15_000 });
      await el.updateComplete;
      // On screen too: how to reach each chosen resource.
      const items = [...root(el).querySelectorAll<HTMLElement>('.plan .service')];
      expect(items).to.have.length(2);
      for (const item of items) {
        expect(item.querySelector('.plan-phone a[href^="tel:"]'), 'a phone link').to.exist;
        expect(item.querySelector('.plan-web')?.textContent, 'the web address written out').to.match(/https?:\/\//);
        expect(item.querySelector('.plan-place')?.textContent?.trim(), 'a place').to.match(/^Where: \S/);
      }
      const notes = $<HTMLTextAreaElement>(el, '#notes') as HTMLTextAreaElement;
      notes.value = 'My neighbour drives me on Tuesdays';
      notes.dispatchEvent(new Event('input'));
      await el.updateComplete;

      buttonNamed(el, 'Print my wheel')?.click();
      const frame = root(el).querySelector<HTMLIFrameElement>('iframe.print-frame');
      expect(frame, 'printed from a frame of its own').to.exist;
      const printed = frame?.contentDocument;
      const words = (printed?.body.textContent ?? '').replace(/\s+/g, ' ');
      expect(printed?.documentElement.lang).to.equal('en');
      expect(words).to.contain('My wheel');
      for (const [index, item] of chosen.entries()) {
        expect(words, 'each resource by name').to.contain(item.name);
        expect(words, 'its web address').to.contain(item.url);
        expect(words, 'its phone').to.contain(item.organization?.phones?.[0]?.number);
        expect(words, 'its place').to.contain((items[index]?.querySelector('.plan-place')?.textContent ?? '').replace(/\s+/g, ' ').trim());
      }
      expect(words, 'the notes as typed').to.contain('My neighbour drives me on Tuesdays');
      expect(printed?.querySelectorAll('button, input, textarea, select, .button')).to.have.length(0);
      expect(words, "none of the host page's chrome").not.to.contain("The council's own header");
      expect(words).not.to.contain("The council's footer");
      expect(frame?.inert && frame.getAttribute('aria-hidden'), 'the frame is out of reach of the keyboard and screen readers').to.equal('true');
      await expectAccessible(el);

      // Leaving the plan takes the frame away.
      buttonNamed(el, /^Back/)?.click();
      await el.updateComplete;
      expect(root(el).querySelector('iframe.print-frame')).to.equal(null);
    } finally {
      url.searchParams.delete('cls-plan');
      history.replaceState(null, '', url);
      localStorage.clear();
    }
  });
});

describe('<cls-resource-wheel> searching', () => {
  it('searches once per change of the query or filters, never per render', async () => {
    const el = await make('en');
    await loaded(el);
    const search = ServiceIndex.prototype.search;
    let calls = 0;
    ServiceIndex.prototype.search = function (this: ServiceIndex, ...args: Parameters<ServiceIndex['search']>) {
      calls++;
      return search.apply(this, args);
    };
    try {
      await typeSearch(el, 'lunch');
      expect(calls).to.equal(1, 'one search for the keystroke: the status, the wheel and the list share it');
      expect(root(el).querySelectorAll('path.cell--match').length).to.be.greaterThan(0);
      // Renders that change nothing searched for.
      fullCell(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await el.updateComplete;
      for (let render = 0; render < 3; render++) {
        el.requestUpdate();
        await el.updateComplete;
      }
      buttonNamed(el, 'List')?.click();
      await el.updateComplete;
      buttonNamed(el, 'Wheel')?.click();
      await el.updateComplete;
      expect(calls).to.equal(1, 'renders reuse the matches');
      ($(el, '#filter-free') as HTMLInputElement).click();
      await el.updateComplete;
      expect(calls).to.equal(2, 'a filter is a change');
      await typeSearch(el, 'lunch c');
      expect(calls).to.equal(3, 'so is the next keystroke');
    } finally {
      ServiceIndex.prototype.search = search;
    }
  });
});

describe('<cls-resource-wheel> switched to Welsh', () => {
  it('says what its live region said again in Welsh, after loading and after a search', async () => {
    const el = await make('en');
    await loaded(el);
    expect($(el, '[role="status"]')?.textContent?.trim()).to.match(TEXT.en.loaded);
    el.setAttribute('lang', 'cy');
    await waitUntil(() => TEXT.cy.loaded.test($(el, '[role="status"]')?.textContent ?? ''), 'the count in Welsh');
    await typeSearch(el, 'cinio');
    expect($(el, '[role="status"]')?.textContent?.trim()).to.match(/^\d[\d,]* adnodd yn cyfateb$/);
    el.setAttribute('lang', 'en');
    await waitUntil(() => /^\d[\d,]* resources? match(es)?$/.test($(el, '[role="status"]')?.textContent?.trim() ?? ''), 'the matches in English');
    await expectAccessible(el);
  });
});

describe('<cls-resource-wheel> reads only what is wanted', () => {
  const requests = async (name: string) => ((await (await fetch(`/faults/${name}/count`)).json()) as { count: number }).count;
  const hiddenWheel = (directory: string, loading = 'lazy') =>
    fixture<ClsResourceWheel>(html`<cls-resource-wheel lang="en" hidden loading=${loading} directory=${directory}></cls-resource-wheel>`);
  /** Another directory read to the end by an eager wheel, hidden: time enough for any read that was going to start to have reached the server. */
  async function anotherRead(): Promise<void> {
    const name = faultName();
    const other = await hiddenWheel(`/faults/${name}/ok/oruk/`, 'eager');
    await loaded(other);
    expect(await requests(name), 'an eager wheel reads while hidden').to.be.greaterThan(0);
  }

  it('reads nothing while hidden, and reads once shown', async () => {
    const name = faultName();
    const el = await hiddenWheel(`/faults/${name}/ok/oruk/`);
    await anotherRead();
    expect(await requests(name)).to.equal(0);
    el.hidden = false;
    await loaded(el);
    expect(root(el).querySelectorAll('path.cell').length).to.equal(45);
  });

  it('reads nothing while far below the screen, and reads once scrolled to', async () => {
    const name = faultName();
    const box = await fixture<HTMLDivElement>(html`<div><div style="height: 400vh"></div><cls-resource-wheel lang="en" directory=${`/faults/${name}/ok/oruk/`}></cls-resource-wheel></div>`);
    window.scrollTo(0, 0);
    await anotherRead();
    expect(await requests(name)).to.equal(0);
    const el = box.querySelector('cls-resource-wheel') as ClsResourceWheel;
    el.scrollIntoView();
    await loaded(el);
    expect($(el, '#search')).to.exist;
  });

  it('reads at once when asked to load(), though hidden', async () => {
    const name = faultName();
    const el = await hiddenWheel(`/faults/${name}/ok/oruk/`);
    el.load();
    await loaded(el);
    expect(await requests(name)).to.be.greaterThan(0);
  });

  it('reads a directory once for two wheels showing it, and one leaving does not stop the other', async () => {
    const single = faultName();
    await loaded(await make('en', `/faults/${single}/ok/oruk/`));
    const once = await requests(single);
    const name = faultName();
    const first = await make('en', `/faults/${name}/hang/oruk/`);
    const second = await make('en', `/faults/${name}/hang/oruk/`);
    const reading = (el: ClsResourceWheel) => $(el, '[role="status"]')?.textContent?.includes('Loading');
    await waitUntil(() => reading(first) && reading(second), 'both reading');
    await waitUntil(async () => (await requests(name)) >= 1, 'the read at the server');
    first.remove();
    await heal(name);
    await loaded(second);
    expect(root(second).querySelectorAll('path.cell').length).to.equal(45);
    expect(await requests(name)).to.equal(once);
  });
});

describe('<cls-resource-wheel> loading', () => {
  it('cancels a read under way when the directory changes, and shows the new one', async () => {
    const slow = faultName();
    const requests = async () => ((await (await fetch(`/faults/${slow}/count`)).json()) as { count: number }).count;
    const el = await make('en', `/faults/${slow}/hang/oruk/`);
    await waitUntil(() => $(el, '.spinner'), 'loading');
    // The first request must have reached the server before the change, or there is nothing to cancel.
    let seen = 0;
    await waitUntil(async () => (seen = await requests()) >= 1, 'the first request of the slow read at the server');
    expect(seen).to.equal(1);
    el.directory = `/faults/${faultName()}/big/oruk/`;
    await loaded(el);
    expect($(el, '[role="status"]')?.textContent).to.contain('5,000 community resources');
    // Released now, the old read must not carry on to its list of services, nor replace the new one.
    await heal(slow);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await requests()).to.equal(1, 'only the first request of the cancelled read was made');
    expect($(el, '[role="status"]')?.textContent).to.contain('5,000 community resources');
  });

  it('reads the directory again when put back on the page after leaving it mid-read', async () => {
    const name = faultName();
    const el = await make('en', `/faults/${name}/hang/oruk/`);
    await waitUntil(() => $(el, '.spinner'), 'loading');
    const parent = el.parentElement as HTMLElement;
    el.remove();
    await heal(name);
    parent.append(el);
    await loaded(el);
    expect(root(el).querySelectorAll('path.cell').length).to.equal(45);
    expect($(el, '[role="status"]')?.textContent).to.match(TEXT.en.loaded);
  });

  it('puts its headings where heading-level says, sections one below', async () => {
    const el = await fixture<ClsResourceWheel>(html`<cls-resource-wheel lang="en" directory="/oruk/" view="wheel" heading-level="4"></cls-resource-wheel>`);
    await loaded(el);
    expect($(el, '.root > [role="heading"]')?.getAttribute('aria-level')).to.equal('4');
    fullCell(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '#cell-heading')?.getAttribute('aria-level')).to.equal('5');
  });
});

describe('<cls-resource-wheel> "my wheel" on the device', () => {
  async function firstId(): Promise<string> {
    const el = await make('en');
    await loaded(el);
    fullCell(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    return root(el).querySelector<HTMLElement>('[part="list"] [data-service]')?.dataset.service ?? '';
  }

  it('still opens a plan and notes kept before records were stamped, and keeps them stamped from then on', async () => {
    const id = await firstId();
    localStorage.clear();
    localStorage.setItem('cls-resource-wheel', JSON.stringify({ ids: [id], notes: 'I like gardening' }));
    try {
      const el = await make('en');
      await loaded(el);
      buttonNamed(el, /^My wheel \(1\)/)?.click();
      await el.updateComplete;
      expect(root(el).querySelectorAll(`[data-service="${CSS.escape(id)}"]`).length).to.equal(1);
      const notes = $<HTMLTextAreaElement>(el, '#notes') as HTMLTextAreaElement;
      expect(notes.value).to.equal('I like gardening');
      notes.value = 'I like gardening and walking';
      notes.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const kept = JSON.parse(localStorage.getItem('cls-resource-wheel') ?? '{}') as { savedAt?: unknown; data?: unknown };
      expect(kept.savedAt).to.be.a('number');
      expect(kept.data).to.deep.equal({ ids: [id], notes: 'I like gardening and walking' });
    } finally {
      localStorage.clear();
    }
  });

  it('keeps nothing on a shared screen (kiosk)', async () => {
    const id = await firstId();
    localStorage.clear();
    // Wide enough for a kiosk's wheel of 44 px cells.
    const box = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><cls-resource-wheel lang="en" directory="/oruk/" view="wheel" kiosk></cls-resource-wheel></div>`);
    const el = box.querySelector('cls-resource-wheel') as ClsResourceWheel;
    el.scrollIntoView();
    await loaded(el);
    await waitUntil(() => root(el).querySelector('path.cell'), 'the wheel drawn');
    fullCell(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>(`[data-service="${CSS.escape(id)}"]`)?.click();
    await el.updateComplete;
    const changed = oneEvent(el, 'cls-plan-change');
    buttonNamed(el, TEXT.en.pin)?.click();
    expect((await changed).detail).to.deep.equal({ ids: [id] });
    expect(localStorage.getItem('cls-resource-wheel')).to.equal(null);
  });
});
