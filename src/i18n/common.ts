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
    errors: {
      offline: 'You appear to be offline. Your answers have been kept. Check your connection and try again.',
      network: 'We could not reach the service. Your answers have been kept. Try again in a moment.',
      timeout: 'The service is taking too long to answer. Your answers have been kept. Try again in a moment.',
      server: 'Something went wrong on our side. Your answers have been kept. Try again in a moment.',
      invalidResponse: 'The service sent an answer we could not understand. Your answers have been kept. Try again later.',
      validation: 'Some answers need to be changed before they can be sent.',
      rateLimited: 'Too many attempts in a short time. Your answers have been kept. Wait a minute and try again.',
      unauthorized: 'You are not signed in, or your access has expired.',
      notFound: 'We could not find what you asked for.',
      rejected: 'The service could not accept this. Your answers have been kept.',
    },
  },
  cy: {
    errorSummaryTitle: 'Mae problem wedi codi',
    optional: '(dewisol)',
    loading: 'Wrthi’n llwytho',
    sending: 'Wrthi’n anfon',
    tryAgain: 'Rhowch gynnig arall arni',
    errors: {
      offline: 'Mae’n ymddangos eich bod all-lein. Mae eich atebion wedi’u cadw. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
      network: 'Doedd dim modd i ni gysylltu â’r gwasanaeth. Mae eich atebion wedi’u cadw. Rhowch gynnig arall arni mewn munud.',
      timeout: 'Mae’r gwasanaeth yn cymryd gormod o amser i ateb. Mae eich atebion wedi’u cadw. Rhowch gynnig arall arni mewn munud.',
      server: 'Aeth rhywbeth o’i le ar ein hochr ni. Mae eich atebion wedi’u cadw. Rhowch gynnig arall arni mewn munud.',
      invalidResponse: 'Anfonodd y gwasanaeth ateb nad oedden ni’n gallu ei ddeall. Mae eich atebion wedi’u cadw. Rhowch gynnig arall arni nes ymlaen.',
      validation: 'Mae angen newid rhai atebion cyn y gellir eu hanfon.',
      rateLimited: 'Gormod o ymdrechion mewn amser byr. Mae eich atebion wedi’u cadw. Arhoswch funud a rhowch gynnig arall arni.',
      unauthorized: 'Dydych chi ddim wedi mewngofnodi, neu mae eich mynediad wedi dod i ben.',
      notFound: 'Doedd dim modd i ni ddod o hyd i’r hyn y gofynnoch amdano.',
      rejected: 'Doedd dim modd i’r gwasanaeth dderbyn hyn. Mae eich atebion wedi’u cadw.',
    },
  },
};
