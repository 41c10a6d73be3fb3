import type { Schedule } from '../contract/directory.ts';

/**
 * When schedules happen: turns the iCal-like {@link Schedule} model into
 * concrete occurrences (instants), for "next sessions", "open now" and the
 * sessions endpoint.
 *
 * Every wall-clock value in a schedule (dates, `HH:MM` times, weekdays) is
 * Europe/London time, whatever the time zone of the process or browser. So
 * this module never uses `Date`'s local-time getters or setters: calendar
 * arithmetic is done on day numbers (days since 1970-01-01), and the
 * London UTC offset comes from one cached `Intl.DateTimeFormat` for
 * `Europe/London`, sampled once per year and remembered (formatting is far
 * too slow to do per occurrence).
 *
 * Rule semantics, where the model leaves a choice:
 * - WEEKLY: `byday` weekdays (an ordinal such as `1TU` is ignored: it
 *   means TU; a code no month could have, `0TU` or `6TU`, is dropped);
 *   weeks start on Monday; `interval` counts from the week of `dtstart`,
 *   else of `validFrom`, else of 1970-01-05 (the first Monday of the Unix
 *   epoch, so an unanchored fortnightly rule is still stable and the same
 *   for everyone). No usable `byday`: `dtstart`'s weekday; no `dtstart`
 *   either: the rule yields nothing. `bymonthday` is ignored.
 * - MONTHLY: `byday` with ordinals (`1TU` first Tuesday, `-1FR` last
 *   Friday; a plain `TU` is every Tuesday) and `bymonthday` (`15`, `-1`
 *   last day; days a month lacks are skipped, as in RFC 5545). When both
 *   are given a day must match both (RFC 5545: `FR` + `13` is Friday the
 *   13th). `interval` counts from the month of `dtstart`, else `validFrom`,
 *   else 1970-01. Neither given: `dtstart`'s day of the month; no `dtstart`
 *   either: the rule yields nothing.
 * - Bounds: `dtstart`, `validFrom`, `validTo` and `until` are inclusive
 *   London dates and bound every occurrence, one-off `dates` included
 *   (they describe when the schedule applies at all). `dtstart` itself is
 *   not an occurrence unless the rule matches it.
 * - Times: no `opensAt` means all day (00:00 to the next day's 00:00, so
 *   23 or 25 hours on clock-change days), and `closesAt` is then ignored.
 *   No `closesAt` (or one equal to `opensAt`) means `end` equals `start`.
 *   A `closesAt` earlier than `opensAt` closes after midnight, on the next
 *   day. An end that would precede a start moved out of the spring gap is
 *   pulled up to the start.
 * - Horizons beyond 100 years are cut to 100 years.
 * - Malformed values (which the contract already refuses) are treated as
 *   absent; nothing here throws for a bad schedule.
 */

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** Weekday codes, Monday first (the index is the ISO weekday minus one). */
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** One concrete occurrence of a schedule. */
export interface Occurrence {
  start: Date;
  /** Equals `start` when the schedule has no `closesAt`. */
  end: Date;
  /** The London date it falls on, `YYYY-MM-DD`. */
  date: string;
  opensAt?: string;
  closesAt?: string;
  /** Present (true) only when the schedule has no `opensAt`. */
  allDay?: boolean;
}

/** A moment as London wall-clock time. */
export interface LondonParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
  /** London's offset from UTC at that moment, in minutes (0 GMT, 60 BST). */
  offsetMinutes: number;
}

