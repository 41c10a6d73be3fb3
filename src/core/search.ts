import type { Coordinates, Service } from '../contract/directory.ts';
import { boundingBoxAround, cosLatitude, haversine, metresFromHaversine } from './geo.ts';

/**
 * A small in-memory search over directory services, fast enough to run on
 * every keystroke for a whole county's directory (10,000 services in a few
 * milliseconds; see `bench/geo-search.ts`). DOM-free.
 */

// ---------------------------------------------------------------------------
// Normalisation

/** What one code point becomes: letters to keep, a word break, or nothing. */
const SEPARATOR = ' ';
const NOTHING = '';

// Apostrophes join rather than split, so "women's" is found by "womens" and
// Welsh "i'r" stays one word.
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x02bc, 0x60, 0xb4]);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

function foldCodePoint(cp: number): string {
  if (APOSTROPHES.has(cp)) return NOTHING;
  const char = String.fromCodePoint(cp);
  if (MARK.test(char)) return NOTHING;
  // Lower-case first: some capitals ('İ') lower-case to a letter plus a mark.
  let out = '';
  for (const part of char.toLowerCase().normalize('NFD')) {
    if (MARK.test(part) || APOSTROPHES.has(part.codePointAt(0) ?? 0)) continue;
    out += LETTER_OR_NUMBER.test(part) ? part : SEPARATOR;
  }
  return out;
}

// Directory text is mostly ASCII; a table keeps building the index cheap,
// and a cache does the same for the Welsh letters that recur.
const ASCII_ONLY = /^[ -~\t\n\r]*$/;
const ASCII_FOLD: string[] = Array.from({ length: 128 }, (_, cp) => foldCodePoint(cp));
const foldCache = new Map<number, string>();

function fold(cp: number): string {
  const ascii = ASCII_FOLD[cp];
  if (ascii !== undefined) return ascii;
  let out = foldCache.get(cp);
  if (out === undefined) {
    out = foldCodePoint(cp);
    // Bounded, so arbitrary input (e.g. pasted text in many scripts) cannot grow it forever.
    if (foldCache.size < 4096) foldCache.set(cp, out);
  }
  return out;
}

/**
 * Normalised text with, for each of its characters, the range of the
 * original string it came from, so matches found in normalised text can be
 * highlighted in the original.
 */
interface Folded {
  text: string;
  start: number[];
  end: number[];
}

/**
 * Folds one code point at a time (rather than normalising the whole string)
 * so every output character can be traced back; both search and highlighting
 * use this, so they always agree on what matched.
 */
function foldWithOffsets(input: string, withOffsets: boolean): Folded {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const out = fold(cp);
    if (out === NOTHING) {
      // A combining mark belongs with the letter before it, so a highlight
      // never splits 'w' from its circumflex in decomposed text.
      if (withOffsets && end.length > 0 && !pendingSpace && MARK.test(String.fromCodePoint(cp))) end[end.length - 1] = i + width;
    } else {
      // By UTF-16 unit, not code point, so offsets line up with indexes into `text`.
      for (let j = 0; j < out.length; j++) {
        const ch = out.charAt(j);
        if (ch === SEPARATOR) {
          pendingSpace = text.length > 0;
          continue;
        }
        if (pendingSpace) {
          text += SEPARATOR;
          if (withOffsets) {
            start.push(i);
            end.push(i);
          }
          pendingSpace = false;
        }
        text += ch;
        if (withOffsets) {
          start.push(i);
          end.push(i + width);
        }
      }
    }
    i += width;
  }
  return { text, start, end };
}

/**
 * Text reduced for matching: lower case, accents and other combining marks
 * removed (so 'Llŷn' is 'llyn' and 'ŵ' is 'w'), apostrophes dropped, and any
 * run of other punctuation or white space made a single space, trimmed.
 */
export function normaliseText(s: string): string {
  // Same result as folding per code point, much faster for the ASCII-only
  // text that most of a directory is.
  if (ASCII_ONLY.test(s)) return s.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return foldWithOffsets(s, false).text;
}

