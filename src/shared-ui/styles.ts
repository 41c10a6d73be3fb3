import { css } from 'lit';

/**
 * Base styles for every element. `all: initial` on the host stops inherited
 * host-page typography (a CMS's `font-size: 62.5%`, `text-transform`, odd
 * line-heights) from leaking in; layout uses logical properties so
 * `dir="rtl"` mirrors it.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size-m);
    line-height: var(--_line-height);
    color: var(--_color-text);
    background: var(--_color-background);
    text-align: start;
    -webkit-text-size-adjust: 100%;
    /* A feed's long unbroken words (URLs, codes, a careless paste) wrap inside their box instead of pushing it wider. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  * {
    scroll-margin-block-start: var(--_scroll-margin-top);
  }
  /* Again inside the shadow root: a host rule such as
     "* { text-transform: uppercase !important }" beats :host and would be
     inherited, but cannot reach this element. */
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size-m);
    line-height: var(--_line-height);
    color: var(--_color-text);
    text-align: start;
    max-inline-size: 40em;
    overflow-wrap: anywhere;
  }
  h2, h3, p, ul, fieldset, legend {
    margin: 0;
    padding: 0;
  }
  p {
    margin-block-end: var(--_space-3);
  }
  .heading-l {
    font-size: var(--_font-size-l);
    font-weight: 700;
    line-height: 1.25;
    margin-block-end: var(--_space-3);
  }
  .heading-m {
    font-size: var(--_font-size-m);
    font-weight: 700;
    margin-block-end: var(--_space-2);
  }
  .body-s {
    font-size: var(--_font-size-s);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  a {
    color: var(--_color-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background-color: var(--_color-focus);
    box-shadow: 0 -2px var(--_color-focus), 0 4px var(--_color-focus-text);
    text-decoration: none;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  /* A button that looks like a link: for "Back" and for names that open details. */
  .link-button {
    all: unset;
    box-sizing: border-box;
    color: var(--_color-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    font: inherit;
    cursor: pointer;
    min-block-size: 1.5em;
  }
  .link-button:focus-visible {
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    box-shadow: 0 -2px var(--_color-focus), 0 4px var(--_color-focus-text);
    text-decoration: none;
  }
`;

export const formStyles = css`
  /* In a row of filters (a flex item) a question may shrink below its longest option, so it never runs off a 320 px screen. */
  .form-group {
    margin-block-end: var(--_space-4);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  /* A drop-down list, and a date box drawn the same way. */
  .select,
  .input--date {
    display: block;
    min-block-size: 2.75em;
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 2px solid var(--_color-input-border);
    border-radius: var(--_radius);
    padding-inline: var(--_space-2);
    max-inline-size: 100%;
  }
  .select:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
    box-shadow: inset 0 0 0 2px var(--_color-input-border);
  }
  .form-group--error {
    border-inline-start: 5px solid var(--_color-error);
    padding-inline-start: var(--_space-3);
  }
  .label,
  .legend {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_space-2);
  }
  .legend {
    font-size: var(--_font-size-m);
  }
  fieldset {
    border: 0;
    min-inline-size: 0;
  }
  .hint {
    display: block;
    color: var(--_color-secondary-text);
    margin-block-end: var(--_space-3);
  }
  .error-message {
    display: block;
    color: var(--_color-error);
    font-weight: 700;
    margin-block-end: var(--_space-3);
  }
  .input,
  .textarea {
    display: block;
    inline-size: 100%;
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 2px solid var(--_color-input-border);
    border-radius: var(--_radius);
    padding: var(--_space-2);
    min-block-size: 2.75em;
  }
  .textarea {
    resize: vertical;
    min-block-size: 7em;
  }
  .input--error,
  .textarea--error {
    border-color: var(--_color-error);
  }
  .input:focus,
  .textarea:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_color-input-border);
  }
  .count {
    margin-block-start: var(--_space-2);
    color: var(--_color-secondary-text);
  }
  .count--over {
    color: var(--_color-error);
    font-weight: 700;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  .choice {
    position: relative;
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    min-block-size: 2.75em;
  }
  .choice input {
    flex: none;
    inline-size: 2.25em;
    block-size: 2.25em;
    margin: 0;
    cursor: pointer;
  }
  .choice input:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_focus-width) + 2px) var(--_color-focus-text);
  }
  .choice label {
    padding-block: 0.3em;
    cursor: pointer;
    touch-action: manipulation;
  }
`;

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-block-size: 2.75em;
    min-inline-size: 2.75em;
    padding: var(--_space-2) var(--_space-3);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    color: var(--_color-action-text);
    background: var(--_color-action);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 #002d18;
    cursor: pointer;
    text-align: center;
    margin-block-end: var(--_space-3);
  }
  .button:hover {
    background: var(--_color-action-hover);
  }
  .button--secondary {
    color: var(--_color-text);
    background: var(--_color-surface);
    box-shadow: 0 2px 0 #929191;
  }
  .button--secondary:hover {
    background: #dbdad9;
  }
  .button:focus-visible {
    outline: var(--_focus-width) solid transparent;
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    border-color: var(--_color-focus);
    box-shadow: 0 2px 0 var(--_color-focus-text);
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .button-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 0.2em solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: cls-spin 0.8s linear infinite;
  }
  @keyframes cls-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }
`;

export const panelStyles = css`
  .error-summary {
    padding: var(--_space-3);
    margin-block-end: var(--_space-4);
    border: 5px solid var(--_color-error);
  }
  .error-summary:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .error-summary ul {
    list-style: none;
  }
  .error-summary li {
    margin-block-end: var(--_space-2);
  }
  .error-summary a {
    color: var(--_color-error);
    font-weight: 700;
  }
  /* The title is written in the coloured band at the top (never an empty band above it). */
  .notification {
    margin-block-end: var(--_space-4);
    border: 5px solid var(--_color-primary);
    --_notification-band: var(--_color-primary);
  }
  .notification--error {
    border-color: var(--_color-error);
    --_notification-band: var(--_color-error);
  }
  .notification > .notification__title {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    color: var(--_color-primary-text);
    background: var(--_notification-band);
  }
  .notification > .notification__body {
    padding: var(--_space-3);
  }
  .notification:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .panel {
    padding: var(--_space-4);
    margin-block-end: var(--_space-4);
    color: var(--_color-primary-text);
    background: var(--_color-success);
    text-align: center;
  }
  .panel:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
  }
  .panel .heading-l {
    margin-block-end: var(--_space-2);
  }
  .panel p {
    margin: 0;
  }
`;

/** Everything shared-ui renders needs these; elements add their own on top. */
/**
 * A shared screen is used standing, by touch, often by someone unsure of it:
 * every target at least 44 px (WCAG 2.5.5, beyond 2.5.8's 24 px).
 */
export const kioskStyles = css`
  :host([kiosk]) .button,
  :host([kiosk]) .input,
  :host([kiosk]) .select,
  :host([kiosk]) .input--date {
    min-block-size: max(2.75em, 44px);
  }
  :host([kiosk]) .button {
    min-inline-size: max(2.75em, 44px);
  }
  :host([kiosk]) .link-button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    min-inline-size: 44px;
  }
  :host([kiosk]) .choice {
    min-block-size: max(2.75em, 48px);
  }
  :host([kiosk]) .choice input {
    inline-size: max(2.25em, 44px);
    block-size: max(2.25em, 44px);
  }
`;

export const sharedStyles = [baseStyles, formStyles, buttonStyles, panelStyles, kioskStyles];
