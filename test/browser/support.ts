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
  const results = await window.axe.run(element, AXE_OPTIONS);
  if (results.violations.length) {
    const lines = results.violations.flatMap((violation) => [
      `${violation.id} (${violation.impact}): ${violation.help}`,
      ...violation.nodes.map((node) => `  at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`),
    ]);
    throw new Error(`Accessibility violations:\n${lines.join('\n')}`);
  }
}

export const STAFF_TOKEN = 'browser-tests-staff-token';

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
