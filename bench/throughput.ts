/**
 * Throughput of the compiled server under load, each figure beside a floor
 * measured in the same run: a static file of the same bytes served by the same
 * server. Run with `npx tsx bench/throughput.ts` after `npm run build`.
 *
 * The load client is our own (keep-alive sockets on loopback, one request in
 * flight per connection): it counts requests per second, the 99th percentile
 * latency, errors (anything but 200) and timeouts (no answer in 10 s).
 * Each figure runs for a few seconds only: the machine is small and shared.
 * Last, the CDN bundle's bytes on the wire with and without Accept-Encoding.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../test/support/server-process.ts';
import { load as run, send, type Answer, type Load } from './load-client.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

const get = (url: string, agent: Parameters<typeof send>[1], headers: Record<string, string> = {}) => send(url, agent, { headers });
const load = (url: string, connections: number) => run(connections, SECONDS, 200, (_client, agent) => get(url, agent));

const fmt = (load: Load) => `${load.perSecond.toFixed(0).padStart(6)} req/s  p99 ${load.p99.toFixed(1).padStart(7)} ms  errors ${load.errors}  timeouts ${load.timeouts}`;

const server = await startServer();
const floorName = `bench-floor-${process.pid}`;
try {
  const { url } = server;
  const targets: Array<{ label: string; path: string }> = [
    { label: '/oruk/services?per_page=50', path: '/oruk/services?per_page=50' },
    { label: '/api/v1/hubs?near=52.71,-2.75', path: '/api/v1/hubs?near=52.71,-2.75&limit=10' },
  ];
  for (const target of targets) {
    const sample = await get(url + target.path, false);
    if (sample.status !== 200) throw new Error(`${target.path} answered ${sample.status}`);
    // The floor: the same bytes as a static file, from the same server.
    const floorFile = join(DEMO_DIR, `${floorName}.json`);
    writeFileSync(floorFile, sample.bytes);
    try {
      console.log(`${target.label} (${(sample.bytes.length / 1000).toFixed(1)} kB), floor: a static file of the same bytes`);
      for (const connections of [10, 50]) {
        const feed = await load(url + target.path, connections);
        const floor = await load(`${url}/${floorName}.json`, connections);
        console.log(`  ${String(connections).padStart(2)} connections  ${fmt(feed)}`);
        console.log(`           floor  ${fmt(floor)}`);
        console.log(`           ratio  throughput ${(feed.perSecond / floor.perSecond).toFixed(2)} of the floor, p99 ${(feed.p99 / floor.p99).toFixed(2)}× the floor's`);
      }
    } finally {
      rmSync(floorFile, { force: true });
    }
  }
  const bundle = `${url}/cdn/community-led-widgets.js`;
  const plain = await get(bundle, false);
  const gzip = await get(bundle, false, { 'Accept-Encoding': 'gzip' });
  const brotli = await get(bundle, false, { 'Accept-Encoding': 'br, gzip' });
  const kb = (answer: Answer) => `${(answer.bytes.length / 1000).toFixed(1)} kB (${answer.headers['content-encoding'] ?? 'no Content-Encoding'})`;
  console.log('CDN bundle over the wire (floor: the file itself)');
  console.log(`  no Accept-Encoding  ${kb(plain)}`);
  console.log(`  gzip                ${kb(gzip)}  ratio ${(gzip.bytes.length / plain.bytes.length).toFixed(2)}`);
  console.log(`  br, gzip            ${kb(brotli)}  ratio ${(brotli.bytes.length / plain.bytes.length).toFixed(2)}`);
} finally {
  await server.stop();
}
