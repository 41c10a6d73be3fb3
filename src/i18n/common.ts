import type { Language } from './languages.ts';
import type { Messages } from './localizer.ts';

/** Strings every element shares: API failures, generic buttons, the error summary. */
export const common: Record<Language, Messages> = {
  en: {
    errorSummaryTitle: 'There is a problem',
    optional: '(optional)',
    loading: 'Loading',
    sending: 'Sending',
    tryAgain: 'Try again',
    answersKept: 'Your answers have been kept.',
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
  },
  cy: {
    errorSummaryTitle: 'Mae problem wedi codi',
    optional: '(dewisol)',
    loading: 'Wrthi’n llwytho',
    sending: 'Wrthi’n anfon',
    tryAgain: 'Rhowch gynnig arall arni',
    answersKept: 'Mae eich atebion wedi’u cadw.',
    errors: {
      offline: 'Mae’n ymddangos eich bod all-lein. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
      network: 'Doedd dim modd i ni gysylltu â’r gwasanaeth. Rhowch gynnig arall arni mewn munud.',
      timeout: 'Mae’r gwasanaeth yn cymryd gormod o amser i ateb. Rhowch gynnig arall arni mewn munud.',
      server: 'Aeth rhywbeth o’i le ar ein hochr ni. Rhowch gynnig arall arni mewn munud.',
      invalidResponse: 'Anfonodd y gwasanaeth ateb nad oedden ni’n gallu ei ddeall. Rhowch gynnig arall arni nes ymlaen.',
      validation: 'Mae angen newid rhai atebion cyn y gellir eu hanfon.',
      rateLimited: 'Gormod o ymdrechion mewn amser byr. Arhoswch funud a rhowch gynnig arall arni.',
      unauthorized: 'Dydych chi ddim wedi mewngofnodi, neu mae eich mynediad wedi dod i ben.',
      notFound: 'Doedd dim modd i ni ddod o hyd i’r hyn y gofynnoch amdano.',
      rejected: 'Doedd dim modd i’r gwasanaeth dderbyn hyn.',
    },
  },
};
