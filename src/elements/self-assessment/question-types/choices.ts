import type { TemplateResult } from 'lit';
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
    legendHeading: context.headingLevel,
    hint: question.hint,
    error: context.error(question.id),
    optional: question.optional ?? false,
    messages: context.messages,
  };
}

type OptionQuestion = QuestionOf<'single' | 'multiple'>;

/**
 * The choices a radio or checkbox group shows, and the chosen one(s); an
 * option with a "tell us more" box reveals it right under itself while
 * chosen (the GOV.UK conditional reveal).
 */
export function optionChoices(question: OptionQuestion, value: AnswerValue | undefined, context?: AnswerContext): Pick<ChoiceGroupOptions, 'choices' | 'value'> {
  return {
    choices: question.options.map((option) => {
      const box = context && followUpBox(question, option, context);
      return { value: option.value, label: option.label, ...(box ? { conditional: box } : {}) };
    }),
    value: Array.isArray(value) ? value : typeof value === 'string' ? value : undefined,
  };
}

/** The chosen options' labels, one a line. */
export function optionLabels(question: OptionQuestion, value: AnswerValue): string {
  const values = Array.isArray(value) ? value : [String(value)];
  return values.map((choice) => question.options.find((option) => option.value === choice)?.label ?? choice).join('\n');
}

/**
 * The "tell us more" box of one option, stored as `<question>.<option>`,
 * labelled with the option it is about ("Tell us more about “Money”").
 * The box is always optional, so its label is marked once.
 */
function followUpBox(question: OptionQuestion, option: OptionQuestion['options'][number], context: AnswerContext): TemplateResult | undefined {
  const followUp = option.followUp;
  if (!followUp) return undefined;
  const key = `${question.id}.${option.value}`;
  const detail = context.answers[key];
  return textArea({
    id: `follow-${option.value}`,
    name: key,
    label: context.t('followUp', { prompt: followUp.label, option: option.label }),
    hint: followUp.hint,
    error: context.error(key),
    optional: true,
    rows: 3,
    value: typeof detail === 'string' ? detail : '',
    messages: context.messages,
    onInput: (text) => context.type(key, text),
  });
}
