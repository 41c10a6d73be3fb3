import { html, type TemplateResult } from 'lit';
import { button } from '../../../shared-ui/button.ts';
import type { PageView } from './view.ts';

export interface SavedPage {
  code: string;
  /** This page with the code in it, to come back to the answers. */
  link: string;
  /** Tell screen readers what happened (copied, or select it yourself). */
  onStatus: (status: string) => void;
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
      <p>${t('saved.body')} <strong class="resume-code">${page.code}</strong></p>
    </div>
    <p>${t('saved.keep')}</p>
    <div class="button-group">${button({ label: t('saved.copyCode'), variant: 'secondary', onClick: copy(page.code) })}</div>
    <div class="form-group" part="field">
      <label class="label" for="resume-link">${t('saved.linkLabel')}</label>
      <div class="hint" id="resume-link-hint">${t('saved.linkHint')}</div>
      <input class="input" id="resume-link" readonly aria-describedby="resume-link-hint" .value=${page.link} />
    </div>
    <div class="button-group">
      ${button({ label: t('saved.copyLink'), variant: 'secondary', onClick: copy(page.link) })}
      ${button({ label: t('saved.carryOn'), onClick: () => view.go({ type: 'carry-on' }) })}
    </div>`;
}

/** Sent: the person's reference. */
export function sentPage(view: PageView, reference: string): TemplateResult {
  const { t, headings } = view;
  return html`<div class="panel" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${headings.main}>${t('send.done')}</div>
      <p>${t('send.reference')} <strong class="resume-code">${reference}</strong></p>
    </div>
    <p>${t('send.doneBody')}</p>`;
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

/** A resume code in the page URL, from the "copy link" on the saved page. */
export const RESUME_PARAM = 'cls-resume';

/** This page's address with the resume code in it (and no fragment). */
export function resumeLink(page: URL, code: string): string {
  const url = new URL(page);
  url.hash = '';
  url.searchParams.set(RESUME_PARAM, code);
  return url.href;
}
