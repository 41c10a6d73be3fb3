import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, errorMessage, pageHeading, type FieldMessages } from './field.ts';

export interface Choice {
  value: string;
  label: string;
  /**
   * Shown directly under this choice while it is chosen (the GOV.UK
   * conditional reveal), e.g. a "tell us more" box; the input names it with
   * `aria-controls`.
   */
  conditional?: TemplateResult;
}

export interface ChoiceGroupOptions {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  choices: readonly Choice[];
  /** Radios: the chosen value; checkboxes: every chosen value. */
  value: string | readonly string[] | undefined;
  multiple?: boolean;
  messages: FieldMessages;
  /** When the question is the page's heading: its id (for focus) and look. */
  legendId?: string;
  legendClass?: string;
  /** When the question is the page's heading: its level, as a heading inside the legend (GOV.UK "legend as page heading"). */
  legendHeading?: number;
  onChange: (value: string, checked: boolean) => void;
}

/** Id of the first input of a group: where an error-summary link sends focus. */
export const firstChoiceId = (id: string) => `${id}-0`;

/** Radios or checkboxes in a fieldset with a legend, hint and inline error (GOV.UK pattern). */
export function choiceGroup(options: ChoiceGroupOptions): TemplateResult {
  const { id, error, hint, value } = options;
  const type = options.multiple ? 'checkbox' : 'radio';
  const chosen = (choice: string) => (Array.isArray(value) ? value.includes(choice) : value === choice);
  return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
    <fieldset aria-describedby=${describedBy(id, { hint, error })} id=${id}>
      <legend class="legend ${options.legendClass ?? ''}" id=${ifDefined(options.legendId)} tabindex=${ifDefined(options.legendId ? '-1' : undefined)}>${pageHeading(
        options.legendHeading,
        `${options.legend}${options.optional ? ` ${options.messages.optional}` : ''}`,
      )}</legend>
      ${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
      ${errorMessage(id, error, options.messages.errorPrefix)}
      <div class="choices">
        ${options.choices.map(
          (choice, index) => html`<div class="choice">
              <input
                type=${type}
                id="${id}-${index}"
                name=${options.name}
                .value=${choice.value}
                .checked=${chosen(choice.value)}
                aria-controls=${ifDefined(choice.conditional ? `${id}-${index}-conditional` : undefined)}
                @change=${(event: Event) => options.onChange(choice.value, (event.target as HTMLInputElement).checked)}
              />
              <label for="${id}-${index}">${choice.label}</label>
            </div>
            ${choice.conditional
              ? html`<div class="conditional" id="${id}-${index}-conditional" ?hidden=${!chosen(choice.value)}>${chosen(choice.value) ? choice.conditional : nothing}</div>`
              : nothing}`,
        )}
      </div>
    </fieldset>
  </div>`;
}
