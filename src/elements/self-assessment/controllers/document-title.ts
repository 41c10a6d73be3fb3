import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JourneyState } from '../../../core/self-assessment-journey.ts';
import type { Translate } from '../../../i18n/localizer.ts';

/** What a page of the journey is called in the title bar; undefined on the start page, which keeps the host's title. */
export function titleOfPage(kind: JourneyState['page']['kind'], questionTitle: string | undefined, t: Translate): string | undefined {
  switch (kind) {
    case 'start':
      return undefined;
    case 'question':
      return questionTitle;
    case 'check':
      return t('check.heading');
    case 'result':
      return t('result.heading');
    case 'send':
      return t('send.heading');
    case 'saved':
      return t('saved.title');
    case 'sent':
      return t('send.done');
  }
}

/**
 * The page's title while the person is inside the journey: the page they are
 * on first ("How are you getting on? – Anytown Council"), with "Error: "
 * before it while that page shows errors (GOV.UK pattern), so a screen
 * reader user and anyone with many tabs knows where they are. The host
 * page's own title comes back when the person leaves (the start page, or
 * the element leaves the page).
 */
export class DocumentTitle implements ReactiveController {
  /** The host page's title, while the element has replaced it. */
  private hostTitle: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** What the page is called now and whether it shows errors; undefined to leave the host's title. */
    private readonly current: () => { page: string; error: boolean; errorPrefix: string } | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const document = this.host.ownerDocument;
    const current = this.current();
    if (!current) return this.restore();
    this.hostTitle ??= document.title;
    const title = [current.page, this.hostTitle].filter(Boolean).join(' – ');
    const shown = current.error ? `${current.errorPrefix} ${title}` : title;
    if (document.title !== shown) document.title = shown;
  }

  hostDisconnected(): void {
    this.restore();
  }

  private restore(): void {
    if (this.hostTitle === undefined) return;
    this.host.ownerDocument.title = this.hostTitle;
    this.hostTitle = undefined;
  }
}
