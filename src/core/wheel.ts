import * as z from 'zod/mini';
import type { Service, TaxonomyTerm } from '../contract/directory.ts';
import { normaliseText } from './search.ts';

/**
 * The CLS resource wheel, without the DOM: which ring and segment each
 * service belongs in, keyboard movement between cells, the SVG geometry,
 * and the "my wheel" link encoding.
 *
 * Rings run from the person outwards (`me` is the centre and never holds
 * services); segments are areas of life, clockwise from 12 o'clock. Both
 * are configuration; these are the defaults.
 */

export interface WheelLabel {
  en: string;
  cy: string;
}
export interface WheelRing {
  id: string;
  label: WheelLabel;
}
export interface WheelSegment {
  id: string;
  label: WheelLabel;
}

/** Taxonomy term ids to segment and ring ids. */
export interface WheelMapping {
  segments: Record<string, string>;
  rings: Record<string, string>;
  /** The ring for services with no mapped support-type term. Default `community`. */
  defaultRing?: string;
}

/** Validates a mapping given as JSON (e.g. a `<script type="application/json">` child). */
export const WheelMappingSchema = z.object({
  segments: z.record(z.string(), z.string()),
  rings: z.record(z.string(), z.string()),
  defaultRing: z.optional(z.string()),
});

export interface WheelCell {
  ring: string;
  segment: string;
  services: Service[];
}

export interface WheelModel {
  rings: readonly WheelRing[];
  segments: readonly WheelSegment[];
  /** One per ring × segment, ring-major in `rings` order; empty cells included. */
  cells: WheelCell[];
  /**
   * Services that could not be put in any cell: only possible when the
   * configuration has no segments or no ring other than `me`. Always 0
   * with the defaults.
   */
  unplaced: number;
}

export interface CellPosition {
  ring: string;
  segment: string;
}

/** The centre: the person's own strengths. Holds notes, never services. */
export const ME_RING = 'me';
/** Where services whose terms map to no segment go, so none vanish. */
export const OTHER_SEGMENT = 'other';

/** Inner to outer. */
export const DEFAULT_RINGS: readonly WheelRing[] = [
  { id: ME_RING, label: { en: 'Me', cy: 'Fi' } },
  { id: 'family-and-friends', label: { en: 'Family and friends', cy: 'Teulu a ffrindiau' } },
  { id: 'community', label: { en: 'Community', cy: 'Cymuned' } },
  { id: 'universal-services', label: { en: 'Universal services', cy: 'Gwasanaethau cyffredinol' } },
  { id: 'voluntary-sector', label: { en: 'Voluntary sector', cy: 'Sector gwirfoddol' } },
  { id: 'specialist-support', label: { en: 'Specialist support', cy: 'Cymorth arbenigol' } },
];

/** The Care Act 2014 wellbeing areas, in plain words, clockwise from 12 o'clock; `other` last. */
export const DEFAULT_SEGMENTS: readonly WheelSegment[] = [
  { id: 'health-and-wellbeing', label: { en: 'Health and wellbeing', cy: 'Iechyd a lles' } },
  { id: 'home', label: { en: 'Home', cy: 'Cartref' } },
  { id: 'money', label: { en: 'Money', cy: 'Arian' } },
  { id: 'connections', label: { en: 'Connections', cy: 'Cysylltiadau' } },
  { id: 'getting-out', label: { en: 'Getting out and about', cy: 'Mynd allan' } },
  { id: 'caring', label: { en: 'Caring', cy: 'Gofalu' } },
  { id: 'work-learning-volunteering', label: { en: 'Work, learning and volunteering', cy: 'Gwaith, dysgu a gwirfoddoli' } },
  { id: 'safety', label: { en: 'Safety', cy: 'Diogelwch' } },
  { id: OTHER_SEGMENT, label: { en: 'Other', cy: 'Arall' } },
];

// ---------------------------------------------------------------------------
// Default mapping

