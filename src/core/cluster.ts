import type { Coordinates } from '../contract/directory.ts';

/**
 * Marker clustering for maps, DOM-free so it is unit-tested in Node.
 *
 * Distances are measured in Web-Mercator pixels at the map's zoom (256-pixel
 * tiles, as Leaflet and every slippy map use), so "close" means close on
 * screen. The clustering is hierarchical, like Mapbox's supercluster: at
 * {@link MAX_CLUSTER_ZOOM} every point starts alone; then, one zoom level at
 * a time downwards, clusters whose centres are within `cellPixels` of a
 * seed cluster's centre are merged into it (greedy, in input order). So:
 *
 * - a cluster at zoom z is always a union of whole clusters at zoom z + 1:
 *   zooming in only ever splits clusters, and never gives fewer of them;
 * - points at identical coordinates are always together;
 * - two points in one cluster are at most `8 × cellPixels` apart on screen
 *   (each level adds at most 2 × cellPixels to a cluster's radius, and the
 *   radius inherited from the level above is halved), and in practice far
 *   less; the centres of separate clusters are usually more than
 *   `cellPixels` apart, so their markers do not overlap;
 * - the output depends only on the input order, never on timing or hashing.
 *
 * Cost is O(n × levels) with a grid index for the neighbour search, fine for
 * the few hundred places a hub finder shows.
 */

/** Zoom at which every point starts in a cluster of its own; deeper zooms are treated as this one. */
export const MAX_CLUSTER_ZOOM = 24;

/** Web Mercator is undefined at the poles; like every slippy map, clamp to the square's edge. */
const MAX_LATITUDE = 85.051_128_779_806_59;
const TILE_SIZE = 256;

/** One cluster: where to draw it and the points it stands for, in input order. */
export interface Cluster<T> {
  center: Coordinates;
  members: T[];
}

/** A point's position in Web-Mercator world units: x and y in [0, 1], y down. */
export interface WorldPoint {
  x: number;
  y: number;
}

/** Coordinates → Web-Mercator world units (multiply by 256 × 2^zoom for pixels). */
export function project({ lat, lng }: Coordinates): WorldPoint {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return {
    x: (lng + 180) / 360,
    y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI),
  };
}

/** The inverse of {@link project}. */
export function unproject({ x, y }: WorldPoint): Coordinates {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return { lat, lng: x * 360 - 180 };
}

/** Pixels per world unit at a zoom. */
export function worldPixels(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

interface Node {
  /** Weighted centre in world units. */
  x: number;
  y: number;
  /** Input indexes of the members, ascending. */
  indexes: number[];
}

/**
 * Groups points that would sit closer than about `cellPixels` on screen at
 * `zoom`. Fractional zooms are rounded down (Leaflet's default zoomSnap is 1)
 * so that more zoom never means fewer clusters; zooms past
 * {@link MAX_CLUSTER_ZOOM} behave as that zoom. Points whose coordinates are
 * not finite numbers are left out.
 *
 * Clusters come in the order of their first member in `points`; members keep
 * their input order.
 */
export function clusterPoints<T>(
  points: readonly T[],
  coordinatesOf: (point: T) => Coordinates,
  zoom: number,
  cellPixels = 60,
): Array<Cluster<T>> {
  const level = Math.max(0, Math.min(MAX_CLUSTER_ZOOM, Math.floor(Number.isFinite(zoom) ? zoom : 0)));
  const radius = Math.max(0, Number.isFinite(cellPixels) ? cellPixels : 0);

  let nodes: Node[] = [];
  points.forEach((point, index) => {
    const c = coordinatesOf(point);
    if (!Number.isFinite(c?.lat) || !Number.isFinite(c?.lng)) return;
    const { x, y } = project(c);
    nodes.push({ x, y, indexes: [index] });
  });

  for (let z = MAX_CLUSTER_ZOOM; z >= level; z--) {
    nodes = mergeLevel(nodes, radius / worldPixels(z));
  }

  return nodes.map((node) => {
    const members = node.indexes.map((index) => points[index] as T);
    // A lone point is drawn exactly where it is (no projection round trip), in a fresh object.
    const lone = members.length === 1 ? coordinatesOf(members[0] as T) : undefined;
    return { center: lone ? { lat: lone.lat, lng: lone.lng } : unproject(node), members };
  });
}

/**
 * One greedy pass: each node not yet taken, in order, takes every untaken
 * node whose centre is within `radius` (world units) of its own. Nodes are
 * kept sorted by their first member's input index, so the pass is
 * deterministic and the output stays in input order.
 */
function mergeLevel(nodes: readonly Node[], radius: number): Node[] {
  if (nodes.length < 2) return [...nodes];
  // Grid index with cells of the merge radius: neighbours are in the 3 × 3 block.
  const cell = radius > 0 ? radius : Number.MIN_VALUE;
  const grid = new Map<string, number[]>();
  const keyOf = (cx: number, cy: number) => `${cx},${cy}`;
  nodes.forEach((node, i) => {
    const key = keyOf(Math.floor(node.x / cell), Math.floor(node.y / cell));
    const bucket = grid.get(key);
    if (bucket) bucket.push(i);
    else grid.set(key, [i]);
  });

  const taken = new Uint8Array(nodes.length);
  const merged: Node[] = [];
  const radiusSquared = radius * radius;
  nodes.forEach((seed, i) => {
    if (taken[i]) return;
    taken[i] = 1;
    const group = [i];
    const cx = Math.floor(seed.x / cell);
    const cy = Math.floor(seed.y / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(keyOf(cx + dx, cy + dy)) ?? []) {
          if (taken[j]) continue;
          const other = nodes[j] as Node;
          const ddx = other.x - seed.x;
          const ddy = other.y - seed.y;
          if (ddx * ddx + ddy * ddy <= radiusSquared) {
            taken[j] = 1;
            group.push(j);
          }
        }
      }
    }
    if (group.length === 1) {
      merged.push(seed);
      return;
    }
    let weight = 0;
    let x = 0;
    let y = 0;
    const indexes: number[] = [];
    for (const j of group) {
      const node = nodes[j] as Node;
      const w = node.indexes.length;
      weight += w;
      x += node.x * w;
      y += node.y * w;
      indexes.push(...node.indexes);
    }
    indexes.sort((a, b) => a - b);
    merged.push({ x: x / weight, y: y / weight, indexes });
  });
  // A merged node's first index is its seed's, so the order is already by first index.
  return merged;
}
