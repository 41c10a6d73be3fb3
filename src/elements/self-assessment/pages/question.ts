import { html, nothing, type TemplateResult } from 'lit';
import type { AnswerValue, LocalisedQuestion } from '../../../contract/questionnaire.ts';
import { normaliseAnswer, progress } from '../../../core/questionnaire.ts';
import { button } from '../../../shared-ui/button.ts';
import { renderAnswer } from '../question-types/index.ts';
import { backLink, failureBanner } from './notices.ts';
import type { PageView } from './view.ts';

export interface QuestionPage {
  question: LocalisedQuestion;
  /** Store an answer (the question's, or a follow-up box's) as it is. */
  onAnswer: (key: string, value: AnswerValue | undefined) => void;
  onContinue: () => void;
  onSave: () => void;
}

/** One question a page: "Question 4 of about 9", the question, Continue, and "Save and come back later". */
export function questionPage(view: PageView, page: QuestionPage): TemplateResult {
  const { t, headings, answers, errors } = view;
  const { question } = page;
  const { index, total } = progress(view.definition, answers, question.id);
  const answer = renderAnswer(question, {
    t,
    messages: view.messages,
    headingLevel: headings.main,
    questionnaireHref: view.questionnaireHref,
    answers,
    value: Object.hasOwn(answers, question.id) ? answers[question.id] : undefined,
    error: (field) => errors.text(field),
    set: (raw) => page.onAnswer(question.id, normaliseAnswer(question, raw)),
    type: page.onAnswer,
  });
  return html`${backLink(view)} ${view.notices} ${errors.summary(headings.sub)} ${failureBanner(view, view.failure, t('saved.title'), page.onSave)}
    ${view.urgent}
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        page.onContinue();
      }}
    >
      ${question.type === 'info' ? nothing : html`<span class="caption">${t('caption', { index, total })}</span>`} ${answer}
      ${button({ label: t('continue'), type: 'submit' })}
    </form>
    <button type="button" class="link-button" @click=${page.onSave}>${t('save')}</button>`;
}
