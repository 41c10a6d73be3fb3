import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BookingInput } from '../../src/contract/bookings.ts';
import type { Hub, HubSessionPlan, Schedule } from '../../src/contract/directory.ts';
import { fieldErrors } from '../../src/core/field-errors.ts';
import { bookingFieldErrors, filterHubs, hubOpenNow, londonDaysBetween, nextAvailable, openingStatus, sessionKind, sessionKinds, sessionWeekdays, withSessions } from '../../src/core/hub-finder.ts';
import { hubText } from '../../src/core/hubs.ts';
import { formatDayOn, softMutation } from '../../src/i18n/format.ts';
import { londonParts } from '../../src/core/schedule.ts';
import { expandSessions } from '../../src/core/sessions.ts';

const utc = (iso: string) => new Date(iso);
const thursdays: Schedule = { freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '15:00' };

function hub(id: string, sessions: HubSessionPlan[], stepFree = true): Hub {
  return { id, name: `Hub ${id}`, kind: 'library', address: {}, coordinates: { lat: 52.7, lng: -2.7 }, accessibility: [], stepFree, sessions };
}

describe('withSessions, sessionWeekdays and filterHubs', () => {
  const a = hub('a', [{ id: 'pa', mode: 'drop-in', schedule: thursdays }]);
  const b = hub('b', [{ id: 'pb', mode: 'bookable', capacity: 4, schedule: { freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '11:00' } }]);
  const sessions = expandSessions([a, b], utc('2026-12-01T00:00:00Z'), utc('2026-12-15T00:00:00Z'));

  it('joins hubs, in the order given, to their own sessions in start order, keeping distances when known', () => {
    const results = withSessions([{ hub: b, distanceMetres: 120 }, { hub: a }, { hub: hub('c', []) }], [...sessions].reverse());
    assert.deepEqual(
      results.map((r) => [r.hub.id, r.distanceMetres, r.sessions.map((s) => s.id)]),
      [
        ['b', 120, ['pb@2026-12-07T10:00', 'pb@2026-12-14T10:00']],
        ['a', undefined, ['pa@2026-12-03T12:00', 'pa@2026-12-10T12:00']],
        ['c', undefined, []],
      ],
    );
    assert.equal('distanceMetres' in (results[1] ?? {}), false);
  });

  it('lists the weekdays sessions fall on, Monday first, and filters by them', () => {
    const results = withSessions([{ hub: a }, { hub: b }], sessions);
    assert.deepEqual(sessionWeekdays(results), ['MO', 'TH']);
    assert.deepEqual(
      filterHubs(results, { day: 'TH' }).map((r) => [r.hub.id, r.sessions.length]),
      [['a', 2]],
    );
    assert.deepEqual(filterHubs(results, { mode: 'bookable' }).map((r) => r.hub.id), ['b']);
    for (const session of filterHubs(results, { day: 'MO' }).flatMap((r) => r.sessions)) assert.equal(londonParts(new Date(session.start)).weekday, 'MO');
  });
});

describe('nextAvailable and hubOpenNow', () => {
  const plan: HubSessionPlan = { id: 'pb', mode: 'bookable', capacity: 2, schedule: { freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '11:00' } };
  const sessions = expandSessions([hub('b', [plan])], utc('2026-12-01T00:00:00Z'), utc('2026-12-29T00:00:00Z'));

  it('offers the hub\'s next later session that still has places', () => {
    const [first, second, third] = sessions;
    assert.ok(first && second && third);
    const full = [{ ...first, remaining: 0 }, { ...second, remaining: 0 }, third];
    assert.equal(nextAvailable(full, first)?.id, third.id);
    assert.equal(nextAvailable([first], first), undefined);
  });

  it('says a hub is open while one of its plans has a session running (UK time)', () => {
    const library = hub('a', [{ id: 'pa', mode: 'drop-in', schedule: thursdays }]);
    assert.equal(hubOpenNow(library, utc('2026-12-03T13:00:00Z')), true);
    assert.equal(hubOpenNow(library, utc('2026-12-03T15:00:00Z')), false);
    assert.equal(hubOpenNow(hub('c', []), utc('2026-12-03T13:00:00Z')), false);
  });
});

describe('bookingFieldErrors', () => {
  const errorsFor = (input: Record<string, unknown>, method: 'phone' | 'email' | undefined) => {
    const parsed = BookingInput.safeParse(input);
    assert.equal(parsed.success, false);
    return parsed.success ? [] : bookingFieldErrors(fieldErrors(parsed.error.issues, input), method);
  };

  it('asks for the name, a way to contact and consent on an empty form', () => {
    assert.deepEqual(errorsFor({ sessionId: 's@2026-12-03T12:00', name: '', notes: '' }, undefined), [
      { field: 'name', code: 'required' },
      { field: 'contact.method', code: 'required' },
      { field: 'consent', code: 'required' },
    ]);
  });

  it('puts a bad phone number or email address on the box for the method chosen', () => {
    const base = { sessionId: 's@2026-12-03T12:00', name: 'Ffion', consent: true };
    assert.deepEqual(errorsFor({ ...base, contact: { method: 'email', value: 'not-an-email' } }, 'email'), [{ field: 'contact.email', code: 'invalid' }]);
    assert.deepEqual(errorsFor({ ...base, contact: { method: 'phone', value: '12' } }, 'phone'), [{ field: 'contact.phone', code: 'invalid' }]);
  });

  it('maps the server\'s field errors the same way, and leaves other fields as they are', () => {
    assert.deepEqual(
      bookingFieldErrors(
        [
          { field: 'contact.value', code: 'required' },
          { field: 'notes', code: 'too-long' },
          { field: 'contact', code: 'invalid' },
        ],
        'phone',
      ),
      [
        { field: 'contact.phone', code: 'required' },
        { field: 'notes', code: 'too-long' },
        { field: 'contact.method', code: 'required' },
      ],
    );
  });
});

