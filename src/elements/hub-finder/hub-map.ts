import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type * as Leaflet from 'leaflet';
// @ts-expect-error -- Leaflet ships types for its UMD entry ('leaflet') only. This is the same API as a real ES module, which browsers (the test server has no CommonJS step), esbuild and Vite all load as is.
import * as leafletModule from 'leaflet/dist/leaflet-src.esm.js';
import type { Coordinates } from '../../contract/directory.ts';
import { clusterPoints, type Cluster } from '../../core/cluster.ts';
import { UK_BOUNDS, boundingBox } from '../../core/geo.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import { createLocalizer, type Translate } from '../../i18n/localizer.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { defineElement } from '../define-element.ts';
import { hubMapMessages } from './hub-map.locales.ts';
import { hubMapStyles, leafletStyles } from './hub-map.styles.ts';

const L = leafletModule as typeof Leaflet;

/** One place on the map. */
export interface HubMapPlace {
  id: string;
  name: string;
  coordinates: Coordinates;
  /** A short line under the name in its label, e.g. `1.2 miles · Open now`. */
  detail?: string;
}

/** A tile layer: a `{z}/{x}/{y}` URL template and the attribution its licence requires. */
export interface HubMapTiles {
  url: string;
  /** HTML, shown as given in the map's attribution: it comes from the site owner's configuration. */
  attribution: string;
  maxZoom?: number;
}

/**
 * A background drawn without tiles (and without any third-party request):
 * the outline of the area and the names of its towns, so a map with no
 * tiles configured is still readable.
 */
export interface HubMapBackground {
  /** The area's boundary, as a ring of points. */
  outline?: Coordinates[];
  /** Town and village names, written where they are. */
  labels?: Array<{ name: string; coordinates: Coordinates }>;
}

/** The place searched for, marked "You are here". */
export interface HubMapHere {
  coordinates: Coordinates;
  /** What was searched for, e.g. `Borchester` or `SY7 9QT`. */
  label: string;
}

/** `detail` of the `cls-map-select` event. */
export interface HubMapSelectDetail {
  id: string;
}

const localizer = createLocalizer(
  { en: hubMapMessages, cy: () => import('./hub-map.locales.cy.ts').then((module) => module.hubMapMessagesCy) },
  'hubMap',
);

/** Deepest zoom when no tile layer says otherwise (street level). */
const DEFAULT_MAX_ZOOM = 18;
/** Fitting never zooms in further than this, so one place still shows its surroundings. */
const FIT_MAX_ZOOM = 16;
/** Places closer than this on screen share a cluster marker. */
const CELL_PIXELS = 60;
/** A cluster's accessible name lists this many names, then "and N more". */
const NAMES_IN_LABEL = 5;
const FIT_PADDING: [number, number] = [40, 40];
/** Room round a marker brought into view: its label above, the zoom buttons top-left, the attribution below. */
const IN_VIEW_PADDING = { paddingTopLeft: [64, 110] as [number, number], paddingBottomRight: [48, 40] as [number, number] };
const LEAFLET_PREFIX = '<a href="https://leafletjs.com">Leaflet</a>';

interface RenderedMarker {
  marker: Leaflet.Marker;
  members: HubMapPlace[];
}

