import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/hub-finder/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';

/** What the hub finder tests share: reaching into the shadow root, making one, and searching. */

export const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
/** A node's text with its white space squashed, as a person reads it. */
export const textOf = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
export const buttonNamed = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLElement>('button, a.button')].find((b) => textOf(b) === name);

export async function make(lang: 'en' | 'cy', apiBase = '/api/v1'): Promise<ClsHubFinder> {
  return fixture<ClsHubFinder>(html`<cls-hub-finder lang=${lang} api-base=${apiBase}></cls-hub-finder>`);
}

export async function search(el: ClsHubFinder, query: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#place') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  ($(el, 'form[role="search"]') as HTMLFormElement).requestSubmit();
}

export async function searchAndWait(el: ClsHubFinder, query = 'Borchester'): Promise<void> {
  await search(el, query);
  await waitUntil(() => $(el, '#results-heading'), 'results', { timeout: 10_000 });
  await el.updateComplete;
}
