import type { Hono } from 'hono';
import { StaffMe } from '../../src/contract/staff.ts';
import { staffOf } from '../http/staff-auth.ts';
import type { RouteSpec } from '../openapi.ts';

export const staffMeRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/staff/me',
    summary: 'Who a staff token is: its id and role (never the token)',
    description: '`<cls-hub-day>` signs in with this: a 401 means the token is wrong or revoked; the role says whether corrections after 24 hours are allowed.',
    tag: 'Staff',
    staff: true,
    responses: { 200: { description: 'The token’s id and role', schema: StaffMe } },
  },
];

export function mountStaffMe(app: Hono): void {
  app.get('/api/v1/staff/me', (c) => {
    const who = staffOf(c);
    return c.json(StaffMe.parse({ role: who.role, tokenId: who.id }));
  });
}
