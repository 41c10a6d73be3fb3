import i18next, { type i18n, type TFunction } from 'i18next';
import { common } from './common.ts';
import { formatNumber } from './format.ts';
import type { Language } from './languages.ts';

/**
 * A message to say (a key and its values) rather than its words, for text
 * that must follow a change of language after it was set, such as a live
 * region's.
 */
export interface Said {
  key: string;
  params?: Record<string, string | number>;
}

/** Strings of one namespace in one language; nested objects group keys. */
export interface Messages {
  [key: string]: string | Messages;
}

/**
 * An element's strings: English in the bundle (it is also the fallback for
 * any missing key), every other language loaded the first time an element
 * is shown in it, so a page in English never downloads Welsh.
 */
export type ElementStrings = { en: Messages } & { [L in Exclude<Language, 'en'>]: () => Promise<Messages> };

/** The shared strings in languages other than English, one chunk for every element. */
const commonStrings: { [L in Exclude<Language, 'en'>]: () => Promise<Messages> } = {
  cy: () => import('./common.cy.ts').then((module) => module.commonCy),
};

/**
 * A private i18next instance for one kind of element, with its namespace
 * and the shared `common` one. The instance's language is never changed:
 * each element asks for a `t` fixed to its own language, so two widgets in
 * different languages can share a page, and the host page's own i18next (if
 * any) is never touched.
 */
export class Localizer {
  readonly i18n: i18n;
  private readonly loads = new Map<Language, Promise<void>>();

  constructor(
    private readonly strings: ElementStrings,
    private readonly namespace: string,
    /** Values every string may use, such as how many days a draft lasts: the rule's own constant, never a copy in the text. */
    variables: Readonly<Record<string, string | number>> = {},
  ) {
    this.i18n = i18next.createInstance({
      resources: { en: { common, [namespace]: strings.en } },
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: ['en', ...Object.keys(commonStrings)],
      ns: ['common', namespace],
      defaultNS: namespace,
      fallbackNS: 'common',
      initAsync: false,
      // Lit escapes every interpolated value when it renders text nodes.
      interpolation: { escapeValue: false, defaultVariables: { ...variables } },
      returnNull: false,
    });
    void this.i18n.init();
  }

  /** True when `lang`'s strings are here (English always is). */
  loaded(lang: Language): boolean {
    return lang === 'en' || this.i18n.hasResourceBundle(lang, this.namespace);
  }

  /**
   * Fetches `lang`'s strings once. A failed fetch (offline, a blocked
   * chunk) resolves all the same, leaving English to show, and is tried
   * again the next time.
   */
  load(lang: Language): Promise<void> {
    if (lang === 'en' || this.loaded(lang)) return Promise.resolve();
    let loading = this.loads.get(lang);
    if (!loading) {
      loading = Promise.all([commonStrings[lang](), this.strings[lang]()]).then(
        ([shared, own]) => {
          if (!this.i18n.hasResourceBundle(lang, 'common')) this.i18n.addResourceBundle(lang, 'common', shared);
          this.i18n.addResourceBundle(lang, this.namespace, own);
        },
        () => {
          this.loads.delete(lang);
        },
      );
      this.loads.set(lang, loading);
    }
    return loading;
  }

  /**
   * A `t` fixed to `lang` (English for any string not yet loaded). A string
   * given a `count` may show it as `{{n}}`, written as the language writes
   * numbers ("1,234"), without every caller formatting it again.
   */
  t(lang: Language): TFunction {
    const fixed = this.i18n.getFixedT(lang);
    const t = (key: string | string[], options?: unknown, ...rest: unknown[]) => {
      const counted =
        options && typeof options === 'object' && typeof (options as { count?: unknown }).count === 'number' && !('n' in options)
          ? { ...options, n: formatNumber(lang, (options as { count: number }).count) }
          : options;
      return (fixed as unknown as (...args: unknown[]) => string)(key, counted, ...rest);
    };
    return Object.assign(t, fixed) as unknown as TFunction;
  }
}

/** The localizer of one kind of element: its namespace's strings, plus `common`. */
export function createLocalizer(strings: ElementStrings, namespace: string, variables?: Readonly<Record<string, string | number>>): Localizer {
  return new Localizer(strings, namespace, variables);
}

export type Translate = TFunction;
