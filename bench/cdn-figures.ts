/**
 * What the CDN build sends, in bytes after gzip -9: the loader, the shared
 * runtime, each element's own chunk (alone, and with the chunks it shares
 * with some other elements), and
 * the all-in-one file. Read by `npm run bench` and by the budget test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ELEMENTS } from '../src/elements/catalogue.ts';

/** The most each part may weigh (issue 18), gzip -9. */
export const BUDGETS = {
  loader: 3 * 1024,
  runtime: 35 * 1024,
  element: 15 * 1024,
  /** Every script a page with only <cls-feedback> downloads, as sent. */
  feedbackPage: 45 * 1024,
} as const;

export const gz = (code: string | Buffer): number => gzipSync(code, { level: 9 }).length;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

/** The chunks a file imports statically (not its `import()`s, which load on demand). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:from|import)\s*"(\.[^"]+\.js)"/g)].map((match) => join(file, '..', match[1] as string));
}

export interface CdnFigures {
  loader: number;
  runtime: number;
  /** Tag → its own chunk (chunks/<folder>-….js). */
  elements: Record<string, number>;
  /** Tag → its own chunk with every other chunk it imports statically but the runtime (some shared with other elements). */
  withShared: Record<string, number>;
  all: number;
}

export function cdnFigures(dir: string): CdnFigures {
  // Written by the CDN build beside the loader: each tag's chunk and the chunks it imports.
  const chunks = JSON.parse(readFileSync(join(dir, 'element-chunks.json'), 'utf8')) as Record<string, { file: string; preloads: string[] }>;
  const loaderFile = join(dir, 'community-led-widgets.js');
  const runtimeName = readdirSync(join(dir, 'chunks')).find((name) => /^runtime-[\w-]{8}\.js$/.test(name));
  if (!runtimeName) throw new Error(`no runtime chunk in ${dir}/chunks`);
  const runtimeFile = join(dir, 'chunks', runtimeName);
  const shared = new Set([runtimeFile, ...staticImports(runtimeFile)]);
  const elements: Record<string, number> = {};
  const withShared: Record<string, number> = {};
  for (const element of ELEMENTS) {
    const chunk = chunks[element.tag];
    if (!chunk) throw new Error(`no chunk for <${element.tag}> in element-chunks.json`);
    const own = join(dir, chunk.file);
    const files = [own, ...chunk.preloads.map((file) => join(dir, file)).filter((file) => !shared.has(file))];
    elements[element.tag] = gz(readFileSync(own));
    withShared[element.tag] = gz(Buffer.concat(files.map((file) => readFileSync(file))));
  }
  return {
    loader: gz(readFileSync(loaderFile)),
    runtime: gz(Buffer.concat([...shared].map((file) => readFileSync(file)))),
    elements,
    withShared,
    all: gz(readFileSync(join(dir, 'community-led-widgets.all.js'))),
  };
}
