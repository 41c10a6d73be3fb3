import type { Translate } from '../../../i18n/localizer.ts';
import { html, nothing, type TemplateResult } from 'lit';
import type { AnswerValue, LocalisedQuestion, QuestionType } from '../../../contract/questionnaire.ts';
import { date } from './date.ts';
import { info } from './info.ts';
import { longText } from './long-text.ts';
import { multiple } from './multiple.ts';
import { number } from './number.ts';
import { postcode } from './postcode.ts';
import { scale } from './scale.ts';
import { single } from './single.ts';
import { text } from './text.ts';
import type { AnswerContext, QuestionOf, QuestionTypeView } from './types.ts';

export type { AnswerContext } from './types.ts';

/** One module per question type, by type: the compiler asks for a module for each type the contract has. */
export const questionTypes: { readonly [K in QuestionType]: QuestionTypeView<QuestionOf<K>> } = {
  info,
  single,
  multiple,
  text,
  'long-text': longText,
  number,
  date,
  postcode,
  scale,
};

function viewOf(question: LocalisedQuestion): QuestionTypeView<LocalisedQuestion> {
  // Each entry takes only its own type's questions, and is only ever given those.
  return questionTypes[question.type] as QuestionTypeView<LocalisedQuestion>;
}

/** The question's input, and its follow-up boxes. */
export function renderAnswer(question: LocalisedQuestion, context: AnswerContext): TemplateResult {
  const view = viewOf(question);
  return html`${view.render(question, context)} ${view.followUps?.(question, context) ?? nothing}`;
}

/** An answer as the person reads it back; `none` when there is none. */
export function answerText(question: LocalisedQuestion, value: AnswerValue | undefined, none: string, t: Translate): string {
  return value === undefined ? none : viewOf(question).answerText(question, value, t);
}

/** A follow-up box's field (`<question>.<option>`) on this question's page, or undefined for the answer itself. */
function followUpOption(question: LocalisedQuestion, field: string): string | undefined {
  return field === question.id ? undefined : field.slice(question.id.length + 1);
}

/** Id of the control an error on `field` (the answer, or a follow-up box) links to. */
export function errorTarget(question: LocalisedQuestion, field: string): string {
  const option = followUpOption(question, field);
  return option === undefined ? viewOf(question).target(question) : `follow-${option}`;
}

/** The most characters `field` (the answer, or a follow-up box) takes, for a too-long error. */
export function maxLengthFor(question: LocalisedQuestion, field: string): number | undefined {
  const option = followUpOption(question, field);
  if (option === undefined) return 'maxLength' in question ? question.maxLength : undefined;
  if (question.type !== 'single' && question.type !== 'multiple') return undefined;
  return question.options.find((candidate) => candidate.value === option)?.followUp?.maxLength;
}
