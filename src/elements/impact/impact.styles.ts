import { css } from 'lit';

export const impactStyles = css`
  .signed-in {
    display: flex;
    justify-content: flex-end;
  }
  .filters fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .filter-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .filter-row .form-group {
    margin-block-end: var(--_space-3);
  }
  .rounded,
  .filtered-note {
    border-inline-start: 5px solid var(--_color-border);
    padding-inline-start: var(--_space-3);
  }
  .objective,
  .outcomes,
  .chart,
  .export {
    margin: 0 0 var(--_space-5);
  }
  .objective__tag {
    font-weight: normal;
    color: var(--_color-secondary-text);
  }
  .figures {
    margin: 0;
  }
  .figure {
    display: grid;
    grid-template-columns: minmax(12em, 1fr) 2fr;
    gap: var(--_space-2) var(--_space-3);
    padding-block: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
  }
  .figure dt {
    font-weight: bold;
  }
  .figure dd {
    margin: 0;
  }
  .figure__detail {
    grid-column: 2;
  }
  .figure__detail ul {
    margin: var(--_space-1) 0 0;
  }
  .table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .table th,
  .table td {
    text-align: start;
    padding: var(--_space-2) var(--_space-3) var(--_space-2) 0;
    border-block-end: 1px solid var(--_color-border);
  }
  .table .numeric {
    text-align: end;
  }
  .table caption {
    text-align: start;
    font-weight: bold;
    padding-block-end: var(--_space-2);
  }
  .table-scroll {
    overflow-x: auto;
    max-block-size: 30em;
  }
  .table-scroll:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .chart {
    padding: 0;
  }
  .chart__svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    color: var(--_color-primary);
  }
  .chart__svg .bar {
    fill: currentColor;
  }
  .chart__svg .axis {
    stroke: var(--_color-border);
  }
  .chart__svg .label,
  .chart__svg .value {
    fill: var(--_color-text);
    font-size: 14px;
  }
  .chart__svg .selected .label {
    font-weight: bold;
  }
  .chart__svg:has(.selected) g:not(.selected) .bar {
    opacity: 0.45;
  }
  .chart__svg .grid {
    stroke: var(--_color-border);
    stroke-dasharray: 2 4;
  }
  .chart__svg .line {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  .chart__svg .series--helpful .line {
    stroke-dasharray: 8 4;
  }
  .marker {
    fill: currentColor;
  }
  .suppressed {
    fill: url(#hatch);
    stroke: currentColor;
    stroke-width: 1;
  }
  .hatch {
    stroke: currentColor;
  }
  .key {
    inline-size: 1em;
    block-size: 1em;
    vertical-align: middle;
    color: var(--_color-primary);
  }
  details summary {
    cursor: pointer;
    color: var(--_color-primary);
    text-decoration: underline;
    min-block-size: 44px;
    display: flex;
    align-items: center;
  }
  details summary:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    background: var(--_color-focus);
    color: var(--_color-focus-text);
  }
  .button-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  /* Forced colours (Windows High Contrast): system colours only, and the hatching, not colour, marks what is suppressed. */
  @media (forced-colors: active) {
    .chart__svg,
    .key {
      color: CanvasText;
    }
    .chart__svg .bar,
    .marker {
      fill: Highlight;
    }
    .chart__svg .label,
    .chart__svg .value {
      fill: CanvasText;
    }
    .chart__svg .line,
    .chart__svg .grid,
    .chart__svg .axis,
    .hatch,
    .suppressed {
      stroke: CanvasText;
    }
    .chart__svg:has(.selected) g:not(.selected) .bar {
      opacity: 1;
      fill: GrayText;
    }
  }
  /* A clean print: the figures, notes, charts and tables, without the controls. */
  @media print {
    .controls,
    .error-summary,
    .notification {
      display: none !important;
    }
    details > :not(summary) {
      display: block;
    }
    details summary {
      display: none;
    }
    .table-scroll {
      max-block-size: none;
      overflow: visible;
    }
  }
`;
