import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, isAbort } from '../../client/errors.ts';
import { AttendanceRecorded, Visit, type AttendanceInput } from '../../contract/staff.ts';
import { newIdempotencyKey } from '../../core/idempotency.ts';
import { Outbox, type FlushReport, type OutboxItem, type SendResult } from '../../core/outbox.ts';
import type { ApiController } from '../base/api-controller.ts';
import { indexedDbOutbox } from './outbox-store.ts';
import type { WaitingMarks } from './views/today.ts';

const PATHS: Record<OutboxItem['kind'], string> = { visit: 'staff/visits', attendance: 'staff/attendance' };
/** While something waits to be sent, try again this often (the `online` event is not always fired). */
const RETRY_MS = 15_000;

export interface OutboxControllerOptions {
  api: ApiController;
  /** Whether there is a token to send with. */
  signedIn: () => boolean;
  /** After a flush: what was sent, refused and still waits. */
  flushed: (report: FlushReport) => void;
}

/**
 * The element's side of the outbox: what waits on the device (kept in
 * IndexedDB, read again after every change), whether the browser says it is
 * online, and sending when the connection returns, on a timer while anything
 * waits, and after each new record.
 */
export class OutboxController implements ReactiveController {
  /** Items waiting, oldest first. */
  waiting: readonly OutboxItem[] = [];
  online = globalThis.navigator?.onLine ?? true;
  /** Why the server refused a record, by its key, from the latest flushes. */
  readonly refusals = new Map<string, ApiError>();
  private readonly outbox = new Outbox(indexedDbOutbox());
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onOnline = () => {
    this.online = true;
    this.host.requestUpdate();
    void this.sync();
  };
  private readonly onOffline = () => {
    this.online = false;
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OutboxControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.timer = setInterval(() => {
      if (this.waiting.length) void this.sync();
    }, RETRY_MS);
    void this.load();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.timer);
  }

  has(key: string): boolean {
    return this.waiting.some((item) => item.key === key);
  }

  async load(): Promise<void> {
    try {
      this.waiting = await this.outbox.items();
    } catch {
      // No IndexedDB (a private window in an old browser): nothing can wait, and nothing does.
      this.waiting = [];
    }
    this.host.requestUpdate();
  }

  /** Keep a record on the device (before any attempt to send it); its key is its Idempotency-Key. */
  async add(kind: OutboxItem['kind'], body: unknown): Promise<string> {
    const key = newIdempotencyKey();
    await this.outbox.add({ key, kind, body, queuedAt: Date.now() });
    await this.load();
    return key;
  }

  /** Send everything waiting, oldest first; undefined when signed out or the store failed. */
  async sync(): Promise<FlushReport | undefined> {
    if (!this.options.signedIn()) return undefined;
    let report: FlushReport;
    try {
      report = await this.outbox.flush((item) => this.send(item));
    } catch {
      return undefined;
    }
    await this.load();
    this.options.flushed(report);
    return report;
  }

  private async send(item: OutboxItem): Promise<SendResult> {
    if (!this.options.signedIn()) return { kind: 'signed-out' };
    const { api } = this.options;
    try {
      const schema = item.kind === 'visit' ? Visit : AttendanceRecorded;
      await api.client.post(PATHS[item.kind], item.body, schema, { idempotencyKey: item.key, signal: api.signal() });
      return { kind: 'sent' };
    } catch (error) {
      if (isAbort(error)) return { kind: 'later' };
      const failure = ApiError.from(error);
      if (failure.status === 401) return { kind: 'signed-out' };
      if (failure.retryable) return { kind: 'later' };
      this.refusals.set(item.key, failure);
      return { kind: 'refused', reason: failure.message };
    }
  }

  /** Attendance marks still waiting, to show over what the server last said. */
  get marks(): WaitingMarks {
    const bookings = new Map<string, 'attended' | 'missed'>();
    const walkIns = new Map<string, number>();
    for (const item of this.waiting) {
      if (item.kind !== 'attendance') continue;
      const mark = item.body as AttendanceInput;
      if (mark.kind === 'booking') bookings.set(mark.reference, mark.status);
      else walkIns.set(mark.sessionId, (walkIns.get(mark.sessionId) ?? 0) + 1);
    }
    return { bookings, walkIns };
  }
}
