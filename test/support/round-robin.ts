import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer on loopback, as a council would put in front of several
 * instances: each request goes to the next instance in turn, with the
 * client's address appended to X-Forwarded-For (the instances trust one
 * hop). An instance that does not answer gets the client a 502, as a real
 * balancer's would; it is never retried elsewhere (a retried POST is the
 * client's business, with its Idempotency-Key).
 *
 * A test may name the client it plays with `X-Test-Client`.
 */
export interface RoundRobin {
  url: string;
  close(): Promise<void>;
}

export async function roundRobin(targets: readonly string[]): Promise<RoundRobin> {
  let next = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const target = new URL(req.url ?? '/', targets[next++ % targets.length]);
    const client = String(req.headers['x-test-client'] ?? req.socket.remoteAddress ?? '127.0.0.1');
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host, 'x-forwarded-for': client };
    delete headers['x-test-client'];
    const upstream = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
