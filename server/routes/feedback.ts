import type { Hono } from 'hono';
import { FeedbackCreated, FeedbackInput, FeedbackList, FeedbackListQuery } from '../../src/contract/feedback.ts';
import type { Database } from '../db/database.ts';
import { insertFeedback, listFeedback } from '../db/feedback.ts';
import { once } from '../db/idempotency.ts';
import { idempotencyKey, readBody, readQuery } from '../http/input.ts';
import { idempotencyConflict } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';

export const feedbackRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/api/v1/feedback',
    summary: 'Leave feedback',
    description: 'Stores one feedback record. Retrying with the same Idempotency-Key and body returns the first record.',
    tag: 'Feedback',
    idempotent: true,
    body: FeedbackInput,
    responses: {
      201: { description: 'Stored', schema: FeedbackCreated },
      200: { description: 'Already stored by an earlier request with this Idempotency-Key', schema: FeedbackCreated },
    },
  },
  {
    method: 'get',
    path: '/api/v1/staff/feedback',
    summary: 'List feedback, newest first',
    tag: 'Staff',
    staff: true,
    query: FeedbackListQuery,
    responses: { 200: { description: 'A page of feedback', schema: FeedbackList } },
  },
];

export function mountFeedback(app: Hono, db: Database): void {
  app.post('/api/v1/feedback', async (c) => {
    const key = idempotencyKey(c);
    const input = await readBody(c, FeedbackInput);
    const outcome = await once(db, 'feedback', key, input, async (tx) => ({
      status: 201,
      body: await insertFeedback(tx, input),
    }));
    if (outcome.kind === 'conflict') {
      throw idempotencyConflict('submission');
    }
    const body = FeedbackCreated.parse(outcome.response.body);
    return c.json(body, outcome.kind === 'fresh' ? 201 : 200);
  });

  app.get('/api/v1/staff/feedback', async (c) => {
    const query = readQuery(c, FeedbackListQuery);
    c.header('Cache-Control', 'no-store');
    return c.json(FeedbackList.parse(await listFeedback(db, query)));
  });
}
