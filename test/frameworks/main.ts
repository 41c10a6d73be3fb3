/*
 * The snippets of docs/elements/*.md, as an app's code: the package's npm
 * entry point, then the element rendered by React 19 and by Vue 3, each
 * giving it an attribute, an object property and an event listener the way
 * JSX (`oncls-feedback-submit={…}`) and a Vue template
 * (`@cls-feedback-submit="…"`) compile to. The page then also takes the
 * CDN loader, as a CMS theme might: a second copy of the package, with its
 * own Lit beside the app's, on one page. The app also has an element of
 * its own written with Lit 2 (a third Lit, of another major version), and
 * a scoped custom element registry that gives the package's class a tag
 * of the app's choosing inside one shadow root (README, "Two versions on
 * one page").
 */
import 'community-led-widgets/feedback';
import { ClsFeedback } from 'community-led-widgets';
import { LitElement as Lit2Element, html as lit2Html } from 'lit-2';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp, h } from 'vue';

const heard = (id: string) => (event: Event) => {
  const output = document.getElementById(id);
  if (output) output.textContent = (event as CustomEvent<{ id: string }>).detail.id;
};

createRoot(document.getElementById('react') as HTMLElement).render(
  createElement('cls-feedback', {
    source: 'react-page',
    strings: { en: { heading: 'Feedback from React' } },
    'oncls-feedback-submit': heard('react-heard'),
  }),
);

createApp({
  render: () =>
    h('cls-feedback', {
      source: 'vue-page',
      strings: { en: { heading: 'Feedback from Vue' } },
      'onCls-feedback-submit': heard('vue-heard'),
    }),
}).mount('#vue');

// The app's own element, on Lit 2.
class CouncilBanner extends Lit2Element {
  static override properties = { council: { type: String } };
  declare council: string;
  override render() {
    return lit2Html`<p>Welcome to ${this.council}</p>`;
  }
}
customElements.define('council-banner', CouncilBanner);

// A scoped registry: the package's class under the app's own tag, inside one shadow root only.
interface ScopedShadowRootInit extends ShadowRootInit {
  customElementRegistry: CustomElementRegistry;
}
const registry = new (CustomElementRegistry as unknown as { new (): CustomElementRegistry })();
registry.define('council-feedback', class extends ClsFeedback {});
const scoped = (document.getElementById('scoped') as HTMLElement).attachShadow({ mode: 'open', customElementRegistry: registry } as ScopedShadowRootInit);
scoped.innerHTML = '<council-feedback source="scoped-page"></council-feedback>';
scoped.addEventListener('cls-feedback-submit', heard('scoped-heard'));
(scoped.querySelector('council-feedback') as ClsFeedback).strings = { en: { heading: 'Feedback from a scoped registry' } };

// A second copy of the package (the CDN loader, with its own Lit) added to the same page later.
const loader = document.createElement('script');
loader.type = 'module';
loader.src = '/cdn/community-led-widgets.js';
document.head.append(loader);
