import { isValid, toNormalised, toOutcode, validOutcode, fix } from 'postcode';
import type { Coordinates } from '../contract/directory.ts';

/**
 * Distances, nearest-K selection, bounding boxes and UK postcode parsing for
 * the hub finder. DOM-free, so the server and the elements share it.
 */

/** Mean Earth radius (IUGG), the figure haversine distances are quoted against. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const METRES_PER_MILE = 1609.344;
const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Metres to statute miles. */
export function metresToMiles(metres: number): number {
  return metres / METRES_PER_MILE;
}

/** Statute miles to metres. */
export function milesToMetres(miles: number): number {
  return miles * METRES_PER_MILE;
}

/** Great-circle distance in metres (haversine, on a sphere of {@link EARTH_RADIUS_METRES}). */
export function distanceMetres(a: Coordinates, b: Coordinates): number {
  return metresFromHaversine(haversine(a.lat, a.lng, cosLatitude(a.lat), b.lat, b.lng, cosLatitude(b.lat)));
}

/**
 * The haversine of the central angle between two points given in degrees,
 * with the cosines of their latitudes precomputed. It rises with distance,
 * so callers measuring many points can compare these and convert only the
 * winner with {@link metresFromHaversine}, and get exactly what
 * {@link distanceMetres} gives (same arithmetic, in the same order).
 * For hot loops; most code wants distanceMetres.
 */
export function haversine(aLat: number, aLng: number, cosALat: number, bLat: number, bLng: number, cosBLat: number): number {
  const sinDLat = Math.sin(((bLat - aLat) * RAD) / 2);
  const sinDLng = Math.sin(((bLng - aLng) * RAD) / 2);
  return sinDLat * sinDLat + cosALat * cosBLat * sinDLng * sinDLng;
}

