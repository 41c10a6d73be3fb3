import * as z from 'zod/mini';
import { BookingReference } from './bookings.ts';
import { LocalDate } from './directory.ts';
import { Score } from './feedback.ts';
import { Session } from './places.ts';
import { NextStep } from './questionnaire.ts';
import { INITIALS, normalisePersonReference, outcodeOf, personReferenceKind, VISIT_OUTCOMES } from '../core/visits.ts';

/**
 * The staff side of Community Led Support: what `<cls-hub-day>` records at a
 * hub (conversations, attendance, follow-ups) and what `<cls-impact>` reports.
 * Every route is under `/api/v1/staff/` and needs a staff bearer token.
 *
 * Nothing here holds a resident's name except what staff already hold
 * (a booking's name, a self-assessment's contact): a visit keeps an
 * outcode, never a postcode, and a reference, never a name.
 */

const Timestamp = z.iso.datetime({ offset: true });
const Id = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** Ids of configurable options (how they heard, age band, wellbeing statements). */
export const OptionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

export const STAFF_ROLES = ['worker', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** `GET /api/v1/staff/me`: who the token is (never the token). */
export const StaffMe = z.object({ role: StaffRole, tokenId: z.string() });
export type StaffMe = z.infer<typeof StaffMe>;

/** A worker's initials: 1–4 letters, any case as typed, stored upper case. */
export const Initials = z.string().check(z.trim(), z.toUpperCase(), z.regex(INITIALS));

/** Free text: trimmed, at most `max` characters, blank as absent. */
const optionalText = (max: number) =>
  z.optional(
    z.pipe(
      z.string().check(z.trim(), z.maxLength(max)),
      z.transform((value: string) => (value ? value : undefined)),
    ),
  );

/** A postcode or outcode as typed; only the outcode is kept (`SY4 5JD` → `SY4`). Blank as absent. */
export const OutcodeInput = z.optional(
  z.pipe(
    z.string().check(
      z.trim(),
      z.refine((value) => value === '' || outcodeOf(value) !== undefined),
    ),
    z.transform((value: string) => (value === '' ? undefined : outcodeOf(value))),
  ),
);

/**
 * A person reference: a self-assessment reference (`CLS-XXXXXX`), a booking
 * reference (`XXXX-XXXX`) or a card number. Never a name, email address or
 * phone number: those are refused. Blank as absent.
 */
export const PersonReferenceInput = z.optional(
  z.pipe(
    z.string().check(
      z.trim(),
      z.maxLength(40),
      z.refine((value) => value === '' || personReferenceKind(value) !== undefined),
    ),
    z.transform((value: string) => (value === '' ? undefined : normalisePersonReference(value))),
  ),
);

/** Longest "what matters to them", in characters: a few words in their words, not case notes. */
export const WHAT_MATTERS_MAX = 280;

export const VisitOutcome = z.enum(VISIT_OUTCOMES);
export type VisitOutcome = z.infer<typeof VisitOutcome>;

/** Wellbeing scores 1–5 by statement id (the statements are configuration). */
export const WellbeingScores = z.record(OptionId, Score).check(z.refine((scores) => Object.keys(scores).length <= 10));

/** One conversation, as `<cls-hub-day>` records it: `POST /api/v1/staff/visits` (Idempotency-Key) and `PUT /api/v1/staff/visits/{id}`. */
export const VisitInput = z.object({
  hubId: Id,
  /** When the conversation happened. */
  occurredAt: Timestamp,
  /** The worker's initials. */
  worker: Initials,
  heardAbout: z.optional(OptionId),
  ageBand: z.optional(OptionId),
  /** A postcode is cut to its outcode before it is stored. */
  outcode: OutcodeInput,
  /** What matters to the person, in their words (short). */
  whatMatters: optionalText(WHAT_MATTERS_MAX),
  /** What happened: at least one. */
  outcomes: z.array(VisitOutcome).check(
    z.minLength(1),
    z.maxLength(VISIT_OUTCOMES.length),
    z.refine((outcomes) => new Set(outcomes).size === outcomes.length),
  ),
  /** When to get back in touch. */
  followUp: z.optional(LocalDate),
  wellbeing: z.optional(WellbeingScores),
  /** Links repeat conversations (distance travelled) and a self-assessment or booking. */
  personRef: PersonReferenceInput,
});
export type VisitInput = z.input<typeof VisitInput>;
export type VisitFields = z.output<typeof VisitInput>;

/** A stored visit. Absent values are omitted, never `null`. */
export const Visit = z.object({
  id: z.uuid(),
  hubId: z.string(),
  occurredAt: Timestamp,
  worker: z.string(),
  heardAbout: z.optional(z.string()),
  ageBand: z.optional(z.string()),
  outcode: z.optional(z.string()),
  whatMatters: z.optional(z.string()),
  outcomes: z.array(VisitOutcome),
  followUp: z.optional(LocalDate),
  wellbeing: z.optional(z.record(z.string(), Score)),
  personRef: z.optional(z.string()),
  createdAt: Timestamp,
  updatedAt: z.optional(Timestamp),
  /** Until when a worker's token may change or delete it (an admin's always may). */
  editableUntil: Timestamp,
});
export type Visit = z.infer<typeof Visit>;

/** Query of `GET /api/v1/staff/visits`: newest first, paged. */
export const VisitListQuery = z.object({
  hub: z.optional(Id),
  /** Conversations at or after this instant. */
  from: z.optional(Timestamp),
  /** Conversations before this instant. */
  to: z.optional(Timestamp),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 50),
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;

export const VisitList = z.object({ total: z.int().check(z.gte(0)), items: z.array(Visit) });
export type VisitList = z.infer<typeof VisitList>;

/** Response of `DELETE /api/v1/staff/visits/{id}`. */
export const VisitDeleted = z.object({ id: z.uuid(), deleted: z.literal(true) });
export type VisitDeleted = z.infer<typeof VisitDeleted>;

// ---------------------------------------------------------------- attendance

export const AttendanceStatus = z.enum(['attended', 'missed']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/** `POST /api/v1/staff/attendance` (Idempotency-Key): a booking attended or missed, or one walk-in. */
export const AttendanceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('booking'), reference: BookingReference, status: AttendanceStatus }),
  z.object({ kind: z.literal('walk-in'), sessionId: Id }),
]);
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const AttendanceRecorded = z.object({
  id: z.uuid(),
  kind: z.enum(['booking', 'walk-in']),
  sessionId: z.string(),
  reference: z.optional(BookingReference),
  status: z.enum(['attended', 'missed', 'walk-in']),
  markedAt: Timestamp,
});
export type AttendanceRecorded = z.infer<typeof AttendanceRecorded>;

