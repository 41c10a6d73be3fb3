import { defineElement } from '../define-element.ts';
import { ClsSelfAssessment } from './self-assessment.ts';

defineElement('cls-self-assessment', ClsSelfAssessment);

export { ClsSelfAssessment };
export type { NextStepDetail, SaveDetail, StepChangeDetail, SubmitDetail } from './self-assessment.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-self-assessment': ClsSelfAssessment;
  }
}
