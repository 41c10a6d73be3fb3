import type { Rejection } from '../contract/directory.ts';

/**
 * What a reader made of one response: the records that satisfy the contract,
 * how many records were dropped and why, and what was repaired on the way.
 */
export interface ReadResult<T> {
  /** Usable records, in feed order; each one satisfies its contract schema. */
  records: T[];
  /** How many records were dropped (the sum of `reasons`' counts). */
  rejected: number;
  /** Why records were dropped, e.g. `missing id`, `missing name`. */
  reasons: Rejection[];
  /**
   * Repairs to records that were kept, and remarks about the response, e.g.
   * `coordinates dropped`, `schedule kept as text only`. The readers always
   * set it (possibly empty).
   */
  notes?: Rejection[];
}

/** Where a list response sits in its pagination (pages are numbered from 1). */
export interface PageInfo {
  page: number;
  totalPages?: number;
  totalItems?: number;
  /** True when the feed says (or it is evident) that no later page exists. */
  last: boolean;
}
