import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { i18n, TFunction } from 'i18next';
import { supportedLanguage, type Language } from './languages.ts';
import { formatDate, formatNumber } from './format.ts';

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
 */
export class LocaleController implements ReactiveController {
  lang: Language = 'en';
  t: TFunction;
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: Host,
    private readonly localizer: i18n,
  ) {
    host.addController(this);
    this.t = localizer.getFixedT('en');
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

  /** True when the element's strings have `key` in its language (or the English fallback). */
  has(key: string): boolean {
    return this.localizer.exists(key, { lng: this.lang });
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
    if (lang === this.lang) return;
    this.lang = lang;
    this.t = this.localizer.getFixedT(lang);
    this.host.requestUpdate();
  }
}
