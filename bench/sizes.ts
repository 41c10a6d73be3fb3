/**
 * Bundle sizes, one figure per line: every package entry and the CDN
 * bundle, minified and gzipped. Run after `npm run build` (`npm run bench`
 * does both).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ELEMENTS } from '../src/elements/catalogue.ts';

const gz = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// The CDN bundle is what a council page downloads: the entry and every chunk
// it imports statically (the map chunk is imported only when opened).
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:from|import)\s*"(\.[^"]+\.js)"/g)) staticClosure(join(file, '..', match[1] as string), seen);
  return seen;
}
const eagerFiles = [...staticClosure('dist/cdn/community-led-widgets.js')];
const eager = Buffer.concat(eagerFiles.map((file) => readFileSync(file)));
const cdnEager = gz(eager);
console.log(`cdn/community-led-widgets.js, loaded up front (${eagerFiles.length} file${eagerFiles.length === 1 ? '' : 's'}) gzip: ${kb(gz(eager))} (raw ${kb(eager.length)})`);
for (const file of readdirSync('dist/cdn/chunks').filter((name) => name.endsWith('.js') && !eagerFiles.includes(join('dist/cdn/chunks', name)))) {
  const lazy = readFileSync(join('dist/cdn/chunks', file));
  console.log(`cdn/chunks/${file.replace(/-[\w-]{8}\.js$/, '.js')}, loaded on demand gzip: ${kb(gz(lazy))} (raw ${kb(lazy.length)})`);
}

// Each npm entry as an app would ship it: bundled with its dependencies and minified.
const entries: Record<string, string> = Object.fromEntries(
  ELEMENTS.map((element) => [`community-led-widgets/${element.folder}`, `src/elements/${element.folder}/define.ts`]),
);
async function bundle(entry: string) {
  const result = await build({
    logLevel: 'silent',
    configFile: false,
    build: {
      write: false,
      target: 'es2022',
      minify: 'oxc',
      rollupOptions: { input: entry, preserveEntrySignatures: 'strict', output: { format: 'es' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunks = outputs.flatMap((chunk) => ('code' in chunk ? [chunk] : []));
  // What loads with the page, and what loads only on demand (the map).
  const eager = chunks.filter((chunk) => chunk.isEntry || !chunk.isDynamicEntry).map((chunk) => chunk.code).join('');
  const lazy = chunks.filter((chunk) => chunk.isDynamicEntry).map((chunk) => chunk.code).join('');
  return { eager, lazy };
}

// The floor, built the same way in the same run: a bare Lit element.
const floor = gz((await bundle('bench/fixtures/bare-lit-element.ts')).eager);
console.log(`floor: bare Lit element gzip: ${kb(floor)}`);
const ratio = (bytes: number) => `${(bytes / floor).toFixed(1)}× floor`;
console.log(`cdn/community-led-widgets.js up front: ${ratio(cdnEager)}`);
for (const [name, entry] of Object.entries(entries)) {
  const { eager, lazy } = await bundle(entry);
  console.log(`${name} (with lit, zod, i18next) gzip: ${kb(gz(eager))} (raw ${kb(eager.length)}; ${ratio(gz(eager))})`);
  if (lazy) console.log(`${name}, loaded on demand gzip: ${kb(gz(lazy))} (raw ${kb(lazy.length)})`);
}

// The library build itself, without its dependencies (what npm consumers' bundlers start from).
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'cdn' || name === 'types' ? [] : files(path)) : path.endsWith('.js') ? [path] : [];
  });
const own = files('dist').reduce((sum, file) => sum + gz(readFileSync(file)), 0);
console.log(`dist (own code, dependencies external) gzip: ${kb(own)}`);
