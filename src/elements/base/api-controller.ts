import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiClient, type RequestOptions } from '../../client/client.ts';
import { resolveApiBase } from '../../client/config.ts';
import { ApiError, isAbort } from '../../client/errors.ts';
import type { Output, Schema } from '../../contract/schema.ts';
import { newIdempotencyKey } from '../../core/idempotency.ts';

/** What the controller needs of its element. */
export type ApiHost = ReactiveControllerHost & HTMLElement & { apiBase?: string | undefined };

export interface ApiControllerOptions {
  /** Per-attempt timeout in milliseconds, read on every request (an element may expose it as an attribute). */
  timeoutMs?: () => number | undefined;
  /** Extra headers on every request, read on every request (a staff element's bearer token). */
  headers?: () => Record<string, string> | undefined;
}

/**
 * How an element talks to the API: the client for its `api-base` (or the
 * page's `#cls-config`), every request cancelled when the element leaves the
 * page, every failure turned into an {@link ApiError}, and submissions that
 * are safe to retry.
 */
export class ApiController implements ReactiveController {
  private connection = new AbortController();
  /** Submissions in flight or last failed, by what they submit to, each with the key it was sent under. */
  private readonly pending = new Map<string, { key: string; body: string }>();
  private cached: { id: string; client: ApiClient } | undefined;

  constructor(
    private readonly host: ApiHost,
    private readonly options: ApiControllerOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.connection.signal.aborted) this.connection = new AbortController();
  }

  hostDisconnected(): void {
    this.connection.abort(new DOMException('The element left the page', 'AbortError'));
  }

  /** The base URL requests go to now. */
  get baseUrl(): string {
    return this.host.apiBase?.trim() || resolveApiBase(this.host);
  }

  /** A client for the current `api-base`, timeout and headers (made again only when one of them changes). */
  get client(): ApiClient {
    const baseUrl = this.baseUrl;
    const timeoutMs = this.options.timeoutMs?.();
    const headers = this.options.headers?.();
    const id = JSON.stringify([baseUrl, timeoutMs, headers]);
    if (this.cached?.id !== id) {
      this.cached = { id, client: new ApiClient({ baseUrl, ...(timeoutMs ? { timeoutMs } : {}), ...(headers ? { headers } : {}) }) };
    }
    return this.cached.client;
  }

  /**
   * A signal that aborts when the element leaves the page, or when `signal`
   * does (a task's own, when a newer search replaces it).
   */
  signal(signal?: AbortSignal): AbortSignal {
    if (!signal) return this.connection.signal;
    // Not AbortSignal.any: older phones' browsers (Safari before 17.4) lack it.
    const both = new AbortController();
    const abort = (source: AbortSignal) => both.abort(source.reason);
    for (const source of [this.connection.signal, signal]) {
      if (source.aborted) abort(source);
      else source.addEventListener('abort', () => abort(source), { once: true, signal: both.signal });
    }
    return both.signal;
  }

  /** GET, validated against `schema`; failures are {@link ApiError}s, cancellations stay `AbortError`s. */
  get<S extends Schema>(path: string, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    return this.call(() => this.client.get(path, schema, { ...options, signal: this.signal(options.signal) }));
  }

  /** DELETE, retried like a GET. */
  delete<S extends Schema>(path: string, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    return this.call(() => this.client.delete(path, schema, { ...options, signal: this.signal(options.signal) }));
  }

  /** PUT (a correction), retried like a GET. */
  put<S extends Schema>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    return this.call(() => this.client.put(path, body, schema, { ...options, signal: this.signal(options.signal) }));
  }

  /**
   * POST one intended submission. While `body` is the same as the last
   * unfinished attempt to `path`, the same Idempotency-Key is sent, so a retry
   * after a failure stores one record; a changed body is a new submission.
   */
  async submit<S extends Schema>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<Output<S>> {
    const text = JSON.stringify(body);
    let pending = this.pending.get(path);
    if (pending?.body !== text) {
      pending = { key: newIdempotencyKey(), body: text };
      this.pending.set(path, pending);
    }
    const key = pending.key;
    const created = await this.call(() =>
      this.client.post(path, body, schema, { ...options, idempotencyKey: key, signal: this.signal(options.signal) }),
    );
    this.pending.delete(path);
    return created;
  }

  /** Forget unfinished submissions (the person started again: their next send is a new one). */
  forgetPending(): void {
    this.pending.clear();
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (isAbort(error)) throw error;
      throw ApiError.from(error);
    }
  }
}
