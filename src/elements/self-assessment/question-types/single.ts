import { choiceGroup, firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { optionChoices, optionLabels, questionGroup } from './choices.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** One option, as radios. */
export const single: QuestionTypeView<QuestionOf<'single'>> = {
  render: (question, context) =>
    choiceGroup({
      ...questionGroup(question, context),
      ...optionChoices(question, context.value, context),
      onChange: (choice) => context.set(choice),
    }),
  answerText: optionLabels,
  target: () => firstChoiceId('answer'),
};
