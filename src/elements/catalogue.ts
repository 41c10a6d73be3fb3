/**
 * Every element the package ships: the one list that the library build
 * (vite.config.ts), the CDN bundle (src/cdn.ts), the package's root exports
 * (src/index.ts), its `exports` map (package.json) and the size benchmark
 * are made from. Adding an element is a folder under src/elements/ and one
 * line here, then `npm run elements` (see docs/adding-an-element.md).
 *
 * Plain data, no imports: Node reads it for the build as well as the
 * browser code for the bundle.
 */
export interface ElementEntry {
  /** The tag name, defined by `src/elements/<folder>/define.ts`. */
  readonly tag: `cls-${string}`;
  /** Folder under src/elements/, and the package subpath (`community-led-widgets/<folder>`). */
  readonly folder: string;
  /**
   * Space the CDN loader keeps for the tag until its chunk arrives, so the
   * page does not shift when it upgrades: about the least its first screen
   * takes at 320 to 1280 px wide, in px because a host page's rem can be
   * anything (the demo's is 10 px).
   */
  readonly reservedHeight: string;
}

export const ELEMENTS: readonly ElementEntry[] = [
  { tag: 'cls-feedback', folder: 'feedback', reservedHeight: '1150px' },
  { tag: 'cls-hub-day', folder: 'hub-day', reservedHeight: '420px' },
  { tag: 'cls-hub-finder', folder: 'hub-finder', reservedHeight: '370px' },
  { tag: 'cls-impact', folder: 'impact', reservedHeight: '660px' },
  { tag: 'cls-kiosk', folder: 'kiosk', reservedHeight: '0px' },
  { tag: 'cls-resource-wheel', folder: 'resource-wheel', reservedHeight: '1200px' },
  { tag: 'cls-self-assessment', folder: 'self-assessment', reservedHeight: '700px' },
];