describe('openingStatus', () => {
  const thursday = hub('t', [{ id: 'pt', mode: 'drop-in', schedule: thursdays }]);
  // Expanded as the finder lists them: from a day before, so one under way is in the list.
  const sessions = expandSessions([thursday], utc('2026-12-09T13:00:00Z'), utc('2026-12-31T00:00:00Z'));

  it('is open until the end of a session under way, the one the list shows first', () => {
    const status = openingStatus(sessions, utc('2026-12-10T13:00:00Z'));
    assert.equal(status?.state, 'open');
    assert.equal(status?.state === 'open' && status.until.toISOString(), '2026-12-10T15:00:00.000Z');
  });

  it('opens tomorrow, today or on a later day at the next session\'s start (UK dates)', () => {
    const tomorrow = openingStatus(sessions, utc('2026-12-09T18:00:00Z'));
    assert.deepEqual(tomorrow, { state: 'opens', at: utc('2026-12-10T12:00:00Z'), inDays: 1 });
    assert.deepEqual(openingStatus(sessions, utc('2026-12-10T09:00:00Z')), { state: 'opens', at: utc('2026-12-10T12:00:00Z'), inDays: 0 });
    assert.deepEqual(openingStatus(sessions, utc('2026-12-10T16:00:00Z')), { state: 'opens', at: utc('2026-12-17T12:00:00Z'), inDays: 7 });
    assert.equal(openingStatus([], utc('2026-12-10T16:00:00Z')), undefined);
  });

  it('counts days in London: 23:30 UTC in summer is already tomorrow there', () => {
    assert.equal(londonDaysBetween(utc('2026-07-01T23:30:00Z'), utc('2026-07-02T09:00:00Z')), 0);
    assert.equal(londonDaysBetween(utc('2026-07-01T23:30:00Z'), utc('2026-07-03T09:00:00Z')), 1);
  });
});

describe('Welsh after "ar" and hub names in the resident\'s language', () => {
  it('soft-mutates the first letter: Dydd → ddydd, and leaves ch, th, ph, dd and vowels', () => {
    assert.deepEqual(
      ['Dydd', 'Mawrth', 'Llun', 'Gwener', 'Caerdydd', 'Pont', 'Tref', 'Bangor', 'Rhyl', 'Chwefror', 'Ionawr', 'Ddoe'].map((word) => softMutation(word)),
      ['Ddydd', 'Fawrth', 'Lun', 'Wener', 'Gaerdydd', 'Bont', 'Dref', 'Fangor', 'Ryl', 'Chwefror', 'Ionawr', 'Ddoe'],
    );
    assert.equal(softMutation('Dydd', true), 'ddydd');
  });

  it('writes a day after "ar" as "ddydd Llun", and English days as they are', () => {
    const monday = utc('2026-12-07T10:00:00Z');
    assert.equal(formatDayOn('cy', monday), 'ddydd Llun 7 Rhagfyr');
    assert.equal(formatDayOn('en', monday), 'Monday 7 December');
  });

  it('names a hub in Welsh where the data has a Welsh name, else in English', () => {
    const bilingual = { name: 'Aberwen Library', description: 'Drop in', translations: { cy: { name: 'Llyfrgell Aberwen' } } };
    assert.deepEqual(hubText(bilingual, 'cy'), { name: 'Llyfrgell Aberwen', description: 'Drop in' });
    assert.deepEqual(hubText(bilingual, 'en'), { name: 'Aberwen Library', description: 'Drop in' });
    assert.deepEqual(hubText({ name: 'Only English' }, 'cy'), { name: 'Only English', description: undefined });
  });
});

describe('session kinds', () => {
  const clinic = hub('c', [
    { id: 'talk', mode: 'drop-in', schedule: thursdays },
    { id: 'clinic', mode: 'drop-in', kind: 'carers-clinic', schedule: { freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '11:00' } },
  ]);
  const other = hub('o', [{ id: 'peer', mode: 'bookable', capacity: 5, kind: 'peer-support', schedule: thursdays }]);
  const sessions = expandSessions([clinic, other], utc('2026-12-01T00:00:00Z'), utc('2026-12-08T00:00:00Z'));
  const results = withSessions([{ hub: clinic }, { hub: other }], sessions);

  it('carries the plan\'s kind to each session, a talking point conversation when the plan has none', () => {
    assert.deepEqual(
      sessions.map((s) => [s.planId, sessionKind(s)]),
      [
        ['peer', 'peer-support'],
        ['talk', 'talking-point'],
        ['clinic', 'carers-clinic'],
      ],
    );
    assert.equal(sessions.find((s) => s.planId === 'talk')?.kind, undefined);
    assert.deepEqual(sessionKinds(results), ['talking-point', 'carers-clinic', 'peer-support']);
  });

  it('filters hubs by kind, keeping only the sessions of that kind', () => {
    const filtered = filterHubs(results, { kind: 'carers-clinic' });
    assert.deepEqual(filtered.map((r) => [r.hub.id, r.sessions.map((s) => s.planId)]), [['c', ['clinic']]]);
    assert.deepEqual(filterHubs(results, { kind: 'talking-point' }).map((r) => r.hub.id), ['c']);
    assert.deepEqual(filterHubs(results, { kind: 'support-planning' }), []);
  });
});
