import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  staffToken: string;
  /** The server's PGlite folder. */
  dataDir: string;
  /** What the server has written to stdout and stderr so far. */
  output(): string;
  /** Kills the process at once (SIGKILL), as a crash would. */
  crash(): Promise<void>;
  /** Stops the server (SIGTERM); throws if it ever wrote a resident's contact details to its log. */
  stop(): Promise<void>;
}

/**
 * Contact details as the tests type them: email addresses at the reserved
 * example domains and phone numbers from Ofcom's drama range (07700 900…).
 * Names vary too much to find this way; each suite that types them checks
 * its own. A hub's published number (01632 960…) is not personal.
 */
const CONTACT_DETAILS = /[\w.+-]+@example\.(?:org|com|net)\b|\b07700\s?900\s?\d{3}\b|\+447700\s?900\s?\d{3}\b/gi;

/** The residents' contact details in a server's log, if any (personal data must never be logged). */
export function contactDetailsIn(log: string): string[] {
  return [...new Set(log.match(CONTACT_DETAILS) ?? [])];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const SERVER_PACKAGE = new URL('../../server/', import.meta.url);

/** The compiled server that `npm start` runs: the `cls-server` bin of the server package, built by `npm run build`. */
export function compiledServer(): string {
  const { bin } = JSON.parse(readFileSync(new URL('package.json', SERVER_PACKAGE), 'utf8')) as { bin: Record<string, string> };
  const entry = bin['cls-server'];
  if (!entry) throw new Error('server/package.json has no `cls-server` bin.');
  const main = fileURLToPath(new URL(entry, SERVER_PACKAGE));
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does).`);
  return main;
}

/**
 * Starts the compiled server as its own process, as `npm start` does after
 * building, with a throwaway PGlite folder, and waits for /healthz.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const main = compiledServer();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cls-e2e-'));
  const staffToken = 'e2e-staff-token-0123456789';
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STAFF_TOKEN: staffToken, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    staffToken,
    dataDir,
    output: () => output,
    async crash() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      // Every end-to-end suite that stops a server checks this: no email address or phone number typed in a test reached the log.
      const leaked = contactDetailsIn(output);
      if (leaked.length) throw new Error(`the server logged residents' contact details: ${leaked.join(', ')}`);
    },
  };
}
