import { html, type TemplateResult } from 'lit';
import { localDeviceStorage, sessionDeviceStorage, wipeDevice, DEVICE_KEY_PREFIX } from '../../core/device-store.ts';
import { addressForNextPerson, kioskTiming, type KioskTiming } from '../../core/kiosk.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { InactivityTimeout, timeoutWarning, timeoutWarningStyles, type ExpiryReason } from '../../shared-ui/timeout-warning.ts';
import { ClsElement } from '../base/cls-element.ts';
import { kioskMessages } from './kiosk.locales.ts';
import { kioskStyles } from './kiosk.styles.ts';

/** `detail` of `cls-kiosk-clear`: why the screen was cleared. */
export interface KioskClearDetail {
  /** `timeout`: nobody answered the warning; `finished`: someone chose to clear it (or the host called `clear()`). */
  reason: 'timeout' | 'finished';
}

/** `detail` of `cls-staff-help`. Nothing about the person: only that help was asked for. */
export type StaffHelpDetail = Record<string, never>;

const localizer = createLocalizer({ en: kioskMessages, cy: () => import('./kiosk.locales.cy.ts').then((module) => module.kioskMessagesCy) }, 'kiosk');

/** An element's class as the kiosk reads it: which script-set properties are configuration. */
type ElementClass = { configuration?: readonly string[] };

/**
 * A shared screen in a library, pharmacy or hub: wrap the page's elements in
 * it. Every element inside works in kiosk mode (nothing kept on the device,
 * no downloads, no "email me a copy" or "use my location", 44 px targets).
 * After `idle-seconds` without anyone touching the screen a dialog asks "Are
 * you still there?" with a countdown of `warning-seconds`, shown and
 * announced, and a large "I'm still here" button. When it runs out, or
 * someone chooses "Finish and clear the screen", everything personal goes:
 * each element inside is replaced by a fresh copy at its first page (the
 * same attributes, children and configuration properties), every `cls-`
 * record in local and session storage and every `cls-` IndexedDB database is
 * deleted, and `cls-` parameters (a manage link, a resume code, a shared
 * plan) leave the address. Listen for the elements' events on the kiosk or
 * the document rather than on an element, since the element is replaced.
 *
 * "Get help from staff" fires `cls-staff-help`. A host that calls staff
 * (a desk screen, a pager) cancels the event with `preventDefault()` to say
 * so, and the screen tells the person help is coming; otherwise it asks them
 * to go to the desk, so it never promises help that no one was told about.
 *
 * @summary Kiosk mode for every element inside: clears itself for the next person.
 * @tag cls-kiosk
 *
 * @slot - The elements (and any other content) of the kiosk page.
 *
 * @fires {CustomEvent<StaffHelpDetail>} cls-staff-help - Someone asked for help from staff. Cancelable: cancel it to say staff have been told. Bubbles and is composed.
 * @fires {CustomEvent<KioskClearDetail>} cls-kiosk-clear - The screen was cleared for the next person. Bubbles and is composed.
 *
 * @csspart controls - The bar with "Get help from staff" and "Finish and clear the screen".
 * @csspart button - Buttons.
 * @csspart timeout-dialog - The "Are you still there?" dialog.
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-font-size-m=large] - Body text size.
 * @cssprop [--cls-font-size-l=x-large] - Heading size, and the "I'm still here" button.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour.
 * @cssprop [--cls-color-background=#ffffff] - Background of the dialog.
 * @cssprop [--cls-color-surface=#f3f2f1] - Background of the bar, and secondary buttons.
 * @cssprop [--cls-color-primary=#1d70b8] - The bar's lower border.
 * @cssprop [--cls-color-action=#00703c] - Primary button background.
 * @cssprop [--cls-color-action-text=#ffffff] - Primary button text.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 * @cssprop [--cls-space-3=1em] - Spacing scale.
 */
export class ClsKiosk extends ClsElement {
  static override styles = [ClsElement.styles, timeoutWarningStyles, kioskStyles];
  static override localizer = localizer;

  static override properties = {
    idleSeconds: { type: Number, attribute: 'idle-seconds' },
    warningSeconds: { type: Number, attribute: 'warning-seconds' },
    message: { state: true },
  };

  /** Seconds without anyone touching the screen before the warning shows. Default 180. */
  declare idleSeconds: number;
  /** Seconds the warning counts down before the screen is cleared. Default 60. */
  declare warningSeconds: number;

