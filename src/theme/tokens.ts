import { css } from 'lit';

/**
 * Design tokens. Sizes use the absolute keywords (medium, large…) and em,
 * never rem: CMS pages often set `html { font-size: 62.5% }`, which would
 * shrink every rem inside the shadow root, while the keywords follow the
 * resident's own browser text size.
 * Each public `--cls-*` custom property may be set by the host
 * page (it inherits into the shadow root); the element reads private `--_*`
 * copies with GOV.UK-derived defaults that meet WCAG 2.2 AA contrast on white.
 * Documented on every element with `@cssprop`.
 */
export const tokens = css`
  :host {
    --_color-text: var(--cls-color-text, #0b0c0c);
    --_color-secondary-text: var(--cls-color-secondary-text, #484949);
    --_color-background: var(--cls-color-background, #ffffff);
    --_color-primary: var(--cls-color-primary, #1d70b8);
    --_color-primary-text: var(--cls-color-primary-text, #ffffff);
    --_color-action: var(--cls-color-action, #00703c);
    --_color-action-hover: var(--cls-color-action-hover, #005a30);
    --_color-action-text: var(--cls-color-action-text, #ffffff);
    --_color-border: var(--cls-color-border, #6f777b);
    --_color-input-border: var(--cls-color-input-border, #0b0c0c);
    --_color-error: var(--cls-color-error, #c82d1a);
    --_color-success: var(--cls-color-success, #00703c);
    --_color-focus: var(--cls-color-focus, #ffdd00);
    --_color-focus-text: var(--cls-color-focus-text, #0b0c0c);
    --_color-surface: var(--cls-color-surface, #f3f2f1);
    --_font-family: var(--cls-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size-s: var(--cls-font-size-s, medium);
    --_font-size-m: var(--cls-font-size-m, large);
    --_font-size-l: var(--cls-font-size-l, x-large);
    --_font-size-xl: var(--cls-font-size-xl, xx-large);
    --_line-height: var(--cls-line-height, 1.4);
    --_space-1: var(--cls-space-1, 0.25em);
    --_space-2: var(--cls-space-2, 0.5em);
    --_space-3: var(--cls-space-3, 1em);
    --_space-4: var(--cls-space-4, 1.5em);
    --_space-5: var(--cls-space-5, 2em);
    --_radius: var(--cls-radius, 0);
    --_focus-width: var(--cls-focus-width, 3px);
    /* Room kept above whatever gets focus or is scrolled to: the height of a host page's sticky header (WCAG 2.4.11). */
    --_scroll-margin-top: var(--cls-scroll-margin-top, 0px);
  }
`;