/** Tested against a term's normalised name (or id); first match wins. */
const SEGMENT_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['health-and-wellbeing', /\b(health|wellbeing|well being|iechyd|lles)\b/],
  ['money', /\b(money|arian|finance|financial|benefits|debt|cyllid)\b/],
  ['home', /\b(home|homes|housing|cartref|tai)\b/],
  ['connections', /\b(connections?|cysylltiadau|loneliness|lonely|isolation|unigrwydd)\b/],
  ['getting-out', /\b(getting out|out and about|mynd allan|transport|trafnidiaeth|leisure|hamdden)\b/],
  ['caring', /\b(caring|carers?|gofalu|gofalwyr)\b/],
  ['work-learning-volunteering', /\b(work|learning|volunteering|gwaith|dysgu|gwirfoddoli)\b/],
  ['safety', /\b(safety|safe|diogelwch)\b/],
];

/** Anchored at the start, so service types such as "Community transport" don't look like rings. */
const RING_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['family-and-friends', /^(family|friends|teulu|ffrindiau)\b/],
  ['community', /^(community|cymuned|cymunedol|grwp cymunedol|grwpiau cymunedol)( (group|groups|organisations?))?$/],
  ['universal-services', /^(universal|gwasanaeth(au)? cyffredinol)\b/],
  ['voluntary-sector', /^(voluntary|third sector|charit(y|ies)|sector gwirfoddol|trydydd sector|elusen)/],
  ['specialist-support', /^(specialist|paid support|cymorth arbenigol|arbenigol)\b/],
];

const match = (patterns: ReadonlyArray<[string, RegExp]>, text: string) => patterns.find(([, re]) => re.test(text))?.[0];

type Vocabulary = 'segment' | 'ring' | 'child' | undefined;

function vocabularyOf(term: TaxonomyTerm): Vocabulary {
  const taxonomy = normaliseText(term.taxonomy ?? '');
  if (/life area|wellbeing|maes bywyd/.test(taxonomy)) return 'segment';
  if (/support type|ring/.test(taxonomy)) return 'ring';
  if (/service type/.test(taxonomy)) return 'child';
  return undefined;
}

/**
 * A mapping for the default wheel from a feed's own terms, by name (English
 * or Welsh), so it survives the ids changing: life areas → segments,
 * support types → rings, other terms (service types) → their parent's
 * segment. Terms without a vocabulary are tried as rings (anchored names
 * such as "Voluntary sector"), then as areas of life. Unrecognised terms
 * are left out; their services go to `other` and the default ring.
 */
export function defaultMapping(terms: readonly TaxonomyTerm[]): WheelMapping {
  const segments: Record<string, string> = {};
  const rings: Record<string, string> = {};
  const children: TaxonomyTerm[] = [];
  for (const term of terms) {
    const name = normaliseText(term.name);
    const kind = vocabularyOf(term);
    if (kind === 'child' || (kind === undefined && term.parentId !== undefined)) {
      children.push(term);
      continue;
    }
    const ring = kind === 'segment' ? undefined : match(RING_PATTERNS, name);
    const segment = kind === 'ring' || ring !== undefined ? undefined : match(SEGMENT_PATTERNS, name);
    if (ring !== undefined) rings[term.id] = ring;
    if (segment !== undefined) segments[term.id] = segment;
  }
  // Children inherit their parent's place; a parent may itself be a child (nested types).
  for (let pass = 0, changed = true; changed && pass < 8; pass++) {
    changed = false;
    for (const term of children) {
      if (segments[term.id] !== undefined || rings[term.id] !== undefined) continue;
      const parent = term.parentId;
      const segment = parent === undefined ? undefined : segments[parent];
      const ring = parent === undefined ? undefined : rings[parent];
      if (segment !== undefined) segments[term.id] = segment;
      else if (ring !== undefined) rings[term.id] = ring;
      else continue;
      changed = true;
    }
  }
  for (const term of children) {
    if (segments[term.id] !== undefined || rings[term.id] !== undefined) continue;
    const segment = match(SEGMENT_PATTERNS, normaliseText(term.name));
    if (segment !== undefined) segments[term.id] = segment;
  }
  return { segments, rings };
}

