/**
 * The benchmarks' own load client: keep-alive sockets on loopback, one
 * request in flight per connection. It counts requests per second that got
 * the expected status, their 99th percentile latency, errors (any other
 * answer) and timeouts (no answer in 10 s).
 */
import { Agent, request } from 'node:http';

export const TIMEOUT_MS = 10_000;

export interface Load {
  perSecond: number;
  p99: number;
  /** Requests answered with the expected status. */
  ok: number;
  errors: number;
  timeouts: number;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** One request; `agent: false` for a fresh connection. */
export function send(url: string, agent: Agent | false, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: options.method ?? 'GET', headers: options.headers ?? {}, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `connections` clients, each sending `one(client, agent)` after another for `seconds`; counted as `expect` answers. */
export async function load(connections: number, seconds: number, expect: number, one: (client: number, agent: Agent) => Promise<Answer>): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  const until = performance.now() + seconds * 1000;
  const client = async (n: number) => {
    while (performance.now() < until) {
      const start = performance.now();
      try {
        const answer = await one(n, agent);
        if (answer.status !== expect) errors++;
        else latencies.push(performance.now() - start);
      } catch (error) {
        if ((error as Error).message === 'timeout') timeouts++;
        else errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, n) => client(n)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? Number.NaN,
    ok: latencies.length,
    errors,
    timeouts,
  };
}
