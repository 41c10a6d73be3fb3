import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { ELEMENTS } from './src/elements/catalogue.ts';
import { reservedSpaceCss } from './src/loader/loader.ts';

/**
 * Three builds:
 * - `vite build` (library): one ES entry per element plus the root, with
 *   lit and zod left as imports so an app's bundler shares them.
 * - `vite build --mode cdn`: dist/cdn/community-led-widgets.js, the loader
 *   a page includes with one script tag; it imports, for each tag on the
 *   page, that element's chunk, and every element shares one runtime chunk
 *   (lit, zod, the client, i18n and shared UI).
 * - `vite build --mode cdn-all`: dist/cdn/community-led-widgets.all.js, every
 *   element in one file, for a site that wants one request whatever the page holds.
 */

/** Our modules that belong to one element (or its lazy parts) and so stay in that element's chunk. */
const OWN_TO_AN_ELEMENT = new RegExp(`/src/elements/(${ELEMENTS.map((element) => element.folder).join('|')})/|\\.cy\\.ts$`);
/** Vendor code that only a lazy part uses (the map, the charts) stays there. */
const LAZY_VENDOR = /\/node_modules\/(leaflet|postcode)\//;

const LOADER = 'community-led-widgets.js';
const DEFINE = /\/src\/elements\/([^/]+)\/define\.ts$/;

/**
 * Writes into the loader, in place of its marker, each element's chunk and
 * the chunks that chunk imports, so the loader fetches the element and hints
 * the rest (`modulepreload`): the runtime arrives alongside the element
 * instead of after it. The elements are entries of this build, not
 * `import()`s of the loader, so the loader itself imports nothing up front.
 */
function elementChunks(): Plugin {
  return {
    name: 'cls-element-chunks',
    generateBundle(_options, bundle) {
      const loader = bundle[LOADER];
      if (loader?.type !== 'chunk') return this.error(`no ${LOADER} in the CDN build`);
      const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
        const chunk = bundle[fileName];
        for (const dependency of chunk?.type === 'chunk' ? chunk.imports : []) {
          if (!seen.has(dependency)) closure(dependency, seen.add(dependency));
        }
        return seen;
      };
      const chunks: Record<string, { file: string; preloads: string[] }> = {};
      for (const output of Object.values(bundle)) {
        const folder = output.type === 'chunk' && output.isEntry ? DEFINE.exec(output.facadeModuleId ?? '')?.[1] : undefined;
        const element = ELEMENTS.find((candidate) => candidate.folder === folder);
        if (element && output.type === 'chunk') chunks[element.tag] = { file: output.fileName, preloads: [...closure(output.fileName)] };
      }
      const marker = /(["'`])__CLS_CHUNKS__\1/;
      if (!marker.test(loader.code)) return this.error('The loader has no __CLS_CHUNKS__ marker to fill.');
      if (loader.imports.length) return this.error(`The loader must import nothing up front; it imports ${loader.imports.join(', ')}.`);
      loader.code = loader.code.replace(marker, JSON.stringify(chunks));
      // The same list for people and tools (the size bench, the budget test, a CDN's purge list).
      this.emitFile({ type: 'asset', fileName: 'element-chunks.json', source: `${JSON.stringify(chunks, null, 2)}\n` });
      this.emitFile({
        type: 'asset',
        fileName: 'community-led-widgets.css',
        source: reservedSpaceCss(Object.fromEntries(ELEMENTS.map((element) => [element.tag, element.reservedHeight]))),
      });
      // The example themes (token sets) beside the loader: <link rel="stylesheet" href="…/cdn/themes/high-contrast.css">.
      for (const name of readdirSync('themes').filter((file) => file.endsWith('.css'))) {
        this.emitFile({ type: 'asset', fileName: `themes/${name}`, source: readFileSync(`themes/${name}`, 'utf8') });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cdn-all') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        // Added beside the loader build's files.
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        modulePreload: false,
        rollupOptions: {
          input: 'src/cdn-all.ts',
          // Lets the file hold the code it shares with the lazy map chunk, so a
          // page makes one request up front instead of two.
          preserveEntrySignatures: 'allow-extension',
          output: { format: 'es', entryFileNames: 'community-led-widgets.all.js', chunkFileNames: 'chunks/all-[name]-[hash].js' },
        },
      },
    };
  }
  if (mode === 'cdn') {
    // Not lib mode: lib mode keeps whitespace in ES output (for re-bundling),
    // but these files go straight to browsers.
    return {
      publicDir: false,
      plugins: [elementChunks()],
      build: {
        outDir: 'dist/cdn',
        // This build runs first and starts clean; the all-in-one build adds its file beside it.
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        // The loader hints each element's chunks itself (above).
        modulePreload: false,
        rollupOptions: {
          input: {
            'community-led-widgets': 'src/cdn.ts',
            ...Object.fromEntries(ELEMENTS.map((element) => [element.folder, `src/elements/${element.folder}/define.ts`])),
          },
          preserveEntrySignatures: 'strict',
          output: {
            format: 'es',
            // Each element's chunk is named after its folder and its content (chunks/feedback-….js).
            entryFileNames: (chunk: { name: string }) => (chunk.name === 'community-led-widgets' ? LOADER : 'chunks/[name]-[hash].js'),
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: {
              groups: [
                // What every element uses (lit, zod, the client, i18n, shared UI, the base), once for all of
                // them; code that only some share goes in chunks of its own, so a feedback-only page skips it.
                {
                  name: 'runtime',
                  test: (id: string) => !OWN_TO_AN_ELEMENT.test(id) && !LAZY_VENDOR.test(id) && !id.includes('/src/loader/'),
                  minShareCount: ELEMENTS.length,
                },
              ],
            },
          },
        },
      },
    };
  }
  return {
    build: {
      outDir: 'dist',
      // The library build runs first (see the build script) and starts clean.
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          ...Object.fromEntries(ELEMENTS.map((element) => [`elements/${element.folder}`, `src/elements/${element.folder}/define.ts`])),
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: [/^lit(\/.*)?$/, /^@lit\//, /^zod(\/.*)?$/, /^leaflet(\/.*)?$/, /^postcode$/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js', entryFileNames: '[name].js' },
      },
    },
  };
});
