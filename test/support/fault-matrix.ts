import type { ApiMessageKey } from '../../src/client/errors.ts';

/*
 * The faults every resident write is sent through (test/node/faults.test.ts),
 * and what each write must leave behind. docs/reliability.md lists the same
 * rows; test/node/reliability-doc.test.ts keeps the two in step.
 */

export interface Fault {
  /** The fault proxy's mode (test/support/fault-proxy.ts). */
  mode: string;
  /** What the network or server did. */
  what: string;
  /** Whether the API had done the work when the answer went wrong. */
  processed: boolean;
  /** The sentence the resident is shown (a common `errors.*` string). */
  says: ApiMessageKey;
}

export const FAULTS: readonly Fault[] = [
  { mode: 'down', what: '503 problem before the API', processed: false, says: 'errors.server' },
  { mode: 'busy', what: '503 with Retry-After before the API', processed: false, says: 'errors.server' },
  { mode: 'reset', what: 'connection reset before the API', processed: false, says: 'errors.network' },
  { mode: 'html', what: 'an HTML error page with status 200', processed: false, says: 'errors.invalidResponse' },
  { mode: 'slow', what: 'the answer arrives after the client timeout', processed: true, says: 'errors.timeout' },
  { mode: 'lost', what: 'connection dropped after the API did the work', processed: true, says: 'errors.network' },
  { mode: 'error', what: '500 problem after the API did the work', processed: true, says: 'errors.server' },
  { mode: 'gateway', what: '502 HTML page after the API did the work', processed: true, says: 'errors.server' },
  { mode: 'truncated', what: 'JSON cut in half', processed: true, says: 'errors.invalidResponse' },
  { mode: 'wrong-shape', what: 'JSON that is not the contract', processed: true, says: 'errors.invalidResponse' },
];

/** Each resident write and what exactly one retry with the same key leaves. */
export const WRITES = {
  feedback: 'feedback: one record',
  draft: 'draft: one record',
  submission: 'submission: one record',
  booking: 'booking: one place taken',
  cancellation: 'cancellation: the place given back once',
  move: 'move: the new place taken and the old one given back once',
} as const;
