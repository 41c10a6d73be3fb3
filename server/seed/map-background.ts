import type { Coordinates } from '../../src/contract/directory.ts';
import { places } from './places.ts';

/**
 * The demo's tile-free map background (`mapBackground` in the demo page's
 * `#cls-config`): Borsetshire's outline and the names of its towns and
 * villages, so the hub finder's map is readable with no tile server. The
 * county is invented, so its outline is drawn round its places: their
 * convex hull, pushed out from the middle by a margin.
 */
export function demoMapBackground(margin = 0.08): { outline: Coordinates[]; labels: Array<{ name: string; coordinates: Coordinates }> } {
  const points = places.map((place) => place.coordinates);
  const hull = convexHull(points);
  const middle = {
    lat: hull.reduce((sum, point) => sum + point.lat, 0) / hull.length,
    lng: hull.reduce((sum, point) => sum + point.lng, 0) / hull.length,
  };
  const outline = hull.map((point) => {
    const dLat = point.lat - middle.lat;
    const dLng = point.lng - middle.lng;
    const length = Math.hypot(dLat, dLng) || 1;
    return { lat: round(point.lat + (dLat / length) * margin), lng: round(point.lng + (dLng / length) * margin) };
  });
  return { outline, labels: places.map((place) => ({ name: place.name, coordinates: { ...place.coordinates } })) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Andrew's monotone chain: the hull's points anticlockwise, none repeated. */
function convexHull(points: readonly Coordinates[]): Coordinates[] {
  const sorted = [...points].sort((a, b) => a.lng - b.lng || a.lat - b.lat);
  const cross = (o: Coordinates, a: Coordinates, b: Coordinates) => (a.lng - o.lng) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lng - o.lng);
  const half = (list: Coordinates[]) => {
    const chain: Coordinates[] = [];
    for (const point of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2] as Coordinates, chain[chain.length - 1] as Coordinates, point) <= 0) chain.pop();
      chain.push(point);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}
