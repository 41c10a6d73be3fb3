/*
 * How long the resource wheel takes to show a whole 300-service directory
 * when every request to the feed takes 100 ms (a council API across the
 * country), in Chromium, beside its floor measured in the same run: the same
 * page making one request of the same latency. Two feeds:
 *   - official: the ORUK v3.0 official list shape (list items bare, so the
 *     wheel reads each full record, 6 at a time);
 *   - full list: the same directory from a v3.0 feed whose list items carry
 *     everything (what this project's /oruk/ and its mirror publish).
 * Medians of 3, each in a fresh browser context (nothing cached).
 * Run with `tsx bench/wheel-feed.ts` after `npm run build`.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';
import { seedAsOfficialFeed } from '../test/support/council-feeds.ts';
import { startServer } from '../test/support/server-process.ts';

const LATENCY_MS = 100;
const RUNS = 3;

const server = await startServer({ SEED: 'true' });
const official = seedAsOfficialFeed({ latencyMs: LATENCY_MS, maxPerPage: 50 });
const total = official.services.length;
let fullListRequests = 0;
const floorBody = JSON.stringify({ contents: official.services.slice(0, 50) });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council directory</title>
<script type="module" src="${server.url}/cdn/community-led-widgets.js"></script></head><body><main><h1>Our directory</h1>${body}</main></body></html>`;

const council = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://council');
  if (url.pathname === '/official.html' || url.pathname === '/full.html') {
    const feed = url.pathname === '/official.html' ? '/official/' : '/full/';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(`<cls-resource-wheel directory="${feed}" view="list"></cls-resource-wheel>`));
    return;
  }
  if (url.pathname === '/floor.html') {
    // The floor: the same page and loader, and one request of the same latency for as many bytes as a page of the feed.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page('<p id="floor">…</p>').replace('</body>', '<script type="module">await (await fetch("/floor.json")).json(); document.getElementById("floor").textContent = "done";</script></body>'));
    return;
  }
  if (url.pathname === '/floor.json') {
    void delay(LATENCY_MS).then(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end(floorBody));
    return;
  }
  if (url.pathname.startsWith('/official')) {
    official.handle(req, res, url.pathname.slice('/official'.length) || '/');
    return;
  }
  if (url.pathname.startsWith('/full')) {
    // This project's own /oruk/, as far away as the council's feed.
    fullListRequests += 1;
    const path = `/oruk${url.pathname.slice('/full'.length)}${url.search}`;
    void delay(LATENCY_MS).then(() => {
      const upstream = httpRequest(`${server.url}${path}`, { headers: { 'accept-encoding': req.headers['accept-encoding'] ?? '' } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end();
    });
    return;
  }
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => council.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(council.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function time(path: string, done: (p: Page) => Promise<unknown>): Promise<number> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const start = performance.now();
  await tab.goto(`${origin}${path}`);
  await done(tab);
  const ms = performance.now() - start;
  await context.close();
  return ms;
}

const loaded = (count: number) => (tab: Page) =>
  tab.locator('cls-resource-wheel [role="status"]').getByText(`${count} community resources`).waitFor({ timeout: 120_000 });

const rows: Array<{ what: string; ms: number; requests: number }> = [];
for (let run = 0; run < RUNS; run += 1) {
  const floor = await time('/floor.html', (tab) => tab.locator('#floor').getByText('done').waitFor());
  const before = official.requests.length;
  const direct = await time('/official.html', loaded(total));
  const officialRequests = official.requests.length - before;
  const fullBefore = fullListRequests;
  const full = await time('/full.html', loaded(total - 1));
  rows.push({ what: 'floor', ms: floor, requests: 1 }, { what: 'official', ms: direct, requests: officialRequests }, { what: 'full', ms: full, requests: fullListRequests - fullBefore });
}

const of = (what: string) => rows.filter((row) => row.what === what);
const floorMs = median(of('floor').map((row) => row.ms));
console.log(`\nResource wheel, whole directory shown, ${LATENCY_MS} ms per feed request (Chromium, medians of ${RUNS}):`);
console.log(`  floor: page + loader + one ${LATENCY_MS} ms request ............ ${(floorMs / 1000).toFixed(2)} s`);
for (const [what, label] of [
  ['official', `official v3.0 list shape, ${total} services (full records 6 at a time)`],
  ['full', `v3.0 list with full records (/oruk/, the mirror), ${total - 1} services`],
] as const) {
  const ms = median(of(what).map((row) => row.ms));
  console.log(`  ${label}: ${(ms / 1000).toFixed(2)} s, ${median(of(what).map((row) => row.requests))} requests, ${(ms / floorMs).toFixed(1)}× floor`);
}

await browser.close();
await new Promise((resolve) => council.close(resolve));
await server.stop();
