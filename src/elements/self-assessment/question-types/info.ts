import { html, nothing } from 'lit';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/** An information page: a heading and paragraphs, nothing to answer. */
export const info: QuestionTypeView<QuestionOf<'info'>> = {
  render: (question, context) =>
    html`<div class="question-heading" role="heading" aria-level=${context.headingLevel} id="question-heading" tabindex="-1">${question.title}</div>
      ${question.body.map((paragraph) => html`<p>${paragraph}</p>`)}
      ${question.link && context.questionnaireHref
        ? html`<p><a class="questionnaire-link" href=${context.questionnaireHref(question.link.questionnaire)}>${question.link.label}</a></p>`
        : nothing}`,
  answerText: (_question, value) => String(value),
  target: () => 'answer',
};
