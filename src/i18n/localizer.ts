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

/** Values a string may use: `{{name}}` is replaced by `name`'s value; a numeric `count` also picks the plural form. */
export type TranslateOptions = Readonly<Record<string, unknown>> & { readonly count?: number };

/** The words for `key` in one language, with its values filled in. */
export type Translate = (key: string, options?: TranslateOptions) => string;

/**
 * A site's own words for some of an element's strings, per language, by key
 * (`{ "en": { "heading": "Find a talking point" }, "cy": { … } }`). A key
 * is a string's dotted path as `docs/strings.md` lists it; a plural string
 * is overridden form by form (`session.places_one`, `session.places_other`).
 */
export type StringOverrides = Partial<Record<Language, Readonly<Record<string, string>>>>;

/** The shared strings in languages other than English, one chunk for every element. */
const commonStrings: { [L in Exclude<Language, 'en'>]: () => Promise<Messages> } = {
  cy: () => import('./common.cy.ts').then((module) => module.commonCy),
};
/** Fetched once for the whole page, whichever element asks first. */
const commonLoaded = new Map<Language, Messages>([['en', common]]);

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralOf(lang: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/**
 * The text at a dotted path of a catalogue, if there is text there. A key
 * may itself hold dots (`'contact.method'` names one field), so each step
 * tries the segments joined as well as one at a time.
 */
function lookUp(messages: Messages | string | undefined, parts: readonly string[], from = 0): string | undefined {
  if (from === parts.length) return typeof messages === 'string' ? messages : undefined;
  if (messages === undefined || typeof messages === 'string') return undefined;
  for (let to = from + 1; to <= parts.length; to += 1) {
    const next = messages[parts.slice(from, to).join('.')];
    const text = next === undefined ? undefined : lookUp(next, parts, to);
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * One kind of element's strings: its own catalogue, then the shared
 * `common` one, in the element's language and then in English. Each element
 * asks for a `t` fixed to its own language, so two widgets in different
 * languages can share a page; nothing is global, so a host page's own
 * translation library is never touched.
 *
 * Plural forms follow the keys' `_zero`, `_one`, `_two`, `_few`, `_many`
 * and `_other` suffixes, picked by the language's `Intl.PluralRules` (Welsh
 * has all six); `_zero` is used for a count of 0 wherever a string has it.
 */
export class Localizer {
  private readonly own = new Map<Language, Messages>();
  private readonly loads = new Map<Language, Promise<void>>();

  constructor(
    private readonly strings: ElementStrings,
    readonly namespace: string,
    /** Values every string may use, such as how many days a draft lasts: the rule's own constant, never a copy in the text. */
    private readonly variables: Readonly<Record<string, string | number>> = {},
  ) {
    this.own.set('en', strings.en);
  }

  /** True when `lang`'s strings are here (English always is). */
  loaded(lang: Language): boolean {
    return this.own.has(lang);
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
      loading = Promise.all([commonLoaded.get(lang) ?? commonStrings[lang](), this.strings[lang]()]).then(
        ([shared, own]) => {
          commonLoaded.set(lang, shared);
          this.own.set(lang, own);
        },
        () => {
          this.loads.delete(lang);
        },
      );
      this.loads.set(lang, loading);
    }
    return loading;
  }

  /** True when `key` has words in `lang` or in the English fallback. */
  has(key: string, lang: Language): boolean {
    return this.find(key, lang, undefined) !== undefined;
  }

  /**
   * A `t` fixed to `lang` (English for any string not yet loaded). A string
   * given a `count` may show it as `{{n}}`, written as the language writes
   * numbers ("1,234"), without every caller formatting it again. A key with
   * no words anywhere comes back as itself, so a gap shows and is caught.
   */
  t(lang: Language, overrides?: Readonly<Record<string, string>>): Translate {
    return (key, options) => {
      const count = typeof options?.count === 'number' ? options.count : undefined;
      const text = (overrides && this.overridden(overrides, key, lang, count)) ?? this.find(key, lang, count);
      if (text === undefined) return key;
      const values: Readonly<Record<string, unknown>> =
        count !== undefined && !(options && 'n' in options) ? { ...options, n: formatNumber(lang, count) } : (options ?? {});
      return text.replace(PLACEHOLDER, (match, name: string) => {
        const value = name in values ? values[name] : this.variables[name];
        // An unfilled placeholder stays as written, so tests can find it.
        return value === undefined || value === null ? match : String(value);
      });
    };
  }

  /** Whether `key` (or, for a plural string, one of its forms) is a string of this element or of `common`, in English. */
  knows(key: string): boolean {
    return [this.own.get('en'), common].some((messages) => lookUp(messages, key.split('.')) !== undefined);
  }

  /** A site's words for `key`: the plural form the count picks, else the key itself. */
  private overridden(overrides: Readonly<Record<string, string>>, key: string, lang: Language, count: number | undefined): string | undefined {
    if (count !== undefined) {
      const forms = count === 0 ? [`${key}_zero`, `${key}_${pluralOf(lang, count)}`] : [`${key}_${pluralOf(lang, count)}`];
      for (const form of forms) if (overrides[form] !== undefined) return overrides[form];
    }
    return overrides[key];
  }

  private find(key: string, lang: Language, count: number | undefined): string | undefined {
    for (const code of lang === 'en' ? (['en'] as const) : [lang, 'en' as const]) {
      const catalogues = [this.own.get(code), this.own.has(code) ? commonLoaded.get(code) : undefined];
      for (const messages of catalogues) {
        if (!messages) continue;
        if (count !== undefined) {
          const forms = count === 0 ? [`${key}_zero`, `${key}_${pluralOf(code, count)}`] : [`${key}_${pluralOf(code, count)}`];
          for (const form of forms) {
            const text = lookUp(messages, form.split('.'));
            if (text !== undefined) return text;
          }
        }
        const text = lookUp(messages, key.split('.'));
        if (text !== undefined) return text;
      }
    }
    return undefined;
  }
}

/** The localizer of one kind of element: its namespace's strings, plus `common`. */
export function createLocalizer(strings: ElementStrings, namespace: string, variables?: Readonly<Record<string, string | number>>): Localizer {
  return new Localizer(strings, namespace, variables);
}
