import { html, type TemplateResult } from 'lit';
import { button } from '../../../shared-ui/button.ts';
import { textInput } from '../../../shared-ui/field.ts';
import { expiredNotice, failureBanner, type Notice } from './notices.ts';
import type { PageView } from './view.ts';

export interface StartPage {
  notice: Notice | undefined;
  /** Answers are kept on this device: offer to carry on with them. */
  canContinue: boolean;
  resumeText: string;
  onContinue: () => void;
  onResumeInput: (text: string) => void;
  onResume: () => void;
}

/** The title, what this is, how long it takes; "Start now", and a resume code to come back to saved answers. */
export function startPage(view: PageView, page: StartPage): TemplateResult {
  const { t, headings } = view;
  const { definition, errors } = view;
  return html`${expiredNotice(view, page.notice)}
    <div class="heading-l" role="heading" aria-level=${headings.main} id="start-heading" tabindex="-1">${definition.title}</div>
    ${definition.intro.map((paragraph) => html`<p>${paragraph}</p>`)}
    <p>${t('minutes', { count: definition.minutes })}</p>
    <div class="button-group">
      ${button({ label: t('start'), onClick: () => view.go({ type: 'continue' }) })}
      ${page.canContinue ? button({ label: t('continueSaved'), variant: 'secondary', onClick: page.onContinue }) : ''}
    </div>
    ${errors.summary(headings.sub)} ${failureBanner(view, view.failure, t('resume.heading'))}
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        page.onResume();
      }}
    >
      <div class="heading-m" role="heading" aria-level=${headings.sub}>${t('resume.heading')}</div>
      ${textInput({
        id: 'resume-code',
        enterkeyhint: 'go',
        name: 'resume-code',
        label: t('resume.label'),
        hint: t('resume.hint'),
        error: errors.text('resume-code'),
        value: page.resumeText,
        autocomplete: 'off',
        spellcheck: false,
        widthClass: 'input--short',
        messages: view.messages,
        onInput: page.onResumeInput,
      })}
      ${button({ label: t('resume.submit'), type: 'submit', variant: 'secondary' })}
    </form>`;
}
