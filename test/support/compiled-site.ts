import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { startServer, type RunningServer } from './server-process.ts';

/** The compiled server with its demo site, and a browser to use it. */
export interface CompiledSite {
  server: RunningServer;
  browser: Browser;
}

/**
 * In a `describe`: starts the compiled server (as `npm start` runs it, on a
 * free port, in memory) and Debian's Chromium before its tests, hands both
 * to `started`, and stops them after (the server's log checked for contact
 * details as it stops).
 */
export function compiledSite(started: (site: CompiledSite) => void, env: Record<string, string> = {}): void {
  let site: CompiledSite | undefined;
  before(async () => {
    assert.ok(existsSync('dist/cdn/community-led-widgets.js'), 'run `npm run build` first (npm test does)');
    const server = await startServer(env);
    site = { server, browser: await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) };
    started(site);
  });
  after(async () => {
    await site?.browser.close();
    await site?.server.stop();
  });
}
