import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bookingCalendar, type BookingCalendarInput } from '../../src/core/ics.ts';

// ---------------------------------------------------------------------------
// A small RFC 5545 reader, written here (not shipped) to read the file back
// the way a calendar program does: unfold, split properties, unescape.

interface Property {
  name: string;
  params: Record<string, string>;
  /** Unescaped (TEXT rules). */
  value: string;
  /** As written, before unescaping. */
  raw: string;
}

interface Component {
  name: string;
  properties: Property[];
  children: Component[];
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function parseProperty(line: string): Property {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  assert.ok(colon > 0, `a property line has a name and a value: ${line}`);
  const [name = '', ...rawParams] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    params[param.slice(0, eq).toUpperCase()] = param.slice(eq + 1);
  }
  const raw = line.slice(colon + 1);
  return { name: name.toUpperCase(), params, raw, value: unescapeText(raw) };
}

function parseIcs(text: string): Component {
  assert.ok(text.endsWith('\r\n'), 'the file ends with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) assert.doesNotMatch(line, /[\r\n]/, 'every line ends with CRLF, never a bare CR or LF');
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      assert.ok(logical.length, 'a continuation follows a line');
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  const root: Component = { name: '', properties: [], children: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const property = parseProperty(line);
    const top = stack[stack.length - 1];
    assert.ok(top);
    if (property.name === 'BEGIN') {
      const child: Component = { name: property.value, properties: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (property.name === 'END') {
      assert.equal(top.name, property.value, `END:${property.value} closes BEGIN:${top.name}`);
      stack.pop();
    } else {
      top.properties.push(property);
    }
  }
  assert.equal(stack.length, 1, 'every BEGIN has its END');
  assert.equal(root.children.length, 1);
  const calendar = root.children[0];
  assert.ok(calendar);
  assert.equal(calendar.name, 'VCALENDAR');
  return calendar;
}

const child = (component: Component, name: string): Component => {
  const found = component.children.find((c) => c.name === name);
  assert.ok(found, `${component.name} has a ${name}`);
  return found;
};
const prop = (component: Component, name: string): Property => {
  const found = component.properties.filter((p) => p.name === name);
  assert.equal(found.length, 1, `${component.name} has one ${name}`);
  return found[0] as Property;
};
const has = (component: Component, name: string) => component.properties.some((p) => p.name === name);

/** The byte lines of the file, as a calendar program receives them. */
function octetLines(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Europe/London from the VTIMEZONE's own rules, independent of src/core:
// BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October.

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** The instant of a `YYYYMMDDTHHMMSS` Europe/London wall time (not in a gap or overlap). */
function londonWallToInstant(stamp: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  assert.ok(match, `a local date-time: ${stamp}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const summer = wall - 3_600_000 >= lastSundayUtc(y, 2) && wall - 3_600_000 < lastSundayUtc(y, 9);
  return new Date(wall - (summer ? 3_600_000 : 0));
}

const base: BookingCalendarInput = {
  reference: 'HK7T-4WQX',
  title: 'Talking point conversation',
  start: new Date('2026-12-03T12:00:00Z'),
  end: new Date('2026-12-03T12:30:00Z'),
  now: new Date('2026-11-25T13:04:05.678Z'),
};

describe('bookingCalendar (.ics for "Add to calendar")', () => {
  it('is a publishable VCALENDAR with one event whose UID is the booking reference', () => {
    const calendar = parseIcs(bookingCalendar(base));
    assert.equal(prop(calendar, 'VERSION').value, '2.0');
    assert.match(prop(calendar, 'PRODID').value, /community-led-widgets/);
    assert.equal(prop(calendar, 'CALSCALE').value, 'GREGORIAN');
    assert.equal(prop(calendar, 'METHOD').value, 'PUBLISH');
    const events = calendar.children.filter((c) => c.name === 'VEVENT');
    assert.equal(events.length, 1);
    const event = events[0] as Component;
    assert.equal(prop(event, 'UID').value, 'HK7T-4WQX@community-led-widgets');
    assert.equal(prop(event, 'DTSTAMP').value, '20261125T130405Z', 'DTSTAMP is UTC');
    assert.equal(prop(event, 'SUMMARY').value, 'Talking point conversation');
  });

  it('carries a Europe/London VTIMEZONE with both daylight-saving rules', () => {
    const calendar = parseIcs(bookingCalendar(base));
    const zone = child(calendar, 'VTIMEZONE');
    assert.equal(prop(zone, 'TZID').value, 'Europe/London');
    const daylight = child(zone, 'DAYLIGHT');
    assert.equal(prop(daylight, 'TZOFFSETFROM').value, '+0000');
    assert.equal(prop(daylight, 'TZOFFSETTO').value, '+0100');
    assert.equal(prop(daylight, 'RRULE').value, 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    assert.match(prop(daylight, 'DTSTART').value, /^\d{4}03\d{2}T010000$/);
    const standard = child(zone, 'STANDARD');
    assert.equal(prop(standard, 'TZOFFSETFROM').value, '+0100');
    assert.equal(prop(standard, 'TZOFFSETTO').value, '+0000');
    assert.equal(prop(standard, 'RRULE').value, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    assert.match(prop(standard, 'DTSTART').value, /^\d{4}10\d{2}T020000$/);
  });

  it('writes a winter (GMT) booking as London wall time, which reads back as the booked instant', () => {
    const event = child(parseIcs(bookingCalendar(base)), 'VEVENT');
    const start = prop(event, 'DTSTART');
    const end = prop(event, 'DTEND');
    assert.deepEqual(start.params, { TZID: 'Europe/London' });
    assert.deepEqual(end.params, { TZID: 'Europe/London' });
    assert.equal(start.value, '20261203T120000');
    assert.equal(end.value, '20261203T123000');
    assert.equal(londonWallToInstant(start.value).toISOString(), base.start.toISOString());
    assert.equal(londonWallToInstant(end.value).toISOString(), base.end.toISOString());
  });

  it('writes a summer (BST) booking an hour ahead of UTC, which reads back as the booked instant', () => {
    const summer = { ...base, start: new Date('2026-07-01T09:00:00Z'), end: new Date('2026-07-01T11:00:00Z') };
    const event = child(parseIcs(bookingCalendar(summer)), 'VEVENT');
    assert.equal(prop(event, 'DTSTART').value, '20260701T100000');
    assert.equal(prop(event, 'DTEND').value, '20260701T120000');
    assert.equal(londonWallToInstant(prop(event, 'DTSTART').value).toISOString(), summer.start.toISOString());
    assert.equal(londonWallToInstant(prop(event, 'DTEND').value).toISOString(), summer.end.toISOString());
  });

  it('escapes backslashes, semicolons, commas and line breaks, so every text reads back exactly', () => {
    const input = {
      ...base,
      title: 'Talking point; Neuadd, "Llan" \\ drop by',
      location: 'Neuadd Llangwynfor, Heol y Bont, Llangwynfor SY7 9QT',
      description: 'Reference HK7T-4WQX.\nTo cancel, use the link in your confirmation;\r\nsee you there, Ffion.\rBring nothing.',
      url: 'https://council.example/talking-points?ref=HK7T-4WQX&lang=cy',
    };
    const text = bookingCalendar(input);
    const event = child(parseIcs(text), 'VEVENT');
    assert.equal(prop(event, 'SUMMARY').value, input.title);
    assert.equal(prop(event, 'SUMMARY').raw, 'Talking point\\; Neuadd\\, "Llan" \\\\ drop by');
    assert.equal(prop(event, 'LOCATION').value, input.location);
    assert.equal(
      prop(event, 'DESCRIPTION').value,
      'Reference HK7T-4WQX.\nTo cancel, use the link in your confirmation;\nsee you there, Ffion.\nBring nothing.',
    );
    assert.equal(prop(event, 'URL').value, input.url);
  });

  it('leaves out the optional properties when they are not given', () => {
    const event = child(parseIcs(bookingCalendar(base)), 'VEVENT');
    for (const name of ['LOCATION', 'DESCRIPTION', 'URL']) assert.equal(has(event, name), false, name);
  });

  it('folds a long Welsh title at 75 octets without splitting a character, and it unfolds to the same text', () => {
    const title =
      'Sgwrs yn y Man Siarad: dŵr, tŷ, cwrw a chŵn — ŵyr ac ŷd ym Mhont-y-ŵyn; Talking point at Neuadd Llangwynfor, ŵ ŷ ŵ ŷ ŵ ŷ';
    const text = bookingCalendar({ ...base, title, description: 'ŷ'.repeat(120) });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const lines = octetLines(text);
    for (const line of lines) {
      assert.ok(line.length <= 75, `a line of ${line.length} octets: ${decoder.decode(line)}`);
      assert.doesNotThrow(() => decoder.decode(line), 'each line is whole UTF-8 on its own');
    }
    const decoded = lines.map((line) => decoder.decode(line));
    const at = decoded.findIndex((line) => line.startsWith('SUMMARY:'));
    assert.ok(decoded[at + 1]?.startsWith(' '), 'the title needed folding');
    const event = child(parseIcs(text), 'VEVENT');
    assert.equal(prop(event, 'SUMMARY').value, title);
    assert.equal(prop(event, 'DESCRIPTION').value, 'ŷ'.repeat(120));
  });

  it('moves a two-octet character that would straddle the 75th octet to the next line', () => {
    // "SUMMARY:" is 8 octets; 66 more make 74, so "ŵ" (2 octets) cannot fit.
    const title = `${'a'.repeat(66)}ŵb`;
    const text = bookingCalendar({ ...base, title });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const lines = octetLines(text).map((line) => decoder.decode(line));
    const at = lines.findIndex((line) => line.startsWith('SUMMARY:'));
    assert.equal(lines[at], `SUMMARY:${'a'.repeat(66)}`);
    assert.equal(lines[at + 1], ' ŵb');
    assert.equal(prop(child(parseIcs(text), 'VEVENT'), 'SUMMARY').value, title);
  });
});

describe('cancelling a booked session in the calendar', () => {
  const base: BookingCalendarInput = {
    reference: 'PPKY-DV6G',
    title: 'Borchester Library Talking Point',
    start: new Date('2026-12-08T10:00:00Z'),
    end: new Date('2026-12-08T12:00:00Z'),
    now: new Date('2026-12-03T09:00:00Z'),
  };
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

  it('publishes at SEQUENCE 0, then cancels under the same UID with METHOD:CANCEL, STATUS:CANCELLED and a higher SEQUENCE', () => {
    const booked = unfold(bookingCalendar(base));
    const cancelled = unfold(bookingCalendar({ ...base, kind: 'cancel', sequence: 2 }));
    const uid = (ics: string) => /^UID:(.*)$/m.exec(ics)?.[1];
    assert.equal(uid(cancelled), uid(booked));
    assert.match(booked, /^METHOD:PUBLISH\r$/m);
    assert.match(booked, /^STATUS:CONFIRMED\r$/m);
    assert.match(booked, /^SEQUENCE:0\r$/m);
    assert.match(cancelled, /^METHOD:CANCEL\r$/m);
    assert.match(cancelled, /^STATUS:CANCELLED\r$/m);
    assert.match(cancelled, /^SEQUENCE:2\r$/m);
  });
});
