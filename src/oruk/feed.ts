import type { Rejection, Service } from '../contract/directory.ts';
import { isRecord, readEnvelope, Tally, type Version } from './internal.ts';
import { readV1Service, readV1ServiceList } from './v1.ts';
import { readV3Service, readV3ServiceList, readV3TaxonomyTermList } from './v3.ts';

/*
 * Reading a live ORUK feed over HTTP, in browsers and in Node: only `fetch`,
 * `URL` and `AbortController`. Nothing here throws; every problem is
 * reported in the result.
 */

/** How to read a feed. */
export interface FeedOptions {
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Stop after this many pages (default 20). */
  maxPages?: number;
  /** Stop once this many services have been read (default 5000). */
  maxItems?: number;
  /** `per_page` to ask for (default 50, at most 1000). */
  perPage?: number;
  /** Give up on one request after this long (default 15 000 ms); it counts as a failure. */
  timeoutMs?: number;
  /** Aborts everything; the result keeps what was read so far. */
  signal?: AbortSignal;
  /** Extra query parameters for `/services`, e.g. `{ search: 'carers' }` (v3.0) or `{ text: 'carers' }` (v1.0). */
  query?: Record<string, string>;
  /** Skip version detection (`GET {base}/`) and read as this version. */
  version?: '1.0' | '3.0';
  /** Pause before the single retry of a failed request (default 250 ms). */
  retryDelayMs?: number;
  /**
   * Called after each page: how many services have been read, how many the
   * feed says it has (when it says), and what has been read so far (its own
   * copy, `complete: false`), so a caller can show the first page while the
   * rest is read.
   */
  onPage?: (progress: ReadProgress, soFar: FeedResult) => void;
}

/** How far a read has got: `done` services of `total` (missing when the feed does not say). */
export interface ReadProgress {
  done: number;
  total?: number;
}

/** What was read from a feed. `complete` is true only when the last page was reached without trouble. */
export interface FeedResult {
  version: '1.0' | '3.0';
  services: Service[];
  /** Services dropped (sum of `reasons`). */
  rejected: number;
  reasons: Rejection[];
  /** Repairs to services that were kept. */
  notes: Rejection[];
  pagesRead: number;
  complete: boolean;
  /** What went wrong, in words, e.g. `page 3 (…): HTTP 503; retried: HTTP 503`. */
  errors: string[];
  /** Why reading stopped before the last page, when it did. */
  stoppedBy?: 'maxPages' | 'maxItems' | 'error' | 'aborted';
}

/** One service read from a feed's `/services/{id}`. */
export interface ServiceResult {
  version: '1.0' | '3.0';
  /** Missing when not found, unreadable or rejected. */
  service?: Service;
  rejected: number;
  reasons: Rejection[];
  notes: Rejection[];
  errors: string[];
}

const DEFAULTS = { maxPages: 20, maxItems: 5000, perPage: 50, timeoutMs: 15_000, retryDelayMs: 250 };

/** A positive whole number option, or its default. */
function whole(value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), max) : fallback;
}

