import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_THRESHOLD,
  labelRange,
  MINIMUM_SPREAD,
  onlookerRanges,
  publishAverage,
  publishCount,
  publishShare,
  publishStatistic,
  roundCount,
  suppressLine,
  suppressTable,
  type PublishedCount,
  type PublishedTable,
  type Range,
} from '../../src/core/disclosure.ts';

/** Small cells are common in these tables: the interesting case. */
const cellValue = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 400 }));
const tableOf = (maxRows: number, maxColumns: number, cell = cellValue) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
const threshold = fc.constantFrom(2, 3, 7, 10);
/** Small counts, and counts that rounding moves by the most (±2): the ones that pin cells down. */
const edgeValue = fc.oneof(fc.integer({ min: 0, max: 7 }), fc.constantFrom(8, 12, 13, 17, 18, 22, 23));

/** The grid with its margins as the tests see it: truth and label of every position. */
function grid(values: number[][], published: PublishedTable): Array<Array<{ truth: number; shown: PublishedCount }>> {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const rowTotal = (r: number) => (values[r] ?? []).reduce((a, b) => a + b, 0);
  const columnTotal = (c: number) => values.reduce((a, row) => a + (row[c] ?? 0), 0);
  return Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: columns + 1 }, (_, c) => {
      if (r < rows && c < columns) return { truth: values[r]?.[c] ?? 0, shown: published.cells[r]?.[c] as PublishedCount };
      if (r < rows) return { truth: rowTotal(r), shown: published.rowTotals[r] as PublishedCount };
      if (c < columns) return { truth: columnTotal(c), shown: published.columnTotals[c] as PublishedCount };
      return { truth: values.flat().reduce((a, b) => a + b, 0), shown: published.total };
    }),
  );
}

/**
 * An onlooker who tries every whole-number table that fits what is
 * published (written here independently of the module): each inner cell
 * within the range its label allows, each row, column and grand total
 * within its own label's range. Returns, for every position, the set of
 * values it takes across all those tables, or undefined when there are too
 * many tables to try.
 */
function everyConsistentValue(published: PublishedTable, limit: number, cap: number): Set<number>[][] | undefined {
  const rows = published.cells.length;
  const columns = published.columnTotals.length;
  const within = (shown: PublishedCount, value: number) => {
    const range = labelRange(shown, limit);
    return value >= range.lo && value <= range.hi;
  };
  const domains = published.cells.map((row) =>
    row.map((shown) => {
      const range = labelRange(shown, limit);
      const values: number[] = [];
      for (let v = range.lo; v <= Math.min(range.hi, cap); v++) values.push(v);
      return values;
    }),
  );
  const size = domains.flat().reduce((product, domain) => product * domain.length, 1);
  if (size > 300_000) return undefined;
  const seen = Array.from({ length: rows + 1 }, () => Array.from({ length: columns + 1 }, () => new Set<number>()));
  const table = Array.from({ length: rows }, () => Array.from({ length: columns }, () => 0));
  const visit = (index: number) => {
    if (index === rows * columns) {
      const columnTotals = Array.from({ length: columns }, (_, c) => table.reduce((sum, row) => sum + (row[c] as number), 0));
      if (!columnTotals.every((total, c) => within(published.columnTotals[c] as PublishedCount, total))) return;
      const grand = columnTotals.reduce((a, b) => a + b, 0);
      if (!within(published.total, grand)) return;
      table.forEach((row, r) => {
        row.forEach((value, c) => seen[r]?.[c]?.add(value));
        seen[r]?.[columns]?.add(row.reduce((a, b) => a + b, 0));
      });
      columnTotals.forEach((total, c) => seen[rows]?.[c]?.add(total));
      seen[rows]?.[columns]?.add(grand);
      return;
    }
    const r = Math.floor(index / columns);
    const c = index % columns;
    for (const value of domains[r]?.[c] ?? []) {
      (table[r] as number[])[c] = value;
      // A finished row must already fit its total.
      if (c === columns - 1 && !within(published.rowTotals[r] as PublishedCount, (table[r] as number[]).reduce((a, b) => a + b, 0))) continue;
      visit(index + 1);
    }
  };
  visit(0);
  return seen;
}

