import { defineElement } from '../define-element.ts';
import { ClsFeedback } from './feedback.ts';

defineElement('cls-feedback', ClsFeedback);

export { ClsFeedback };
export type { FeedbackSubmitDetail } from './feedback.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-feedback': ClsFeedback;
  }
}
