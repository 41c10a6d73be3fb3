import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normaliseManifest, type Json } from '../../scripts/manifest.ts';

/*
 * custom-elements.json is what editors and docs read about each element. Its
 * events must be the real `cls-*` events, each documented; the freshness
 * check (scripts/check-cem.ts) must not be fooled by the analyzer's order.
 */

interface ManifestEvent {
  name?: string;
  description?: string;
  inheritedFrom?: { name: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: ManifestEvent[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: Declaration[] }>;
}
interface Plugin {
  name: string;
  packageLinkPhase?: (context: { customElementsManifest: Manifest }) => void;
}

const CLS_EVENT = /^cls-[a-z]+(?:-[a-z]+)*$/;
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as Manifest;
const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement).map((d) => ({ path: module.path, ...d })));

describe('custom-elements.json', () => {
  it('lists the elements', () => {
    const tags = elements.map((element) => element.tagName).filter(Boolean);
    for (const tag of ['cls-feedback', 'cls-hub-finder', 'cls-resource-wheel', 'cls-self-assessment']) assert.ok(tags.includes(tag), `${tag} is missing`);
  });

  it('names every event of every element cls-…, with a description', () => {
    const problems = elements.flatMap((element) =>
      (element.events ?? []).flatMap((event) => {
        const where = `${element.tagName ?? element.name} (${element.path}): event ${JSON.stringify(event.name)}`;
        return [
          ...(CLS_EVENT.test(event.name ?? '') ? [] : [`${where} is not a cls-* name`]),
          ...(event.description?.trim() ? [] : [`${where} has no description (document it with @fires)`]),
        ];
      }),
    );
    assert.deepEqual(problems, []);
  });

  it('lists modules in path order, as the config sorts them', () => {
    const paths = manifest.modules.map((module) => module.path);
    assert.deepEqual(paths, [...paths].sort());
  });
});

describe('the manifest config', async () => {
  // Imported by path: the config is plain JavaScript without types.
  const configPath = '../../custom-elements-manifest.config.mjs';
  const config = ((await import(configPath)) as { default: { plugins: Plugin[] } }).default;
  const run = (value: Manifest) => {
    for (const plugin of config.plugins) plugin.packageLinkPhase?.({ customElementsManifest: value });
    return value;
  };

  it('drops events that a generic helper would add, inherited or not, and keeps cls-* events', () => {
    const result = run({
      modules: [
        {
          path: 'src/elements/b/b.ts',
          declarations: [
            {
              kind: 'class',
              name: 'B',
              customElement: true,
              events: [
                { name: 'name' },
                { name: 'name', inheritedFrom: { name: 'ClsElement' } },
                { name: 'type' },
                { name: '`cls-${kind}`' },
                { name: 'cls-save', description: 'Saved.' },
              ],
            },
          ],
        },
        { path: 'src/elements/a/base.ts', declarations: [{ kind: 'class', name: 'ClsElement', customElement: true, events: [{ name: 'name' }] }] },
      ],
    });
    assert.deepEqual(
      result.modules.map((module) => module.path),
      ['src/elements/a/base.ts', 'src/elements/b/b.ts'],
    );
    assert.equal(result.modules[0]?.declarations?.[0]?.events, undefined);
    assert.deepEqual(result.modules[1]?.declarations?.[0]?.events, [{ name: 'cls-save', description: 'Saved.' }]);
  });

  it('compares manifests whatever the order of their modules, members and events', () => {
    const a: Json = {
      schemaVersion: '1.0.0',
      modules: [
        { path: 'x.ts', declarations: [{ kind: 'class', name: 'X', members: [{ kind: 'field', name: 'b' }, { kind: 'field', name: 'a' }] }] },
        { path: 'y.ts', declarations: [{ kind: 'class', name: 'Y', events: [{ name: 'cls-b' }, { name: 'cls-a' }] }] },
      ],
    };
    const b: Json = {
      modules: [
        { declarations: [{ name: 'Y', kind: 'class', events: [{ name: 'cls-a' }, { name: 'cls-b' }] }], path: 'y.ts' },
        { path: 'x.ts', declarations: [{ kind: 'class', name: 'X', members: [{ kind: 'field', name: 'a' }, { kind: 'field', name: 'b' }] }] },
      ],
      schemaVersion: '1.0.0',
    };
    assert.deepEqual(normaliseManifest(a), normaliseManifest(b));
    // Order that means something is kept: parameters, and the text of types.
    const withParameters = (names: string[]): Json => ({ modules: [{ path: 'x.ts', declarations: [{ kind: 'function', name: 'f', parameters: names.map((name) => ({ name })) }] }] });
    assert.notDeepEqual(normaliseManifest(withParameters(['a', 'b'])), normaliseManifest(withParameters(['b', 'a'])));
  });
});
