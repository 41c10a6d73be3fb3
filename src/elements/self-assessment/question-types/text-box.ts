import { html, type TemplateResult } from 'lit';
import { textInput, type FieldOptions, type TextInputOptions } from '../../../shared-ui/field.ts';
import type { AnswerContext, QuestionOf } from './types.ts';

/** What every typed answer's field shares: the question as its label and the page's heading, its hint, error and messages. */
export function questionField(
  question: QuestionOf<'text' | 'postcode' | 'long-text'>,
  context: AnswerContext,
): Omit<FieldOptions, 'value'> {
  return {
    id: 'answer',
    name: 'answer',
    label: question.title,
    labelId: 'question-heading',
    labelClass: 'question-heading',
    labelHeading: context.headingLevel,
    hint: question.hint,
    error: context.error(question.id),
    optional: question.optional ?? false,
    messages: context.messages,
    onInput: (text) => context.type(question.id, text),
  };
}

/**
 * A one-line answer box, the question as its label and the page's heading.
 * What is typed is stored as it is; once the person leaves the box (or
 * presses Enter) it is stored as the engine normalises it (a trimmed text, a
 * postcode in capitals), as GOV.UK's inputs do.
 */
export function answerBox(
  question: QuestionOf<'text' | 'postcode'>,
  context: AnswerContext,
  options: Pick<TextInputOptions, 'autocomplete' | 'spellcheck' | 'widthClass'>,
): TemplateResult {
  const value = context.value;
  return html`<div @change=${(event: Event) => context.set((event.target as HTMLInputElement).value)}>
    ${textInput({ ...questionField(question, context), value: value === undefined ? '' : String(value), inputmode: 'text', enterkeyhint: 'next', ...options })}
  </div>`;
}
