import { NotifyClient } from 'notifications-node-client';
import type { Database, Queryable } from '../db/database.ts';
import { Recurring } from '../recurring.ts';

/*
 * Booking messages through GOV.UK Notify: a confirmation with the reference
 * and manage link, a reminder the day before, a cancellation notice and the
 * offer of a place freed for someone waiting, by email or text as the
 * resident chose. Written to the `notify_outbox` table
 * in the booking's own transaction and sent from there (see the migration).
 */

/** `waiting-offer`: a place came free at a full session and is held for the first person on its waiting list. */
export type MessageKind = 'confirmation' | 'reminder' | 'cancellation' | 'waiting-offer';
export type Channel = 'email' | 'sms';

/** One Notify template id per message and channel (`NOTIFY_TEMPLATE_…`). A message without one is not sent. */
export type NotifyTemplates = Partial<Record<`${MessageKind}-${Channel}`, string>>;

export interface NotifyOptions {
  apiKey: string;
  /** Another Notify-compatible host (`NOTIFY_BASE_URL`); GOV.UK Notify when omitted. */
  baseUrl?: string | undefined;
  templates: NotifyTemplates;
  /**
   * The manage link put in messages: a URL template with `{reference}` and
   * `{key}` (`BOOKING_MANAGE_URL`), e.g. `https://council.example/hubs?cls-booking={reference}&key={key}`.
   */
  manageUrl?: string | undefined;
  /** Attempts before a message is given up (default 8). */
  attempts?: number;
  /** First retry delay; doubled each time, at most an hour (default 30 s). */
  baseDelayMs?: number;
}

/** What a message says, as Notify template personalisation (all strings). */
export type Personalisation = Record<string, string>;

export interface OutboxMessage {
  /** Makes the message one row however often it is asked for, e.g. `confirmation:REF:<session id>`. */
  dedupe: string;
  reference: string;
  kind: MessageKind;
  channel: Channel;
  recipient: string;
  personalisation: Personalisation;
  /** Not before this (the reminder: a day before the session). */
  sendAfter?: Date;
}

/** How a resident who chose `method` is written to: a text for a phone number, else an email. */
export const channelFor = (method: 'phone' | 'email'): Channel => (method === 'phone' ? 'sms' : 'email');

/** The channel a resident's `kind` message goes by, or undefined when it is not sent (Notify off, or no template for it). */
export function sentBy(options: NotifyOptions | undefined, kind: MessageKind, method: 'phone' | 'email'): Channel | undefined {
  const channel = channelFor(method);
  return templateFor(options, kind, channel) ? channel : undefined;
}

/** The template for a message, or undefined when Notify is off or that template is not set. */
export function templateFor(options: NotifyOptions | undefined, kind: MessageKind, channel: Channel): string | undefined {
  return options?.templates[`${kind}-${channel}`];
}

/** The manage link for messages, from `manageUrl`; undefined when it is not configured. */
export function manageUrlFor(options: NotifyOptions | undefined, reference: string, key: string): string | undefined {
  return options?.manageUrl?.replace(/\{reference\}/g, encodeURIComponent(reference)).replace(/\{key\}/g, encodeURIComponent(key));
}

/** Adds a message to the outbox inside the caller's transaction (a no-op when its template is not configured). */
export async function enqueue(tx: Queryable, options: NotifyOptions | undefined, message: OutboxMessage): Promise<boolean> {
  const template = templateFor(options, message.kind, message.channel);
  if (!template) return false;
  await tx.query(
    `INSERT INTO notify_outbox (dedupe, reference, kind, channel, template_id, recipient, personalisation, send_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
     ON CONFLICT (dedupe) DO NOTHING`,
    [
      message.dedupe,
      message.reference,
      message.kind,
      message.channel,
      template,
      message.recipient,
      JSON.stringify(message.personalisation),
      (message.sendAfter ?? new Date()).toISOString(),
    ],
  );
  return true;
}

/** Drops a booking's unsent reminders (it was cancelled or moved). */
export async function dropReminders(tx: Queryable, reference: string): Promise<void> {
  await tx.query(`DELETE FROM notify_outbox WHERE reference = $1 AND kind = 'reminder' AND sent_at IS NULL`, [reference]);
}

interface OutboxRow {
  id: string | number;
  channel: Channel;
  template_id: string;
  recipient: string;
  personalisation: Personalisation | string;
  attempts: number;
  [key: string]: unknown;
}

/** How long a claimed message is left to its sender before another may try it (a crash mid-send). */
const CLAIM_MS = 5 * 60_000;

/**
 * Sends what is due in the outbox. `runOnce()` sends one batch (tests call
 * it); `start()` runs it every `intervalMs` until `stop()`.
 */
export class NotifyOutbox {
  private readonly client: NotifyClient;
  private readonly job = new Recurring('notify: outbox', () => this.sendDue());

  constructor(
    private readonly db: Database,
    private readonly options: NotifyOptions,
  ) {
    this.client = options.baseUrl ? new NotifyClient(options.baseUrl.replace(/\/$/, ''), options.apiKey) : new NotifyClient(options.apiKey);
  }

  start(intervalMs = 15_000): void {
    this.job.start(intervalMs);
  }

  stop(): void {
    this.job.stop();
  }

  /** Sends the due messages (one batch); the number sent. Concurrent calls share one run. */
  runOnce(): Promise<number> {
    return this.job.run();
  }

  private async sendDue(): Promise<number> {
    const rows = await this.db.query<OutboxRow>(
      `UPDATE notify_outbox SET claimed_until = now() + ($1 || ' milliseconds')::interval
       WHERE id IN (
         SELECT id FROM notify_outbox
         WHERE sent_at IS NULL AND send_after <= now() AND attempts < $2 AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY send_after, id LIMIT 20 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, channel, template_id, recipient, personalisation, attempts`,
      [String(CLAIM_MS), this.options.attempts ?? 8],
    );
    let sent = 0;
    for (const row of rows) {
      const personalisation = typeof row.personalisation === 'string' ? (JSON.parse(row.personalisation) as Personalisation) : row.personalisation;
      const options = { personalisation, reference: `outbox-${row.id}` };
      try {
        const response =
          row.channel === 'email'
            ? await this.client.sendEmail(row.template_id, row.recipient, options)
            : await this.client.sendSms(row.template_id, row.recipient, options);
        const notifyId = (response.data as { id?: string } | undefined)?.id ?? null;
        await this.db.query('UPDATE notify_outbox SET sent_at = now(), notify_id = $2, claimed_until = NULL, attempts = attempts + 1 WHERE id = $1', [row.id, notifyId]);
        sent++;
      } catch (error) {
        const delay = Math.min(3_600_000, (this.options.baseDelayMs ?? 30_000) * 2 ** row.attempts);
        const status = (error as { response?: { status?: number } }).response?.status;
        // Never the recipient or the message in the log: the row id and what went wrong.
        console.warn(`notify: message ${row.id} not sent (${status ?? 'no answer'}); retrying in ${Math.round(delay / 1000)} s`);
        await this.db.query(
          `UPDATE notify_outbox SET attempts = attempts + 1, claimed_until = NULL, last_error = $2,
             send_after = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
          [row.id, status ? `HTTP ${status}` : 'no answer', String(delay)],
        );
      }
    }
    return sent;
  }
}
