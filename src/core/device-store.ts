/**
 * What an element keeps on the resident's device (answers, a plan, notes):
 * one record per key, checked against a schema when read back, stamped with
 * when it was saved and dropped once it is older than its time to live. A
 * record that fails its schema (an older version, a hand edit) is set aside,
 * never trusted.
 *
 * Every key starts with {@link DEVICE_KEY_PREFIX}, so {@link wipeDevice}
 * clears everything any element kept: the one wipe used when a kiosk resets
 * or a person asks to delete their answers.
 *
 * DOM-free: the storage is passed in (a `Storage`, or anything that looks
 * like one), so this is unit-tested in Node.
 */
import type { Output, Schema } from '../contract/schema.ts';

export const DEVICE_KEY_PREFIX = 'cls-';

/** The part of the Web Storage API the store uses. */
export interface DeviceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** How a record is written: the data with the time it was saved (ms since the epoch). */
interface Envelope {
  savedAt: number;
  data: unknown;
}

export interface DeviceStoreOptions<S extends Schema> {
  /** Storage key; must start with `cls-`. */
  key: string;
  /** What the data must look like to be trusted when read back. */
  schema: S;
  /** Milliseconds a record is kept after it was last saved. */
  maxAgeMs: number;
  /** Where to keep it; undefined (no storage, or storage refused) keeps nothing. */
  storage: () => DeviceStorage | undefined;
  /** Reads a record written before envelopes existed, so an upgrade loses nothing. */
  legacy?: (raw: unknown) => Output<S> | undefined;
  now?: () => number;
}

/** A record read back: its data and when it was saved. */
export interface DeviceRecord<T> {
  data: T;
  savedAt: number;
}

export class DeviceStore<S extends Schema> {
  readonly key: string;
  private readonly options: DeviceStoreOptions<S>;

  constructor(options: DeviceStoreOptions<S>) {
    if (!options.key.startsWith(DEVICE_KEY_PREFIX)) throw new Error(`Device keys start with "${DEVICE_KEY_PREFIX}": ${options.key}`);
    this.key = options.key;
    this.options = options;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The record, or undefined when there is none, it has expired, or it does not match the schema (then it is removed). */
  read(): DeviceRecord<Output<S>> | undefined {
    const storage = this.storage();
    if (!storage) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(storage.getItem(this.key) ?? 'null');
    } catch {
      raw = undefined;
    }
    if (raw === null) return undefined;
    const record = this.decode(raw);
    if (!record || this.now() - record.savedAt > this.options.maxAgeMs || record.savedAt > this.now() + 60_000) {
      this.remove();
      return undefined;
    }
    return record;
  }

  private decode(raw: unknown): DeviceRecord<Output<S>> | undefined {
    if (isEnvelope(raw)) {
      const parsed = this.options.schema.safeParse(raw.data);
      return parsed.success ? { data: parsed.data as Output<S>, savedAt: raw.savedAt } : undefined;
    }
    const legacy = this.options.legacy?.(raw);
    // A legacy record carries no time: count it as saved now, so it gets a full time to live from here.
    return legacy === undefined ? undefined : { data: legacy, savedAt: this.now() };
  }

  /** Saves `data` (stamped now). Returns false when the device would not keep it (private mode, quota). */
  write(data: Output<S>): boolean {
    const storage = this.storage();
    if (!storage) return false;
    try {
      storage.setItem(this.key, JSON.stringify({ savedAt: this.now(), data } satisfies Envelope));
      return true;
    } catch {
      return false;
    }
  }

  remove(): void {
    try {
      this.storage()?.removeItem(this.key);
    } catch {
      // Storage that refuses access holds nothing of ours either.
    }
  }

  private storage(): DeviceStorage | undefined {
    try {
      return this.options.storage();
    } catch {
      return undefined;
    }
  }
}

function isEnvelope(raw: unknown): raw is Envelope {
  return typeof raw === 'object' && raw !== null && typeof (raw as Envelope).savedAt === 'number' && 'data' in raw;
}

/** Removes every key any element kept (all start with `cls-`) from each storage given. Returns how many went. */
export function wipeDevice(storages: readonly (DeviceStorage | undefined)[]): number {
  let removed = 0;
  for (const storage of storages) {
    if (!storage) continue;
    try {
      const keys: string[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (key?.startsWith(DEVICE_KEY_PREFIX)) keys.push(key);
      }
      for (const key of keys) storage.removeItem(key);
      removed += keys.length;
    } catch {
      // Nothing to wipe where storage is refused.
    }
  }
  return removed;
}

/** The page's local storage, or undefined where the browser refuses it. */
export function localDeviceStorage(): DeviceStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The tab's session storage, or undefined where the browser refuses it. */
export function sessionDeviceStorage(): DeviceStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
