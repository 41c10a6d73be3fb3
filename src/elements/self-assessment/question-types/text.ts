import { answerBox } from './text-box.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** The autocomplete hints a definition may ask for; anything else is off. */
const AUTOCOMPLETE = ['name', 'given-name', 'family-name', 'email', 'tel', 'postal-code', 'street-address', 'bday'] as const;

const autocomplete = (question: QuestionOf<'text'>) => AUTOCOMPLETE.find((hint) => hint === question.autocomplete) ?? 'off';

/** A short text answer. */
export const text: QuestionTypeView<QuestionOf<'text'>> = {
  render: (question, context) => answerBox(question, context, { autocomplete: autocomplete(question), spellcheck: true }),
  answerText: (_question, value) => String(value),
  target: () => 'answer',
  autocomplete,
};