/**
 * The hub finder's map, loaded only when a resident opens it: markers for
 * `places` on a Leaflet map, clustered when they crowd together. Internal to
 * `<cls-hub-finder>`, which sets its properties and listens for
 * `cls-map-select`; it does not change `selected` itself.
 *
 * No third-party requests unless `tiles` is set: without it there is no tile
 * layer, just a plain background and a note saying so. Markers are styled
 * elements, not images. Leaflet's styles are adopted as a constructable
 * stylesheet, so it runs under a strict CSP. Each marker is a button in the
 * tab order (Enter or Space chooses it); arrow keys move the map and + / −
 * zoom it when the map itself has focus. Language follows `lang` on the
 * element or the page.
 *
 * @summary Map of community hubs, with clustering, for the hub finder.
 * @tag cls-hub-map
 *
 * @fires {CustomEvent<HubMapSelectDetail>} cls-map-select - A place was chosen on the map (its marker, or an entry in the list of places that share one spot). `detail.id` is the place's id. Bubbles and is composed.
 *
 * @csspart map - The map area: at least 320 px tall, at most 70% of the viewport height.
 * @csspart note - The notes over the map ("Map background not configured", tiles failing).
 * @csspart same-place - The list of places that share one spot at the deepest zoom.
 * @csspart button - Buttons in that list.
 *
 * @cssprop [--cls-map-height=60vh] - Preferred height of the map (kept between 320 px and 70vh).
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-font-size-s=medium] - Labels, notes and attribution size.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour, and cluster markers.
 * @cssprop [--cls-color-secondary-text=#484949] - Disabled zoom buttons.
 * @cssprop [--cls-color-background=#ffffff] - Background of controls and labels.
 * @cssprop [--cls-color-primary=#1d70b8] - Place markers and links.
 * @cssprop [--cls-color-primary-text=#ffffff] - Text on markers.
 * @cssprop [--cls-color-action=#00703c] - The selected place's marker.
 * @cssprop [--cls-color-border=#6f777b] - Borders of the map, controls and labels.
 * @cssprop [--cls-color-error=#c82d1a] - Edge of the "could not be loaded" note.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 * @cssprop [--cls-color-focus-text=#0b0c0c] - Ring round the focus highlight.
 * @cssprop [--cls-color-surface=#f3f2f1] - Map background while tiles load; hovered buttons.
 * @cssprop [--cls-radius=0] - Corner radius of controls and labels.
 * @cssprop [--cls-focus-width=3px] - Width of the focus outline.
 */
export class ClsHubMap extends LitElement {
  static override styles = [tokens, ...sharedStyles, leafletStyles, hubMapStyles];

  static override properties = {
    places: { attribute: false },
    selected: { type: String },
    tiles: { attribute: false },
    background: { attribute: false },
    here: { attribute: false },
    tilesFailed: { state: true },
    samePlace: { state: true },
  };

  /** The places to show. A new array with the same places (ids and coordinates) keeps the view; different places refit it. */
  declare places: HubMapPlace[];

  /** Id of the chosen place: its marker is highlighted and labelled, and the map zooms or pans to show it. */
  declare selected: string | undefined;

  /** Tile layer to draw under the markers. Unset (the default), no tiles are requested. */
  declare tiles: HubMapTiles | undefined;

  /** An outline and place names to draw when there are no tiles; unset, a plain grid and a note say the background is not configured. */
  declare background: HubMapBackground | undefined;

  /** The place searched for: a "You are here" marker (not in the tab order), kept in view with the hubs. */
  declare here: HubMapHere | undefined;

  declare private tilesFailed: boolean;
  declare private samePlace: readonly HubMapPlace[] | undefined;

  private readonly locale = new LocaleController(this, localizer);