/** Metres for a {@link haversine} value. */
export function metresFromHaversine(h: number): number {
  // min() because rounding can push h a hair over 1 for antipodal points, and asin(>1) is NaN.
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Cosine of a latitude in degrees, as {@link haversine} wants it. */
export function cosLatitude(lat: number): number {
  return Math.cos(lat * RAD);
}

/** One {@link nearest} result. */
export interface Nearby<T> {
  item: T;
  metres: number;
}

/**
 * The `k` items nearest `origin`, nearest first, with their haversine
 * distances. Items whose `coordinatesOf` is undefined (or not finite) are
 * skipped; equal distances keep the items' original order, so the result is
 * exactly what a stable sort of every item by {@link distanceMetres} would
 * give, cut to `k` (and to `withinMetres`, inclusive).
 *
 * Cost is one pass with no trigonometry for most items: a bounded max-heap
 * holds the best `k` so far, and an item is only measured properly when a
 * cheap lower bound on its distance could beat the current k-th best.
 */
export function nearest<T>(
  origin: Coordinates,
  items: readonly T[],
  k: number,
  coordinatesOf: (item: T) => Coordinates | undefined,
  options: { withinMetres?: number } = {},
): Array<Nearby<T>> {
  const limit = Math.min(Number.isNaN(k) ? 0 : Math.floor(k), items.length);
  const within = options.withinMetres ?? Infinity;
  if (limit <= 0 || !(within >= 0)) return [];

  // Max-heap on (metres, index): the root is the worst of the best so far.
  const heap: Array<Candidate<T>> = [];
  const originLat = origin.lat * RAD;
  const originLng = origin.lng * RAD;
  // The lower bound below needs cos of the highest latitude a path of length
  // `threshold` could reach from the origin; recomputed only when the
  // threshold shrinks (a heap change), never per item.
  let threshold = within;
  let cosBound = 0;
  const updateBound = () => {
    const radians = threshold / EARTH_RADIUS_METRES;
    cosBound = Math.cos(Math.min(Math.PI / 2, Math.abs(originLat) + radians));
  };
  updateBound();

  let index = -1;
  for (const item of items) {
    index++;
    const c = coordinatesOf(item);
    if (c === undefined || !Number.isFinite(c.lat) || !Number.isFinite(c.lng)) continue;

    if (threshold !== Infinity) {
      // Equirectangular lower bound, no trig: if the great circle is at most
      // `threshold` long it stays where cos(lat) >= cosBound, so its length is
      // at least sqrt(dLat² + (cosBound·dLng)²). The slack covers rounding in
      // haversine near antipodes (asin is badly conditioned there).
      const dLat = c.lat * RAD - originLat;
      let dLng = Math.abs(c.lng * RAD - originLng);
      if (dLng > Math.PI) dLng = 2 * Math.PI - dLng;
      const x = cosBound * dLng;
      const lowerBound = Math.sqrt(dLat * dLat + x * x) * EARTH_RADIUS_METRES;
      if (lowerBound > threshold * (1 + 1e-9) + 1) continue;
    }

    const metres = distanceMetres(origin, c);
    if (!(metres <= within)) continue;
    const candidate = { item, index, metres };
    if (heap.length < limit) {
      heap.push(candidate);
      siftUp(heap, heap.length - 1);
    } else {
      // Later index loses a tie, like a stable sort.
      const root = heap[0];
      if (root === undefined || metres >= root.metres) continue;
      heap[0] = candidate;
      siftDown(heap, 0);
    }
    const root = heap[0];
    if (heap.length === limit && root !== undefined && root.metres < threshold) {
      threshold = root.metres;
      updateBound();
    }
  }

  return heap.sort((a, b) => a.metres - b.metres || a.index - b.index).map(({ item, metres }) => ({ item, metres }));
}

interface Candidate<T> {
  item: T;
  index: number;
  metres: number;
}

/** Whether `a` ranks after `b`: further away, or as far but later in the input. */
function after<T>(a: Candidate<T>, b: Candidate<T>): boolean {
  return a.metres > b.metres || (a.metres === b.metres && a.index > b.index);
}

function siftUp<T>(heap: Array<Candidate<T>>, i: number): void {
  const entry = heap[i];
  if (entry === undefined) return;
  while (i > 0) {
    const parentAt = (i - 1) >> 1;
    const parent = heap[parentAt];
    if (parent === undefined || !after(entry, parent)) break;
    heap[i] = parent;
    i = parentAt;
  }
  heap[i] = entry;
}

function siftDown<T>(heap: Array<Candidate<T>>, i: number): void {
  const entry = heap[i];
  if (entry === undefined) return;
  for (;;) {
    let topAt = i;
    let top = entry;
    for (const childAt of [2 * i + 1, 2 * i + 2]) {
      const child = heap[childAt];
      if (child !== undefined && after(child, top)) {
        topAt = childAt;
        top = child;
      }
    }
    if (topAt === i) break;
    heap[i] = top;
    i = topAt;
  }
  heap[i] = entry;
}

/** A latitude/longitude rectangle, in degrees. */
export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/**
 * The smallest box holding every point, or undefined for none. Longitudes
 * are taken at face value (a set straddling the antimeridian gets a
 * world-wide box), which is fine for UK data.
 */
export function boundingBox(points: readonly Coordinates[]): BoundingBox | undefined {
  if (points.length === 0) return undefined;
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const { lat, lng } of points) {
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
  }
  return { south, west, north, east };
}

/**
 * A box holding every point within `metres` of `center` (great-circle), e.g.
 * to ask a map or database for candidates before measuring properly. The
 * longitude span uses the tangent-point formula rather than dividing by
 * cos(lat), so it is tight yet still contains the whole circle. It is
 * clamped at the poles and at ±180° rather than wrapped.
 */
