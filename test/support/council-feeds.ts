import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Service } from '../../src/contract/directory.ts';
import { serviceToV3, termToV3 } from '../../server/oruk/v3-writer.ts';
import { seed } from '../../server/seed/index.ts';

/*
 * Council directory feeds as councils publish them, for tests: not our own
 * producer's generous shape, but the shapes the standard sets out.
 *
 * - `OfficialV3Feed`: ORUK v3.0 with `/services` items in the official
 *   `service_list` shape (only the keys that schema lists: no taxonomy
 *   terms, locations or schedules), `/service_at_locations` items in the
 *   official shape (a location's id, type, name, description and
 *   coordinates only), `/taxonomy_terms`, full records at `/services/{id}`
 *   and `taxonomy_term_id` filtering by exact term. Pages are capped at
 *   `maxPerPage` whatever `per_page` asks, as many councils' servers do.
 * - `V1Feed`: ORUK v1.0 pages (`content`, `totalElements`, …) with
 *   everything embedded, as v1.0 feeds list them; no API-details document.
 *
 * Both can answer slowly (`latencyMs`), fail chosen requests (`fail`), and
 * hold chosen requests unanswered until `release()`.
 */

const SCHEMAS = new URL('../fixtures/oruk-schemas/', import.meta.url);
const schema = (name: string) => JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as Record<string, unknown>;
const example = (name: string): Json => JSON.parse(readFileSync(new URL(`examples-V3.0-UK/${name}`, SCHEMAS), 'utf8')) as Json;

type Json = Record<string, unknown>;

/** The keys an official schema allows on its items, read from the schema itself. */
function keysOf(properties: unknown): Map<string, Map<string, unknown> | undefined> {
  const out = new Map<string, Map<string, unknown> | undefined>();
  for (const [key, value] of Object.entries((properties ?? {}) as Record<string, { properties?: unknown }>)) {
    out.set(key, value.properties ? (keysOf(value.properties) as Map<string, unknown>) : undefined);
  }
  return out;
}
const listItem = (name: string) => keysOf((((schema(`V3.0-UK/${name}`).properties as Json).contents as Json).items as Json).properties);

const SERVICE_LIST_KEYS = listItem('service_list.json');
const SAL_LIST_KEYS = listItem('service_at_location_list.json');
const TERM_LIST_KEYS = listItem('taxonomy_term_list.json');

/** `value` with only the keys `keys` allows, nested objects likewise. */
function only(value: unknown, keys: Map<string, unknown>): Json {
  const out: Json = {};
  for (const [key, nested] of keys) {
    const v = (value as Json)[key];
    if (v === undefined) continue;
    out[key] = nested instanceof Map && v && typeof v === 'object' && !Array.isArray(v) ? only(v, nested as Map<string, unknown>) : v;
  }
  return out;
}

export interface FeedRequest {
  /** The path below the feed's base, e.g. `/services`. */
  path: string;
  query: URLSearchParams;
  /** How many times this exact path and query has been asked, this one included. */
  attempt: number;
}

export interface CouncilFeedOptions {
  /** The largest page served, whatever `per_page` asks (default 50). */
  maxPerPage?: number;
  /** Every answer waits this long first (default 0). Never used to order anything in a test. */
  latencyMs?: number;
  /** A status to answer with instead (500, 503…), or undefined to answer properly. */
  fail?: (request: FeedRequest) => number | undefined;
  /** Requests to leave unanswered until `release()`. */
  hold?: (request: FeedRequest) => boolean;
}

