import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/hub-finder/hub-map.ts';
import type { ClsHubMap, HubMapPlace, HubMapSelectDetail } from '../../src/elements/hub-finder/hub-map.ts';
import { expectAccessible, focused } from './support.ts';

type Lang = 'en' | 'cy';

const TEXT = {
  en: {
    label: 'Map of community hubs',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    notConfigured: 'Map background not configured',
    tilesFailed: 'The map background could not be loaded. The markers and the list still work.',
    cluster: '30 hubs: Hub 0, Hub 1, Hub 2, Hub 3, Hub 4 and 25 more',
    samePlace: '3 hubs in this place',
  },
  cy: {
    label: 'Map o hybiau cymunedol',
    zoomIn: 'Chwyddo i mewn',
    zoomOut: 'Chwyddo allan',
    notConfigured: 'Nid yw cefndir y map wedi’i ffurfweddu',
    tilesFailed: 'Doedd dim modd llwytho cefndir y map. Mae’r marcwyr a’r rhestr yn dal i weithio.',
    cluster: '30 hyb: Hub 0, Hub 1, Hub 2, Hub 3, Hub 4 a 25 arall',
    samePlace: '3 hyb yn y lle hwn',
  },
} as const;

/** Three towns 100 km and more apart: three separate markers at any zoom that fits them. */
const TOWNS: HubMapPlace[] = [
  { id: 'cardiff', name: 'Cardiff Central Library', coordinates: { lat: 51.4786, lng: -3.1751 }, detail: '1.2 miles · Open now' },
  { id: 'wrexham', name: 'Wrexham Waterworld', coordinates: { lat: 53.0456, lng: -2.9925 }, detail: '40 miles' },
  { id: 'aberystwyth', name: 'Aberystwyth Market Hall', coordinates: { lat: 52.4153, lng: -4.0829 } },
];

/** 30 hubs a few hundred metres apart in Ruthin (a 6 × 5 grid, about 55 m × 47 m), plus one in Cardiff. */
const RUTHIN: HubMapPlace[] = Array.from({ length: 30 }, (_, i) => ({
  id: `h${i}`,
  name: `Hub ${i}`,
  coordinates: { lat: 53.1149 + (i % 6) * 0.0005, lng: -3.3107 + Math.floor(i / 6) * 0.0007 },
  detail: `${i} miles`,
}));
const CROWD: HubMapPlace[] = [...RUTHIN, { ...TOWNS[0] } as HubMapPlace];

