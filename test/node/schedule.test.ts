import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type { Schedule } from '../../src/contract/directory.ts';
import type { Occurrence } from '../../src/core/schedule.ts';
import {
  WEEKDAYS,
  isOpenNow,
  londonInstant,
  londonParts,
  nextOccurrences,
  occurrencesBetween,
  weekdayOf,
} from '../../src/core/schedule.ts';

const utc = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
/** The fields most tests compare: London date and UTC start/end. */
const brief = (list: Occurrence[]) => list.map((o) => [o.date, iso(o.start), iso(o.end)]);
const dates = (list: Occurrence[]) => list.map((o) => o.date);

// An independent view of London wall time: a fresh formatter, not the module's.
const referenceFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
function referenceWall(instant: Date) {
  const part = (type: string) => referenceFormat.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    second: Number(part('second')),
  };
}

/** Calendar helpers on `YYYY-MM-DD` strings, via UTC (never local time). */
const dayMs = 86_400_000;
const toDays = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs;
const fromDays = (days: number) => new Date(days * dayMs).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => fromDays(toDays(date) + n);

describe('weekdayOf', () => {
  it('names the weekday of a calendar date', () => {
    assert.equal(weekdayOf('1970-01-01'), 'TH');
    assert.equal(weekdayOf('2026-03-29'), 'SU');
    assert.equal(weekdayOf('2000-02-29'), 'TU');
    assert.equal(weekdayOf('2026-11-23'), 'MO');
    assert.equal(weekdayOf('1899-12-31'), 'SU');
  });

  it('agrees with the UTC calendar for arbitrary dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 80_000 }), (days) => {
        const date = fromDays(days);
        assert.equal(weekdayOf(date), WEEKDAYS[(new Date(days * dayMs).getUTCDay() + 6) % 7]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses malformed or impossible dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '']) {
      assert.throws(() => weekdayOf(bad), RangeError, bad);
    }
  });
});

