import * as z from 'zod/mini';
import { LanguageSchema } from './language.ts';

/** Longest comment a resident may leave, in characters. */
export const FEEDBACK_COMMENT_MAX = 1000;

/** A 1–5 score: 1 is the worst, 5 the best. */
export const Score = z.int().check(z.gte(1), z.lte(5));
export type Score = z.infer<typeof Score>;

/** Optional free text: trimmed, at most `max` characters, blank treated as absent. */
const optionalText = (max: number) =>
  z.optional(
    z.pipe(
      z.string().check(z.trim(), z.maxLength(max)),
      z.transform((value: string) => (value ? value : undefined)),
    ),
  );

/** Short context labels: which hub or page the feedback is about (blank is absent). */
export const FeedbackContextLabel = optionalText(120);

export const FeedbackLanguage = LanguageSchema;

const Timestamp = z.iso.datetime({ offset: true });

/** What `<cls-feedback>` sends to `POST /api/v1/feedback`. */
export const FeedbackInput = z.object({
  /** How helpful was this, 1–5. */
  helpful: Score,
  /** How easy was it to find what you needed, 1–5. */
  ease: Score,
  /** Optional free text; blank is treated as absent. */
  comment: optionalText(FEEDBACK_COMMENT_MAX),
  hub: FeedbackContextLabel,
  source: FeedbackContextLabel,
  lang: z.optional(FeedbackLanguage),
});
export type FeedbackInput = z.input<typeof FeedbackInput>;

/** Response of `POST /api/v1/feedback`. */
export const FeedbackCreated = z.object({
  id: z.uuid(),
  createdAt: Timestamp,
});
export type FeedbackCreated = z.infer<typeof FeedbackCreated>;

/** A stored feedback record, as staff see it. Absent values are omitted, never `null`. */
export const FeedbackRecord = z.object({
  id: z.uuid(),
  createdAt: Timestamp,
  helpful: Score,
  ease: Score,
  comment: z.optional(z.string()),
  hub: z.optional(z.string()),
  source: z.optional(z.string()),
  lang: z.optional(FeedbackLanguage),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** Query of `GET /api/v1/staff/feedback`: newest first, paged. */
export const FeedbackListQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
  hub: z.optional(z.string().check(z.maxLength(120))),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

/** Response of `GET /api/v1/staff/feedback`. */
export const FeedbackList = z.object({
  total: z.int().check(z.gte(0)),
  items: z.array(FeedbackRecord),
});
export type FeedbackList = z.infer<typeof FeedbackList>;
