/**
 * Fails when custom-elements.json is not what the analyzer makes from the
 * source now, so the committed manifest never drifts from the elements.
 *
 * Both manifests are compared normalised (see manifest.ts): arrays whose
 * order carries no meaning are sorted and formatting is ignored. On a busy
 * machine the analyzer lists modules in a different order from run to run
 * (it takes them in the order globby finds the files); the config sorts
 * them, and this comparison is not fooled by order either way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { normaliseManifest, type Json } from './manifest.ts';

/** Module paths whose normalised content differs, or that only one side has. */
function differingModules(fresh: Json, committed: Json): string[] {
  const byPath = (manifest: Json) =>
    new Map(
      ((manifest as { modules?: Array<{ path: string }> } | null)?.modules ?? []).map((module) => [module.path, module as unknown as Json] as const),
    );
  const a = byPath(fresh);
  const b = byPath(committed);
  return [...new Set([...a.keys(), ...b.keys()])].sort().filter((path) => !isDeepStrictEqual(a.get(path), b.get(path)));
}

// The analyzer resolves outdir against the working directory, so stay inside it.
const out = '.cem-check';
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CEM_OUTDIR: out },
  });
  const fresh = normaliseManifest(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Json);
  let committed: Json = null;
  try {
    committed = normaliseManifest(JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Json);
  } catch {
    committed = null;
  }
  if (!isDeepStrictEqual(fresh, committed)) {
    const modules = differingModules(fresh, committed);
    console.error(
      `custom-elements.json is stale: run \`npm run cem\` and commit the result.${modules.length ? `\n  differs in: ${modules.join(', ')}` : ''}`,
    );
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