// ---------------------------------------------------------------------------
// Building the wheel

/** Every taxonomy term the services carry, once per id (the last copy seen), in the order first seen. */
export function feedTerms(services: readonly Service[]): TaxonomyTerm[] {
  return [...new Map(services.flatMap((service) => service.taxonomyTerms).map((term) => [term.id, term])).values()];
}

/** The id of a cell, for DOM ids and map keys. */
export const cellId = (ring: string, segment: string) => `${ring}--${segment}`;

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const byName = (a: Service, b: Service) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every service in exactly one cell: the segment of its first term the
 * mapping places (else `other`; else, when the configuration has no
 * `other`, the last segment), and the ring of its first term the mapping
 * places (else `mapping.defaultRing`, else `community`, else the innermost
 * ring that isn't `me`). Never the `me` ring. Services sorted by name.
 */
export function buildWheel(
  services: readonly Service[],
  mapping: WheelMapping,
  rings: readonly WheelRing[] = DEFAULT_RINGS,
  segments: readonly WheelSegment[] = DEFAULT_SEGMENTS,
): WheelModel {
  const cells: WheelCell[] = [];
  const byId = new Map<string, WheelCell>();
  for (const ring of rings) {
    for (const segment of segments) {
      const cell: WheelCell = { ring: ring.id, segment: segment.id, services: [] };
      cells.push(cell);
      byId.set(cellId(ring.id, segment.id), cell);
    }
  }
  const segmentIds = new Set(segments.map((s) => s.id));
  const ringIds = new Set(rings.filter((r) => r.id !== ME_RING).map((r) => r.id));
  const fallbackSegment = segmentIds.has(OTHER_SEGMENT) ? OTHER_SEGMENT : segments.at(-1)?.id;
  const fallbackRing = [mapping.defaultRing, 'community', rings.find((r) => r.id !== ME_RING)?.id].find(
    (id): id is string => id !== undefined && ringIds.has(id),
  );

  let unplaced = 0;
  for (const service of services) {
    let segment: string | undefined;
    let ring: string | undefined;
    for (const term of service.taxonomyTerms) {
      const s = Object.hasOwn(mapping.segments, term.id) ? mapping.segments[term.id] : undefined;
      const r = Object.hasOwn(mapping.rings, term.id) ? mapping.rings[term.id] : undefined;
      if (segment === undefined && s !== undefined && segmentIds.has(s)) segment = s;
      if (ring === undefined && r !== undefined && ringIds.has(r)) ring = r;
    }
    segment ??= fallbackSegment;
    ring ??= fallbackRing;
    const cell = ring === undefined || segment === undefined ? undefined : byId.get(cellId(ring, segment));
    if (cell) cell.services.push(service);
    else unplaced++;
  }
  for (const cell of cells) cell.services.sort(byName);
  return { rings, segments, cells, unplaced };
}

/** How many of `matchingIds` fall in each cell, keyed by {@link cellId}; every cell has an entry. */
export function matchCounts(model: WheelModel, matchingIds: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of model.cells) {
    counts.set(cellId(cell.ring, cell.segment), cell.services.reduce((n, s) => n + (matchingIds.has(s.id) ? 1 : 0), 0));
  }
  return counts;
}

// ---------------------------------------------------------------------------
// Keyboard

export type WheelKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The cell a key moves to in a roving-tabindex wheel: Left/Right go round
 * the segments (anticlockwise/clockwise, wrapping), Up one ring outwards
 * and Down one ring inwards (clamped; never into `me`), Home/End the first
 * and last segment. An unknown position starts from the first segment and
 * innermost ring other than `me`.
 */