export function boundingBoxAround(center: Coordinates, metres: number): BoundingBox {
  const radius = Math.max(0, metres) / EARTH_RADIUS_METRES;
  const south = Math.max(-90, center.lat - radius * DEG);
  const north = Math.min(90, center.lat + radius * DEG);
  const sinRadius = Math.sin(Math.min(radius, Math.PI / 2));
  const cosLat = Math.cos(center.lat * RAD);
  // When the circle reaches a pole, every longitude is within it.
  if (radius >= Math.PI / 2 || sinRadius >= cosLat || north === 90 || south === -90) {
    return { south, west: -180, north, east: 180 };
  }
  const dLng = Math.asin(sinRadius / cosLat) * DEG;
  return { south, west: Math.max(-180, center.lng - dLng), north, east: Math.min(180, center.lng + dLng) };
}

/**
 * A rough rectangle round the UK: Scilly and Cornwall to Shetland, Northern
 * Ireland to East Anglia. It also takes in part of the Republic of Ireland
 * and sea, so use it to catch swapped or zeroed coordinates, not to decide
 * jurisdiction.
 */
export const UK_BOUNDS: Readonly<BoundingBox> = Object.freeze({ south: 49.8, west: -8.7, north: 60.9, east: 1.8 });

/** Whether the coordinates fall in {@link UK_BOUNDS}. */
export function isInUk(c: Coordinates): boolean {
  return c.lat >= UK_BOUNDS.south && c.lat <= UK_BOUNDS.north && c.lng >= UK_BOUNDS.west && c.lng <= UK_BOUNDS.east;
}

/** What a resident typed into a postcode box, understood. */
export type ParsedPostcode =
  | { kind: 'postcode'; /** Normalised, e.g. `SW1A 2AA`. */ postcode: string; outcode: string }
  | { kind: 'outcode'; outcode: string }
  | { kind: 'invalid' };

/**
 * Upper case, with spaces and punctuation removed: `' sw1a-2aa. '` →
 * `'SW1A2AA'`. Letters outside A–Z are kept, so 'Llŷn' cannot shrink into
 * something postcode-shaped. NFKC turns full-width 'ＳＹ１' into 'SY1'.
 */
function compact(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Parses a full postcode or a bare outcode from messy input: any case, any
 * spacing, stray punctuation (`'ll15 1aa.'`, `'(CF10)'`). Only the shape is
 * checked (the `postcode` package), not whether the postcode exists. Common
 * O/0 and I/1 slips in a full postcode are corrected (`'SW1A 2A0'` →
 * `'SW1A 2AO'`). Anything else, including a place name, is `invalid`; use
 * {@link looksLikePostcode} first to tell the two apart.
 */
export function parsePostcode(input: string): ParsedPostcode {
  const code = compact(input);
  // Outcodes are 2–4 characters and full postcodes 5–7, so the two cannot be confused.
  if (code.length >= 2 && code.length <= 4) {
    return validOutcode(code) ? { kind: 'outcode', outcode: code } : { kind: 'invalid' };
  }
  if (code.length >= 5 && code.length <= 7) {
    // fix() swaps O/0 and I/1 by position. Only repair what already mixes
    // letters and digits: '1012100' or 'AIIAA' is not a postcode with a slip.
    const candidate = isValid(code) || !/[A-Z]/.test(code) || !/\d/.test(code) ? code : fix(code);
    const postcode = isValid(candidate) ? toNormalised(candidate) : null;
    const outcode = isValid(candidate) ? toOutcode(candidate) : null;
    if (postcode !== null && outcode !== null) return { kind: 'postcode', postcode, outcode };
  }
  return { kind: 'invalid' };
}

/**
 * Whether the input is an attempt at a postcode or outcode (valid or not),
 * to be checked with {@link parsePostcode}, rather than a place name to look
 * up: ignoring spaces and punctuation, 2–8 characters of A–Z and 0–9 with at
 * least one digit. `'LL15'`, `'ll15 1aa'` and `'12345'` are; `'Ruthin'`,
 * `'Ruthin LL15'` and `'Pen-y-bont'` are not. Everything parsePostcode
 * accepts looks like a postcode.
 */
export function looksLikePostcode(input: string): boolean {
  const code = compact(input);
  return code.length >= 2 && code.length <= 8 && /^[A-Z0-9]+$/.test(code) && /\d/.test(code);
}