/** Query of `GET /api/v1/staff/attendance`: one hub's sessions on one day (London). */
export const DayQuery = z.object({
  hub: Id,
  /** Default: today in London. */
  date: z.optional(LocalDate),
});
export type DayQuery = z.infer<typeof DayQuery>;

/** A booking as the hub worker sees it on the day. */
export const DayBooking = z.object({
  reference: BookingReference,
  name: z.string(),
  status: z.enum(['booked', 'attended', 'missed']),
  cancelled: z.boolean(),
});
export type DayBooking = z.infer<typeof DayBooking>;

/** Response of `GET /api/v1/staff/attendance`. */
export const Day = z.object({
  hub: z.object({ id: z.string(), name: z.string() }),
  date: LocalDate,
  sessions: z.array(z.object({ session: Session, bookings: z.array(DayBooking), walkIns: z.int().check(z.gte(0)) })),
});
export type Day = z.infer<typeof Day>;

// ---------------------------------------------------------------- follow-ups

export const FollowUpKind = z.enum(['self-assessment', 'missed-booking']);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

/** Query of `GET /api/v1/staff/follow-ups`. */
export const FollowUpQuery = z.object({
  /** Only those for this hub's area (self-assessments from postcodes near it, missed bookings there). */
  hub: z.optional(Id),
});

/** Something to act on: a self-assessment sent to this area, or a booking that did not come. */
export const FollowUp = z.object({
  kind: FollowUpKind,
  reference: z.string(),
  /** When it was sent, or when the missed session started. */
  at: Timestamp,
  /** The self-assessment answered something that needs a quick response. */
  urgent: z.boolean(),
  questionnaireId: z.optional(z.string()),
  name: z.optional(z.string()),
  contact: z.optional(z.object({ method: z.enum(['phone', 'email', 'none']), value: z.optional(z.string()) })),
  outcode: z.optional(z.string()),
  /** Set once someone has made contact: who (initials) and when. */
  contacted: z.optional(z.object({ by: z.string(), at: Timestamp })),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Response of `GET /api/v1/staff/follow-ups`: waiting ones first (urgent, then oldest), then those contacted in the last 7 days. */
export const FollowUpList = z.object({ items: z.array(FollowUp) });
export type FollowUpList = z.infer<typeof FollowUpList>;

/** `POST /api/v1/staff/follow-ups` (Idempotency-Key): mark one contacted. */
export const ContactInput = z.object({ kind: FollowUpKind, reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)), by: Initials });
export type ContactInput = z.input<typeof ContactInput>;

export const ContactRecorded = z.object({ kind: FollowUpKind, reference: z.string(), by: z.string(), at: Timestamp });
export type ContactRecorded = z.infer<typeof ContactRecorded>;

// ---------------------------------------------------------------- reports

/** A count as published: rounded to 5, or "7 or fewer", or withheld (see `src/core/disclosure.ts`). */
export const PublishedCount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), value: z.int().check(z.gte(0)) }),
  z.object({ kind: z.literal('small') }),
  z.object({ kind: z.literal('withheld') }),
]);
/** An average, median or change as published: withheld for groups at or below the threshold. */
export const PublishedAverage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('average'), value: z.number(), n: PublishedCount }),
  z.object({ kind: z.literal('withheld'), n: PublishedCount }),
]);