function words(s: string): string[] {
  const text = normaliseText(s);
  return text === '' ? [] : text.split(SEPARATOR);
}

// ---------------------------------------------------------------------------
// Index

/** Narrows a search; every filter given must hold. */
export interface ServiceFilters {
  /**
   * Services with any of these taxonomy terms, or a term whose parent is one
   * of them. An empty list is no filter (nothing ticked), not "match nothing".
   */
  taxonomyIds?: string[];
  /** Only services known to be free (`free === true`). */
  free?: boolean;
  /** Only services with at least one step-free location. */
  stepFree?: boolean;
  /**
   * Measure from here: each result gets `metres` to its nearest location.
   * With `withinMetres`, services further away or with no coordinates are left out.
   */
  near?: { point: Coordinates; withinMetres?: number };
  /** Keep only services this says are open; injected so search does not depend on the schedule engine. */
  openNow?: (service: Service) => boolean;
}

/** One search hit. */
export interface ServiceSearchResult {
  service: Service;
  /** Higher is better; 0 for an empty query. */
  score: number;
  /** Metres to the nearest location, when `near` was given and the service has coordinates. */
  metres?: number;
}

/** A page of hits and how many there are in all. */
export interface ServiceSearchResponse {
  total: number;
  results: ServiceSearchResult[];
}

/** Which field a word was found in, best first (fits in the postings' low two bits). */
const Field = { Name: 0, Taxonomy: 1, Organization: 2, Description: 3 } as const;
type Field = (typeof Field)[keyof typeof Field];

/**
 * Points for a query word by the best place it matched, as a whole word or
 * as the start of a longer one. Every name match outranks every taxonomy
 * match, and so on down; integers so scores can be packed into sort keys.
 */
const WHOLE_WORD_POINTS = [10, 6, 4, 2] as const;
const PREFIX_POINTS = [8, 5, 3, 1] as const;
const MAX_POINTS = 10;

/**
 * An index of services for search-as-you-type. Words are normalised once, at
 * construction, into a sorted vocabulary with postings, so a query word's
 * prefix matches are one binary search away.
 */
export class ServiceIndex {
  readonly #services: readonly Service[];
  /** Every distinct word, sorted by code unit so words sharing a prefix are adjacent. */
  readonly #vocabulary: string[];
  /** Postings of `#vocabulary[i]` are `#postings[#offsets[i] .. #offsets[i+1])`, each `service * 4 + Field`. */
  readonly #offsets: Int32Array;
  readonly #postings: Int32Array;
  /** Position of each service in name-then-id order, and the inverse. */
  readonly #rank: Int32Array;
  readonly #byRank: Int32Array;
  /** Term ids and parent ids per service, for the taxonomy filter. */
  readonly #termKeys: ReadonlyArray<readonly string[]>;
  readonly #stepFree: Uint8Array;
  /**
   * Coordinates of every located location, flat, for the distance loop:
   * service `s` has entries `#locationOffsets[s] .. #locationOffsets[s+1])`.
   */
  readonly #locationOffsets: Int32Array;
  readonly #lat: Float64Array;
  readonly #lng: Float64Array;
  readonly #cosLat: Float64Array;

  /** The services indexed, as given. */
  get services(): readonly Service[] {
    return this.#services;
  }

