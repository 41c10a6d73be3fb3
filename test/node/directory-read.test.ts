import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { readDirectory, type DirectoryUpdate } from '../../src/oruk/directory-read.ts';
import { HttpStub, sendJson } from '../support/http-stub.ts';

/*
 * Wheels on one page share one read of their directory: these are the rules a
 * council's server sees (how many requests) and a reader sees (what it is told).
 */

const FIXTURES = new URL('../fixtures/oruk/', import.meta.url);
const EXAMPLES = new URL('../fixtures/oruk-schemas/examples-V3.0-UK/', import.meta.url);
const json = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const API_DETAILS = json(new URL('api_details.json', EXAMPLES));
const PAGE_1 = json(new URL('v3-services-page1.json', FIXTURES));
const PAGE_2 = json(new URL('v3-services-page2.json', FIXTURES));

/** A feed whose second page waits until `release()`; with `failing`, it then answers 503 instead. */
class HeldFeed {
  private waiting: ServerResponse[] = [];
  private released = false;
  /** Second-page requests the reader gave up on before they were answered. */
  abandoned = 0;
  constructor(private readonly failing = false) {}

  answer(page: number, res: ServerResponse): void {
    if (page === 1) return sendJson(res, 200, PAGE_1);
    if (this.released) return this.send(res);
    this.waiting.push(res);
    res.on('close', () => {
      if (!res.writableEnded) this.abandoned += 1;
    });
  }

  release(): void {
    this.released = true;
    for (const res of this.waiting.splice(0)) this.send(res);
  }

  private send(res: ServerResponse): void {
    if (this.failing) sendJson(res, 503, { error: 'unavailable' });
    else sendJson(res, 200, PAGE_2);
  }
}

describe('readDirectory: one read for every reader on the page', () => {
  const stub = new HttpStub();
  const feeds = new Map<string, HeldFeed>();
  let count = 0;

  /** A new feed at a path of its own (reads are shared per URL for the life of the page). */
  function newFeed(failing = false): { url: string; feed: HeldFeed; requests: (page: number) => number } {
    const name = `feed-${++count}`;
    const feed = new HeldFeed(failing);
    feeds.set(name, feed);
    const requests = (page: number) =>
      stub.received.filter((r) => {
        const url = new URL(r.url, 'http://stub');
        return url.pathname === `/${name}/services` && url.searchParams.get('page') === String(page);
      }).length;
    return { url: `${stub.origin}/${name}`, feed, requests };
  }

  before(async () => {
    await stub.start();
    stub.handler = (req, res) => {
      const url = new URL(req.url, 'http://stub');
      const [, name = '', rest = ''] = /^\/([^/]+)\/?(.*)$/.exec(url.pathname) ?? [];
      const feed = feeds.get(name);
      if (!feed) return sendJson(res, 404, {});
      if (rest === '') return sendJson(res, 200, API_DETAILS);
      if (rest === 'services') return feed.answer(Number(url.searchParams.get('page')), res);
      sendJson(res, 404, {});
    };
  });
  after(() => stub.stop());

  /** Resolves with the first update that has something to show. */
  const firstShown = (updates: DirectoryUpdate[]) =>
    new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (updates.some((update) => update.soFar)) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });

  it('shows the first page before the second is answered, then the whole directory', async () => {
    const { url, feed } = newFeed();
    const updates: DirectoryUpdate[] = [];
    const reading = readDirectory(url, { onUpdate: (update) => updates.push(update) });
    await firstShown(updates);
    const first = updates.find((update) => update.soFar);
    assert.equal(first?.soFar?.services.length, 3);
    assert.equal(first?.soFar?.complete, false);
    assert.deepEqual(first?.progress, { done: 3, total: 5 });
    feed.release();
    const result = await reading;
    assert.equal(result.complete, true);
    assert.equal(result.services.length, 5);
  });

  it('asks the server once for two readers, and tells the later one what is shown already', async () => {
    const { url, feed, requests } = newFeed();
    const first: DirectoryUpdate[] = [];
    const second: DirectoryUpdate[] = [];
    const one = readDirectory(url, { onUpdate: (update) => first.push(update) });
    await firstShown(first);
    const two = readDirectory(url, { onUpdate: (update) => second.push(update) });
    // Told at once, without waiting for another page.
    assert.equal(second[0]?.soFar?.services.length, 3);
    feed.release();
    const [a, b] = await Promise.all([one, two]);
    assert.deepEqual(
      b.services.map((s) => s.id),
      a.services.map((s) => s.id),
    );
    assert.equal(a.services.length, 5);
    assert.deepEqual([requests(1), requests(2)], [1, 1]);
    // Read in full: a third reader later on is answered without asking again.
    const three = await readDirectory(url);
    assert.equal(three.services.length, 5);
    assert.deepEqual([requests(1), requests(2)], [1, 1]);
  });

  it('goes on reading for the reader that stays when the other leaves', async () => {
    const { url, feed, requests } = newFeed();
    const updates: DirectoryUpdate[] = [];
    const leaving = new AbortController();
    const staying = readDirectory(url, { onUpdate: (update) => updates.push(update) });
    const left = readDirectory(url, { signal: leaving.signal });
    await firstShown(updates);
    leaving.abort();
    await assert.rejects(left, { name: 'AbortError' });
    feed.release();
    const result = await staying;
    assert.equal(result.services.length, 5);
    assert.equal(feed.abandoned, 0);
    assert.deepEqual([requests(1), requests(2)], [1, 1]);
  });

  it('stops asking the server when every reader has left, and reads afresh when asked again', async () => {
    const { url, feed, requests } = newFeed();
    const updates: DirectoryUpdate[] = [];
    const leaving = new AbortController();
    const left = readDirectory(url, { signal: leaving.signal, onUpdate: (update) => updates.push(update) });
    await firstShown(updates);
    leaving.abort();
    await assert.rejects(left, { name: 'AbortError' });
    // The held second page was given up on: the connection closed unanswered.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (feed.abandoned === 1) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    const again = readDirectory(url);
    feed.release();
    const result = await again;
    assert.equal(result.services.length, 5);
    assert.equal(requests(1), 2);
  });

  it('forgets a read that did not finish, so asking again tries again', async () => {
    const { url, feed, requests } = newFeed(true);
    feed.release();
    const first = await readDirectory(url);
    assert.equal(first.complete, false);
    assert.equal(first.services.length, 3);
    const pagesAsked = requests(1);
    const second = await readDirectory(url);
    assert.equal(second.complete, false);
    assert.equal(requests(1), pagesAsked + 1);
  });

  it('refuses at once a reader whose signal has already aborted, asking nothing', async () => {
    const { url, requests } = newFeed();
    await assert.rejects(readDirectory(url, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(requests(1), 0);
  });
});
