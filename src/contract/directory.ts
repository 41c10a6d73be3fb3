import * as z from 'zod/mini';

/**
 * The internal directory model every part shares: what the ORUK readers
 * produce, what the server stores and publishes, and what the resource
 * wheel and hub finder render. Feed-specific shapes (ORUK v1.0 / v3.0) are
 * translated to and from this in `src/oruk` and `server/oruk`.
 *
 * Absent values are omitted, never `null`.
 */

const Text = z.string().check(z.trim(), z.minLength(1));
const Id = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** `YYYY-MM-DD`, a calendar date in UK time. */
export const LocalDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** `HH:MM` (24-hour), a wall-clock time in UK time. */
export const LocalTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/**
 * A URL safe to put in an `href`: only `http(s):`, `mailto:` and `tel:`.
 * Anything else (`javascript:`, `data:`) is refused by the readers.
 */
export const SafeUrl = z.string().check(z.regex(/^(https?:\/\/|mailto:|tel:)\S+$/i));

export const Coordinates = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export type Coordinates = z.infer<typeof Coordinates>;

export const TaxonomyTerm = z.object({
  id: Id,
  name: Text,
  description: z.optional(z.string()),
  parentId: z.optional(Id),
  /** The vocabulary the term belongs to, e.g. `cls-wellbeing`. */
  taxonomy: z.optional(z.string()),
});
export type TaxonomyTerm = z.infer<typeof TaxonomyTerm>;

export const Address = z.object({
  line1: z.optional(z.string()),
  city: z.optional(z.string()),
  region: z.optional(z.string()),
  postcode: z.optional(z.string()),
  country: z.optional(z.string()),
});
export type Address = z.infer<typeof Address>;

export const Location = z.object({
  id: Id,
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  address: z.optional(Address),
  /** Missing when the feed had none or they were unusable; the record is kept. */
  coordinates: z.optional(Coordinates),
  /** Free-text accessibility notes, as the feed gave them. */
  accessibility: z.array(z.string()),
  /** True when the notes or attributes say there is step-free access. */
  stepFree: z.optional(z.boolean()),
});
export type Location = z.infer<typeof Location>;

/** `MO`…`SU`, optionally with an ordinal for monthly rules: `1TU`, `-1FR`. */
export const ByDay = z.string().check(z.regex(/^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/));

/**
 * When something happens, in Europe/London wall-clock time (iCal-like, as
 * ORUK v3 `schedules`). A schedule with neither `freq` nor `dates` has only
 * a free-text `description`.
 */
export const Schedule = z.object({
  id: z.optional(Id),
  freq: z.optional(z.enum(['WEEKLY', 'MONTHLY'])),
  /** Every `interval` weeks or months (fortnightly is WEEKLY with 2). */
  interval: z.optional(z.int().check(z.gte(1), z.lte(52))),
  byday: z.optional(z.array(ByDay)),
  bymonthday: z.optional(z.array(z.int().check(z.gte(-31), z.lte(31)))),
  opensAt: z.optional(LocalTime),
  closesAt: z.optional(LocalTime),
  /** First day it applies and the date intervals count from. */
  dtstart: z.optional(LocalDate),
  validFrom: z.optional(LocalDate),
  validTo: z.optional(LocalDate),
  until: z.optional(LocalDate),
  /** One-off dates, in addition to (or instead of) a rule. */
  dates: z.optional(z.array(LocalDate)),
  description: z.optional(z.string()),
  attendingType: z.optional(z.string()),
});
export type Schedule = z.infer<typeof Schedule>;

export const Organization = z.object({
  id: Id,
  name: Text,
  description: z.optional(z.string()),
  website: z.optional(SafeUrl),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
});
export type Organization = z.infer<typeof Organization>;

export const ServiceStatus = z.enum(['active', 'inactive', 'defunct', 'temporarily closed']);

export const Service = z.object({
  id: Id,
  name: Text,
  description: z.optional(z.string()),
  status: ServiceStatus,
  organization: z.optional(Organization),
  url: z.optional(SafeUrl),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  /** Fees in words, as the feed gave them. */
  fees: z.optional(z.string()),
  /** True when the service is known to be free of charge. */
  free: z.optional(z.boolean()),
  eligibility: z.optional(z.string()),
  minimumAge: z.optional(z.number()),
  maximumAge: z.optional(z.number()),
  languages: z.optional(z.array(z.string())),
  taxonomyTerms: z.array(TaxonomyTerm),
  locations: z.array(Location),
  schedules: z.array(Schedule),
  lastModified: z.optional(z.string()),
  /** `YYYY-MM-DD`: when the provider last checked the record (ORUK `assured_date`). */
  assuredDate: z.optional(z.string()),
});
export type Service = z.infer<typeof Service>;

/** What kind of place a hub is in. */
export const HubKind = z.enum(['library', 'leisure-centre', 'supermarket', 'pharmacy', 'market', 'shop', 'community-centre', 'health-centre']);
export type HubKind = z.infer<typeof HubKind>;

/**
 * What a session is for, as CLS sites run them: a talking point conversation
 * (the usual community contact), a carers' clinic, a peer support group or a
 * support planning workshop.
 */
export const SessionKind = z.enum(['talking-point', 'carers-clinic', 'peer-support', 'support-planning']);
export type SessionKind = z.infer<typeof SessionKind>;

/** A regular CLS session at a hub: a drop-in or bookable community contact session. */
export const HubSessionPlan = z.object({
  id: Id,
  mode: z.enum(['drop-in', 'bookable']),
  /** What the session is for; a talking point conversation when absent. */
  kind: z.optional(SessionKind),
  /** Places per occurrence; bookable sessions only. */
  capacity: z.optional(z.int().check(z.gte(1), z.lte(500))),
  schedule: Schedule,
});
export type HubSessionPlan = z.infer<typeof HubSessionPlan>;

/** A community hub ("talking point"): a place where CLS sessions are held. */
export const Hub = z.object({
  id: Id,
  name: Text,
  kind: HubKind,
  description: z.optional(z.string()),
  address: Address,
  coordinates: Coordinates,
  accessibility: z.array(z.string()),
  stepFree: z.boolean(),
  phone: z.optional(z.string()),
  sessions: z.array(HubSessionPlan),
  /** The hub's name and description in Welsh, where the data has them (`name` and `description` are English). */
  translations: z.optional(z.object({ cy: z.optional(z.object({ name: z.optional(Text), description: z.optional(z.string()) })) })),
});
export type Hub = z.infer<typeof Hub>;

/** One reason records were rejected, and how many. */
export const Rejection = z.object({ reason: z.string(), count: z.int().check(z.gte(1)) });
export type Rejection = z.infer<typeof Rejection>;