describe('disclosure: single counts', () => {
  it('rounds to the nearest 5 and shows counts at or below the threshold as small', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 12, 13, 22, 23].map(roundCount), [0, 0, 0, 5, 5, 5, 10, 15, 20, 25]);
    assert.deepEqual(publishCount(0), { kind: 'small' });
    assert.deepEqual(publishCount(7), { kind: 'small' });
    assert.deepEqual(publishCount(8), { kind: 'count', value: 10 });
    assert.deepEqual(publishCount(12), { kind: 'count', value: 10 });
    assert.deepEqual(publishCount(13), { kind: 'count', value: 15 });
    assert.deepEqual(publishCount(3, { threshold: 2 }), { kind: 'count', value: 5 });
    assert.equal(DEFAULT_THRESHOLD, 7);
  });

  it('refuses what is not a count or a threshold', () => {
    assert.throws(() => publishCount(-1), RangeError);
    assert.throws(() => publishCount(2.5), RangeError);
    assert.throws(() => publishCount(3, { threshold: 0 }), RangeError);
    assert.throws(() => suppressTable([[1]], { threshold: 1.5 }), RangeError);
  });

  it('withholds the average of a group at or below the threshold, and rounds the rest to one place', () => {
    assert.deepEqual(publishAverage(21, 7), { kind: 'withheld', n: { kind: 'small' } });
    assert.deepEqual(publishAverage(0, 0), { kind: 'withheld', n: { kind: 'small' } });
    assert.deepEqual(publishAverage(29, 8), { kind: 'average', value: 3.6, n: { kind: 'count', value: 10 } });
    assert.deepEqual(publishStatistic(4.25, 20), { kind: 'average', value: 4.3, n: { kind: 'count', value: 20 } });
    assert.deepEqual(publishStatistic(-0.01, 20), { kind: 'average', value: 0, n: { kind: 'count', value: 20 } });
    assert.deepEqual(publishStatistic(undefined, 20), { kind: 'withheld', n: { kind: 'count', value: 20 } });
    assert.deepEqual(publishStatistic(null, 20), { kind: 'withheld', n: { kind: 'count', value: 20 } });
  });

  it('works out shares from published counts only', () => {
    assert.equal(publishShare({ kind: 'count', value: 15 }, { kind: 'count', value: 60 }), 25);
    assert.equal(publishShare({ kind: 'small' }, { kind: 'count', value: 60 }), undefined);
    assert.equal(publishShare({ kind: 'count', value: 15 }, { kind: 'withheld' }), undefined);
  });

  it('publishes rounded counts within 2 of the truth and never a count at or below the threshold (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), threshold, (n, limit) => {
        const shown = publishCount(n, { threshold: limit });
        if (n <= limit) return shown.kind === 'small';
        return shown.kind === 'count' && shown.value % 5 === 0 && Math.abs(shown.value - n) <= 2;
      }),
    );
  });
});

