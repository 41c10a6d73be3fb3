import type { Messages } from '../../i18n/localizer.ts';

export const feedbackMessages: Messages = {
  heading: 'Give feedback',
  intro: 'Tell us how this went. It takes about a minute and helps us improve the service.',
  errorPrefix: 'Error:',
  helpful: {
    legend: 'How helpful was this?',
    options: {
      '1': 'Not at all helpful',
      '2': 'Not very helpful',
      '3': 'Quite helpful',
      '4': 'Very helpful',
      '5': 'Extremely helpful',
    },
  },
  ease: {
    legend: 'How easy was it to find what you needed?',
    options: {
      '1': 'Very difficult',
      '2': 'Difficult',
      '3': 'Neither easy nor difficult',
      '4': 'Easy',
      '5': 'Very easy',
    },
  },
  comment: {
    label: 'Comments',
    hint: 'Do not include personal details such as your name, address or health information.',
  },
  errors: {
    helpful: { required: 'Select how helpful this was' },
    ease: { required: 'Select how easy it was to find what you needed' },
    comment: { 'too-long': 'Comments must be {{max}} characters or fewer' },
    invalid: 'Check this answer',
  },
  submit: 'Send feedback',
  failedTitle: 'Your feedback has not been sent',
  done: {
    title: 'Thank you for your feedback',
    body: 'We read every comment and use what you tell us to improve this service.',
  },
  status: {
    sent: 'Your feedback has been sent',
    failed: 'Your feedback has not been sent',
  },
};
