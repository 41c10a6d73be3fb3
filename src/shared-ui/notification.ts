import { html, type TemplateResult } from 'lit';

/**
 * A banner for something the resident must know now (a failed send). The
 * element focuses it so keyboard and screen-reader users land on it.
 */
export function notification(options: {
  title: string;
  variant?: 'info' | 'error';
  body: TemplateResult | string;
  id?: string;
  /** Heading level inside the element (see `headingLevels`). Default 2. */
  level?: number;
}): TemplateResult {
  const error = options.variant === 'error';
  // Two banners can show at once (a notice and a failure): each needs its own heading id.
  const id = options.id ?? 'notification-title';
  return html`<div class="notification ${error ? 'notification--error' : ''}" part="notification" tabindex="-1" role=${error ? 'alert' : 'region'} aria-labelledby=${id}>
    <div class="heading-m notification__title" role="heading" aria-level=${options.level ?? 2} id=${id}>${options.title}</div>
    <div class="notification__body">${options.body}</div>
  </div>`;
}

/** A polite live region that must already be in the DOM before its text changes. */
export function statusRegion(message: string): TemplateResult {
  return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${message}</div>`;
}
