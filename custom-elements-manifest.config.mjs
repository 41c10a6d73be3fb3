/**
 * Lit's `static properties` entries with `state: true` are internal
 * reactive state, but the analyzer reports them as attributes. Drop every
 * attribute backed by a private member so the manifest lists only the
 * public API.
 */
function omitPrivateState() {
  return {
    name: 'omit-private-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const privateNames = new Set(
            (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
          );
          declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !privateNames.has(attribute.fieldName));
          for (const member of declaration.members ?? []) {
            if (member.privacy === 'private') delete member.attribute;
          }
        }
      }
    },
  };
}

/** A real event name: `cls-` and lower-case words joined by hyphens. */
const CLS_EVENT = /^cls-[a-z]+(?:-[a-z]+)*$/;

/**
 * The analyzer lists an event for every `new CustomEvent(x, …)` it sees,
 * named by the source text of `x`: a generic helper such as
 * `emit(name, detail)` becomes an event literally called `name`, and, once in
 * a base class, is inherited by every element. Keep only events with a real
 * `cls-*` name; such a name can only come from `@fires` or a string literal,
 * since identifiers cannot contain hyphens. Each element documents its own
 * events with `@fires` (test/node/manifest.test.ts checks that every event
 * left has a description).
 */
function onlyClsEvents() {
  return {
    name: 'only-cls-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((event) => CLS_EVENT.test(event.name ?? ''));
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

/**
 * The analyzer takes its modules in the order globby finds the files, which
 * changes on a busy machine (a subfolder's files come before another's). Sort
 * them by path so that the same source always gives the same manifest.
 */
function sortModules() {
  return {
    name: 'sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Element folders also hold render functions and constants (`toolbar()`,
 * `PAGE`) that are internal: the package does not export them. Keep only
 * classes in the manifest, and drop modules left empty, so an editor shows
 * the elements and their bases and nothing a host cannot import.
 */
function onlyClasses() {
  return {
    name: 'only-classes',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.declarations = (module.declarations ?? []).filter((declaration) => declaration.kind === 'class');
        const kept = new Set(module.declarations.map((declaration) => declaration.name));
        module.exports = (module.exports ?? []).filter((entry) => kept.has(entry.declaration?.name));
      }
      customElementsManifest.modules = customElementsManifest.modules.filter((module) => module.declarations.length > 0);
    },
  };
}

/** @custom-elements-manifest/analyzer: documents every public element from its JSDoc. */
export default {
  globs: ['src/elements/*/*.ts'],
  exclude: ['src/elements/**/*.locales.ts', 'src/elements/**/*.locales.cy.ts', 'src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  // The freshness check writes a copy elsewhere to compare.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
  plugins: [omitPrivateState(), onlyClsEvents(), onlyClasses(), sortModules()],
};
