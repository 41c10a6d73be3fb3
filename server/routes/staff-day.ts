import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import {
  AttendanceInput,
  AttendanceRecorded,
  ContactInput,
  ContactRecorded,
  Day,
  DayQuery,
  FollowUpList,
  FollowUpQuery,
  type DayBooking,
  type FollowUp,
} from '../../src/contract/staff.ts';
import { londonInstant, londonParts } from '../../src/core/schedule.ts';
import { expandSessions, parseSessionId } from '../../src/core/sessions.ts';
import type { Database } from '../db/database.ts';
import { once } from '../db/idempotency.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { idempotencyKey, readBody, readQuery } from '../http/input.ts';
import { HttpProblem, idempotencyConflict } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';

/** Follow-ups stay listed this many days after someone made contact, so the day's work can be seen. */
const CONTACTED_SHOWN_DAYS = 7;

export const staffDayRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/staff/attendance',
    summary: 'One hub’s sessions on one day, with their bookings and walk-ins',
    description: 'The date is a London date; today when omitted.',
    tag: 'Staff',
    staff: true,
    query: DayQuery,
    responses: { 200: { description: 'The day', schema: Day } },
    problems: { 404: '`not-found`: no such hub', 422: '`validation-failed`: the date is not a date' },
  },
  {
    method: 'post',
    path: '/api/v1/staff/attendance',
    summary: 'Mark a booking attended or missed, or add a walk-in',
    description: 'Retrying with the same Idempotency-Key and body returns the first answer, so a mark queued offline is made once.',
    tag: 'Staff',
    staff: true,
    idempotent: true,
    body: AttendanceInput,
    responses: {
      201: { description: 'Marked', schema: AttendanceRecorded },
      200: { description: 'Already marked by an earlier request with this Idempotency-Key', schema: AttendanceRecorded },
    },
    problems: { 404: '`not-found`: no such booking (or it was cancelled), or no such session' },
  },
  {
    method: 'get',
    path: '/api/v1/staff/follow-ups',
    summary: 'Self-assessments and missed bookings to get back to',
    description: `Waiting ones first, urgent before the rest and oldest first, then those contacted in the last ${CONTACTED_SHOWN_DAYS} days. Self-assessments are listed for every hub (they are not sent to one) when they left contact details; missed bookings are the hub’s.`,
    tag: 'Staff',
    staff: true,
    query: FollowUpQuery,
    responses: { 200: { description: 'The follow-ups', schema: FollowUpList } },
  },
  {
    method: 'post',
    path: '/api/v1/staff/follow-ups',
    summary: 'Mark a follow-up contacted: who (initials) and when',
    tag: 'Staff',
    staff: true,
    idempotent: true,
    body: ContactInput,
    responses: {
      201: { description: 'Marked', schema: ContactRecorded },
      200: { description: 'Already marked by an earlier request with this Idempotency-Key', schema: ContactRecorded },
    },
    problems: { 404: '`not-found`: no self-assessment or missed booking with this reference' },
  },
];

