import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/localizer.ts';
import { InactivityTimer, type Clock, type ExpiryReason } from '../core/inactivity.ts';
import { button } from './button.ts';

export type { ExpiryReason } from '../core/inactivity.ts';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/**
 * What counts as the person doing something. Not `mousemove`: a nudged
 * mouse or a cat on the keyboard tray is not someone answering questions,
 * and a passer-by must not keep the last person's answers alive.
 */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'input', 'focusin'] as const;

/** The live region speaks the time left this often at most; every second would drown everything else out. */
export const ANNOUNCE_EVERY_MS = 30_000;

export interface InactivityTimeoutOptions {
  /**
   * Minutes without activity before the answers are deleted, read at every
   * update so a changed property takes effect. `undefined`, 0, a negative
   * number or NaN: no timeout (the default).
   */
  minutes(): number | undefined;
  /**
   * Whether there is anything to lose now (false on a start or thank-you
   * page). While false the timer stays stopped; it starts on the first
   * activity once true. Default: always true.
   */
  active?(): boolean;
  /**
   * Delete the answers and show the start page. Called after the warning
   * has closed: `'timeout'` when time ran out, `'deleted'` when the person
   * chose "Delete my answers now". Show {@link timeoutExpiredNotice} there.
   */
  onExpire(reason: ExpiryReason): void;
  /** Default 2 minutes. A function is read at every update; a change rebuilds the timer, as a change of `minutes()` does. */
  warnBeforeMs?: number | (() => number);
  /** Default 1 minute; see {@link InactivityTimer} for how short timeouts are lengthened. Read as `warnBeforeMs` is. */
  minIdleMs?: number | (() => number);
  /** For tests. */
  clock?: Clock;
}

/**
 * WCAG 2.2.1 Timing Adjustable for an element: after the host's timeout
 * without activity in the element the answers are deleted, with a warning
 * 2 minutes before that one action ("Continue with my answers", or Escape)
 * dismisses, resetting the time.
 *
 * Counting starts at the first activity (key press, touch or click, typing,
 * focus) in the element while `active()` is true, so an untouched page never
 * warns. While the warning shows only an explicit choice counts: a stray key
 * press can't dismiss it unseen. The host renders {@link timeoutWarning}
 * and adds {@link timeoutWarningStyles}.
 */
export class InactivityTimeout implements ReactiveController {
  private timer: InactivityTimer | undefined;
  /** The timings the timer was built with, so a change to any of them rebuilds it. */
  private configured = '';
  private remaining = 0;
  private spoken: number | undefined;
  private bucket = 0;
  /** Closing the dialog moves focus back, which fires `focusin`: that is not the person. */
  private ignoring = false;

  constructor(
    private readonly host: Host,
    private readonly options: InactivityTimeoutOptions,
  ) {
    host.addController(this);
  }

  /** A timeout is set. */
  get enabled(): boolean {
    return this.timer !== undefined;
  }

  /** Counting (or warning) now. */
  get running(): boolean {
    return this.timer?.running ?? false;
  }

  /** The warning is showing. */
  get warning(): boolean {
    return this.timer?.warning ?? false;
  }

  /** Time left, as of the last second's update, while warning. */
  get remainingMs(): number {
    return this.remaining;
  }

  /**
   * The time left as last said to screen readers: when the warning opened,
   * then every {@link ANNOUNCE_EVERY_MS}. `announced` is true once the live
   * region has something to say (not at opening: the dialog's own
   * description says it then, and saying it twice helps nobody).
   */
  get spokenMs(): { ms: number; announced: boolean } {
    return { ms: this.spoken ?? this.remaining, announced: this.spoken !== undefined };
  }

  /** Whole minutes of inactivity really allowed (short timeouts are lengthened), for the expired message. */
  get minutes(): number {
    return this.timer ? Math.max(1, Math.round(this.timer.timeoutMs / 60_000)) : 0;
  }

  /** Start counting now, without waiting for activity (e.g. answers restored on load). Ignored with no timeout. */
  start(): void {
    this.timer?.start();
    this.host.requestUpdate();
  }

  /** "Continue with my answers": the full time again from now, warning closed. */
  extend(): void {
    this.timer?.extend();
    this.closeDialog();
    this.host.requestUpdate();
  }

  /** "Delete my answers now": expire at once (`onExpire('deleted')`). */
  deleteNow(): void {
    this.timer?.expireNow();
  }

