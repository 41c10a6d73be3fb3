import { html, nothing, type TemplateResult } from 'lit';
import { formatResumeCode } from '../../../core/questionnaire-submission.ts';
import { mailtoHref } from '../../../core/result-summary.ts';
import { formatDate } from '../../../i18n/format.ts';
import { button } from '../../../shared-ui/button.ts';
import type { PageView } from './view.ts';

export interface SavedPage {
  code: string;
  /** This page with the code in it, to come back to the answers. */
  link: string;
  /** Tell screen readers what happened (copied, or select it yourself). */
  onStatus: (status: string) => void;
  /** The questionnaire's title, the subject of the email to oneself. */
  title: string;
  /**
   * A shared screen: no `mailto:` link and nothing copied to the clipboard,
   * where the next person would find it; the code is there to write down.
   */
  kiosk: boolean;
}

/** Saved on the server: the resume code, a link with it, and a way back to the question. */
export function savedPage(view: PageView, page: SavedPage): TemplateResult {
  const { t, headings } = view;
  const copy = (text: string) => (event: MouseEvent) => {
    const root = (event.currentTarget as Element).getRootNode() as ParentNode;
    void copyOrSelect(root, text, 'resume-link').then((done) => page.onStatus(t(done === 'copied' ? 'saved.copied' : 'saved.copyYourself')));
  };
  return html`<div class="panel" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${headings.main}>${t('saved.title')}</div>
      <p>${t('saved.body')} <strong class="resume-code">${formatResumeCode(page.code)}</strong></p>
    </div>
    <p>${t('saved.keep')}</p>
    ${page.kiosk ? nothing : html`<div class="button-group">${button({ label: t('saved.copyCode'), variant: 'secondary', onClick: copy(formatResumeCode(page.code)) })}</div>`}
    <div class="form-group" part="field">
      <label class="label" for="resume-link">${t('saved.linkLabel')}</label>
      <div class="hint" id="resume-link-hint">${t('saved.linkHint')}</div>
      <input class="input" id="resume-link" readonly aria-describedby="resume-link-hint" .value=${page.link} />
    </div>
    <div class="button-group">
      ${page.kiosk ? nothing : button({ label: t('saved.copyLink'), variant: 'secondary', onClick: copy(page.link) })}
      ${page.kiosk
        ? nothing
        : // Only the link, never the answers: the email goes wherever the person sends it.
          html`<a class="button button--secondary" part="button" href=${mailtoHref(page.title, [t('saved.emailBody'), page.link].join('\n'), '')}>${t('saved.emailLink')}</a>`}
      ${button({ label: t('saved.carryOn'), onClick: () => view.go({ type: 'carry-on' }) })}
    </div>`;
}

/** What the sent page shows besides the reference. */
export interface SentPage {
  reference: string;
  /** When the team reads messages (from the page's configuration), in English and perhaps Welsh. */
  inboxHours: { en: string; cy?: string | undefined } | undefined;
  /** Working days within which the team gets in touch (from the page's configuration). */
  replyWorkingDays: number | undefined;
  /** The person asked not to be contacted. */
  noContact: boolean;
  /** The result as it was sent, to keep and print. */
  summary: TemplateResult;
  onStartAgain: () => void;
}

/**
 * Sent: the reference, what happens next and when the team reads messages,
 * the urgent-help panel again when an answer called for it, and the result
 * to keep (printable) until the person starts again.
 */
export function sentPage(view: PageView, page: SentPage): TemplateResult {
  const { t, headings } = view;
  const next = page.noContact
    ? t('send.noContact')
    : page.replyWorkingDays
      ? t('send.replyDays', { count: page.replyWorkingDays })
      : t('send.doneBody');
  // The Welsh hours when the council gave them, else the English.
  const inboxHours = (view.lang === 'cy' ? page.inboxHours?.cy : undefined) || page.inboxHours?.en;
  return html`<div class="panel" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${headings.main}>${t('send.done')}</div>
      <p>${t('send.reference')} <strong class="resume-code">${page.reference}</strong></p>
    </div>
    ${view.urgent}
    <div class="heading-m" role="heading" aria-level=${headings.sub}>${t('send.nextHeading')}</div>
    <p>${next}</p>
    <p class="inbox-hours">${inboxHours ? t('send.inboxHours', { hours: inboxHours }) : t('send.inboxHoursUnknown')}${view.urgent === nothing ? '' : ` ${t('send.urgentDoNotWait')}`}</p>
    <p class="print-only">${t('send.printedOn', { date: formatDate(view.lang, new Date()) })}</p>
    ${page.summary}
    <div class="button-group">
      ${button({ label: t('result.print'), variant: 'secondary', onClick: () => window.print() })}
      ${button({ label: t('send.startAgain'), variant: 'secondary', onClick: page.onStartAgain })}
    </div>`;
}

/**
 * Copies `text`; where the clipboard is refused (an insecure page), selects
 * the field `field` in `root` so the person can copy it themselves. Says
 * which happened.
 */
export async function copyOrSelect(root: ParentNode, text: string, field: string): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    const input = root.querySelector<HTMLInputElement>(`#${field}`);
    input?.focus();
    input?.select();
    return 'selected';
  }
}
