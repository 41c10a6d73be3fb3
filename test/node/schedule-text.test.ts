import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Schedule } from '../../src/contract/directory.ts';
import { describeSchedule, nextOccurrenceText } from '../../src/i18n/schedule-text.ts';

const cases: Array<[string, Schedule, string, string]> = [
  ['weekly, one day', { freq: 'WEEKLY', byday: ['TU'], opensAt: '10:00', closesAt: '12:00' }, 'Every Tuesday, 10:00 to 12:00', 'Bob dydd Mawrth, 10:00 i 12:00'],
  ['weekly, two days', { freq: 'WEEKLY', byday: ['TH', 'MO'], opensAt: '09:30', closesAt: '11:00' }, 'Every Monday and Thursday, 09:30 to 11:00', 'Bob dydd Llun a dydd Iau, 09:30 i 11:00'],
  ['weekly, three days, no times', { freq: 'WEEKLY', byday: ['MO', 'WE', 'FR'] }, 'Every Monday, Wednesday and Friday', 'Bob dydd Llun, dydd Mercher a dydd Gwener'],
  ['weekdays', { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }, 'Monday to Friday, 09:00 to 17:00', 'Dydd Llun i ddydd Gwener, 09:00 i 17:00'],
  ['fortnightly', { freq: 'WEEKLY', interval: 2, byday: ['TH'], opensAt: '12:00', closesAt: '15:00' }, 'Every other Thursday, 12:00 to 15:00', 'Bob yn ail ddydd Iau, 12:00 i 15:00'],
  ['every 3 weeks, from dtstart', { freq: 'WEEKLY', interval: 3, dtstart: '2026-01-06' }, 'Every 3 weeks on Tuesday', 'Bob 3 wythnos ar ddydd Mawrth'],
  ['first weekday of the month', { freq: 'MONTHLY', byday: ['1WE'], opensAt: '10:00', closesAt: '12:00' }, 'First Wednesday of the month, 10:00 to 12:00', 'Dydd Mercher cyntaf y mis, 10:00 i 12:00'],
  ['second', { freq: 'MONTHLY', byday: ['2TU'] }, 'Second Tuesday of the month', 'Ail ddydd Mawrth y mis'],
  ['third', { freq: 'MONTHLY', byday: ['3TH'] }, 'Third Thursday of the month', 'Trydydd dydd Iau y mis'],
  ['fourth', { freq: 'MONTHLY', byday: ['4MO'] }, 'Fourth Monday of the month', 'Pedwerydd dydd Llun y mis'],
  ['last', { freq: 'MONTHLY', byday: ['-1FR'], opensAt: '14:00' }, 'Last Friday of the month, from 14:00', 'Dydd Gwener olaf y mis, o 14:00'],
  ['first and third', { freq: 'MONTHLY', byday: ['1WE', '3WE'] }, 'First and third Wednesday of the month', 'Dydd Mercher cyntaf a thrydydd dydd Mercher y mis'],
  ['every other month', { freq: 'MONTHLY', interval: 2, byday: ['1WE'] }, 'First Wednesday of every other month', 'Dydd Mercher cyntaf bob yn ail fis'],
  ['month day', { freq: 'MONTHLY', bymonthday: [15], opensAt: '10:00', closesAt: '11:00' }, 'On the 15th of each month, 10:00 to 11:00', 'Ar y 15fed o bob mis, 10:00 i 11:00'],
  ['month days', { freq: 'MONTHLY', bymonthday: [15, 1] }, 'On the 1st and 15th of each month', "Ar y 1af a'r 15fed o bob mis"],
  ['second day, yr', { freq: 'MONTHLY', bymonthday: [2] }, 'On the 2nd of each month', 'Ar yr 2il o bob mis'],
  ['last day', { freq: 'MONTHLY', bymonthday: [-1] }, 'On the last day of each month', 'Ar y diwrnod olaf o bob mis'],
  ['description only', { description: 'By appointment' }, 'By appointment', 'By appointment'],
  ['unwordable rule falls back to the description', { freq: 'MONTHLY', byday: ['FR'], bymonthday: [13], description: 'Friday the 13th' }, 'Friday the 13th', 'Friday the 13th'],
];

