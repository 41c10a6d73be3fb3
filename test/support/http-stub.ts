import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the far side received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent on the wire. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type StubHandler = (req: ReceivedRequest, res: ServerResponse, raw: IncomingMessage) => void;

/**
 * A real HTTP server on 127.0.0.1 (random port) standing in for the far side
 * of the network. Each test sets `handler`; every request is recorded.
 */
export class HttpStub {
  handler: StubHandler = (_req, res) => {
    res.writeHead(500).end();
  };
  readonly received: ReceivedRequest[] = [];
  private server: Server | undefined;
  private port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((raw, res) => {
      const chunks: Buffer[] = [];
      raw.on('data', (chunk: Buffer) => chunks.push(chunk));
      raw.on('end', () => {
        const req: ReceivedRequest = {
          method: raw.method ?? '',
          url: raw.url ?? '',
          headers: raw.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(req);
        this.handler(req, res, raw);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Forget what was received and answer with `handler` from now on. */
  reset(handler: StubHandler): void {
    this.received.length = 0;
    this.handler = handler;
    // Requests left hanging by an earlier test must not keep sockets open.
    this.server?.closeAllConnections();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Writes a JSON answer with the given status and content type. */
export function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': type }).end(JSON.stringify(body));
}

/** A port on 127.0.0.1 that nothing listens on (it was just released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
