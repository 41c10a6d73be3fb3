import { defineConfig } from 'vite';
import { ELEMENTS } from './src/elements/catalogue.ts';

/**
 * Two builds:
 * - `vite build` (library): one ES entry per element plus the root, with
 *   lit, zod and i18next left as imports so an app's bundler shares them.
 * - `vite build --mode cdn`: dist/cdn/community-led-widgets.js, one
 *   self-contained ES module that defines every tag (the one-script-tag path).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    // Not lib mode: lib mode keeps whitespace in ES output (for re-bundling),
    // but this file goes straight to browsers.
    return {
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        modulePreload: false,
        rollupOptions: {
          input: 'src/cdn.ts',
          // Lets the entry hold the code it shares with the lazy map chunk, so a
          // page makes one request up front instead of two.
          preserveEntrySignatures: 'allow-extension',
          output: { format: 'es', entryFileNames: 'community-led-widgets.js', chunkFileNames: 'chunks/[name]-[hash].js' },
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
        external: [/^lit(\/.*)?$/, /^@lit\//, /^zod(\/.*)?$/, /^i18next$/, /^leaflet(\/.*)?$/, /^postcode$/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js', entryFileNames: '[name].js' },
      },
    },
  };
});
