import { londonParts, type Weekday } from '../core/schedule.ts';
import { LOCALES, type Language } from './languages.ts';

/** Community Led Support runs in Great Britain: every date is shown in UK time, whatever the device says. */
export const TIME_ZONE = 'Europe/London';

export function formatNumber(lang: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

/*
 * Day and month names come from these tables, not from Intl: browsers may
 * ship without Welsh date data (Debian's Chromium does) and then quietly
 * answer in American English ("Monday, November 30").
 */
const WEEKDAY_NAMES: Record<Language, Record<Weekday, string>> = {
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
  cy: { MO: 'Dydd Llun', TU: 'Dydd Mawrth', WE: 'Dydd Mercher', TH: 'Dydd Iau', FR: 'Dydd Gwener', SA: 'Dydd Sadwrn', SU: 'Dydd Sul' },
};
const MONTH_NAMES: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

/** `4 December 2026` / `4 Rhagfyr 2026`, in UK time. */
export function formatDate(lang: Language, value: Date): string {
  const parts = londonParts(value);
  return `${parts.day} ${MONTH_NAMES[lang][parts.month - 1]} ${parts.year}`;
}

/** `March 2026` / `Mawrth 2026`, in UK time. */
export function formatMonth(lang: Language, value: Date): string {
  const parts = londonParts(value);
  return `${MONTH_NAMES[lang][parts.month - 1]} ${parts.year}`;
}

/** `12:00`: 24-hour clock, the same in both languages. */
export function formatTime(_lang: Language, value: Date): string {
  return londonParts(value).time.slice(0, 5);
}

/** `Thursday 4 December` / `Dydd Iau 4 Rhagfyr`, in UK time. */
export function formatDay(lang: Language, value: Date): string {
  const parts = londonParts(value);
  return `${WEEKDAY_NAMES[lang][parts.weekday]} ${parts.day} ${MONTH_NAMES[lang][parts.month - 1]}`;
}

/** The name of a day of the week. */
export const weekdayName = (lang: Language, day: Weekday) => WEEKDAY_NAMES[lang][day];

export type DistanceUnits = 'miles' | 'km';

/** `1.2 miles`, `1 mile`, `1.2 milltir` or `1.9 km` (unit words from our tables, like the day names). */
export function formatDistance(lang: Language, metres: number, units: DistanceUnits): string {
  const value = units === 'km' ? metres / 1000 : metres / 1609.344;
  // A place round the corner, not "0 miles".
  if (value < 0.1) {
    const tenth = formatNumber(lang, 0.1);
    const unit = units === 'km' ? 'km' : lang === 'cy' ? 'milltir' : 'miles';
    return lang === 'cy' ? `llai na ${tenth} ${unit}` : `under ${tenth} ${unit}`;
  }
  const number = formatNumber(lang, value, { maximumFractionDigits: value < 10 ? 1 : 0 });
  if (units === 'km') return `${number} km`;
  if (lang === 'cy') return `${number} milltir`;
  return `${number} ${number === '1' ? 'mile' : 'miles'}`;
}

/**
 * Welsh soft mutation (treiglad meddal) of a word's first letter, as after
 * "ar", "i", "am" or used as an adverb of time: `Dydd` → `ddydd`, `Mawrth`
 * → `Fawrth`, `Llun` → `Lun`, `Gwener` → `wener`. Case is kept for the rest
 * of the word; `lower` also lowers the first letter (a day name mid-sentence).
 */
export function softMutation(word: string, lower = false): string {
  const rules: ReadonlyArray<readonly [string, string]> = [
    ['ll', 'l'],
    ['rh', 'r'],
    ['p', 'b'],
    ['t', 'd'],
    ['c', 'g'],
    ['b', 'f'],
    ['d', 'dd'],
    ['g', ''],
    ['m', 'f'],
  ];
  const head = word.toLowerCase();
  for (const [from, to] of rules) {
    if (!head.startsWith(from)) continue;
    // "ch", "th", "ph" and "dd" are letters of their own, and do not mutate.
    if (from.length === 1 && /^(ch|th|ph|dd)/.test(head)) return lower ? word.charAt(0).toLowerCase() + word.slice(1) : word;
    const upper = !lower && word.charAt(0) !== word.charAt(0).toLowerCase();
    const rest = word.slice(from.length);
    const mutated = to + rest;
    return upper ? mutated.charAt(0).toUpperCase() + mutated.slice(1) : mutated;
  }
  return lower ? word.charAt(0).toLowerCase() + word.slice(1) : word;
}

/**
 * A day as it reads after "on": `Thursday 4 December`; in Welsh after "ar"
 * (and as an adverb, "yn agor ddydd Iau"), soft-mutated and lower case:
 * `ddydd Iau 4 Rhagfyr`, never "ar Dydd Iau".
 */
export function formatDayOn(lang: Language, value: Date): string {
  const day = formatDay(lang, value);
  if (lang !== 'cy') return day;
  const [first = '', ...rest] = day.split(' ');
  return [softMutation(first, true), ...rest].join(' ');
}