export function moveCell(
  current: CellPosition,
  key: WheelKey,
  rings: readonly WheelRing[],
  segments: readonly WheelSegment[],
): CellPosition {
  const movable = rings.filter((r) => r.id !== ME_RING);
  if (movable.length === 0 || segments.length === 0) return current;
  let r = Math.max(0, movable.findIndex((x) => x.id === current.ring));
  let s = Math.max(0, segments.findIndex((x) => x.id === current.segment));
  const n = segments.length;
  switch (key) {
    case 'ArrowRight': s = (s + 1) % n; break;
    case 'ArrowLeft': s = (s - 1 + n) % n; break;
    case 'ArrowUp': r = Math.min(r + 1, movable.length - 1); break;
    case 'ArrowDown': r = Math.max(r - 1, 0); break;
    case 'Home': s = 0; break;
    case 'End': s = n - 1; break;
  }
  return { ring: movable[r]?.id ?? current.ring, segment: segments[s]?.id ?? current.segment };
}

// ---------------------------------------------------------------------------
// SVG geometry. Angles in radians, clockwise from 12 o'clock; SVG y points down.

export interface Point {
  x: number;
  y: number;
}

const TAU = 2 * Math.PI;
/** Rounded to 3 decimals, no `-0`. */
const num = (n: number) => String(Math.round(n * 1000) / 1000 + 0);

/** The point at `radius` and `angle` from (cx, cy). */
export function polar(cx: number, cy: number, radius: number, angle: number): Point {
  return { x: cx + radius * Math.sin(angle), y: cy - radius * Math.cos(angle) };
}

/**
 * An SVG path `d` for the annular sector between the two radii and angles
 * (a pie slice when `innerRadius` is 0). A sweep of a full turn or more is
 * drawn as a whole ring (two half arcs each way).
 */
export function arcPath(cx: number, cy: number, innerRadius: number, outerRadius: number, startAngle: number, endAngle: number): string {
  const sweep = endAngle - startAngle;
  const pt = (r: number, a: number) => {
    const p = polar(cx, cy, r, a);
    return `${num(p.x)} ${num(p.y)}`;
  };
  if (sweep >= TAU - 1e-9) {
    const circle = (r: number, dir: 0 | 1) =>
      `M ${pt(r, 0)} A ${num(r)} ${num(r)} 0 1 ${dir} ${pt(r, Math.PI)} A ${num(r)} ${num(r)} 0 1 ${dir} ${pt(r, 0)} Z`;
    return innerRadius > 0 ? `${circle(outerRadius, 1)} ${circle(innerRadius, 0)}` : circle(outerRadius, 1);
  }
  const large = sweep > Math.PI ? 1 : 0;
  const outer = `M ${pt(outerRadius, startAngle)} A ${num(outerRadius)} ${num(outerRadius)} 0 ${large} 1 ${pt(outerRadius, endAngle)}`;
  if (innerRadius <= 0) return `${outer} L ${num(cx)} ${num(cy)} Z`;
  return `${outer} L ${pt(innerRadius, endAngle)} A ${num(innerRadius)} ${num(innerRadius)} 0 ${large} 0 ${pt(innerRadius, startAngle)} Z`;
}

/** The centre of a cell: mid-radius, mid-angle. */
export function labelPoint(cx: number, cy: number, innerRadius: number, outerRadius: number, startAngle: number, endAngle: number): Point {
  return polar(cx, cy, (innerRadius + outerRadius) / 2, (startAngle + endAngle) / 2);
}

/** `count` equal sectors, the first starting at 12 o'clock. */
export function segmentAngles(count: number): Array<{ start: number; end: number }> {
  const n = Math.floor(count);
  if (!(n >= 1)) return [];
  return Array.from({ length: n }, (_, i) => ({ start: (i * TAU) / n, end: ((i + 1) * TAU) / n }));
}

