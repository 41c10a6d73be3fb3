/** Languages every element ships complete. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 locale used for `Intl` formatting of each language. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** `cy-GB` → `cy`; anything unsupported → `en`. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}