/** The feed's base URL, or `undefined` when it is not an absolute http(s) URL. Trailing slashes are ignored. */
function feedBase(baseUrl: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(String(baseUrl).trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** `{base}{path}` keeping the base's own query (an API key, say), then `params`. */
function endpoint(base: URL, path: string, params: Record<string, string> = {}): string {
  const url = new URL(base.href);
  url.pathname = base.pathname.replace(/\/+$/, '') + path;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

type Got = { ok: true; json: unknown } | { ok: false; error: string; status?: number; aborted?: boolean };

interface Session {
  fetch: typeof fetch;
  timeoutMs: number;
  retryDelayMs: number;
  signal: AbortSignal | undefined;
}

function session(options: FeedOptions): Session {
  const given = options.fetch;
  return {
    // Called unbound: a browser's `fetch` must not be called as a method of the options object.
    fetch: given ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: whole(options.timeoutMs, DEFAULTS.timeoutMs),
    retryDelayMs: options.retryDelayMs !== undefined && options.retryDelayMs >= 0 ? options.retryDelayMs : DEFAULTS.retryDelayMs,
    signal: options.signal,
  };
}

/** One GET of JSON. HTML, a non-2xx status, unparseable JSON, a timeout or a network error is a failure. */
async function getJson(s: Session, url: string): Promise<Got> {
  if (s.signal?.aborted) return { ok: false, error: 'aborted', aborted: true };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, s.timeoutMs);
  const onAbort = () => controller.abort();
  s.signal?.addEventListener('abort', onAbort, { once: true });
  const doFetch = s.fetch;
  try {
    const response = await doFetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, error: `HTTP ${response.status}`, status: response.status };
    }
    const text = await response.text();
    // Judged by the body, not the Content-Type: some servers label JSON text/html.
    if (/^\s*</.test(text)) return { ok: false, error: 'an HTML page instead of JSON' };
    try {
      return { ok: true, json: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, error: text.trim() === '' ? 'an empty response' : 'invalid JSON (truncated or malformed)' };
    }
  } catch (error) {
    if (s.signal?.aborted) return { ok: false, error: 'aborted', aborted: true };
    if (timedOut) return { ok: false, error: `no answer within ${s.timeoutMs} ms` };
    return { ok: false, error: `network error (${error instanceof Error ? error.message : 'unknown'})` };
  } finally {
    clearTimeout(timer);
    s.signal?.removeEventListener('abort', onAbort);
  }
}

function pause(s: Session): Promise<void> {
  if (s.retryDelayMs === 0 || s.signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      s.signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, s.retryDelayMs);
    s.signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A GET retried once after a failure (including a body `check` refuses).
 * `final` statuses (404 for a detail) are not retried.
 */
async function getWithRetry(s: Session, url: string, check: (json: unknown) => string | undefined, final: number[] = []): Promise<Got> {
  const attempt = async (): Promise<Got> => {
    const got = await getJson(s, url);
    if (!got.ok) return got;
    const problem = check(got.json);
    return problem === undefined ? got : { ok: false, error: problem };
  };
  const first = await attempt();
  if (first.ok || first.aborted || (first.status !== undefined && final.includes(first.status))) return first;
  await pause(s);
  const second = await attempt();
  if (second.ok || second.aborted) return second;
  return { ...second, error: `${first.error}; retried: ${second.error}` };
}

/** The major version a `version` value names (`'HSDS-UK-3.0'` → 3), if any. */
function majorVersion(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== 'string') return undefined;
  const numbers = value.match(/\d+(\.\d+)*/g);
  const last = numbers?.[numbers.length - 1];
  return last === undefined ? undefined : Number.parseInt(last, 10);
}

/**
 * `GET {base}/`: JSON with a `version` key means v3.0 (unless it names an
 * older major version); anything else (404, HTML, no `version`) means v1.0,
 * `certain: false` so the first response's shape can overrule it. A network
 * error, timeout or 5xx is asked again once.
 */
async function detectVersion(s: Session, base: URL): Promise<{ version: Version; certain: boolean; aborted?: boolean }> {
  const url = endpoint(base, '/');
  let got = await getJson(s, url);
  // A network error or a server error says nothing about the version: ask again once. A 404 or HTML is an answer.
  if (!got.ok && !got.aborted && (got.status === undefined ? /^(network error|no answer)/.test(got.error) : got.status >= 500)) {
    await pause(s);
    got = await getJson(s, url);
  }
  if (!got.ok) return { version: '1.0', certain: false, aborted: got.aborted };
  if (!isRecord(got.json) || !Object.hasOwn(got.json, 'version')) return { version: '1.0', certain: false };
  const major = majorVersion(got.json.version);
  return { version: major !== undefined && major < 3 ? '1.0' : '3.0', certain: true };
}

/** The version a list page's envelope keys reveal, if they do. */
function versionOfPage(json: unknown): Version | undefined {
  if (!isRecord(json)) return undefined;
  if (['contents', 'total_items', 'page_number', 'last_page'].some((key) => Object.hasOwn(json, key))) return '3.0';
  if (['content', 'totalElements', 'totalPages'].some((key) => Object.hasOwn(json, key))) return '1.0';
  return undefined;
}

