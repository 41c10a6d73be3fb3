/**
 * Bundle sizes, one figure per line: every package entry and the CDN
 * bundle, minified and gzipped. Run after `npm run build` (`npm run bench`
 * does both).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { ELEMENTS } from '../src/elements/catalogue.ts';
import { BUDGETS, cdnFigures, gz, kb } from './cdn-figures.ts';

// What a council page downloads from the CDN build: the loader, the shared runtime, and each element's chunk when its tag is on the page.
const cdn = cdnFigures('dist/cdn');
const lazyChunks = readdirSync('dist/cdn/chunks').filter((name) => /^(hub-map|impact-charts|leaflet)/.test(name) && name.endsWith('.js'));

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
console.log(`cdn/community-led-widgets.js, the loader, gzip: ${kb(cdn.loader)} (budget ${kb(BUDGETS.loader)}; ${ratio(cdn.loader)})`);
console.log(`cdn/chunks/runtime.js, shared by every element, gzip: ${kb(cdn.runtime)} (budget ${kb(BUDGETS.runtime)}; ${ratio(cdn.runtime)})`);
for (const [tag, bytes] of Object.entries(cdn.elements)) {
  const page = cdn.loader + cdn.runtime + (cdn.withShared[tag] ?? bytes);
  console.log(`cdn <${tag}> own chunk gzip: ${kb(bytes)} (budget ${kb(BUDGETS.element)}); with the chunks it shares with other elements ${kb(cdn.withShared[tag] ?? bytes)}; a page with only it: ${kb(page)} (${ratio(page)})`);
}
for (const name of lazyChunks) console.log(`cdn/chunks/${name.replace(/-[\w-]{8}\.js$/, '.js')}, loaded on demand gzip: ${kb(gz(readFileSync(join('dist/cdn/chunks', name))))}`);
console.log(`cdn/community-led-widgets.all.js, every element in one file, gzip: ${kb(cdn.all)} (${ratio(cdn.all)})`);
for (const [name, entry] of Object.entries(entries)) {
  const { eager, lazy } = await bundle(entry);
  console.log(`${name} (with lit and zod) gzip: ${kb(gz(eager))} (raw ${kb(eager.length)}; ${ratio(gz(eager))})`);
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
