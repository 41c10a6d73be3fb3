import { textArea } from '../../../shared-ui/field.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** A text area: stored as typed. */
export const longText: QuestionTypeView<QuestionOf<'long-text'>> = {
  render: (question, context) =>
    textArea({
      id: 'answer',
      name: 'answer',
      label: question.title,
      labelId: 'question-heading',
      labelClass: 'question-heading',
      hint: question.hint,
      error: context.error(question.id),
      optional: question.optional ?? false,
      value: typeof context.value === 'string' ? context.value : '',
      messages: context.messages,
      onInput: (typed) => context.type(question.id, typed),
    }),
  answerText: (_question, value) => String(value),
  target: () => 'answer',
};
