import type { Coordinates } from '../contract/directory.ts';

/*
 * Value-level cleaning for feed data. Everything here takes `unknown`, never
 * throws, and returns `undefined` for anything it cannot use. Feed text is
 * TEXT: nothing here parses, strips or decodes HTML; callers render it as text.
 */

// C0 and C1 controls other than line feed, plus DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and isolates (used to disguise text), and the byte-order mark.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Feed text as plain text: trimmed, line breaks normalised to `\n` (at most
 * one blank line in a row), every other control character and run of spaces
 * collapsed to one space. Numbers become their decimal string. `undefined` for
 * empty text, `null` and anything else that is not a string or finite number.
 */
export function plainText(value: unknown): string | undefined {
  const raw = textOf(value);
  if (raw === undefined) return undefined;
  const text = raw
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/[ \u00A0]{2,}/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? undefined : text;
}

/** Like {@link plainText}, on one line: every run of white space (line breaks too) becomes one space. */
export function lineText(value: unknown): string | undefined {
  const text = plainText(value);
  if (text === undefined) return undefined;
  return text.replace(/\s+/g, ' ');
}

const SCHEME = /^(https?|mailto|tel):/i;

/**
 * A URL safe to put in an `href`, or `undefined`. Only absolute `http(s):`
 * (with a host), `mailto:` and `tel:` URLs pass; surrounding white space is
 * trimmed, the scheme is lower-cased, and anything containing white space or
 * control characters, relative URLs, `javascript:`, `data:` and every other
 * scheme are refused.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 2048) return undefined;
  // Any white space, control or invisible character inside is refused, not repaired.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(trimmed)) return undefined;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  const rest = trimmed.slice(scheme.length + 1);
  if (scheme === 'http' || scheme === 'https') {
    // Exactly two forward slashes: no `http:\\host`, no `http:host`.
    if (!/^\/\/[^/\\]/.test(rest) || rest.includes('\\')) return undefined;
    const url = `${scheme}:${rest}`;
    try {
      return new URL(url).hostname === '' ? undefined : url;
    } catch {
      return undefined;
    }
  }
  if (scheme === 'mailto') return /^[^@/]+@[^@/]+$/.test(rest.split('?')[0] ?? '') ? `mailto:${rest}` : undefined;
  // tel: digits with the usual visual separators.
  return /^\+?[0-9][0-9().-]*$/.test(rest) ? `tel:${rest}` : undefined;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number from a number or a plain decimal string (`"52.7"`); `undefined` otherwise. */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * WGS84 coordinates from a latitude and a longitude given as numbers or
 * numeric strings. `undefined` when either is missing or not a number, out of
 * range (|lat| > 90, |lng| > 180), or both are zero ("null island", a common
 * placeholder for "unknown").
 */
export function coordinatesFrom(lat: unknown, lng: unknown): Coordinates | undefined {
  const la = numberFrom(lat);
  const lo = numberFrom(lng);
  if (la === undefined || lo === undefined) return undefined;
  if (Math.abs(la) > 90 || Math.abs(lo) > 180) return undefined;
  if (la === 0 && lo === 0) return undefined;
  // -0 would survive JSON as 0 anyway; keep output canonical.
  return { lat: la === 0 ? 0 : la, lng: lo === 0 ? 0 : lo };
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  // Placeholders such as .NET's 0001-01-01 and 9999-12-31 mean "no date".
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

let londonDates: Intl.DateTimeFormat | undefined;
function londonDate(instant: Date): string | undefined {
  try {
    londonDates ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    const parts = londonDates.formatToParts(instant);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return validDate(part('year'), part('month'), part('day'));
  } catch {
    return undefined;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A calendar date (`YYYY-MM-DD`, UK time) from a date (`2024-05-01`,
 * `01/05/2024`) or a date-time. A date-time with a zone (`Z`, `+01:00`) is
 * converted to its date in Europe/London; one without is taken as UK wall-clock
 * time. Impossible dates and placeholder years (before 1900, after 2999) give
 * `undefined`.
 */
export function localDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, y = '', m = '', d = '', hh, mm, ss, zone] = iso;
    const date = validDate(Number(y), Number(m), Number(d));
    if (date === undefined || zone === undefined || hh === undefined) return date;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const instant = new Date(`${date}T${hh}:${mm ?? '00'}:${ss ?? '00'}${offset}`);
    return Number.isFinite(instant.getTime()) ? londonDate(instant) : undefined;
  }
  const uk = UK_DATE.exec(text);
  if (uk) return validDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return undefined;
}

const TIME = /^(?:\d{4}-\d{2}-\d{2}[T ])?(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(am|pm)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A wall-clock time `HH:MM` from `10:00`, `10:00:00`, `9:30`, `9.30am`,
 * `1pm` or a date-time's time part (any zone suffix is ignored: opening times
 * are UK wall-clock). `24:00` (closing at midnight) becomes `23:59`. Seconds
 * are dropped. `undefined` for anything else.
 */
export function localTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIME.exec(value.trim());
  if (!match) return undefined;
  const [, h = '', m, , meridiem] = match;
  // A bare hour is only a time with am/pm ("9am"), never "9".
  if (m === undefined && meridiem === undefined) return undefined;
  let hours = Number(h);
  const minutes = Number(m ?? '0');
  if (minutes > 59) return undefined;
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hours === 24 && minutes === 0) return '23:59';
  if (hours > 23) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}
