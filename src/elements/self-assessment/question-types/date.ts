import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, errorMessage, pageHeading } from '../../../shared-ui/field.ts';
import type { AnswerContext, QuestionOf, QuestionTypeView } from './types.ts';

type Part = 'day' | 'month' | 'year';
const PARTS: readonly Part[] = ['day', 'month', 'year'];

/** The GOV.UK date input: day, month and year boxes in one fieldset, the question as its legend. */
export const date: QuestionTypeView<QuestionOf<'date'>> = {
  render: (question, context) => {
    const error = context.error(question.id);
    const { messages } = context;
    return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
      <fieldset aria-describedby=${describedBy('answer', { hint: question.hint, error })}>
        <legend class="legend question-heading" id="question-heading" tabindex="-1">${pageHeading(context.headingLevel, `${question.title}${question.optional ? ` ${messages.optional}` : ''}`)}</legend>
        ${question.hint ? html`<div class="hint" id="answer-hint">${question.hint}</div>` : nothing} ${errorMessage('answer', error, messages.errorPrefix)}
        <div class="date">${PARTS.map((part) => datePart(part, context, error))}</div>
      </fieldset>
    </div>`;
  },
  answerText: (_question, value) => (typeof value === 'object' && !Array.isArray(value) ? `${value.day}/${value.month}/${value.year}` : String(value)),
  target: () => 'answer-day',
};

function datePart(name: Part, context: AnswerContext, error: string | undefined) {
  const value = context.value;
  const current = value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  const shown = (part: Part) => (current && Number.isFinite(current[part]) ? String(current[part]) : '');
  return html`<div class="form-group">
    <label class="label" for="answer-${name}">${context.t(`dateParts.${name}`)}</label>
    <input
      class="input ${name === 'year' ? 'input--year' : ''} ${error ? 'input--error' : ''}"
      id="answer-${name}"
      inputmode="numeric"
      .enterKeyHint=${'next'}
      .value=${live(shown(name))}
      @change=${(event: Event) => {
        // The other two boxes as they are, so a half-filled date stays half-filled (and invalid).
        const raw: Record<Part, string> = { day: shown('day'), month: shown('month'), year: shown('year') };
        raw[name] = (event.target as HTMLInputElement).value;
        context.set(raw);
      }}
    />
  </div>`;
}
