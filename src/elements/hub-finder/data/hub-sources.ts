import { ApiError } from '../../../client/errors.ts';
import type { Coordinates } from '../../../contract/directory.ts';
import { HubList, SessionList } from '../../../contract/places.ts';
import { nearest } from '../../../core/geo.ts';
import { withSessions, type HubResult } from '../../../core/hub-finder.ts';
import { hubsFromServices } from '../../../core/hubs.ts';
import { expandSessions } from '../../../core/sessions.ts';
import { readFeed } from '../../../oruk/feed.ts';
import type { ApiController } from '../../base/api-controller.ts';

/*
 * Where the hub finder's list comes from: the API's hubs and sessions, or a
 * council's own ORUK feed read in the browser. Every read stops when
 * `signal` aborts (a newer search, the element leaving the page).
 */

const DAY_MS = 86_400_000;
/** The API's sessions: the next four weeks, as the wording promises ("Sessions in the next 4 weeks"). */
const API_WINDOW_DAYS = 28;
/** How long before now a session may have started and still be on (no session runs longer than a day). */
const UNDERWAY_LOOKBACK_MS = DAY_MS;
/** A feed's sessions: the next few of each schedule, one under way included, within a little over a year. */
const FEED_SESSIONS_PER_PLAN = 3;
const FEED_WINDOW_DAYS = 400;
const LOCATION_OPTIONS: PositionOptions = { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 };

export type LocationProblem = 'locationDenied' | 'locationUnavailable' | 'locationUnsupported';

/** The device could not (or would not) say where it is. */
export class LocationFailure extends Error {
  override readonly name = 'LocationFailure';
  constructor(readonly problem: LocationProblem) {
    super(problem);
  }
}

/** The device's position, asked for once; a {@link LocationFailure} when it gives none. */
export function currentPosition(signal: AbortSignal): Promise<Coordinates> {
  return new Promise((resolve, reject) => {
    const geolocation = globalThis.navigator?.geolocation;
    if (!geolocation) {
      reject(new LocationFailure('locationUnsupported'));
      return;
    }
    // The browser cannot be told to stop asking: an abort just stops waiting for it.
    const abort = () => reject(new DOMException('The search was replaced', 'AbortError'));
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    geolocation.getCurrentPosition(
      (position) => {
        signal.removeEventListener('abort', abort);
        resolve({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      (error) => {
        signal.removeEventListener('abort', abort);
        reject(new LocationFailure(error.code === error.PERMISSION_DENIED ? 'locationDenied' : 'locationUnavailable'));
      },
      LOCATION_OPTIONS,
    );
  });
}

/** The `limit` hubs nearest `point` from the API, with their sessions in the next four weeks. */
export async function hubsFromApi(api: ApiController, point: Coordinates, limit: number, signal: AbortSignal): Promise<HubResult[]> {
  const now = new Date();
  // Sessions that started up to a day ago too, so one on now is listed (and makes the hub "open now"); those over are dropped.
  const from = new Date(now.getTime() - UNDERWAY_LOOKBACK_MS);
  const to = new Date(now.getTime() + API_WINDOW_DAYS * DAY_MS);
  const [hubs, sessions] = await Promise.all([
    api.get('hubs', HubList, { query: { near: `${point.lat},${point.lng}`, limit }, signal }),
    api.get('sessions', SessionList, { query: { from: from.toISOString(), to: to.toISOString() }, signal }),
  ]);
  return withSessions(
    hubs.items,
    sessions.items.filter((session) => Date.parse(session.end) > now.getTime()),
  );
}

/**
 * The `limit` hubs nearest `point` in a council's own ORUK feed: each
 * located place is a hub, its services' schedules its drop-in sessions.
 */
export async function hubsFromDirectory(feedUrl: string, point: Coordinates, limit: number, signal: AbortSignal): Promise<HubResult[]> {
  const feed = await readFeed(feedUrl, { maxPages: 10, signal });
  signal.throwIfAborted();
  if (!feed.services.length && feed.errors.length) throw new ApiError('network', feed.errors.join('; '));
  const hubs = nearest(point, hubsFromServices(feed.services), limit, (hub) => hub.coordinates).map(({ item, metres }) => ({
    hub: item,
    distanceMetres: Math.round(metres),
  }));
  const now = new Date();
  const sessions = expandSessions(
    hubs.map(({ hub }) => hub),
    now,
    new Date(now.getTime() + FEED_WINDOW_DAYS * DAY_MS),
    { limit: FEED_SESSIONS_PER_PLAN, underway: true },
  );
  return withSessions(hubs, sessions);
}
