import * as z from 'zod/mini';
import type { GeocodeResult } from '../src/contract/places.ts';
import { isInUk, looksLikePostcode, parsePostcode } from '../src/core/geo.ts';
import { normaliseText } from '../src/core/search.ts';
import type { Queryable } from './db/database.ts';
import { findPlace } from './db/directory.ts';
import { HttpProblem } from './http/problem.ts';

export interface GeocoderOptions {
  /** Base URL of a postcodes.io-compatible service; unset means the embedded table only. */
  geocoderUrl?: string | undefined;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const Point = { latitude: z.number(), longitude: z.number() };
const PostcodeAnswer = z.object({ result: z.object({ postcode: z.string(), ...Point }) });
const OutcodeAnswer = z.object({ result: z.object({ outcode: z.string(), ...Point }) });
const PlacesAnswer = z.object({ result: z.nullable(z.array(z.object({ name_1: z.string(), ...Point }))) });

/** Key of a place name in the `places` table: lower-case, accent-free, single-spaced. */
export const placeKey = (name: string) => `place:${normaliseText(name)}`;

const notFound = (q: string) =>
  new HttpProblem(404, 'place-not-found', 'We could not find that place', `Nothing matched "${q}". Try a postcode or a nearby town.`);

/**
 * A postcode, outcode or place name → coordinates. The embedded table (the
 * seed area) answers first; a configured postcodes.io-compatible service
 * answers the rest. An invalid postcode and an unknown place are different
 * problems, so the resident can be told which.
 */
export async function geocode(db: Queryable, q: string, options: GeocoderOptions = {}): Promise<GeocodeResult> {
  const query = q.trim();
  if (looksLikePostcode(query)) {
    const parsed = parsePostcode(query);
    if (parsed.kind === 'invalid') {
      throw new HttpProblem(422, 'invalid-postcode', 'That is not a valid postcode', `"${query}" is not a UK postcode, like SY7 9QT.`);
    }
    const key = parsed.kind === 'postcode' ? parsed.postcode : parsed.outcode;
    const row = await findPlace(db, key);
    if (row) return { query, kind: parsed.kind, label: row.label, coordinates: { lat: row.lat, lng: row.lng }, source: 'embedded' };
    if (options.geocoderUrl) {
      const path = parsed.kind === 'postcode' ? `postcodes/${encodeURIComponent(key)}` : `outcodes/${encodeURIComponent(key)}`;
      const body = await askGeocoder(options, path);
      if (body !== undefined) {
        const answer = parsed.kind === 'postcode' ? PostcodeAnswer.safeParse(body) : OutcodeAnswer.safeParse(body);
        if (answer.success) {
          const result = answer.data.result;
          const coordinates = { lat: result.latitude, lng: result.longitude };
          if (isInUk(coordinates)) return { query, kind: parsed.kind, label: key, coordinates, source: 'geocoder' };
        }
      }
    }
    throw notFound(query);
  }

  const row = await findPlace(db, placeKey(query));
  if (row) return { query, kind: 'place', label: row.label, coordinates: { lat: row.lat, lng: row.lng }, source: 'embedded' };
  if (options.geocoderUrl) {
    const body = await askGeocoder(options, `places?q=${encodeURIComponent(query)}&limit=1`);
    const answer = PlacesAnswer.safeParse(body);
    const first = answer.success ? answer.data.result?.[0] : undefined;
    if (first) {
      const coordinates = { lat: first.latitude, lng: first.longitude };
      if (isInUk(coordinates)) return { query, kind: 'place', label: first.name_1, coordinates, source: 'geocoder' };
    }
  }
  throw notFound(query);
}

/** The geocoder's JSON, or undefined for its "not found"; throws when it cannot be reached. */
async function askGeocoder(options: GeocoderOptions, path: string): Promise<unknown> {
  const base = (options.geocoderUrl ?? '').replace(/\/+$/, '');
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${base}/${path}`, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  } catch (cause) {
    throw new HttpProblem(503, 'geocoder-unavailable', 'The place search is not available right now', String(cause));
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new HttpProblem(503, 'geocoder-unavailable', 'The place search is not available right now', `HTTP ${response.status}`);
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new HttpProblem(503, 'geocoder-unavailable', 'The place search is not available right now', 'Unreadable answer');
  }
}
