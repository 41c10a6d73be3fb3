import type { Answers } from '../../../contract/questionnaire.ts';

/*
 * The `detail` of each event <cls-self-assessment> fires (the element's
 * module re-exports them), and their declarations in `HTMLElementEventMap`.
 */

/** `detail` of `cls-step-change`. */
export interface StepChangeDetail {
  page: string;
  /** Only with `include-answers`. */
  answers?: Answers;
}
/** `detail` of `cls-save`. */
export interface SaveDetail {
  code: string;
  /** Only with `include-answers`. */
  answers?: Answers;
}
/** `detail` of `cls-submit` and `cls-complete`. */
export interface SubmitDetail {
  reference: string;
  /** Only with `include-answers`. */
  answers?: Answers;
}
/** `detail` of `cls-next-step`: which other widget would help next. */
export interface NextStepDetail {
  step: 'hub-finder' | 'resource-wheel';
}

declare global {
  interface HTMLElementEventMap {
    'cls-step-change': CustomEvent<StepChangeDetail>;
    'cls-save': CustomEvent<SaveDetail>;
    'cls-submit': CustomEvent<SubmitDetail>;
    'cls-complete': CustomEvent<SubmitDetail>;
    'cls-next-step': CustomEvent<NextStepDetail>;
    'cls-urgent': CustomEvent<{ answers?: Answers }>;
    'cls-timeout': CustomEvent<{ answers?: Answers }>;
  }
}