describe('londonParts', () => {
  it('is UTC in winter and an hour ahead in summer, across midnight', () => {
    assert.deepEqual(londonParts(utc('2026-01-15T23:30:15Z')), {
      date: '2026-01-15', time: '23:30', year: 2026, month: 1, day: 15, hour: 23, minute: 30, second: 15, weekday: 'TH', offsetMinutes: 0,
    });
    assert.deepEqual(londonParts(utc('2026-07-01T23:30:00Z')), {
      date: '2026-07-02', time: '00:30', year: 2026, month: 7, day: 2, hour: 0, minute: 30, second: 0, weekday: 'TH', offsetMinutes: 60,
    });
  });

  it('changes offset exactly at 01:00 UTC on the clock-change Sundays', () => {
    assert.equal(londonParts(utc('2026-03-29T00:59:59Z')).time, '00:59');
    assert.equal(londonParts(utc('2026-03-29T01:00:00Z')).time, '02:00');
    assert.equal(londonParts(utc('2026-03-29T01:00:00Z')).offsetMinutes, 60);
    assert.equal(londonParts(utc('2026-10-25T00:59:59Z')).time, '01:59');
    assert.equal(londonParts(utc('2026-10-25T01:00:00Z')).time, '01:00');
    assert.equal(londonParts(utc('2026-10-25T01:00:00Z')).offsetMinutes, 0);
  });

  it('agrees with Intl for arbitrary instants 1900–2100', () => {
    fc.assert(
      fc.property(fc.date({ min: utc('1900-01-01T00:00:00Z'), max: utc('2100-12-31T23:59:59Z'), noInvalidDate: true }), (instant) => {
        const parts = londonParts(instant);
        const expected = referenceWall(instant);
        assert.equal(parts.date, expected.date);
        assert.equal(parts.time, expected.time);
        assert.equal(parts.second, expected.second);
        assert.equal(parts.weekday, weekdayOf(parts.date));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an invalid Date', () => {
    assert.throws(() => londonParts(new Date(Number.NaN)), RangeError);
  });
});

describe('londonInstant', () => {
  it('reads wall time as GMT in winter and BST in summer', () => {
    assert.equal(iso(londonInstant('2026-01-15', '12:00')), '2026-01-15T12:00:00.000Z');
    assert.equal(iso(londonInstant('2026-07-15', '12:00')), '2026-07-15T11:00:00.000Z');
    assert.equal(iso(londonInstant('2026-07-15', '00:30')), '2026-07-14T23:30:00.000Z');
  });

  it('moves times in the spring-forward gap (2026-03-29 01:00–01:59) forward by an hour', () => {
    assert.equal(iso(londonInstant('2026-03-29', '00:59')), '2026-03-29T00:59:00.000Z');
    assert.equal(iso(londonInstant('2026-03-29', '01:00')), '2026-03-29T01:00:00.000Z');
    assert.equal(iso(londonInstant('2026-03-29', '01:30')), '2026-03-29T01:30:00.000Z');
    assert.equal(londonParts(londonInstant('2026-03-29', '01:30')).time, '02:30');
    assert.equal(iso(londonInstant('2026-03-29', '02:00')), '2026-03-29T01:00:00.000Z');
  });

  it('takes the first (BST) instant for the repeated hour on 2026-10-25', () => {
    assert.equal(iso(londonInstant('2026-10-25', '00:59')), '2026-10-24T23:59:00.000Z');
    assert.equal(iso(londonInstant('2026-10-25', '01:00')), '2026-10-25T00:00:00.000Z');
    assert.equal(iso(londonInstant('2026-10-25', '01:30')), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(londonInstant('2026-10-25', '02:00')), '2026-10-25T02:00:00.000Z');
  });

  it('round-trips through londonParts, and picks the earliest instant', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    // Bias towards the clock-change nights, where it matters.
    const hour = fc.oneof(time, fc.constantFrom('00:30', '01:00', '01:30', '01:59', '02:00', '02:30'));
    fc.assert(
      fc.property(fc.integer({ min: toDays('1990-01-01'), max: toDays('2060-12-31') }), hour, (days, wallTime) => {
        const date = fromDays(days);
        const instant = londonInstant(date, wallTime);
        const back = referenceWall(instant);
        const inGap = back.time !== wallTime;
        if (inGap) {
          // Only a nonexistent time may move, and only forward by the one-hour gap.
          assert.equal(weekdayOf(date), 'SU');
          assert.equal(referenceWall(new Date(instant.getTime() - 3_600_000)).time < wallTime, true);
          assert.equal(iso(instant), iso(new Date(toDays(date) * dayMs + Number(wallTime.slice(0, 2)) * 3_600_000 + Number(wallTime.slice(3)) * 60_000)));
        }
        assert.equal(back.date, date);
        // An hour earlier is never the same wall time: this was the first one.
        const earlier = referenceWall(new Date(instant.getTime() - 3_600_000));
        assert.notDeepEqual([earlier.date, earlier.time], [date, wallTime]);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses malformed input', () => {
    assert.throws(() => londonInstant('2026-02-30', '10:00'), RangeError);
    assert.throws(() => londonInstant('2026-02-03', '24:00'), RangeError);
    assert.throws(() => londonInstant('2026-02-03', '9:00'), RangeError);
  });
});

describe('nextOccurrences: weekly', () => {
  const thursday: Schedule = { freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '15:00' };

  it('keeps 12:00–15:00 London across the spring clock change (12:00Z, then 11:00Z)', () => {
    assert.deepEqual(brief(nextOccurrences(thursday, utc('2026-03-20T00:00:00Z'), 3)), [
      ['2026-03-26', '2026-03-26T12:00:00.000Z', '2026-03-26T15:00:00.000Z'],
      ['2026-04-02', '2026-04-02T11:00:00.000Z', '2026-04-02T14:00:00.000Z'],
      ['2026-04-09', '2026-04-09T11:00:00.000Z', '2026-04-09T14:00:00.000Z'],
    ]);
  });

  it('keeps 12:00–15:00 London across the autumn clock change (11:00Z, then 12:00Z)', () => {
    const list = nextOccurrences(thursday, utc('2026-10-16T00:00:00Z'), 3);
    assert.deepEqual(brief(list), [
      ['2026-10-22', '2026-10-22T11:00:00.000Z', '2026-10-22T14:00:00.000Z'],
      ['2026-10-29', '2026-10-29T12:00:00.000Z', '2026-10-29T15:00:00.000Z'],
      ['2026-11-05', '2026-11-05T12:00:00.000Z', '2026-11-05T15:00:00.000Z'],
    ]);
    assert.deepEqual(list[0], {
      start: utc('2026-10-22T11:00:00Z'), end: utc('2026-10-22T14:00:00Z'), date: '2026-10-22', opensAt: '12:00', closesAt: '15:00',
    });
  });

  it('orders several weekdays within and across weeks', () => {
    const list = nextOccurrences({ freq: 'WEEKLY', byday: ['TH', 'TU'], opensAt: '09:30' }, utc('2026-02-04T12:00:00Z'), 4);
    assert.deepEqual(dates(list), ['2026-02-05', '2026-02-10', '2026-02-12', '2026-02-17']);
    // No closesAt: the occurrence has no length.
    assert.equal(iso(list[0]?.end ?? new Date(0)), '2026-02-05T09:30:00.000Z');
  });

  it('counts a fortnightly interval from the week of dtstart', () => {
    const fortnightly: Schedule = { freq: 'WEEKLY', interval: 2, byday: ['TU'], opensAt: '10:00', dtstart: '2026-01-06' };
    assert.deepEqual(dates(nextOccurrences(fortnightly, utc('2025-12-01T00:00:00Z'), 3)), ['2026-01-06', '2026-01-20', '2026-02-03']);
    assert.deepEqual(dates(nextOccurrences(fortnightly, utc('2026-01-10T00:00:00Z'), 3)), ['2026-01-20', '2026-02-03', '2026-02-17']);
    // dtstart on a Thursday: Mondays of its week are before it, so the first is two weeks on.
    const mondays: Schedule = { freq: 'WEEKLY', interval: 2, byday: ['MO'], opensAt: '10:00', dtstart: '2026-01-08' };
    assert.deepEqual(dates(nextOccurrences(mondays, utc('2026-01-01T00:00:00Z'), 3)), ['2026-01-19', '2026-02-02', '2026-02-16']);
  });

  it('counts the interval from validFrom without dtstart, else from the week of 1970-01-05', () => {
    const from = utc('2026-01-01T00:00:00Z');
    // 2026-01-05 is week 2922 after 1970-01-05: an even week.
    assert.deepEqual(dates(nextOccurrences({ freq: 'WEEKLY', interval: 2, byday: ['MO'] }, from, 3)), ['2026-01-05', '2026-01-19', '2026-02-02']);
    assert.deepEqual(
      dates(nextOccurrences({ freq: 'WEEKLY', interval: 2, byday: ['MO'], validFrom: '2026-01-12' }, from, 3)),
      ['2026-01-12', '2026-01-26', '2026-02-09'],
    );
    assert.deepEqual(
      dates(nextOccurrences({ freq: 'WEEKLY', interval: 3, byday: ['SU', 'MO'], dtstart: '2026-01-04' }, from, 4)),
      ['2026-01-04', '2026-01-19', '2026-01-25', '2026-02-09'],
    );
  });

  it('uses dtstart’s weekday when byday is missing, and yields nothing without either', () => {
    assert.deepEqual(dates(nextOccurrences({ freq: 'WEEKLY', dtstart: '2026-03-04' }, utc('2026-01-01T00:00:00Z'), 2)), ['2026-03-04', '2026-03-11']);
    assert.deepEqual(dates(nextOccurrences({ freq: 'WEEKLY', byday: [], dtstart: '2026-03-05' }, utc('2026-01-01T00:00:00Z'), 1)), ['2026-03-05']);
    assert.deepEqual(nextOccurrences({ freq: 'WEEKLY', opensAt: '10:00' }, utc('2026-01-01T00:00:00Z'), 5), []);
  });

  it('moves an opening time inside the spring gap forward by the gap', () => {
    const list = nextOccurrences({ freq: 'WEEKLY', byday: ['SU'], opensAt: '01:30', closesAt: '03:00' }, utc('2026-03-21T00:00:00Z'), 3);
    assert.deepEqual(brief(list), [
      ['2026-03-22', '2026-03-22T01:30:00.000Z', '2026-03-22T03:00:00.000Z'],
      ['2026-03-29', '2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z'],
      ['2026-04-05', '2026-04-05T00:30:00.000Z', '2026-04-05T02:00:00.000Z'],
    ]);
  });
});

describe('nextOccurrences: monthly', () => {
  const from = utc('2026-01-01T00:00:00Z');

  it('finds the first Tuesday of each month, at London time', () => {
    const list = nextOccurrences({ freq: 'MONTHLY', byday: ['1TU'], opensAt: '10:00', closesAt: '12:00' }, from, 4);
    assert.deepEqual(brief(list), [
      ['2026-01-06', '2026-01-06T10:00:00.000Z', '2026-01-06T12:00:00.000Z'],
      ['2026-02-03', '2026-02-03T10:00:00.000Z', '2026-02-03T12:00:00.000Z'],
      ['2026-03-03', '2026-03-03T10:00:00.000Z', '2026-03-03T12:00:00.000Z'],
      ['2026-04-07', '2026-04-07T09:00:00.000Z', '2026-04-07T11:00:00.000Z'],
    ]);
  });

  it('finds the last Friday, the second Wednesday and the fifth Monday', () => {
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', byday: ['-1FR'] }, from, 4)), ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24']);
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', byday: ['2WE'] }, from, 3)), ['2026-01-14', '2026-02-11', '2026-03-11']);
    // Only months with five Mondays have a fifth one.
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', byday: ['5MO'] }, from, 3)), ['2026-03-30', '2026-06-29', '2026-08-31']);
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', byday: ['-2SA'] }, from, 2)), ['2026-01-24', '2026-02-21']);
  });

  it('takes a plain weekday in a monthly rule as every such day of the month', () => {
    assert.deepEqual(
      dates(nextOccurrences({ freq: 'MONTHLY', interval: 2, byday: ['TU'], dtstart: '2026-01-01' }, from, 6)),
      ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27', '2026-03-03', '2026-03-10'],
    );
  });

  it('handles bymonthday: the last day (-1), leap years, and days a month lacks', () => {
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', bymonthday: [-1] }, from, 4)), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', bymonthday: [-1] }, utc('2028-02-01T00:00:00Z'), 1)), ['2028-02-29']);
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', bymonthday: [31] }, from, 3)), ['2026-01-31', '2026-03-31', '2026-05-31']);
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', bymonthday: [15, 1] }, from, 4)), ['2026-01-01', '2026-01-15', '2026-02-01', '2026-02-15']);
  });

  it('counts the month interval from dtstart’s month', () => {
    assert.deepEqual(
      dates(nextOccurrences({ freq: 'MONTHLY', interval: 3, bymonthday: [10], dtstart: '2025-11-20' }, from, 3)),
      ['2026-02-10', '2026-05-10', '2026-08-10'],
    );
  });

  it('needs both byday and bymonthday to match when both are given (Friday the 13th)', () => {
    assert.deepEqual(
      dates(nextOccurrences({ freq: 'MONTHLY', byday: ['FR'], bymonthday: [13] }, from, 4, { horizonDays: 800 })),
      ['2026-02-13', '2026-03-13', '2026-11-13', '2027-08-13'],
    );
  });

  it('uses dtstart’s day of the month when neither byday nor bymonthday is given', () => {
    assert.deepEqual(dates(nextOccurrences({ freq: 'MONTHLY', dtstart: '2026-01-20' }, from, 3)), ['2026-01-20', '2026-02-20', '2026-03-20']);
    assert.deepEqual(nextOccurrences({ freq: 'MONTHLY', opensAt: '10:00' }, from, 3), []);
  });
});

