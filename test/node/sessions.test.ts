import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hub, HubSessionPlan, Location, Schedule, Service } from '../../src/contract/directory.ts';
import { Session } from '../../src/contract/places.ts';
import { hubsFromServices } from '../../src/core/hubs.ts';
import { expandSessions, parseSessionId, sessionId } from '../../src/core/sessions.ts';
import { expandSessions as serverExpandSessions } from '../../server/routes/places.ts';
import { seed } from '../../server/seed/index.ts';

const utc = (iso: string) => new Date(iso);
const DAY_MS = 86_400_000;

/** Thursdays 12:00–15:00 London time. */
const thursdays: Schedule = { freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '15:00' };

function hub(id: string, sessions: HubSessionPlan[]): Hub {
  return { id, name: `Hub ${id}`, kind: 'library', address: {}, coordinates: { lat: 52.7, lng: -2.7 }, accessibility: [], stepFree: true, sessions };
}

function location(id: string, overrides: Partial<Location> = {}): Location {
  return { id, name: `Place ${id}`, coordinates: { lat: 52.7, lng: -2.7 }, accessibility: [], ...overrides };
}

function service(id: string, locations: Location[], schedules: Schedule[]): Service {
  return { id, name: `Service ${id}`, status: 'active', taxonomyTerms: [], locations, schedules };
}

describe('sessionId', () => {
  it('names an occurrence by its plan, London date and opening time', () => {
    assert.equal(sessionId('plan-1', { date: '2026-12-03', opensAt: '12:00' }), 'plan-1@2026-12-03T12:00');
    assert.equal(sessionId('plan-1', { date: '2026-12-03' }), 'plan-1@2026-12-03T00:00', 'all day: midnight');
  });

  it('is read back by parseSessionId, including plan ids with @ in them', () => {
    assert.deepEqual(parseSessionId('plan-1@2026-12-03T12:00'), { planId: 'plan-1', date: '2026-12-03', opensAt: '12:00' });
    assert.deepEqual(parseSessionId('a@b@2026-12-03T09:30'), { planId: 'a@b', date: '2026-12-03', opensAt: '09:30' });
    for (const bad of ['', 'plan-1', 'plan-1@2026-12-03', '@2026-12-03T12:00', 'plan-1@2026-12-03T12:00:00', 'plan-1@2026-12-03T12:00Z']) {
      assert.equal(parseSessionId(bad), undefined, bad);
    }
  });
});

