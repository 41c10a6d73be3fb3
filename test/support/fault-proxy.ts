import type { IncomingMessage, ServerResponse } from 'node:http';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

type Mode = 'down' | 'busy' | 'hang' | 'reset' | 'html' | 'empty' | 'big' | 'big-first' | 'hostile' | 'ok' | AfterMode;
/** Faults after the real API has done the work: the record is made, the answer never arrives whole. */
type AfterMode = 'slow' | 'lost' | 'error' | 'gateway' | 'truncated' | 'wrong-shape';
const AFTER_MODES = new Set<string>(['slow', 'lost', 'error', 'gateway', 'truncated', 'wrong-shape']);

/** The real API as a fetch handler (Hono's `app.fetch`), for the faults that let it do the work first. */
export type ApiFetch = (request: Request) => Response | Promise<Response>;

/** How long `slow` holds a real answer: longer than any client timeout the tests set. */
export const SLOW_MS = 1500;

/**
 * The far side of the network, misbehaving on request, for element tests.
 *
 *   /faults/<name>/<mode>/api/v1/…   mode: down (503 problem), hang (no
 *                                    answer until released), reset (socket
 *                                    dropped), html (a 200 HTML error page,
 *                                    as misconfigured feeds send), empty (an
 *                                    empty ORUK list), big (a generated
 *                                    ORUK v3.0 feed of 5,000 services), big-first (the
 *                                    same feed, its pages after the first held
 *                                    until released), hostile (a v3.0
 *                                    feed with a hostile string in every text field of
 *                                    each service, see test/fixtures/hostile-text.ts), ok (passed to the
 *                                    real API); /oruk/… works the same
 *   after the real API did the work (needs `apiFetch`): slow (its answer
 *                                    held for SLOW_MS), lost (socket dropped), error
 *                                    (a 500 problem), gateway (a 502 HTML page),
 *                                    truncated (its JSON cut in half), wrong-shape
 *                                    (200 JSON that is not the contract's); busy is a
 *                                    503 with Retry-After: 1 before it
 *   POST /faults/<name>/heal         later requests under <name> go to the
 *                                    real API whatever their mode, and held
 *                                    ones are released to it
 *   GET  /faults/<name>/count        how many API requests <name> received
 *
 * `name` keeps tests apart; nothing here is shared between names.
 */
export function faultProxy(api: Listener, apiFetch?: ApiFetch): Listener {
  const healed = new Set<string>();
  const counts = new Map<string, number>();
  const held = new Map<string, Array<() => void>>();

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, , name = '', action = '', ...rest] = url.pathname.split('/');
    if (action === 'heal' && req.method === 'POST') {
      healed.add(name);
      for (const release of held.get(name) ?? []) release();
      held.delete(name);
      res.writeHead(204).end();
      return;
    }
    if (action === 'count') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ count: counts.get(name) ?? 0 }));
      return;
    }
    // The generated feed has no real API behind it: healed, it is served whole.
    const mode = (healed.has(name) ? (action === 'big-first' ? 'big' : 'ok') : action) as Mode;
    if (req.method !== 'OPTIONS') counts.set(name, (counts.get(name) ?? 0) + 1);
    const forward = () => {
      req.url = `/${rest.join('/')}${url.search}`;
      return api(req, res);
    };
    if (AFTER_MODES.has(mode)) {
      if (!apiFetch) {
        res.writeHead(500).end('this fault needs apiFetch');
        return;
      }
      void afterTheWork(req, res, `/${rest.join('/')}${url.search}`, apiFetch, mode as AfterMode);
      return;
    }
    switch (mode) {
      case 'ok':
        return forward();
      case 'busy':
        res
          .writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '1' })
          .end(JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'internal-error' }));
        return;
      case 'down':
        res
          .writeHead(503, { 'Content-Type': 'application/problem+json' })
          .end(JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'internal-error' }));
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Error</title><h1>Service temporarily unavailable</h1>');
        return;
      case 'big':
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(bigFeed(rest.join('/'), url.searchParams)));
        return;
      case 'big-first': {
        const answer = () => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(bigFeed(rest.join('/'), url.searchParams)));
        if (Number(url.searchParams.get('page') ?? 1) <= 1) return answer();
        held.set(name, [...(held.get(name) ?? []), answer]);
        return;
      }
      case 'hostile':
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(hostileFeed(rest.join('/'))));
        return;
      case 'empty':
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] }));
        return;
      case 'hang': {
        const list = held.get(name) ?? [];
        list.push(() => void forward());
        held.set(name, list);
        return;
      }
      default:
        res.writeHead(404).end();
    }
  };
}

