import type { Hono } from 'hono';
import { Visit, VisitDeleted, VisitInput, VisitList, VisitListQuery, type VisitFields } from '../../src/contract/staff.ts';
import { mayChange, mustMatchBooking } from '../../src/core/visits.ts';
import type { Database, Queryable } from '../db/database.ts';
import { once } from '../db/idempotency.ts';
import { bookingExists, deleteVisit, findVisit, hubExists, insertVisit, listVisits, updateVisit } from '../db/visits.ts';
import { idempotencyKey, readBody, readQuery } from '../http/input.ts';
import { HttpProblem, idempotencyConflict } from '../http/problem.ts';
import { staffOf, type StaffIdentity } from '../http/staff-auth.ts';
import type { RouteSpec } from '../openapi.ts';

const EDIT_RULE = 'A worker token may change or delete a visit until 24 hours after it was recorded (`editableUntil`); an admin token always may. Every change is written to the audit trail (token id, role, the names of the fields changed, when).';

export const staffVisitRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/api/v1/staff/visits',
    summary: 'Record a conversation at a hub',
    description:
      'A full postcode is cut to its outcode before it is stored; a person reference is a card number or a booking or self-assessment reference, never a name. Retrying with the same Idempotency-Key and body returns the first record, so a queued visit is stored once.',
    tag: 'Staff',
    staff: true,
    idempotent: true,
    body: VisitInput,
    responses: {
      201: { description: 'Recorded', schema: Visit },
      200: { description: 'Already recorded by an earlier request with this Idempotency-Key', schema: Visit },
    },
    problems: { 422: '`validation-failed`: a field is invalid, the hub is not in the directory, or a letters-only booking reference matches no booking' },
  },
  {
    method: 'get',
    path: '/api/v1/staff/visits',
    summary: 'List conversations, latest first',
    tag: 'Staff',
    staff: true,
    query: VisitListQuery,
    responses: { 200: { description: 'A page of visits', schema: VisitList } },
  },
  {
    method: 'put',
    path: '/api/v1/staff/visits/{id}',
    summary: 'Correct a conversation',
    description: EDIT_RULE,
    tag: 'Staff',
    staff: true,
    body: VisitInput,
    responses: { 200: { description: 'Corrected', schema: Visit } },
    problems: { 403: '`edit-window-passed`: recorded over 24 hours ago and the token is not an admin’s', 404: '`not-found`: no such visit' },
  },
  {
    method: 'delete',
    path: '/api/v1/staff/visits/{id}',
    summary: 'Delete a conversation',
    description: EDIT_RULE,
    tag: 'Staff',
    staff: true,
    responses: { 200: { description: 'Deleted', schema: VisitDeleted } },
    problems: { 403: '`edit-window-passed`: recorded over 24 hours ago and the token is not an admin’s', 404: '`not-found`: no such visit' },
  },
];

const fieldProblem = (path: string, message: string) =>
  new HttpProblem(422, 'validation-failed', 'The request body is not valid', undefined, [{ path, code: 'invalid', message }]);

/** What the contract cannot check alone: the hub is one we know, and a reference that could be a name is a real booking's. */
async function checkAgainstRecords(db: Queryable, fields: VisitFields): Promise<void> {
  if (!(await hubExists(db, fields.hubId))) throw fieldProblem('hubId', `There is no hub "${fields.hubId}".`);
  if (fields.personRef && mustMatchBooking(fields.personRef) && !(await bookingExists(db, fields.personRef))) {
    throw fieldProblem('personRef', 'A reference of letters only must be a booking reference; no booking has this one.');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The visit `id` names, if the caller may change it now. */
async function changeable(db: Queryable, id: string, who: StaffIdentity, now: Date): Promise<Visit> {
  const visit = UUID.test(id) ? await findVisit(db, id) : undefined;
  if (!visit) throw new HttpProblem(404, 'not-found', 'No such visit', `There is no visit ${id}.`);
  if (!mayChange(who.role, new Date(visit.createdAt), now)) {
    throw new HttpProblem(403, 'edit-window-passed', 'This visit can no longer be changed with a worker token', `It could be changed until ${visit.editableUntil}; ask an admin.`);
  }
  return visit;
}

export function mountStaffVisits(app: Hono, db: Database, now: () => Date = () => new Date()): void {
  app.post('/api/v1/staff/visits', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, VisitInput);
    const who = staffOf(c);
    const outcome = await once(db, 'staff-visits', key, input, async (tx) => {
      await checkAgainstRecords(tx, input);
      return { status: 201, body: await insertVisit(tx, input, who) };
    });
    if (outcome.kind === 'conflict') throw idempotencyConflict('visit');
    return c.json(Visit.parse(outcome.response.body), outcome.kind === 'fresh' ? 201 : 200);
  });

  app.get('/api/v1/staff/visits', async (c) => {
    const query = readQuery(c, VisitListQuery);
    return c.json(VisitList.parse(await listVisits(db, query)));
  });

  app.put('/api/v1/staff/visits/:id', async (c) => {
    const input = await readBody(c, VisitInput);
    const who = staffOf(c);
    const visit = await db.transaction(async (tx) => {
      const before = await changeable(tx, c.req.param('id'), who, now());
      await checkAgainstRecords(tx, input);
      return updateVisit(tx, before, input, who);
    });
    return c.json(Visit.parse(visit));
  });

  app.delete('/api/v1/staff/visits/:id', async (c) => {
    const who = staffOf(c);
    const id = await db.transaction(async (tx) => {
      const before = await changeable(tx, c.req.param('id'), who, now());
      await deleteVisit(tx, before, who);
      return before.id;
    });
    return c.json(VisitDeleted.parse({ id, deleted: true }));
  });
}
