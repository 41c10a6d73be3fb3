/**
 * The one-script-tag loader: finds `cls-*` tags on the page (in the document
 * and in open shadow roots, now and as they appear) and imports each
 * element's chunk once, so a page with one feedback form never downloads the
 * hub finder. Kept free of Lit and of every other import: it is the only
 * file a page loads before it knows what it needs.
 */

/** Tag name → the space it takes before it is defined. */
export type ElementSpaces = Readonly<Record<string, { reservedHeight: string }>>;

/**
 * Tag name → the chunk that defines it and the chunks that chunk imports
 * (fetched alongside it), as paths relative to the loader's own URL.
 */
export type ElementChunks = Readonly<Record<string, { file: string; preloads: readonly string[] }>>;

/** `detail` of the `cls-defined` event the loader sends on `document` once a tag is defined. */
export interface DefinedDetail {
  tag: string;
}

/** The attribute that hides an element, or a container of elements, until every `cls-*` tag inside it is defined. */
export const CLOAK = 'cls-cloak';

const STARTED = Symbol.for('community-led-widgets.loader');

/**
 * The page CSS that keeps each tag's space until it is defined and hides
 * `[cls-cloak]`: the loader adopts it, and the build writes it to
 * `community-led-widgets.css` for a page to link in its head, so the space
 * is kept from the first paint, before any script has run.
 */
export function reservedSpaceCss(spaces: Readonly<Record<string, string>>): string {
  const rules = Object.entries(spaces).map(([tag, height]) => `${tag}:not(:defined):not([hidden]){display:block;min-height:var(--cls-reserved-height,${height})}`);
  // Only where scripts run: without them the elements never arrive, and a page's <noscript> fallback must not sit under empty room or stay cloaked.
  return `@media (scripting:enabled){\n${rules.join('\n')}\n[${CLOAK}]{visibility:hidden}\n}\n`;
}

function reserveSpace(spaces: Readonly<Record<string, string>>): void {
  // A constructed sheet, not a <style>: allowed under a Content-Security-Policy without 'unsafe-inline'.
  if (!('adoptedStyleSheets' in Document.prototype)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(reservedSpaceCss(spaces));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Removes `cls-cloak` from every element that has no undefined `cls-*` tag left in it (itself included). */
function uncloak(tags: readonly string[], root: Document | ShadowRoot): void {
  const undefinedTags = tags.map((tag) => `${tag}:not(:defined)`).join(',');
  for (const cloaked of root.querySelectorAll(`[${CLOAK}]`)) {
    if (!cloaked.matches(undefinedTags) && !cloaked.querySelector(undefinedTags)) cloaked.removeAttribute(CLOAK);
  }
}

/**
 * Starts the loader once per page: a second copy (a CMS plugin and a theme
 * each include the script) finds the first one running and does nothing.
 */
export function startLoader(spaces: ElementSpaces, built: ElementChunks | string, base: string): void {
  // The build writes each tag's chunks in place of the marker string; unbuilt there are none to load.
  const chunks: ElementChunks = typeof built === 'string' ? {} : built;
  const page = window as unknown as Record<symbol, boolean>;
  if (page[STARTED]) return;
  page[STARTED] = true;

  const tags = Object.keys(spaces);
  const selector = tags.join(',');
  const requested = new Set<string>();
  // Shadow roots watched, held weakly: an element removed from the page must not be kept alive by the loader.
  const watched = new WeakSet<ShadowRoot>();
  const shadowRoots = new Set<WeakRef<ShadowRoot>>();
  const roots = (): Array<Document | ShadowRoot> => {
    const live: Array<Document | ShadowRoot> = [document];
    for (const ref of shadowRoots) {
      const root = ref.deref();
      if (root) live.push(root);
      else shadowRoots.delete(ref);
    }
    return live;
  };
  reserveSpace(Object.fromEntries(tags.map((tag) => [tag, spaces[tag]?.reservedHeight ?? '200px'])));

  const preload = (href: string) => {
    if (document.head.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) return;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  };

  const request = (tag: string) => {
    if (requested.has(tag)) return;
    requested.add(tag);
    // Already defined by another copy or by an npm import: nothing to fetch.
    const chunk = chunks[tag];
    let load: Promise<unknown> = Promise.resolve();
    if (!customElements.get(tag) && chunk) {
      for (const dependency of chunk.preloads) preload(new URL(dependency, base).href);
      load = import(/* @vite-ignore */ new URL(chunk.file, base).href);
    }
    void load
      .then(() => customElements.whenDefined(tag))
      .then(
        () => {
          for (const root of roots()) uncloak(tags, root);
          document.dispatchEvent(new CustomEvent<DefinedDetail>('cls-defined', { detail: { tag } }));
        },
        (error: unknown) => {
          // Offline or blocked: show whatever the page put inside the tag.
          requested.delete(tag);
          for (const cloaked of document.querySelectorAll(`[${CLOAK}]`)) cloaked.removeAttribute(CLOAK);
          console.error(`community-led-widgets: <${tag}> could not be loaded.`, error);
        },
      );
  };

  const scan = (node: ParentNode) => {
    if (node instanceof Element && node.matches(selector)) request(node.localName);
    for (const element of node.querySelectorAll('*')) {
      if (tags.includes(element.localName)) request(element.localName);
      if (element.shadowRoot) watch(element.shadowRoot);
    }
    if (node instanceof Element && node.shadowRoot) watch(node.shadowRoot);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) for (const added of record.addedNodes) if (added instanceof Element) scan(added);
  });
  function watch(root: Document | ShadowRoot): void {
    if (root instanceof ShadowRoot) {
      if (watched.has(root)) return;
      watched.add(root);
      shadowRoots.add(new WeakRef(root));
    }
    observer.observe(root, { childList: true, subtree: true });
    scan(root);
  }

  if (document.readyState === 'loading') {
    // A module script runs after parsing, but a classic copy of the loader may run earlier.
    document.addEventListener('DOMContentLoaded', () => watch(document), { once: true });
  } else {
    watch(document);
  }
}
