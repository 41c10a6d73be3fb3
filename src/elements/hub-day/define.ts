import { defineElement } from '../define-element.ts';
import { ClsHubDay } from './hub-day.ts';

defineElement('cls-hub-day', ClsHubDay);

export { ClsHubDay };
export type { HubDaySyncDetail } from './hub-day.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-hub-day': ClsHubDay;
  }
}
