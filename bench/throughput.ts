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
import { request, Agent } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../test/support/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const TIMEOUT_MS = 10_000;
const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

interface Load {
  perSecond: number;
  p99: number;
  errors: number;
  timeouts: number;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

function get(url: string, agent: Agent | false, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

async function load(url: string, connections: number, headers: Record<string, string> = {}): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        const answer = await get(url, agent, headers);
        if (answer.status !== 200) errors++;
        else latencies.push(performance.now() - start);
      } catch (error) {
        if ((error as Error).message === 'timeout') timeouts++;
        else errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? Number.NaN,
    errors,
    timeouts,
  };
}

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
