import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Organization, SafeUrl, Service, TaxonomyTerm, type Rejection } from '../../src/contract/directory.ts';
import { coordinatesFrom, localDate, localTime, plainText, safeUrl } from '../../src/oruk/sanitise.ts';
import type { PageInfo, ReadResult } from '../../src/oruk/types.ts';
import { readV1LocationList, readV1OrganizationList, readV1Service, readV1ServiceList, readV1TaxonomyTermList } from '../../src/oruk/v1.ts';
import { readV3OrganizationList, readV3Service, readV3ServiceAtLocationList, readV3ServiceList, readV3TaxonomyTermList } from '../../src/oruk/v3.ts';

const FIXTURES = new URL('../fixtures/oruk/', import.meta.url);
// The published ORUK examples (see test/fixtures/oruk-schemas/README.md for their source and licence).
const EXAMPLES = new URL('../fixtures/oruk-schemas/examples-V3.0-UK/', import.meta.url);

const fixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));
const example = (name: string): unknown => JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8'));

const countOf = (list: Rejection[] | undefined, reason: string) => list?.find((r) => r.reason === reason)?.count ?? 0;

/** Every record satisfies the contract exactly (parsing changes nothing) and the counts add up. */
function assertSound<T>(result: ReadResult<T>, schema: { parse: (v: unknown) => unknown }): void {
  for (const record of result.records) assert.deepEqual(schema.parse(record), record);
  assert.equal(result.rejected, result.reasons.reduce((sum, r) => sum + r.count, 0));
  assert.ok(Array.isArray(result.notes));
  // Absent values are omitted, never null (nor undefined-valued keys).
  JSON.stringify(result.records, (key, value: unknown) => {
    assert.ok(value !== null && value !== undefined, `${key} is ${String(value)}`);
    return value;
  });
}

const ids = (result: ReadResult<{ id: string }>) => result.records.map((r) => r.id);
const only = <T>(result: ReadResult<T>): T => {
  assert.equal(result.records.length, 1, 'exactly one record');
  return result.records[0] as T;
};
const byId = <T extends { id: string }>(result: ReadResult<T>, id: string): T => {
  const found = result.records.find((r) => r.id === id);
  assert.ok(found, `record ${id}`);
  return found;
};

describe('safeUrl', () => {
  it('keeps http(s), mailto and tel URLs, trimmed, with the scheme lower-cased', () => {
    assert.equal(safeUrl('https://example.org/a?b=1#c'), 'https://example.org/a?b=1#c');
    assert.equal(safeUrl('  http://example.org  '), 'http://example.org');
    assert.equal(safeUrl('HTTPS://Example.org/Path'), 'https://Example.org/Path');
    assert.equal(safeUrl('mailto:help@example.org'), 'mailto:help@example.org');
    assert.equal(safeUrl('tel:+441743555010'), 'tel:+441743555010');
    assert.equal(safeUrl('TEL:01743-555-010'), 'tel:01743-555-010');
  });

  for (const bad of [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative/path',
    '//example.org/protocol-relative',
    'www.example.org',
    'example.org',
    'https://exa mple.org',
    'https://example.org/\u0000',
    'http:\\\\evil.example',
    'http:evil.example',
    'https://',
    'mailto:',
    'mailto:not-an-address',
    'tel:',
    'tel:call me',
    '',
    '   ',
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(safeUrl(bad), undefined));
  }

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.org'], true]) assert.equal(safeUrl(value), undefined);
  });
});

describe('plainText', () => {
  it('trims, and treats empty, null and non-strings as absent', () => {
    assert.equal(plainText('  Memory café  '), 'Memory café');
    for (const value of ['', '   ', '\n\t', null, undefined, {}, [], true, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(plainText(value), undefined);
  });

  it('turns numbers into strings', () => {
    assert.equal(plainText(42), '42');
    assert.equal(plainText(2.5), '2.5');
  });

  it('keeps markup as literal text (feed text is never HTML)', () => {
    assert.equal(plainText('<b>Free</b> &amp; <script>x()</script>'), '<b>Free</b> &amp; <script>x()</script>');
  });

  it('collapses control characters and runs of spaces, and normalises line breaks', () => {
    assert.equal(plainText('Tea\u0000and\u0007\u0008cake'), 'Tea and cake');
    assert.equal(plainText('one\ttwo   three'), 'one two three');
    assert.equal(plainText('line one\r\nline two\rline three'), 'line one\nline two\nline three');
    assert.equal(plainText('para one\n\n\n\n\npara two'), 'para one\n\npara two');
    assert.equal(plainText('bidi \u202Eevil\u202C text\uFEFF'), 'bidi evil text');
  });
});

describe('coordinatesFrom', () => {
  it('accepts numbers and numeric strings', () => {
    assert.deepEqual(coordinatesFrom(52.7, -2.75), { lat: 52.7, lng: -2.75 });
    assert.deepEqual(coordinatesFrom('52.7073', ' -2.7530 '), { lat: 52.7073, lng: -2.753 });
    assert.deepEqual(coordinatesFrom(0, -2.5), { lat: 0, lng: -2.5 });
    assert.deepEqual(coordinatesFrom(-90, 180), { lat: -90, lng: 180 });
  });

  for (const [lat, lng] of [
    [0, 0],
    ['0', '0.0'],
    [90.0001, 0.1],
    [52, 180.5],
    [-91, 1],
    [Number.NaN, 1],
    [52, Number.POSITIVE_INFINITY],
    ['', ''],
    ['N/A', '-2.5'],
    ['0x34', '1'],
    ['52,7', '-2,7'],
    [null, -2.5],
    [52.7, undefined],
    [{}, []],
  ] as Array<[unknown, unknown]>) {
    it(`drops (${JSON.stringify(lat)}, ${JSON.stringify(lng)})`, () => assert.equal(coordinatesFrom(lat, lng), undefined));
  }
});

describe('localDate and localTime', () => {
  it('reads dates and date-times as UK calendar dates', () => {
    assert.equal(localDate('2024-05-01'), '2024-05-01');
    assert.equal(localDate(' 2024-05-01T10:30:00 '), '2024-05-01');
    assert.equal(localDate('2024-01-10T00:00:00Z'), '2024-01-10');
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    assert.equal(localDate('2024-05-31T23:30:00Z'), '2024-06-01');
    assert.equal(localDate('2024-05-31T23:30:00.000+00:00'), '2024-06-01');
    assert.equal(localDate('2024-12-31T23:30:00Z'), '2024-12-31');
    assert.equal(localDate('01/05/2024'), '2024-05-01');
  });

  for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '0001-01-01', '9999-12-31T00:00:00', '05/13/2024', 'next Tuesday', '', 20240501, null]) {
    it(`refuses the date ${JSON.stringify(bad)}`, () => assert.equal(localDate(bad), undefined));
  }

  it('reads times as HH:MM', () => {
    assert.equal(localTime('10:00'), '10:00');
    assert.equal(localTime('10:00:00'), '10:00');
    assert.equal(localTime('9:30'), '09:30');
    assert.equal(localTime('9.30am'), '09:30');
    assert.equal(localTime('1pm'), '13:00');
    assert.equal(localTime('12am'), '00:00');
    assert.equal(localTime('12:15 pm'), '12:15');
    assert.equal(localTime('18:00:00.000Z'), '18:00');
    assert.equal(localTime('0001-01-01T09:00:00'), '09:00');
    assert.equal(localTime('24:00'), '23:59');
  });

  for (const bad of ['25:00', '10:60', '9', '13pm', 'noon', '', 930, null]) {
    it(`refuses the time ${JSON.stringify(bad)}`, () => assert.equal(localTime(bad), undefined));
  }
});