describe('describeSchedule', () => {
  for (const [name, schedule, en, cy] of cases) {
    it(name, () => {
      assert.equal(describeSchedule(schedule, 'en'), en);
      assert.equal(describeSchedule(schedule, 'cy'), cy);
    });
  }

  it('Welsh ordinal days of the month 1–31', () => {
    const words = Array.from({ length: 31 }, (_, i) => describeSchedule({ freq: 'MONTHLY', bymonthday: [i + 1] }, 'cy')?.replace(/^Ar (.*) o bob mis$/, '$1'));
    assert.deepEqual(words, [
      'y 1af', 'yr 2il', 'y 3ydd', 'y 4ydd', 'y 5ed', 'y 6ed', 'y 7fed', 'yr 8fed', 'y 9fed', 'y 10fed',
      'yr 11eg', 'y 12fed', 'y 13eg', 'y 14eg', 'y 15fed', 'yr 16eg', 'yr 17eg', 'y 18fed', 'y 19eg', 'yr 20fed',
      'yr 21ain', 'yr 22ain', 'y 23ain', 'y 24ain', 'y 25ain', 'y 26ain', 'y 27ain', 'yr 28ain', 'y 29ain', 'y 30ain', 'yr 31ain',
    ]);
    assert.equal(describeSchedule({ freq: 'MONTHLY', bymonthday: [22] }, 'en'), 'On the 22nd of each month');
    assert.equal(describeSchedule({ freq: 'MONTHLY', bymonthday: [11] }, 'en'), 'On the 11th of each month');
  });

  it('is undefined when there is nothing to say', () => {
    assert.equal(describeSchedule({}, 'en'), undefined);
    assert.equal(describeSchedule({ description: '   ' }, 'cy'), undefined);
    assert.equal(describeSchedule({ freq: 'WEEKLY' }, 'en'), undefined);
    assert.equal(describeSchedule({ dates: ['2026-12-04'] }, 'en'), undefined);
  });
});

describe('nextOccurrenceText', () => {
  const fortnightly: Schedule = { freq: 'WEEKLY', interval: 2, byday: ['TH'], dtstart: '2025-11-20', opensAt: '12:00', closesAt: '15:00' };

  it('words the next occurrence in both languages', () => {
    const now = new Date('2025-11-21T09:00:00Z');
    assert.equal(nextOccurrenceText(fortnightly, now, 'en'), 'Next: Thursday 4 December, 12:00 to 15:00');
    assert.equal(nextOccurrenceText(fortnightly, now, 'cy'), 'Nesaf: Dydd Iau 4 Rhagfyr, 12:00 i 15:00');
  });

  it('keeps London wall-clock time across a clock change', () => {
    // Now is in BST (Friday 24 October 2025); the next Thursday is after the clocks go back on the 26th.
    const weekly: Schedule = { freq: 'WEEKLY', byday: ['TH'], opensAt: '10:00', closesAt: '12:00' };
    assert.equal(nextOccurrenceText(weekly, new Date('2025-10-24T09:00:00Z'), 'en'), 'Next: Thursday 30 October, 10:00 to 12:00');
    // And spring: now in GMT, next in BST.
    assert.equal(nextOccurrenceText(weekly, new Date('2026-03-27T12:00:00Z'), 'cy'), 'Nesaf: Dydd Iau 2 Ebrill, 10:00 i 12:00');
  });

  it('leaves out times it does not have, and is undefined when nothing is coming', () => {
    const now = new Date('2025-11-21T09:00:00Z');
    assert.equal(nextOccurrenceText({ freq: 'WEEKLY', byday: ['MO'] }, now, 'en'), 'Next: Monday 24 November');
    assert.equal(nextOccurrenceText({ freq: 'WEEKLY', byday: ['MO'], opensAt: '18:00' }, now, 'en'), 'Next: Monday 24 November, 18:00');
    assert.equal(nextOccurrenceText({ description: 'By appointment' }, now, 'en'), undefined);
    assert.equal(nextOccurrenceText({ freq: 'WEEKLY', byday: ['MO'], until: '2025-01-01' }, now, 'en'), undefined);
  });
});