  declare private message: 'cleared' | 'helpComing' | 'helpAsk' | undefined;

  private readonly inactivity = new InactivityTimeout(this, {
    minutes: () => this.timing.timeoutMs / 60_000,
    warnBeforeMs: () => this.timing.warnBeforeMs,
    minIdleMs: () => this.timing.minIdleMs,
    onExpire: (reason: ExpiryReason) => void this.clear(reason === 'timeout' ? 'timeout' : 'finished'),
  });

  /** Sets `kiosk` on every element as it arrives inside. */
  private readonly arrivals = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) this.markKiosk(node);
  });

  constructor() {
    super();
    this.idleSeconds = 180;
    this.warningSeconds = 60;
    this.kiosk = true;
  }

  private get timing(): KioskTiming {
    return kioskTiming(this.idleSeconds, this.warningSeconds);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.markKiosk(this);
    this.arrivals.observe(this, { childList: true, subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.arrivals.disconnect();
  }

  /**
   * Clears the screen for the next person now, as "Finish and clear the
   * screen" does. Resolves once every `cls-` IndexedDB database is deleted.
   */
  async clear(reason: KioskClearDetail['reason'] = 'finished'): Promise<void> {
    // The address and storage first: a fresh element reads both as it connects.
    const view = this.ownerDocument.defaultView;
    const next = view ? addressForNextPerson(view.location.href) : undefined;
    if (next && view) view.history.replaceState(null, '', next);
    wipeDevice([localDeviceStorage(), sessionDeviceStorage()]);
    for (const element of this.elements()) element.replaceWith(freshCopy(element));
    this.message = 'cleared';
    await this.updateComplete;
    this.inactivity.unnoticed(() => this.renderRoot.querySelector<HTMLElement>('.controls')?.focus());
    this.emit('cls-kiosk-clear', { reason });
    await deleteDatabases();
  }

  /** The `cls-` elements inside, outermost only (one inside another goes with it). */
  private elements(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('*')].filter((element) => {
      if (!isClsElement(element)) return false;
      for (let parent = element.parentElement; parent && parent !== this; parent = parent.parentElement) if (isClsElement(parent)) return false;
      return true;
    });
  }

  private markKiosk(root: Element): void {
    const found = root === this ? [] : [root];
    found.push(...root.querySelectorAll('*'));
    for (const element of found) if (isClsElement(element) && !element.hasAttribute('kiosk')) element.setAttribute('kiosk', '');
  }

  private askForHelp(): void {
    const handled = !this.emit('cls-staff-help', {}, { cancelable: true });
    this.message = handled ? 'helpComing' : 'helpAsk';
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="controls" part="controls" role="region" aria-label=${t('controls')} tabindex="-1">
        <p class="message" role="status">${this.message ? t(this.message) : ''}</p>
        <div class="button-group">
          ${button({ label: t('help'), onClick: () => this.askForHelp() })}
          ${button({ label: t('finish'), variant: 'secondary', onClick: () => void this.clear('finished') })}
        </div>
      </div>
      <slot></slot>
      ${timeoutWarning(this.inactivity, t, { ns: 'kiosk', prefix: 'warning' })}`;
  }
}

function isClsElement(element: Element): boolean {
  return element.localName.startsWith('cls-') && element.localName !== 'cls-kiosk';
}

/** The element as the page first had it: attributes, light children and configuration, none of what was entered. */
function freshCopy(element: HTMLElement): HTMLElement {
  const copy = element.cloneNode(true) as HTMLElement;
  const keeps = (element.constructor as ElementClass).configuration ?? [];
  const from = element as unknown as Record<string, unknown>;
  const to = copy as unknown as Record<string, unknown>;
  for (const name of keeps) if (from[name] !== undefined) to[name] = from[name];
  return copy;
}

/** Deletes every IndexedDB database whose name starts `cls-` (where the browser lists them). */
async function deleteDatabases(): Promise<void> {
  const databases = await globalThis.indexedDB?.databases?.().catch(() => []) ?? [];
  await Promise.all(
    databases
      .filter((database) => database.name?.startsWith(DEVICE_KEY_PREFIX))
      .map(
        (database) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(database.name as string);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}

declare global {
  interface HTMLElementEventMap {
    'cls-staff-help': CustomEvent<StaffHelpDetail>;
    'cls-kiosk-clear': CustomEvent<KioskClearDetail>;
  }
}
