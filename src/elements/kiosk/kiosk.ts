import { html, type TemplateResult } from 'lit';
import { localDeviceStorage, sessionDeviceStorage, wipeDevice, DEVICE_KEY_PREFIX } from '../../core/device-store.ts';
import { addressForNextPerson, historyForNextPerson, kioskTiming, type KioskTiming } from '../../core/kiosk.ts';
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

/** An element's class as the kiosk reads it: its declared properties, and which of them are personal. */
type ElementClass = { elementProperties?: ReadonlyMap<PropertyKey, { state?: boolean }>; personal?: readonly string[] };

/** The staff outbox of conversations not yet sent (`<cls-hub-day>`): staff's work, never the resident's, so it stays. */
const KEPT_DATABASES: ReadonlySet<string> = new Set(['cls-hub-day']);

/**
 * A shared screen in a library, pharmacy or hub: wrap the page's elements in
 * it. Every element inside works in kiosk mode (nothing kept on the device,
 * no downloads, no "email me a copy" or "use my location", 44 px targets).
 * After `idle-seconds` without anyone touching the screen a dialog asks "Are
 * you still there?" with a countdown of `warning-seconds`, shown and
 * announced, and a large "I'm still here" button. When it runs out, or
 * someone chooses "Finish and clear the screen", everything personal goes:
 * each element inside is replaced by a fresh copy at its first page (the
 * attributes and children it had when it arrived in the kiosk, and every
 * public property but the personal ones such as a postcode or answers),
 * every `cls-` record in local and session storage and every `cls-`
 * IndexedDB database (but `<cls-hub-day>`'s outbox of staff records not yet
 * sent) is deleted, and `cls-` parameters (a manage link, a resume code, a
 * shared plan) leave the address and `cls-` keys leave `history.state`.
 * Listen for the elements' events on the kiosk or the document rather than
 * on an element, since the element is replaced. Elements inside another
 * component's shadow root are out of its reach.
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

  /** Each element as it first arrived: what clearing the screen puts back. */
  private readonly pristine = new WeakMap<Element, HTMLElement>();

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
    this.inactivity.reset();
    const view = this.ownerDocument.defaultView;
    if (view) view.history.replaceState(historyForNextPerson(view.history.state), '', addressForNextPerson(view.location.href) ?? view.location.href);
    wipeDevice([localDeviceStorage(), sessionDeviceStorage()]);
    // Asked for before any fresh element can open one again: IndexedDB serves requests in order.
    const deleted = Promise.all((await ourDatabases()).map(deleteDatabase));
    for (const element of this.elements()) element.replaceWith(this.freshCopy(element));
    await this.say('cleared');
    this.inactivity.unnoticed(() => this.renderRoot.querySelector<HTMLElement>('.controls')?.focus());
    this.emit('cls-kiosk-clear', { reason });
    await deleted;
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
    for (const element of found) {
      if (!isClsElement(element)) continue;
      if (!element.hasAttribute('kiosk')) element.setAttribute('kiosk', '');
      if (!this.pristine.has(element)) this.pristine.set(element, element.cloneNode(true) as HTMLElement);
    }
  }

  /**
   * The element as it arrived (attributes and children), with every public
   * property it has now but the personal ones: the site's configuration
   * carries over however it was set (an attribute, a framework's property),
   * and what a person typed or was given does not.
   */
  private freshCopy(element: HTMLElement): HTMLElement {
    const template = this.pristine.get(element) ?? element;
    const copy = template.cloneNode(true) as HTMLElement;
    this.pristine.set(copy, template);
    const { elementProperties, personal = [] } = element.constructor as ElementClass;
    const from = element as unknown as Record<string, unknown>;
    const to = copy as unknown as Record<string, unknown>;
    for (const [name, options] of elementProperties ?? []) {
      if (typeof name !== 'string' || options.state || personal.includes(name)) continue;
      if (from[name] !== undefined) to[name] = from[name];
    }
    return copy;
  }

  private async askForHelp(): Promise<void> {
    const handled = !this.emit('cls-staff-help', {}, { cancelable: true });
    await this.say(handled ? 'helpComing' : 'helpAsk');
  }

  /** Puts `message` in the bar's live region, blank first so the same words twice in a row are still said. */
  private async say(message: NonNullable<ClsKiosk['message']>): Promise<void> {
    this.message = undefined;
    await this.updateComplete;
    this.message = message;
    await this.updateComplete;
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="controls" part="controls" role="region" aria-label=${t('controls')} tabindex="-1">
        <p class="message" role="status">${this.message ? t(this.message) : ''}</p>
        <div class="button-group">
          ${button({ label: t('help'), onClick: () => void this.askForHelp() })}
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

/** The IndexedDB databases of ours (names starting `cls-`, but the kept ones), where the browser lists them. */
async function ourDatabases(): Promise<string[]> {
  try {
    const databases = (await globalThis.indexedDB?.databases?.()) ?? [];
    return databases.flatMap(({ name }) => (name?.startsWith(DEVICE_KEY_PREFIX) && !KEPT_DATABASES.has(name) ? [name] : []));
  } catch {
    // No IndexedDB here (a sandboxed frame refuses it): nothing of ours is in it either.
    return [];
  }
}

/** Deletes a database; one another connection holds up (`blocked`) is still deleted once that connection closes. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

declare global {
  interface HTMLElementEventMap {
    'cls-staff-help': CustomEvent<StaffHelpDetail>;
    'cls-kiosk-clear': CustomEvent<KioskClearDetail>;
  }
}
