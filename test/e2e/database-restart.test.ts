import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { roundRobin, type RoundRobin } from '../support/round-robin.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * PostgreSQL going away under load, and coming back, against two instances
 * of the compiled server behind a round-robin balancer (#17). They reach
 * the real PostgreSQL through a TCP relay
 * on loopback, which the test can cut: every connection dropped and new
 * ones refused for two seconds, as a restart or a failover does. Then the
 * servers' own connections are also killed by PostgreSQL itself
 * (pg_terminate_backend, what an administrator's restart sends them).
 * Needs PostgreSQL: registered when DATABASE_URL is set (CI sets it).
 */

const databaseUrl = process.env.DATABASE_URL;

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored on the same port. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly upstreams = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      this.upstreams.add(upstream);
      upstream.on('close', () => this.upstreams.delete(upstream));
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** The local ports of the connections relayed now: PostgreSQL sees them as its clients' ports. */
  clientPorts(): number[] {
    return [...this.upstreams].flatMap((socket) => (socket.localPort ? [socket.localPort] : []));
  }

  /** As PostgreSQL going down: every connection cut, new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

if (databaseUrl) {
  describe('PostgreSQL restarting under load (compiled server)', () => {
    const schema = `e2e_restart_${randomBytes(5).toString('hex')}`;
    const real = new URL(databaseUrl);
    const relay = new Relay({ host: real.hostname, port: Number(real.port || 5432) });
    const servers: RunningServer[] = [];
    let balancer: RoundRobin;
    let db: Database;
    /** Where the residents send: the balancer. */
    const server = { get url() { return balancer.url; }, output: () => servers.map((instance) => instance.output()).join('\n') };

    before(async () => {
      await relay.open();
      const through = new URL(databaseUrl);
      through.hostname = '127.0.0.1';
      through.port = String(relay.port);
      const env = { DATABASE_URL: through.href, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: '6', RATE_LIMIT_PER_MINUTE: '100000', TRUST_PROXY: '1' };
      // The first migrates and seeds the schema; the second starts after it.
      servers.push(await startServer(env));
      servers.push(await startServer(env));
      balancer = await roundRobin(servers.map((instance) => instance.url));
      db = await openDatabase({ databaseUrl, schema });
    });

    after(async () => {
      await balancer?.close();
      await Promise.all(servers.map((instance) => instance.stop()));
      await relay.cut();
      if (db) {
        await db.query(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
      }
    });

    /** One feedback record, answered within 10 s or counted as hung (or the server gone: counted the same). */
    async function send(hub: string, n: number): Promise<{ status: number; retryAfter: string | null; id?: string } | 'hung'> {
      try {
        const response = await fetch(`${server.url}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ helpful: 4, ease: 4, hub, comment: `restart ${n}` }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await response.json()) as { id?: string };
        return { status: response.status, retryAfter: response.headers.get('retry-after'), ...(body.id ? { id: body.id } : {}) };
      } catch (error) {
        if (!hungSeen) console.warn(`no answer: ${String(error)}\n${server.output().slice(-2000)}`);
        hungSeen = true;
        return 'hung';
      }
    }
    let hungSeen = false;

    it('answers every request while PostgreSQL is down (503 with Retry-After, never a hang or a 500), survives, and keeps every acknowledged write', async () => {
      const hub = `restart-${randomUUID().slice(0, 8)}`;
      const answers: Array<Awaited<ReturnType<typeof send>>> = [];
      let sent = 0;
      let stop = false;
      const resident = async () => {
        while (!stop) answers.push(await send(hub, sent++));
      };
      const residents = Array.from({ length: 8 }, resident);
      // Some writes go through, then PostgreSQL goes away for two seconds while the residents keep writing.
      while (answers.filter((answer) => answer !== 'hung' && answer.status === 201).length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      await relay.cut();
      const cutAt = answers.length;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await relay.open();
      const openedAt = answers.length;
      // Back: writes succeed again within a few seconds.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !answers.slice(openedAt).some((answer) => answer !== 'hung' && answer.status === 201)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      stop = true;
      await Promise.all(residents);

      assert.equal(answers.filter((answer) => answer === 'hung').length, 0, 'no request hung');
      const statuses = new Set(answers.map((answer) => (answer === 'hung' ? 0 : answer.status)));
      assert.deepEqual([...statuses].filter((status) => status !== 201 && status !== 503), [], `only 201 and 503 (${[...statuses].join(', ')})`);
      const down = answers.slice(cutAt, openedAt).filter((answer) => answer !== 'hung' && answer.status === 503);
      assert.ok(down.length > 0, 'told the service is briefly unavailable while PostgreSQL was away');
      assert.ok(down.every((answer) => answer !== 'hung' && answer.retryAfter === '2'), 'with Retry-After');
      assert.ok(answers.slice(openedAt).some((answer) => answer !== 'hung' && answer.status === 201), 'writes succeed again once it is back');
      for (const instance of servers) assert.equal((await fetch(`${instance.url}/readyz`)).status, 200, 'each instance is still up and ready');

      const acknowledged = answers.flatMap((answer) => (answer !== 'hung' && answer.status === 201 && answer.id ? [answer.id] : []));
      const stored = new Set((await db.query<{ id: string }>('SELECT id FROM feedback WHERE hub = $1', [hub])).map((row) => String(row.id)));
      assert.deepEqual(acknowledged.filter((id) => !stored.has(String(id))), [], 'every acknowledged write is stored');
    });

    it('survives PostgreSQL terminating its connections (an administrator’s restart), and the next request is served', async () => {
      // Connections in both pools, idle.
      await Promise.all(Array.from({ length: 12 }, (_, n) => send('terminate', n)));
      const ports = relay.clientPorts();
      assert.ok(ports.length > 0, 'the server holds connections');
      const admin = await openDatabase({ databaseUrl });
      try {
        const killed = await admin.query<{ terminated: boolean }>(
          'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND client_port = ANY($1::int[])',
          [ports],
        );
        assert.ok(killed.length > 0 && killed.every((row) => row.terminated), 'PostgreSQL ended the server’s connections');
      } finally {
        await admin.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const instance of servers) assert.ok(await fetch(`${instance.url}/healthz`).catch(() => undefined), 'each instance still answers');
      const next = await send('terminate', 99);
      assert.ok(next !== 'hung' && (next.status === 201 || next.status === 503), 'answered');
      // Within a few seconds it writes again.
      let ok = next.status === 201;
      for (let i = 0; i < 40 && !ok; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const again = await send('terminate', 100 + i);
        ok = again !== 'hung' && again.status === 201;
      }
      assert.ok(ok, 'writes again');
      assert.match(server.output(), /database: an idle connection was lost/);
    });
  });
}
