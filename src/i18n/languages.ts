import { LANGUAGES, type Language } from '../contract/language.ts';

export { LANGUAGES, type Language };

/** BCP 47 locale used for `Intl` formatting of each language. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** `cy-GB` → `cy`; anything unsupported → `en`. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}
