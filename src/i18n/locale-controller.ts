import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { supportedLanguage, type Language } from './languages.ts';
import { formatDate, formatNumber } from './format.ts';
import type { Localizer, StringOverrides, Translate } from './localizer.ts';

type Host = ReactiveControllerHost & HTMLElement;

/** The nearest `lang`, crossing shadow roots: the element's own, an ancestor's, the document's. */
export function nearestLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * Gives an element its language: the `lang` attribute, else the nearest
 * `lang` on the page, else English. It follows changes to the element's and
 * the document's `lang` so a page-level language switch needs no reload, and
 * nothing the resident typed is lost when the language changes.
 *
 * A language other than English is fetched the first time it is needed;
 * until it arrives the element keeps its current language, and `loading`
 * lets the host hold its first render so it never flashes English.
 */
export class LocaleController implements ReactiveController {
  lang: Language = 'en';
  t: Translate;
  /** Pending while the strings of the language the page asks for are fetched. */
  loading: Promise<void> | undefined;
  private observer: MutationObserver | undefined;
  private overrides: StringOverrides = {};

  constructor(
    private readonly host: Host,
    private readonly localizer: Localizer,
  ) {
    host.addController(this);
    this.t = localizer.t('en');
  }

  hostConnected(): void {
    this.refresh();
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /**
   * For a host's `scheduleUpdate()`: runs `update` now, or once the language
   * the page asks for has arrived, so a Welsh page's first render is already
   * Welsh and `updateComplete` waits for it.
   */
  schedule(update: () => unknown): Promise<unknown> | undefined {
    if (this.loading) return this.loading.then(update);
    update();
    return undefined;
  }

  /**
   * A site's own words for some strings (see `StringOverrides`). A key that
   * is not one of the element's strings is reported once on the console,
   * naming the element, and otherwise ignored.
   */
  override(overrides: StringOverrides, element: string): void {
    for (const [lang, strings] of Object.entries(overrides)) {
      for (const key of Object.keys(strings ?? {})) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
        if (!this.localizer.knows(key) && !this.localizer.knows(`${base}_other`)) {
          console.warn(`${element}: "${key}" (${lang}) is not one of its strings, so it changes nothing. docs/strings.md lists them.`);
        }
      }
    }
    this.overrides = overrides;
    this.t = this.localizer.t(this.lang, overrides[this.lang]);
    this.host.requestUpdate();
  }

  /** True when the element's strings have `key` in its language (or the English fallback). */
  has(key: string): boolean {
    return this.localizer.has(key, this.lang);
  }

  /** Format a number in the element's language. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.lang, value, options);
  }

  /** Format a date in the element's language, in UK time. */
  date(value: Date): string {
    return formatDate(this.lang, value);
  }

  private refresh(): void {
    const lang = supportedLanguage(nearestLang(this.host));
    if (this.localizer.loaded(lang)) {
      this.loading = undefined;
      this.apply(lang);
      return;
    }
    const loading = this.localizer.load(lang).then(() => {
      // Only the latest request counts: the page may have switched again.
      if (this.loading !== loading) return;
      this.loading = undefined;
      this.apply(this.localizer.loaded(lang) ? lang : this.lang);
    });
    this.loading = loading;
  }

  private apply(lang: Language): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.t = this.localizer.t(lang, this.overrides[lang]);
    this.host.requestUpdate();
  }
}
