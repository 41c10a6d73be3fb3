import { defineElement } from '../define-element.ts';
import { ClsResourceWheel } from './resource-wheel.ts';

defineElement('cls-resource-wheel', ClsResourceWheel);

export { ClsResourceWheel };
export type { PlanChangeDetail, ResourceOpenDetail } from './resource-wheel.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-resource-wheel': ClsResourceWheel;
  }
}
