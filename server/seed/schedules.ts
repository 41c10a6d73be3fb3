import type { Schedule } from '../../src/contract/directory.ts';

/**
 * Builders for regular schedules, each with a plain-English description
 * written the GOV.UK way ("Every Thursday, midday to 3pm").
 */

export type Day = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

const DAY_NAMES: Record<Day, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const DAY_INDEX: Record<Day, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };
const ORDINALS: Record<string, string> = { '1': 'First', '2': 'Second', '3': 'Third', '4': 'Fourth', '-1': 'Last' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `'12:00'` → `'midday'`, `'09:30'` → `'9:30am'`, `'15:00'` → `'3pm'`. */
export function spokenTime(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (h === 12 && m === 0) return 'midday';
  if (h === 0 && m === 0) return 'midnight';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`;
}

/** `'2026-01-13'` → `'13 January 2026'`. */
export function spokenDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1] ?? ''} ${y}`;
}

const list = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;

function dayPhrase(days: Day[]): string {
  const weekdays: Day[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
  if (days.length === 5 && weekdays.every((d) => days.includes(d))) return 'Monday to Friday';
  return `Every ${list(days.map((d) => DAY_NAMES[d]))}`;
}

/** The first date on or after `from` (`YYYY-MM-DD`) that falls on `day`. */
export function firstOnOrAfter(from: string, day: Day): string {
  const date = new Date(`${from}T12:00:00Z`);
  while (date.getUTCDay() !== DAY_INDEX[day]) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The weekday code of a date (`YYYY-MM-DD`). */
export function dayOf(date: string): Day {
  const index = new Date(`${date}T12:00:00Z`).getUTCDay();
  const day = (Object.keys(DAY_INDEX) as Day[]).find((d) => DAY_INDEX[d] === index);
  if (!day) throw new RangeError(date);
  return day;
}

export interface Extras {
  id?: string;
  validFrom?: string;
  validTo?: string;
  /** Added to the description after the times, e.g. "Term time only." */
  note?: string;
  attendingType?: string;
}

function finish(base: Schedule, when: string, opensAt: string, closesAt: string, extras: Extras, startsOn = extras.validFrom): Schedule {
  const range =
    startsOn && extras.validTo
      ? ` from ${spokenDate(startsOn)} to ${spokenDate(extras.validTo)}`
      : startsOn
        ? ` from ${spokenDate(startsOn)}`
        : extras.validTo
          ? ` until ${spokenDate(extras.validTo)}`
          : '';
  const description = `${when}${range}, ${spokenTime(opensAt)} to ${spokenTime(closesAt)}.${extras.note ? ` ${extras.note}` : ''}`;
  return {
    ...(extras.id ? { id: extras.id } : {}),
    ...base,
    opensAt,
    closesAt,
    ...(extras.validFrom ? { validFrom: extras.validFrom } : {}),
    ...(extras.validTo ? { validTo: extras.validTo } : {}),
    description,
    ...(extras.attendingType ? { attendingType: extras.attendingType } : {}),
  };
}

/** Every week on `days`. */
export function weekly(days: Day[], opensAt: string, closesAt: string, extras: Extras = {}): Schedule {
  return finish({ freq: 'WEEKLY', interval: 1, byday: days }, dayPhrase(days), opensAt, closesAt, extras);
}

/** Every other week on the weekday of `dtstart`, counting from `dtstart`. */
export function fortnightly(dtstart: string, opensAt: string, closesAt: string, extras: Extras = {}): Schedule {
  const day = dayOf(dtstart);
  return finish(
    { freq: 'WEEKLY', interval: 2, byday: [day], dtstart },
    `Every other ${DAY_NAMES[day]}`,
    opensAt,
    closesAt,
    extras,
    extras.validFrom ?? dtstart,
  );
}

/** Monthly on the nth weekday (`ordinal` 1–4, or -1 for the last). */
export function monthly(ordinal: 1 | 2 | 3 | 4 | -1, day: Day, opensAt: string, closesAt: string, extras: Extras = {}): Schedule {
  return finish(
    { freq: 'MONTHLY', interval: 1, byday: [`${ordinal}${day}`] },
    `${ORDINALS[String(ordinal)] ?? ''} ${DAY_NAMES[day]} of the month`,
    opensAt,
    closesAt,
    extras,
  );
}

/** A schedule known only in words. */
export function inWords(description: string, extras: Pick<Extras, 'id' | 'attendingType'> = {}): Schedule {
  return {
    ...(extras.id ? { id: extras.id } : {}),
    description,
    ...(extras.attendingType ? { attendingType: extras.attendingType } : {}),
  };
}
