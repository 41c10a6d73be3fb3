import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface FieldMessages {
  /** Visually hidden prefix read before an error, e.g. "Error:". */
  errorPrefix: string;
  /** Appended to the label of an optional field, e.g. "(optional)". */
  optional: string;
}

/** What every labelled field takes: the GOV.UK label, hint, inline error and "(optional)". */
export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  value: string;
  messages: FieldMessages;
  /** When the question is the page's heading: its id (for focus) and look. */
  labelId?: string;
  labelClass?: string;
  /** When the question is the page's heading: its level, as a heading around the label (GOV.UK "label as page heading"). */
  labelHeading?: number;
  onInput: (value: string) => void;
}

export interface TextAreaOptions extends FieldOptions {
  rows?: number;
  /** The character-count message shown under the field. */
  count?: { text: string; over: boolean };
  /** What a screen reader is told about the count; updated sparingly by the element. */
  countAnnouncement?: string;
}

/**
 * The `autocomplete` tokens our fields use (WCAG 1.3.5, identify input
 * purpose). A closed list, so both TypeScript and lit-analyzer can check it.
 */
export type AutocompleteToken =
  | 'off' | 'name' | 'given-name' | 'family-name' | 'email' | 'tel'
  | 'postal-code' | 'street-address' | 'bday';

export interface TextInputOptions extends FieldOptions {
  type?: 'text' | 'email' | 'tel' | 'search' | 'password' | 'date' | 'time';
  /** `autocomplete` token (WCAG 1.3.5 identify input purpose); default `off`. */
  autocomplete?: AutocompleteToken;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal' | 'search';
  /** What the on-screen keyboard's enter key says. */
  enterkeyhint?: 'enter' | 'done' | 'go' | 'next' | 'search' | 'send';
  spellcheck?: boolean;
  /** Width class, e.g. `input--width-10` for a postcode (GOV.UK fixed widths). */
  widthClass?: string;
  /** CSS part name for the input, when the element documents one. */
  part?: string;
  /** Shown after the input, on the same row (a search button). */
  after?: TemplateResult;
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

function fieldLabel(options: { id: string; label: string; optional?: boolean; labelId?: string; labelClass?: string; labelHeading?: number; messages: FieldMessages }): TemplateResult {
  const label = html`<label class="label ${options.labelClass ?? ''}" for=${options.id} id=${ifDefined(options.labelId)} tabindex=${ifDefined(options.labelId ? '-1' : undefined)}>${options.label}${options.optional ? ` ${options.messages.optional}` : ''}</label>`;
  return options.labelHeading === undefined ? label : html`<div class="label-wrapper" role="heading" aria-level=${options.labelHeading}>${label}</div>`;
}

/**
 * A question that is also the page's heading: the words inside a heading of
 * the page's level (inside a legend, GOV.UK's `govuk-fieldset__heading`);
 * just the words when `level` is undefined.
 */
export function pageHeading(level: number | undefined, words: string): TemplateResult | string {
  return level === undefined ? words : html`<span class="legend-heading" role="heading" aria-level=${level}>${words}</span>`;
}

/** The on-screen keyboard each type of box gets unless a field says otherwise. */
const INPUT_MODES: Partial<Record<NonNullable<TextInputOptions['type']>, TextInputOptions['inputmode']>> = { text: 'text', email: 'email', tel: 'tel', search: 'search' };

/** A labelled one-line text input with hint and inline error (GOV.UK pattern). */
export function textInput(options: TextInputOptions): TemplateResult {
  const { id, error, hint } = options;
  const input = html`<input
    class="input ${options.widthClass ?? ''} ${error ? 'input--error' : ''}"
    part=${ifDefined(options.part)}
    id=${id}
    name=${options.name}
    type=${options.type ?? 'text'}
    autocomplete=${options.autocomplete ?? 'off'}
    inputmode=${ifDefined(options.inputmode ?? INPUT_MODES[options.type ?? 'text'])}
    .enterKeyHint=${options.enterkeyhint ?? (options.type === 'search' ? 'search' : '')}
    spellcheck=${options.spellcheck ? 'true' : 'false'}
    aria-describedby=${describedBy(id, { hint, error })}
    aria-invalid=${ifDefined(error ? 'true' : undefined)}
    .value=${live(options.value)}
    @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
  />`;
  return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
    ${fieldLabel(options)}
    ${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
    ${errorMessage(id, error, options.messages.errorPrefix)}
    ${options.after ? html`<div class="search-row">${input}${options.after}</div>` : input}
  </div>`;
}

/** A labelled textarea with hint, inline error and an optional character count (GOV.UK pattern). */
export function textArea(options: TextAreaOptions): TemplateResult {
  const { id, error, hint, count } = options;
  return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
    ${fieldLabel(options)}
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