describe('nextOccurrences: bounds, dates and times', () => {
  const weekly: Schedule = { freq: 'WEEKLY', byday: ['WE'], opensAt: '18:00', closesAt: '20:00' };
  const from = utc('2026-01-01T00:00:00Z');

  it('keeps within validFrom and validTo, both inclusive', () => {
    const list = nextOccurrences({ ...weekly, validFrom: '2026-01-14', validTo: '2026-02-04' }, from, 10);
    assert.deepEqual(dates(list), ['2026-01-14', '2026-01-21', '2026-01-28', '2026-02-04']);
  });

  it('stops at until (inclusive) and starts no earlier than dtstart', () => {
    assert.deepEqual(dates(nextOccurrences({ ...weekly, dtstart: '2026-01-08', until: '2026-01-28' }, from, 10)), ['2026-01-14', '2026-01-21', '2026-01-28']);
    assert.deepEqual(nextOccurrences({ ...weekly, until: '2025-12-31' }, from, 10), []);
    assert.deepEqual(nextOccurrences({ ...weekly, validFrom: '2026-03-01', validTo: '2026-02-01' }, from, 10), []);
  });

  it('merges one-off dates with the rule, sorted and without duplicates, inside the bounds', () => {
    const list = nextOccurrences({ ...weekly, dates: ['2026-01-09', '2026-01-07', '2026-01-09', '2025-12-01', '2026-03-01'], validTo: '2026-01-21' }, from, 10);
    assert.deepEqual(dates(list), ['2026-01-07', '2026-01-09', '2026-01-14', '2026-01-21']);
    assert.deepEqual(brief(nextOccurrences({ dates: ['2026-07-04', '2026-02-02'], opensAt: '11:00', closesAt: '13:00' }, from, 5)), [
      ['2026-02-02', '2026-02-02T11:00:00.000Z', '2026-02-02T13:00:00.000Z'],
      ['2026-07-04', '2026-07-04T10:00:00.000Z', '2026-07-04T12:00:00.000Z'],
    ]);
  });

  it('yields nothing for a schedule with neither freq nor dates', () => {
    assert.deepEqual(nextOccurrences({ description: 'Ring for times', opensAt: '09:00' }, from, 5), []);
    assert.deepEqual(nextOccurrences({ dates: [] }, from, 5), []);
  });

  it('counts a session in progress, but not one that has ended', () => {
    const wednesday = utc('2026-01-07T18:00:00Z');
    assert.equal(nextOccurrences(weekly, utc('2026-01-07T19:59:59Z'), 1)[0]?.date, '2026-01-07');
    assert.equal(nextOccurrences(weekly, wednesday, 1)[0]?.date, '2026-01-07');
    assert.equal(nextOccurrences(weekly, utc('2026-01-07T20:00:00Z'), 1)[0]?.date, '2026-01-14');
    // Without closesAt a session has no length, so it is past once it starts.
    assert.equal(nextOccurrences({ freq: 'WEEKLY', byday: ['WE'], opensAt: '18:00' }, utc('2026-01-07T18:00:01Z'), 1)[0]?.date, '2026-01-14');
  });

  it('treats no opensAt as all day, 00:00 to 00:00 London (23 and 25 hours on clock-change days)', () => {
    const sundays = nextOccurrences({ freq: 'WEEKLY', byday: ['SU'], closesAt: '17:00' }, utc('2026-03-28T12:00:00Z'), 1);
    assert.deepEqual(sundays, [{ start: utc('2026-03-29T00:00:00Z'), end: utc('2026-03-29T23:00:00Z'), date: '2026-03-29', allDay: true }]);
    const autumn = nextOccurrences({ dates: ['2026-10-25'] }, utc('2026-10-25T12:00:00Z'), 1);
    assert.deepEqual(brief(autumn), [['2026-10-25', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z']]);
  });

  it('ends a session that closes before it opens on the next day, and counts it after midnight', () => {
    const late: Schedule = { freq: 'WEEKLY', byday: ['FR'], opensAt: '22:00', closesAt: '02:00' };
    assert.deepEqual(brief(nextOccurrences(late, utc('2026-06-13T00:30:00Z'), 2)), [
      ['2026-06-12', '2026-06-12T21:00:00.000Z', '2026-06-13T01:00:00.000Z'],
      ['2026-06-19', '2026-06-19T21:00:00.000Z', '2026-06-20T01:00:00.000Z'],
    ]);
  });

  it('returns at most count, and nothing for count 0 or an invalid from', () => {
    assert.equal(nextOccurrences(weekly, from, 7).length, 7);
    assert.equal(nextOccurrences(weekly, from, 2.9).length, 2);
    assert.deepEqual(nextOccurrences(weekly, from, 0), []);
    assert.deepEqual(nextOccurrences(weekly, new Date(Number.NaN), 3), []);
  });

  it('stops at the horizon: 400 days by default, or as asked', () => {
    const far: Schedule = { dates: ['2026-01-02', '2027-02-04', '2027-02-06'], opensAt: '12:00' };
    // 2027-02-05 12:00Z is 400 days after 2026-01-01 12:00Z.
    assert.deepEqual(dates(nextOccurrences(far, utc('2026-01-01T12:00:00Z'), 5)), ['2026-01-02', '2027-02-04']);
    assert.deepEqual(dates(nextOccurrences(far, utc('2026-01-01T12:00:00Z'), 5, { horizonDays: 1 })), []);
    assert.deepEqual(dates(nextOccurrences(far, utc('2026-01-01T12:00:00Z'), 5, { horizonDays: 1.0001 })), ['2026-01-02']);
    assert.deepEqual(dates(nextOccurrences(far, utc('2026-01-01T12:00:00Z'), 5, { horizonDays: 500 })), ['2026-01-02', '2027-02-04', '2027-02-06']);
    assert.equal(nextOccurrences({ freq: 'WEEKLY', byday: ['MO'] }, utc('2026-01-01T12:00:00Z'), 1000).length, 57);
  });

  it('never throws for malformed schedules', () => {
    const bad = [
      { freq: 'WEEKLY', interval: 0, byday: ['XX', '9MO', 'tu'] },
      { freq: 'MONTHLY', byday: ['0TU', '7FR'], bymonthday: [0, 40, Number.NaN] },
      { freq: 'MONTHLY', byday: ['1MO'], bymonthday: [31] },
      { freq: 'YEARLY', dates: ['2026-02-30', 'soon', '2026-03-03'] },
      { freq: 'WEEKLY', byday: ['MO'], dtstart: 'yesterday', opensAt: '25:00', closesAt: 'late' },
      { byday: null, dates: null },
    ] as unknown as Schedule[];
    const results = bad.map((s) => dates(nextOccurrences(s, from, 2, { horizonDays: 100_000 })));
    assert.deepEqual(results, [
      ['2026-01-06', '2026-01-13'],
      [],
      [],
      ['2026-03-03'],
      ['2026-01-05', '2026-01-12'],
      [],
    ]);
  });
});

describe('occurrencesBetween', () => {
  const weekly: Schedule = { freq: 'WEEKLY', byday: ['TU', 'TH'], opensAt: '12:00', closesAt: '15:00' };

  it('lists every occurrence starting in [from, to)', () => {
    const list = occurrencesBetween(weekly, utc('2026-03-24T12:00:00Z'), utc('2026-04-07T11:00:00Z'));
    assert.deepEqual(dates(list), ['2026-03-24', '2026-03-26', '2026-03-31', '2026-04-02']);
    assert.equal(iso(list[2]?.start ?? new Date(0)), '2026-03-31T11:00:00.000Z');
  });

  it('leaves out a session already in progress at from', () => {
    assert.deepEqual(dates(occurrencesBetween(weekly, utc('2026-03-24T12:00:01Z'), utc('2026-03-27T00:00:00Z'))), ['2026-03-26']);
  });

  it('is empty when to is not after from', () => {
    assert.deepEqual(occurrencesBetween(weekly, utc('2026-03-27T00:00:00Z'), utc('2026-03-24T00:00:00Z')), []);
    assert.deepEqual(occurrencesBetween(weekly, utc('2026-03-24T12:00:00Z'), utc('2026-03-24T12:00:00Z')), []);
  });
});

describe('isOpenNow', () => {
  const thursday: Schedule = { freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '15:00' };
  const monday: Schedule = { freq: 'WEEKLY', byday: ['MO'], opensAt: '09:00', closesAt: '10:00' };

  it('is open from opening (inclusive) to closing (exclusive), in London time', () => {
    assert.equal(isOpenNow([thursday], utc('2026-07-02T10:59:59Z')), false);
    assert.equal(isOpenNow([thursday], utc('2026-07-02T11:00:00Z')), true);
    assert.equal(isOpenNow([thursday], utc('2026-07-02T13:59:59Z')), true);
    assert.equal(isOpenNow([thursday], utc('2026-07-02T14:00:00Z')), false);
    // In winter 12:00 London is 12:00Z.
    assert.equal(isOpenNow([thursday], utc('2026-01-08T11:30:00Z')), false);
    assert.equal(isOpenNow([thursday], utc('2026-01-08T12:30:00Z')), true);
  });

  it('is open when any schedule is', () => {
    assert.equal(isOpenNow([monday, thursday], utc('2026-01-05T09:30:00Z')), true);
    assert.equal(isOpenNow([monday, thursday], utc('2026-01-06T09:30:00Z')), false);
    assert.equal(isOpenNow([], utc('2026-01-05T09:30:00Z')), false);
  });

  it('counts all-day entries as open all day, and never a session without a closing time', () => {
    assert.equal(isOpenNow([{ dates: ['2026-07-02'] }], utc('2026-07-01T23:00:00Z')), true);
    assert.equal(isOpenNow([{ dates: ['2026-07-02'] }], utc('2026-07-02T22:59:59Z')), true);
    assert.equal(isOpenNow([{ dates: ['2026-07-02'] }], utc('2026-07-02T23:00:00Z')), false);
    assert.equal(isOpenNow([{ freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00' }], utc('2026-07-02T11:00:00Z')), false);
  });

  it('is open after midnight for a session that runs overnight', () => {
    const late: Schedule = { freq: 'WEEKLY', byday: ['FR'], opensAt: '22:00', closesAt: '02:00' };
    assert.equal(isOpenNow([late], utc('2026-06-13T00:59:00Z')), true);
    assert.equal(isOpenNow([late], utc('2026-06-13T01:00:00Z')), false);
  });
});

describe('time zone independence', () => {
  it('gives the same answers whatever TZ the process runs in', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const script = `
      import { nextOccurrences, londonParts, londonInstant, isOpenNow } from './src/core/schedule.ts';
      const s = { freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '15:00' };
      console.log(JSON.stringify({
        localOffset: new Date('2026-01-15T12:00:00Z').getTimezoneOffset(),
        next: nextOccurrences(s, new Date('2026-03-20T00:00:00Z'), 3),
        monthly: nextOccurrences({ freq: 'MONTHLY', byday: ['-1FR'] }, new Date('2026-10-01T00:00:00Z'), 2),
        parts: londonParts(new Date('2026-07-01T23:30:00Z')),
        gap: londonInstant('2026-03-29', '01:30'),
        open: isOpenNow([s], new Date('2026-07-02T11:30:00Z')),
      }));`;
    const run = promisify(execFile);
    const zones = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Pacific/Chatham'];
    const outputs = await Promise.all(
      zones.map(async (TZ) => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env: { ...process.env, TZ } });
        return JSON.parse(stdout) as { localOffset: number; next: { start: string }[] };
      }),
    );
    // The zones really differed…
    assert.deepEqual(outputs.map((o) => o.localOffset), [0, 0, 480, -825]);
    // …and the answers did not.
    const answers = outputs.map(({ localOffset: _, ...rest }) => rest);
    for (const answer of answers.slice(1)) assert.deepEqual(answer, answers[0]);
    assert.deepEqual(outputs[2]?.next.map((o) => o.start), ['2026-03-26T12:00:00.000Z', '2026-04-02T11:00:00.000Z', '2026-04-09T11:00:00.000Z']);
  });
});

// ---------------------------------------------------------------------------
// Properties

const dateIn = (min: string, max: string) => fc.integer({ min: toDays(min), max: toDays(max) }).map(fromDays);
const anyTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
// Early-morning times often, to land in the spring gap and the repeated autumn hour.
const time = fc.oneof(anyTime, fc.constantFrom('00:30', '01:00', '01:30', '01:59', '02:00', '23:30'));
const lowerBound = dateIn('2024-06-01', '2027-12-31');
const upperBound = dateIn('2025-06-01', '2029-06-30');
/** `arb` with the given chance (in %), else absent: tuned so most schedules have occurrences to check. */
const sometimes = <T>(arb: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: arb, weight: percent }, { arbitrary: fc.constant(undefined), weight: 100 - percent });
/** Drops absent keys: the contract omits them rather than setting undefined. */
const omitUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Schedule;
const common = {
  opensAt: sometimes(time, 80),
  closesAt: sometimes(time, 50),
  dtstart: sometimes(lowerBound, 30),
  validFrom: sometimes(lowerBound, 20),
  validTo: sometimes(upperBound, 20),
  until: sometimes(upperBound, 20),
  dates: sometimes(fc.array(dateIn('2024-06-01', '2029-06-30'), { maxLength: 4 }), 30),
};

const weeklySchedule: fc.Arbitrary<Schedule> = fc
  .record({
    freq: fc.constant('WEEKLY' as const),
    interval: sometimes(fc.integer({ min: 1, max: 5 }), 50),
    byday: sometimes(fc.subarray([...WEEKDAYS], { minLength: 1 }), 90),
    ...common,
  })
  .map(omitUndefined);

const ordinalDay = fc.tuple(fc.constantFrom('', '1', '2', '3', '4', '5', '-1', '-2', '-5'), fc.constantFrom(...WEEKDAYS)).map(([n, d]) => n + d);
const monthlySchedule: fc.Arbitrary<Schedule> = fc
  .record({
    freq: fc.constant('MONTHLY' as const),
    interval: sometimes(fc.integer({ min: 1, max: 4 }), 50),
    byday: sometimes(fc.array(ordinalDay, { minLength: 1, maxLength: 3 }), 75),
    bymonthday: sometimes(fc.array(fc.integer({ min: -31, max: 31 }), { maxLength: 3 }), 35),
    ...common,
  })
  .map(omitUndefined);

const transitions = ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2028-10-29T01:00:00Z'];
const fromInstant = fc.oneof(
  fc.date({ min: utc('2025-01-01T00:00:00Z'), max: utc('2028-12-31T23:59:59Z'), noInvalidDate: true }),
  fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -36, max: 36 })).map(([t, h]) => new Date(utc(t).getTime() + h * 1_800_000)),
);

