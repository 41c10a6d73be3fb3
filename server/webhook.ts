import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { BookingSummary } from './db/bookings.ts';
import type { SubmissionRecord } from './db/self-assessment.ts';

/**
 * Tells staff systems about bookings and sent self-assessments: a signed
 * JSON POST to WEBHOOK_URL.
 *
 * Delivery never holds up or fails the resident's request: `send` queues
 * the event and returns at once; failures (network errors, non-2xx) are
 * retried with exponential backoff, and given up on after the last
 * attempt. Logs name only the event type, the booking or submission
 * reference and the HTTP status: never the name, contact details, notes
 * or answers.
 *
 * Receivers check `X-CLS-Signature` with {@link verifySignature}: it is
 * `sha256=<hex HMAC-SHA256 of "<X-CLS-Timestamp>.<raw body>">`, keyed with
 * WEBHOOK_SECRET. Retries are signed afresh (new timestamp) but keep the
 * event `id`, so a receiver can ignore one it has already handled.
 */

export type WebhookEventType = 'booking.created' | 'booking.cancelled' | 'submission.created';

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

export class WebhookSender {
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: WebhookOptions) {
    this.attempts = Math.max(1, Math.floor(options.attempts ?? 5));
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 1000);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Queues delivery of one event and returns at once; never throws. */
  send(type: WebhookEventType, data: WebhookEvent['data']): void {
    const event: WebhookEvent = { id: randomUUID(), type, occurredAt: new Date().toISOString(), data };
    const delivery = this.deliver(event)
      .catch((error: unknown) => console.warn(`webhook: could not send ${type} ${data.reference} (${(error as Error).name})`))
      .finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  /** Resolves once every event sent so far has been delivered or given up on. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private async deliver(event: WebhookEvent): Promise<void> {
    const body = JSON.stringify(event);
    const label = `${event.type} ${event.data.reference}`;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      let outcome: string;
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
        if (response.ok) return;
        outcome = `HTTP ${response.status}`;
      } catch (error) {
        // The error's message can quote the URL; its name is enough.
        outcome = (error as Error).name === 'TimeoutError' ? 'timed out' : 'network error';
      }
      if (attempt === this.attempts) {
        console.warn(`webhook: gave up on ${label} after ${attempt} attempts (${outcome})`);
        return;
      }
      const delay = this.baseDelayMs * 2 ** (attempt - 1);
      console.warn(`webhook: ${label} attempt ${attempt} failed (${outcome}); retrying in ${delay} ms`);
      await pause(delay);
    }
  }
}
