import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from '../../server/app.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';

/** One database the server suite runs against. */
export interface Backend {
  name: string;
  kind: Database['kind'];
  open(): Promise<{ db: Database; dispose(): Promise<void> }>;
}

/** PGlite in memory always; PostgreSQL as well when DATABASE_URL is set, in a throwaway schema. */
export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'PGlite (in memory)',
      kind: 'pglite',
      async open() {
        const db = await openDatabase({});
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    list.push({
      name: 'PostgreSQL (DATABASE_URL)',
      kind: 'postgres',
      async open() {
        const schema = `test_${randomBytes(6).toString('hex')}`;
        const db = await openDatabase({ databaseUrl, schema });
        return {
          db,
          async dispose() {
            try {
              await db.query(`DROP SCHEMA ${schema} CASCADE`);
            } finally {
              await db.close();
            }
          },
        };
      },
    });
  }
  return list;
}

export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Settles every waiting list now (the server does every minute). */
  sweepWaitingLists(): Promise<number>;
  close(): Promise<void>;
}

/** Serves the real app over real HTTP on a random local port. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const app = createApp(options);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    sweepWaitingLists: () => app.waitingLists.sweep(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

let clients = 0;

/**
 * A client address of its own, behind one trusted proxy: rate limits count
 * per address in the database, so a test that counts them must not share
 * 127.0.0.1 with the rest of the suite. Spread `options` into the app and
 * send `headers` with every request.
 */
export function ownClient(): { options: Pick<AppOptions, 'trustProxy'>; headers: Record<string, string> } {
  clients += 1;
  return {
    options: { trustProxy: { kind: 'hops', hops: 1 } },
    headers: { 'X-Forwarded-For': `2001:db8::${process.pid.toString(16)}:${clients.toString(16)}` },
  };
}