/**
 * `count` rings of equal width from `innerRadius` out to `outerRadius`,
 * inner first. With `innerRadius` 0 (the default) the first is the centre disc.
 */
export function ringRadii(count: number, outerRadius: number, innerRadius = 0): Array<{ inner: number; outer: number }> {
  const n = Math.floor(count);
  if (!(n >= 1)) return [];
  const step = (outerRadius - innerRadius) / n;
  return Array.from({ length: n }, (_, i) => {
    const inner = innerRadius + i * step;
    return { inner, outer: inner + step };
  });
}

/** The wheel's measurements, in SVG user units. */
export interface WheelDrawing {
  /** The square drawing's width and height. */
  size: number;
  /** Radius of the centre disc, the person ("me"). */
  meRadius: number;
  /** Outer edge of the outermost ring. */
  outerRadius: number;
  /** Gap between the rim and the segment names. */
  labelGap: number;
  /** Line height of a segment name's lines. */
  lineHeight: number;
  /** Longest line of a segment name, in characters, before it wraps (Welsh names run longer). */
  lineChars: number;
}

/** The wheel as drawn: a square 760 across, the person's disc, the rings round it, names outside the rim. */
export const WHEEL_DRAWING: Readonly<WheelDrawing> = {
  size: 760,
  meRadius: 58,
  outerRadius: 222,
  labelGap: 16,
  lineHeight: 22,
  lineChars: 12,
};

/** Hues of the segments, clockwise; they repeat past the ninth. */
const SEGMENT_HUES = [205, 145, 35, 280, 10, 175, 330, 90, 0] as const;

/** The fill of a cell: its segment's hue, darker for each ring outwards (`ring` 0 is the innermost ring round "me"). */
export function cellFill(segment: number, ring: number): string {
  const hue = SEGMENT_HUES[segment % SEGMENT_HUES.length] ?? 0;
  return `hsl(${hue} 60% ${88 - ring * 7}%)`;
}

/** One cell as drawn: ring `ring` (0 innermost, outside "me") of segment `segment`. */
export interface CellShape {
  segment: number;
  ring: number;
  /** SVG path `d`. */
  path: string;
  /** Where its count goes: mid-radius, mid-angle. */
  centre: Point;
  fill: string;
}

/** The whole drawing: the centre, the segments' angles, and every cell, segment by segment, inner ring first. */
export interface WheelLayout {
  size: number;
  centre: Point;
  meRadius: number;
  segments: Array<{ start: number; end: number }>;
  cells: CellShape[];
}

/**
 * The drawing for `ringCount` rings outside "me" and `segmentCount`
 * segments: rings of equal width from the centre disc to the rim, segments
 * of equal angle clockwise from 12 o'clock.
 */
export function wheelLayout(ringCount: number, segmentCount: number, drawing: Readonly<WheelDrawing> = WHEEL_DRAWING): WheelLayout {
  const c = drawing.size / 2;
  const radii = ringRadii(ringCount, drawing.outerRadius, drawing.meRadius);
  const segments = segmentAngles(segmentCount);
  const cells: CellShape[] = [];
  segments.forEach(({ start, end }, segment) => {
    radii.forEach(({ inner, outer }, ring) => {
      cells.push({
        segment,
        ring,
        path: arcPath(c, c, inner, outer, start, end),
        centre: labelPoint(c, c, inner, outer, start, end),
        fill: cellFill(segment, ring),
      });
    });
  });
  return { size: drawing.size, centre: { x: c, y: c }, meRadius: drawing.meRadius, segments, cells };
}

/** WCAG 2.2 target size (2.5.8, AA), in CSS pixels. */
export const MIN_TARGET_PX = 24;

/** A kiosk's target size (WCAG 2.5.5, AAA): the size its shared styles give every control. */
export const KIOSK_MIN_TARGET_PX = 44;

