import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type * as Leaflet from 'leaflet';
import { clusterPoints } from '../../core/cluster.ts';
import { UK_BOUNDS, boundingBox } from '../../core/geo.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { defineElement } from '../define-element.ts';
import { hubMapMessages } from './hub-map.locales.ts';
import { hubMapStyles, leafletStyles } from './hub-map.styles.ts';
import { drawBackground, finite, hasBackground } from './map/background.ts';
import { addControls, nameControls } from './map/controls.ts';
import { L } from './map/leaflet.ts';
import { placeMarker, type RenderedMarker } from './map/markers.ts';
import type { HubMapBackground, HubMapHere, HubMapPlace, HubMapSelectDetail, HubMapTiles } from './map/types.ts';

export type { HubMapBackground, HubMapHere, HubMapPlace, HubMapSelectDetail, HubMapTiles } from './map/types.ts';

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
const FIT_PADDING: [number, number] = [40, 40];
/** Room round a marker brought into view: its label above, the zoom buttons top-left, the attribution below. */
const IN_VIEW_PADDING = { paddingTopLeft: [64, 110] as [number, number], paddingBottomRight: [48, 40] as [number, number] };

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
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
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
    addControls(map, this.locale.t);
    this.labelsLang = this.locale.lang;
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

  /** The tile-free background (only without tiles) and the "You are here" marker, redrawn only when they change. */
  private syncBackground(): void {
    const layer = this.backgroundLayer;
    if (!layer) return;
    const background = this.tiles?.url ? undefined : this.background;
    const here = this.here;
    const key = JSON.stringify([background ?? null, here ?? null, this.locale.lang]);
    if (key === this.backgroundKey) return;
    this.backgroundKey = key;
    drawBackground(layer, background, here, this.locale.t('hereMarker'));
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
    nameControls(map, t);
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
    const options = {
      locale: this.locale,
      selected: this.selected,
      activate: (rendered: RenderedMarker, byKeyboard: boolean) => this.activate(rendered, byKeyboard),
      focused: (marker: Leaflet.Marker) => this.keepInView(marker),
    };
    this.markers = clusters.map((cluster) => placeMarker(cluster, layer, options));
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
