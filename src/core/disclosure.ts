/**
 * Statistical disclosure control for published figures: a commissioner's
 * report must never let anyone work out a small number of people.
 *
 * - A count at or below the threshold (default 7) is shown as "7 or fewer"
 *   (`small`), never as a number, zero included.
 * - Every other count is rounded to the nearest 5, so it is within 2 of
 *   the truth.
 * - In a table published with its row totals, column totals and grand
 *   total, a hidden cell must not be recoverable from what is published:
 *   more cells are hidden (`withheld`) until no hidden cell can be narrowed
 *   to fewer than three values (known to within ±1), or to less than its
 *   own label already allows when that is less (a "2 or fewer"). "Consistent" is worked out over the whole table at once
 *   (every row and column constraint, the margins included, propagated to
 *   a fixed point), not one line at a time, so a cell cannot be pinned by
 *   combining a row with a column either.
 * - An average (or median, or change) of a group at or below the threshold
 *   is withheld.
 *
 * What an onlooker knows about each cell from its label alone: a published
 * count `v` means the truth is in [v − 2, v + 2] and above the threshold; a
 * "7 or fewer" means [0, threshold]; a withheld cell is above the threshold
 * (else it would say "7 or fewer").
 *
 * DOM-free and shared by the server (which suppresses before anything leaves
 * it, JSON and CSV alike) and the element (which only renders what came).
 */

export const DEFAULT_THRESHOLD = 7;
/** Counts are rounded to a multiple of this. */
export const ROUNDING_BASE = 5;
/** Largest distance between a published count and the truth: half the base, rounded down. */
export const ROUNDING_ERROR = Math.floor(ROUNDING_BASE / 2);

/** A count as published. */
export type PublishedCount =
  | { kind: 'count'; value: number }
  /** At or below the threshold ("7 or fewer"). */
  | { kind: 'small' }
  /** Above the threshold, hidden so that a small cell cannot be worked out from totals ("withheld"). */
  | { kind: 'withheld' };

/** An average (or other statistic of a group) as published: withheld for groups at or below the threshold. */
export type PublishedAverage = { kind: 'average'; value: number; n: PublishedCount } | { kind: 'withheld'; n: PublishedCount };

export interface DisclosureOptions {
  /** Counts at or below this are never published. A whole number ≥ 1; default {@link DEFAULT_THRESHOLD}. */
  threshold?: number;
}

/** Margins of a table to hide from the start: another table that shares them hides them (see `suppressTable`). */
export interface Withhold {
  rowTotals?: readonly boolean[];
  columnTotals?: readonly boolean[];
  total?: boolean;
}

/**
 * The threshold in force. At least 1: with 0, "0 or fewer" would publish
 * the value itself.
 */
export function thresholdOf(options: DisclosureOptions = {}): number {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`The disclosure threshold must be a whole number ≥ 1, not ${threshold}`);
  return threshold;
}

