import { css } from 'lit';

export const kioskStyles = css`
  :host {
    display: block;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-3);
    margin-block-end: var(--_space-4);
    font-family: var(--_font-family);
    font-size: var(--_font-size-m);
    line-height: var(--_line-height);
    color: var(--_color-text);
    background: var(--_color-surface);
    border-block-end: 4px solid var(--_color-primary);
  }
  .controls .button-group {
    margin: 0;
  }
  .controls .button {
    margin-block-end: 0;
  }
  .message {
    flex: 1 1 16em;
    margin: 0;
    font-weight: 600;
  }
  /* "I'm still here": the one thing a returning person has to find, big. */
  .timeout-dialog .button:not(.button--secondary) {
    font-size: var(--_font-size-l);
    min-block-size: 2.75em;
    padding-inline: var(--_space-4);
  }
`;
