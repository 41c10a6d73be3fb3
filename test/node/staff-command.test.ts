import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../server/db/database.ts';
import { TokenAuthenticator } from '../../server/http/staff-auth.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'cls-staff-command-'));

/** `npm run staff -- …` as the operator runs it, against a PGlite folder of its own. */
async function staff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/bin/staff.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run staff', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a token shown once, lists it without the token, and revokes it', async () => {
    const created = await staff('create', '--role', 'worker', '--label', 'Borchester Library tablet');
    assert.equal(created.code, 0, created.stderr);
    const token = /\b(cls_[\w-]+)/.exec(created.stdout)?.[1];
    const id = /\b(st_[0-9a-f]+)/.exec(created.stdout)?.[1];
    assert.ok(token && id, created.stdout);

    let db = await openDatabase({ dataDir });
    assert.deepEqual(await new TokenAuthenticator(db, undefined).authenticate(token), { id, role: 'worker' });
    await db.close();

    const listed = await staff('list');
    assert.match(listed.stdout, new RegExp(`${id}\\s+worker .*in force\\s+Borchester Library tablet`));
    assert.ok(!listed.stdout.includes(token));

    assert.equal((await staff('revoke', id)).code, 0);
    assert.match((await staff('list')).stdout, /revoked/);
    db = await openDatabase({ dataDir });
    assert.equal(await new TokenAuthenticator(db, undefined).authenticate(token), undefined);
    await db.close();
    assert.equal((await staff('revoke', id)).code, 1);
  });

  it('refuses a role that is not worker or admin, a missing label, and an unknown command', async () => {
    for (const args of [['create', '--role', 'boss', '--label', 'x'], ['create', '--role', 'admin'], ['rotate']]) {
      const result = await staff(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Usage/);
    }
  });
});