/** `n` rounded to the nearest multiple of {@link ROUNDING_BASE}. */
export function roundCount(n: number): number {
  return Math.round(n / ROUNDING_BASE) * ROUNDING_BASE;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number ≥ 0, not ${n}`);
}

/** One count on its own (no published total it adds up to): primary suppression and rounding. */
export function publishCount(n: number, options?: DisclosureOptions): PublishedCount {
  checkCount(n);
  return n <= thresholdOf(options) ? { kind: 'small' } : { kind: 'count', value: roundCount(n) };
}

/** The mean of a group of `n` with values adding to `sum`, to one decimal place, or withheld when `n` is at or below the threshold. */
export function publishAverage(sum: number, n: number, options?: DisclosureOptions): PublishedAverage {
  checkCount(n);
  if (!Number.isFinite(sum)) return { kind: 'withheld', n: publishCount(n, options) };
  return publishStatistic(n === 0 ? undefined : sum / n, n, options);
}

/** A statistic (a median, a change) of a group of `n`, to one decimal place, withheld when `n` is at or below the threshold. */
export function publishStatistic(value: number | undefined | null, n: number, options?: DisclosureOptions): PublishedAverage {
  checkCount(n);
  const count = publishCount(n, options);
  if (value === undefined || value === null || !Number.isFinite(value) || n <= thresholdOf(options)) return { kind: 'withheld', n: count };
  // `+ 0` turns a −0 from rounding a small negative change into 0.
  return { kind: 'average', value: Math.round(value * 10) / 10 + 0, n: count };
}

/** A share in whole per cent, worked out from published counts only, so it tells nothing the counts do not. */
export function publishShare(part: PublishedCount, whole: PublishedCount): number | undefined {
  if (part.kind !== 'count' || whole.kind !== 'count' || whole.value === 0) return undefined;
  return Math.round((Math.min(part.value, whole.value) / whole.value) * 100);
}

/** The published count as a number when it is one (charts draw only what is published). */
export function countValue(count: PublishedCount): number | undefined {
  return count.kind === 'count' ? count.value : undefined;
}

/** A table of counts as published: its cells, each row's and column's total, and the grand total. */
export interface PublishedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

/** A list of counts adding up to a total (one line of a table), as published. */
export interface PublishedLine {
  cells: PublishedCount[];
  total: PublishedCount;
}

/** The values an onlooker cannot rule out for one cell; `hi` may be Infinity. */
export interface Range {
  lo: number;
  hi: number;
}

/** The range an onlooker reads off one cell's label alone (see the top of this module). */
export function labelRange(shown: PublishedCount, threshold: number): Range {
  if (shown.kind === 'small') return { lo: 0, hi: threshold };
  if (shown.kind === 'withheld') return { lo: threshold + 1, hi: Infinity };
  return { lo: Math.max(threshold + 1, shown.value - ROUNDING_ERROR), hi: shown.value + ROUNDING_ERROR };
}

/**
 * What an onlooker can say about every cell of a published table, margins
 * included: the grid is (rows + 1) × (columns + 1), with the row totals in
 * the last column, the column totals in the last row and the grand total in
 * the corner. Each label's range is narrowed by every "cells add up to
 * their total" constraint, repeatedly, until nothing changes. The result
 * always contains the truth (each step only drops values that would break a
 * constraint), so a hidden cell whose range is one value is given away.
 */
export function onlookerRanges(published: PublishedTable, threshold: number): Range[][] {
  const rows = published.cells.length;
  const columns = published.columnTotals.length;
  const label = (r: number, c: number): PublishedCount => {
    if (r < rows && c < columns) return published.cells[r]?.[c] as PublishedCount;
    if (r < rows) return published.rowTotals[r] as PublishedCount;
    if (c < columns) return published.columnTotals[c] as PublishedCount;
    return published.total;
  };
  const ranges = Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: columns + 1 }, (_, c) => labelRange(label(r, c), threshold)));
  narrow(ranges, rows, columns);
  return ranges;
}

type Position = readonly [number, number];

/** Every "cells add up to the total" line of a grid with margins: each row and each column, the margins' own included. */
function linesOf(rows: number, columns: number): Array<{ cells: Position[]; total: Position }> {
  const lines: Array<{ cells: Position[]; total: Position }> = [];
  for (let r = 0; r <= rows; r++) lines.push({ cells: Array.from({ length: columns }, (_, c) => [r, c] as const), total: [r, columns] });
  for (let c = 0; c <= columns; c++) lines.push({ cells: Array.from({ length: rows }, (_, r) => [r, c] as const), total: [rows, c] });
  return lines;
}

/** Propagates the line constraints over `ranges` (in place) to a fixed point. */
function narrow(ranges: Range[][], rows: number, columns: number): void {
  const lines = linesOf(rows, columns);
  const get = ([r, c]: Position) => (ranges[r] as Range[])[c] as Range;
  // Each pass only ever raises a `lo` or lowers a `hi` by whole numbers, and never past the
  // truth, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (!line.cells.length) continue;
      const total = get(line.total);
      const cells = line.cells.map(get);
      const sumLo = cells.reduce((sum, range) => sum + range.lo, 0);
      const sumHi = cells.reduce((sum, range) => sum + range.hi, 0);
      if (sumLo > total.lo) {
        total.lo = sumLo;
        changed = true;
      }
      if (sumHi < total.hi) {
        total.hi = sumHi;
        changed = true;
      }
      const unbounded = cells.filter((range) => range.hi === Infinity).length;
      const finiteHi = cells.reduce((sum, range) => (range.hi === Infinity ? sum : sum + range.hi), 0);
      for (const cell of cells) {
        // An unbounded neighbour bounds nothing (and Infinity − Infinity is NaN).
        const othersHi = unbounded - (cell.hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (cell.hi === Infinity ? 0 : cell.hi);
        const othersLo = sumLo - cell.lo;
        const lo = total.lo - othersHi;
        const hi = total.hi - othersLo;
        if (lo > cell.lo) {
          cell.lo = lo;
          changed = true;
        }
        if (hi < cell.hi) {
          cell.hi = hi;
          changed = true;
        }
      }
    }
  }
}

const publish = (state: State, value: number): PublishedCount => (state === 'published' ? { kind: 'count', value: roundCount(value) } : { kind: state });

type State = 'published' | 'small' | 'withheld';

/** The fewest values an onlooker must be left unable to choose between for a hidden cell: it is never known to within ±1. */
export const MINIMUM_SPREAD = 3;

/**
 * Whether what can be worked out about a hidden cell gives it away: fewer
 * than {@link MINIMUM_SPREAD} values fit, unless its own label already
 * allows no more (a "2 or fewer").
 */
function givenAway(range: Range, label: Range): boolean {
  return range.hi - range.lo < Math.min(MINIMUM_SPREAD - 1, label.hi - label.lo);
}

/**
 * Suppresses a table of counts (rows × columns) together with its row
 * totals, column totals and grand total, which are the true sums of the
 * cells; see the top of this module for the rules.
 */
export function suppressTable(values: readonly (readonly number[])[], options?: DisclosureOptions & { withhold?: Withhold }): PublishedTable {
  const threshold = thresholdOf(options);
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  for (const row of values) {
    if (row.length !== columns) throw new RangeError('Every row of a table needs the same number of cells');
    for (const value of row) checkCount(value);
  }
  const grid: number[][] = [];
  for (let r = 0; r <= rows; r++) {
    const line: number[] = [];
    for (let c = 0; c <= columns; c++) {
      if (r < rows && c < columns) line.push(values[r]?.[c] ?? 0);
      else if (r < rows) line.push((values[r] ?? []).reduce((sum, value) => sum + value, 0));
      else if (c < columns) line.push(values.reduce((sum, row) => sum + (row[c] ?? 0), 0));
      else line.push(values.reduce((sum, row) => sum + row.reduce((s, v) => s + v, 0), 0));
    }
    grid.push(line);
  }
  const state: State[][] = grid.map((line) => line.map((value) => (value <= threshold ? 'small' : 'published')));
  // With one row the column totals are the cells themselves (and the grand total the row
  // total), so they must say the same: every position is read and hidden through its own.
  const own = ([r, c]: Position): Position => [rows === 1 && r === 1 ? 0 : r, columns === 1 && c === 1 ? 0 : c];
  const valueAt = ([r, c]: Position) => (grid[r] as number[])[c] as number;
  const stateAt = (position: Position) => {
    const [r, c] = own(position);
    return (state[r] as State[])[c] as State;
  };
  // Two tables that share a margin (the same totals) must hide it in both, or one gives away
  // what the other hides: a caller suppresses both until neither hides more.
  const withhold = options?.withhold;
  const force = (r: number, c: number, hidden: boolean | undefined) => {
    const [or, oc] = own([r, c]);
    if (hidden && (state[or] as State[])[oc] === 'published') (state[or] as State[])[oc] = 'withheld';
  };
  for (let r = 0; r < rows; r++) force(r, columns, withhold?.rowTotals?.[r]);
  for (let c = 0; c < columns; c++) force(rows, c, withhold?.columnTotals?.[c]);
  force(rows, columns, withhold?.total);
  const isMargin = ([r, c]: Position) => r === rows || c === columns;
  const lines = linesOf(rows, columns);
  const linesThrough = ([r, c]: Position) => lines.filter((line) => [...line.cells, line.total].some(([lr, lc]) => lr === r && lc === c));

  const table = (): PublishedTable => ({
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => publish(stateAt([r, c]), valueAt([r, c])))),
    rowTotals: Array.from({ length: rows }, (_, r) => publish(stateAt([r, columns]), valueAt([r, columns]))),
    columnTotals: Array.from({ length: columns }, (_, c) => publish(stateAt([rows, c]), valueAt([rows, c]))),
    total: publish(stateAt([rows, columns]), valueAt([rows, columns])),
  });

  // Hide one more cell while any hidden cell is given away. Each round hides
  // one cell or stops, so this ends (at worst with everything hidden).
  for (;;) {
    const ranges = onlookerRanges(table(), threshold);
    let pinned: Position | undefined;
    for (let r = 0; r <= rows && !pinned; r++) {
      for (let c = 0; c <= columns && !pinned; c++) {
        const range = (ranges[r] as Range[])[c] as Range;
        if (stateAt([r, c]) !== 'published' && givenAway(range, labelRange(publish(stateAt([r, c]), 0), threshold))) pinned = [r, c];
      }
    }
    if (!pinned) break;
    // Hide a published cell on a line through the given-away one: the one that frees it most
    // (hiding a neighbour can help nothing when only the total pins it), then an inner cell
    // before a total (totals are the figures people read), then the smallest (the least
    // lost), then the first.
    const onItsLines = linesThrough(pinned).flatMap((line) => [...line.cells, line.total]);
    const published = (positions: Position[]) => positions.filter((position) => stateAt(position) === 'published');
    let candidates = published(onItsLines);
    if (!candidates.length) candidates = published(grid.flatMap((line, r) => line.map((_, c) => [r, c] as const)));
    if (!candidates.length) break;
    const [pr, pc] = pinned;
    const freed = new Map<Position, number>();
    for (const candidate of candidates) {
      const [r, c] = own(candidate);
      (state[r] as State[])[c] = 'withheld';
      const range = (onlookerRanges(table(), threshold)[pr] as Range[])[pc] as Range;
      freed.set(candidate, Math.min(range.hi - range.lo, MINIMUM_SPREAD - 1));
      (state[r] as State[])[c] = 'published';
    }
    candidates.sort(
      (a, b) =>
        (freed.get(b) ?? 0) - (freed.get(a) ?? 0) || Number(isMargin(a)) - Number(isMargin(b)) || valueAt(a) - valueAt(b) || a[0] - b[0] || a[1] - b[1],
    );
    const [r, c] = own(candidates[0] as Position);
    (state[r] as State[])[c] = 'withheld';
  }
  return table();
}

/** Suppresses a list of counts that add up to a published total (one line of a table). */
export function suppressLine(values: readonly number[], options?: DisclosureOptions): PublishedLine {
  const table = suppressTable([values], options);
  return { cells: table.cells[0] ?? [], total: table.rowTotals[0] ?? table.total };
}
