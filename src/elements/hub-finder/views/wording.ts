import type { Address } from '../../../contract/directory.ts';
import type { Session } from '../../../contract/places.ts';
import { formatDay, formatDayOn, formatDistance, formatTime, type DistanceUnits } from '../../../i18n/format.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';

/** When a session is, in words: `Thursday 3 December, 12:00 to 15:00` (UK time). */
export function sessionTime(locale: LocaleController, session: Pick<Session, 'start' | 'end'>): string {
  const start = new Date(session.start);
  return locale.t('session.time', { day: formatDay(locale.lang, start), start: formatTime(locale.lang, start), end: formatTime(locale.lang, new Date(session.end)) });
}

/**
 * When a session is, as it reads after "on" / "ar": `Thursday 3 December, 12:00 to 15:00`,
 * in Welsh with the day soft-mutated (`ddydd Iau 3 Rhagfyr, 12:00 i 15:00`).
 */
export function sessionTimeOn(locale: LocaleController, session: Pick<Session, 'start' | 'end'>): string {
  const start = new Date(session.start);
  return locale.t('session.time', { day: formatDayOn(locale.lang, start), start: formatTime(locale.lang, start), end: formatTime(locale.lang, new Date(session.end)) });
}

/** `1.2 miles away`, or undefined when the distance is not known. */
export function distanceText(locale: LocaleController, metres: number | undefined, units: DistanceUnits): string | undefined {
  if (metres === undefined) return undefined;
  return locale.t('results.away', { distance: formatDistance(locale.lang, metres, units === 'km' ? 'km' : 'miles') });
}

/** The address on one line: street, town, postcode. */
export function addressLine(address: Address): string {
  return [address.line1, address.city, address.postcode].filter(Boolean).join(', ');
}
