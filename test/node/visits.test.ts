import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AttendanceInput, ContactInput, Report, VisitInput } from '../../src/contract/staff.ts';
import {
  DEFAULT_VISIT_CONFIG,
  editableUntil,
  mayChange,
  mustMatchBooking,
  normalisePersonReference,
  optionLabel,
  outcodeOf,
  personReferenceKind,
  resolutionOf,
  VISIT_OUTCOMES,
  visitConfig,
} from '../../src/core/visits.ts';

const visit = (overrides: Record<string, unknown> = {}) => ({
  hubId: 'hub-1',
  occurredAt: '2026-12-03T10:15:00Z',
  worker: 'ab',
  outcomes: ['information-advice'],
  ...overrides,
});

describe('visits: the outcode rule', () => {
  it('cuts a full postcode to its outcode and keeps an outcode', () => {
    assert.equal(outcodeOf('sy4 5jd'), 'SY4');
    assert.equal(outcodeOf('SY45JD'), 'SY4');
    assert.equal(outcodeOf('ll15'), 'LL15');
    assert.equal(outcodeOf('CF10 1AA'), 'CF10');
    assert.equal(outcodeOf('not a postcode'), undefined);
  });

  it('stores only the outcode through the contract, whichever end parses it', () => {
    const parsed = VisitInput.parse(visit({ outcode: 'SY4 5JD' }));
    assert.equal(parsed.outcode, 'SY4');
    assert.equal(VisitInput.parse(visit({ outcode: '' })).outcode, undefined);
    assert.equal(VisitInput.safeParse(visit({ outcode: 'Shrewsbury' })).success, false);
  });
});

describe('visits: the person reference', () => {
  it('accepts self-assessment and booking references and card numbers', () => {
    assert.equal(personReferenceKind('cls-acdefg'), 'self-assessment');
    assert.equal(personReferenceKind('ACDE-FG34'), 'booking');
    assert.equal(personReferenceKind('1234 5678'), 'card');
    assert.equal(normalisePersonReference(' 1234 5678 '), '12345678');
    assert.equal(VisitInput.parse(visit({ personRef: 'cls-acdefg' })).personRef, 'CLS-ACDEFG');
  });

  it('refuses names, email addresses and phone numbers', () => {
    for (const value of ['Mary Jones', 'mary', 'mary@example.org', '07700 900123', '+44 7700 900123', '01743 123456']) {
      assert.equal(personReferenceKind(value), undefined, value);
      assert.equal(VisitInput.safeParse(visit({ personRef: value })).success, false, value);
    }
  });

  it('marks a booking-shaped reference of letters only as one the server must find among bookings', () => {
    // "MARY-JANE" fits the booking alphabet but may be a name.
    assert.equal(mustMatchBooking('MARY-JANE'), true);
    assert.equal(mustMatchBooking('ACDE-FG34'), false);
  });
});

