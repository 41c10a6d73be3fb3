import type * as Leaflet from 'leaflet';
import type { Coordinates } from '../../../contract/directory.ts';
import { L } from './leaflet.ts';
import type { HubMapBackground, HubMapHere } from './types.ts';

/** Whether a point can be drawn (both coordinates finite numbers). */
export const finite = (point: Coordinates | undefined): point is Coordinates => Number.isFinite(point?.lat) && Number.isFinite(point?.lng);

/** Whether there is anything to draw: an outline of at least three points, or a place name. */
export function hasBackground(background: HubMapBackground | undefined): boolean {
  return Boolean((background?.outline?.length ?? 0) >= 3 || background?.labels?.length);
}

/**
 * Draws into `layer` the tile-free background (the area's outline and its
 * place names; pass none when there are tiles) and the "You are here"
 * marker, whose face reads `hereText`. None of it takes focus or pointer
 * events: it is for reading the map, the markers are for using it.
 */
export function drawBackground(layer: Leaflet.LayerGroup, background: HubMapBackground | undefined, here: HubMapHere | undefined, hereText: string): void {
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
    face.textContent = hereText;
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
