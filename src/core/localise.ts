import { LocalisedQuestionnaire, type QuestionnaireDefinition } from '../contract/questionnaire.ts';
import type { Language } from '../contract/language.ts';

/**
 * One language out of a multilingual questionnaire definition (DOM-free:
 * the server answers `GET /api/v1/questionnaires/:id?lang=` with it).
 *
 * Every `LocalText` ({ en, cy?, … }) becomes the string in the asked
 * language; a text missing (or blank) in that language is given in English
 * instead and its path (e.g. `questions.3.options.1.label`) is listed in
 * `fallbacks`, so a page can mark it `lang="en"`.
 */


/**
 * The keys whose values are texts a resident reads, in the source schema:
 * a `LocalText`, or (for `intro` and an info page's `body`) an array of them.
 * Nothing else in a definition is text: ids, option values, search terms and
 * conditions (`showIf`, `when`) pass through untouched.
 */
const TEXT_KEYS: ReadonlySet<string> = new Set(['title', 'hint', 'intro', 'consent', 'label', 'suffix', 'minLabel', 'maxLabel', 'body']);

/** Conditions hold answer values (`equals: "yes"`), never texts. */
const NOT_TEXT_KEYS: ReadonlySet<string> = new Set(['showIf', 'when', 'thirdPerson']);

/** A question's own error messages: every value is a text, keyed by error code. */
const ERRORS_KEY = 'errors';

type LocalTextValue = { en: string } & Record<string, string>;

const isLocalText = (value: unknown): value is LocalTextValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string';

function walk(value: unknown, path: string[], lang: Language, fallbacks: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, String(index)], lang, fallbacks));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (NOT_TEXT_KEYS.has(key)) out[key] = child;
    else if (key === ERRORS_KEY && typeof child === 'object' && child !== null && !Array.isArray(child)) {
      out[key] = Object.fromEntries(Object.entries(child).map(([code, message]) => [code, text(message, [...path, key, code], lang, fallbacks)]));
    }
    else if (TEXT_KEYS.has(key)) out[key] = text(child, [...path, key], lang, fallbacks);
    else out[key] = walk(child, [...path, key], lang, fallbacks);
  }
  return out;
}

/** A text position: one LocalText, or an array of them. */
function text(value: unknown, path: string[], lang: Language, fallbacks: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => text(item, [...path, String(index)], lang, fallbacks));
  if (!isLocalText(value)) return value;
  const wanted = value[lang];
  if (typeof wanted === 'string' && wanted.trim() !== '') return wanted;
  fallbacks.push(path.join('.'));
  return value.en;
}

export function localiseQuestionnaire(definition: QuestionnaireDefinition, lang: Language): { questionnaire: LocalisedQuestionnaire; fallbacks: string[] } {
  const fallbacks: string[] = [];
  const walked = walk(definition, [], lang, fallbacks);
  // Parsing proves every text position was resolved (a LocalText left behind fails here).
  return { questionnaire: LocalisedQuestionnaire.parse(walked), fallbacks };
}

/** Paths of the texts each language other than English is missing. */
export function languageGaps(definition: QuestionnaireDefinition): Record<'cy', string[]> {
  return { cy: localiseQuestionnaire(definition, 'cy').fallbacks };
}