  /** Stops counting and closes the warning, until the next activity starts it again (a kiosk just cleared). */
  reset(): void {
    this.timer?.stop();
    this.closeDialog();
    this.host.requestUpdate();
  }

  /** Runs `action` (moving focus, say) without it counting as the person doing something. */
  unnoticed(action: () => void): void {
    const was = this.ignoring;
    this.ignoring = true;
    try {
      action();
    } finally {
      this.ignoring = was;
    }
  }

  hostConnected(): void {
    for (const type of ACTIVITY_EVENTS) this.host.addEventListener(type, this.onActivity);
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY_EVENTS) this.host.removeEventListener(type, this.onActivity);
    this.timer?.stop();
    this.closeDialog();
  }

  hostUpdate(): void {
    const ms = timeoutMs(this.options.minutes());
    const warnBeforeMs = read(this.options.warnBeforeMs);
    const minIdleMs = read(this.options.minIdleMs);
    const configured = `${ms}/${warnBeforeMs}/${minIdleMs}`;
    if (configured !== this.configured) {
      this.configured = configured;
      const wasRunning = this.running;
      this.timer?.stop();
      this.timer = ms === undefined ? undefined : this.createTimer(ms, warnBeforeMs, minIdleMs);
      if (wasRunning && this.isActive()) this.timer?.start();
    }
    if (this.timer?.running && !this.isActive()) this.timer.stop();
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    if (!dialog) return;
    if (this.warning && !dialog.open) {
      dialog.showModal();
      // The primary action, so one key press keeps the answers (the dialog's
      // name and description are read as focus enters it). When the text
      // doesn't fit (high zoom, small screens), the heading instead, so the
      // message isn't scrolled out of view (WAI-ARIA APG dialog advice).
      const overflows = dialog.scrollHeight > dialog.clientHeight;
      dialog.querySelector<HTMLElement>(overflows ? '#cls-timeout-heading' : '.button')?.focus();
    } else if (!this.warning && dialog.open) {
      this.closeDialog();
    }
  }

  /** For the dialog's `cancel` (Escape): counts as "continue", never as delete. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.extend();
  };

  /**
   * For the dialog's `keydown`: Tab from the last button goes to the first
   * and Shift+Tab from the first to the last. A modal dialog otherwise lets
   * focus out to the browser's own controls, which a kiosk has none of: a
   * Tab stop on nothing.
   */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
    const buttons = [...dialog.querySelectorAll<HTMLElement>('button')];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
    if (!first || !last) return;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  /** For the dialog's `close`: closed some other way while warning (e.g. light dismiss) counts as "continue". */
  readonly onClose = (): void => {
    if (this.warning) this.extend();
  };

  private readonly onActivity = (): void => {
    if (this.ignoring || !this.timer) return;
    if (this.timer.running) this.timer.activity();
    else if (this.isActive()) this.timer.start();
  };

  private createTimer(ms: number, warnBeforeMs: number | undefined, minIdleMs: number | undefined): InactivityTimer {
    return new InactivityTimer({
      timeoutMs: ms,
      warnBeforeMs,
      minIdleMs,
      clock: this.options.clock,
      onWarn: (remaining) => {
        this.remaining = remaining;
        this.spoken = undefined;
        this.bucket = Math.ceil(remaining / ANNOUNCE_EVERY_MS);
        this.host.requestUpdate();
      },
      onTick: (remaining) => {
        this.remaining = remaining;
        const bucket = Math.ceil(remaining / ANNOUNCE_EVERY_MS);
        if (bucket < this.bucket) {
          this.bucket = bucket;
          this.spoken = Math.ceil(remaining / 1000) * 1000;
        }
        this.host.requestUpdate();
      },
      onExpire: (reason) => {
        this.remaining = 0;
        this.spoken = undefined;
        this.closeDialog();
        this.options.onExpire(reason);
        this.host.requestUpdate();
      },
    });
  }

  private isActive(): boolean {
    return this.options.active?.() ?? true;
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.timeout-dialog');
  }

  private closeDialog(): void {
    const dialog = this.dialog();
    if (!dialog?.open) return;
    this.unnoticed(() => dialog.close());
  }
}

function read(value: number | (() => number) | undefined): number | undefined {
  return typeof value === 'function' ? value() : value;
}

function timeoutMs(minutes: number | undefined): number | undefined {
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : undefined;
}

