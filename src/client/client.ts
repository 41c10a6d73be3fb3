import type { Output, Schema } from '../contract/schema.ts';
import { Problem } from '../contract/problem.ts';
import { ApiError } from './errors.ts';

export interface ApiClientOptions {
  /** Base URL of the API, e.g. `https://council.example/api/v1` or `/api/v1`. */
  baseUrl: string;
  /** Per-attempt timeout in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Extra attempts after a network error or 5xx. Default 2. */
  retries?: number;
  /** First backoff delay in milliseconds; doubles each attempt. Default 400. */
  backoffMs?: number;
  /** Injected for tests or non-browser hosts. */
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. a staff bearer token). */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

export interface PostOptions extends RequestOptions {
  /**
   * Key for this one intended submission. Reuse it when the resident retries
   * the same submission, so the server stores one record.
   */
  idempotencyKey: string;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

/**
 * The typed HTTP client every element uses. It validates every response
 * body against the contract and turns every failure into an {@link ApiError}.
 */
export class ApiClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 400;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.headers = options.headers ?? {};
  }

  /** GET, retried with backoff on network errors and 5xx. */
  get<S extends Schema>(path: string, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    return this.send(path, schema, { method: 'GET' }, options, true);
  }

  /** DELETE: idempotent by definition, so retried like a GET. */
  delete<S extends Schema>(path: string, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    return this.send(path, schema, { method: 'DELETE' }, options, true);
  }

  /**
   * POST JSON with an Idempotency-Key. Retried after a network error or a
   * 502/503/504 with the same key, which the server treats as one request.
   */
  post<S extends Schema>(path: string, body: unknown, schema: S, options: PostOptions): Promise<Output<S>> {
    const init: RequestInit = {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': options.idempotencyKey },
    };
    return this.send(path, schema, init, options, true);
  }

  /** PUT JSON (a correction): idempotent by definition, so retried like a GET. */
  put<S extends Schema>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    const init: RequestInit = { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
    return this.send(path, schema, init, options, true);
  }

  url(path: string, query?: RequestOptions['query']): string {
    const base = /^[a-z][a-z0-9+.-]*:/i.test(this.baseUrl)
      ? this.baseUrl
      : new URL(this.baseUrl, globalThis.location?.href ?? 'http://localhost/').href.replace(/\/+$/, '');
    const url = new URL(`${base}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  private async send<S extends Schema>(
    path: string,
    schema: S,
    init: RequestInit,
    options: RequestOptions,
    retry: boolean,
  ): Promise<Output<S>> {
    const url = this.url(path, options.query);
    const attempts = retry ? this.retries + 1 : 1;
    let lastError: ApiError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), options.signal);
      try {
        return await this.attempt(url, schema, init, options.signal);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        lastError = error;
        const transient =
          error.kind === 'network' || (error.kind === 'http' && RETRYABLE_STATUS.has(error.status ?? 0));
        if (!transient) throw error;
      }
    }
    throw lastError ?? new ApiError('network', 'No attempt was made');
  }

  private async attempt<S extends Schema>(url: string, schema: S, init: RequestInit, signal?: AbortSignal): Promise<Output<S>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), this.timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    let text: string;
    // The timer covers the body as well as the headers: a server that sends
    // a status and then stalls is as slow as one that sends nothing.
    try {
      response = await this.fetchImpl(url, {
        ...init,
        headers: { Accept: 'application/json', ...this.headers, ...(init.headers as Record<string, string>) },
        credentials: 'omit',
        signal: controller.signal,
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason ?? cause;
      if (controller.signal.aborted) throw new ApiError('timeout', `No answer from ${url} within ${this.timeoutMs} ms`, { cause });
      const offline = globalThis.navigator?.onLine === false;
      throw new ApiError(offline ? 'offline' : 'network', `Could not reach ${url}`, { cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    const body = parseJson(text);
    if (!response.ok) {
      const problem = Problem.safeParse(body);
      throw new ApiError('http', problem.success ? problem.data.title : `HTTP ${response.status}`, {
        status: response.status,
        ...(problem.success ? { problem: problem.data } : {}),
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError('invalid-response', `The response from ${url} did not match the contract`, {
        status: response.status,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
