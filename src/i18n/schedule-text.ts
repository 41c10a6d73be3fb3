import type { Schedule } from '../contract/directory.ts';
import { WEEKDAYS, nextOccurrences, weekdayOf, type Weekday } from '../core/schedule.ts';
import { formatDay, formatTime, weekdayName } from './format.ts';
import type { Language } from './languages.ts';

/**
 * Schedules in plain words, GOV.UK style with 24-hour times:
 * "Every Tuesday, 10:00 to 12:00", "Bob yn ail ddydd Iau, 12:00 i 15:00",
 * "First Wednesday of the month", "Ar y 15fed o bob mis".
 *
 * Welsh: weekday names come from our own tables (see format.ts), lower-cased
 * after "Bob"/"a" and soft-mutated where the grammar needs it (`ail ddydd`,
 * `i ddydd`, `ar ddydd`). Ordinals follow the standard Welsh usage: cyntaf,
 * olaf and "olaf ond un" after the noun ("Dydd Mercher cyntaf y mis"), ail
 * (with soft mutation), trydydd, pedwerydd, pumed before it ("Ail ddydd
 * Mawrth y mis"). Days of the month use the written Welsh ordinal
 * abbreviations (1af, 2il, 3ydd, 4ydd, 5ed, 6ed, 7fed … 11eg … 20fed,
 * 21ain–31ain) with `y`/`yr` as the spoken ordinal needs ("Ar yr 2il").
 */

const EN_ORDINAL: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last', [-2]: 'second-last' };

/** Lower-case Welsh weekday, e.g. `dydd Mawrth`. */
const cyDay = (day: Weekday) => weekdayName('cy', day).replace(/^Dydd/, 'dydd');
/** Soft mutation of `dydd` (after ail, i, ar, yn ail). */
const cyDaySoft = (day: Weekday) => `d${cyDay(day)}`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `a, b and c` / `a, b a c`; Welsh `a` becomes `ac` before a vowel and aspirates c/p/t. */
function list(lang: Language, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items.at(-1) ?? '';
  const head = items.slice(0, -1).join(', ');
  if (lang === 'en') return `${head} and ${last}`;
  if (/^[aeiouwy]/i.test(last)) return `${head} ac ${last}`;
  return `${head} a ${last.replace(/^([cpt])(?!h)/i, '$1h')}`;
}

/** Written Welsh ordinal of a day of the month, with its article: `y 15fed`, `yr 2il`. */
function cyMonthDay(n: number): string {
  const suffix =
    n >= 21 ? 'ain' : (['', 'af', 'il', 'ydd', 'ydd', 'ed', 'ed', 'fed', 'fed', 'fed', 'fed', 'eg', 'fed', 'eg', 'eg', 'fed', 'eg', 'eg', 'fed', 'eg', 'fed'][n] ?? '');
  // Spoken forms starting with a vowel: ail, wythfed, unfed ar ddeg, unfed/ail ar bymtheg, ugeinfed, unfed/ail/wythfed ar hugain, unfed ar ddeg ar hugain.
  const article = [2, 8, 11, 16, 17, 20, 21, 22, 28, 31].includes(n) ? 'yr' : 'y';
  return `${article} ${n}${suffix}`;
}

function enMonthDay(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Weekday codes of `byday`, ordinals kept: [ordinal (0 = every), weekday]. */
function parseByDay(byday: readonly string[] | undefined): Array<[number, Weekday]> | undefined {
  const result: Array<[number, Weekday]> = [];
  for (const code of byday ?? []) {
    const m = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code.trim().toUpperCase());
    if (!m) return undefined;
    result.push([m[1] === undefined ? 0 : Number(m[1]), m[2] as Weekday]);
  }
  return result;
}

const sortDays = (days: Iterable<Weekday>) => [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));

function safeWeekdayOf(date: string | undefined): Weekday | undefined {
  if (date === undefined) return undefined;
  try {
    return weekdayOf(date);
  } catch {
    return undefined;
  }
}

