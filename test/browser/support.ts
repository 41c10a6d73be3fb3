import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

/** Every WCAG 2.0, 2.1 and 2.2 A/AA rule axe has, plus its best practices. */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

/** Fails with a readable list when axe finds any violation in `element` (shadow DOM included). */
export async function expectAccessible(element: Element): Promise<void> {
  expectNoPlaceholders(element);
  const results = await window.axe.run(element, AXE_OPTIONS);
  if (results.violations.length) {
    const lines = results.violations.flatMap((violation) => [
      `${violation.id} (${violation.impact}): ${violation.help}`,
      ...violation.nodes.map((node) => `  at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`),
    ]);
    throw new Error(`Accessibility violations:\n${lines.join('\n')}`);
  }
}

/** The real timers, taken when this module loads, before any test fakes them. */
const REAL_TIMERS = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, setInterval: window.setInterval, clearInterval: window.clearInterval };

/**
 * {@link expectAccessible} while a test's fake clock is installed: axe runs on
 * timers of its own, so it is lent the real ones for the check, and the fake
 * clock (and with it any countdown) stands still meanwhile.
 */
export async function accessibleOnFakeClock(element: Element): Promise<void> {
  const fake = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, setInterval: window.setInterval, clearInterval: window.clearInterval };
  Object.assign(window, REAL_TIMERS);
  try {
    await expectAccessible(element);
  } finally {
    Object.assign(window, fake);
  }
}

export const STAFF_TOKEN = 'browser-tests-staff-token';
/** A worker's token (STAFF_TOKEN is an admin's); web-test-runner.config.mjs also gives it one conversation recorded two days ago. */
export const WORKER_TOKEN = 'browser-tests-worker-token';

/** A fresh fault-proxy name per test, so tests never share network state. */
export function faultName(): string {
  return `t${Math.random().toString(36).slice(2, 10)}`;
}

export async function heal(name: string): Promise<void> {
  await fetch(`/faults/${name}/heal`, { method: 'POST' });
}

/** The shadow root's active element (where keyboard focus really is). */
export function focused(element: HTMLElement): Element | null {
  return element.shadowRoot?.activeElement ?? null;
}

/** What a person reads or hears from `element`: its text and the names given in attributes, shadow roots included. */
function shownText(node: Element | ShadowRoot): string[] {
  const parts: string[] = [];
  for (const child of node.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = child.getAttribute(name);
      if (value) parts.push(value);
    }
    if (child.shadowRoot) parts.push(child.shadowRoot.textContent ?? '', ...shownText(child.shadowRoot));
  }
  return parts;
}

/** Every state checked with axe is also checked for a string shown with its `{{placeholder}}` unfilled. */
export function expectNoPlaceholders(element: Element): void {
  const shown = [element.shadowRoot?.textContent ?? '', element.textContent ?? '', ...(element.shadowRoot ? shownText(element.shadowRoot) : []), ...shownText(element)];
  const unfilled = shown.join('\n').match(/[^\n]{0,40}\{\{[^}]*\}\}[^\n]{0,40}/);
  if (unfilled) throw new Error(`A string is shown with a placeholder unfilled: "${unfilled[0].trim()}"`);
}

/**
 * What inside `element`'s shadow root runs past its right-hand edge (WCAG
 * 1.4.10 reflow), as "tag.class ends at N px"; a wide table inside its own
 * scrolling region (`.table-scroll`) is allowed.
 */
export function runsOffEdge(element: Element): string[] {
  const edge = element.getBoundingClientRect().right;
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])]
    .filter((node) => !node.closest('.table-scroll') && node.getBoundingClientRect().width > 0 && node.getBoundingClientRect().right > edge + 1)
    .map((node) => `${node.localName}.${node.getAttribute('class') ?? ''} ends at ${Math.round(node.getBoundingClientRect().right)} px`);
}
