import { css } from 'lit';

export const selfAssessmentStyles = css`
  .caption {
    display: block;
    color: var(--_color-secondary-text);
    font-size: var(--_font-size-s);
    margin-block-end: var(--_space-1);
  }
  .question-heading {
    font-size: var(--_font-size-l);
    font-weight: 700;
    line-height: 1.25;
    margin-block-end: var(--_space-3);
  }
  .question-heading:focus {
    outline: none;
  }
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .date .form-group {
    margin: 0;
  }
  .date .input {
    inline-size: 4.5em;
  }
  .date .input--year {
    inline-size: 6.5em;
  }
  .input--short {
    max-inline-size: 12em;
  }
  .input--short + .suffix {
    display: inline-block;
    margin-block-start: var(--_space-2);
  }
  .urgent {
    padding: var(--_space-3);
    margin-block-end: var(--_space-4);
    border: 5px solid var(--_color-error);
    background: var(--_color-background);
  }
  .urgent a {
    font-weight: 700;
  }
  .check {
    margin: 0 0 var(--_space-4);
  }
  .check-row {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_space-1);
    padding-block: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
  }
  @media (min-width: 40em) {
    .check-row {
      grid-template-columns: 2fr 2fr auto;
      align-items: start;
    }
  }
  .check-row dt {
    font-weight: 700;
  }
  .check-row dd {
    margin: 0;
    white-space: pre-line;
  }
  .resume-code {
    display: block;
    font-size: var(--_font-size-xl);
    font-weight: 700;
    letter-spacing: 0.1em;
  }
  .own-words,
  .strengths,
  .areas,
  .council-contact .list {
    padding-inline-start: 1.25em;
    margin-block-end: var(--_space-4);
  }
  .own-words li,
  .strengths li,
  .areas li,
  .council-contact li {
    margin-block-end: var(--_space-2);
  }
  .inset {
    padding: var(--_space-3);
    border-inline-start: 5px solid var(--_color-border);
    margin-block-end: var(--_space-4);
  }
  .inset p {
    margin-block-start: 0;
  }
  .next-step {
    padding: var(--_space-3);
    border-inline-start: 5px solid var(--_color-primary);
    background: var(--_color-surface);
    margin-block-end: var(--_space-4);
  }
  .community {
    margin-block-end: var(--_space-4);
  }
  .options {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .options li {
    padding-block: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
    overflow-wrap: anywhere;
  }
  .option-name {
    font-weight: 700;
  }
  .email {
    margin-block: var(--_space-4);
  }
  a.button {
    display: inline-block;
    text-decoration: none;
  }
  .conditional {
    margin-inline-start: 18px;
    padding-inline-start: 33px;
    border-inline-start: 4px solid var(--_color-border);
    margin-block-end: var(--_space-3);
  }
  .print-only {
    display: none;
  }
  /* The question as the page's heading, inside its legend or around its label: it keeps the legend's or label's look. */
  .label-wrapper {
    margin: 0;
  }
  /* Printed, or saved as PDF: the result to keep, dated, with every detail written out, and none of the controls. */
  @media print {
    .button,
    .button-group,
    .link-button,
    .no-print,
    .email,
    .inset,
    form,
    input,
    textarea,
    .timeout-dialog {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    .options li,
    .council-contact,
    .panel {
      break-inside: avoid;
    }
    a {
      color: inherit;
    }
  }
`;