/** Does the rule of `s` (not its one-off dates) pick London `date`? Day by day, the slow obvious way. */
function ruleMatches(s: Schedule, date: string): boolean {
  const days = toDays(date);
  const weekday = WEEKDAYS[(new Date(days * dayMs).getUTCDay() + 6) % 7] ?? 'MO';
  const interval = s.interval ?? 1;
  const anchor = s.dtstart ?? s.validFrom;
  if (s.freq === 'WEEKLY') {
    const wanted = (s.byday ?? []).map((code) => code.slice(-2));
    if (wanted.length === 0 && s.dtstart) wanted.push(weekdayOf(s.dtstart));
    const mondayIndex = (d: number) => Math.floor((d - toDays('1970-01-05')) / 7);
    const weeks = mondayIndex(days) - mondayIndex(anchor ? toDays(anchor) : toDays('1970-01-05'));
    return wanted.includes(weekday) && weeks % interval === 0;
  }
  if (s.freq === 'MONTHLY') {
    const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    if ((month(date) - month(anchor ?? '1970-01-01')) % interval !== 0) return false;
    const dom = Number(date.slice(8, 10));
    const length = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    const byday = s.byday ?? [];
    const bymonthday = (s.bymonthday ?? []).filter((n) => n !== 0);
    if (byday.length === 0 && bymonthday.length === 0) return s.dtstart !== undefined && dom === Number(s.dtstart.slice(8, 10));
    const dayOk = byday.some((code) => {
      const n = Number(code.slice(0, -2) || '0');
      if (code.slice(-2) !== weekday) return false;
      if (n > 0) return Math.ceil(dom / 7) === n;
      if (n < 0) return Math.floor((length - dom) / 7) + 1 === -n;
      return true;
    });
    const monthDayOk = bymonthday.some((n) => (n > 0 ? n : length + n + 1) === dom);
    if (byday.length === 0) return monthDayOk;
    if (bymonthday.length === 0) return dayOk;
    return dayOk && monthDayOk;
  }
  return false;
}