export interface NextOccurrencesOptions {
  /** Only occurrences starting within this many days (24-hour periods) of `from`. Default 400. */
  horizonDays?: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DEFAULT_HORIZON_DAYS = 400;
/** Longer horizons are cut to this, so a rule that can never match (e.g. `1MO` + day 31) can't scan for ever. */
const MAX_HORIZON_DAYS = 36_525;
/** Day number of Monday 1970-01-05: week 0, the anchor of unanchored weekly intervals. */
const MONDAY_ZERO = 4;

// ---------------------------------------------------------------------------
// Calendar arithmetic on day numbers (proleptic Gregorian; after H. Hinnant's
// civil-date algorithms). Pure integer maths: no Date, no time zone.

function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `[year, month 1–12, day 1–31]` of a day number. */
function civilFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Monday-based week number, week 0 starting 1970-01-05. */
function weekIndex(dayNumber: number): number {
  return Math.floor((dayNumber - MONDAY_ZERO) / 7);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatDay(dayNumber: number): string {
  const [y, m, d] = civilFromDay(dayNumber);
  const year = y >= 0 ? String(y).padStart(4, '0') : `-${String(-y).padStart(4, '0')}`;
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The day number of a real `YYYY-MM-DD` date, or undefined. */
function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_RE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

/** Minutes after midnight of an `HH:MM` time, or undefined. */
function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIME_RE.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

// ---------------------------------------------------------------------------
// The London offset. Intl knows the tz database; we ask it as rarely as
// possible: per UTC year, sample the offset weekly and binary-search each
// change to the second, then answer every later question from that table.

let londonFormat: Intl.DateTimeFormat | undefined;

/** London's UTC offset (ms) at `ms`, straight from Intl. */
function intlOffset(ms: number): number {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of londonFormat.formatToParts(ms)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break; // some engines say 24 for midnight
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      case 'era': bc = part.value.startsWith('B'); break;
      default: break;
    }
  }
  if (bc) year = 1 - year;
  const wall = dayFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

interface YearOffsets {
  start: number;
  end: number;
  initial: number;
  /** Offset changes within the year, in order: from `at` on, `offset` applies. */
  changes: { at: number; offset: number }[];
}

const offsetYears = new Map<number, YearOffsets>();
let lastYear: YearOffsets | undefined;

function yearOffsets(year: number): YearOffsets {
  const cached = offsetYears.get(year);
  if (cached) return cached;
  const start = dayFromCivil(year, 1, 1) * DAY_MS;
  const end = dayFromCivil(year + 1, 1, 1) * DAY_MS;
  const initial = intlOffset(start);
  const changes: { at: number; offset: number }[] = [];
  // Weekly samples: London never changed its offset twice within a week.
  let previous = start;
  let previousOffset = initial;
  for (let sample = start + 7 * DAY_MS; previous < end; sample += 7 * DAY_MS) {
    const at = Math.min(sample, end);
    const sampleOffset = intlOffset(at);
    while (previousOffset !== sampleOffset) {
      // Invariant: offset(lo) === previousOffset, offset(hi) !== previousOffset.
      let lo = previous;
      let hi = at;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffset(mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      const offset = intlOffset(hi);
      if (hi < end) changes.push({ at: hi, offset });
      previous = hi;
      previousOffset = offset;
    }
    previous = at;
  }
  const entry = { start, end, initial, changes };
  offsetYears.set(year, entry);
  return entry;
}

/** London's UTC offset (ms) at instant `ms`. */
function offsetAt(ms: number): number {
  let table = lastYear;
  if (!table || ms < table.start || ms >= table.end) {
    table = yearOffsets(civilFromDay(Math.floor(ms / DAY_MS))[0]);
    lastYear = table;
  }
  let offset = table.initial;
  for (const change of table.changes) {
    if (ms < change.at) break;
    offset = change.offset;
  }
  return offset;
}

/**
 * The instant of London wall time `minuteOfDay` on day `dayNumber`.
 * Nonexistent times (in the spring-forward gap) move forward by the gap;
 * ambiguous times (autumn, repeated hour) take the first, summer-time one.
 */
function wallToInstant(dayNumber: number, minuteOfDay: number): number {
  const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  // London changes offset at most once in any two days, so the offsets a
  // day either side are the only candidates.
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(early) === before;
  const lateValid = offsetAt(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap: read the wall time with the offset in force before it,
  // which lands as far after the gap's start as the time was.
  return early;
}

/** The London day number of instant `ms`. */
function londonDay(ms: number): number {
  return Math.floor((ms + offsetAt(ms)) / DAY_MS);
}

// ---------------------------------------------------------------------------
// Public helpers

/**
 * `instant` as Europe/London wall-clock parts, whatever the local time zone.
 * @throws RangeError for an invalid Date.
 */
export function londonParts(instant: Date): LondonParts {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('londonParts: invalid Date');
  const offset = offsetAt(ms);
  const wall = ms + offset;
  const dayNumber = Math.floor(wall / DAY_MS);
  const secondOfDay = Math.floor((wall - dayNumber * DAY_MS) / 1000);
  const [year, month, day] = civilFromDay(dayNumber);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor(secondOfDay / 60) % 60;
  return {
    date: formatDay(dayNumber),
    time: `${pad2(hour)}:${pad2(minute)}`,
    year,
    month,
    day,
    hour,
    minute,
    second: secondOfDay % 60,
    weekday: WEEKDAYS[weekdayIndex(dayNumber)] ?? 'MO',
    offsetMinutes: offset / MINUTE_MS,
  };
}

/**
 * The instant of London wall time `time` (`HH:MM`) on `date` (`YYYY-MM-DD`).
 * A time that doesn't exist (the spring-forward hour, e.g. 2026-03-29 01:30)
 * moves forward by the gap (02:30 BST); a time that happens twice (the
 * autumn hour, e.g. 2026-10-25 01:30) is the first, BST, one.
 * @throws RangeError when `date` or `time` is malformed.
 */
export function londonInstant(date: string, time: string): Date {
  const dayNumber = parseDate(date);
  const minuteOfDay = parseTime(time);
  if (dayNumber === undefined) throw new RangeError(`londonInstant: not a YYYY-MM-DD date: ${date}`);
  if (minuteOfDay === undefined) throw new RangeError(`londonInstant: not an HH:MM time: ${time}`);
  return new Date(wallToInstant(dayNumber, minuteOfDay));
}

/**
 * The weekday of a `YYYY-MM-DD` calendar date.
 * @throws RangeError when `date` is malformed.
 */
export function weekdayOf(date: string): Weekday {
  const dayNumber = parseDate(date);
  if (dayNumber === undefined) throw new RangeError(`weekdayOf: not a YYYY-MM-DD date: ${date}`);
  return WEEKDAYS[weekdayIndex(dayNumber)] ?? 'MO';
}

// ---------------------------------------------------------------------------
// Schedules

/** A schedule, checked and reduced to numbers once per call. */
interface Plan {
  freq: 'WEEKLY' | 'MONTHLY' | undefined;
  interval: number;
  /** WEEKLY: weekday indexes, sorted, unique. */
  weekdays: number[];
  /** MONTHLY: `byday` as [ordinal (0 = every), weekday index]. */
  monthByDay: [number, number][];
  /** MONTHLY: `bymonthday`, nonzero. */
  monthDays: number[];
  /** Week index (WEEKLY) or year*12+month-1 (MONTHLY) the interval counts from. */
  anchor: number;
  /** Inclusive day-number bounds (±Infinity when open). */
  lo: number;
  hi: number;
  /** One-off dates within the bounds, sorted, unique. */
  dates: number[];
  opens: number | undefined;
  closes: number | undefined;
}

const BYDAY_RE = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

function planOf(schedule: Schedule): Plan | undefined {
  const freq = schedule.freq === 'WEEKLY' || schedule.freq === 'MONTHLY' ? schedule.freq : undefined;
  const rawDates = Array.isArray(schedule.dates) ? schedule.dates : [];
  if (!freq && rawDates.length === 0) return undefined;

  const dtstart = parseDate(schedule.dtstart);
  const validFrom = parseDate(schedule.validFrom);
  const lo = Math.max(dtstart ?? -Infinity, validFrom ?? -Infinity);
  const hi = Math.min(parseDate(schedule.validTo) ?? Infinity, parseDate(schedule.until) ?? Infinity);
  if (lo > hi) return undefined;

  const dates = [...new Set(rawDates.map(parseDate))]
    .filter((d): d is number => d !== undefined && d >= lo && d <= hi)
    .sort((a, b) => a - b);

  const interval =
    typeof schedule.interval === 'number' && Number.isInteger(schedule.interval) && schedule.interval >= 1 ? schedule.interval : 1;
  const anchorDay = dtstart ?? validFrom;

  const weekdays: number[] = [];
  const monthByDay: [number, number][] = [];
  const monthDays: number[] = [];
  let anchor = 0;
  let ruleFreq = freq;

  for (const code of Array.isArray(schedule.byday) ? schedule.byday : []) {
    const match = typeof code === 'string' ? BYDAY_RE.exec(code.trim().toUpperCase()) : null;
    if (!match) continue;
    const weekday = WEEKDAYS.indexOf(match[2] as Weekday);
    const ordinal = match[1] === undefined ? 0 : Number(match[1]);
    // No month has a 0th or 6th Tuesday: such a code is malformed, not "every".
    if (match[1] !== undefined && (ordinal === 0 || Math.abs(ordinal) > 5)) continue;
    if (freq === 'WEEKLY') {
      if (!weekdays.includes(weekday)) weekdays.push(weekday);
    } else {
      monthByDay.push([ordinal, weekday]);
    }
  }

  if (freq === 'WEEKLY') {
    if (weekdays.length === 0 && dtstart !== undefined) weekdays.push(weekdayIndex(dtstart));
    if (weekdays.length === 0) ruleFreq = undefined;
    weekdays.sort((a, b) => a - b);
    anchor = anchorDay === undefined ? 0 : weekIndex(anchorDay);
  } else if (freq === 'MONTHLY') {
    for (const n of Array.isArray(schedule.bymonthday) ? schedule.bymonthday : []) {
      if (Number.isInteger(n) && n !== 0 && Math.abs(n) <= 31) monthDays.push(n);
    }
    if (monthByDay.length === 0 && monthDays.length === 0 && dtstart !== undefined) monthDays.push(civilFromDay(dtstart)[2]);
    if (monthByDay.length === 0 && monthDays.length === 0) ruleFreq = undefined;
    if (anchorDay === undefined) anchor = 1970 * 12;
    else {
      const [y, m] = civilFromDay(anchorDay);
      anchor = y * 12 + m - 1;
    }
  }
  if (!ruleFreq && dates.length === 0) return undefined;

  const opens = parseTime(schedule.opensAt);
  return {
    freq: ruleFreq,
    interval,
    weekdays,
    monthByDay,
    monthDays,
    anchor,
    lo,
    hi,
    dates,
    opens,
    closes: opens === undefined ? undefined : parseTime(schedule.closesAt),
  };
}

function* weeklyDays(plan: Plan, from: number, to: number): Generator<number, void, undefined> {
  const first = weekIndex(from);
  for (let week = first + mod(plan.anchor - first, plan.interval); ; week += plan.interval) {
    const monday = MONDAY_ZERO + 7 * week;
    if (monday > to) return;
    for (const weekday of plan.weekdays) {
      const day = monday + weekday;
      if (day > to) return;
      if (day >= from) yield day;
    }
  }
}

/** Bit d-1 set for each day d of the month the MONTHLY rule picks. */
function monthMask(plan: Plan, firstDay: number, length: number): number {
  const firstWeekday = weekdayIndex(firstDay);
  let byDay = 0;
  for (const [ordinal, weekday] of plan.monthByDay) {
    const firstMatch = 1 + mod(weekday - firstWeekday, 7);
    if (ordinal === 0) {
      for (let d = firstMatch; d <= length; d += 7) byDay |= 1 << (d - 1);
    } else if (ordinal > 0) {
      const d = firstMatch + 7 * (ordinal - 1);
      if (d <= length) byDay |= 1 << (d - 1);
    } else {
      const lastMatch = length - mod(weekdayIndex(firstDay + length - 1) - weekday, 7);
      const d = lastMatch + 7 * (ordinal + 1);
      if (d >= 1) byDay |= 1 << (d - 1);
    }
  }
  let byMonthDay = 0;
  for (const n of plan.monthDays) {
    const d = n > 0 ? n : length + n + 1;
    if (d >= 1 && d <= length) byMonthDay |= 1 << (d - 1);
  }
  if (plan.monthByDay.length === 0) return byMonthDay;
  if (plan.monthDays.length === 0) return byDay;
  return byDay & byMonthDay;
}

function* monthlyDays(plan: Plan, from: number, to: number): Generator<number, void, undefined> {
  const [fromYear, fromMonth] = civilFromDay(from);
  const first = fromYear * 12 + fromMonth - 1;
  for (let index = first + mod(plan.anchor - first, plan.interval); ; index += plan.interval) {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const firstDay = dayFromCivil(year, month, 1);
    if (firstDay > to) return;
    let mask = monthMask(plan, firstDay, daysInMonth(year, month));
    while (mask !== 0) {
      const lowest = mask & -mask;
      mask ^= lowest;
      const day = firstDay + 31 - Math.clz32(lowest);
      if (day > to) return;
      if (day >= from) yield day;
    }
  }
}

/** Days in [from, to] with an occurrence, ascending: the rule's merged with the one-off dates. */
function* occurrenceDays(plan: Plan, from: number, to: number): Generator<number, void, undefined> {
  const lo = Math.max(from, plan.lo);
  const hi = Math.min(to, plan.hi);
  if (lo > hi) return;
  const rule = plan.freq === 'WEEKLY' ? weeklyDays(plan, lo, hi) : plan.freq === 'MONTHLY' ? monthlyDays(plan, lo, hi) : undefined;
  let i = 0;
  while (i < plan.dates.length && (plan.dates[i] ?? Infinity) < lo) i++;
  let next = rule?.next();
  for (;;) {
    const ruleDay = next && !next.done ? next.value : Infinity;
    const oneOff = plan.dates[i] ?? Infinity;
    const day = Math.min(ruleDay, oneOff > hi ? Infinity : oneOff);
    if (day === Infinity) return;
    yield day;
    if (oneOff === day) i++;
    if (ruleDay === day) next = rule?.next();
  }
}

/** Start and end instants (ms) of the occurrence on `day`. */
function spanOn(plan: Plan, day: number): [number, number] {
  if (plan.opens === undefined) return [wallToInstant(day, 0), wallToInstant(day + 1, 0)];
  const start = wallToInstant(day, plan.opens);
  if (plan.closes === undefined || plan.closes === plan.opens) return [start, start];
  const end = plan.closes > plan.opens ? wallToInstant(day, plan.closes) : wallToInstant(day + 1, plan.closes);
  // A start moved forward out of the spring gap can pass an early close.
  return [start, Math.max(start, end)];
}

function occurrence(plan: Plan, day: number, start: number, end: number): Occurrence {
  const result: Occurrence = { start: new Date(start), end: new Date(end), date: formatDay(day) };
  if (plan.opens === undefined) {
    result.allDay = true;
    return result;
  }
  result.opensAt = `${pad2(Math.floor(plan.opens / 60))}:${pad2(plan.opens % 60)}`;
  if (plan.closes !== undefined) result.closesAt = `${pad2(Math.floor(plan.closes / 60))}:${pad2(plan.closes % 60)}`;
  return result;
}

/**
 * The next `count` occurrences of `schedule` that haven't ended by `from`
 * (a session in progress counts; one without `closesAt` that starts
 * exactly at `from` has ended), ordered by start, starting within
 * `options.horizonDays` (default 400) days of `from`. Never throws: a
 * schedule without a usable rule or dates gives `[]`.
 */
export function nextOccurrences(schedule: Schedule, from: Date, count: number, options: NextOccurrencesOptions = {}): Occurrence[] {
  const fromMs = from.getTime();
  const limit = Math.floor(count);
  if (!Number.isFinite(fromMs) || !(limit >= 1)) return [];
  const plan = planOf(schedule);
  if (!plan) return [];
  const requested = options.horizonDays;
  const horizonDays =
    typeof requested === 'number' && requested >= 0 ? Math.min(requested, MAX_HORIZON_DAYS) : DEFAULT_HORIZON_DAYS;
  const horizonEnd = fromMs + horizonDays * DAY_MS;
  const result: Occurrence[] = [];
  // From the day before: an overnight session from yesterday may not have ended.
  for (const day of occurrenceDays(plan, londonDay(fromMs) - 1, londonDay(horizonEnd))) {
    const [start, end] = spanOn(plan, day);
    if (start >= horizonEnd) break;
    if (end > fromMs) {
      result.push(occurrence(plan, day, start, end));
      if (result.length >= limit) break;
    }
  }
  return result;
}

/**
 * Every occurrence of `schedule` starting in [`from`, `to`), ordered by
 * start. Never throws; `[]` when `to` isn't after `from`.
 */
export function occurrencesBetween(schedule: Schedule, from: Date, to: Date): Occurrence[] {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) return [];
  const plan = planOf(schedule);
  if (!plan) return [];
  const result: Occurrence[] = [];
  for (const day of occurrenceDays(plan, londonDay(fromMs) - 1, londonDay(toMs))) {
    const [start, end] = spanOn(plan, day);
    if (start >= toMs) break;
    if (start >= fromMs) result.push(occurrence(plan, day, start, end));
  }
  return result;
}

/**
 * True when some occurrence of some schedule has started and not ended at
 * `now` (start <= now < end). All-day occurrences are open all day; an
 * occurrence without `closesAt` is never open (it has no length).
 */
export function isOpenNow(schedules: readonly Schedule[], now: Date): boolean {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) return false;
  return schedules.some((schedule) => {
    // The first occurrence not yet ended has the earliest start of those, so it decides.
    const [first] = nextOccurrences(schedule, now, 1, { horizonDays: 1 });
    return first !== undefined && first.start.getTime() <= nowMs;
  });
}