const iso = (value: Date | string) => new Date(value).toISOString();
const notFound = (what: string) => new HttpProblem(404, 'not-found', `No such ${what}`);
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function mountStaffDay(app: Hono, db: Database, directory: DirectoryCache, now: () => Date = () => new Date()): void {
  app.get('/api/v1/staff/attendance', async (c) => {
    const query = readQuery(c, DayQuery);
    const date = query.date ?? londonParts(now()).date;
    let from: Date;
    let to: Date;
    try {
      from = londonInstant(date, '00:00');
      to = londonInstant(nextDate(date), '00:00');
    } catch {
      throw new HttpProblem(422, 'validation-failed', 'The request query is not valid', undefined, [{ path: 'date', code: 'invalid', message: `${date} is not a date.` }]);
    }
    const hub = (await directory.get()).hubs.find((candidate) => candidate.id === query.hub);
    if (!hub) throw notFound('hub');
    const sessions = expandSessions([hub], from, to);
    const ids = sessions.map((session) => session.id);
    const bookings = await db.query<{ reference: string; session_id: string; name: string; attendance: 'attended' | 'missed' | null; cancelled_at: Date | null }>(
      'SELECT reference, session_id, name, attendance, cancelled_at FROM bookings WHERE session_id = ANY($1::text[]) ORDER BY seq',
      [ids],
    );
    const walkIns = await db.query<{ session_id: string; n: unknown }>('SELECT session_id, count(*) AS n FROM walk_ins WHERE session_id = ANY($1::text[]) GROUP BY session_id', [ids]);
    const walkInsBy = new Map(walkIns.map((row) => [row.session_id, Number(row.n)]));
    return c.json(
      Day.parse({
        hub: { id: hub.id, name: hub.name },
        date,
        sessions: sessions.map((session) => ({
          session,
          bookings: bookings
            .filter((booking) => booking.session_id === session.id)
            .map((booking): DayBooking => ({ reference: booking.reference, name: booking.name, status: booking.attendance ?? 'booked', cancelled: booking.cancelled_at !== null })),
          walkIns: walkInsBy.get(session.id) ?? 0,
        })),
      }),
    );
  });

  app.post('/api/v1/staff/attendance', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, AttendanceInput);
    // Looked up before the transaction (PGlite runs one thing at a time).
    let walkInSession: { id: string; hubId: string; start: string } | undefined;
    if (input.kind === 'walk-in') {
      const named = parseSessionId(input.sessionId);
      if (named) {
        try {
          const midnight = londonInstant(named.date, '00:00');
          const { hubs } = await directory.get();
          const hub = hubs.find((candidate) => candidate.sessions.some((plan) => plan.id === named.planId));
          walkInSession = hub && expandSessions([hub], midnight, londonInstant(nextDate(named.date), '00:00')).find((session) => session.id === input.sessionId);
        } catch {
          walkInSession = undefined;
        }
      }
    }
    const outcome = await once(db, 'staff-attendance', key, input, async (tx) => {
      if (input.kind === 'booking') {
        const [row] = await tx.query<{ session_id: string; attendance_marked_at: Date | string }>(
          `UPDATE bookings SET attendance = $2, attendance_marked_at = now() WHERE reference = $1 AND cancelled_at IS NULL RETURNING session_id, attendance_marked_at`,
          [input.reference, input.status],
        );
        if (!row) throw notFound('booking');
        return {
          status: 201,
          body: { id: randomUUID(), kind: 'booking', sessionId: row.session_id, reference: input.reference, status: input.status, markedAt: iso(row.attendance_marked_at) },
        };
      }
      if (!walkInSession) throw notFound('session');
      const id = randomUUID();
      const [row] = await tx.query<{ marked_at: Date | string }>('INSERT INTO walk_ins (id, session_id, hub_id, starts_at) VALUES ($1, $2, $3, $4) RETURNING marked_at', [
        id,
        walkInSession.id,
        walkInSession.hubId,
        walkInSession.start,
      ]);
      return { status: 201, body: { id, kind: 'walk-in', sessionId: walkInSession.id, status: 'walk-in', markedAt: iso(row?.marked_at ?? new Date()) } };
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict('mark');
    return c.json(AttendanceRecorded.parse(outcome.response.body), outcome.kind === 'fresh' ? 201 : 200);
  });

  app.get('/api/v1/staff/follow-ups', async (c) => {
    const query = readQuery(c, FollowUpQuery);
    const shownSince = new Date(now().getTime() - CONTACTED_SHOWN_DAYS * 86_400_000).toISOString();
    const assessments = await db.query<{
      reference: string;
      questionnaire_id: string;
      created_at: Date | string;
      urgent: boolean | null;
      contact: { name: string; method: 'phone' | 'email' | 'none'; value?: string } | null;
      contacted_by: string | null;
      contacted_at: Date | string | null;
    }>(
      `SELECT s.reference, s.questionnaire_id, s.created_at, s.urgent, s.contact, f.contacted_by, f.contacted_at
       FROM submissions s LEFT JOIN follow_up_contacts f ON f.kind = 'self-assessment' AND f.reference = s.reference
       WHERE s.contact IS NOT NULL AND s.contact->>'method' <> 'none' AND (f.contacted_at IS NULL OR f.contacted_at >= $1)
       ORDER BY s.created_at LIMIT 500`,
      [shownSince],
    );
    const missed = await db.query<{ reference: string; name: string; contact_method: 'phone' | 'email'; contact_value: string; starts_at: Date | string; contacted_by: string | null; contacted_at: Date | string | null }>(
      `SELECT b.reference, b.name, b.contact_method, b.contact_value, s.starts_at, f.contacted_by, f.contacted_at
       FROM bookings b JOIN session_slots s ON s.session_id = b.session_id
       LEFT JOIN follow_up_contacts f ON f.kind = 'missed-booking' AND f.reference = b.reference
       WHERE b.attendance = 'missed' AND b.cancelled_at IS NULL AND ($1::text IS NULL OR s.hub_id = $1) AND (f.contacted_at IS NULL OR f.contacted_at >= $2)
       ORDER BY s.starts_at LIMIT 500`,
      [query.hub ?? null, shownSince],
    );
    const contacted = (by: string | null, at: Date | string | null) => (by && at ? { contacted: { by, at: iso(at) } } : {});
    const items: FollowUp[] = [
      ...assessments.map((row): FollowUp => ({
        kind: 'self-assessment',
        reference: row.reference,
        at: iso(row.created_at),
        urgent: row.urgent === true,
        questionnaireId: row.questionnaire_id,
        ...(row.contact ? { name: row.contact.name, contact: { method: row.contact.method, ...(row.contact.value ? { value: row.contact.value } : {}) } } : {}),
        ...contacted(row.contacted_by, row.contacted_at),
      })),
      ...missed.map((row): FollowUp => ({
        kind: 'missed-booking',
        reference: row.reference,
        at: iso(row.starts_at),
        urgent: false,
        name: row.name,
        contact: { method: row.contact_method, value: row.contact_value },
        ...contacted(row.contacted_by, row.contacted_at),
      })),
    ];
    // Waiting first (urgent, then oldest), then the contacted ones, latest contact first.
    items.sort(
      (a, b) =>
        Number(Boolean(a.contacted)) - Number(Boolean(b.contacted)) ||
        (a.contacted && b.contacted ? b.contacted.at.localeCompare(a.contacted.at) : Number(b.urgent) - Number(a.urgent) || a.at.localeCompare(b.at)),
    );
    return c.json(FollowUpList.parse({ items }));
  });

  app.post('/api/v1/staff/follow-ups', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, ContactInput);
    const reference = input.reference.toUpperCase();
    const outcome = await once(db, 'staff-follow-ups', key, input, async (tx) => {
      const exists =
        input.kind === 'self-assessment'
          ? await tx.query('SELECT 1 FROM submissions WHERE reference = $1', [reference])
          : await tx.query(`SELECT 1 FROM bookings WHERE reference = $1 AND attendance = 'missed'`, [reference]);
      if (!exists.length) throw notFound(input.kind === 'self-assessment' ? 'self-assessment' : 'missed booking');
      const [row] = await tx.query<{ contacted_by: string; contacted_at: Date | string }>(
        `INSERT INTO follow_up_contacts (kind, reference, contacted_by) VALUES ($1, $2, $3)
         ON CONFLICT (kind, reference) DO UPDATE SET contacted_by = EXCLUDED.contacted_by, contacted_at = now()
         RETURNING contacted_by, contacted_at`,
        [input.kind, reference, input.by],
      );
      return { status: 201, body: { kind: input.kind, reference, by: row?.contacted_by ?? input.by, at: iso(row?.contacted_at ?? new Date()) } };
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict('contact');
    return c.json(ContactRecorded.parse(outcome.response.body), outcome.kind === 'fresh' ? 201 : 200);
  });
}
