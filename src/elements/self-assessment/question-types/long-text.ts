import { textArea } from '../../../shared-ui/field.ts';
import { questionField } from './text-box.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** A text area: stored as typed. */
export const longText: QuestionTypeView<QuestionOf<'long-text'>> = {
  render: (question, context) =>
    textArea({ ...questionField(question, context), value: typeof context.value === 'string' ? context.value : '' }),
  answerText: (_question, value) => String(value),
  target: () => 'answer',
};
