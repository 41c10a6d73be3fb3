import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { headingLevels, type HeadingLevels } from '../../core/heading-level.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import type { Localizer, StringOverrides } from '../../i18n/localizer.ts';
import { readPageConfig } from '../../client/config.ts';
import { FocusAfterRender } from '../../shared-ui/focus-after-render.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';

/** The `detail` type of a `cls-*` event declared in `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Names of the `cls-*` events elements declare in `HTMLElementEventMap`. */
export type ClsEventName = Extract<keyof HTMLElementEventMap, `cls-${string}`>;

/**
 * What every community-led-widgets element shares: its API base, its place
 * in the page's heading outline, its language, the shared styles, focus that
 * moves after a render, and typed `cls-*` events that bubble out of the
 * shadow root.
 *
 * A subclass sets `static localizer` to its own Localizer (see
 * `createLocalizer`) and adds its styles after `ClsElement.styles`.
 */
export class ClsElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, ...sharedStyles];

  static override properties: PropertyDeclarations = {
    apiBase: { type: String, attribute: 'api-base' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    strings: { attribute: false, noAccessor: true },
    kiosk: { type: Boolean, reflect: true },
  };

  /**
   * Public properties that can hold what a person entered or was given (a
   * postcode, answers, a resume code). When `<cls-kiosk>` clears the screen
   * it replaces the element with a fresh copy carrying every other public
   * property over (the site's configuration, however it was set), and never
   * these. A subclass lists its own.
   */
  static personal: readonly string[] = [];

  /** The element's own strings; each subclass sets it. */
  static localizer: Localizer;

  /**
   * Base URL of the API, e.g. `https://council.example/api/v1`. Falls back to
   * `apiBase` in the page's `#cls-config` script, then to `/api/v1` on the
   * same origin.
   */
  declare apiBase: string | undefined;

  /**
   * Level (2–6) of the element's main heading, to fit the host page's
   * outline. Headings inside the element are one level below (at most 6).
   */
  declare headingLevel: number;

  /**
   * A shared screen (a library or pharmacy kiosk): nothing is kept on the
   * device, no file is downloaded, there is no "email me a copy", copied link
   * or "use my location", and every target is at least 44 px. `<cls-kiosk>`
   * sets it on every element inside it.
   */
  declare kiosk: boolean;

  /**
   * The site's own words for some of this element's strings, per language:
   * `{ en: { heading: 'Find a talking point' }, cy: { heading: '…' } }`.
   * Keys are listed in docs/strings.md; these win over `strings` in the
   * page's `#cls-config`. An unknown key is reported on the console.
   */
  get strings(): StringOverrides | undefined {
    return this.ownStrings;
  }

  set strings(value: StringOverrides | undefined) {
    const old = this.ownStrings;
    this.ownStrings = value;
    if (this.isConnected) this.applyStrings();
    this.requestUpdate('strings', old);
  }

  private ownStrings: StringOverrides | undefined;

  /** The element's language and its `t`, `number` and `date`. */
  protected readonly locale: LocaleController;
  /** Moves focus after the next render (an error summary, a new page's heading). */
  protected readonly focusNext = new FocusAfterRender(this);

  constructor() {
    super();
    this.headingLevel = 2;
    this.kiosk = false;
    this.locale = new LocaleController(this, (this.constructor as typeof ClsElement).localizer);
  }

  /**
   * Holds each update while the element's language is being fetched, so the
   * first render is already in Welsh on a Welsh page (and `updateComplete`
   * waits for it).
   */
  override connectedCallback(): void {
    // Inside a kiosk from the first moment, before anything is read from the device.
    if (!this.kiosk && this.closest('cls-kiosk')) this.kiosk = true;
    super.connectedCallback();
    this.applyStrings();
  }

  /** The page's words for this element, then the element's own `strings` over them. */
  private applyStrings(): void {
    const page = readPageConfig(this.ownerDocument).strings;
    const tag = this.localName;
    const merged: StringOverrides = {};
    for (const lang of ['en', 'cy'] as const) {
      const strings = { ...page?.[lang]?.[tag], ...this.strings?.[lang] };
      if (Object.keys(strings).length) merged[lang] = strings;
    }
    if (Object.keys(merged).length || this.hasUpdated) this.locale.override(merged, `<${tag}>`);
  }

  protected override scheduleUpdate(): Promise<unknown> | undefined {
    return this.locale.schedule(() => super.scheduleUpdate());
  }

  /** The element's heading levels from `heading-level`, by the one rule every element follows. */
  protected get headings(): HeadingLevels {
    return headingLevels(this.headingLevel);
  }

  /**
   * Dispatches a `cls-*` event that bubbles out of the shadow root, with the
   * detail its declaration in `HTMLElementEventMap` names. Returns false when
   * a listener cancelled a cancelable event.
   */
  protected emit<K extends ClsEventName>(name: K, detail: EventDetail<K>, options: { cancelable?: boolean } = {}): boolean {
    // Built apart from dispatchEvent so the manifest analyzer does not list a
    // generic event here: each element documents its own with @fires.
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    return this.dispatchEvent(event);
  }
}