const BIG_TOTAL = 5000;
const KINDS = ['Lunch club', 'Walking group', 'Benefits advice', 'Carers group', 'Digital help'];
const AREAS = ['Money', 'Health and wellbeing', 'Connections', 'Getting out and about', 'Caring'];

/** A v3.0 feed with BIG_TOTAL services, paged like a real one. */
function bigFeed(path: string, query: URLSearchParams): unknown {
  if (!path.endsWith('services')) return { version: 'HSDS-UK-3.0', profile: 'https://example.org/profile', openapi_url: 'https://example.org/openapi.json' };
  const perPage = Math.min(200, Math.max(1, Number(query.get('per_page') ?? 50)));
  const page = Math.max(1, Number(query.get('page') ?? 1));
  const first = (page - 1) * perPage;
  const contents = Array.from({ length: Math.max(0, Math.min(perPage, BIG_TOTAL - first)) }, (_, offset) => {
    const n = first + offset;
    const area = AREAS[n % AREAS.length] ?? 'Money';
    return {
      id: `big-${n}`,
      name: `${KINDS[n % KINDS.length]} ${n}`,
      status: 'active',
      description: `Generated service number ${n}.`,
      attributes: [{ id: `a-${n}`, taxonomy_term: { id: `area-${area}`, name: area, description: '', taxonomy: 'cls-life-area' } }],
    };
  });
  const totalPages = Math.ceil(BIG_TOTAL / perPage);
  return { total_items: BIG_TOTAL, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: !contents.length, contents };
}

/** One service per hostile string, the string in every text field we show; located round Borchester so the hub finder lists them. */
function hostileService(n: number): Record<string, unknown> {
  const text = HOSTILE_TEXT[n] ?? '';
  return {
    id: `hostile-${n}`,
    name: text,
    description: text,
    url: text,
    email: text,
    status: 'active',
    alert: text,
    organization: { id: `hostile-org-${n}`, name: text, description: text, website: text, email: text },
    schedules: [{ id: `hostile-s-${n}`, freq: 'WEEKLY', interval: 1, byday: 'MO', opens_at: '10:00', closes_at: '12:00', description: text }],
    service_at_locations: [
      {
        id: `hostile-sal-${n}`,
        location: {
          id: `hostile-loc-${n}`,
          location_type: 'physical',
          name: text,
          description: text,
          latitude: 52.7 + (n % 10) * 0.01,
          longitude: -2.75 + Math.floor(n / 10) * 0.01,
          addresses: [{ id: `hostile-a-${n}`, address_1: text, city: text, region: text, postal_code: 'SY4 5JD', country: 'GB', address_type: 'physical' }],
          accessibility: [{ id: `hostile-acc-${n}`, description: text, details: text }],
        },
      },
    ],
    cost_options: [{ id: `hostile-c-${n}`, option: text, amount: 0 }],
    contacts: [{ id: `hostile-ct-${n}`, name: text, phones: [{ id: `hostile-p-${n}`, number: text }] }],
    attributes: [{ id: `hostile-at-${n}`, link_type: 'service', taxonomy_term: { id: `hostile-t-${n}`, name: text, description: text, taxonomy: 'cls-life-area' } }],
    last_modified: '2026-01-01T09:00:00Z',
  };
}

function hostileFeed(path: string): unknown {
  const detail = /services\/(hostile-\d+)$/.exec(path);
  if (detail) return hostileService(Number(detail[1]?.slice('hostile-'.length)));
  if (!path.endsWith('services')) return { version: 'HSDS-UK-3.0', profile: 'https://example.org/profile', openapi_url: 'https://example.org/openapi.json' };
  const contents = HOSTILE_TEXT.map((_, n) => hostileService(n));
  return { total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length, first_page: true, last_page: true, empty: false, contents };
}

/** Lets the real API do the work, then spoils the answer as `mode` says. */
async function afterTheWork(req: IncomingMessage, res: ServerResponse, path: string, apiFetch: ApiFetch, mode: AfterMode): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
  const method = req.method ?? 'GET';
  const answer = await apiFetch(new Request(`http://localhost${path}`, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }) }));
  const body = await answer.text();
  switch (mode) {
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      if (!res.destroyed) res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
      return;
    case 'lost':
      req.socket.destroy();
      return;
    case 'error':
      res.writeHead(500, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Internal error', status: 500, code: 'internal-error' }));
      return;
    case 'gateway':
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>');
      return;
    case 'truncated':
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(body.slice(0, Math.floor(body.length / 2)));
      return;
    case 'wrong-shape':
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ unexpected: true, items: 'not a list' }));
      return;
  }
}
