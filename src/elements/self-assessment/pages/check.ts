import { html, type TemplateResult } from 'lit';
import { answersForSubmission } from '../../../core/questionnaire.ts';
import { button } from '../../../shared-ui/button.ts';
import { answerText } from '../question-types/index.ts';
import { backLink } from './notices.ts';
import type { PageView } from './view.ts';

/** "Check your answers": every answer that would be sent, each with a "Change" link. */
export function checkPage(view: PageView): TemplateResult {
  const { t, headings } = view;
  const shown = answersForSubmission(view.definition, view.answers);
  const rows = view.definition.questions.filter((question) => question.type !== 'info' && Object.hasOwn(shown, question.id));
  return html`${backLink(view)}
    <div class="heading-l" role="heading" aria-level=${headings.main} id="check-heading" tabindex="-1">${t('check.heading')}</div>
    ${view.notices} ${view.urgent}
    <dl class="check">
      ${rows.map(
        (question) => html`<div class="check-row" data-question=${question.id}>
          <dt>${question.title}</dt>
          <dd>${answerText(question, shown[question.id], t('check.none'))}</dd>
          <dd>
            <button type="button" class="link-button" aria-label=${t('check.changeLabel', { question: question.title })} @click=${() => view.go({ type: 'change', question: question.id })}>
              ${t('check.change')}
            </button>
          </dd>
        </div>`,
      )}
    </dl>
    ${button({ label: t('continue'), onClick: () => view.go({ type: 'continue' }) })}`;
}
