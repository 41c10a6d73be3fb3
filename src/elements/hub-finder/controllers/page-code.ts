import { html, type nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { notification } from '../../../shared-ui/notification.ts';
import { spinner } from '../../../shared-ui/spinner.ts';

/**
 * The code of some of the finder's pages (their views, and what only they
 * use, such as the calendar file), loaded the first time one of them is
 * opened: a page where residents only look for hubs never downloads it.
 * Until it has arrived the page shows "Loading"; if it cannot be loaded
 * (offline, say), it says so, with Try again.
 */
export class PageCode<T> {
  private code: T | undefined;
  private pending: Promise<boolean> | undefined;
  private failed = false;
  /** Runs once the code arrives: focuses what the page it was wanted for draws. */
  private arrived: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchCode: () => Promise<T>,
    /** Moves focus after the next render (to the failure, when the code could not be loaded). */
    private readonly focus: (selector: string) => void,
  ) {}

  /** The load under way, if any (settles to whether it worked). */
  get loading(): Promise<boolean> | undefined {
    return this.pending;
  }

  /**
   * Loads the code unless it is here. `arrived` runs once it has come (not
   * when it was here already, when the page draws at once): focus asked
   * for with the page found nothing to focus before.
   */
  load(arrived?: () => void): void {
    if (this.code) return;
    if (arrived) this.arrived = arrived;
    this.pending ??= this.fetch();
  }

  private async fetch(): Promise<boolean> {
    this.failed = false;
    this.host.requestUpdate();
    try {
      this.code = await this.fetchCode();
    } catch {
      this.failed = true;
    }
    this.pending = undefined;
    const arrived = this.arrived;
    if (this.code) {
      this.arrived = undefined;
      arrived?.();
    } else {
      this.focus('.notification');
    }
    this.host.requestUpdate();
    return !this.failed;
  }

  /** The page `draw` makes with the code; until it is here, "Loading", or why it could not be loaded. */
  render(locale: LocaleController, level: number, draw: (code: T) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    if (this.code) return draw(this.code);
    const { t } = locale;
    if (!this.failed) return html`<p role="status">${spinner()} ${t('loading')}</p>`;
    return html`${notification({ title: t('errorSummaryTitle'), variant: 'error', level, body: html`<p>${t('errors.network')}</p>` })}
    ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => this.load() })}`;
  }
}
