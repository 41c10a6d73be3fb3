/**
 * Defines a tag once. A second copy of the library on the same page (say a
 * CMS plugin and a theme each bundle it) then leaves the first definition in
 * place instead of throwing. For full isolation of two versions, use a scoped
 * custom element registry: see the README.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`community-led-widgets: <${tag}> is already defined by another copy of the library; keeping that one.`);
  }
}
