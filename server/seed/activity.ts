import { NextStep } from '../../src/contract/questionnaire.ts';
import type { Hub } from '../../src/contract/directory.ts';
import { londonParts } from '../../src/core/schedule.ts';
import { expandSessions } from '../../src/core/sessions.ts';
import { resolutionOf, VISIT_OUTCOMES, DEFAULT_VISIT_CONFIG, type VisitOutcomeId } from '../../src/core/visits.ts';
import type { Database } from '../db/database.ts';
import { rebuildVisitSummaries } from '../db/visits.ts';
import { stableId } from './ids.ts';
import { outcodes } from './places.ts';
import { chance, hashInt, pick, unit } from './random.ts';

/**
 * A year of the staff side at the seed hubs, up to `end`: conversations,
 * bookings with attendance, walk-ins, self-assessments and feedback, so the
 * demo's impact report tells a story. Deterministic: every choice is a hash
 * of the hub, the session and the number of the conversation in it, so the
 * same `end` always gives the same rows.
 *
 * The story: the busy town libraries have several conversations a session,
 * the village halls one now and then (small enough that their figures are
 * suppressed); over the year more conversations are resolved with
 * information, community or peer support and fewer go on to formal services;
 * people seen again score their wellbeing a little higher each time.
 */

const DAY_MS = 86_400_000;
const REFERENCE_LETTERS = 'ACDEFGHJKMNPQRTUVWXY34679';
const FIRST_NAMES = ['Ann', 'Bryn', 'Carys', 'Dai', 'Elin', 'Frank', 'Gwen', 'Harry', 'Iris', 'Jac', 'Kath', 'Len', 'Mair', 'Nia', 'Owen', 'Pat'];
const SURNAMES = ['Bevan', 'Davies', 'Evans', 'Griffiths', 'Hughes', 'Jones', 'Lloyd', 'Morgan', 'Owen', 'Price', 'Roberts', 'Thomas'];

/** A reference in the booking or self-assessment alphabet, from a key. */
function reference(key: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += REFERENCE_LETTERS[hashInt(`${key}#${i}`) % REFERENCE_LETTERS.length];
  return out;
}

/** Mean conversations per session: busy town hubs, quieter ones, and village halls that see someone now and then. */
function busyness(hub: Hub): number {
  if (hub.kind === 'library') return 4;
  // Two village halls hardly anyone has found yet: their year is "7 or fewer".
  if (/Marchbrook|Llanddewi/.test(hub.name)) return 0.08;
  if (hub.kind === 'community-centre') return 0.3;
  return 1.5;
}

function outcomesFor(key: string, progress: number): VisitOutcomeId[] {
  // The shift: formal services from about 40% of conversations at the start of the year to 20% at the end.
  const formal = chance(`${key}:formal`, 0.4 - 0.2 * progress);
  const chosen = new Set<VisitOutcomeId>();
  if (formal) chosen.add(pick(`${key}:which-formal`, ['health-referral', 'adult-social-care', 'carers-assessment', 'housing', 'benefits'] as const));
  if (!formal || chance(`${key}:also-community`, 0.5)) chosen.add(pick(`${key}:which-community`, ['information-advice', 'information-advice', 'community-activity', 'peer-support'] as const));
  if (chance(`${key}:invited`, 0.35)) chosen.add('invited-back');
  else if (chance(`${key}:closed`, 0.4)) chosen.add('closed');
  return VISIT_OUTCOMES.filter((outcome) => chosen.has(outcome));
}

interface Rows {
  [column: string]: unknown[];
}

const columns = (names: string[]): Rows => Object.fromEntries(names.map((name) => [name, []]));