/** `2 minutes`, `1 minute 59 seconds`, `45 seconds` (rounded up, so it never says 0 before the end). */
export function formatTimeLeft(t: Translate, ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const minutesText = t('timeout.minutes', { ns: 'common', count: minutes });
  const secondsText = t('timeout.seconds', { ns: 'common', count: seconds });
  if (minutes && seconds) return t('timeout.minutesAndSeconds', { ns: 'common', minutes: minutesText, seconds: secondsText });
  return minutes ? minutesText : secondsText;
}

/**
 * Where the dialog's words come from: `<prefix>.heading`, `.body`, `.announce`,
 * `.continue` and `.deleteNow` in namespace `ns` (`{{time}}` in the body and
 * announcement is the time left).
 */
export interface TimeoutWording {
  ns: string;
  prefix: string;
}

/** "You will lose your answers soon": an element's own answers. */
const COMMON_WORDING: TimeoutWording = { ns: 'common', prefix: 'timeout' };

/**
 * The warning dialog. Render it (anywhere in the host's template, inside
 * the element's `lang`) whenever the controller exists; it is empty and
 * closed until the warning is due, and the controller opens it with
 * `showModal()`, so focus stays in it and the page behind is inert.
 */
export function timeoutWarning(timeout: InactivityTimeout, t: Translate, wording: TimeoutWording = COMMON_WORDING): TemplateResult | typeof nothing {
  if (!timeout.enabled) return nothing;
  const c = (key: string, options: Record<string, unknown> = {}) => t(`${wording.prefix}.${key}`, { ns: wording.ns, ...options });
  const spoken = timeout.spokenMs;
  return html`<dialog
    class="timeout-dialog"
    part="timeout-dialog"
    aria-labelledby="cls-timeout-heading"
    aria-describedby="cls-timeout-body"
    @cancel=${timeout.onCancel}
    @close=${timeout.onClose}
    @keydown=${timeout.onKeydown}
  >
    ${timeout.warning
      ? html`<h2 class="heading-l" id="cls-timeout-heading" tabindex="-1">${c('heading')}</h2>
          <p id="cls-timeout-body">
            <span class="timeout-countdown" aria-hidden="true">${c('body', { time: formatTimeLeft(t, timeout.remainingMs) })}</span>
            <span class="visually-hidden">${c('body', { time: formatTimeLeft(t, spoken.ms) })}</span>
          </p>
          <div class="button-group">
            ${button({ label: c('continue'), onClick: () => timeout.extend() })}
            ${button({ label: c('deleteNow'), variant: 'secondary', onClick: () => timeout.deleteNow() })}
          </div>`
      : nothing}
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${timeout.warning && spoken.announced ? c('announce', { time: formatTimeLeft(t, spoken.ms) }) : ''}
    </div>
  </dialog>`;
}

/** What the host shows on its start page after expiry. */
export function timeoutExpiredNotice(timeout: InactivityTimeout, t: Translate, reason: ExpiryReason): { title: string; body: string } {
  return {
    title: t('timeout.expiredTitle', { ns: 'common' }),
    body: reason === 'deleted' ? t('timeout.deleted', { ns: 'common' }) : t('timeout.expired', { ns: 'common', count: timeout.minutes }),
  };
}

/**
 * The dialog's styles; the host also needs `sharedStyles` (buttons, headings).
 * Sized in em with a viewport cap and its own scrolling, so it works at
 * 320 px wide and at 400 % zoom.
 */
export const timeoutWarningStyles = css`
  .timeout-dialog {
    box-sizing: border-box;
    inline-size: 34em;
    max-inline-size: calc(100% - 2 * var(--_space-2));
    max-block-size: calc(100% - 2 * var(--_space-2));
    margin: auto;
    overflow: auto;
    overscroll-behavior: contain;
    padding: var(--_space-4);
    font-family: var(--_font-family);
    font-size: var(--_font-size-m);
    line-height: var(--_line-height);
    color: var(--_color-text);
    background: var(--_color-background);
    border: 5px solid var(--_color-text);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .timeout-dialog::backdrop {
    /* GOV.UK text colour at 80 %: the page behind stays recognisable but clearly out of reach. */
    background: rgb(11 12 12 / 0.8);
  }
  .timeout-dialog .button-group {
    margin-block-start: var(--_space-3);
  }
  .timeout-dialog .button-group .button {
    margin-block-end: 0;
  }
  @media (max-width: 30em) {
    .timeout-dialog {
      padding: var(--_space-3);
    }
  }
  @media (forced-colors: active) {
    .timeout-dialog {
      border: 3px solid CanvasText;
    }
  }
`;
