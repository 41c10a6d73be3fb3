import type { Hono } from 'hono';
import {
  GeocodeQuery,
  GeocodeResult,
  HubList,
  HubsQuery,
  SESSIONS_MAX_DAYS,
  SessionList,
  SessionsQuery,
  type Session,
} from '../../src/contract/places.ts';
import { nearest } from '../../src/core/geo.ts';
import { expandSessions } from '../../src/core/sessions.ts';
import { bookedCounts } from '../db/bookings.ts';
import type { Database } from '../db/database.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { geocode, type GeocoderOptions } from '../geocode.ts';
import { readQuery } from '../http/input.ts';
import { HttpProblem } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';

const DAY = 86_400_000;
const DEFAULT_WINDOW_DAYS = 28;

export const placeRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/geocode',
    summary: 'Find a postcode, outcode or place',
    description: 'Answers from the embedded table of the seed area, then from GEOCODER_URL when set. 422 invalid-postcode and 404 place-not-found are distinct.',
    tag: 'Places',
    query: GeocodeQuery,
    responses: { 200: { description: 'Where it is', schema: GeocodeResult } },
  },
  {
    method: 'get',
    path: '/api/v1/hubs',
    summary: 'Community hubs, nearest first',
    tag: 'Hubs',
    query: HubsQuery,
    responses: { 200: { description: 'Hubs', schema: HubList } },
  },
  {
    method: 'get',
    path: '/api/v1/sessions',
    summary: 'Upcoming hub sessions, expanded from their schedules (Europe/London)',
    description: 'Bookable sessions carry their capacity and the places still free (`remaining`), counting bookings made so far.',
    tag: 'Hubs',
    query: SessionsQuery,
    responses: { 200: { description: 'Sessions in start order', schema: SessionList } },
  },
];

/**
 * The sessions of `hubs`' plans starting in [from, to), by the one rule the
 * hub finder follows too (`src/core/sessions.ts`). Re-exported here for the
 * booking route, which expands a plan around the date a session id names.
 */
export { expandSessions };

/** `sessions` with `remaining` reduced by the places already booked (`booked`: seats taken per session id). */
export function applyBookedCounts(sessions: readonly Session[], booked: ReadonlyMap<string, number>): Session[] {
  return sessions.map((session) =>
    session.capacity === undefined ? session : { ...session, remaining: Math.max(0, session.capacity - (booked.get(session.id) ?? 0)) },
  );
}

export function mountPlaces(app: Hono, db: Database, directory: DirectoryCache, geocoder: GeocoderOptions): void {
  app.get('/api/v1/geocode', async (c) => {
    const { q } = readQuery(c, GeocodeQuery);
    return c.json(GeocodeResult.parse(await geocode(db, q, geocoder)));
  });

  app.get('/api/v1/hubs', async (c) => {
    const query = readQuery(c, HubsQuery);
    const { hubs, responses } = await directory.get();
    // Built once per point, limit and version of the directory, then served as it is (ETag, 304).
    return responses.json(c, JSON.stringify(['hubs', query.near ?? null, query.limit]), () => {
      const items = query.near
        ? nearest(query.near, hubs, query.limit, (hub) => hub.coordinates).map(({ item, metres }) => ({ hub: item, distanceMetres: Math.round(metres) }))
        : hubs.slice(0, query.limit).map((hub) => ({ hub }));
      return HubList.parse({ items });
    }, { 'Cache-Control': 'no-cache' });
  });

  app.get('/api/v1/sessions', async (c) => {
    const query = readQuery(c, SessionsQuery);
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY);
    if (to <= from || to.getTime() - from.getTime() > SESSIONS_MAX_DAYS * DAY) {
      throw new HttpProblem(422, 'validation-failed', 'The request query is not valid', `"to" must be after "from" and at most ${SESSIONS_MAX_DAYS} days later.`, [
        { path: 'to', code: 'invalid', message: `must be after from and within ${SESSIONS_MAX_DAYS} days` },
      ]);
    }
    const { hubs } = await directory.get();
    const selected = query.hub ? hubs.filter((hub) => hub.id === query.hub) : hubs;
    if (query.hub && !selected.length) throw new HttpProblem(404, 'not-found', 'No such hub', `There is no hub with id ${query.hub}.`);
    const sessions = expandSessions(selected, from, to);
    const booked = await bookedCounts(db, sessions.filter((session) => session.capacity !== undefined).map((session) => session.id));
    return c.json(SessionList.parse({ items: applyBookedCounts(sessions, booked) }));
  });
}
