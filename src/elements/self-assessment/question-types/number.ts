import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, errorMessage } from '../../../shared-ui/field.ts';
import type { QuestionOf, QuestionTypeView } from './types.ts';

/**
 * A number, with its unit (`suffix`) beside the box and in the box's
 * accessible name. Written out rather than with `textInput()`, which has no
 * unit (or accessible name) of its own yet.
 */
export const number: QuestionTypeView<QuestionOf<'number'>> = {
  render: (question, context) => {
    const error = context.error(question.id);
    const value = context.value;
    return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
      <div class="label-wrapper" role="heading" aria-level=${context.headingLevel}>
        <label class="label question-heading" for="answer" id="question-heading" tabindex="-1">${question.title}${question.optional ? ` ${context.messages.optional}` : ''}</label>
      </div>
      ${question.hint ? html`<div class="hint" id="answer-hint">${question.hint}</div>` : nothing} ${errorMessage('answer', error, context.messages.errorPrefix)}
      <input
        class="input input--short ${error ? 'input--error' : ''}"
        id="answer"
        name="answer"
        type="text"
        inputmode="numeric"
        .enterKeyHint=${'next'}
        autocomplete="off"
        spellcheck="false"
        aria-describedby=${describedBy('answer', { hint: question.hint, error })}
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        aria-label=${ifDefined(question.suffix ? `${question.title} (${question.suffix})` : undefined)}
        .value=${live(value === undefined ? '' : String(value))}
        @input=${(event: Event) => context.type(question.id, (event.target as HTMLInputElement).value)}
        @change=${(event: Event) => context.set((event.target as HTMLInputElement).value)}
      />
      ${question.suffix ? html`<span class="suffix" aria-hidden="true">${question.suffix}</span>` : nothing}
    </div>`;
  },
  answerText: (_question, value) => String(value),
  target: () => 'answer',
};
