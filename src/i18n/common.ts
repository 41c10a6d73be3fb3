import type { Messages } from './localizer.ts';

/** Strings every element shares: API failures, generic buttons, the error summary. */
export const common: Messages = {
  errorSummaryTitle: 'There is a problem',
  optional: '(optional)',
  loading: 'Loading',
  sending: 'Sending',
  tryAgain: 'Try again',
  answersKept: 'Your answers have been kept.',
  characterCount: {
    remaining_one: 'You have {{n}} character remaining',
    remaining_other: 'You have {{n}} characters remaining',
    over_one: 'You have {{n}} character too many',
    over_other: 'You have {{n}} characters too many',
  },
  errors: {
    offline: 'You appear to be offline. Check your connection and try again.',
    network: 'We could not reach the service. Try again in a moment.',
    timeout: 'The service is taking too long to answer. Try again in a moment.',
    server: 'Something went wrong on our side. Try again in a moment.',
    invalidResponse: 'The service sent an answer we could not understand. Try again later.',
    validation: 'Some answers need to be changed before they can be sent.',
    rateLimited: 'Too many attempts in a short time. Wait a minute and try again.',
    unauthorized: 'You are not signed in, or your access has expired.',
    notFound: 'We could not find what you asked for.',
    rejected: 'The service could not accept this.',
  },
  // The inactivity warning (shared-ui/timeout-warning.ts), GOV.UK timeout-warning wording.
  timeout: {
    heading: 'You will lose your answers soon',
    body: 'We will delete your answers in {{time}} to protect your privacy, because you have not done anything for a while.',
    announce: 'We will delete your answers in {{time}}.',
    continue: 'Continue with my answers',
    deleteNow: 'Delete my answers now',
    minutesAndSeconds: '{{minutes}} {{seconds}}',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    seconds_one: '{{count}} second',
    seconds_other: '{{count}} seconds',
    expiredTitle: 'Your answers have been deleted',
    expired_one: 'We deleted your answers because you did not do anything for {{count}} minute.',
    expired_other: 'We deleted your answers because you did not do anything for {{count}} minutes.',
    deleted: 'We deleted your answers, as you asked.',
  },
};
