import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file a generated staff token is written to, in the server's data folder. */
export const STAFF_TOKEN_FILE = 'staff-token';

/**
 * Keeps a staff token generated for this run (no `STAFF_TOKEN` set) in a
 * file only the server's user can read, and returns its path. The token is
 * never printed: standard output ends up in log collectors.
 */
export function keepGeneratedStaffToken(token: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, STAFF_TOKEN_FILE);
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  // An existing file keeps its old mode through writeFileSync.
  chmodSync(path, 0o600);
  return path;
}
