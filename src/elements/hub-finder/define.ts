import { defineElement } from '../define-element.ts';
import { ClsHubFinder } from './hub-finder.ts';

defineElement('cls-hub-finder', ClsHubFinder);

export { ClsHubFinder };
export type { BookingCancelDetail, BookingCompleteDetail, HubSelectDetail } from './hub-finder.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-hub-finder': ClsHubFinder;
  }
}