describe('v3.0 service list fixtures (two pages)', () => {
  const page1 = readV3ServiceList(fixture('v3-services-page1.json'));
  const page2 = readV3ServiceList(fixture('v3-services-page2.json'));

  it('keeps every service, in order, and satisfies the contract', () => {
    assertSound(page1, Service);
    assertSound(page2, Service);
    assert.deepEqual(
      [...page1.records, ...page2.records].map((s) => s.name),
      ['Ashby Cross Talking Point', "Carers' Peer Support Group", 'Oldbury Memory Café', 'Digital Skills Drop-in', 'Befriending by Phone'],
    );
    assert.equal(page1.rejected + page2.rejected, 0);
    assert.deepEqual(page1.notes, []);
  });

  it('reads the envelope', () => {
    assert.deepEqual(page1.page, { page: 1, totalPages: 2, totalItems: 5, last: false });
    assert.deepEqual(page2.page, { page: 2, totalPages: 2, totalItems: 5, last: true });
  });

  it('maps a weekly drop-in with its organization, location, phone, costs and taxonomy', () => {
    const talkingPoint = byId(page1, '5a0b1c2d-0000-4a00-8000-000000000001');
    assert.equal(talkingPoint.organization?.name, 'Northvale Council Adult Social Care');
    assert.equal(talkingPoint.organization?.website, 'https://www.northvale.example.gov.uk/talking-points');
    assert.equal(talkingPoint.url, 'https://www.northvale.example.gov.uk/talking-points/ashby-cross');
    assert.equal(talkingPoint.phone, '01743 555 0101');
    assert.equal(talkingPoint.free, true);
    assert.equal(talkingPoint.lastModified, '2024-03-01T09:15:00Z');
    assert.deepEqual(talkingPoint.taxonomyTerms, [
      { id: '9e8d7c6b-0000-4a00-8000-000000000001', name: 'Information and advice', description: 'A conversation about what matters and what might help.', taxonomy: 'cls-wellbeing' },
    ]);
    assert.deepEqual(talkingPoint.locations, [
      {
        id: '7d2f0a11-5c3e-4b8a-9e10-2a6b4c8d0e01',
        name: 'Ashby Cross Library',
        description: "Ground floor meeting room, next to the children's library.",
        address: { line1: '12 High Street', city: 'Ashby Cross', region: 'Northvale', postcode: 'SY13 1AB', country: 'GB' },
        coordinates: { lat: 52.9613, lng: -2.6852 },
        accessibility: ['Step-free access from the car park; accessible toilet on the ground floor.', 'Hearing loop at the help desk.'],
        stepFree: true,
      },
    ]);
    assert.deepEqual(talkingPoint.schedules, [
      {
        id: 'c0d1e2f3-0000-4a00-8000-000000000001',
        freq: 'WEEKLY',
        interval: 1,
        byday: ['TH'],
        opensAt: '12:00',
        closesAt: '15:00',
        dtstart: '2024-01-04',
        validFrom: '2024-01-04',
        description: 'Every Thursday, 12 noon to 3pm',
        attendingType: 'in person',
      },
    ]);
  });

  it('maps a monthly ordinal rule, seconds in times, eligibility and a location that is not step-free', () => {
    const carers = byId(page1, '5a0b1c2d-0000-4a00-8000-000000000002');
    assert.deepEqual(carers.schedules[0], {
      id: 'c0d1e2f3-0000-4a00-8000-000000000002',
      freq: 'MONTHLY',
      byday: ['1TU'],
      opensAt: '10:00',
      closesAt: '12:00',
      dtstart: '2024-02-06',
      description: 'First Tuesday of the month',
    });
    assert.equal(carers.eligibility, 'Unpaid carers of adults living in Northvale');
    assert.equal(carers.minimumAge, 16);
    assert.equal(carers.free, true, "a cost option saying 'Free for carers' and no price");
    assert.equal(carers.locations[0]?.stepFree, false);
    assert.equal(carers.locations[0]?.address?.postcode, 'SY2 6QX');
    assert.equal(carers.taxonomyTerms[0]?.parentId, '9e8d7c6b-0000-4a00-8000-000000000010');
  });

  it('maps a fortnightly rule with a date-time start, and mixed costs as neither free nor paid', () => {
    const cafe = byId(page1, '5a0b1c2d-0000-4a00-8000-000000000003');
    assert.deepEqual(cafe.schedules[0], {
      id: 'c0d1e2f3-0000-4a00-8000-000000000003',
      freq: 'WEEKLY',
      interval: 2,
      byday: ['WE'],
      opensAt: '14:00',
      closesAt: '16:00',
      dtstart: '2024-01-10',
      until: '2024-12-18',
    });
    assert.equal(cafe.fees, '£2 per person; carers free');
    assert.equal(cafe.free, undefined);
  });

  it('keeps a text-only schedule as its description, and reads status and languages', () => {
    const digital = byId(page2, '5a0b1c2d-0000-4a00-8000-000000000004');
    assert.deepEqual(digital.schedules, [{ id: 'c0d1e2f3-0000-4a00-8000-000000000004', description: 'Tuesdays in term time; please ring first' }]);
    assert.equal(digital.free, true, "fees text 'Free'");
    const befriending = byId(page2, '5a0b1c2d-0000-4a00-8000-000000000005');
    assert.equal(befriending.status, 'temporarily closed');
    assert.deepEqual(befriending.languages, ['English', 'Welsh']);
    assert.deepEqual(befriending.locations, []);
    assert.deepEqual(befriending.schedules[0]?.byday, ['MO', 'TU', 'WE', 'TH', 'FR']);
    assert.equal(befriending.schedules[0]?.attendingType, 'phone');
  });
});