  /** Holds updates while Welsh labels are fetched, as ClsElement does. */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    return this.locale.schedule(() => super.scheduleUpdate());
  }
  private map: Leaflet.Map | undefined;
  private markerLayer: Leaflet.LayerGroup | undefined;
  private tileLayer: Leaflet.TileLayer | undefined;
  private backgroundLayer: Leaflet.LayerGroup | undefined;
  private backgroundKey: string | undefined;
  private markers: RenderedMarker[] = [];
  private resizeObserver: ResizeObserver | undefined;
  private reducedMotion = false;
  /** What is drawn now, so an update that changes nothing redraws nothing. */
  private markersKey = '';
  private placesKey = '';
  private fittedKey: string | undefined;
  private tilesKey: string | undefined;
  private labelsLang: string | undefined;
  private fitPending = false;
  /** After a cluster is opened by keyboard, focus moves to the marker holding this place. */
  private focusAfterRedraw: string | undefined;

  constructor() {
    super();
    this.places = [];
    this.tilesFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the map was removed on disconnect; build it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tiles') && tilesKeyOf(this.tiles) !== this.tilesKey) this.tilesFailed = false;
    if (changed.has('places')) {
      const key = placesKeyOf(this.usablePlaces());
      if (key !== this.placesKey) {
        this.placesKey = key;
        this.samePlace = undefined;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.isConnected) return;
    let reveal = changed.has('selected');
    if (!this.map) {
      this.createMap();
      reveal = true;
    } else {
      if (changed.has('tiles')) this.syncTiles();
      if (changed.has('places') || changed.has('here')) reveal = this.fitToPlaces() || reveal;
    }
    this.syncBackground();
    this.syncLanguage();
    this.drawMarkers();
    if (reveal) this.revealSelected();
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    const plain = !this.tiles?.url;
    const drawn = plain && hasBackground(this.background);
    return html`<div class="root" lang=${this.locale.lang}>
      <div class="frame ${plain ? (drawn ? 'frame--drawn' : 'frame--plain') : ''}">
        <div class="map" part="map" role="region" aria-label=${t('label')} aria-describedby="map-hint"></div>
        <p class="visually-hidden" id="map-hint">${t('keyboardHint')}${this.here ? html` ${t('here', { label: this.here.label })}` : nothing}</p>
        <div class="notes">
          ${plain && !drawn ? html`<p class="note" part="note">${t('notConfigured')}</p>` : nothing}
          <div role="status" aria-live="polite" aria-atomic="true">
            ${this.tilesFailed ? html`<p class="note note--warning" part="note">${t('tilesFailed')}</p>` : nothing}
          </div>
        </div>
        ${this.samePlace ? this.renderSamePlace(this.samePlace) : nothing}
      </div>
    </div>`;
  }

  private renderSamePlace(members: readonly HubMapPlace[]): TemplateResult {
    const { t } = this.locale;
    const count = members.length;
    return html`<div class="same-place" part="same-place" role="group" aria-labelledby="same-place-heading" @keydown=${this.onSamePlaceKeydown}>
      <p class="heading-m" id="same-place-heading">${t('samePlace.heading', { count, n: this.locale.number(count) })}</p>
      <ul>
        ${members.map(
          (place) => html`<li>
            <button type="button" class="button button--secondary" part="button" data-place-id=${place.id} @click=${() => this.choose(place.id)}>
              ${place.name}
            </button>
          </li>`,
        )}
      </ul>
      <button type="button" class="button button--secondary" part="button" @click=${this.closeSamePlace}>${t('samePlace.close')}</button>
    </div>`;
  }

  private readonly onSamePlaceKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.closeSamePlace();
  };

  private readonly closeSamePlace = (): void => {
    const first = this.samePlace?.[0];
    this.samePlace = undefined;
    if (first) this.markerFor(first.id)?.marker.getElement()?.focus({ preventScroll: true });
  };

  /** Places that can be drawn (coordinates are finite numbers). */
  private usablePlaces(): HubMapPlace[] {
    return (this.places ?? []).filter((place) => Number.isFinite(place?.coordinates?.lat) && Number.isFinite(place?.coordinates?.lng));
  }

  private get motion(): boolean {
    return !this.reducedMotion;
  }

  private createMap(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container) return;
    this.reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const animate = this.motion;
    const map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      minZoom: 2,
      maxZoom: this.tiles?.maxZoom ?? DEFAULT_MAX_ZOOM,
      zoomSnap: 1,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      inertia: animate,
    });
    if (!animate) {
      // Arrow-key panning animates unless told otherwise, and has no map option for it.
      const panBy = map.panBy.bind(map);
      map.panBy = (offset, options) => panBy(offset, { ...options, animate: false });
    }
    this.map = map;
    L.control.attribution({ prefix: LEAFLET_PREFIX }).addTo(map);
    const { t } = this.locale;
    const zoom = L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
    this.labelsLang = this.locale.lang;
    // The zoom buttons are links with role="button": Enter clicks them, Space must too.
    const controls = zoom.getContainer();
    controls?.addEventListener('keydown', (event) => {
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'button') event.preventDefault();
    });
    controls?.addEventListener('keyup', (event) => {
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'button') event.target.click();
    });
    this.backgroundLayer = L.layerGroup().addTo(map);
    this.backgroundKey = undefined;
    this.markerLayer = L.layerGroup().addTo(map);
    map.on('zoomend', () => {
      if (this.samePlace && map.getZoom() < map.getMaxZoom()) this.samePlace = undefined;
      this.drawMarkers();
    });
    map.on('moveend resize', () => this.syncMarkerFocus());
    this.tilesKey = undefined;
    this.syncTiles();
    this.fittedKey = undefined;
    this.fitToPlaces();
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(container);
  }

  private destroyMap(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    const map = this.map;
    if (map) {
      // Leaflet 1.9 ends a zoom animation from a timer that outlives remove()
      // and then throws on the removed panes (Leaflet/Leaflet#9575); a map
      // removed mid-zoom must not finish it.
      (map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
      map.remove();
    }
    this.map = undefined;
    this.markerLayer = undefined;
    this.backgroundLayer = undefined;
    this.backgroundKey = undefined;
    this.tileLayer = undefined;
    this.markers = [];
    this.markersKey = '';
    this.fittedKey = undefined;
    this.tilesKey = undefined;
  }

  private onResize(): void {
    const map = this.map;
    if (!map) return;
    map.invalidateSize({ animate: false });
    if (this.fitPending) {
      this.fittedKey = undefined;
      if (this.fitToPlaces()) this.revealSelected();
    }
  }

  private syncTiles(): void {
    const map = this.map;
    if (!map) return;
    const key = tilesKeyOf(this.tiles);
    if (key === this.tilesKey) return;
    this.tilesKey = key;
    this.tileLayer?.remove();
    this.tileLayer = undefined;
    const tiles = this.tiles;
    const maxZoom = tiles?.maxZoom ?? DEFAULT_MAX_ZOOM;
    map.setMaxZoom(maxZoom);
    if (!tiles?.url) return;
    this.tileLayer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom })
      .on('tileerror', () => {
        this.tilesFailed = true;
      })
      .addTo(map);
  }

  /**
   * Draws the tile-free background (outline and place names, only without
   * tiles) and the "You are here" marker. None of it takes focus or
   * pointer events: it is for reading the map, the markers are for using it.
   */
  private syncBackground(): void {
    const layer = this.backgroundLayer;
    if (!layer) return;
    const background = this.tiles?.url ? undefined : this.background;
    const here = this.here;
    const key = JSON.stringify([background ?? null, here ?? null, this.locale.lang]);
    if (key === this.backgroundKey) return;
    this.backgroundKey = key;
    layer.clearLayers();
    const outline = (background?.outline ?? []).filter(finite);
    if (outline.length >= 3) {
      L.polygon(
        outline.map((point) => [point.lat, point.lng] as [number, number]),
        { interactive: false, className: 'map-outline', weight: 2, fillOpacity: 1 },
      ).addTo(layer);
    }
    for (const label of background?.labels ?? []) {
      if (!finite(label.coordinates)) continue;
      const text = document.createElement('span');
      text.textContent = label.name;
      L.marker([label.coordinates.lat, label.coordinates.lng], {
        icon: L.divIcon({ className: 'map-label', html: text, iconSize: [0, 0] }),
        interactive: false,
        keyboard: false,
      })
        .on('add', (event) => (event.target as Leaflet.Marker).getElement()?.setAttribute('aria-hidden', 'true'))
        .addTo(layer);
    }
    if (here && finite(here.coordinates)) {
      const face = document.createElement('span');
      face.className = 'here-text';
      face.textContent = this.locale.t('hereMarker');
      L.marker([here.coordinates.lat, here.coordinates.lng], {
        icon: L.divIcon({ className: 'marker-here', html: face, iconSize: [16, 16] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -100,
      })
        // Said once in the map's description, so it is not read again here.
        .on('add', (event) => (event.target as Leaflet.Marker).getElement()?.setAttribute('aria-hidden', 'true'))
        .addTo(layer);
    }
  }

  /** Fits the view to the places when they differ from those last fitted. Returns whether it did. */
  private fitToPlaces(): boolean {
    const map = this.map;
    if (!map) return false;
    const places = this.usablePlaces();
    const here = this.here && finite(this.here.coordinates) ? this.here.coordinates : undefined;
    const key = `${placesKeyOf(places)}|${here ? `${here.lat},${here.lng}` : ''}`;
    if (key === this.fittedKey) return false;
    const box = boundingBox([...places.map((place) => place.coordinates), ...(here ? [here] : [])]) ?? UK_BOUNDS;
    const bounds = L.latLngBounds([box.south, box.west], [box.north, box.east]);
    const size = map.getSize();
    if (size.x <= FIT_PADDING[0] * 2 || size.y <= FIT_PADDING[1] * 2) {
      // Not laid out yet (hidden, or not in the page): any valid view now, the real fit on resize.
      map.setView(bounds.getCenter(), places.length ? 10 : 5, { animate: false });
      this.fitPending = true;
      return false;
    }
    this.fitPending = false;
    this.fittedKey = key;
    map.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: places.length ? FIT_MAX_ZOOM : 6, animate: false });
    return true;
  }

  private syncLanguage(): void {
    const map = this.map;
    const { lang, t } = this.locale;
    if (!map || lang === this.labelsLang) return;
    this.labelsLang = lang;
    const container = map.getContainer();
    for (const [selector, key] of [
      ['.leaflet-control-zoom-in', 'zoomIn'],
      ['.leaflet-control-zoom-out', 'zoomOut'],
    ] as const) {
      const button = container.querySelector<HTMLElement>(selector);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
  }

  /** Clusters the places at the current zoom and redraws the markers, unless nothing would change. */
  private drawMarkers(): void {
    const map = this.map;
    const layer = this.markerLayer;
    if (!map || !layer) return;
    const clusters = clusterPoints(this.usablePlaces(), (place) => place.coordinates, map.getZoom(), CELL_PIXELS);
    const key = [this.locale.lang, this.selected ?? '', ...clusters.map((cluster) => cluster.members.map((m) => m.id).join('\u0000'))].join('\u0001');
    if (key === this.markersKey) return;
    this.markersKey = key;

    // Keep keyboard focus on the same place when its marker is redrawn; after
    // a cluster was opened by keyboard, on its first place (unless focus has
    // moved elsewhere meanwhile).
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const focusedPlace = this.markers.find(({ marker }) => marker.getElement() === active)?.members[0]?.id;
    const focusTo = focusedPlace === undefined ? (active === null ? this.focusAfterRedraw : undefined) : (this.focusAfterRedraw ?? focusedPlace);
    this.focusAfterRedraw = undefined;

    layer.clearLayers();
    this.markers = clusters.map((cluster) => this.createMarker(cluster, layer));
    this.syncMarkerFocus();
    if (focusTo !== undefined) this.markerFor(focusTo)?.marker.getElement()?.focus({ preventScroll: true });
  }

  /**
   * Only markers the resident can see are in the tab order: one outside the
   * visible map (at 320 px most of a cluster spread is) takes no focus until
   * the map is moved to show it. The list beside the map has every hub.
   */
  private syncMarkerFocus(): void {
    const map = this.map;
    if (!map) return;
    const size = map.getSize();
    for (const { marker } of this.markers) {
      const element = marker.getElement();
      if (!element) continue;
      const point = map.latLngToContainerPoint(marker.getLatLng());
      const visible = point.x >= 0 && point.y >= 0 && point.x <= size.x && point.y <= size.y;
      element.tabIndex = visible ? 0 : -1;
    }
  }

  private createMarker(cluster: Cluster<HubMapPlace>, layer: Leaflet.LayerGroup): RenderedMarker {
    const { members } = cluster;
    const first = members[0] as HubMapPlace;
    const single = members.length === 1;
    const selected = this.selected !== undefined && members.some((place) => place.id === this.selected);
    const size = single ? (selected ? 34 : 28) : members.length < 100 ? 40 : 48;
    const classes = ['marker', single ? 'marker--place' : 'marker--cluster', selected ? 'marker--selected' : ''].filter(Boolean).join(' ');
    let face: HTMLElement | false = false;
    if (!single) {
      face = document.createElement('span');
      face.setAttribute('aria-hidden', 'true');
      face.textContent = this.locale.number(members.length);
    }
    const marker = L.marker([cluster.center.lat, cluster.center.lng], {
      icon: L.divIcon({ className: classes, html: face, iconSize: [size, size] }),
      keyboard: true,
      riseOnHover: true,
      autoPanOnFocus: false,
      bubblingMouseEvents: false,
      zIndexOffset: selected ? 1000 : 0,
    });
    if (single) {
      marker.bindTooltip(tooltipContent(first), { direction: 'top', offset: [0, -size / 2], permanent: selected, opacity: 1 });
    }
    const rendered = { marker, members };
    const label = single ? first.name : this.clusterLabel(members);
    marker.on('click', () => this.activate(rendered, false));
    // Leaflet creates the icon element when the marker really joins the map,
    // which may be later than addTo (before the map's first view is set).
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('aria-label', label);
      if (selected) element.setAttribute('aria-current', 'true');
      if (single) element.dataset['placeId'] = first.id;
      else element.dataset['count'] = String(members.length);
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          this.activate(rendered, true);
        } else if (event.key === ' ') {
          // Space acts on release, as on a native button, so focus moved by
          // the action cannot receive the key-up and press something else.
          event.preventDefault();
        }
      });
      element.addEventListener('keyup', (event) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        this.activate(rendered, true);
      });
      element.addEventListener('focus', () => this.keepInView(marker));
    });
    marker.addTo(layer);
    return rendered;
  }

  private clusterLabel(members: readonly HubMapPlace[]): string {
    const { t } = this.locale;
    const names = members.slice(0, NAMES_IN_LABEL).map((place) => place.name);
    const rest = members.length - names.length;
    if (rest > 0) names.push(t('more', { n: this.locale.number(rest) }));
    return t('cluster', { count: members.length, n: this.locale.number(members.length), names: joinList(names, t) });
  }

  private markerFor(placeId: string): RenderedMarker | undefined {
    return this.markers.find(({ members }) => members.some((place) => place.id === placeId));
  }

  /**
   * A marker that gets keyboard focus is kept in view with room for its
   * label above it and clear of the zoom buttons (no-op when it already is).
   */
  private keepInView(marker: Leaflet.Marker): void {
    this.map?.panInside(marker.getLatLng(), { ...IN_VIEW_PADDING, animate: this.motion });
  }

  private activate({ members, marker }: RenderedMarker, byKeyboard: boolean): void {
    const map = this.map;
    const first = members[0];
    if (!map || !first) return;
    if (members.length === 1) {
      this.choose(first.id);
      return;
    }
    const maxZoom = map.getMaxZoom();
    if (map.getZoom() < maxZoom) {
      // Zoom in to fit the cluster's places (always at least one level, so it splits or gets nearer to it).
      const bounds = L.latLngBounds(members.map((place) => [place.coordinates.lat, place.coordinates.lng] as [number, number]));
      const zoom = Math.min(maxZoom, Math.max(map.getZoom() + 1, map.getBoundsZoom(bounds, false, L.point(FIT_PADDING))));
      if (byKeyboard || (this.renderRoot as ShadowRoot).activeElement === marker.getElement()) this.focusAfterRedraw = first.id;
      map.setView(bounds.getCenter(), zoom, { animate: this.motion });
      return;
    }
    // Deepest zoom and still together (one building, say): choose the first and list them all.
    this.samePlace = members;
    this.choose(first.id);
  }

  private choose(id: string): void {
    this.dispatchEvent(new CustomEvent<HubMapSelectDetail>('cls-map-select', { detail: { id }, bubbles: true, composed: true }));
  }

  /** Brings the selected place into view: zooms until its marker stands alone, or pans it (and its label) on-screen. */
  private revealSelected(): void {
    const map = this.map;
    const id = this.selected;
    if (!map || id === undefined || this.fitPending) return;
    const places = this.usablePlaces();
    const place = places.find((candidate) => candidate.id === id);
    if (!place) return;
    const at = L.latLng(place.coordinates.lat, place.coordinates.lng);
    const zoom = map.getZoom();
    const maxZoom = map.getMaxZoom();
    const aloneAt = (z: number) =>
      clusterPoints(places, (p) => p.coordinates, z, CELL_PIXELS).find((cluster) => cluster.members.includes(place))?.members.length === 1;
    if (!aloneAt(zoom) && zoom < maxZoom) {
      let target = zoom + 1;
      while (target < maxZoom && !aloneAt(target)) target++;
      map.setView(at, target, { animate: this.motion });
      return;
    }
    map.panInside(at, { ...IN_VIEW_PADDING, animate: this.motion });
  }
}

