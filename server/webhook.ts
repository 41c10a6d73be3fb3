import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from './db/database.ts';
import { Recurring } from './recurring.ts';
import type { BookingSummary } from './db/bookings.ts';
import type { SubmissionRecord } from './db/self-assessment.ts';

/**
 * Tells staff systems about bookings and sent self-assessments: a signed
 * JSON POST to WEBHOOK_URL.
 *
 * An event is written to the `webhook_outbox` table in the transaction of
 * the record it tells of (see the migration), and delivered from there by
 * whichever instance claims it: it survives a restart, is never sent for a
 * rolled-back record, and is retried with exponential backoff until the
 * last attempt. Delivery never holds up or fails the resident's request.
 * Logs name only the event type, the reference and the HTTP status: never
 * the name, contact details, notes or answers.
 *
 * Receivers check `X-CLS-Signature` with {@link verifySignature}: it is
 * `sha256=<hex HMAC-SHA256 of "<X-CLS-Timestamp>.<raw body>">`, keyed with
 * WEBHOOK_SECRET. Retries are signed afresh (new timestamp) but keep the
 * event `id`, in the signed body, so a receiver can ignore one it has
 * already handled.
 */

export type WebhookEventType = 'booking.created' | 'booking.cancelled' | 'booking.moved' | 'submission.created';

/** `submission.created` carries the submission without its `createdAt` (the event has `occurredAt`). */
export type SubmissionSummary = Omit<SubmissionRecord, 'createdAt'>;

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  data: BookingSummary | SubmissionSummary;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Tries per event, the first included. Default 5. */
  attempts?: number;
  /** Wait before the first retry; each later one waits twice as long. Default 1000 ms. */
  baseDelayMs?: number;
  /** Longest wait for one answer. Default 10 000 ms. */
  timeoutMs?: number;
}

/** `sha256=<hex>` for `timestamp` and the raw `body`. */
export function signature(secret: string, timestamp: string | number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface VerifyOptions {
  /** Refuse timestamps further than this from `now` (replay protection). Default 300 s; 0 turns the check off. */
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * True when `header` (`X-CLS-Signature`) is the signature of `timestamp`
 * (`X-CLS-Timestamp`) and the raw `body` under `secret`, compared in
 * constant time, and the timestamp is recent.
 */
export function verifySignature(
  secret: string,
  timestamp: string | number,
  body: string,
  header: string | null | undefined,
  options: VerifyOptions = {},
): boolean {
  if (!header || !/^\d{1,12}$/.test(String(timestamp))) return false;
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (tolerance > 0 && Math.abs(nowSeconds - Number(timestamp)) > tolerance) return false;
  const expected = Buffer.from(signature(secret, timestamp, body), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long a claimed event is left to its sender before another instance may try it (a crash mid-send). */
const CLAIM_MS = 60_000;

interface OutboxRow {
  id: string | number;
  type: WebhookEventType;
  reference: string;
  payload: WebhookEvent | string;
  attempts: number;
  [key: string]: unknown;
}

export class WebhookSender {
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly job = new Recurring('webhook: outbox', () => this.deliverDue());

  constructor(
    private readonly db: Database,
    private readonly options: WebhookOptions,
  ) {
    this.attempts = Math.max(1, Math.floor(options.attempts ?? 5));
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 1000);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Writes one event to the outbox inside the caller's transaction; call {@link nudge} once it has committed. */
  async enqueue(tx: Queryable, type: WebhookEventType, data: WebhookEvent['data']): Promise<void> {
    const event: WebhookEvent = { id: randomUUID(), type, occurredAt: new Date().toISOString(), data };
    await tx.query('INSERT INTO webhook_outbox (event_id, type, reference, payload) VALUES ($1, $2, $3, $4::jsonb)', [
      event.id,
      type,
      data.reference,
      JSON.stringify(event),
    ]);
  }

  /** Delivers what is due now rather than at the next scheduled run; never throws. */
  nudge(): void {
    this.job.nudge();
  }

  /** Delivers due events every `intervalMs` (and once now) until {@link stop}. */
  start(intervalMs = 15_000): void {
    this.job.start(intervalMs);
  }

  stop(): void {
    this.job.stop();
  }

  /** Delivers the due events (one batch); the number delivered. Concurrent calls share one run. */
  runOnce(): Promise<number> {
    return this.job.run();
  }

  /** Resolves once every event written so far has been delivered or given up on (tests wait on it). */
  async idle(): Promise<void> {
    for (;;) {
      await this.job.settled();
      const [left] = await this.db.query<{ n: string | number; wait_ms: string | number | null }>(
        `SELECT count(*) AS n, GREATEST(0, EXTRACT(EPOCH FROM (min(send_after) - now())) * 1000) AS wait_ms
         FROM webhook_outbox WHERE delivered_at IS NULL AND given_up_at IS NULL`,
      );
      if (!left || Number(left.n) === 0) return;
      if ((await this.runOnce()) === 0) await pause(Math.min(250, Math.max(5, Number(left.wait_ms ?? 0))));
    }
  }

  private async deliverDue(): Promise<number> {
    const rows = await this.db.query<OutboxRow>(
      `UPDATE webhook_outbox SET claimed_until = now() + ($1 || ' milliseconds')::interval
       WHERE id IN (
         SELECT id FROM webhook_outbox
         WHERE delivered_at IS NULL AND given_up_at IS NULL AND send_after <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY send_after, id LIMIT 20 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, type, reference, payload, attempts`,
      [String(CLAIM_MS)],
    );
    let delivered = 0;
    for (const row of rows) {
      const event = typeof row.payload === 'string' ? (JSON.parse(row.payload) as WebhookEvent) : row.payload;
      const label = `${row.type} ${row.reference}`;
      const outcome = await this.post(event);
      const attempt = row.attempts + 1;
      if (outcome === 'ok') {
        await this.db.query('UPDATE webhook_outbox SET delivered_at = now(), payload = NULL, claimed_until = NULL, attempts = $2 WHERE id = $1', [row.id, attempt]);
        delivered++;
      } else if (attempt >= this.attempts) {
        console.warn(`webhook: gave up on ${label} after ${attempt} attempts (${outcome})`);
        await this.db.query('UPDATE webhook_outbox SET given_up_at = now(), payload = NULL, claimed_until = NULL, attempts = $2, last_error = $3 WHERE id = $1', [
          row.id,
          attempt,
          outcome,
        ]);
      } else {
        const delay = this.baseDelayMs * 2 ** (attempt - 1);
        console.warn(`webhook: ${label} attempt ${attempt} failed (${outcome}); retrying in ${delay} ms`);
        await this.db.query(
          `UPDATE webhook_outbox SET attempts = $2, claimed_until = NULL, last_error = $3, send_after = now() + ($4 || ' milliseconds')::interval WHERE id = $1`,
          [row.id, attempt, outcome, String(delay)],
        );
      }
    }
    return delivered;
  }

  /** One attempt: 'ok', or what went wrong in words that quote nothing personal. */
  private async post(event: WebhookEvent): Promise<string> {
    const body = JSON.stringify(event);
    try {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-CLS-Event': event.type,
          'X-CLS-Timestamp': timestamp,
          'X-CLS-Signature': signature(this.options.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // The answer is not read, only released.
      await response.body?.cancel().catch(() => undefined);
      return response.ok ? 'ok' : `HTTP ${response.status}`;
    } catch (error) {
      // The error's message can quote the URL; its name is enough.
      return (error as Error).name === 'TimeoutError' ? 'timed out' : 'network error';
    }
  }
}
