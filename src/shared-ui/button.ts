import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { spinner } from './spinner.ts';

export interface ButtonOptions {
  label: string;
  type?: 'button' | 'submit';
  variant?: 'primary' | 'secondary';
  /** While busy the button stays focusable (focus is never lost) but ignores presses. */
  busy?: boolean;
  busyLabel?: string;
  part?: string;
  onClick?: (event: MouseEvent) => void;
}

/** A GOV.UK-style button, at least 44×44 px. */
export function button(options: ButtonOptions): TemplateResult {
  const { label, type = 'button', variant = 'primary', busy = false } = options;
  const click = (event: MouseEvent) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    options.onClick?.(event);
  };
  return html`<button
    class="button ${variant === 'secondary' ? 'button--secondary' : ''}"
    part=${options.part ?? 'button'}
    type=${type}
    aria-disabled=${ifDefined(busy ? 'true' : undefined)}
    @click=${click}
  >${busy ? html`${spinner()}${options.busyLabel ?? label}` : label}</button>`;
}
