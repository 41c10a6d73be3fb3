import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * Two packages in one repository: the root is the widget package (what a
 * council's bundler or the CDN loads), server/ is the reference server's
 * workspace package. What the widget package publishes must hold no server
 * code and pull in no server dependency; the server package must declare
 * what it imports and run from compiled JavaScript.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = join(ROOT, 'server');

/** What browsers load: the only runtime dependencies the widget package may have. */
const BROWSER_DEPENDENCIES = new Set(['lit', '@lit/task', 'zod', 'leaflet', 'postcode', 'idb-keyval']);
/** Packages only the server may use. */
const SERVER_ONLY = new Set(['hono', '@hono/node-server', '@electric-sql/pglite', 'pg', 'tsx']);

interface Manifest {
  name: string;
  type?: string;
  private?: boolean;
  files?: string[];
  workspaces?: string[];
  exports?: unknown;
  bin?: Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const rootManifest = readManifest(ROOT);
const serverManifest = readManifest(SERVER);

/** `hono/cors` → `hono`, `@hono/node-server/conninfo` → `@hono/node-server`; undefined for relative and built-in modules. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every module a source file imports, re-exports, `import()`s or `require()`s. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The files `npm pack` would put in the widget package, without running any lifecycle script. */
function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspaces=false'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(output) as Array<{ name: string; files: Array<{ path: string }> }>;
  assert.ok(result, 'npm pack printed no result');
  assert.equal(result.name, 'community-led-widgets');
  return result.files.map((file) => file.path);
}

describe('the widget package (root)', () => {
  const files = packedFiles();

  it('publishes the widgets, their sources and the manifest', () => {
    for (const expected of ['package.json', 'README.md', 'custom-elements.json', 'src/index.ts', 'src/cdn.ts']) {
      assert.ok(files.includes(expected), `${expected} is not in the package: ${files.slice(0, 20).join(', ')}…`);
    }
  });

  it('publishes nothing from server/, and no file that imports a server dependency', () => {
    assert.deepEqual(
      files.filter((path) => path === 'server' || path.startsWith('server/')),
      [],
    );
    const offenders = files
      .filter((path) => /\.(?:[cm]?[jt]s|d\.ts)$/.test(path))
      .flatMap((path) =>
        importsOf(join(ROOT, path))
          .map(packageOf)
          .filter((name): name is string => name !== undefined && SERVER_ONLY.has(name))
          .map((name) => `${path} imports ${name}`),
      );
    assert.deepEqual(offenders, []);
  });

  it('depends at run time only on what browsers load', () => {
    const extra = Object.keys(rootManifest.dependencies ?? {}).filter((name) => !BROWSER_DEPENDENCIES.has(name));
    assert.deepEqual(extra, [], `not for browsers: ${extra.join(', ')}`);
  });

  it('exports only built files and the manifest, and has the server as its one workspace', () => {
    const targets = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
    const exported = targets(rootManifest.exports);
    assert.ok(exported.length > 0, 'the package exports nothing');
    for (const path of exported) {
      assert.ok(/^\.\/(?:dist\/|custom-elements\.json$|package\.json$)/.test(path) && !path.includes('server'), `export ${path}`);
    }
    assert.deepEqual(rootManifest.workspaces, ['server']);
    assert.ok(!(rootManifest.files ?? []).some((entry) => entry.replace(/^\.\//, '').startsWith('server')), 'files lists server');
  });

  it('has no script that npm pack or publish would run', () => {
    const lifecycle = ['prepack', 'prepare', 'postpack', 'prepublish', 'prepublishOnly'].filter((name) => rootManifest.scripts?.[name]);
    assert.deepEqual(lifecycle, [], 'a lifecycle script would build inside `npm pack` (and this test)');
  });
});

describe('the server package (server/)', () => {
  it('is an ES module package named community-led-widgets-server', () => {
    assert.equal(serverManifest.name, 'community-led-widgets-server');
    assert.equal(serverManifest.type, 'module');
  });

  it('runs its bins from compiled JavaScript under dist/, each built from a TypeScript entry with a shebang', () => {
    const bin = serverManifest.bin ?? {};
    assert.deepEqual(Object.keys(bin).sort(), ['cls-import-oruk', 'cls-server', 'cls-staff']);
    const configFile = join(SERVER, 'tsconfig.build.json');
    const { config, error } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
    assert.equal(error, undefined, 'server/tsconfig.build.json does not parse');
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, SERVER, undefined, configFile);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.options.noEmit, false, 'the server build must emit JavaScript');
    for (const [name, target] of Object.entries(bin)) {
      assert.match(target, /^(?:\.\/)?dist\/.+\.js$/, `${name} should point at compiled JavaScript under dist/`);
      const emitted = resolve(SERVER, target);
      const source = parsed.fileNames.find((file) => ts.getOutputFileNames(parsed, file, false).some((out) => resolve(out) === emitted));
      assert.ok(source, `${name}: no source in server/tsconfig.build.json compiles to ${target}`);
      assert.ok(readFileSync(source, 'utf8').startsWith('#!/usr/bin/env node\n'), `${relative(ROOT, source)} needs a shebang`);
    }
    assert.equal(serverManifest.scripts?.['start'], `node ${bin['cls-server']}`);
    assert.match(rootManifest.scripts?.['start'] ?? '', new RegExp(`node server/${bin['cls-server']}$`), 'npm start runs the compiled server');
  });

  it('declares every package the server (and the src/ modules it imports) uses', () => {
    const declared = new Set(Object.keys(serverManifest.dependencies ?? {}));
    const seen = new Set<string>();
    const used = new Map<string, string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier);
          if (target.endsWith('.ts') && existsSync(target)) visit(target);
          continue;
        }
        const name = packageOf(specifier);
        if (name && !used.has(name)) used.set(name, relative(ROOT, file));
      }
    };
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.name === 'dist' || entry.name === 'node_modules') return [];
        const path = join(dir, entry.name);
        return entry.isDirectory() ? walk(path) : entry.name.endsWith('.ts') ? [path] : [];
      });
    for (const file of walk(SERVER)) visit(file);
    assert.ok([...seen].some((file) => file.startsWith(join(ROOT, 'src'))), 'the server imports src/ modules');
    const undeclared = [...used].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`);
    assert.deepEqual(undeclared, [], 'imported by the server but not in server/package.json dependencies');
    for (const name of ['hono', '@hono/node-server', '@electric-sql/pglite', 'pg', 'zod', 'postcode']) {
      assert.ok(declared.has(name), `server/package.json should depend on ${name}`);
    }
  });
});