const root = (el: ClsHubMap) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: ClsHubMap, selector: string) => root(el).querySelector<T>(selector);
const markers = (el: ClsHubMap) => [...root(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
const placeMarker = (el: ClsHubMap, id: string) => $(el, `.leaflet-marker-icon[data-place-id="${id}"]`);
const clusters = (el: ClsHubMap) => markers(el).filter((marker) => marker.dataset['count']);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const centre = (node: Element) => {
  const box = node.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};
const apart = (a: Element, b: Element) => Math.hypot(centre(a).x - centre(b).x, centre(a).y - centre(b).y);
/** Screen distance between two places' markers, once no zoom animation is running (Leaflet ignores zooms asked for during one). */
const settledApart = (el: ClsHubMap, a: string, b: string): number | undefined => {
  const [ma, mb] = [placeMarker(el, a), placeMarker(el, b)];
  if (!ma || !mb || $(el, '.leaflet-zoom-anim')) return undefined;
  return apart(ma, mb);
};

async function make(lang: Lang, places: HubMapPlace[], extra: { width?: string } = {}): Promise<ClsHubMap> {
  const el = await fixture<ClsHubMap>(html`<div style="width: ${extra.width ?? '760px'}">
    <button type="button">Before the map</button>
    <cls-hub-map lang=${lang} style="--cls-map-height: 420px" .places=${places}></cls-hub-map>
  </div>`).then((wrapper) => wrapper.querySelector('cls-hub-map') as ClsHubMap);
  await el.updateComplete;
  await waitUntil(() => markers(el).length > 0, 'markers drawn');
  return el;
}

/** Presses Tab until focus is in the element and `accept` holds (at most `limit` times). */
async function tabTo(el: ClsHubMap, accept: (node: Element) => boolean, limit = 12): Promise<Element> {
  for (let i = 0; i < limit; i++) {
    await sendKeys({ press: 'Tab' });
    const node = focused(el);
    if (node && accept(node)) return node;
  }
  throw new Error('Tab never reached the expected element');
}

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference' });
});

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-hub-map> in ${lang}`, () => {
    it('draws a labelled, focusable marker for each place on a plain background and requests no images', async () => {
      const start = performance.now();
      const el = await make(lang, TOWNS);
      expect(markers(el)).to.have.length(3);
      for (const place of TOWNS) {
        const marker = placeMarker(el, place.id) as HTMLElement;
        expect(marker, place.id).to.exist;
        expect(marker.getAttribute('aria-label')).to.equal(place.name);
        expect(marker.getAttribute('role')).to.equal('button');
        expect(marker.tabIndex).to.equal(0);
      }
      // No tile layer and no pictures: a plain background and a note saying why.
      expect($(el, '.frame')?.classList.contains('frame--plain')).to.equal(true);
      expect(text($(el, '.notes'))).to.contain(t.notConfigured);
      expect(root(el).querySelectorAll('img')).to.have.length(0);
      expect($(el, '.leaflet-tile-pane')?.children).to.have.length(0);
      const images = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime >= start)
        .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'img' || /\.(png|jpe?g|gif|svg|webp)(\?|$)/.test(entry.name));
      expect(images.map((entry) => entry.name)).to.deep.equal([]);
      // The map region and its controls speak the language.
      const map = $(el, '[part="map"]') as HTMLElement;
      expect(map.getAttribute('aria-label')).to.equal(t.label);
      expect($(el, '.leaflet-control-zoom-in')?.getAttribute('aria-label')).to.equal(t.zoomIn);
      expect($(el, '.leaflet-control-zoom-out')?.getAttribute('aria-label')).to.equal(t.zoomOut);
      expect($(el, '.root')?.getAttribute('lang')).to.equal(lang);
      await expectAccessible(el);
    });

    it('reaches a marker with Tab and chooses it with Enter, and the next with Space', async () => {
      const el = await make(lang, TOWNS);
      (el.parentElement?.querySelector('button') as HTMLButtonElement).focus();
      const first = (await tabTo(el, (node) => node.classList.contains('leaflet-marker-icon'))) as HTMLElement;
      // Its label (name and detail) shows while it has focus.
      await waitUntil(() => text($(el, '.leaflet-tooltip')).includes(first.getAttribute('aria-label') ?? '?'), 'label shown on focus');
      let chosen = oneEvent(el, 'cls-map-select') as Promise<CustomEvent<HubMapSelectDetail>>;
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail).to.deep.equal({ id: first.dataset['placeId'] });

      const second = (await tabTo(el, (node) => node.classList.contains('leaflet-marker-icon'))) as HTMLElement;
      expect(second).to.not.equal(first);
      chosen = oneEvent(el, 'cls-map-select') as Promise<CustomEvent<HubMapSelectDetail>>;
      await sendKeys({ press: 'Space' });
      const event = await chosen;
      expect(event.detail).to.deep.equal({ id: second.dataset['placeId'] });
      expect(event.bubbles && event.composed).to.equal(true);
      // Choosing does not move focus or change the view by itself.
      expect(focused(el)).to.equal(second);
    });

    it('works its zoom buttons from the keyboard: Enter zooms in, Space zooms out', async () => {
      const el = await make(lang, TOWNS);
      const before = settledApart(el, 'cardiff', 'wrexham') as number;
      (el.parentElement?.querySelector('button') as HTMLButtonElement).focus();
      const zoomIn = await tabTo(el, (node) => node.classList.contains('leaflet-control-zoom-in'));
      expect(zoomIn.getAttribute('aria-label')).to.equal(t.zoomIn);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => Math.abs((settledApart(el, 'cardiff', 'wrexham') ?? 0) - 2 * before) < 3, 'zoomed in one level');
      expect(focused(el)).to.equal(zoomIn);
      const zoomOut = await tabTo(el, (node) => node.classList.contains('leaflet-control-zoom-out'));
      expect(zoomOut.getAttribute('aria-label')).to.equal(t.zoomOut);
      await sendKeys({ press: 'Space' });
      await waitUntil(() => Math.abs((settledApart(el, 'cardiff', 'wrexham') ?? 0) - before) < 3, 'zoomed back out');
    });

    it('clusters 30 nearby hubs at a county zoom, with the count in the name, and opens the cluster with Enter', async () => {
      const el = await make(lang, CROWD);
      // The fit takes in Cardiff, so Ruthin's 30 hubs are a few pixels across.
      const crowd = clusters(el);
      expect(crowd.length).to.be.within(1, 3);
      expect(crowd.reduce((sum, marker) => sum + Number(marker.dataset['count']), 0)).to.equal(30);
      expect(placeMarker(el, 'cardiff'), 'Cardiff on its own').to.exist;
      expect(markers(el).length).to.be.at.most(4);
      const big = crowd[0] as HTMLElement;
      expect(big.textContent?.trim()).to.equal(big.dataset['count']);
      if (crowd.length === 1) expect(big.getAttribute('aria-label')).to.equal(t.cluster);
      else expect(big.getAttribute('aria-label')).to.match(/^\d+ (hubs|hyb): Hub 0, /);
      await expectAccessible(el);

      big.focus();
      const count = markers(el).length;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => markers(el).length > count, 'the cluster splits as the map zooms in');
      // Keyboard focus follows to the marker holding the cluster's first hub.
      const now = focused(el) as HTMLElement;
      expect(now?.classList.contains('leaflet-marker-icon')).to.equal(true);
      expect(now.dataset['placeId'] === 'h0' || (now.getAttribute('aria-label') ?? '').includes('Hub 0')).to.equal(true);
    });

    it('highlights the selected place, zooming in until its marker stands alone, and shows its label', async () => {
      const el = await make(lang, CROWD);
      el.selected = 'h7';
      await waitUntil(() => placeMarker(el, 'h7')?.getAttribute('aria-current') === 'true', 'selected marker drawn alone');
      const marker = placeMarker(el, 'h7') as HTMLElement;
      expect(marker.classList.contains('marker--selected')).to.equal(true);
      expect(root(el).querySelectorAll('[aria-current="true"]')).to.have.length(1);
      // Its label stays open without hover or focus.
      const tooltip = root(el).getElementById(marker.getAttribute('aria-describedby') ?? '');
      expect(text(tooltip)).to.contain('Hub 7');
      expect(text(tooltip)).to.contain('7 miles');
      // And it is on screen.
      const map = ($(el, '[part="map"]') as HTMLElement).getBoundingClientRect();
      const { x, y } = centre(marker);
      expect(x > map.left && x < map.right && y > map.top && y < map.bottom, 'inside the map').to.equal(true);
      await expectAccessible(el);

      // Choosing another place far off-screen pans to it.
      el.selected = 'cardiff';
      await waitUntil(() => placeMarker(el, 'cardiff')?.getAttribute('aria-current') === 'true', 'Cardiff selected');
      await waitUntil(() => {
        const where = centre(placeMarker(el, 'cardiff') as HTMLElement);
        return where.x > map.left && where.x < map.right && where.y > map.top && where.y < map.bottom;
      }, 'panned to Cardiff');
    });

    it('lists hubs that share one spot once the map is as close as it goes, choosing the first', async () => {
      const spot = { lat: 53.1149, lng: -3.3107 };
      const el = await make(lang, [
        { id: 'a', name: 'Library', coordinates: spot },
        { id: 'b', name: 'Library café', coordinates: spot },
        { id: 'c', name: 'Library hall', coordinates: spot },
      ]);
      const cluster = () => clusters(el)[0];
      (cluster() as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      // The first press zooms to the deepest level; they are still together.
      await waitUntil(() => $(el, '.leaflet-control-zoom-in')?.getAttribute('aria-disabled') === 'true', 'at the deepest zoom');
      await waitUntil(() => focused(el) === cluster(), 'focus kept on the cluster');
      const chosen = oneEvent(el, 'cls-map-select') as Promise<CustomEvent<HubMapSelectDetail>>;
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail).to.deep.equal({ id: 'a' });
      await waitUntil(() => $(el, '[part="same-place"]'), 'list shown');
      const list = $(el, '[part="same-place"]') as HTMLElement;
      expect(text($(el, '#same-place-heading'))).to.equal(t.samePlace);
      const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('[part="same-place"] li button')];
      expect(buttons.map((button) => text(button))).to.deep.equal(['Library', 'Library café', 'Library hall']);
      await expectAccessible(el);
      const again = oneEvent(el, 'cls-map-select') as Promise<CustomEvent<HubMapSelectDetail>>;
      buttons[2]?.click();
      expect((await again).detail).to.deep.equal({ id: 'c' });
      buttons[0]?.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[part="same-place"]')).to.equal(null);
      expect(list.isConnected).to.equal(false);
      expect(focused(el)).to.equal(cluster());
    });

    it('says so, politely, when the configured tiles cannot be loaded, and keeps the markers', async () => {
      const el = await make(lang, TOWNS);
      el.tiles = { url: '/no-such-tiles/{z}/{x}/{y}.png', attribution: 'Test tiles © nobody' };
      const status = $(el, '[role="status"]') as HTMLElement;
      await waitUntil(() => text(status).includes(t.tilesFailed), 'tile error shown');
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(markers(el)).to.have.length(3);
      expect(text($(el, '.notes'))).to.not.contain(t.notConfigured);
      expect($(el, '.frame')?.classList.contains('frame--plain')).to.equal(false);
      expect(text($(el, '.leaflet-control-attribution'))).to.contain('Test tiles © nobody');
      // The message is on top of the map, where it can be seen.
      const note = (status.querySelector('.note') as HTMLElement).getBoundingClientRect();
      const map = ($(el, '[part="map"]') as HTMLElement).getBoundingClientRect();
      expect(note.top >= map.top && note.bottom <= map.bottom && note.height > 0).to.equal(true);
      await expectAccessible(el);
      // Tiles removed again: back to the plain background, no message.
      el.tiles = undefined;
      await el.updateComplete;
      expect(text(status)).to.equal('');
      expect(root(el).querySelectorAll('img')).to.have.length(0);
    });
  });
}

describe('<cls-hub-map> behaviour in any language', () => {
  it('follows a language change on the element', async () => {
    const el = await make('en', CROWD);
    el.setAttribute('lang', 'cy');
    await waitUntil(() => $(el, '.leaflet-control-zoom-in')?.getAttribute('aria-label') === TEXT.cy.zoomIn, 'zoom buttons relabelled');
    await waitUntil(() => clusters(el)[0]?.getAttribute('aria-label')?.includes('hyb'), 'clusters relabelled');
    expect(text($(el, '.notes'))).to.contain(TEXT.cy.notConfigured);
    expect($(el, '[part="map"]')?.getAttribute('aria-label')).to.equal(TEXT.cy.label);
  });

  it('keeps the same view when given a new array of the same places', async () => {
    const el = await make('en', TOWNS);
    (el.parentElement?.querySelector('button') as HTMLButtonElement).focus();
    await tabTo(el, (node) => node.classList.contains('leaflet-control-zoom-in'));
    const before = settledApart(el, 'cardiff', 'wrexham') as number;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => Math.abs((settledApart(el, 'cardiff', 'wrexham') ?? 0) - 2 * before) < 3, 'zoomed in');
    const zoomed = settledApart(el, 'cardiff', 'wrexham') as number;
    el.places = TOWNS.map((place) => ({ ...place }));
    await el.updateComplete;
    expect(settledApart(el, 'cardiff', 'wrexham')).to.be.closeTo(zoomed, 1);
    // Different places refit the view.
    el.places = TOWNS.slice(0, 2);
    await el.updateComplete;
    await waitUntil(() => markers(el).length === 2, 'refitted to two');
  });

  it('fits the places once shown when it was created hidden', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div hidden style="width: 600px">
      <cls-hub-map lang="en" style="--cls-map-height: 400px" .places=${TOWNS}></cls-hub-map>
    </div>`);
    const el = wrapper.querySelector('cls-hub-map') as ClsHubMap;
    await el.updateComplete;
    wrapper.hidden = false;
    await waitUntil(() => markers(el).length === 3, 'markers drawn once visible');
    const map = ($(el, '[part="map"]') as HTMLElement).getBoundingClientRect();
    await waitUntil(
      () =>
        markers(el).every((marker) => {
          const { x, y } = centre(marker);
          return x > map.left && x < map.right && y > map.top && y < map.bottom;
        }),
      'every place in view',
    );
  });

  it('fits a 320 px wide screen: never wider than its column, at least 320 px tall', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await make('cy', TOWNS, { width: '100%' });
      const map = ($(el, '[part="map"]') as HTMLElement).getBoundingClientRect();
      expect(map.width).to.be.at.most(320);
      expect(map.height).to.be.at.least(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('does not animate zooms or fades when the resident prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await make('en', TOWNS);
    const map = $(el, '[part="map"]') as HTMLElement;
    expect(map.classList.contains('leaflet-fade-anim')).to.equal(false);
    for (const marker of markers(el)) expect(marker.classList.contains('leaflet-zoom-hide')).to.equal(true);
    // Choosing a cluster still works, straight to the new view.
    const crowd = await make('en', CROWD);
    const cluster = clusters(crowd)[0] as HTMLElement;
    cluster.focus();
    const count = markers(crowd).length;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => markers(crowd).length > count, 'cluster opened');
  });

  it('removes the map when disconnected, without errors, and builds it again when put back', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const el = await make('en', CROWD);
      const parent = el.parentElement as HTMLElement;
      el.remove();
      expect(root(el).querySelectorAll('.leaflet-pane')).to.have.length(0);
      expect(root(el).querySelector('.leaflet-control-container')).to.equal(null);
      // Leaflet listens on window for resizes: nothing may still be attached.
      window.dispatchEvent(new Event('resize'));
      el.selected = 'h1';
      el.places = TOWNS;
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(errors).to.deep.equal([]);

      parent.append(el);
      await waitUntil(() => markers(el).length === 3, 'map rebuilt');
      expect(root(el).querySelectorAll('.leaflet-control-zoom')).to.have.length(1);
      el.remove();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

/** Wales, roughly, and three of its towns: enough for a readable background without tiles. */
const WALES = {
  outline: [
    { lat: 53.43, lng: -4.7 },
    { lat: 53.35, lng: -3.0 },
    { lat: 51.6, lng: -2.6 },
    { lat: 51.4, lng: -4.3 },
    { lat: 51.8, lng: -5.3 },
  ],
  labels: [
    { name: 'Caerdydd', coordinates: { lat: 51.48, lng: -3.18 } },
    { name: 'Aberystwyth', coordinates: { lat: 52.41, lng: -4.08 } },
    { name: 'Wrecsam', coordinates: { lat: 53.05, lng: -2.99 } },
  ],
};

describe('<cls-hub-map> without tiles, with a drawn background', () => {
  for (const lang of ['en', 'cy'] as const) {
    const t = TEXT[lang];
    it(`draws the outline and town names, marks "You are here", and keeps them out of the tab order (${lang})`, async () => {
      const el = await fixture<ClsHubMap>(html`<div style="width: 760px">
        <cls-hub-map
          lang=${lang}
          style="--cls-map-height: 420px"
          .places=${TOWNS}
          .background=${WALES}
          .here=${{ coordinates: { lat: 52.0, lng: -3.5 }, label: 'Llandrindod' }}
        ></cls-hub-map>
      </div>`).then((wrapper) => wrapper.querySelector('cls-hub-map') as ClsHubMap);
      await waitUntil(() => $(el, '.marker-here'), 'here marker');
      // Readable without tiles: no "not configured" note, a drawn county and its towns.
      expect(text($(el, '.notes'))).to.not.contain(t.notConfigured);
      expect($(el, 'path.map-outline'), 'the outline is drawn').to.not.equal(null);
      const labels = [...root(el).querySelectorAll<HTMLElement>('.map-label')];
      expect(labels.map((label) => text(label))).to.deep.equal(['Caerdydd', 'Aberystwyth', 'Wrecsam']);
      const here = $(el, '.marker-here') as HTMLElement;
      expect(text(here)).to.equal(lang === 'en' ? 'You are here' : 'Rydych chi yma');
      expect(text($(el, '#map-hint'))).to.contain('Llandrindod');
      // Names and the "You are here" marker are for reading: they take no focus and are not read twice.
      for (const node of [...labels, here]) {
        expect(node.hasAttribute('tabindex'), 'not focusable').to.equal(false);
        expect(node.getAttribute('aria-hidden')).to.equal('true');
      }
      // Shown inside the map with the hubs.
      const frame = ($(el, '.map') as HTMLElement).getBoundingClientRect();
      const box = here.getBoundingClientRect();
      expect(box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom).to.equal(true);
      // Only the hubs' markers are in the tab order.
      const reached = new Set<string>();
      for (let i = 0; i < 8; i++) {
        await sendKeys({ press: 'Tab' });
        const node = focused(el);
        if (node?.classList.contains('leaflet-marker-icon')) reached.add(node.getAttribute('aria-label') ?? '');
      }
      expect([...reached].every((name) => TOWNS.some((town) => town.name === name))).to.equal(true);
      await expectAccessible(el);
    });
  }

  it('keeps the "not configured" note when there is no background either', async () => {
    const el = await make('en', TOWNS);
    el.background = { labels: [] };
    await el.updateComplete;
    expect(text($(el, '.notes'))).to.contain(TEXT.en.notConfigured);
  });
});
