import { css } from 'lit';

export const resourceWheelStyles = css`
  .root {
    max-inline-size: 60em;
  }
  .intro {
    color: var(--_color-secondary-text);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: flex-end;
    margin-block-end: var(--_space-3);
  }
  .toolbar .form-group {
    flex: 1 1 16em;
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    align-items: center;
    padding: var(--_space-3);
    margin-block-end: var(--_space-3);
    background: var(--_color-surface);
  }
  .filters .choice {
    align-items: center;
  }
  .near {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .near .input {
    inline-size: 9em;
  }
  .near .button,
  .filters .button,
  .toolbar .button {
    margin: 0;
  }
  .toggle {
    display: inline-flex;
    gap: 0;
  }
  .toggle .button[aria-pressed='true'] {
    color: var(--_color-primary-text);
    background: var(--_color-text);
  }
  .layout {
    display: grid;
    gap: var(--_space-4);
  }
  @media (min-width: 56em) {
    .layout--wheel {
      /* At least 608 px for the wheel: its narrowest cells are then 26 px deep, over the 24 px target size. */
      grid-template-columns: minmax(0, max(38em, 608px)) minmax(0, 1fr);
      align-items: start;
    }
  }
  svg {
    display: block;
    inline-size: 100%;
    max-inline-size: max(38em, 608px);
    block-size: auto;
    overflow: visible;
  }
  /* On a kiosk every cell is a 44 px target (KIOSK_MIN_TARGET_PX): the wheel takes the whole width, about 1,020 px at least, with the list below it. */
  :host([kiosk]) .root {
    max-inline-size: none;
  }
  :host([kiosk]) .layout--wheel {
    grid-template-columns: minmax(0, 1fr);
  }
  :host([kiosk]) svg {
    max-inline-size: none;
  }
  .cell {
    stroke: var(--_color-background);
    stroke-width: 2;
    cursor: pointer;
  }
  .cell:focus {
    outline: none;
  }
  .cell:focus-visible,
  .cell[aria-pressed='true'] {
    stroke: var(--_color-text);
    stroke-width: 5;
  }
  .focus-ring {
    display: none;
    fill: none;
    pointer-events: none;
    stroke-linejoin: round;
  }
  svg:has(.cell:focus-visible) .focus-ring {
    display: inline;
  }
  .focus-ring--outer {
    stroke: var(--_color-focus-text);
    stroke-width: 10;
  }
  .focus-ring--inner {
    stroke: var(--_color-focus);
    stroke-width: 5;
  }
  @media (forced-colors: active) {
    .focus-ring--outer {
      stroke: CanvasText;
    }
    .focus-ring--inner {
      stroke: Highlight;
    }
  }
  .cell--match {
    stroke: var(--_color-text);
    stroke-width: 4;
  }
  .cell--dim {
    opacity: 0.35;
  }
  .count,
  .segment-label,
  .me-label {
    pointer-events: none;
    font-family: var(--_font-family);
    fill: var(--_color-text);
  }
  .count {
    font-size: 20px;
    font-weight: 700;
    text-anchor: middle;
  }
  .segment-label {
    font-size: 20px;
    font-weight: 600;
  }
  .me-label {
    font-size: 22px;
    font-weight: 700;
    text-anchor: middle;
  }
  .ring-key {
    padding-inline-start: 1.5em;
    margin-block: var(--_space-2) var(--_space-3);
  }
  .services {
    list-style: none;
    margin: 0 0 var(--_space-3);
    padding: 0;
  }
  .service {
    padding-block: var(--_space-2);
    border-block-start: 1px solid var(--_color-border);
  }
  .service:last-child {
    border-block-end: 1px solid var(--_color-border);
  }
  .service .link-button {
    font-weight: 700;
  }
  .group .more {
    min-block-size: 44px;
    margin-block-end: var(--_space-2);
  }
  .service-meta {
    margin: var(--_space-1) 0 0;
    color: var(--_color-secondary-text);
  }
  .tag {
    display: inline-block;
    margin-inline-end: var(--_space-2);
    padding: 0 0.4em;
    border: 2px solid currentColor;
    font-size: var(--_font-size-s);
    font-weight: 700;
  }
  .tag--stale {
    color: var(--_color-error);
  }
  .tag--open {
    color: var(--_color-success);
  }
  mark {
    background: var(--_color-focus);
    color: var(--_color-focus-text);
  }
  dl {
    margin: 0 0 var(--_space-4);
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0 0 var(--_space-2);
  }
  .list-view h3,
  .list-view h4 {
    margin: var(--_space-3) 0 var(--_space-1);
  }
  .plan-link {
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .cell {
      stroke: CanvasText;
      fill: Canvas;
    }
    .cell--match,
    .cell[aria-pressed='true'] {
      fill: Highlight;
    }
  }
  .print-only {
    display: none;
  }
  .plan .service > div {
    margin-block-start: var(--_space-1);
  }
  @media print {
    .toolbar,
    .filters,
    .button,
    .button-group,
    .focus-ring,
    .no-print {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    :focus,
    :focus-visible {
      outline: none !important;
      box-shadow: none !important;
    }
    .plan .service {
      break-inside: avoid;
    }
  }
`;
