import { html, nothing, type TemplateResult } from 'lit';
import type { AnswerValue } from '../../../contract/questionnaire.ts';
import type { ChoiceGroupOptions } from '../../../shared-ui/choice-group.ts';
import { textArea } from '../../../shared-ui/field.ts';
import type { AnswerContext, QuestionOf } from './types.ts';

/** What every choice question (radios, checkboxes, a scale) shares: the question is the fieldset's legend and the page's heading. */
export function questionGroup(
  question: QuestionOf<'single' | 'multiple' | 'scale'>,
  context: AnswerContext,
): Omit<ChoiceGroupOptions, 'choices' | 'value' | 'onChange'> {
  return {
    id: 'answer',
    name: 'answer',
    legend: question.title,
    legendId: 'question-heading',
    legendClass: 'question-heading',
    hint: question.hint,
    error: context.error(question.id),
    optional: question.optional ?? false,
    messages: context.messages,
  };
}

type OptionQuestion = QuestionOf<'single' | 'multiple'>;

/** The options a value chooses, as their values. */
export function chosenValues(value: AnswerValue | undefined): readonly string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** The choices a radio or checkbox group shows, and the chosen one(s). */
export function optionChoices(question: OptionQuestion, value: AnswerValue | undefined): Pick<ChoiceGroupOptions, 'choices' | 'value'> {
  return {
    choices: question.options.map((option) => ({ value: option.value, label: option.label })),
    value: Array.isArray(value) ? value : typeof value === 'string' ? value : undefined,
  };
}

/** The chosen options' labels, one a line. */
export function optionLabels(question: OptionQuestion, value: AnswerValue): string {
  const values = Array.isArray(value) ? value : [String(value)];
  return values.map((choice) => question.options.find((option) => option.value === choice)?.label ?? choice).join('\n');
}

/** A "tell us more" box for each chosen option that has one, stored as `<question>.<option>`. */
export function followUpBoxes(question: OptionQuestion, context: AnswerContext): TemplateResult | typeof nothing {
  const chosen = chosenValues(context.value);
  const boxes = question.options.flatMap((option) => {
    const followUp = option.followUp;
    if (!followUp || !chosen.includes(option.value)) return [];
    const key = `${question.id}.${option.value}`;
    const detail = context.answers[key];
    return [
      textArea({
        id: `follow-${option.value}`,
        name: key,
        label: followUp.label,
        hint: followUp.hint,
        error: context.error(key),
        optional: true,
        rows: 3,
        value: typeof detail === 'string' ? detail : '',
        messages: context.messages,
        onInput: (text) => context.type(key, text),
      }),
    ];
  });
  return boxes.length ? html`${boxes}` : nothing;
}
