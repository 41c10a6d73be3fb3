import type { NextStepDetail } from '../api/events.ts';

/** The hub finder or resource wheel on the same page, if there is one. */
export function nextStepTarget(document: Document, step: NextStepDetail['step']): HTMLElement | null {
  return document.querySelector<HTMLElement>(step === 'hub-finder' ? 'cls-hub-finder' : 'cls-resource-wheel');
}

/** Shows the other widget (un-hiding it), gives it the person's postcode if it has none, and moves focus into it. */
export function showNextStep(target: HTMLElement, postcode: string | undefined): void {
  target.hidden = false;
  if (postcode && !target.getAttribute('postcode')) target.setAttribute('postcode', postcode);
  target.scrollIntoView({ block: 'start' });
  // Into its first control once it has rendered; the element itself if it has none.
  void Promise.resolve((target as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete).then(() => {
    const control = target.shadowRoot?.querySelector<HTMLElement>('input, button, select, textarea, a[href], [tabindex="0"]');
    if (control) control.focus();
    else {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  });
}
