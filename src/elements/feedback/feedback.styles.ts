import { css } from 'lit';

export const feedbackStyles = css`
  .intro {
    color: var(--_color-secondary-text);
  }
  form {
    margin: 0;
  }
`;
