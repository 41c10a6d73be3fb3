import { choiceGroup, firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { followUpBoxes, optionChoices, optionLabels, questionGroup } from './choices.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** One option, as radios. */
export const single: QuestionTypeView<QuestionOf<'single'>> = {
  render: (question, context) =>
    choiceGroup({
      ...questionGroup(question, context),
      ...optionChoices(question, context.value),
      onChange: (choice) => context.set(choice),
    }),
  followUps: followUpBoxes,
  answerText: optionLabels,
  target: () => firstChoiceId('answer'),
};