describe('visits: the rest of the form', () => {
  it('upper-cases initials and refuses anything else', () => {
    assert.equal(VisitInput.parse(visit({ worker: ' jd ' })).worker, 'JD');
    for (const worker of ['', 'J.D.', 'ABCDE', 'Jane Doe']) assert.equal(VisitInput.safeParse(visit({ worker })).success, false, worker);
  });

  it('needs at least one outcome, each once, from the fixed list', () => {
    assert.equal(VisitInput.safeParse(visit({ outcomes: [] })).success, false);
    assert.equal(VisitInput.safeParse(visit({ outcomes: ['housing', 'housing'] })).success, false);
    assert.equal(VisitInput.safeParse(visit({ outcomes: ['lunch'] })).success, false);
    assert.equal(VisitInput.safeParse(visit({ outcomes: [...VISIT_OUTCOMES] })).success, true);
  });

  it('takes wellbeing scores 1 to 5 only and short text only', () => {
    assert.equal(VisitInput.safeParse(visit({ wellbeing: { connected: 3 } })).success, true);
    assert.equal(VisitInput.safeParse(visit({ wellbeing: { connected: 6 } })).success, false);
    assert.equal(VisitInput.safeParse(visit({ wellbeing: { connected: 2.5 } })).success, false);
    assert.equal(VisitInput.safeParse(visit({ whatMatters: 'x'.repeat(281) })).success, false);
    assert.equal(VisitInput.parse(visit({ whatMatters: '  ' })).whatMatters, undefined);
  });

  it('puts each conversation on exactly one side of the CLS shift', () => {
    assert.equal(resolutionOf(['information-advice', 'invited-back']), 'community');
    assert.equal(resolutionOf(['peer-support', 'housing']), 'formal');
    assert.equal(resolutionOf(['closed']), 'other');
  });

  it('lets a worker change a visit for 24 hours and an admin always', () => {
    const created = new Date('2026-12-01T10:00:00Z');
    assert.equal(editableUntil(created).toISOString(), '2026-12-02T10:00:00.000Z');
    assert.equal(mayChange('worker', created, new Date('2026-12-02T09:59:59Z')), true);
    assert.equal(mayChange('worker', created, new Date('2026-12-02T10:00:00Z')), false);
    assert.equal(mayChange('admin', created, new Date('2027-12-02T10:00:00Z')), true);
  });

  it('merges a council configuration over the bilingual defaults', () => {
    const config = visitConfig({ ageBands: [{ id: 'all', en: 'Any age', cy: 'Unrhyw oedran' }] });
    assert.deepEqual(config.ageBands.map((band) => band.id), ['all']);
    assert.equal(config.heardAbout, DEFAULT_VISIT_CONFIG.heardAbout);
    assert.equal(optionLabel(DEFAULT_VISIT_CONFIG.heardAbout, 'council', 'cy'), 'Y cyngor');
    assert.equal(optionLabel(DEFAULT_VISIT_CONFIG.heardAbout, 'retired-option', 'en'), 'retired-option');
    for (const list of [DEFAULT_VISIT_CONFIG.heardAbout, DEFAULT_VISIT_CONFIG.ageBands, DEFAULT_VISIT_CONFIG.wellbeing, Object.values(DEFAULT_VISIT_CONFIG.outcomes)]) {
      for (const option of list) assert.ok(option.en && option.cy, JSON.stringify(option));
    }
  });
});

describe('staff contract: attendance, follow-ups, reports', () => {
  it('takes a booking mark or a walk-in', () => {
    assert.equal(AttendanceInput.safeParse({ kind: 'booking', reference: 'ACDE-FG34', status: 'attended' }).success, true);
    assert.equal(AttendanceInput.safeParse({ kind: 'booking', reference: 'ACDE-FG34', status: 'maybe' }).success, false);
    assert.equal(AttendanceInput.safeParse({ kind: 'walk-in', sessionId: 'plan@2026-12-03T10:00' }).success, true);
    assert.equal(ContactInput.safeParse({ kind: 'self-assessment', reference: 'CLS-ACDEFG', by: 'ab' }).success, true);
  });

  it('refuses a report with a raw number where a published count belongs', () => {
    const count = { kind: 'count', value: 10 };
    const withheld = { kind: 'withheld', n: { kind: 'small' } };
    const table = { cells: [], rowTotals: [], columnTotals: [], total: { kind: 'small' } };
    const report = {
      from: '2026-01-01',
      to: '2026-12-31',
      threshold: 7,
      roundingBase: 5,
      conversations: count,
      resolution: { community: count, formal: count, other: { kind: 'small' } },
      connectedToCommunity: count,
      invitedBack: count,
      daysToFirstConversation: withheld,
      bookings: { made: count, attended: count, missed: count },
      selfAssessments: { sent: count, nextSteps: [] },
      feedback: { count, helpful: withheld, ease: withheld },
      distanceTravelled: { people: count, change: withheld },
      outcomes: [],
      byHub: { hubs: [], table },
      weekly: { weeks: [], table },
      objectives: [],
      scores: { months: [], wellbeing: [], helpful: [] },
      generatedAt: '2026-12-03T10:00:00Z',
    };
    assert.equal(Report.safeParse(report).success, true);
    assert.equal(Report.safeParse({ ...report, conversations: 12 }).success, false);
  });
});