describe('expandSessions', () => {
  const plans: HubSessionPlan[] = [
    { id: 'drop', mode: 'drop-in', schedule: thursdays },
    { id: 'book', mode: 'bookable', capacity: 8, schedule: { freq: 'WEEKLY', byday: ['TU'], opensAt: '10:00', closesAt: '12:00' } },
  ];
  const hubs = [hub('h1', plans)];

  it('gives every plan\'s sessions starting in [from, to), in start order, with their ids, hub and plan', () => {
    // Thursday 3 and Tuesday 8 December 2026 (GMT), up to but not including Thursday 10 at 12:00.
    const sessions = expandSessions(hubs, utc('2026-12-03T12:00:00Z'), utc('2026-12-10T12:00:00Z'));
    assert.deepEqual(
      sessions.map((s) => [s.id, s.start, s.end]),
      [
        ['drop@2026-12-03T12:00', '2026-12-03T12:00:00.000Z', '2026-12-03T15:00:00.000Z'],
        ['book@2026-12-08T10:00', '2026-12-08T10:00:00.000Z', '2026-12-08T12:00:00.000Z'],
      ],
    );
    for (const session of sessions) {
      assert.equal(session.hubId, 'h1');
      assert.equal(session.planId, parseSessionId(session.id)?.planId);
      assert.equal(Session.safeParse(session).success, true, session.id);
    }
  });

  it('gives bookable sessions their capacity, all of it remaining, and drop-ins neither', () => {
    const [drop, book] = expandSessions(hubs, utc('2026-12-03T00:00:00Z'), utc('2026-12-09T00:00:00Z'));
    assert.deepEqual([drop?.mode, drop?.capacity, drop?.remaining], ['drop-in', undefined, undefined]);
    assert.deepEqual([book?.mode, book?.capacity, book?.remaining], ['bookable', 8, 8]);
  });

  it('keeps London opening times in summer time (the UTC hour moves, the id does not)', () => {
    const [june] = expandSessions([hub('h1', [plans[0] as HubSessionPlan])], utc('2027-06-01T00:00:00Z'), utc('2027-06-07T00:00:00Z'));
    assert.equal(june?.id, 'drop@2027-06-03T12:00');
    assert.equal(june?.start, '2027-06-03T11:00:00.000Z');
  });

  it('leaves out a session under way at `from`, unless asked for it', () => {
    const during = utc('2026-12-03T13:00:00Z');
    const to = utc('2026-12-18T00:00:00Z');
    const only = [hub('h1', [plans[0] as HubSessionPlan])];
    assert.deepEqual(
      expandSessions(only, during, to).map((s) => s.id),
      ['drop@2026-12-10T12:00', 'drop@2026-12-17T12:00'],
    );
    assert.deepEqual(
      expandSessions(only, during, to, { underway: true }).map((s) => s.id),
      ['drop@2026-12-03T12:00', 'drop@2026-12-10T12:00', 'drop@2026-12-17T12:00'],
    );
    // Just ended: not under way any more.
    assert.deepEqual(
      expandSessions(only, utc('2026-12-03T15:00:00Z'), to, { underway: true }).map((s) => s.id),
      ['drop@2026-12-10T12:00', 'drop@2026-12-17T12:00'],
    );
  });

  it('limits each plan to its first `limit` sessions in the window', () => {
    const from = utc('2026-12-01T00:00:00Z');
    const to = new Date(from.getTime() + 400 * DAY_MS);
    const sessions = expandSessions(hubs, from, to, { limit: 3 });
    assert.deepEqual(
      sessions.map((s) => s.id),
      ['book@2026-12-01T10:00', 'drop@2026-12-03T12:00', 'book@2026-12-08T10:00', 'drop@2026-12-10T12:00', 'book@2026-12-15T10:00', 'drop@2026-12-17T12:00'],
    );
    assert.equal(expandSessions(hubs, from, to, { limit: 3, underway: true }).length, 6);
    assert.deepEqual(expandSessions(hubs, from, to, { limit: 0 }), []);
  });

  it('gives nothing for an empty or backwards window, and orders ties by id', () => {
    assert.deepEqual(expandSessions(hubs, utc('2026-12-03T00:00:00Z'), utc('2026-12-03T00:00:00Z')), []);
    assert.deepEqual(expandSessions(hubs, utc('2026-12-10T00:00:00Z'), utc('2026-12-03T00:00:00Z'), { underway: true }), []);
    const twins = [hub('b', [{ id: 'y', mode: 'drop-in', schedule: thursdays }]), hub('a', [{ id: 'x', mode: 'drop-in', schedule: thursdays }])];
    assert.deepEqual(
      expandSessions(twins, utc('2026-12-03T00:00:00Z'), utc('2026-12-04T00:00:00Z')).map((s) => s.id),
      ['x@2026-12-03T12:00', 'y@2026-12-03T12:00'],
    );
  });

  it('is the rule the server uses for GET /api/v1/sessions and for bookings', () => {
    assert.equal(serverExpandSessions, expandSessions);
  });

  it('gives the hub finder (next three, one under way included) the same ids as the server for the seed hubs', () => {
    const now = utc('2026-12-03T13:00:00Z');
    const server = new Set(expandSessions(seed.hubs, new Date(now.getTime() - DAY_MS), new Date(now.getTime() + 400 * DAY_MS)).map((s) => s.id));
    const finder = expandSessions(seed.hubs, now, new Date(now.getTime() + 400 * DAY_MS), { limit: 3, underway: true });
    assert.ok(finder.length >= seed.hubs.length);
    for (const session of finder) assert.ok(server.has(session.id), session.id);
  });
});

describe('hubsFromServices', () => {
  it('makes each located place a hub, once, with every schedule held there as a drop-in plan', () => {
    const hubs = hubsFromServices([
      service('s1', [location('l1', { address: { city: 'Borchester' }, stepFree: true, accessibility: ['Ramp'] }), location('l2')], [thursdays, { id: 'sched-2', ...thursdays, byday: ['MO'] }]),
      service('s2', [location('l1', { name: 'Another name' })], [{ freq: 'WEEKLY', byday: ['FR'], opensAt: '09:00' }]),
    ]);
    assert.deepEqual(
      hubs.map((h) => [h.id, h.name, h.sessions.map((plan) => plan.id)]),
      [
        ['l1', 'Place l1', ['s1#0', 'sched-2', 's2#0']],
        ['l2', 'Place l2', ['s1#0', 'sched-2']],
      ],
    );
    const [first] = hubs;
    assert.deepEqual(first?.address, { city: 'Borchester' });
    assert.deepEqual(first?.accessibility, ['Ramp']);
    assert.equal(first?.stepFree, true);
    assert.equal(first?.kind, 'community-centre');
    assert.ok(first?.sessions.every((plan) => plan.mode === 'drop-in' && plan.capacity === undefined));
  });

  it('leaves out places without coordinates, names a place after its service when it has no name, and assumes steps', () => {
    const hubs = hubsFromServices([service('s1', [location('phone', { coordinates: undefined }), location('l3', { name: undefined })], [])]);
    assert.deepEqual(
      hubs.map((h) => [h.id, h.name, h.stepFree, h.address, h.sessions]),
      [['l3', 'Service s1', false, {}, []]],
    );
  });

  it('gives hubs whose sessions expand by the one rule, with their location as hub', () => {
    const [place] = hubsFromServices([service('s1', [location('l1')], [thursdays])]);
    assert.ok(place);
    const sessions = expandSessions([place], utc('2026-12-03T13:00:00Z'), utc('2027-12-03T00:00:00Z'), { limit: 3, underway: true });
    assert.deepEqual(
      sessions.map((s) => [s.id, s.hubId, s.mode]),
      [
        ['s1#0@2026-12-03T12:00', 'l1', 'drop-in'],
        ['s1#0@2026-12-10T12:00', 'l1', 'drop-in'],
        ['s1#0@2026-12-17T12:00', 'l1', 'drop-in'],
      ],
    );
  });
});
