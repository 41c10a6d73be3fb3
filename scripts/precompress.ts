/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside
 * every script, stylesheet, page and JSON file of 1 kB or more under the
 * folders given (`npm run build:widgets` runs it on dist/cdn), so that the
 * server sends them compressed at the best ratio without spending the
 * seconds brotli 11 takes while a visitor waits (server/static.ts).
 * Source maps are left alone: they are for developers, on demand.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress, COMPRESS_THRESHOLD } from '../server/http/compression.ts';
import { PRECOMPRESSED } from '../server/static.ts';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt)$/;

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const folders = process.argv.slice(2);
if (!folders.length) {
  console.error('usage: tsx scripts/precompress.ts <folder>...');
  process.exit(2);
}
let count = 0;
for (const folder of folders) {
  for (const path of walk(folder)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const body = readFileSync(path);
    if (body.byteLength < COMPRESS_THRESHOLD) continue;
    const [br, gzip] = await Promise.all([compress(body, 'br', 'most'), compress(body, 'gzip', 'most')]);
    writeFileSync(path + PRECOMPRESSED.br, br);
    writeFileSync(path + PRECOMPRESSED.gzip, gzip);
    count++;
  }
}
console.log(`precompressed ${count} files (brotli and gzip) in ${folders.join(', ')}`);
