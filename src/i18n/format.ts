import { LOCALES, type Language } from './languages.ts';

/** Community Led Support runs in Great Britain: every date is shown in UK time, whatever the device says. */
export const TIME_ZONE = 'Europe/London';

export function formatNumber(lang: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

export function formatDate(lang: Language, value: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, ...options }).format(value);
}
