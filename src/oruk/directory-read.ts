import type { Service } from '../contract/directory.ts';
import { readFeed, type FeedResult, type ReadProgress } from './feed.ts';
import { isListShape, withFullRecords } from './full-records.ts';

/*
 * One read of a directory for everything on the page that shows it: two
 * wheels on a page, or a wheel removed and added again, ask the council's
 * server once. A read that did not finish is forgotten, so asking again reads
 * afresh (full records already read are kept: only what failed is asked
 * again). DOM-free.
 */

/** How far a read has got, and what can be shown already. */
export interface DirectoryUpdate {
  progress: ReadProgress;
  /**
   * What has been read so far, while the rest is read. Missing while the
   * services listed are not yet fit to show: a feed in the official list
   * shape (see {@link isListShape}) shows nothing until their full records are in.
   */
  soFar?: FeedResult;
}

/** How one reader takes part in a shared read. */
export interface DirectoryReadOptions {
  /** This reader no longer wants the result; the read itself stops when no reader wants it. */
  signal?: AbortSignal;
  /** Called with the latest update at once, if there is one, then after each page or full record. */
  onUpdate?: (update: DirectoryUpdate) => void;
}

/** How much of a directory is read: enough for a whole county, not without end. */
const LIMITS = { perPage: 200, maxPages: 100, maxItems: 10_000 };

interface SharedRead {
  readonly readers: Set<(update: DirectoryUpdate) => void>;
  readonly controller: AbortController;
  done: Promise<FeedResult>;
  latest: DirectoryUpdate | undefined;
  settled: boolean;
}

const reads = new Map<string, SharedRead>();
const fullRecords = new Map<string, Map<string, Service>>();

const cancelled = () => new DOMException('The read was cancelled', 'AbortError');

function startRead(url: string): SharedRead {
  const controller = new AbortController();
  const { signal } = controller;
  const records = fullRecords.get(url) ?? new Map<string, Service>();
  fullRecords.set(url, records);
  const readers = new Set<(update: DirectoryUpdate) => void>();
  const state: Pick<SharedRead, 'latest' | 'settled'> = { latest: undefined, settled: false };
  const tell = (update: DirectoryUpdate) => {
    state.latest = update;
    for (const reader of readers) reader(update);
  };
  const done = (async () => {
    const listed = await readFeed(url, { ...LIMITS, signal, onPage: (progress, soFar) => tell(isListShape(soFar.services) ? { progress } : { progress, soFar }) });
    return withFullRecords(url, listed, { signal, cache: records, onProgress: (progress) => tell({ progress }) });
  })();
  const read: SharedRead = Object.assign(state, { readers, controller, done });
  const settle = (complete: boolean) => {
    read.settled = true;
    read.latest = undefined;
    if (!complete && reads.get(url) === read) reads.delete(url);
  };
  // A read every reader left ends in an AbortError nobody waits for.
  done.then((result) => settle(result.complete), () => settle(false));
  reads.set(url, read);
  return read;
}

/**
 * The services of the ORUK feed at `url`, read once for every reader on the
 * page, each service's full record read when the feed lists services in the
 * official list shape. Rejects with an `AbortError` when `signal` aborts;
 * otherwise never rejects (problems are in the result, as for `readFeed`).
 */
export function readDirectory(url: string, options: DirectoryReadOptions = {}): Promise<FeedResult> {
  const { signal, onUpdate } = options;
  if (signal?.aborted) return Promise.reject(cancelled());
  const read = reads.get(url) ?? startRead(url);
  const reader = (update: DirectoryUpdate) => onUpdate?.(update);
  read.readers.add(reader);
  if (read.latest) reader(read.latest);
  return new Promise<FeedResult>((resolve, reject) => {
    const leave = () => {
      read.readers.delete(reader);
      if (!read.settled && !read.readers.size) {
        if (reads.get(url) === read) reads.delete(url);
        read.controller.abort();
      }
      reject(cancelled());
    };
    signal?.addEventListener('abort', leave, { once: true });
    read.done.then(
      (result) => {
        signal?.removeEventListener('abort', leave);
        read.readers.delete(reader);
        resolve(result);
      },
      () => undefined, // only when every reader left, and each was told by its own signal
    );
  });
}
