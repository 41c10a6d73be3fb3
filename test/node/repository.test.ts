import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The repository stands alone: a clone with nothing beside it installs,
 * builds and passes its tests (CI proves it in .ci/run). These checks catch
 * the usual way that breaks, a path into a folder next to the repository.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Built from parts so that this file does not contain it. */
const OUTSIDE = ['..', 'shared', ''].join('/');

/** Tracked files, and new files not ignored, as git sees them. */
function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);
}

describe('the repository', () => {
  it(`has no file that refers to ${OUTSIDE} beside it`, () => {
    const files = repositoryFiles();
    assert.ok(files.includes('package.json'), 'git ls-files found no package.json');
    const offenders = files.filter((file) => {
      let content: Buffer;
      try {
        content = readFileSync(join(ROOT, file));
      } catch {
        return false; // deleted in the working tree but not yet from the index
      }
      return content.includes(OUTSIDE);
    });
    assert.deepEqual(offenders, []);
  });

  it('keeps the official ORUK schemas with their source and licence', () => {
    const folder = join(ROOT, 'test/fixtures/oruk-schemas');
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    assert.match(readme, /CC BY-SA 4\.0/);
    assert.match(readme, /Open Referral UK/);
    assert.match(readme, /github\.com\/tpximpact\/OpenReferralApi/);
    assert.match(readFileSync(join(folder, 'LICENSE'), 'utf8'), /^Attribution-ShareAlike 4\.0 International/);
  });
});
