import { defineElement } from '../define-element.ts';
import { ClsImpact } from './impact.ts';

defineElement('cls-impact', ClsImpact);

export { ClsImpact };
export type { ImpactFilterDetail, ImpactSignedOutDetail } from './impact.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-impact': ClsImpact;
  }
}
