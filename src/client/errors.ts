import type { FieldIssue, Problem, ProblemCode } from '../contract/problem.ts';

/** Why a request failed, from the resident's point of view. */
export type ApiErrorKind = 'offline' | 'network' | 'timeout' | 'http' | 'invalid-response';

/**
 * i18n keys (in the `common` namespace) for a user-facing sentence about
 * each failure. Elements show `t(error.messageKey)`.
 */
export type ApiMessageKey =
  | 'errors.offline'
  | 'errors.network'
  | 'errors.timeout'
  | 'errors.server'
  | 'errors.invalidResponse'
  | 'errors.validation'
  | 'errors.rateLimited'
  | 'errors.unauthorized'
  | 'errors.notFound'
  | 'errors.rejected';

/** A failed API call, typed so that elements can choose what to say and whether to offer a retry. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status when the server answered. */
  readonly status: number | undefined;
  /** The server's stable problem code, when it sent `application/problem+json`. */
  readonly code: ProblemCode | undefined;
  /** Field issues of a `validation-failed` problem. */
  readonly fieldIssues: readonly FieldIssue[];
  readonly messageKey: ApiMessageKey;

  constructor(kind: ApiErrorKind, message: string, options: { status?: number; problem?: Problem; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.code = options.problem?.code;
    this.fieldIssues = options.problem?.errors ?? [];
    this.messageKey = messageKeyFor(kind, options.status, options.problem?.code);
  }

  /**
   * Any failure as an ApiError: itself, or an unexpected throw (a bug, a
   * browser quirk) told to the resident as a network failure they can retry.
   */
  static from(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError('network', String(error), { cause: error });
  }

  /** True when trying again later might work (as opposed to bad input). */
  get retryable(): boolean {
    if (this.kind !== 'http') return true;
    const status = this.status ?? 0;
    return status >= 500 || status === 429 || status === 408;
  }
}

function messageKeyFor(kind: ApiErrorKind, status: number | undefined, code: ProblemCode | undefined): ApiMessageKey {
  switch (kind) {
    case 'offline':
      return 'errors.offline';
    case 'network':
      return 'errors.network';
    case 'timeout':
      return 'errors.timeout';
    case 'invalid-response':
      return 'errors.invalidResponse';
    case 'http':
      break;
  }
  if (code === 'validation-failed') return 'errors.validation';
  if (code === 'rate-limited' || status === 429) return 'errors.rateLimited';
  if (status === 401 || status === 403) return 'errors.unauthorized';
  if (status === 404) return 'errors.notFound';
  if (status !== undefined && status >= 500) return 'errors.server';
  return 'errors.rejected';
}

/** True for a request that was cancelled on purpose (a newer search, the element leaving the page): nothing to tell anyone. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
