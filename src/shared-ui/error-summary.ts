import { html, nothing, type TemplateResult } from 'lit';

export interface ErrorSummaryItem {
  /** Id of the input to focus, in the same shadow root. */
  target: string;
  text: string;
}

/**
 * Shadow DOM breaks `href="#id"` jumps (the browser looks in the document
 * and rewrites the host page's URL), so links move focus themselves.
 */
function focusTarget(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as Document | ShadowRoot;
  const target = root.getElementById(link.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  // Show the question (legend or label), not just the input.
  const group = target.closest('.form-group') ?? target;
  group.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/**
 * "There is a problem": listed at the top of a form, focused by the element
 * after a failed submit, each item a link to its field. `level` is the
 * heading level inside the element (see `headingLevels`).
 */
export function errorSummary(title: string, items: readonly ErrorSummaryItem[], level = 2): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div class="heading-m" role="heading" aria-level=${level} id="error-summary-title">${title}</div>
    <ul>
      ${items.map((item) => html`<li><a href="#${item.target}" @click=${focusTarget}>${item.text}</a></li>`)}
    </ul>
  </div>`;
}