/** "Every Monday and Thursday", "Monday to Friday", "Every other Thursday", "Every 3 weeks on Tuesday". */
function weekly(lang: Language, days: Weekday[], interval: number): string {
  const en = lang === 'en';
  if (interval === 1 && days.length === 7) return en ? 'Every day' : 'Bob dydd';
  if (interval === 1 && days.join() === 'MO,TU,WE,TH,FR') return en ? 'Monday to Friday' : 'Dydd Llun i ddydd Gwener';
  if (en) {
    const names = list('en', days.map((d) => weekdayName('en', d)));
    if (interval === 1) return `Every ${names}`;
    if (interval === 2) return `Every other ${names}`;
    return `Every ${interval} weeks on ${names}`;
  }
  const first = days[0];
  if (first === undefined) return '';
  if (interval === 1) return `Bob ${list('cy', days.map(cyDay))}`;
  // The first day follows `ail`/`ar` (soft mutation), the rest follow `a`.
  const names = list('cy', [cyDaySoft(first), ...days.slice(1).map(cyDay)]);
  return interval === 2 ? `Bob yn ail ${names}` : `Bob ${interval} wythnos ar ${names}`;
}

/** The "of the month" tail: `of the month` / `y mis`, `of every other month` / `bob yn ail fis`. */
function monthTail(lang: Language, interval: number, byDay: boolean): string {
  if (lang === 'en') {
    if (interval === 1) return byDay ? 'of the month' : 'of each month';
    return interval === 2 ? 'of every other month' : `of every ${interval} months`;
  }
  if (interval === 1) return byDay ? 'y mis' : 'o bob mis';
  return interval === 2 ? 'bob yn ail fis' : `bob ${interval} mis`;
}

/** One ordinal weekday in Welsh, lower case: `dydd Mercher cyntaf`, `ail ddydd Mawrth`, `trydydd dydd Iau`. */
function cyOrdinalDay(ordinal: number, day: Weekday): string | undefined {
  switch (ordinal) {
    case 1: return `${cyDay(day)} cyntaf`;
    case 2: return `ail ${cyDaySoft(day)}`;
    case 3: return `trydydd ${cyDay(day)}`;
    case 4: return `pedwerydd ${cyDay(day)}`;
    case 5: return `pumed ${cyDay(day)}`;
    case -1: return `${cyDay(day)} olaf`;
    case -2: return `${cyDay(day)} olaf ond un`;
    default: return undefined;
  }
}

function monthlyByDay(lang: Language, items: Array<[number, Weekday]>, interval: number): string | undefined {
  const tail = monthTail(lang, interval, true);
  if (lang === 'en') {
    const words = items.map(([o]) => EN_ORDINAL[o]);
    if (words.some((w) => w === undefined)) return undefined;
    const sameDay = items.every(([, d]) => d === items[0]?.[1]);
    const phrase = sameDay
      ? `${list('en', words as string[])} ${weekdayName('en', items[0]?.[1] ?? 'MO')}`
      : list('en', items.map(([o, d]) => `${EN_ORDINAL[o] ?? ''} ${weekdayName('en', d)}`));
    return `${capitalise(phrase)} ${tail}`;
  }
  const phrases = items.map(([o, d]) => cyOrdinalDay(o, d));
  if (phrases.some((p) => p === undefined)) return undefined;
  return `${capitalise(list('cy', phrases as string[]))} ${tail}`;
}

