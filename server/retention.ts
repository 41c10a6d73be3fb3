import type { Database } from './db/database.ts';
import { Recurring } from './recurring.ts';

/*
 * Keeping personal data no longer than needed (UK GDPR, storage limitation).
 * Past its period a record's personal details are removed, and the rest kept
 * for the impact report's counts: a booking keeps its session, hub and
 * attendance but loses the name, contact and notes; a sent self-assessment
 * keeps its triage (next step, urgency, areas) but loses its answers and
 * contact. Waiting-list places go a day after their session. Drafts past their lifetime and working rows (replay records,
 * outboxes once sent, rate-limit windows) are deleted.
 */

/** How long each kind of record keeps its personal details, in days. */
export interface RetentionPolicy {
  /** After the session's start (`BOOKING_RETENTION_DAYS`). */
  bookingDays: number;
  /** After it was sent (`SUBMISSION_RETENTION_DAYS`). */
  submissionDays: number;
  /** A conversation record is deleted this long after it happened (`VISIT_RETENTION_DAYS`); undefined keeps them. */
  visitDays?: number | undefined;
}

export const DEFAULT_RETENTION: RetentionPolicy = { bookingDays: 180, submissionDays: 365 };

/** Replays of a request are answered from its record this long; then it is deleted. */
const REPLAY_DAYS = 7;
/** Sent (or given up) messages and events are kept this long for support questions, without their contents. */
const OUTBOX_DAYS = 30;

/** What one run removed or cleared, by kind. */
export type RetentionRun = Record<'drafts' | 'bookings' | 'waiting' | 'submissions' | 'visits' | 'replays' | 'notify' | 'webhooks' | 'rateLimits', number>;

const days = (n: number) => `${n} days`;

export class Retention {
  private readonly job = new Recurring('retention', () => this.apply());

  constructor(
    private readonly db: Database,
    private readonly policy: RetentionPolicy = DEFAULT_RETENTION,
  ) {}

  /** Runs once now and then every `intervalMs` (default hourly) until {@link stop}. */
  start(intervalMs = 3_600_000): void {
    this.job.start(intervalMs);
  }

  stop(): void {
    this.job.stop();
  }

  /** Applies the policy once (joining a run under way); what it removed. Safe to run on several instances at once. */
  runOnce(): Promise<RetentionRun> {
    return this.job.run();
  }

  private async apply(): Promise<RetentionRun> {
    const n = async (sql: string, params: unknown[] = []) => (await this.db.query(`WITH changed AS (${sql} RETURNING 1) SELECT 1 FROM changed`, params)).length;
    const { bookingDays, submissionDays, visitDays } = this.policy;
    return {
      drafts: await n('DELETE FROM drafts WHERE expires_at <= now()'),
      bookings: await n(
        `UPDATE bookings b SET name = '', contact_value = '', notes = NULL
         FROM session_slots s
         WHERE s.session_id = b.session_id AND s.starts_at < now() - $1::interval AND (b.name <> '' OR b.contact_value <> '' OR b.notes IS NOT NULL)`,
        [days(bookingDays)],
      ),
      // A waiting-list place is of no use once its session is over (one taken is kept as its booking).
      waiting: await n(`DELETE FROM waiting_list w USING session_slots s WHERE s.session_id = w.session_id AND s.starts_at < now() - interval '1 day'`),
      submissions: await n(`UPDATE submissions SET answers = '{}'::jsonb, contact = NULL WHERE created_at < now() - $1::interval AND (answers <> '{}'::jsonb OR contact IS NOT NULL)`, [
        days(submissionDays),
      ]),
      visits: visitDays === undefined ? 0 : await n('DELETE FROM visits WHERE occurred_at < now() - $1::interval', [days(visitDays)]),
      replays: await n('DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval', [days(REPLAY_DAYS)]),
      notify: await n(
        `DELETE FROM notify_outbox WHERE (sent_at IS NOT NULL AND sent_at < now() - $1::interval)
           OR (sent_at IS NULL AND created_at < now() - $1::interval)`,
        [days(OUTBOX_DAYS)],
      ),
      webhooks: await n(
        `DELETE FROM webhook_outbox WHERE (delivered_at IS NOT NULL OR given_up_at IS NOT NULL) AND created_at < now() - $1::interval`,
        [days(OUTBOX_DAYS)],
      ),
      rateLimits: await n('DELETE FROM rate_limit_windows WHERE window_start < $1::bigint', [Date.now() - 3_600_000]),
    };
  }
}
