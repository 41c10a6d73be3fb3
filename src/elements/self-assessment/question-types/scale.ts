import { choiceGroup, firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { questionGroup } from './choices.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

const POINTS = [1, 2, 3, 4, 5] as const;

/** 1 to 5, as radios, with words at both ends. */
export const scale: QuestionTypeView<QuestionOf<'scale'>> = {
  render: (question, context) =>
    choiceGroup({
      ...questionGroup(question, context),
      choices: POINTS.map((n) => ({ value: String(n), label: n === 1 ? `1 – ${question.minLabel}` : n === 5 ? `5 – ${question.maxLabel}` : String(n) })),
      value: context.value === undefined ? undefined : String(context.value),
      onChange: (choice) => context.set(Number(choice)),
    }),
  // "4 out of 5", not a bare "4" that reads back as nothing.
  answerText: (_question, value, t) => t('check.outOf', { value: String(value), max: String(POINTS.length) }),
  target: () => firstChoiceId('answer'),
};