describe('disclosure: tables', () => {
  it('leaves a small cell alone when rounding already hides it', () => {
    // 50 − 20 − 25 = 5 ± 6: anything from 0 to 7 fits.
    const published = suppressLine([20, 25, 3]);
    assert.deepEqual(published.cells, [{ kind: 'count', value: 20 }, { kind: 'count', value: 25 }, { kind: 'small' }]);
    assert.deepEqual(published.total, { kind: 'count', value: 50 });
  });

  it('hides a second cell of a row when the total would otherwise pin a small one down', () => {
    // 58 + 58 are shown as 60 + 60 and the total 116 as 115: the small cell could only be 0 or 1.
    const published = suppressLine([58, 58, 0]);
    assert.deepEqual(published.cells, [{ kind: 'withheld' }, { kind: 'count', value: 60 }, { kind: 'small' }]);
    assert.deepEqual(published.total, { kind: 'count', value: 115 });
  });

  it('publishes a table with nothing small as rounded counts', () => {
    const published = suppressTable([
      [10, 22],
      [31, 48],
    ]);
    assert.deepEqual(published, {
      cells: [
        [
          { kind: 'count', value: 10 },
          { kind: 'count', value: 20 },
        ],
        [
          { kind: 'count', value: 30 },
          { kind: 'count', value: 50 },
        ],
      ],
      rowTotals: [
        { kind: 'count', value: 30 },
        { kind: 'count', value: 80 },
      ],
      columnTotals: [
        { kind: 'count', value: 40 },
        { kind: 'count', value: 70 },
      ],
      total: { kind: 'count', value: 110 },
    });
  });

  it('hides the total when hiding a neighbour would not help', () => {
    // 8+8+8+8 are shown as 10 each (up by 2), the total 32 as 30 (down by 2):
    // the two small cells could only be 0. A withheld 8 would still be known
    // to be at least 8, so only hiding the total frees them.
    const published = suppressLine([8, 8, 8, 8, 0, 0]);
    assert.deepEqual(published.cells.map((cell) => cell.kind), ['count', 'count', 'count', 'count', 'small', 'small']);
    assert.deepEqual(published.total, { kind: 'withheld' });
  });

  it('hides the total when the small cells could only hold one value each', () => {
    // Four 7s add to 28, shown as 30: every cell would have to be 7.
    const published = suppressLine([7, 7, 7, 7]);
    assert.deepEqual(published.cells, [{ kind: 'small' }, { kind: 'small' }, { kind: 'small' }, { kind: 'small' }]);
    assert.deepEqual(published.total, { kind: 'withheld' });
  });

  it('protects a small cell against its row and its column taken together', () => {
    const values = [
      [8, 8, 0],
      [30, 40, 50],
    ];
    const published = suppressTable(values);
    const ranges = onlookerRanges(published, DEFAULT_THRESHOLD);
    grid(values, published).forEach((line, r) =>
      line.forEach((cell, c) => {
        const range = ranges[r]?.[c] as Range;
        assert.ok(range.lo <= cell.truth && cell.truth <= range.hi);
        if (cell.shown.kind !== 'count') assert.ok(range.hi - range.lo >= MINIMUM_SPREAD - 1, `${r},${c} known within ${range.lo}–${range.hi}`);
      }),
    );
    assert.deepEqual(published.cells[0]?.[2], { kind: 'small' });
    assert.deepEqual(published.total, { kind: 'count', value: 135 });
  });

  it('gives a one-row table the same labels on its column totals as on its cells', () => {
    const published = suppressTable([[20, 25, 3]]);
    assert.deepEqual(published.columnTotals, published.cells[0]);
    assert.deepEqual(published.total, published.rowTotals[0]);
  });

  it('hides margins another table hides, and leaves them unrecoverable from the rest', () => {
    const values = [
      [20, 25, 30],
      [40, 45, 50],
    ];
    const published = suppressTable(values, { withhold: { rowTotals: [true, false] } });
    assert.deepEqual(published.rowTotals[0], { kind: 'withheld' });
    // Rounding of the grand total and the other row total leaves 71–79 for it.
    assert.deepEqual(onlookerRanges(published, DEFAULT_THRESHOLD)[0]?.[3], { lo: 71, hi: 79 });
    assert.deepEqual(suppressTable([[20, 25]], { withhold: { columnTotals: [true, false] } }).cells[0]?.[0], { kind: 'withheld' });
  });

  it('handles an empty table and refuses a ragged one', () => {
    assert.deepEqual(suppressTable([]), { cells: [], rowTotals: [], columnTotals: [], total: { kind: 'small' } });
    assert.throws(() => suppressTable([[1, 2], [3]]), RangeError);
  });

  it('labels every position honestly: counts rounded within 2 and above the threshold, small only when small, withheld only when not (property)', () => {
    fc.assert(
      fc.property(tableOf(6, 6), threshold, (values, limit) => {
        for (const cell of grid(values, suppressTable(values, { threshold: limit })).flat()) {
          if (cell.shown.kind === 'count') {
            assert.ok(cell.truth > limit, `published ${cell.truth}`);
            assert.equal(cell.shown.value % 5, 0);
            assert.ok(Math.abs(cell.shown.value - cell.truth) <= 2);
          }
          if (cell.shown.kind === 'small') assert.ok(cell.truth <= limit);
          if (cell.shown.kind === 'withheld') assert.ok(cell.truth > limit);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a suppressed value be worked out from the published row and column totals, trying every table that fits (property)', () => {
    let tried = 0;
    fc.assert(
      fc.property(tableOf(3, 3, edgeValue), fc.constantFrom(2, 3, 7), (values, limit) => {
        const published = suppressTable(values, { threshold: limit });
        const positions = grid(values, published);
        const cap = values.flat().reduce((a, b) => a + b, 0) + 10;
        const consistent = everyConsistentValue(published, limit, cap);
        if (!consistent) return;
        tried++;
        positions.forEach((line, r) =>
          line.forEach((cell, c) => {
            const values = consistent[r]?.[c] as Set<number>;
            assert.ok(values.has(cell.truth), `the truth ${cell.truth} at ${r},${c} does not fit`);
            if (cell.shown.kind !== 'count') assert.ok(values.size >= 2, `hidden ${cell.truth} at ${r},${c} is the only value that fits`);
          }),
        );
      }),
      { numRuns: 400 },
    );
    assert.ok(tried >= 200, `only ${tried} tables were small enough to try`);
  });

  it('never leaves a hidden value of a large table known to within ±1 under the whole-table constraints (property)', () => {
    fc.assert(
      fc.property(tableOf(8, 12), threshold, (values, limit) => {
        const published = suppressTable(values, { threshold: limit });
        const ranges = onlookerRanges(published, limit);
        grid(values, published).forEach((line, r) =>
          line.forEach((cell, c) => {
            const range = ranges[r]?.[c] as Range;
            assert.ok(range.lo <= cell.truth && cell.truth <= range.hi, `truth ${cell.truth} outside ${range.lo}–${range.hi}`);
            if (cell.shown.kind === 'count') return;
            assert.ok(range.hi > range.lo, `hidden ${cell.truth} pinned at ${r},${c}`);
            // Never within ±1, or all its "N or fewer" label allows when that is less. (With a
            // threshold of 2 or 3, "2 or fewer, 2 or fewer, withheld" says each is at least 1, whatever is hidden.)
            const label = labelRange(cell.shown, limit);
            if (limit >= 7) assert.ok(range.hi - range.lo >= Math.min(MINIMUM_SPREAD - 1, label.hi - label.lo), `hidden ${cell.truth} known within ${range.lo}–${range.hi} at ${r},${c}`);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
