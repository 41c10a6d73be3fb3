/**
 * What a hub worker recorded that has not reached the server yet: visits and
 * attendance marks, kept on the device (IndexedDB in the browser) until they
 * are sent. Each item carries the Idempotency-Key it is always sent under, so
 * however often a flaky connection makes us try, the server stores it once.
 *
 * DOM-free: the store and the sending are passed in, so the rules (oldest
 * first; stop at the first failure that may pass; drop what the server
 * refuses for good, and say so; one flush at a time) are tested in Node.
 */

/** Where an item goes. */
export type OutboxKind = 'visit' | 'attendance';

export interface OutboxItem {
  /** The Idempotency-Key, also the item's key in the store. */
  key: string;
  kind: OutboxKind;
  /** The request body, already checked against the contract. */
  body: unknown;
  /** When it was recorded (ms since the epoch); items are sent oldest first. */
  queuedAt: number;
}

/** The part of a key-value store the outbox uses (idb-keyval in the browser, a Map in tests). */
export interface OutboxStore {
  values(): Promise<OutboxItem[]>;
  set(key: string, item: OutboxItem): Promise<void>;
  del(key: string): Promise<void>;
}

/** How sending one item ended. */
export type SendResult =
  /** Stored (now, or by an earlier attempt with the same key). */
  | { kind: 'sent' }
  /** Not now (offline, timeout, server trouble): keep it and try later. */
  | { kind: 'later' }
  /** The token is no longer good: keep everything, and stop until signed in again. */
  | { kind: 'signed-out' }
  /** Refused for good (the hub no longer exists, …): drop it and tell the worker. */
  | { kind: 'refused'; reason: string };

export interface FlushReport {
  sent: number;
  refused: { item: OutboxItem; reason: string }[];
  /** Why the flush stopped before the end, if it did. */
  stopped: 'later' | 'signed-out' | undefined;
  /** Items still waiting. */
  waiting: number;
}

export class Outbox {
  private running: Promise<FlushReport> | undefined;
  /** Something was added since the running flush read the store. */
  private added = false;

  constructor(private readonly store: OutboxStore) {}

  /** Items waiting, oldest first. */
  async items(): Promise<OutboxItem[]> {
    const items = await this.store.values();
    return items.sort((a, b) => a.queuedAt - b.queuedAt || a.key.localeCompare(b.key));
  }

  /** Keep an item on the device before any attempt to send it, so closing the tab loses nothing. */
  async add(item: OutboxItem): Promise<void> {
    await this.store.set(item.key, item);
    this.added = true;
  }

  /**
   * Send every waiting item, oldest first, each under its own key. A flush
   * already under way is joined rather than started twice, so one item is
   * never in flight twice from this page; what is added while it runs is
   * sent by the same flush before it ends.
   */
  flush(send: (item: OutboxItem) => Promise<SendResult>): Promise<FlushReport> {
    this.running ??= this.run(send).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(send: (item: OutboxItem) => Promise<SendResult>): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, refused: [], stopped: undefined, waiting: 0 };
    do {
      this.added = false;
      for (const item of await this.items()) {
        const result = await send(item);
        if (result.kind === 'sent') {
          await this.store.del(item.key);
          report.sent++;
        } else if (result.kind === 'refused') {
          await this.store.del(item.key);
          report.refused.push({ item, reason: result.reason });
        } else {
          report.stopped = result.kind;
          break;
        }
      }
    } while (this.added && !report.stopped);
    report.waiting = (await this.store.values()).length;
    return report;
  }
}
