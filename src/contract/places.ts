import * as z from 'zod/mini';
import { Coordinates, Hub, SessionKind } from './directory.ts';

/** Query of `GET /api/v1/geocode`. */
export const GeocodeQuery = z.object({
  q: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

/** Response of `GET /api/v1/geocode`: where a postcode, outcode or place name is. */
export const GeocodeResult = z.object({
  query: z.string(),
  kind: z.enum(['postcode', 'outcode', 'place']),
  /** What was found, in a form to show the resident ("SY7 9QT", "Borchester"). */
  label: z.string(),
  coordinates: Coordinates,
  source: z.enum(['embedded', 'geocoder']),
});
export type GeocodeResult = z.infer<typeof GeocodeResult>;

/** `lat,lng`, as in `?near=52.45,-3.05`. */
export const LatLng = z.pipe(
  z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/)),
  z.transform((value: string) => {
    const [lat, lng] = value.split(',').map(Number) as [number, number];
    return { lat, lng };
  }),
);

/** Query of `GET /api/v1/hubs`. */
export const HubsQuery = z.object({
  near: z.optional(z.pipe(LatLng, Coordinates)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 10),
});

/** Response of `GET /api/v1/hubs`: nearest first when `near` was given, else by name. */
export const HubList = z.object({
  items: z.array(z.object({ hub: Hub, distanceMetres: z.optional(z.number().check(z.gte(0))) })),
});
export type HubList = z.infer<typeof HubList>;

/** Longest window `GET /api/v1/sessions` expands, in days. */
export const SESSIONS_MAX_DAYS = 93;

/** Query of `GET /api/v1/sessions`: `from` defaults to now, `to` to four weeks later. */
export const SessionsQuery = z.object({
  hub: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  from: z.optional(z.iso.datetime({ offset: true })),
  to: z.optional(z.iso.datetime({ offset: true })),
});

/** One occurrence of a hub's session plan. */
export const Session = z.object({
  /** Stable id: the plan and the start, e.g. `<plan id>@2026-12-03T12:00`. */
  id: z.string(),
  hubId: z.string(),
  planId: z.string(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  mode: z.enum(['drop-in', 'bookable']),
  /** What the session is for (from its plan); a talking point conversation when absent. */
  kind: z.optional(SessionKind),
  capacity: z.optional(z.int().check(z.gte(1))),
  /** Places left, for bookable sessions. */
  remaining: z.optional(z.int().check(z.gte(0))),
});
export type Session = z.infer<typeof Session>;

export const SessionList = z.object({ items: z.array(Session) });
export type SessionList = z.infer<typeof SessionList>;
