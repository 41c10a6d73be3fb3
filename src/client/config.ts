import { PageConfig } from '../contract/config.ts';

/** Where the API lives when neither the element nor the page says: the same origin. */
export const DEFAULT_API_BASE = '/api/v1';

/** Parsed configs by their text: a page (or a CMS that adds the block late) may change it. */
const cache = new Map<string, PageConfig>();

/**
 * Reads `<script type="application/json" id="cls-config">`. A malformed
 * block is reported on the console (once) and ignored, so a typo in a CMS
 * never breaks the widget.
 */
export function readPageConfig(doc: Document): PageConfig {
  const text = doc.getElementById('cls-config')?.textContent?.trim() ?? '';
  if (!text) return {};
  const cached = cache.get(text);
  if (cached) return cached;
  let config: PageConfig = {};
  try {
    const parsed = PageConfig.safeParse(JSON.parse(text));
    if (parsed.success) config = parsed.data;
    else console.warn('community-led-widgets: ignoring #cls-config:', parsed.error.issues);
  } catch (error) {
    console.warn('community-led-widgets: #cls-config is not valid JSON', error);
  }
  cache.set(text, config);
  return config;
}

/** The API base for an element: its `api-base` attribute, then the page config, then the same origin. */
export function resolveApiBase(element: Element): string {
  const own = element.getAttribute('api-base')?.trim();
  if (own) return own;
  return readPageConfig(element.ownerDocument).apiBase ?? DEFAULT_API_BASE;
}

/**
 * The Open Referral UK feed an element reads: its own `directory` if set,
 * else the reference server's `/oruk/` beside its API base.
 */
export function resolveDirectoryUrl(element: Element, directory: string | undefined, apiBase: string | undefined): string {
  const base = element.ownerDocument.baseURI;
  const explicit = directory?.trim();
  if (explicit) return new URL(explicit, base).href;
  const api = new URL(apiBase?.trim() || resolveApiBase(element), base);
  return new URL(api.pathname.replace(/\/api\/v1\/?$/, '/oruk/'), api).href;
}
