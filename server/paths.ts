import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the server's files are, the same whether it runs from TypeScript
 * (`server/*.ts` with tsx) or compiled (`server/dist/server/*.js`): the
 * server package is the nearest folder above this module whose package.json
 * names it, and the repository (demo/, dist/cdn/) is the folder above that.
 */
export const SERVER_PACKAGE_NAME = 'community-led-widgets-server';

/** The nearest folder at or above `from` holding the server package's package.json. */
export function findServerRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      let name: unknown;
      try {
        name = (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
      } catch {
        name = undefined;
      }
      if (name === SERVER_PACKAGE_NAME) return dir;
    }
    if (dirname(dir) === dir) throw new Error(`No package.json named ${SERVER_PACKAGE_NAME} above ${from}`);
  }
}

/** The server package: migrations in `db/migrations/`, questionnaires in `questionnaires/`. */
export const SERVER_ROOT = findServerRoot(dirname(fileURLToPath(import.meta.url)));
/** The repository: the demo site in `demo/`, the widget bundle in `dist/cdn/`. */
export const PROJECT_ROOT = dirname(SERVER_ROOT);
