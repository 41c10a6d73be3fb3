import * as z from 'zod/mini';

/**
 * Stable machine-readable error codes. Clients switch on these, never on
 * `title` or `detail`, which are human text and may change.
 */
export const ProblemCode = z.enum([
  'validation-failed',
  'invalid-json',
  'unsupported-media-type',
  'payload-too-large',
  'idempotency-key-invalid',
  'idempotency-key-reused',
  'rate-limited',
  'unauthorized',
  'not-found',
  'method-not-allowed',
  'invalid-postcode',
  'place-not-found',
  'geocoder-unavailable',
  'session-full',
  'session-not-bookable',
  'session-past',
  /** The session is later than bookings are open for (`BOOKING_WINDOW_DAYS`). */
  'session-not-open',
  /** A replayed booking request whose booking has been cancelled since. */
  'booking-cancelled',
  /** A booking can only be moved to another session of the same hub. */
  'session-other-hub',
  /** Joining a waiting list while the session has places: book one instead. */
  'session-has-places',
  /** The session starts too soon for a waiting-list offer (see `offerEndsAt`). */
  'waiting-list-closed',
  /** Leaving a waiting list whose place offered was taken: it is a booking now. */
  'place-booked',
  /** The place offered from the waiting list was not taken in time. */
  'offer-expired',
  /** Taking a place from the waiting list when none has been offered (or after leaving it). */
  'no-offer',
  /** The questionnaire's version moved on since the answers were given: check them again. */
  'questionnaire-changed',
  /** A worker's token may change a visit only within 24 hours of recording it; after that an admin's may. */
  'edit-window-passed',
  /** The database cannot be reached just now (restarting, failing over): try again after `Retry-After` seconds. */
  'service-unavailable',
  'internal-error',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One failing field in a `validation-failed` problem. */
export const FieldIssue = z.object({
  /** Dotted path to the field, e.g. `comment`. */
  path: z.string(),
  /** What is wrong: `required`, `too-long`, `too-short`, `too-big`, `too-small` or `invalid`. */
  code: z.string(),
  /** English explanation for developers; elements show their own translated text. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** RFC 9457 problem details, as every error response of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  code: ProblemCode,
  errors: z.optional(z.array(FieldIssue)),
});
export type Problem = z.infer<typeof Problem>;
