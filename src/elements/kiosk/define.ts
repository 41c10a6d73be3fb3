import { defineElement } from '../define-element.ts';
import { ClsKiosk } from './kiosk.ts';

defineElement('cls-kiosk', ClsKiosk);

export { ClsKiosk };
export type { KioskClearDetail, StaffHelpDetail } from './kiosk.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cls-kiosk': ClsKiosk;
  }
}