/** London wall time to an instant by trying GMT and BST (true for 2024–2030), first valid one, else forward. */
function referenceInstant(date: string, wallTime: string): number {
  const wall = toDays(date) * dayMs + Number(wallTime.slice(0, 2)) * 3_600_000 + Number(wallTime.slice(3)) * 60_000;
  const fits = [wall - 3_600_000, wall].filter((t) => {
    const w = referenceWall(new Date(t));
    return w.date === date && w.time === wallTime;
  });
  return fits[0] ?? wall;
}

function inBounds(s: Schedule, date: string): boolean {
  return (
    (!s.dtstart || date >= s.dtstart) && (!s.validFrom || date >= s.validFrom) && (!s.validTo || date <= s.validTo) && (!s.until || date <= s.until)
  );
}

/** nextOccurrences, the slow obvious way: every day from the day before `from` to the horizon. */
function referenceNext(s: Schedule, from: Date, count: number, horizonDays = 400): [string, string, string][] {
  const out: [string, string, string][] = [];
  const horizonEnd = from.getTime() + horizonDays * dayMs;
  for (let date = addDays(referenceWall(from).date, -1); out.length < count; date = addDays(date, 1)) {
    if (!inBounds(s, date) || !((s.dates ?? []).includes(date) || ruleMatches(s, date))) {
      if (toDays(date) * dayMs > horizonEnd) break;
      continue;
    }
    let start: number;
    let end: number;
    if (!s.opensAt) {
      start = referenceInstant(date, '00:00');
      end = referenceInstant(addDays(date, 1), '00:00');
    } else {
      start = referenceInstant(date, s.opensAt);
      end = !s.closesAt || s.closesAt === s.opensAt ? start : referenceInstant(s.closesAt > s.opensAt ? date : addDays(date, 1), s.closesAt);
      end = Math.max(start, end);
    }
    if (start >= horizonEnd) break;
    if (end > from.getTime()) out.push([date, new Date(start).toISOString(), new Date(end).toISOString()]);
  }
  return out;
}