/** The version a service detail's keys reveal, if they do. */
function versionOfService(json: unknown): Version | undefined {
  if (!isRecord(json)) return undefined;
  if (['regular_schedules', 'regular_schedule', 'service_taxonomys', 'eligibilitys'].some((key) => Object.hasOwn(json, key))) return '1.0';
  if (['schedules', 'attributes', 'last_modified'].some((key) => Object.hasOwn(json, key))) return '3.0';
  return undefined;
}

/**
 * Reads every service of an ORUK feed (v1.0 or v3.0), page by page.
 *
 * The version comes from `GET {baseUrl}/` (see `FeedOptions.version` to
 * skip it); then `{baseUrl}/services?page=N&per_page=M` is read until the
 * last page, `maxPages` or `maxItems`. A page that fails (network error,
 * timeout, non-2xx, an HTML page, truncated JSON, not a list) is retried
 * once; if it fails again reading stops and the services already read are
 * returned with `complete: false` and the failure in `errors`. Services
 * repeated across pages are counted once (later copies as `duplicate id`);
 * a page that only repeats earlier ones (a server ignoring `page`) ends the
 * reading. Never throws.
 */
export async function readFeed(baseUrl: string, options: FeedOptions = {}): Promise<FeedResult> {
  const s = session(options);
  const maxPages = whole(options.maxPages, DEFAULTS.maxPages);
  const maxItems = whole(options.maxItems, DEFAULTS.maxItems);
  const perPage = whole(options.perPage, DEFAULTS.perPage, 1000);
  const reasons = new Tally();
  const notes = new Tally();
  const errors: string[] = [];
  const services: Service[] = [];
  const seen = new Set<string>();
  let pagesRead = 0;
  let version: Version = options.version ?? '1.0';
  const result = (complete: boolean, stoppedBy?: FeedResult['stoppedBy']): FeedResult => ({
    version,
    services,
    rejected: reasons.total,
    reasons: reasons.list(),
    notes: notes.list(),
    pagesRead,
    complete,
    errors,
    ...(stoppedBy === undefined ? {} : { stoppedBy }),
  });

  try {
    const base = feedBase(baseUrl);
    if (base === undefined) {
      errors.push(`not an absolute http(s) URL: ${JSON.stringify(String(baseUrl))}`);
      return result(false, 'error');
    }
    let certain = options.version !== undefined;
    if (!certain) {
      const detected = await detectVersion(s, base);
      if (detected.aborted) {
        errors.push('aborted');
        return result(false, 'aborted');
      }
      version = detected.version;
      certain = detected.certain;
    }

    for (let page = 1; ; page++) {
      if (pagesRead >= maxPages) return result(false, 'maxPages');
      const url = endpoint(base, '/services', { ...options.query, page: String(page), per_page: String(perPage) });
      const got = await getWithRetry(s, url, (json) => (readEnvelope(json).items === undefined ? 'not a list of services' : undefined));
      if (!got.ok) {
        errors.push(got.aborted ? 'aborted' : `page ${page} (${url}): ${got.error}`);
        return result(false, got.aborted ? 'aborted' : 'error');
      }
      pagesRead++;
      if (!certain) {
        version = versionOfPage(got.json) ?? version;
        certain = true;
      }
      const read = version === '3.0' ? readV3ServiceList(got.json) : readV1ServiceList(got.json);
      const fresh = read.records.filter((service) => !seen.has(service.id));
      // A server that ignores `page` sends the first page again: everything is already read (and counted).
      if (read.records.length > 0 && fresh.length === 0) return result(true);
      reasons.addAll(read.reasons);
      notes.addAll(read.notes ?? []);
      if (fresh.length < read.records.length) reasons.add('duplicate id', read.records.length - fresh.length);
      for (const service of fresh) {
        if (services.length >= maxItems) return result(false, 'maxItems');
        seen.add(service.id);
        services.push(service);
      }
      const envelope = readEnvelope(got.json);
      const count = envelope.items?.length ?? 0;
      const total = envelope.page.totalItems;
      if (options.onPage) {
        const progress = total === undefined ? { done: services.length } : { done: services.length, total: Math.max(total, services.length) };
        options.onPage(progress, { ...result(false), services: [...services], errors: [...errors] });
      }
      const end =
        count === 0 ||
        (envelope.paged && envelope.page.last) ||
        (envelope.page.totalPages !== undefined && page >= envelope.page.totalPages) ||
        (!envelope.paged && count < perPage);
      if (end) return result(true);
      if (services.length >= maxItems) return result(false, 'maxItems');
    }
  } catch (error) {
    // Not expected; the caller still gets what was read.
    errors.push(`unexpected: ${error instanceof Error ? error.message : 'unknown error'}`);
    return result(false, 'error');
  }
}

