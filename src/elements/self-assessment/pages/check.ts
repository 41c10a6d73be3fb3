import { html, nothing, type TemplateResult } from 'lit';
import { answersForSubmission, visibleQuestions } from '../../../core/questionnaire.ts';
import { button } from '../../../shared-ui/button.ts';
import { answerText } from '../question-types/index.ts';
import { backLink, failureBanner } from './notices.ts';
import type { PageView } from './view.ts';

export interface CheckPage {
  /** "Save and come back later", as on every question. */
  onSave: () => void;
}

/**
 * "Check your answers": every answer that would be sent, each with a
 * "Change" link, and every optional question on the person's path left
 * unanswered, with "Add" (GOV.UK pattern), so nothing is silently missing.
 */
export function checkPage(view: PageView, page: CheckPage): TemplateResult {
  const { t, headings } = view;
  const shown = answersForSubmission(view.definition, view.answers);
  const rows = visibleQuestions(view.definition, view.answers).filter((question) => question.type !== 'info' && (Object.hasOwn(shown, question.id) || question.optional));
  return html`${backLink(view)}
    <div class="heading-l" role="heading" aria-level=${headings.main} id="check-heading" tabindex="-1">${t('check.heading')}</div>
    ${view.notices} ${failureBanner(view, view.failure, t('saved.title'), page.onSave)} ${view.urgent}
    <dl class="check">
      ${rows.map((question) => {
        const answered = Object.hasOwn(shown, question.id);
        return html`<div class="check-row" data-question=${question.id}>
          <dt>${question.title}</dt>
          <dd class=${answered ? '' : 'hint'}>${answerText(question, shown[question.id], t('check.none'), t)}</dd>
          <dd>
            <button
              type="button"
              class="link-button"
              aria-label=${t(answered ? 'check.changeLabel' : 'check.addLabel', { question: question.title })}
              @click=${() => view.go({ type: 'change', question: question.id })}
            >
              ${t(answered ? 'check.change' : 'check.add')}
            </button>
          </dd>
        </div>`;
      })}
    </dl>
    ${button({ label: t('continue'), onClick: () => view.go({ type: 'continue' }) })}
    ${view.failure ? nothing : html`<button type="button" class="link-button" @click=${page.onSave}>${t('save')}</button>`}`;
}