/** Loads the year of activity. Returns how many of each it wrote. */
export async function seedActivity(db: Database, hubs: readonly Hub[], end: Date): Promise<{ visits: number; bookings: number; submissions: number; feedback: number }> {
  const start = new Date(end.getTime() - 365 * DAY_MS);
  const visits = columns(['id', 'hub_id', 'occurred_at', 'worker', 'heard_about', 'age_band', 'outcode', 'outcomes', 'resolution', 'invited_back', 'follow_up', 'wellbeing', 'wellbeing_mean', 'person_ref']);
  const slots = columns(['session_id', 'hub_id', 'plan_id', 'starts_at', 'capacity', 'booked']);
  const bookings = columns(['reference', 'session_id', 'hub_id', 'name', 'contact_method', 'contact_value', 'cancel_token_hash', 'created_at', 'cancelled_at', 'attendance']);
  const walkIns = columns(['id', 'session_id', 'hub_id', 'starts_at']);
  const submissions = columns(['reference', 'questionnaire_id', 'version', 'answers', 'contact', 'created_at', 'next_step', 'urgent']);
  const feedback = columns(['id', 'helpful', 'ease', 'hub', 'created_at']);
  const push = (rows: Rows, values: Record<string, unknown>) => {
    for (const [name, list] of Object.entries(rows)) list.push(values[name] ?? null);
  };
  const seen = new Map<string, number>();

  for (const hub of hubs) {
    const mean = busyness(hub);
    const people = Math.max(3, Math.round(mean * 12));
    for (const session of expandSessions([hub], start, end)) {
      const key = `${hub.id}@${session.id}`;
      const progress = (Date.parse(session.start) - start.getTime()) / (365 * DAY_MS);
      const count = Math.floor(unit(`${key}:count`) * 2 * mean + (chance(`${key}:extra`, mean % 1) ? 1 : 0));
      let booked = 0;
      if (session.mode === 'bookable' && session.capacity) {
        const made = Math.min(session.capacity, Math.floor(unit(`${key}:bookings`) * 4));
        for (let b = 0; b < made; b++) {
          const bookingKey = `${key}:booking:${b}`;
          const cancelled = chance(`${bookingKey}:cancelled`, 0.1);
          booked += cancelled ? 0 : 1;
          push(bookings, {
            reference: `${reference(bookingKey, 4)}-${reference(`${bookingKey}:2`, 4)}`,
            session_id: session.id,
            hub_id: hub.id,
            name: `${pick(`${bookingKey}:first`, FIRST_NAMES)} ${pick(`${bookingKey}:surname`, SURNAMES)}`,
            contact_method: 'phone',
            // Ofcom's range for drama: never a real number.
            contact_value: `01632 960${String(hashInt(`${bookingKey}:phone`) % 1000).padStart(3, '0')}`,
            cancel_token_hash: 'seed',
            created_at: new Date(Date.parse(session.start) - (1 + (hashInt(`${bookingKey}:ahead`) % 14)) * DAY_MS).toISOString(),
            cancelled_at: cancelled ? new Date(Date.parse(session.start) - DAY_MS).toISOString() : null,
            attendance: cancelled ? null : chance(`${bookingKey}:came`, 0.8) ? 'attended' : 'missed',
          });
        }
        push(slots, { session_id: session.id, hub_id: hub.id, plan_id: session.planId, starts_at: session.start, capacity: session.capacity, booked: Math.max(booked, 0) });
      } else if (count > 0) {
        for (let w = 0; w < Math.min(count, 3); w++) push(walkIns, { id: stableId('walk-in', `${key}:${w}`), session_id: session.id, hub_id: hub.id, starts_at: session.start });
      }
      for (let v = 0; v < count; v++) {
        const visitKey = `${key}:visit:${v}`;
        const outcomes = outcomesFor(visitKey, progress);
        const known = chance(`${visitKey}:known`, 0.45);
        const person = known ? `${hub.id.slice(0, 2).toUpperCase()}${String(100_000 + (hashInt(`${visitKey}:person`) % people))}` : undefined;
        const times = person ? (seen.get(person) ?? 0) : 0;
        if (person) seen.set(person, times + 1);
        const scored = person !== undefined && chance(`${visitKey}:scored`, 0.8);
        const wellbeing = scored
          ? Object.fromEntries(DEFAULT_VISIT_CONFIG.wellbeing.map((statement) => [statement.id, Math.min(5, 1 + (hashInt(`${person}:${statement.id}`) % 3) + Math.min(2, Math.floor(times / 2)))]))
          : undefined;
        const scores = wellbeing ? Object.values(wellbeing) : [];
        const occurredAt = new Date(Date.parse(session.start) + (10 + v * 12) * 60_000);
        push(visits, {
          id: stableId('visit', visitKey),
          hub_id: hub.id,
          occurred_at: occurredAt.toISOString(),
          worker: pick(`${hub.id}:${londonParts(occurredAt).weekday}:worker`, ['AB', 'CD', 'EF', 'GJ', 'MP']),
          heard_about: pick(`${visitKey}:heard`, DEFAULT_VISIT_CONFIG.heardAbout).id,
          age_band: pick(`${visitKey}:age`, DEFAULT_VISIT_CONFIG.ageBands).id,
          outcode: pick(`${hub.id}:outcode:${hashInt(visitKey) % 3}`, outcodes).outcode,
          outcomes,
          resolution: resolutionOf(outcomes),
          invited_back: outcomes.includes('invited-back'),
          follow_up: outcomes.includes('invited-back') ? new Date(occurredAt.getTime() + 14 * DAY_MS).toISOString().slice(0, 10) : null,
          wellbeing: wellbeing ? JSON.stringify(wellbeing) : null,
          wellbeing_mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
          person_ref: person ?? null,
        });
      }
    }
  }
  // Self-assessments: about four a week; some of those people come to a hub later, with their reference.
  for (let week = 0; week < 52; week++) {
    for (let s = 0; s < 4; s++) {
      const key = `submission:${week}:${s}`;
      const urgent = chance(`${key}:urgent`, 0.08);
      const created = new Date(start.getTime() + (week * 7 + (hashInt(`${key}:day`) % 7)) * DAY_MS + 11 * 3_600_000);
      const ref = `CLS-${reference(key, 6)}`;
      const withContact = chance(`${key}:contact`, 0.6);
      push(submissions, {
        reference: ref,
        questionnaire_id: 'what-matters',
        version: 1,
        answers: '{}',
        contact: withContact ? JSON.stringify({ name: `${pick(`${key}:first`, FIRST_NAMES)} ${pick(`${key}:surname`, SURNAMES)}`, method: 'phone', value: `01632 961${String(hashInt(key) % 1000).padStart(3, '0')}` }) : null,
        created_at: created.toISOString(),
        next_step: urgent ? 'urgent' : pick(`${key}:step`, NextStep.options.filter((step) => step !== 'urgent')),
        urgent,
      });
      if (chance(`${key}:came`, 0.4)) {
        const hub = pick(`${key}:hub`, hubs.filter((candidate) => busyness(candidate) > 1));
        const occurredAt = new Date(created.getTime() + (1 + (hashInt(`${key}:wait`) % 20)) * DAY_MS);
        if (occurredAt < end) {
          const outcomes = outcomesFor(`${key}:visit`, week / 52);
          push(visits, {
            id: stableId('visit', key),
            hub_id: hub.id,
            occurred_at: occurredAt.toISOString(),
            worker: 'AB',
            heard_about: 'online',
            outcomes,
            resolution: resolutionOf(outcomes),
            invited_back: outcomes.includes('invited-back'),
            person_ref: ref,
          });
        }
      }
    }
    for (let f = 0; f < 5; f++) {
      const key = `feedback:${week}:${f}`;
      push(feedback, {
        id: stableId('feedback', key),
        helpful: 3 + (hashInt(`${key}:helpful`) % 3),
        ease: 2 + (hashInt(`${key}:ease`) % 4),
        hub: pick(`${key}:hub`, hubs).id,
        created_at: new Date(start.getTime() + (week * 7 + f) * DAY_MS + 14 * 3_600_000).toISOString(),
      });
    }
  }

  const insert = async (table: string, rows: Rows, types: Record<string, string>) => {
    const names = Object.keys(rows);
    if (!(rows[names[0] ?? ''] ?? []).length) return;
    // One statement per table: unnest turns the column arrays back into rows.
    await db.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.map((name) => (name === 'outcomes' ? 'outcomes::text[]' : name)).join(', ')}
       FROM unnest(${names.map((name, i) => `$${i + 1}::${types[name] ?? 'text'}[]`).join(', ')}) AS rows (${names.join(', ')})`,
      names.map((name) => (name === 'outcomes' ? (rows[name] as string[][]).map((list) => `{${list.join(',')}}`) : rows[name])),
    );
  };
  await insert('session_slots', slots, { starts_at: 'timestamptz', capacity: 'integer', booked: 'integer' });
  await insert('bookings', bookings, { created_at: 'timestamptz', cancelled_at: 'timestamptz' });
  await insert('walk_ins', walkIns, { id: 'uuid', starts_at: 'timestamptz' });
  await insert('submissions', submissions, { version: 'integer', answers: 'jsonb', contact: 'jsonb', created_at: 'timestamptz', urgent: 'boolean' });
  await insert('feedback', feedback, { id: 'uuid', helpful: 'smallint', ease: 'smallint', created_at: 'timestamptz' });
  await insert('visits', visits, {
    id: 'uuid',
    occurred_at: 'timestamptz',
    outcomes: 'text',
    invited_back: 'boolean',
    follow_up: 'date',
    wellbeing: 'jsonb',
    wellbeing_mean: 'double precision',
  });
  // A team keeps up with its follow-ups: all but the last fortnight's were contacted a day or three
  // later, so a hub's "waiting for contact" list looks like a real one rather than a year's backlog.
  const settled = new Date(end.getTime() - 14 * DAY_MS).toISOString();
  const initials = `(ARRAY['AB', 'CD', 'EF', 'GH', 'JK'])[1 + abs(hashtext(reference)) % 5]`;
  await db.query(
    `INSERT INTO follow_up_contacts (kind, reference, contacted_by, contacted_at)
     SELECT 'self-assessment', reference, ${initials}, created_at + (1 + abs(hashtext(reference)) % 3) * interval '1 day'
     FROM submissions WHERE created_at < $1::timestamptz
     UNION ALL
     SELECT 'missed-booking', b.reference, ${initials.replace('reference', 'b.reference')}, s.starts_at + (1 + abs(hashtext(b.reference)) % 3) * interval '1 day'
     FROM bookings b JOIN session_slots s ON s.session_id = b.session_id WHERE b.attendance = 'missed' AND s.starts_at < $1::timestamptz
     ON CONFLICT DO NOTHING`,
    [settled],
  );
  await rebuildVisitSummaries(db);
  return { visits: (visits.id ?? []).length, bookings: (bookings.reference ?? []).length, submissions: (submissions.reference ?? []).length, feedback: (feedback.id ?? []).length };
}