describe('v3.0 service detail fixture', () => {
  const result = readV3Service(fixture('v3-service-detail.json'));

  it('reads one service with both its schedules', () => {
    assertSound(result, Service);
    const service = only(result);
    assert.equal(service.name, 'Ashby Cross Talking Point');
    assert.equal(service.schedules.length, 2);
    assert.deepEqual(service.schedules[1], {
      id: 'c0d1e2f3-0000-4a00-8000-000000000006',
      freq: 'MONTHLY',
      bymonthday: [15],
      opensAt: '18:00',
      closesAt: '19:30',
      description: 'Evening session on the 15th of each month',
    });
  });

  it('gives zero records and a reason for a detail that is not a service', () => {
    for (const [value, reason] of [
      [{ name: 'No id' }, 'missing id'],
      [{ id: 'x' }, 'missing name'],
      ['<html>', 'not an object'],
      [null, 'not an object'],
      [[{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], 'not an object'],
    ] as Array<[unknown, string]>) {
      const read = readV3Service(value);
      assert.deepEqual(read.records, [], JSON.stringify(value));
      assert.deepEqual(read.reasons, [{ reason, count: 1 }], JSON.stringify(value));
      assert.equal(read.rejected, 1);
    }
  });
});

describe('v1.0 service list fixtures (two pages)', () => {
  const page1 = readV1ServiceList(fixture('v1-services-page1.json'));
  const page2 = readV1ServiceList(fixture('v1-services-page2.json'));

  it('keeps every service and satisfies the contract', () => {
    assertSound(page1, Service);
    assertSound(page2, Service);
    assert.deepEqual([...ids(page1), ...ids(page2)], ['v1-svc-1001', 'v1-svc-1002', '1003', 'v1-svc-1004']);
    assert.equal(page1.rejected + page2.rejected, 0);
  });

  it('reads the Spring-style envelope', () => {
    assert.deepEqual(page1.page, { page: 1, totalPages: 2, totalItems: 4, last: false });
    assert.deepEqual(page2.page, { page: 2, totalPages: 2, totalItems: 4, last: true });
  });

  it('maps regular_schedules (weekday names), eligibilitys, service_taxonomys, physical_addresses and contact phones', () => {
    const lunch = byId(page1, 'v1-svc-1001');
    assert.deepEqual(lunch.schedules, [
      { id: 'rs-1001', freq: 'WEEKLY', byday: ['MO'], opensAt: '12:00', closesAt: '14:00', description: 'Mondays 12 till 2' },
      // valid_to 9999-12-31 is a placeholder for "no end".
      { id: 'rs-1002', freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '14:00', validFrom: '2024-01-01' },
    ]);
    assert.equal(lunch.eligibility, 'Older people');
    assert.equal(lunch.minimumAge, 60);
    assert.equal(lunch.maximumAge, undefined);
    assert.deepEqual(lunch.taxonomyTerms, [
      { id: 'tx-social', name: 'Friendship and social contact', taxonomy: 'cls-wellbeing' },
      { id: 'tx-food', name: 'Food and nutrition', taxonomy: 'cls-wellbeing', parentId: 'tx-daily' },
    ]);
    assert.deepEqual(lunch.locations[0]?.address, { line1: 'Church Lane', city: 'Kettlewell Green', region: 'Northvale', postcode: 'SY2 6RA', country: 'England' });
    assert.deepEqual(lunch.locations[0]?.accessibility, ['Level access and a ramp at the side door']);
    assert.equal(lunch.locations[0]?.stepFree, true);
    assert.equal(lunch.phone, '01743 555 0199');
    assert.equal(lunch.fees, '£4.50 per meal');
    assert.equal(lunch.free, false);
    assert.equal(lunch.organization?.website, 'https://goodneighbours.example.org.uk');
    assert.deepEqual(lunch.languages, ['English']);
  });

  it('maps the singular regular_schedule, as an array or as a lone object', () => {
    const football = byId(page1, 'v1-svc-1002');
    assert.deepEqual(football.schedules, [{ id: 'rs-2001', freq: 'WEEKLY', interval: 2, byday: ['WE'], opensAt: '10:30', closesAt: '11:30', dtstart: '2024-01-03' }]);
    assert.equal(football.url, undefined, 'an empty url is absent');
    assert.equal(football.locations[0]?.address?.postcode, 'SY13 1QJ', 'postcode spaced');
    const cafe = byId(page2, '1003');
    assert.deepEqual(cafe.schedules, [{ id: 'rs-3001', freq: 'WEEKLY', byday: ['SA'], opensAt: '10:00', closesAt: '11:30' }]);
    assert.equal(cafe.status, 'active', "'Active' normalised");
    assert.equal(cafe.free, true);
  });

  it('takes schedules from service_at_locations too, and joins several eligibilitys', () => {
    const home = byId(page2, 'v1-svc-1004');
    assert.deepEqual(
      home.schedules.map((s) => [s.byday, s.opensAt, s.closesAt]),
      [
        [['TU'], '09:00', '17:00'],
        [['FR'], '09:00', '13:00'],
      ],
    );
    assert.equal(home.eligibility, 'Adults leaving hospital; Living in Northvale');
    assert.equal(home.phone, '0800 555 0123');
  });

  it("notes a bare 'www.' website taken as https", () => {
    const football = byId(page1, 'v1-svc-1002');
    assert.equal(football.organization?.website, 'https://www.northvale.example.gov.uk');
    assert.equal(countOf(page1.notes, 'url assumed https'), 1);
  });

  it('reads a v1.0 detail', () => {
    const raw = (fixture('v1-services-page1.json') as { content: unknown[] }).content[0];
    const detail = readV1Service(raw);
    assertSound(detail, Service);
    assert.deepEqual(only(detail), byId(page1, 'v1-svc-1001'));
  });
});

describe('broken fixtures', () => {
  it('an HTML error page is not JSON: JSON.parse fails, and the readers given its text read nothing', () => {
    const html = fixtureText('html-error.html');
    assert.throws(() => JSON.parse(html));
    for (const read of [readV3ServiceList, readV1ServiceList]) {
      const result = read(html);
      assert.deepEqual(result.records, []);
      assert.equal(result.rejected, 0);
      assert.equal(countOf(result.notes, 'not a list response'), 1);
    }
  });

  it('truncated JSON does not parse, and its text reads as nothing', () => {
    const text = fixtureText('truncated-json.txt');
    assert.throws(() => JSON.parse(text));
    const result = readV3ServiceList(text);
    assert.deepEqual(result.records, []);
    assert.equal(countOf(result.notes, 'not a list response'), 1);
  });

  it('a bare array (no envelope) reads as one last page; a nameless record is rejected', () => {
    const result = readV3ServiceList(fixture('bare-array.json'));
    assertSound(result, Service);
    assert.deepEqual(ids(result), ['5a0b1c2d-0000-4a00-8000-000000000004', '5a0b1c2d-0000-4a00-8000-000000000005']);
    assert.deepEqual(result.reasons, [{ reason: 'missing name', count: 1 }]);
    assert.equal(result.rejected, 1);
    assert.deepEqual(result.page, { page: 1, last: true });
  });

  it('an object with only contents (v3.0) or only content (v1.0) still reads', () => {
    const v3 = readV3ServiceList(fixture('contents-only.json'));
    assertSound(v3, Service);
    assert.deepEqual(ids(v3), ['5a0b1c2d-0000-4a00-8000-000000000002']);
    assert.deepEqual(v3.reasons, [{ reason: 'missing id', count: 1 }]);
    assert.deepEqual(v3.page, { page: 1, last: true });
    const v1 = readV1ServiceList(fixture('v1-content-only.json'));
    assertSound(v1, Service);
    assert.deepEqual(ids(v1), ['v1-svc-1004']);
  });

  it('string coordinates are read; unusable ones are dropped and the record kept', () => {
    const result = readV3ServiceList(fixture('string-coordinates.json'));
    assertSound(result, Service);
    assert.equal(result.records.length, 4);
    assert.deepEqual(
      result.records.map((s) => s.locations[0]?.coordinates),
      [{ lat: 52.7073, lng: -2.753 }, { lat: 52.961, lng: -2.685 }, undefined, undefined],
    );
    assert.equal(result.rejected, 0);
    assert.equal(countOf(result.notes, 'coordinates dropped'), 2);
  });

  it('out-of-range and (0,0) coordinates are dropped and the records kept', () => {
    const result = readV3ServiceList(fixture('out-of-range-coordinates.json'));
    assertSound(result, Service);
    assert.deepEqual(
      result.records.map((s) => [s.name, s.locations[0]?.name, s.locations[0]?.coordinates]),
      [
        ['Talking Point at Null Island', 'Somewhere', undefined],
        ['Latitude Too Far North', 'Village Hall', undefined],
        ['Longitude Off the Map', 'Parish Rooms', undefined],
        ['Correct Coordinates', 'Town Library', { lat: 52.7, lng: -2.75 }],
      ],
    );
    assert.equal(result.rejected, 0);
    assert.equal(countOf(result.notes, 'coordinates dropped'), 3);
  });

  it('null-heavy records: nulls are absent; records without id or name are rejected with reasons', () => {
    const result = readV3ServiceList(fixture('null-heavy.json'));
    assertSound(result, Service);
    assert.deepEqual(ids(result), ['null-4', '42']);
    assert.deepEqual(result.reasons, [
      { reason: 'missing id', count: 1 },
      { reason: 'missing name', count: 1 },
      { reason: 'not an object', count: 1 },
    ]);
    assert.equal(result.rejected, 3);
    assert.deepEqual(result.page, { page: 1, last: true });
    const hub = byId(result, 'null-4');
    assert.deepEqual(hub, {
      id: 'null-4',
      name: 'Null Heavy Hub',
      status: 'active',
      taxonomyTerms: [],
      locations: [{ id: 'sal-null-2', name: 'Parish Hall', accessibility: [] }],
      schedules: [{ id: 'sched-null', freq: 'WEEKLY', byday: ['FR'] }],
    });
    assert.equal(countOf(result.notes, 'location id generated'), 1);
    assert.equal(countOf(result.notes, 'taxonomy term dropped'), 1);
    const numeric = byId(result, '42');
    assert.deepEqual(numeric.organization, { id: '7', name: 'Org With Numeric Id' });
  });

  it('javascript:, data: and other unsafe URLs are dropped (noted); markup stays literal text', () => {
    const result = readV3ServiceList(fixture('javascript-url.json'));
    assertSound(result, Service);
    assert.equal(result.records.length, 3);
    const hostile = byId(result, 'url-1');
    assert.equal(hostile.url, undefined);
    assert.equal(hostile.organization?.website, undefined);
    assert.equal(hostile.organization?.name, 'Hostile Org');
    assert.equal(hostile.description, "<script>alert('x')</script><b>Bold</b> claims & offers");
    const data = byId(result, 'url-2');
    assert.equal(data.url, undefined);
    assert.equal(data.email, undefined);
    const tidy = byId(result, 'url-3');
    assert.equal(tidy.url, 'https://tidy.example.org/help?x=1');
    assert.equal(tidy.organization?.website, 'https://www.tidy.example.org');
    assert.equal(tidy.email, 'help@tidy.example.org');
    assert.equal(countOf(result.notes, 'url dropped'), 2);
    assert.equal(countOf(result.notes, 'website dropped'), 1);
    assert.equal(countOf(result.notes, 'email dropped'), 1);
    assert.doesNotMatch(JSON.stringify(result.records.map((s) => [s.url, s.organization?.website])), /javascript|data:/i);
  });
});

describe('official ORUK v3.0 examples', () => {
  it('service_full: name, organization, location (its out-of-range coordinates dropped), taxonomy, schedule', () => {
    const result = readV3Service(example('service_full.json'));
    assertSound(result, Service);
    const service = only(result);
    assert.equal(service.id, 'ac148810-d857-441c-9679-408f346de14b');
    assert.equal(service.name, 'Community Counselling');
    assert.equal(service.status, 'active');
    assert.equal(service.url, 'http://example.com/counselling');
    assert.equal(service.minimumAge, 12);
    assert.equal(service.maximumAge, 100);
    assert.equal(service.fees, 'fees_description');
    assert.equal(service.free, false, 'cost option of 35');
    assert.deepEqual(service.organization, {
      id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      name: 'Example Organization Inc.',
      description: 'Example Org is a non-profit organization dedicated to providing services to qualified beneficiaries',
      website: 'http://example.com',
      email: 'email@example.com',
    });
    const location = service.locations[0];
    assert.equal(service.locations.length, 1);
    assert.equal(location?.id, '3a19ff88-4620-4d17-9830-ac1d859eb5d5');
    assert.equal(location?.name, 'MyCity Civic Center');
    // The example's latitude 100 / longitude 101 are out of range.
    assert.equal(location?.coordinates, undefined);
    assert.equal(countOf(result.notes, 'coordinates dropped'), 1);
    assert.deepEqual(location?.address, { line1: '1-30 Main Street', city: 'MyCity', region: 'MyRegion', postcode: 'ABC 1234', country: 'US' });
    assert.equal(location?.stepFree, true, "'Wheelchair access is possible on all levels'");
    assert.equal(location?.accessibility.length, 2);
    assert.deepEqual(service.taxonomyTerms, [
      { id: '3f7b145d-84af-42d7-8fae-eaca714b02b2', name: 'name', description: 'description', parentId: '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2', taxonomy: 'taxonomy' },
    ]);
    const schedule = service.schedules[0];
    assert.equal(schedule?.freq, 'WEEKLY');
    assert.deepEqual(schedule?.byday, ['TH', 'FR']);
    assert.equal(schedule?.opensAt, '10:00');
    assert.equal(schedule?.closesAt, '18:00');
    assert.equal(schedule?.validFrom, '2005-01-01');
    // BYMONTHDAY is not allowed with a weekly rule (RFC 5545).
    assert.equal(schedule?.bymonthday, undefined);
    assert.equal(countOf(result.notes, 'bymonthday ignored on weekly schedule'), 1);
  });

  it('service_list: one service with its organization', () => {
    const result = readV3ServiceList(example('service_list.json'));
    assertSound(result, Service);
    const service = only(result);
    assert.equal(service.name, 'Community Counselling');
    assert.equal(service.organization?.name, 'Example Organization Inc.');
    assert.deepEqual(result.page, { page: 1, totalPages: 1, totalItems: 1, last: true });
  });

  it('service_at_location_list and service_at_location_full: the service with the location', () => {
    for (const read of [
      readV3ServiceAtLocationList(example('service_at_location_list.json')),
      readV3ServiceAtLocationList([example('service_at_location_full.json')]),
    ]) {
      assertSound(read, Service);
      const service = only(read);
      assert.equal(service.name, 'Community Counselling');
      assert.equal(service.organization?.name, 'Example Organization Inc.');
      assert.deepEqual(
        service.locations.map((l) => [l.id, l.name, l.coordinates]),
        [['3a19ff88-4620-4d17-9830-ac1d859eb5d5', 'MyCity Civic Center', undefined]],
      );
    }
  });

  it('taxonomy_term_list and organization_list', () => {
    const terms = readV3TaxonomyTermList(example('taxonomy_term_list.json'));
    assertSound(terms, TaxonomyTerm);
    assert.deepEqual(only(terms), { id: '3f7b145d-84af-42d7-8fae-eaca714b02b2', name: 'name', description: 'description', parentId: '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2', taxonomy: 'taxonomy' });
    const orgs = readV3OrganizationList(example('organization_list.json'));
    assertSound(orgs, Organization);
    assert.equal(only(orgs).name, 'Example Organization Inc.');
    assert.deepEqual(orgs.page, { page: 1, totalPages: 10, totalItems: 10, last: false });
  });

  it('organization_full (an organization with nested services) reads as an organization', () => {
    const read = readV3OrganizationList([example('organization_full.json')]);
    assertSound(read, Organization);
    assert.equal(only(read).name, 'Example Organization Inc.');
    assert.equal(only(read).website, 'http://example.com');
  });
});

describe('service-at-location and location lists', () => {
  const service = (id: string, name: string) => ({ id, name, status: 'active' });
  const location = (id: string, lat: number) => ({ id, name: `Hub ${id}`, latitude: lat, longitude: -2.7 });

  it('v3.0: one service per id, carrying every location it is listed at', () => {
    const read = readV3ServiceAtLocationList({
      contents: [
        { id: 'sal-1', service: service('s1', 'Talking Point'), location: location('l1', 52.1) },
        { id: 'sal-2', service: service('s2', 'Peer Support'), location: location('l2', 52.2) },
        { id: 'sal-3', service: service('s1', 'Talking Point'), location: location('l3', 52.3) },
        { id: 'sal-4', location: location('l4', 52.4) },
        null,
      ],
      last_page: true,
    });
    assertSound(read, Service);
    assert.deepEqual(
      read.records.map((s) => [s.id, s.locations.map((l) => l.id)]),
      [
        ['s1', ['l1', 'l3']],
        ['s2', ['l2']],
      ],
    );
    assert.deepEqual(read.reasons, [
      { reason: 'missing service', count: 1 },
      { reason: 'not an object', count: 1 },
    ]);
  });

  it('v1.0: locations embedding their services', () => {
    const read = readV1LocationList({
      content: [
        { ...location('l1', 52.1), service_at_locations: [{ id: 'x', service: service('s1', 'Lunch Club') }, { id: 'y', service: service('s2', 'Walking Football') }] },
        { ...location('l2', 52.2), service_at_locations: [{ id: 'z', service: service('s1', 'Lunch Club') }] },
        location('l3', 52.3),
      ],
      last: true,
    });
    assertSound(read, Service);
    assert.deepEqual(
      read.records.map((s) => [s.id, s.locations.map((l) => l.id)]),
      [
        ['s1', ['l1', 'l2']],
        ['s2', ['l1']],
      ],
    );
    assert.equal(countOf(read.notes, 'location without services'), 1);
  });

  it('v1.0 taxonomies and organizations', () => {
    const terms = readV1TaxonomyTermList({ content: [{ id: 'tx-1', name: 'Carers', vocabulary: 'cls-wellbeing', parent: 'tx-0' }, { id: 'tx-2' }], last: true });
    assertSound(terms, TaxonomyTerm);
    assert.deepEqual(terms.records, [{ id: 'tx-1', name: 'Carers', taxonomy: 'cls-wellbeing', parentId: 'tx-0' }]);
    assert.deepEqual(terms.reasons, [{ reason: 'missing name', count: 1 }]);
    const orgs = readV1OrganizationList({ content: [{ id: 'o1', name: 'Good Neighbours', url: 'https://gn.example.org', description: 'Volunteers' }] });
    assertSound(orgs, Organization);
    assert.deepEqual(orgs.records, [{ id: 'o1', name: 'Good Neighbours', description: 'Volunteers', website: 'https://gn.example.org' }]);
  });
});

describe('schedule tolerance', () => {
  const schedulesOf = (raw: unknown, read = readV3Service) => {
    const result = read({ id: 's', name: 'S', schedules: [raw], regular_schedules: [raw] });
    return { schedules: only(result).schedules, notes: result.notes };
  };

  it('reads byday in its forms: comma list, spaces, lower case, arrays, day names, ordinals', () => {
    assert.deepEqual(schedulesOf({ freq: 'weekly', byday: 'mo, we' }).schedules[0]?.byday, ['MO', 'WE']);
    assert.deepEqual(schedulesOf({ freq: 'WEEKLY', byday: ['TU', 'TH'] }).schedules[0]?.byday, ['TU', 'TH']);
    assert.deepEqual(schedulesOf({ freq: 'WEEKLY', byday: 'Mondays,Friday' }).schedules[0]?.byday, ['MO', 'FR']);
    assert.deepEqual(schedulesOf({ freq: 'MONTHLY', byday: '+2WE,-1FR' }).schedules[0]?.byday, ['2WE', '-1FR']);
  });

  it('reads v1.0 weekday as a day name, code or number (1 = Monday, 0 or 7 = Sunday), weekly', () => {
    for (const [weekday, day] of [
      ['Monday', 'MO'],
      ['sun', 'SU'],
      ['WE', 'WE'],
      [3, 'WE'],
      [7, 'SU'],
      [0, 'SU'],
      ['6', 'SA'],
    ] as Array<[unknown, string]>) {
      const { schedules, notes } = schedulesOf({ weekday, opens_at: '10:00' }, readV1Service);
      assert.deepEqual(schedules, [{ freq: 'WEEKLY', byday: [day], opensAt: '10:00' }], JSON.stringify(weekday));
      assert.deepEqual(notes, []);
    }
  });

  it('assumes the frequency of a v3.0 rule without one, and says so', () => {
    assert.deepEqual(schedulesOf({ byday: 'TU' }), { schedules: [{ freq: 'WEEKLY', byday: ['TU'] }], notes: [{ reason: 'schedule frequency assumed', count: 1 }] });
    assert.deepEqual(schedulesOf({ byday: '1TU' }).schedules, [{ freq: 'MONTHLY', byday: ['1TU'] }]);
    assert.deepEqual(schedulesOf({ bymonthday: '1,15' }).schedules, [{ freq: 'MONTHLY', bymonthday: [1, 15] }]);
  });

  it('reads DAILY as every day of the week', () => {
    assert.deepEqual(schedulesOf({ freq: 'DAILY', opens_at: '08:00' }).schedules, [{ freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '08:00' }]);
  });

  it('never guesses a rule it cannot represent: keeps the text (noted) or drops the schedule (noted)', () => {
    const cases: unknown[] = [
      { freq: 'YEARLY', byday: 'MO' },
      { freq: 'WEEKLY', byday: 'MO,XX' },
      { freq: 'WEEKLY', byday: '1TU' },
      { freq: 'WEEKLY', byday: 'MO', interval: 'often' },
      { freq: 'WEEKLY', byday: 'MO', interval: 1.5 },
      { freq: 'WEEKLY', byday: 'MO', interval: 60 },
      { freq: 'MONTHLY', bymonthday: '32' },
      { freq: 'DAILY', interval: 3 },
      { freq: 'WEEKLY', opens_at: '10:00' },
      { opens_at: '10:00', closes_at: '12:00' },
    ];
    for (const rule of cases) {
      const kept = schedulesOf({ ...(rule as object), id: 'r', description: 'Ring for times' });
      assert.deepEqual(kept, { schedules: [{ id: 'r', description: 'Ring for times' }], notes: [{ reason: 'schedule kept as text only', count: 1 }] }, JSON.stringify(rule));
      const dropped = schedulesOf(rule);
      assert.deepEqual(dropped, { schedules: [], notes: [{ reason: 'schedule dropped', count: 1 }] }, JSON.stringify(rule));
    }
  });

  it('drops unreadable times and dates from a usable rule (noted), ignoring placeholder dates', () => {
    const { schedules, notes } = schedulesOf({ freq: 'WEEKLY', byday: 'MO', opens_at: 'morning', closes_at: '12:00', valid_from: 'soon', valid_to: '9999-12-31', interval: 0 });
    assert.deepEqual(schedules, [{ freq: 'WEEKLY', byday: ['MO'], closesAt: '12:00' }]);
    assert.deepEqual(notes, [
      { reason: 'schedule time dropped', count: 1 },
      { reason: 'schedule date dropped', count: 1 },
    ]);
  });

  it('reads a schedule given as a bare string as its description', () => {
    assert.deepEqual(schedulesOf('Wednesdays 10-12').schedules, [{ description: 'Wednesdays 10-12' }]);
  });
});

describe('record tolerance', () => {
  it('turns numeric ids into strings everywhere, and rejects ids that are not ids', () => {
    const read = readV3ServiceList([
      { id: 12, name: 'Twelve', service_at_locations: [{ location: { id: 34, name: 'L' } }], attributes: [{ taxonomy_term: { id: 56, name: 'T' } }] },
      { id: { nested: true }, name: 'Object id' },
      { id: 'x'.repeat(201), name: 'Long id' },
      { id: '   ', name: 'Blank id' },
      { id: 12, name: 'Twelve again' },
    ]);
    assertSound(read, Service);
    const twelve = only(read);
    assert.equal(twelve.id, '12');
    assert.equal(twelve.locations[0]?.id, '34');
    assert.equal(twelve.taxonomyTerms[0]?.id, '56');
    assert.deepEqual(read.reasons, [
      { reason: 'invalid id', count: 2 },
      { reason: 'missing id', count: 1 },
      { reason: 'duplicate id', count: 1 },
    ]);
    assert.equal(read.rejected, 4);
  });

  it('ignores unknown fields and treats unknown statuses as active (noted)', () => {
    const read = readV3Service({ id: 'a', name: 'A', status: 'Open for business', shoe_size: 11, extra: { deep: [null] } });
    assert.equal(only(read).status, 'active');
    assert.deepEqual(read.notes, [{ reason: 'unknown status treated as active', count: 1 }]);
    assert.equal(only(readV3Service({ id: 'b', name: 'B', status: 'TEMPORARILY_CLOSED' })).status, 'temporarily closed');
  });

  it('drops contradictory ages (noted) and an organization without a name (noted)', () => {
    const read = readV3Service({ id: 'a', name: 'A', minimum_age: 65, maximum_age: 18, organization: { id: 'o' } });
    const service = only(read);
    assert.equal(service.minimumAge, undefined);
    assert.equal(service.maximumAge, undefined);
    assert.equal(service.organization, undefined);
    assert.equal(countOf(read.notes, 'ages dropped'), 1);
    assert.equal(countOf(read.notes, 'organization dropped'), 1);
  });

  it('names are single lines', () => {
    assert.equal(only(readV3Service({ id: 'a', name: ' Memory\n\tCafé ' })).name, 'Memory Café');
  });
});

// ---------------------------------------------------------------------------
// Properties

const READERS: Array<[string, (json: unknown) => ReadResult<{ id: string }> & { page?: PageInfo }, { parse: (v: unknown) => unknown }]> = [
  ['readV3ServiceList', readV3ServiceList, Service],
  ['readV3Service', readV3Service, Service],
  ['readV3ServiceAtLocationList', readV3ServiceAtLocationList, Service],
  ['readV3TaxonomyTermList', readV3TaxonomyTermList, TaxonomyTerm],
  ['readV3OrganizationList', readV3OrganizationList, Organization],
  ['readV1ServiceList', readV1ServiceList, Service],
  ['readV1Service', readV1Service, Service],
  ['readV1LocationList', readV1LocationList, Service],
  ['readV1TaxonomyTermList', readV1TaxonomyTermList, TaxonomyTerm],
  ['readV1OrganizationList', readV1OrganizationList, Organization],
];

function assertWellFormed(
  name: string,
  read: (json: unknown) => ReadResult<{ id: string }> & { page?: PageInfo },
  schema: { parse: (v: unknown) => unknown },
  input: unknown,
): ReadResult<{ id: string }> {
  const result = read(input);
  assert.ok(Array.isArray(result.records), name);
  assert.ok(Array.isArray(result.reasons), name);
  assert.ok(Array.isArray(result.notes), name);
  assert.ok(Number.isInteger(result.rejected) && result.rejected >= 0, name);
  assert.equal(result.rejected, result.reasons.reduce((sum, r) => sum + r.count, 0), name);
  for (const record of result.records) schema.parse(record);
  if (result.page !== undefined) {
    assert.ok(Number.isInteger(result.page.page) && result.page.page >= 1, name);
    assert.equal(typeof result.page.last, 'boolean', name);
  }
  return result;
}

// Junk leaves, and service-shaped objects made of them, reach the deep paths fc.anything() rarely does.
const junk = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('', ' ', '0', 'MO,WE', '1TU', 'WEEKLY', 'MONTHLY', 'DAILY', '10:00:00', '2024-02-30', 'javascript:alert(1)', 'https://ok.example', '52.7', 'NaN'),
  fc.array(fc.constantFrom(null, 'x', 1), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.constantFrom(null, 'y', 2), { maxKeys: 3 }),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);
