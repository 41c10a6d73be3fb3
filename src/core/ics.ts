import { londonParts } from './schedule.ts';

/**
 * "Add to calendar": an RFC 5545 iCalendar file for one booked session.
 * DOM-free, so the hub finder (which offers the file as a download) and the
 * server share it. Times are written as Europe/London wall time with a
 * VTIMEZONE that carries the UK daylight-saving rules, so calendars show
 * the session at the time printed on the confirmation page.
 */

export interface BookingCalendarInput {
  /** The booking reference; the event's UID is `<reference>@community-led-widgets`. */
  reference: string;
  title: string;
  description?: string | undefined;
  location?: string | undefined;
  start: Date;
  end: Date;
  url?: string | undefined;
  /** When the file is made (DTSTAMP); defaults to now. */
  now?: Date | undefined;
  /**
   * `cancel`: the booking was cancelled. The file then says `METHOD:CANCEL`
   * and `STATUS:CANCELLED` under the same UID, so a calendar that has the
   * event removes it. Default `publish`.
   */
  kind?: 'publish' | 'cancel' | undefined;
  /** SEQUENCE: raised each time the event changes (a move, a cancellation), so calendars take the newer file. Default 0. */
  sequence?: number | undefined;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** Europe/London as calendar programs write it: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSSZ` */
function utcStamp(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** `YYYYMMDDTHHMMSS`, London wall time. */
function londonStamp(instant: Date): string {
  const p = londonParts(instant);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** Control characters RFC 5545 forbids in values (all but HTAB; line breaks are escaped before this). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** A TEXT value: `\`, `;`, `,` and line breaks escaped, other control characters dropped. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

const encoder = new TextEncoder();

/**
 * Folds one content line into lines of at most 75 octets (UTF-8), each
 * continuation starting with a space, never splitting a character.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** The whole `.ics` file, CRLF line endings, ending in CRLF. */
export function bookingCalendar(input: BookingCalendarInput): string {
  if (!Number.isFinite(input.start.getTime()) || !Number.isFinite(input.end.getTime())) throw new RangeError('bookingCalendar: invalid start or end');
  const end = input.end.getTime() < input.start.getTime() ? input.start : input.end;
  const url = input.url?.replace(CONTROL, '').trim();
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Community Led Support//community-led-widgets//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    input.kind === 'cancel' ? 'METHOD:CANCEL' : 'METHOD:PUBLISH',
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(input.reference)}@community-led-widgets`,
    `DTSTAMP:${utcStamp(input.now ?? new Date())}`,
    `SEQUENCE:${Math.max(0, Math.floor(input.sequence ?? 0))}`,
    `DTSTART;TZID=Europe/London:${londonStamp(input.start)}`,
    `DTEND;TZID=Europe/London:${londonStamp(end)}`,
    `SUMMARY:${escapeText(input.title)}`,
    ...(input.location ? [`LOCATION:${escapeText(input.location)}`] : []),
    ...(input.description ? [`DESCRIPTION:${escapeText(input.description)}`] : []),
    ...(url && !/\s/.test(url) ? [`URL:${url}`] : []),
    input.kind === 'cancel' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