/** The label's content, built as nodes: place names come from feeds and are never parsed as HTML. */
function tooltipContent(place: HubMapPlace): HTMLElement {
  const box = document.createElement('span');
  const name = document.createElement('strong');
  name.textContent = place.name;
  box.append(name);
  if (place.detail) {
    const detail = document.createElement('span');
    detail.textContent = place.detail;
    box.append(document.createElement('br'), detail);
  }
  return box;
}

/**
 * "A, B and C" in the element's language. Not Intl.ListFormat: browsers
 * without Welsh list data (Debian's Chromium among them) fall back to English.
 * Welsh "a" becomes "ac" before a vowel (not before w, which in names is
 * usually consonantal: "a Wrecsam").
 */
function joinList(items: readonly string[], t: Translate): string {
  if (items.length < 2) return items[0] ?? '';
  const last = items[items.length - 1] as string;
  const key = /^[aeiouyâêîôûŷáéíóúàèìòùäëïöü]/i.test(last) ? 'list.andVowel' : 'list.and';
  return t(key, { items: items.slice(0, -1).join(t('list.separator')), last });
}

const finite = (point: Coordinates | undefined): point is Coordinates => Number.isFinite(point?.lat) && Number.isFinite(point?.lng);

function hasBackground(background: HubMapBackground | undefined): boolean {
  return Boolean((background?.outline?.length ?? 0) >= 3 || background?.labels?.length);
}

function placesKeyOf(places: readonly HubMapPlace[]): string {
  return places.map((place) => `${place.id}@${place.coordinates.lat},${place.coordinates.lng}`).join('|');
}

function tilesKeyOf(tiles: HubMapTiles | undefined): string {
  return tiles?.url ? JSON.stringify([tiles.url, tiles.attribution, tiles.maxZoom]) : '';
}

defineElement('cls-hub-map', ClsHubMap);

declare global {
  interface HTMLElementTagNameMap {
    'cls-hub-map': ClsHubMap;
  }
  interface HTMLElementEventMap {
    'cls-map-select': CustomEvent<HubMapSelectDetail>;
  }
}
