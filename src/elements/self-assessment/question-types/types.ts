import type { Translate } from '../../../i18n/localizer.ts';
import type { nothing, TemplateResult } from 'lit';
import type { AnswerValue, Answers, LocalisedQuestion, QuestionType } from '../../../contract/questionnaire.ts';
import type { FieldMessages } from '../../../shared-ui/field.ts';

/** The question of one type, e.g. `QuestionOf<'scale'>`. */
export type QuestionOf<K extends QuestionType> = Extract<LocalisedQuestion, { type: K }>;

/** What a question's input needs from the element. */
export interface AnswerContext {
  t: Translate;
  messages: FieldMessages;
  /** Level of the page's heading (an information page's title). */
  headingLevel: number;
  /** Where a link to another questionnaire goes (an information page's `link`). */
  questionnaireHref?: (id: string) => string;
  /** Every answer (a follow-up box's is stored beside its question's, as `<question>.<option>`). */
  answers: Answers;
  /** This question's answer. */
  value: AnswerValue | undefined;
  /** The error message beside a field: the answer (by question id) or a follow-up box (by its key). */
  error(field: string): string | undefined;
  /** Store what the person chose or entered, as the engine normalises it for this question. */
  set(raw: unknown): void;
  /** Store text as it is typed, under `key` (the answer, or a follow-up box). */
  type(key: string, text: string): void;
}

/**
 * Everything the element does differently for one question type. A new
 * type is its schema in the contract, its rules in the engine
 * (`src/core/questionnaire.ts`), one module like this, and its line in the
 * registry (`index.ts`).
 */
export interface QuestionTypeView<Q extends LocalisedQuestion> {
  /** The question's input, with the question as the page's heading (`#question-heading`). */
  render(question: Q, context: AnswerContext): TemplateResult;
  /** What follows the input: the "tell us more" boxes of the chosen options. */
  followUps?(question: Q, context: AnswerContext): TemplateResult | typeof nothing;
  /** An answer as the person reads it back on the check answers page (`t` for words around it, e.g. "4 out of 5"). */
  answerText(question: Q, value: AnswerValue, t: Translate): string;
  /** Id of the control that an error on the answer links to (and focus goes to) from the error summary. */
  target(question: Q): string;
  /** The `autocomplete` token of its input, for the types that have one. */
  autocomplete?(question: Q): string;
}