const schedule = fc.record(
  { id: junk, freq: junk, interval: junk, byday: junk, weekday: junk, bymonthday: junk, opens_at: junk, closes_at: junk, dtstart: junk, valid_from: junk, valid_to: junk, until: junk, description: junk, attending_type: junk },
  { requiredKeys: [] },
);
const location = fc.record(
  {
    id: junk,
    name: junk,
    latitude: junk,
    longitude: junk,
    addresses: optional(fc.array(fc.record({ address_1: junk, city: junk, postal_code: junk, address_type: junk }, { requiredKeys: [] }), { maxLength: 2 })),
    physical_addresses: optional(fc.array(fc.record({ address_1: junk, postal_code: junk }, { requiredKeys: [] }), { maxLength: 2 })),
    accessibility: optional(fc.array(optional(fc.record({ description: junk, details: junk }, { requiredKeys: [] })), { maxLength: 2 })),
    accessibility_for_disabilities: optional(fc.array(fc.record({ accessibility: junk }, { requiredKeys: [] }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const term = fc.record({ id: junk, name: junk, term: junk, parent_id: junk, parent: junk, taxonomy: junk, vocabulary: junk }, { requiredKeys: [] });
const serviceLike = fc.record(
  {
    id: optional(fc.oneof(fc.uuid(), fc.integer())),
    name: optional(fc.string({ minLength: 1, maxLength: 20 })),
    description: junk,
    url: junk,
    email: junk,
    status: junk,
    fees: junk,
    minimum_age: junk,
    maximum_age: junk,
    last_modified: junk,
    organization: optional(fc.record({ id: junk, name: junk, website: junk, url: junk, email: junk }, { requiredKeys: [] })),
    schedules: optional(fc.array(optional(schedule), { maxLength: 3 })),
    regular_schedules: optional(fc.array(schedule, { maxLength: 2 })),
    regular_schedule: optional(schedule),
    service_at_locations: optional(fc.array(optional(fc.record({ id: junk, location: optional(location), regular_schedules: optional(fc.array(schedule, { maxLength: 2 })) }, { requiredKeys: [] })), { maxLength: 3 })),
    attributes: optional(fc.array(optional(fc.record({ taxonomy_term: optional(term) }, { requiredKeys: [] })), { maxLength: 2 })),
    service_taxonomys: optional(fc.array(fc.record({ taxonomy: optional(term) }, { requiredKeys: [] }), { maxLength: 2 })),
    eligibilitys: optional(fc.array(optional(fc.record({ eligibility: junk, minimum_age: junk }, { requiredKeys: [] })), { maxLength: 2 })),
    cost_options: optional(fc.array(optional(fc.record({ option: junk, amount: junk, amount_description: junk }, { requiredKeys: [] })), { maxLength: 2 })),
    contacts: optional(fc.array(optional(fc.record({ phones: optional(fc.array(fc.record({ number: junk }, { requiredKeys: [] }), { maxLength: 2 })) }, { requiredKeys: [] })), { maxLength: 2 })),
    languages: optional(fc.array(optional(fc.record({ name: junk, language: junk }, { requiredKeys: [] })), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const envelope = fc.oneof(
  fc.array(optional(serviceLike), { maxLength: 4 }),
  fc.record(
    { contents: optional(fc.array(optional(serviceLike), { maxLength: 4 })), total_pages: junk, page_number: junk, last_page: junk, total_items: junk },
    { requiredKeys: [] },
  ),
  fc.record({ content: optional(fc.array(optional(serviceLike), { maxLength: 4 })), totalPages: junk, number: junk, last: junk, first: junk }, { requiredKeys: [] }),
  serviceLike,
  fc.record({ contents: fc.array(fc.record({ id: junk, service: optional(serviceLike), location: optional(location) }, { requiredKeys: [] }), { maxLength: 3 }) }),
);

describe('properties', () => {
  it('every reader returns arrays and counts, never throws, for fc.anything()', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withObjectString: true }), (value) => {
        for (const [name, read, schema] of READERS) assertWellFormed(name, read, schema, value);
      }),
      { numRuns: 300 },
    );
  });

  it('every reader returns arrays and counts, never throws, for any JSON document (fc.json())', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        const value: unknown = JSON.parse(text);
        for (const [name, read, schema] of READERS) assertWellFormed(name, read, schema, value);
      }),
      { numRuns: 300 },
    );
  });

  it('feed-shaped junk: every record returned satisfies the contract', () => {
    let kept = 0;
    fc.assert(
      fc.property(envelope, (value) => {
        for (const [name, read, schema] of READERS) kept += assertWellFormed(name, read, schema, value).records.length;
      }),
      { numRuns: 400 },
    );
    // The generator is useful only if records actually get through.
    assert.ok(kept > 50, `only ${kept} records were kept`);
  });

  it('safeUrl never returns anything but an http:, https:, mailto: or tel: URL that the contract accepts', () => {
    const prefixed = fc
      .tuple(fc.constantFrom('http:', 'https:', 'HTTPS://', 'mailto:', 'tel:', 'javascript:', 'data:', ' https://', 'http://', '//', 'www.'), fc.string({ maxLength: 30 }))
      .map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), prefixed, fc.anything({ maxDepth: 1 })), (value) => {
        const url = safeUrl(value);
        if (url === undefined) return;
        assert.match(url, /^(http:|https:|mailto:|tel:)/);
        assert.ok(SafeUrl.safeParse(url).success, url);
      }),
      { numRuns: 1000 },
    );
    // The arbitrary does produce accepted URLs, so the assertions above are exercised.
    assert.equal(safeUrl('https://example.org'), 'https://example.org');
  });

  it('plainText never returns control characters (other than line feeds) or surrounding white space', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (value) => {
        const text = plainText(value);
        if (text === undefined) return;
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(text, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        assert.equal(text, text.trim());
        assert.notEqual(text, '');
      }),
      { numRuns: 500 },
    );
  });

  it('coordinatesFrom returns only in-range, non-(0,0) coordinates', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -400, max: 400 }), fc.double().map(String), fc.string({ maxLength: 8 }), fc.constant(null));
    fc.assert(
      fc.property(value, value, (lat, lng) => {
        const coords = coordinatesFrom(lat, lng);
        if (coords === undefined) return;
        assert.ok(Math.abs(coords.lat) <= 90 && Math.abs(coords.lng) <= 180);
        assert.ok(!(coords.lat === 0 && coords.lng === 0));
      }),
      { numRuns: 500 },
    );
  });
});
