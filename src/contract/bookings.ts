import * as z from 'zod/mini';
import { LanguageSchema } from './language.ts';
import { Address, Hub } from './directory.ts';
import { SESSIONS_MAX_DAYS, Session } from './places.ts';

/**
 * How far ahead a session can be booked, in days: as far as sessions are
 * published (`GET /api/v1/sessions` expands at most this far). A session id
 * for a later date (9999-12-31, say) is refused, however real its plan.
 */
export const BOOKING_WINDOW_DAYS = SESSIONS_MAX_DAYS;

/** Longest "anything we should know", in characters. */
export const BOOKING_NOTES_MAX = 500;

/** UK phone numbers as people type them: 10–11 digits, or +44 and 9–10, spaces and dashes allowed. */
export const UK_PHONE = /^(?:\+44\s?|0)(?:[\s-]?\d){9,10}$/;

export const BookingContact = z.discriminatedUnion('method', [
  z.object({ method: z.literal('phone'), value: z.string().check(z.trim(), z.regex(UK_PHONE)) }),
  z.object({ method: z.literal('email'), value: z.string().check(z.trim(), z.maxLength(254), z.email()) }),
]);
export type BookingContact = z.infer<typeof BookingContact>;

/** What `<cls-hub-finder>` sends to `POST /api/v1/bookings`. */
export const BookingInput = z.object({
  sessionId: z.string().check(z.minLength(1), z.maxLength(300)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  contact: BookingContact,
  notes: z.optional(
    z.pipe(
      z.string().check(z.trim(), z.maxLength(BOOKING_NOTES_MAX)),
      z.transform((value: string) => (value ? value : undefined)),
    ),
  ),
  /** The person agreed to the consent text shown; required to be true. */
  consent: z.literal(true),
  lang: z.optional(LanguageSchema),
});
export type BookingInput = z.input<typeof BookingInput>;

/** References are short and read aloud: no 0/O, 1/I/L, 5/S, 2/Z, 8/B look-alikes. */
export const BOOKING_REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const BookingReference = z.string().check(z.regex(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/));

/**
 * A reference as typed or read out (`acde fghj`, `ACDEFGHJ`) in the form
 * `BookingReference` checks (`ACDE-FGHJ`): upper case, without spaces, the
 * dash put in when eight letters and digits were typed without it. Anything
 * else is returned as it is, for the check to refuse.
 */
export function normaliseBookingReference(typed: string): string {
  return typed.trim().toUpperCase().replace(/\s+/g, '').replace(/^([A-Z0-9]{4})([A-Z0-9]{4})$/, '$1-$2');
}

/** Response of `POST /api/v1/bookings`: everything the confirmation page and the calendar file need. */
export const BookingCreated = z.object({
  reference: BookingReference,
  /**
   * Secret for managing the booking (`?cls-booking=REF&key=…`, `DELETE /api/v1/bookings/{reference}?key=…`).
   * A replayed POST answers the same key.
   */
  manageKey: z.string().check(z.minLength(16)),
  session: Session,
  hub: z.object({
    id: z.string(),
    name: z.string(),
    address: Address,
    coordinates: z.optional(Hub.shape.coordinates),
    phone: z.optional(z.string()),
    translations: z.optional(Hub.shape.translations),
  }),
  createdAt: z.iso.datetime({ offset: true }),
  /** How the confirmation is sent (the contact method chosen); absent when the server sends no messages. */
  messages: z.optional(z.enum(['email', 'sms'])),
});
export type BookingCreated = z.infer<typeof BookingCreated>;

/** Response of `DELETE /api/v1/bookings/{reference}?key=…`. */
export const BookingCancelled = z.object({
  reference: BookingReference,
  cancelled: z.literal(true),
  sessionId: z.string(),
});
export type BookingCancelled = z.infer<typeof BookingCancelled>;

const Timestamp = z.iso.datetime({ offset: true });

/**
 * Query of `GET /api/v1/staff/bookings.csv`: bookings for sessions starting
 * in [from, to) (either end may be left open), optionally at one hub.
 */
export const StaffBookingsExportQuery = z.object({
  hub: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Sessions starting at or after this instant. */
  from: z.optional(Timestamp),
  /** Sessions starting before this instant. */
  to: z.optional(Timestamp),
});
export type StaffBookingsExportQuery = z.infer<typeof StaffBookingsExportQuery>;

/** Query of `GET /api/v1/staff/bookings`: as the export, newest booking first, paged. */
export const StaffBookingsQuery = z.extend(StaffBookingsExportQuery, {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
});
export type StaffBookingsQuery = z.infer<typeof StaffBookingsQuery>;

/** A booking as staff see it, with the booker's contact details. Absent values are omitted, never `null`. */
export const StaffBooking = z.object({
  reference: BookingReference,
  sessionId: z.string(),
  hubId: z.string(),
  /** The hub's current name, when the hub is still in the directory. */
  hubName: z.optional(z.string()),
  /** When the session starts. */
  start: Timestamp,
  name: z.string(),
  contact: z.object({ method: z.enum(['phone', 'email']), value: z.string() }),
  notes: z.optional(z.string()),
  lang: z.optional(LanguageSchema),
  createdAt: Timestamp,
  cancelled: z.boolean(),
  cancelledAt: z.optional(Timestamp),
});
export type StaffBooking = z.infer<typeof StaffBooking>;

/** Response of `GET /api/v1/staff/bookings`. */
export const StaffBookingList = z.object({
  total: z.int().check(z.gte(0)),
  items: z.array(StaffBooking),
});
export type StaffBookingList = z.infer<typeof StaffBookingList>;

/** Query of `DELETE /api/v1/bookings/{reference}`: the `manageKey` from {@link BookingCreated}. */
export const BookingCancelQuery = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(200)),
});