/**
 * Reads one service from `{baseUrl}/services/{id}` (v1.0 or v3.0, detected
 * as for {@link readFeed}). A failure other than 404 is retried once. Never
 * throws.
 */
export async function readService(baseUrl: string, id: string, options: Omit<FeedOptions, 'maxPages' | 'maxItems' | 'perPage' | 'query'> = {}): Promise<ServiceResult> {
  const s = session(options);
  let version: Version = options.version ?? '1.0';
  const errors: string[] = [];
  const empty = (): ServiceResult => ({ version, rejected: 0, reasons: [], notes: [], errors });
  try {
    const base = feedBase(baseUrl);
    if (base === undefined) {
      errors.push(`not an absolute http(s) URL: ${JSON.stringify(String(baseUrl))}`);
      return empty();
    }
    let certain = options.version !== undefined;
    if (!certain) {
      const detected = await detectVersion(s, base);
      if (detected.aborted) {
        errors.push('aborted');
        return empty();
      }
      version = detected.version;
      certain = detected.certain;
    }
    const url = endpoint(base, `/services/${encodeURIComponent(String(id))}`);
    const got = await getWithRetry(s, url, (json) => (isRecord(json) || Array.isArray(json) ? undefined : 'not a service'), [404]);
    if (!got.ok) {
      errors.push(got.aborted ? 'aborted' : got.status === 404 ? `service ${JSON.stringify(String(id))} not found (${url})` : `${url}: ${got.error}`);
      return empty();
    }
    if (!certain) version = versionOfService(got.json) ?? version;
    const read = version === '3.0' ? readV3Service(got.json) : readV1Service(got.json);
    const service = read.records[0];
    return { version, ...(service === undefined ? {} : { service }), rejected: read.rejected, reasons: read.reasons, notes: read.notes ?? [], errors };
  } catch (error) {
    errors.push(`unexpected: ${error instanceof Error ? error.message : 'unknown error'}`);
    return empty();
  }
}

/**
 * The names of the taxonomy terms a v3.0 feed lists at
 * `{baseUrl}/taxonomy_terms` (each once, in the feed's order), so that a
 * caller can search the feed for the terms it needs instead of reading
 * every service. `undefined` when the feed is v1.0, has no such list, or any
 * page of it fails (after one retry): the caller then reads the services
 * instead. At most `maxPages` pages of 200 (default 10). Never throws.
 */
export async function readTermNames(
  baseUrl: string,
  options: Omit<FeedOptions, 'maxItems' | 'perPage' | 'query' | 'onPage'> = {},
): Promise<{ version: '3.0'; names: string[] } | undefined> {
  const s = session(options);
  const base = feedBase(baseUrl);
  if (base === undefined) return undefined;
  const version = options.version ?? (await detectVersion(s, base)).version;
  if (version !== '3.0') return undefined;
  const names = new Map<string, string>();
  const maxPages = whole(options.maxPages, 10);
  for (let page = 1; page <= maxPages; page++) {
    const url = endpoint(base, '/taxonomy_terms', { page: String(page), per_page: '200' });
    const got = await getWithRetry(s, url, (json) => (readEnvelope(json).items === undefined ? 'not a list of terms' : undefined));
    if (!got.ok) return undefined;
    const read = readV3TaxonomyTermList(got.json);
    for (const term of read.records) if (!names.has(term.name.toLowerCase())) names.set(term.name.toLowerCase(), term.name);
    if (read.records.length === 0 || read.page.last || (read.page.totalPages !== undefined && page >= read.page.totalPages)) return { version, names: [...names.values()] };
  }
  // More terms than a directory plausibly has: not a list to rely on.
  return undefined;
}
