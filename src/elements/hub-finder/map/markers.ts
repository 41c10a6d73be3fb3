import type * as Leaflet from 'leaflet';
import type { Cluster } from '../../../core/cluster.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import type { Translate } from '../../../i18n/localizer.ts';
import { L } from './leaflet.ts';
import type { HubMapPlace } from './types.ts';

/** A cluster's accessible name lists this many names, then "and N more". */
const NAMES_IN_LABEL = 5;

/** A marker on the map and the places it stands for (one, or a cluster). */
export interface RenderedMarker {
  marker: Leaflet.Marker;
  members: HubMapPlace[];
}

export interface MarkerOptions {
  locale: LocaleController;
  /** Id of the chosen place, whose marker is highlighted and labelled. */
  selected: string | undefined;
  /** The marker was chosen, by pointer or by Enter or Space. */
  activate: (rendered: RenderedMarker, byKeyboard: boolean) => void;
  /** The marker got keyboard focus. */
  focused: (marker: Leaflet.Marker) => void;
}

/**
 * Adds one marker for `cluster` to `layer`: a button in the tab order,
 * named by its place (or its cluster's places), with the place's label on a
 * single place. Enter chooses it, and Space does on release.
 */
export function placeMarker(cluster: Cluster<HubMapPlace>, layer: Leaflet.LayerGroup, options: MarkerOptions): RenderedMarker {
  const { members } = cluster;
  const first = members[0] as HubMapPlace;
  const single = members.length === 1;
  const selected = options.selected !== undefined && members.some((place) => place.id === options.selected);
  const size = single ? (selected ? 34 : 28) : members.length < 100 ? 40 : 48;
  const classes = ['marker', single ? 'marker--place' : 'marker--cluster', selected ? 'marker--selected' : ''].filter(Boolean).join(' ');
  let face: HTMLElement | false = false;
  if (!single) {
    face = document.createElement('span');
    face.setAttribute('aria-hidden', 'true');
    face.textContent = options.locale.number(members.length);
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
  const label = single ? first.name : clusterLabel(members, options.locale);
  marker.on('click', () => options.activate(rendered, false));
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
        options.activate(rendered, true);
      } else if (event.key === ' ') {
        // Space acts on release, as on a native button, so focus moved by
        // the action cannot receive the key-up and press something else.
        event.preventDefault();
      }
    });
    element.addEventListener('keyup', (event) => {
      if (event.key !== ' ') return;
      event.preventDefault();
      options.activate(rendered, true);
    });
    element.addEventListener('focus', () => options.focused(marker));
  });
  marker.addTo(layer);
  return rendered;
}

/** A cluster's accessible name: how many places, and the first few names. */
function clusterLabel(members: readonly HubMapPlace[], locale: LocaleController): string {
  const { t } = locale;
  const names = members.slice(0, NAMES_IN_LABEL).map((place) => place.name);
  const rest = members.length - names.length;
  if (rest > 0) names.push(t('more', { n: locale.number(rest) }));
  return t('cluster', { count: members.length, n: locale.number(members.length), names: joinList(names, t) });
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