/**
 * A booking as its owner manages it (`GET /api/v1/bookings/{reference}?key=…`,
 * `POST /api/v1/bookings/lookup`, after a move): as when it was made, with
 * whether it still stands. Never the name or contact details.
 */
export const BookingDetails = z.extend(BookingCreated, {
  status: z.enum(['booked', 'cancelled']),
  cancelledAt: z.optional(z.iso.datetime({ offset: true })),
  /** How the resident asked to be contacted (the address or number itself is not sent back). */
  contactMethod: z.enum(['phone', 'email']),
});
export type BookingDetails = z.infer<typeof BookingDetails>;

/**
 * A place on the waiting list of a full session, as its owner sees it
 * (`POST /api/v1/waiting-list`, the manage link, the reference look-up).
 * The reference and manage key are made as a booking's are: a place taken
 * when offered becomes the booking of the same reference and key.
 */
export const WaitingPlace = z.object({
  reference: BookingReference,
  manageKey: BookingCreated.shape.manageKey,
  session: Session,
  hub: BookingCreated.shape.hub,
  createdAt: Timestamp,
  /**
   * `waiting`; `offered`: a place is held for them until `offerExpiresAt`;
   * `expired`: the offer was not taken in time; `left`: they left the list;
   * `closed`: the session was too close for any more offers.
   */
  status: z.enum(['waiting', 'offered', 'expired', 'left', 'closed']),
  /** Their place in the queue while waiting: 1 is offered the next place that comes free. */
  position: z.optional(z.int().check(z.gte(1))),
  /** Until when the offered place is held for them. */
  offerExpiresAt: z.optional(Timestamp),
  contactMethod: z.enum(['phone', 'email']),
  /** How an offer will be sent (the contact method chosen); absent when the server sends no messages. */
  messages: z.optional(z.enum(['email', 'sms'])),
});
export type WaitingPlace = z.infer<typeof WaitingPlace>;

/** A reference as its owner manages it: a booking, or a place on a waiting list (tell them apart by `status`). */
export const ManagedReference = z.union([BookingDetails, WaitingPlace]);
export type ManagedReference = z.infer<typeof ManagedReference>;

/** Whether a managed reference is a waiting-list place rather than a booking. */
export const isWaitingPlace = (managed: ManagedReference): managed is WaitingPlace => managed.status !== 'booked' && managed.status !== 'cancelled';

/** Body of `POST /api/v1/waiting-list/{reference}/accept` and query of `DELETE /api/v1/waiting-list/{reference}`: the manage key. */
export const WaitingListKey = BookingCancelQuery;

/** Query of `GET /api/v1/bookings/{reference}`. */
export const BookingManageQuery = BookingCancelQuery;

/** Body of `POST /api/v1/bookings/lookup`: the reference and the email address or phone number it was booked with. */
export const BookingLookup = z.object({
  reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  contact: z.string().check(z.trim(), z.minLength(1), z.maxLength(254)),
});
export type BookingLookup = z.input<typeof BookingLookup>;

/** Body of `POST /api/v1/bookings/{reference}/move`: another session of the same hub. */
export const BookingMove = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  sessionId: z.string().check(z.minLength(1), z.maxLength(300)),
});
export type BookingMove = z.input<typeof BookingMove>;

/**
 * The contact a booking was made with, as compared when someone looks it up:
 * an email address in lower case; a phone number as its digits, `+44` read as `0`.
 */
export function contactMatchKey(value: string): string {
  const trimmed = value.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  const digits = trimmed.replace(/[^\d+]/g, '');
  return digits.startsWith('+44') ? `0${digits.slice(3)}` : digits.replace(/^0044/, '0');
}
