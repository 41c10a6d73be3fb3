import { css } from 'lit';

export const hubDayStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cls-space-2);
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--cls-space-3);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cls-space-2);
    list-style: none;
    padding: 0;
    margin: 0 0 var(--cls-space-4);
  }
  .tabs button[aria-current='page'] {
    text-decoration: underline;
    text-decoration-thickness: 3px;
  }
  .queue {
    border-left: 5px solid var(--cls-color-primary, #1d70b8);
    padding: var(--cls-space-2) var(--cls-space-3);
    margin-bottom: var(--cls-space-3);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-bottom: var(--cls-space-3);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--cls-space-2);
    border-bottom: 1px solid var(--cls-color-border, #6f777b);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cls-space-2);
  }
  .actions .button {
    margin-bottom: 0;
  }
  .tag {
    display: inline-block;
    padding: 0 var(--cls-space-1);
    font-weight: 700;
    border: 2px solid currentColor;
  }
  .tag--urgent {
    color: var(--cls-color-error, #c82d1a);
  }
  .items {
    list-style: none;
    padding: 0;
  }
  .items > li {
    border-bottom: 1px solid var(--cls-color-border, #6f777b);
    padding: var(--cls-space-3) 0;
  }
  .when {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cls-space-3);
  }
  .input--width-5 {
    max-width: 6em;
  }
  .input--width-10 {
    max-width: 11em;
  }
  .input--width-20 {
    max-width: 21em;
  }
  .heading-s {
    font-weight: 700;
    margin: var(--cls-space-3) 0 var(--cls-space-2);
  }
  caption.heading-s {
    text-align: start;
  }
  /* Short lists side by side, so the whole form fits a tablet screen or two. */
  .compact .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    column-gap: var(--cls-space-3);
  }
  .wellbeing .choices {
    flex-direction: row;
    flex-wrap: wrap;
    gap: var(--cls-space-3);
  }
  select.input {
    min-height: 2.5em;
  }
  @media (forced-colors: active) {
    .tag,
    .queue {
      border-color: CanvasText;
    }
  }
`;