describe('properties', () => {
  const anySchedule = fc.oneof(weeklySchedule, monthlySchedule);

  it('occurrences are ordered, in bounds, on the right weekday and at the right time, never more than count', () => {
    fc.assert(
      fc.property(anySchedule, fromInstant, fc.integer({ min: 0, max: 12 }), (s, from, count) => {
        const list = nextOccurrences(s, from, count);
        assert.ok(list.length <= count);
        const wantedDays = new Set((s.byday ?? []).map((code) => code.slice(-2)));
        for (const [i, o] of list.entries()) {
          const previous = list[i - 1];
          if (previous) {
            assert.ok(previous.start < o.start, 'strictly ordered by start');
            assert.ok(previous.date < o.date, 'one occurrence a day');
          }
          assert.ok(o.end > from, 'not over before from');
          assert.ok(o.end >= o.start);
          assert.ok(o.start.getTime() < from.getTime() + 400 * dayMs, 'within the horizon');
          assert.ok(inBounds(s, o.date), `${o.date} within the bounds`);
          const oneOff = (s.dates ?? []).includes(o.date);
          if (!oneOff && wantedDays.size > 0) assert.ok(wantedDays.has(weekdayOf(o.date)), `${o.date} is a ${[...wantedDays].join('/')}`);
          const wall = referenceWall(o.start);
          if (s.opensAt) {
            assert.equal(o.opensAt, s.opensAt);
            if (wall.time !== s.opensAt) {
              // Only the spring-forward gap moves a start: last Sunday of March, 01:00–01:59 London.
              assert.match(o.date, /-03-(2[5-9]|3[01])$/);
              assert.equal(weekdayOf(o.date), 'SU');
              assert.match(s.opensAt, /^01:/);
              assert.equal(wall.time, `02:${s.opensAt.slice(3)}`);
            }
            assert.equal(wall.date, o.date);
          } else {
            assert.equal(o.allDay, true);
            assert.deepEqual([wall.date, wall.time], [o.date, '00:00']);
            assert.deepEqual([referenceWall(o.end).date, referenceWall(o.end).time], [addDays(o.date, 1), '00:00']);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('nextOccurrences matches a day-by-day reference implementation', () => {
    fc.assert(
      fc.property(anySchedule, fromInstant, fc.integer({ min: 1, max: 8 }), (s, from, count) => {
        assert.deepEqual(brief(nextOccurrences(s, from, count)), referenceNext(s, from, count));
      }),
      { numRuns: 200 },
    );
  });

  it('occurrencesBetween is the occurrences starting in the window', () => {
    fc.assert(
      fc.property(anySchedule, fromInstant, fc.integer({ min: 1, max: 90 }), (s, from, days) => {
        const to = new Date(from.getTime() + days * dayMs);
        // From a millisecond earlier, so a zero-length occurrence starting exactly at `from` (over, for nextOccurrences) is in.
        const expected = nextOccurrences(s, new Date(from.getTime() - 1), Infinity, { horizonDays: days + 1 }).filter((o) => o.start >= from && o.start < to);
        const list = occurrencesBetween(s, from, to);
        assert.deepEqual(list, expected);
        for (const o of list) assert.ok(o.start >= from && o.start < to);
      }),
      { numRuns: 150 },
    );
  });

  it('isOpenNow is true exactly when an occurrence spans now', () => {
    fc.assert(
      fc.property(fc.array(anySchedule, { minLength: 1, maxLength: 3 }), fromInstant, (schedules, now) => {
        const spanning = schedules.some((s) =>
          occurrencesBetween(s, new Date(now.getTime() - 3 * dayMs), new Date(now.getTime() + 1)).some((o) => o.start <= now && now < o.end),
        );
        assert.equal(isOpenNow(schedules, now), spanning);
      }),
      { numRuns: 150 },
    );
  });
});
