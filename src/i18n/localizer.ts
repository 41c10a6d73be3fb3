import i18next, { type i18n, type TFunction, type Resource } from 'i18next';
import { LANGUAGES, type Language } from './languages.ts';

/** Strings of one namespace in one language; nested objects group keys. */
export interface Messages {
  [key: string]: string | Messages;
}

/** Every language's strings for one or more namespaces. */
export type Catalogue = Record<Language, Record<string, Messages>>;

/**
 * A private i18next instance for one kind of element. The instance's
 * language is never changed: each element asks for a `t` fixed to its own
 * language, so two widgets in different languages can share a page, and the
 * host page's own i18next (if any) is never touched.
 */
export function createLocalizer(
  catalogue: Catalogue,
  defaultNamespace: string,
  /** Values every string may use, such as how many days a draft lasts: the rule's own constant, never a copy in the text. */
  variables: Readonly<Record<string, string | number>> = {},
): i18n {
  const resources: Resource = {};
  for (const lang of LANGUAGES) resources[lang] = catalogue[lang];
  const instance = i18next.createInstance({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(catalogue.en),
    defaultNS: defaultNamespace,
    fallbackNS: 'common',
    initAsync: false,
    // Lit escapes every interpolated value when it renders text nodes.
    interpolation: { escapeValue: false, defaultVariables: { ...variables } },
    returnNull: false,
  });
  void instance.init();
  return instance;
}

export type Translate = TFunction;
