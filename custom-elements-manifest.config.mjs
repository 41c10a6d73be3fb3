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

/** @custom-elements-manifest/analyzer: documents every public element from its JSDoc. */
export default {
  globs: ['src/elements/*/*.ts'],
  exclude: ['src/elements/**/*.locales.ts', 'src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  // The freshness check writes a copy elsewhere to compare.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: false,
  plugins: [omitPrivateState()],
};
