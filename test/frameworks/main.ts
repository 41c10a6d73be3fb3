/*
 * The snippets of docs/elements/*.md, as an app's code: the package's npm
 * entry point, then the element rendered by React 19 and by Vue 3, each
 * giving it an attribute, an object property and an event listener the way
 * JSX (`oncls-feedback-submit={…}`) and a Vue template
 * (`@cls-feedback-submit="…"`) compile to. The page then also takes the
 * CDN loader, as a CMS theme might: a second copy of the package, with its
 * own Lit beside the app's, on one page.
 */
import 'community-led-widgets/feedback';
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

// A second copy of the package (the CDN loader, with its own Lit) added to the same page later.
const loader = document.createElement('script');
loader.type = 'module';
loader.src = '/cdn/community-led-widgets.js';
document.head.append(loader);