/**
 * Whether every cell of a wheel drawn `widthPx` wide is at least
 * `minTargetPx` deep and long: the narrowest ring's depth and the
 * innermost cell's inner arc, scaled from the drawing to the screen. A
 * wheel that does not fit hands over to the list view (cells side by side
 * cannot use the spacing exception).
 */
export function wheelTargetsFit(
  widthPx: number,
  ringCount: number,
  segmentCount: number,
  minTargetPx: number = MIN_TARGET_PX,
  drawing: Readonly<WheelDrawing> = WHEEL_DRAWING,
): boolean {
  const radii = ringRadii(ringCount, drawing.outerRadius, drawing.meRadius);
  const first = radii[0];
  if (!first || segmentCount < 1) return false;
  const depth = first.outer - first.inner;
  const arc = (first.inner * TAU) / Math.floor(segmentCount);
  return (Math.min(depth, arc) * widthPx) / drawing.size >= minTargetPx;
}

/** Words joined onto lines of at most `maxChars` characters; a longer word has a line to itself. */
export function wrapWords(text: string, maxChars: number = WHEEL_DRAWING.lineChars): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A segment's name placed outside the rim. */
export interface SegmentLabelLayout {
  /** SVG `text-anchor`: the side of the wheel the name hangs from. */
  anchor: 'start' | 'middle' | 'end';
  lines: Array<{ text: string; x: number; y: number }>;
}

/**
 * Where a segment's name goes: beyond the rim at the segment's mid-angle,
 * wrapped onto short lines, anchored away from the wheel (centred at the top
 * and bottom), and stacked upwards above the wheel, downwards below it and
 * centred on the sides, so no line runs into the rings.
 */
export function segmentLabelLayout(
  text: string,
  startAngle: number,
  endAngle: number,
  drawing: Readonly<WheelDrawing> = WHEEL_DRAWING,
): SegmentLabelLayout {
  const lines = wrapWords(text, drawing.lineChars);
  const mid = (startAngle + endAngle) / 2;
  const c = drawing.size / 2;
  const { x, y } = polar(c, c, drawing.outerRadius + drawing.labelGap, mid);
  const sin = Math.sin(mid);
  const cos = Math.cos(mid);
  const anchor = Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'start' : 'end';
  const height = (lines.length - 1) * drawing.lineHeight;
  // Above the wheel the last line sits at the rim point; below it the first
  // hangs 16 below; at the sides the lines are centred on it (less 6 for the cap height).
  const top = y - (cos > 0.3 ? height : cos < -0.3 ? -16 : height / 2 - 6);
  return { anchor, lines: lines.map((line, index) => ({ text: line, x, y: top + index * drawing.lineHeight })) };
}

// ---------------------------------------------------------------------------
// "My wheel" links

/** The most resource ids a plan link carries. */
export const MAX_PLAN_IDS = 200;

/** Lone surrogates made U+FFFD, so `encodeURIComponent` can't throw. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * Resource ids as URL-safe text: each percent-encoded (so commas in ids are
 * safe), comma-joined, duplicates and blank ids dropped, order kept, at most
 * {@link MAX_PLAN_IDS}.
 */
export function encodePlan(ids: readonly string[]): string {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.size >= MAX_PLAN_IDS) break;
    const clean = wellFormed(id);
    if (clean.trim() !== '') seen.add(clean);
  }
  return [...seen].map(encodeURIComponent).join(',');
}

/** The ids of a plan link; ignores blank and malformed pieces and duplicates, at most {@link MAX_PLAN_IDS}. Never throws. */
export function decodePlan(text: string | null | undefined): string[] {
  if (typeof text !== 'string' || text === '') return [];
  const seen = new Set<string>();
  for (const piece of text.split(',')) {
    if (seen.size >= MAX_PLAN_IDS) break;
    let id: string;
    try {
      id = decodeURIComponent(piece);
    } catch {
      continue;
    }
    if (id.trim() !== '') seen.add(id);
  }
  return [...seen];
}
