import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface FieldMessages {
  /** Visually hidden prefix read before an error, e.g. "Error:". */
  errorPrefix: string;
  /** Appended to the label of an optional field, e.g. "(optional)". */
  optional: string;
}

export interface TextAreaOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  value: string;
  rows?: number;
  /** The character-count message shown under the field. */
  count?: { text: string; over: boolean };
  /** What a screen reader is told about the count; updated sparingly by the element. */
  countAnnouncement?: string;
  messages: FieldMessages;
  /** When the question is the page's heading: its id (for focus) and look. */
  labelId?: string;
  labelClass?: string;
  onInput: (value: string) => void;
}

/** Ids of the hint, error and count that describe a field, in reading order. */
export function describedBy(id: string, parts: { hint?: unknown; error?: unknown; count?: unknown }): string | typeof nothing {
  const ids = [parts.hint ? `${id}-hint` : '', parts.error ? `${id}-error` : '', parts.count ? `${id}-count` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function errorMessage(id: string, error: string | undefined, prefix: string): TemplateResult | typeof nothing {
  return error
    ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${prefix}</span> ${error}</p>`
    : nothing;
}

/** A labelled textarea with hint, inline error and an optional character count (GOV.UK pattern). */
export function textArea(options: TextAreaOptions): TemplateResult {
  const { id, error, hint, count } = options;
  return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
    <label class="label ${options.labelClass ?? ''}" for=${id} id=${ifDefined(options.labelId)} tabindex=${ifDefined(options.labelId ? '-1' : undefined)}>${options.label}${options.optional ? ` ${options.messages.optional}` : ''}</label>
    ${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
    ${errorMessage(id, error, options.messages.errorPrefix)}
    <textarea
      class="textarea ${error ? 'textarea--error' : ''}"
      part="textarea"
      id=${id}
      name=${options.name}
      rows=${options.rows ?? 5}
      spellcheck="true"
      aria-describedby=${describedBy(id, { hint, error, count })}
      aria-invalid=${ifDefined(error ? 'true' : undefined)}
      .value=${live(options.value)}
      @input=${(event: Event) => options.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${count
      ? html`<div id="${id}-count" class="count body-s ${count.over ? 'count--over' : ''}" aria-hidden="true">${count.text}</div>
          <div class="visually-hidden" aria-live="polite">${options.countAnnouncement ?? ''}</div>`
      : nothing}
  </div>`;
}