function monthlyByMonthDay(lang: Language, days: number[], interval: number): string | undefined {
  // Positive days in order, then the last day; other negative days aren't worded.
  if (days.some((d) => d < -1 || d === 0 || d > 31)) return undefined;
  const sorted = [...new Set(days)].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b));
  const tail = monthTail(lang, interval, false);
  if (lang === 'en') {
    const words = sorted.map((d) => (d === -1 ? 'last day' : enMonthDay(d)));
    return `On the ${list('en', words)} ${tail}`;
  }
  // "Ar y 1af a'r 15fed o bob mis", "Ar y diwrnod olaf o bob mis".
  const words = sorted.map((d) => (d === -1 ? 'y diwrnod olaf' : cyMonthDay(d)));
  const [first, ...rest] = words;
  const joined = rest.length === 0 ? first : `${[first, ...rest.slice(0, -1).map((w) => w.replace(/^yr? /, ''))].join(', ')} a'r ${(rest.at(-1) ?? '').replace(/^yr? /, '')}`;
  return `Ar ${joined} ${tail}`;
}

function times(lang: Language, schedule: Schedule): string {
  const { opensAt, closesAt } = schedule;
  if (opensAt === undefined) return '';
  if (closesAt === undefined || closesAt === opensAt) return lang === 'en' ? `, from ${opensAt}` : `, o ${opensAt}`;
  return lang === 'en' ? `, ${opensAt} to ${closesAt}` : `, ${opensAt} i ${closesAt}`;
}

function rule(schedule: Schedule, lang: Language): string | undefined {
  const interval = schedule.interval !== undefined && Number.isInteger(schedule.interval) && schedule.interval >= 1 ? schedule.interval : 1;
  const byday = parseByDay(schedule.byday);
  if (byday === undefined) return undefined;
  if (schedule.freq === 'WEEKLY') {
    const start = safeWeekdayOf(schedule.dtstart);
    const days = sortDays(byday.length > 0 ? byday.map(([, d]) => d) : start ? [start] : []);
    return days.length === 0 ? undefined : weekly(lang, days, interval);
  }
  if (schedule.freq === 'MONTHLY') {
    const monthDays = schedule.bymonthday ?? [];
    if (byday.length > 0 && monthDays.length > 0) return undefined; // "Friday the 13th": too rare to word.
    if (byday.length > 0) {
      if (byday.every(([o]) => o === 0)) return interval === 1 ? weekly(lang, sortDays(byday.map(([, d]) => d)), 1) : undefined;
      return byday.some(([o]) => o === 0) ? undefined : monthlyByDay(lang, byday, interval);
    }
    const fromStart = schedule.dtstart === undefined ? undefined : Number(schedule.dtstart.slice(8, 10));
    const days = monthDays.length > 0 ? monthDays : fromStart !== undefined && fromStart >= 1 ? [fromStart] : [];
    return days.length === 0 ? undefined : monthlyByMonthDay(lang, days, interval);
  }
  return undefined;
}

/**
 * A regular schedule in plain words, with its times when it has them; the
 * schedule's own `description` when its rule can't be worded (or it has
 * none); undefined when there's nothing to say.
 */
export function describeSchedule(schedule: Schedule, lang: Language): string | undefined {
  const words = rule(schedule, lang);
  if (words !== undefined) return `${words}${times(lang, schedule)}`;
  const description = schedule.description?.trim();
  return description ? description : undefined;
}

/**
 * "Next: Thursday 4 December, 12:00 to 15:00" / "Nesaf: Dydd Iau 4 Rhagfyr,
 * 12:00 i 15:00", in UK time; undefined when nothing is coming up.
 */
export function nextOccurrenceText(schedule: Schedule, now: Date, lang: Language): string | undefined {
  const [next] = nextOccurrences(schedule, now, 1);
  if (!next) return undefined;
  const label = lang === 'en' ? 'Next' : 'Nesaf';
  let text = `${label}: ${formatDay(lang, next.start)}`;
  if (!next.allDay) {
    const start = formatTime(lang, next.start);
    const end = formatTime(lang, next.end);
    text += next.end.getTime() > next.start.getTime() ? `, ${start} ${lang === 'en' ? 'to' : 'i'} ${end}` : `, ${start}`;
  }
  return text;
}
