import { css, type CSSResultOrNative } from 'lit';

/*
 * Printing one part of an element without the host page around it. A page's
 * own print is the host's to style, and a shadow root cannot hide the host's
 * header, menus and footer; so the part is copied into a blank frame, styled
 * with the element's own sheets (their `:host` rules read as the frame's
 * root) and printed from there. Constructed sheets, not <style>, so a strict
 * Content-Security-Policy allows it. Form fields print as what was typed.
 */

const FRAME_CLASS = 'print-frame';

/** Print-frame styles for the element that prints: keeps the frame out of sight and out of the layout. */
export const printFrameStyles = css`
  .print-frame {
    position: fixed;
    inset-inline-start: 0;
    inset-block-start: 0;
    inline-size: 0;
    block-size: 0;
    border: 0;
  }
`;

/** The frame a previous print left behind, if any (printing is asynchronous and not every browser says when it ends). */
export function printFrameIn(root: ShadowRoot): HTMLIFrameElement | null {
  return root.querySelector<HTMLIFrameElement>(`iframe.${FRAME_CLASS}`);
}

/** Removes the frame a previous print left (on leaving the view that printed). */
export function clearPrintFrame(root: ShadowRoot): void {
  printFrameIn(root)?.remove();
}

function sheetText(style: CSSResultOrNative): string {
  if (style instanceof CSSStyleSheet) return [...style.cssRules].map((rule) => rule.cssText).join('\n');
  return style.cssText;
}

/** What the person typed, as text: a copy of a form field shows its default, not its current value. */
function fieldsAsText(source: Element, copy: Element, doc: Document): void {
  const typed = [...source.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')];
  [...copy.querySelectorAll('textarea, input')].forEach((field, index) => {
    const value = typed[index]?.value.trim() ?? '';
    const text = doc.createElement('p');
    text.className = 'printed-field';
    text.textContent = value;
    if (value) field.replaceWith(text);
    else field.remove();
  });
}

/**
 * Prints `source` (an element inside `root`) on its own: copied without its
 * `.no-print` parts and controls into a frame in `root`, then printed.
 * Returns the frame (kept until the next print or `clearPrintFrame`).
 */
export function printAlone(root: ShadowRoot, source: Element, styles: readonly CSSResultOrNative[], options: { lang: string; title: string }): HTMLIFrameElement {
  clearPrintFrame(root);
  const frame = document.createElement('iframe');
  frame.className = FRAME_CLASS;
  frame.title = options.title;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.inert = true;
  root.append(frame);
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) return frame;
  doc.documentElement.lang = options.lang;
  doc.title = options.title;
  const copy = doc.importNode(source, true);
  fieldsAsText(source, copy, doc);
  copy.querySelectorAll('.no-print, button, .button, .button-group, [role="status"]').forEach((node) => node.remove());
  doc.body.append(copy);
  // A sheet made by the frame's own window: a document adopts only sheets of its own realm.
  const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(
    [...styles.map(sheetText), 'body { margin: 0; } .printed-field { white-space: pre-wrap; }']
      .join('\n')
      // The element's host rules (its design tokens and type) become the frame's root rules.
      .replace(/:host\b/g, ':root'),
  );
  doc.adoptedStyleSheets = [sheet];
  win.print();
  return frame;
}