  constructor(services: readonly Service[]) {
    this.#services = services;
    const n = services.length;

    // Postings per word, built service by service so each list comes out in
    // service order and a service appears once, with its best field.
    const byWord = new Map<string, number[]>();
    const best = new Map<string, Field>();
    const add = (text: string | undefined, field: Field) => {
      if (text === undefined) return;
      for (const word of words(text)) {
        const previous = best.get(word);
        if (previous === undefined || field < previous) best.set(word, field);
      }
    };
    services.forEach((s, i) => {
      best.clear();
      add(s.name, Field.Name);
      for (const term of s.taxonomyTerms) add(term.name, Field.Taxonomy);
      add(s.organization?.name, Field.Organization);
      add(s.description, Field.Description);
      for (const [word, field] of best) {
        const list = byWord.get(word);
        if (list === undefined) byWord.set(word, [i * 4 + field]);
        else list.push(i * 4 + field);
      }
    });

    this.#vocabulary = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.#offsets = new Int32Array(this.#vocabulary.length + 1);
    let count = 0;
    this.#vocabulary.forEach((word, i) => {
      this.#offsets[i] = count;
      count += byWord.get(word)?.length ?? 0;
    });
    this.#offsets[this.#vocabulary.length] = count;
    this.#postings = new Int32Array(count);
    this.#vocabulary.forEach((word, i) => this.#postings.set(byWord.get(word) ?? [], this.#offsets[i] ?? 0));

    // Collating once here means per-keystroke sorting compares integers, not strings.
    const collator = new Intl.Collator('en');
    const order = services
      .map((service, i) => ({ service, i }))
      .sort((a, b) => {
        const { name: na, id: ia } = a.service;
        const { name: nb, id: ib } = b.service;
        return collator.compare(na, nb) || (ia < ib ? -1 : ia > ib ? 1 : 0) || a.i - b.i;
      });
    this.#byRank = Int32Array.from(order, ({ i }) => i);
    this.#rank = new Int32Array(n);
    order.forEach(({ i }, rank) => (this.#rank[i] = rank));

    this.#termKeys = services.map((s) => s.taxonomyTerms.flatMap((t) => (t.parentId === undefined ? [t.id] : [t.id, t.parentId])));
    this.#stepFree = Uint8Array.from(services, (s) => (s.locations.some((l) => l.stepFree === true) ? 1 : 0));

    const located = services.map((s) => s.locations.flatMap((l) => (l.coordinates === undefined ? [] : [l.coordinates])));
    this.#locationOffsets = new Int32Array(n + 1);
    const flat = located.flat();
    this.#lat = Float64Array.from(flat, (c) => c.lat);
    this.#lng = Float64Array.from(flat, (c) => c.lng);
    this.#cosLat = Float64Array.from(flat, (c) => cosLatitude(c.lat));
    located.forEach((list, s) => (this.#locationOffsets[s + 1] = (this.#locationOffsets[s] ?? 0) + list.length));
  }

  /** Number of services indexed. */
  get size(): number {
    return this.#services.length;
  }

  /** The first vocabulary position whose word is not less than `prefix`. */
  #lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.#vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#vocabulary[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Services matching every word of `query` (each word must start some word
   * of the name, description, organisation name or a taxonomy term name) and
   * every filter, best first: by score, then name (English collation), then
   * id. An empty query matches everything: nearest first when `near` is
   * given (distances equal to the millimetre go by name; services with no
   * coordinates last), otherwise by name. `total` counts all matches before
   * `offset`/`limit` are applied.
   */
  search(query: string, filters: ServiceFilters = {}, options: { limit?: number; offset?: number } = {}): ServiceSearchResponse {
    const n = this.#services.length;
    const queryWords = [...new Set(words(query))];

    // 1. Candidates and scores from the postings.
    let candidates: number[];
    const score = new Int32Array(n);
    if (queryWords.length === 0) {
      candidates = new Array<number>(n);
      for (let r = 0; r < n; r++) candidates[r] = this.#byRank[r] ?? 0;
    } else {
      candidates = [];
      const best = new Uint8Array(n);
      for (const [w, word] of queryWords.entries()) {
        best.fill(0);
        const touched: number[] = [];
        for (let t = this.#lowerBound(word); t < this.#vocabulary.length; t++) {
          const token = this.#vocabulary[t] ?? '';
          if (!token.startsWith(word)) break;
          const points = token.length === word.length ? WHOLE_WORD_POINTS : PREFIX_POINTS;
          const end = this.#offsets[t + 1] ?? 0;
          for (let p = this.#offsets[t] ?? end; p < end; p++) {
            const posting = this.#postings[p] ?? 0;
            const service = posting >> 2;
            const value = points[(posting & 3) as Field];
            const previous = best[service] ?? 0;
            if (previous === 0) touched.push(service);
            if (value > previous) best[service] = value;
          }
        }
        // A service must match every word: keep the intersection.
        candidates = w === 0 ? touched : candidates.filter((s) => (best[s] ?? 0) > 0);
        for (const s of candidates) score[s] = (score[s] ?? 0) + (best[s] ?? 0);
        if (candidates.length === 0) break;
      }
    }

    // 2. Filters, cheapest first; the injected openNow may be costly, so last.
    const wanted = filters.taxonomyIds === undefined || filters.taxonomyIds.length === 0 ? undefined : new Set(filters.taxonomyIds);
    const near = filters.near;
    const within = near?.withinMetres;
    const metres = near === undefined ? undefined : new Float64Array(n);
    const originLat = near?.point.lat ?? 0;
    const originLng = near?.point.lng ?? 0;
    const originCos = cosLatitude(originLat);
    // With a radius, a bounding box turns most far locations away before any
    // trigonometry. A little slack so rounding cannot drop a location that is
    // exactly at the radius; no longitude test if the box was clamped at ±180°.
    const box = near === undefined || within === undefined ? undefined : boundingBoxAround(near.point, within);
    const slack = 1e-9;
    const checkLng = box !== undefined && box.west > -180 && box.east < 180;
    const kept: number[] = [];
    for (const s of candidates) {
      const service = this.#services[s];
      if (service === undefined) continue;
      if (wanted !== undefined && !this.#termKeys[s]?.some((id) => wanted.has(id))) continue;
      if (filters.free === true && service.free !== true) continue;
      if (filters.stepFree === true && this.#stepFree[s] === 0) continue;
      if (metres !== undefined) {
        // Compare haversines and convert only the smallest: same result as
        // taking the least distanceMetres, one asin per service.
        let closest = Infinity;
        for (let l = this.#locationOffsets[s] ?? 0, end = this.#locationOffsets[s + 1] ?? 0; l < end; l++) {
          const lat = this.#lat[l] ?? 0;
          const lng = this.#lng[l] ?? 0;
          if (box !== undefined) {
            if (lat < box.south - slack || lat > box.north + slack) continue;
            if (checkLng && (lng < box.west - slack || lng > box.east + slack)) continue;
          }
          const h = haversine(originLat, originLng, originCos, lat, lng, this.#cosLat[l] ?? 0);
          if (h < closest) closest = h;
        }
        const d = closest === Infinity ? Infinity : metresFromHaversine(closest);
        metres[s] = d;
        if (within !== undefined && !(d <= within)) continue;
      }
      if (filters.openNow !== undefined && !filters.openNow(service)) continue;
      kept.push(s);
    }

    // 3. Order, only as far as the requested page reaches.
    const offset = Math.max(0, Math.floor(options.offset ?? 0)) || 0;
    const limit = options.limit === undefined ? kept.length : Math.max(0, Math.floor(options.limit)) || 0;
    // Each ordering packs its keys into one number per service ending in the
    // name rank, so plain numeric comparison does the work: a typed-array sort
    // or a bounded heap of numbers, far cheaper than a comparator per pair.
    // (Loops rather than Float64Array.from(array, fn), which is far slower in V8.)
    let keys: Float64Array | undefined;
    const rank = this.#rank;
    if (queryWords.length > 0) {
      // Score descending, then name.
      const topScore = MAX_POINTS * queryWords.length;
      keys = new Float64Array(kept.length);
      for (const [i, s] of kept.entries()) keys[i] = (topScore - (score[s] ?? 0)) * n + (rank[s] ?? 0);
    } else if (metres !== undefined) {
      // Distance, to the millimetre so it fits beside the rank exactly in a
      // double (coarser only past ~200,000 services); ties closer than that
      // go by name. Unmeasurable services last.
      const unitsPerMetre = Math.min(1000, Math.floor(2 ** 52 / (n * BEYOND_ANY_DISTANCE_METRES)));
      const unmeasurable = BEYOND_ANY_DISTANCE_METRES * unitsPerMetre;
      keys = new Float64Array(kept.length);
      for (const [i, s] of kept.entries()) {
        const d = metres[s] ?? Infinity;
        keys[i] = (d === Infinity ? unmeasurable : Math.round(d * unitsPerMetre)) * n + (rank[s] ?? 0);
      }
    }
    // Otherwise the candidates (all services, for the empty query) are already in name order.
    let ordered = kept;
    if (keys !== undefined) {
      const sorted = smallestSorted(keys, offset + limit);
      ordered = new Array<number>(sorted.length);
      for (const [i, key] of sorted.entries()) ordered[i] = this.#byRank[key % n] ?? 0;
    }

    // 4. Page.
    const results: ServiceSearchResult[] = [];
    for (const s of ordered.slice(offset, offset + limit)) {
      const service = this.#services[s];
      if (service === undefined) continue;
      const result: ServiceSearchResult = { service, score: score[s] ?? 0 };
      const d = metres?.[s];
      if (d !== undefined && d !== Infinity) result.metres = d;
      results.push(result);
    }
    return { total: kept.length, results };
  }
}

/** More than half the Earth's circumference, so more than any distance. */
const BEYOND_ANY_DISTANCE_METRES = 21_000_000;

/**
 * The `count` smallest keys, ascending. A page of the first 20 of 10,000
 * needs only a bounded max-heap (O(n log count)), not a full sort.
 */
function smallestSorted(keys: Float64Array, count: number): Float64Array {
  if (count >= keys.length) return keys.sort();
  const size = Math.max(0, count);
  const heap = new Float64Array(size);
  let filled = 0;
  for (const key of keys) {
    if (filled < size) {
      // Sift up.
      let i = filled++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const above = heap[parent] ?? 0;
        if (above >= key) break;
        heap[i] = above;
        i = parent;
      }
      heap[i] = key;
    } else if (size > 0 && key < (heap[0] ?? 0)) {
      // Replace the largest and sift down.
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && (heap[right] ?? 0) > (heap[left] ?? 0) ? right : left;
        const below = heap[child] ?? 0;
        if (below <= key) break;
        heap[i] = below;
        i = child;
      }
      heap[i] = key;
    }
  }
  return heap.subarray(0, filled).sort();
}

// ---------------------------------------------------------------------------
// Highlighting

/**
 * Where the query matched in `text`, as `[start, end)` UTF-16 offsets into
 * the original (not normalised) string, in order and not overlapping, so an
 * element can wrap them in `<mark>` via text nodes instead of innerHTML. A
 * word of the text matches when it starts with a query word, the same rule
 * as {@link ServiceIndex.search}; the range covers the matched start only
 * (typing 'caf' marks 'Caf' of 'Caffi'), with any accents on those letters.
 */
export function highlightRanges(text: string, query: string): Array<[number, number]> {
  const queryWords = [...new Set(words(query))];
  if (queryWords.length === 0) return [];
  const folded = foldWithOffsets(text, true);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  while (from < folded.text.length) {
    let to = folded.text.indexOf(SEPARATOR, from);
    if (to === -1) to = folded.text.length;
    const word = folded.text.slice(from, to);
    // The longest matching query word, so 'lun lunch' marks all of 'Lunch'.
    let longest = 0;
    for (const q of queryWords) if (q.length > longest && word.startsWith(q)) longest = q.length;
    const start = folded.start[from];
    const end = folded.end[from + longest - 1];
    if (longest > 0 && start !== undefined && end !== undefined) ranges.push([start, end]);
    from = to + 1;
  }
  return ranges;
}
