import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../support/server-process.ts';

describe('the compiled server started without STAFF_TOKEN', () => {
  it('keeps the staff token it made in a file only its user can read, and never prints it', async () => {
    const server = await startServer({ STAFF_TOKEN: '', SEED: 'false' });
    try {
      const file = join(server.dataDir, 'staff-token');
      // The start-up lines are written once the server listens, which it does before /healthz answers.
      assert.match(server.output(), new RegExp(`a staff token for this run is in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const token = readFileSync(file, 'utf8').trim();
      assert.ok(token.length >= 16, 'a real token');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(server.output().includes(token), false, 'the token is not in the output');
      const response = await fetch(`${server.url}/api/v1/staff/feedback`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      await response.body?.cancel();
      // The demo's staff pages, opened on this machine, are signed in with it; through a proxy they are not.
      assert.deepEqual(await (await fetch(`${server.url}/demo-staff-token.json`)).json(), { token });
      assert.deepEqual(await (await fetch(`${server.url}/demo-staff-token.json`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).json(), {});
    } finally {
      await server.stop();
    }
  });

  it('hands the demo no token in production, nor when STAFF_TOKEN was given', async () => {
    const starts: Array<Record<string, string>> = [{ STAFF_TOKEN: '', NODE_ENV: 'production', SEED: 'false' }, { STAFF_TOKEN: 'a-staff-token-given-by-the-council', SEED: 'false' }];
    for (const env of starts) {
      const server = await startServer(env);
      try {
        const response = await fetch(`${server.url}/demo-staff-token.json`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), {}, JSON.stringify(env));
      } finally {
        await server.stop();
      }
    }
  });
});
