import { answerBox } from './text-box.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

const AUTOCOMPLETE = 'postal-code';

/** A UK postcode (the result page looks for community options near it). */
export const postcode: QuestionTypeView<QuestionOf<'postcode'>> = {
  render: (question, context) => answerBox(question, context, { autocomplete: AUTOCOMPLETE, spellcheck: false, widthClass: 'input--short' }),
  answerText: (_question, value) => String(value),
  target: () => 'answer',
  autocomplete: () => AUTOCOMPLETE,
};