/** The envelope of a v3.0 list page. */
function v3Page(all: readonly unknown[], query: URLSearchParams, maxPerPage: number): Json {
  const perPage = Math.min(maxPerPage, Math.max(1, Number(query.get('per_page') ?? 50) || 50));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const contents = all.slice((page - 1) * perPage, page * perPage);
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export abstract class Feed {
  /** Every request, as `path?query`. */
  readonly requests: string[] = [];
  /** The most requests that were under way at once. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly attempts = new Map<string, number>();
  private held: Array<() => void> = [];
  private released = false;

  constructor(protected readonly options: CouncilFeedOptions = {}) {}

  /** Answers everything held, and holds nothing from now on. */
  release(): void {
    this.released = true;
    for (const answer of this.held.splice(0)) answer();
  }

  /** Answer `req`, whose URL path below the feed's base is `path`. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): void {
    const url = new URL(req.url ?? '/', 'http://feed');
    const key = `${path}?${[...url.searchParams].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&')}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    this.requests.push(key);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => this.inFlight--);
    const request: FeedRequest = { path, query: url.searchParams, attempt };
    const answer = () => {
      const status = this.options.fail?.(request);
      if (status !== undefined) {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(JSON.stringify({ error: 'unavailable' }));
        return;
      }
      const found = this.answer(request);
      if (found === undefined) {
        res.writeHead(404, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' }).end('<!doctype html><h1>Not found</h1>');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(JSON.stringify(found));
    };
    const later = () => {
      const latency = this.options.latencyMs ?? 0;
      if (latency > 0) setTimeout(answer, latency);
      else answer();
    };
    if (!this.released && this.options.hold?.(request)) this.held.push(later);
    else later();
  }

  protected abstract answer(request: FeedRequest): unknown;
}

/** An ORUK v3.0 feed in the official shapes, of `services` (full v3.0 records) and `terms` (v3.0 taxonomy terms). */
export class OfficialV3Feed extends Feed {
  private readonly byId: Map<string, Json>;

  constructor(
    readonly services: readonly Json[],
    readonly terms: readonly Json[],
    options: CouncilFeedOptions = {},
  ) {
    super(options);
    this.byId = new Map(services.map((service) => [String(service.id), service]));
  }

  /** Term ids a full record carries, as the official record links them (`attributes[].taxonomy_term`). */
  static termIds(service: Json): string[] {
    const attributes = (service.attributes ?? []) as Json[];
    return attributes.map((attribute) => String(attribute.taxonomy_term_id ?? (attribute.taxonomy_term as Json | undefined)?.id ?? ''));
  }

  protected answer({ path, query }: FeedRequest): unknown {
    const max = this.options.maxPerPage ?? 50;
    if (path === '/' || path === '') return example('api_details.json');
    if (path === '/services') {
      const term = query.get('taxonomy_term_id');
      const chosen = term ? this.services.filter((service) => OfficialV3Feed.termIds(service).includes(term)) : this.services;
      return v3Page(chosen.map((service) => only(service, SERVICE_LIST_KEYS)), query, max);
    }
    const detail = /^\/services\/([^/]+)$/.exec(path);
    if (detail) return this.byId.get(decodeURIComponent(detail[1] ?? ''));
    if (path === '/service_at_locations') {
      const all = this.services.flatMap((service) =>
        ((service.service_at_locations ?? []) as Json[]).map((sal) => ({
          ...only({ ...sal, service_id: service.id, location_id: (sal.location as Json | undefined)?.id }, SAL_LIST_KEYS),
          service: only(service, SERVICE_LIST_KEYS),
        })),
      );
      return v3Page(all, query, max);
    }
    if (path === '/taxonomy_terms') return v3Page(this.terms.map((term) => only(term, TERM_LIST_KEYS)), query, max);
    return undefined;
  }
}

/** An ORUK v1.0 service, everything embedded, from the internal model. */
export function v1Service(service: Service): Json {
  return {
    id: service.id,
    name: service.name,
    description: service.description ?? null,
    url: service.url ?? null,
    email: service.email ?? null,
    status: service.status,
    fees: service.fees ?? null,
    last_modified: service.lastModified ?? null,
    organization: service.organization ? { id: service.organization.id, name: service.organization.name, description: service.organization.description ?? '', url: service.organization.website ?? null } : null,
    contacts: service.organization?.phone ? [{ id: `${service.id}-contact`, name: 'Enquiries', phones: [{ id: `${service.id}-phone`, number: service.organization.phone }] }] : [],
    cost_options: service.free ? [{ id: `${service.id}-cost`, option: 'Free', amount: 0 }] : [],
    eligibilitys: service.eligibility ? [{ id: `${service.id}-eligibility`, eligibility: service.eligibility, minimum_age: service.minimumAge ?? null, maximum_age: service.maximumAge ?? null }] : [],
    service_taxonomys: service.taxonomyTerms.map((term) => ({
      id: `${service.id}-${term.id}`,
      taxonomy: { id: term.id, name: term.name, vocabulary: term.taxonomy ?? null, parent: term.parentId ?? null },
    })),
    service_at_locations: service.locations.map((location) => ({
      id: `${service.id}-${location.id}`,
      location: {
        id: location.id,
        name: location.name ?? null,
        description: location.description ?? null,
        latitude: location.coordinates?.lat ?? null,
        longitude: location.coordinates?.lng ?? null,
        physical_addresses: location.address
          ? [{ id: `${location.id}-address`, address_1: location.address.line1 ?? null, city: location.address.city ?? null, postal_code: location.address.postcode ?? null, country: 'GB' }]
          : [],
        accessibility_for_disabilities: location.accessibility.map((note, index) => ({ id: `${location.id}-access-${index}`, accessibility: note })),
      },
    })),
    regular_schedules: service.schedules.map((schedule, index) => ({
      id: schedule.id ?? `${service.id}-schedule-${index}`,
      freq: schedule.freq ?? null,
      interval: schedule.interval ?? null,
      byday: schedule.byday?.join(',') ?? null,
      bymonthday: schedule.bymonthday?.join(',') ?? null,
      opens_at: schedule.opensAt ?? null,
      closes_at: schedule.closesAt ?? null,
      dtstart: schedule.dtstart ?? null,
      valid_from: schedule.validFrom ?? null,
      valid_to: schedule.validTo ?? null,
      description: schedule.description ?? null,
    })),
  };
}

/** An ORUK v1.0 feed of `services` (v1.0 JSON), paged from 1 with Spring-style envelopes. */
export class V1Feed extends Feed {
  constructor(
    readonly services: readonly Json[],
    options: CouncilFeedOptions = {},
  ) {
    super(options);
  }

  protected answer({ path, query }: FeedRequest): unknown {
    if (path === '/services') {
      const perPage = Math.min(this.options.maxPerPage ?? 50, Math.max(1, Number(query.get('per_page') ?? 50) || 50));
      const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
      const content = this.services.slice((page - 1) * perPage, page * perPage);
      const totalPages = Math.max(1, Math.ceil(this.services.length / perPage));
      return { totalElements: this.services.length, totalPages, number: page, size: perPage, first: page === 1, last: page >= totalPages, empty: content.length === 0, content };
    }
    const detail = /^\/services\/([^/]+)$/.exec(path);
    if (detail) return this.services.find((service) => service.id === decodeURIComponent(detail[1] ?? ''));
    return undefined;
  }
}

/** The official example service (a record no one here wrote: checked in 2005, coordinates out of range). */
export const OFFICIAL_EXAMPLE_SERVICE = example('service_full.json');
const OFFICIAL_EXAMPLE_TERMS = (example('taxonomy_term_list.json').contents ?? []) as Json[];

/** The seed county's services as full v3.0 records, with the official example among them, and every term. */
export function seedAsOfficialFeed(options: CouncilFeedOptions = {}): OfficialV3Feed {
  const services = [...seed.services.map((service) => serviceToV3(service) as unknown as Json), OFFICIAL_EXAMPLE_SERVICE];
  const terms = [...seed.taxonomyTerms.map((term) => termToV3(term)), ...OFFICIAL_EXAMPLE_TERMS];
  return new OfficialV3Feed(services, terms, options);
}

/** The seed county's services as a v1.0 feed. */
export function seedAsV1Feed(options: CouncilFeedOptions = {}): V1Feed {
  return new V1Feed(seed.services.map(v1Service), options);
}

/** A real HTTP server on 127.0.0.1 with each feed under its own path prefix (`/v3`, `/v1`…). */
export async function serveFeeds(feeds: Record<string, Feed>): Promise<{ origin: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    const prefix = Object.keys(feeds).find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
    const feed = prefix === undefined ? undefined : feeds[prefix];
    if (prefix === undefined || !feed) {
      res.writeHead(404).end();
      return;
    }
    feed.handle(req, res, path.slice(prefix.length) || '/');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const feed of Object.values(feeds)) feed.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