/** A table of published counts with its margins, as `suppressTable` makes it. */
export const PublishedTable = z.object({
  cells: z.array(z.array(PublishedCount)),
  rowTotals: z.array(PublishedCount),
  columnTotals: z.array(PublishedCount),
  total: PublishedCount,
});

/** Query of `GET /api/v1/staff/reports` and `/reports.csv`: London dates, both ends included (default: the 12 months to today). */
export const ReportQuery = z.object({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  hub: z.optional(Id),
  /** Only conversations with this outcome; bookings, self-assessments and feedback are not narrowed by it. */
  outcome: z.optional(VisitOutcome),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** The ASCOF 2023 objectives the report's measures are grouped under, where one maps. */
export const ASCOF_OBJECTIVES = ['information-and-advice', 'social-connections', 'quality-of-life'] as const;
export const AscofObjective = z.enum(ASCOF_OBJECTIVES);
export type AscofObjective = z.infer<typeof AscofObjective>;

/** The report's headline measures, by id (the CSV has one line each). */
export const REPORT_MEASURES = [
  'conversations',
  'resolved-in-community',
  'onward-to-formal-services',
  'connected-to-community',
  'invited-back',
  'days-to-first-conversation',
  'bookings-made',
  'bookings-attended',
  'bookings-missed',
  'self-assessments-sent',
  'feedback-count',
  'feedback-helpful',
  'feedback-ease',
  'distance-travelled',
] as const;
export const ReportMeasure = z.enum(REPORT_MEASURES);
export type ReportMeasure = z.infer<typeof ReportMeasure>;

/** The impact report: every count already suppressed, so nothing in it identifies anyone. */
export const Report = z.object({
  from: LocalDate,
  to: LocalDate,
  hub: z.optional(z.string()),
  /** The conversations counted are those with this outcome (when the report was asked for one). */
  outcome: z.optional(VisitOutcome),
  /** Counts at or below this are "N or fewer". */
  threshold: z.int(),
  /** Counts are rounded to a multiple of this. */
  roundingBase: z.int(),
  conversations: PublishedCount,
  /**
   * The CLS shift: each conversation is exactly one of `community` (resolved with information,
   * community or peer support), `formal` (onward to a formal service) or `other`; shares of all
   * conversations in whole per cent, from the published counts.
   */
  resolution: z.object({
    community: PublishedCount,
    formal: PublishedCount,
    other: PublishedCount,
    communityShare: z.optional(z.int()),
    formalShare: z.optional(z.int()),
  }),
  /** Conversations that led to a community activity or peer support. */
  connectedToCommunity: PublishedCount,
  invitedBack: PublishedCount,
  /** Median days from a self-assessment or booking to the first conversation with the same reference. */
  daysToFirstConversation: PublishedAverage,
  bookings: z.object({ made: PublishedCount, attended: PublishedCount, missed: PublishedCount }),
  selfAssessments: z.object({ sent: PublishedCount, nextSteps: z.array(z.object({ step: NextStep, count: PublishedCount })) }),
  /** Feedback from `<cls-feedback>`: how many, and the mean of each 1–5 score. */
  feedback: z.object({ count: PublishedCount, helpful: PublishedAverage, ease: PublishedAverage }),
  /** Mean change in wellbeing score (mean over statements) from a person's first to latest scored conversation, for people with two or more. */
  distanceTravelled: z.object({ people: PublishedCount, change: PublishedAverage }),
  /** Conversations with each outcome (one conversation may have several). */
  outcomes: z.array(z.object({ outcome: VisitOutcome, count: PublishedCount })),
  /** Conversations by hub (rows) and side of the shift (columns: community, formal, other), suppressed together with the totals. */
  byHub: z.object({ hubs: z.array(z.object({ id: z.string(), name: z.string() })), table: PublishedTable }),
  /** Conversations per week (Mondays, London) per hub: rows are weeks, columns the hubs of `byHub`. */
  weekly: z.object({ weeks: z.array(LocalDate), table: PublishedTable }),
  /**
   * Scores over time, per London month (the first of each month from `from` to `to`): the mean
   * wellbeing score (mean over statements) of the conversations scored that month, withheld when
   * they are from 7 or fewer people; and the mean "how helpful" score of that month's feedback.
   */
  scores: z.object({ months: z.array(LocalDate), wellbeing: z.array(PublishedAverage), helpful: z.array(PublishedAverage) }),
  /** The measures under each ASCOF 2023 objective they map to; measures not listed map to none. */
  objectives: z.array(z.object({ objective: AscofObjective, measures: z.array(ReportMeasure) })),
  generatedAt: Timestamp,
});
export type Report = z.infer<typeof Report>;
