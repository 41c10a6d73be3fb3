/**
 * Bundle sizes, one figure per line: every package entry and the CDN
 * bundle, minified and gzipped. Run after `npm run build` (`npm run bench`
 * does both).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const gz = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// The CDN bundle is what a council page downloads.
const cdn = readFileSync('dist/cdn/community-led-widgets.js');
console.log(`cdn/community-led-widgets.js gzip: ${kb(gz(cdn))} (raw ${kb(cdn.length)})`);

// Each npm entry as an app would ship it: bundled with its dependencies and minified.
const entries: Record<string, string> = {
  'community-led-widgets/feedback': 'src/elements/feedback/define.ts',
  'community-led-widgets/hub-finder': 'src/elements/hub-finder/define.ts',
  'community-led-widgets/resource-wheel': 'src/elements/resource-wheel/define.ts',
};
for (const [name, entry] of Object.entries(entries)) {
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
  const code = outputs.map((chunk) => ('code' in chunk ? chunk.code : '')).join('');
  console.log(`${name} (with lit, zod, i18next) gzip: ${kb(gz(code))} (raw ${kb(code.length)})`);
}

// The library build itself, without its dependencies (what npm consumers' bundlers start from).
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'cdn' || name === 'types' ? [] : files(path)) : path.endsWith('.js') ? [path] : [];
  });
const own = files('dist').reduce((sum, file) => sum + gz(readFileSync(file)), 0);
console.log(`dist (own code, dependencies external) gzip: ${kb(own)}`);
