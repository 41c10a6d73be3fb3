import { characterCount, type CharacterCount } from '../core/character-count.ts';
import type { LocaleController } from '../i18n/locale-controller.ts';

/** The GOV.UK character-count message ("You have 12 characters remaining") in the element's language. */
export function characterCountMessage(locale: LocaleController, value: string, max: number): CharacterCount & { text: string } {
  const count = characterCount(value, max);
  const n = locale.number(Math.abs(count.remaining));
  const text = count.over
    ? locale.t('characterCount.over', { ns: 'common', count: -count.remaining, n })
    : locale.t('characterCount.remaining', { ns: 'common', count: count.remaining, n });
  return { ...count, text };
}
