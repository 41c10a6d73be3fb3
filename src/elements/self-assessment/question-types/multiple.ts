import { choiceGroup, firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { optionChoices, optionLabels, questionGroup } from './choices.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** Any number of options, as checkboxes; an `exclusive` one ("None of these") stands alone. */
export const multiple: QuestionTypeView<QuestionOf<'multiple'>> = {
  render: (question, context) =>
    choiceGroup({
      ...questionGroup(question, context),
      ...optionChoices(question, context.value, context),
      multiple: true,
      onChange: (choice, checked) => {
        const chosen = Array.isArray(context.value) ? context.value : [];
        const exclusive = new Set(question.options.filter((option) => option.exclusive).map((option) => option.value));
        // "None of these" clears the others, and any other choice clears "None of these".
        const next = !checked ? chosen.filter((other) => other !== choice) : exclusive.has(choice) ? [choice] : [...chosen.filter((other) => !exclusive.has(other)), choice];
        context.set(next);
      },
    }),
  answerText: optionLabels,
  target: () => firstChoiceId('answer'),
};
