import { css } from 'lit';

export const hubFinderStyles = css`
  .root {
    max-inline-size: 48em;
  }
  .intro {
    color: var(--_color-secondary-text);
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: flex-start;
  }
  .search-row .input {
    flex: 1 1 12em;
    inline-size: auto;
    min-inline-size: 0;
  }
  .search-row .button {
    margin-block-end: 0;
  }
  .results-heading {
    margin-block-start: var(--_space-4);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: flex-end;
    padding: var(--_space-3);
    margin-block-end: var(--_space-3);
    background: var(--_color-surface);
  }
  .filters legend {
    font-weight: 700;
    margin-block-end: var(--_space-2);
  }
  .filters fieldset {
    display: contents;
  }
  .filters .form-group {
    margin: 0;
  }
  .filters .choice {
    align-items: center;
  }
  .hub-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .hub {
    padding-block: var(--_space-3);
    border-block-start: 1px solid var(--_color-border);
  }
  .hub:last-child {
    border-block-end: 1px solid var(--_color-border);
  }
  .hub-name {
    margin-block-end: var(--_space-1);
  }
  .meta {
    color: var(--_color-secondary-text);
    margin-block-end: var(--_space-2);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-block-end: var(--_space-2);
    padding: 0;
    list-style: none;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.5em;
    font-size: var(--_font-size-s);
    font-weight: 700;
    border: 2px solid currentColor;
  }
  .badge--open {
    color: var(--_color-success);
  }
  .badge--access {
    color: var(--_color-text);
  }
  .sessions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding-block: var(--_space-1);
  }
  .session .button {
    margin: 0;
  }
  /* "Full" and "Join the waiting list" stay together, wrapping as one. */
  .session-action {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .session-mode {
    font-weight: 700;
  }
  .full {
    color: var(--_color-error);
    font-weight: 700;
  }
  /* A waiting-list place that has ended (offer lapsed, left, closed): not a success. */
  .panel--ended {
    color: var(--_color-text);
    background: var(--_color-surface);
  }
  .back {
    display: inline-block;
    margin-block-end: var(--_space-3);
  }
  .summary-list {
    margin: 0 0 var(--_space-4);
  }
  .summary-list dt {
    font-weight: 700;
  }
  .summary-list dd {
    margin: 0 0 var(--_space-2);
  }
  .conditional {
    margin-inline-start: 1.1em;
    padding-inline-start: 1.4em;
    border-inline-start: 4px solid var(--_color-border);
    margin-block: var(--_space-2) var(--_space-3);
  }
  .reference {
    display: block;
    font-size: var(--_font-size-xl);
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  cls-hub-map {
    display: block;
    margin-block-end: var(--_space-4);
  }
  @media print {
    .button,
    .button-group,
    .back,
    .filters,
    form {
      display: none !important;
    }
    .panel {
      color: #000;
      background: none;
      border: 3px solid #000;
    }
  }
`;
