import { html, type TemplateResult } from 'lit';

/** A decorative spinner; the words beside it say what is happening. */
export function spinner(): TemplateResult {
  return html`<span class="spinner" aria-hidden="true"></span>`;
}
