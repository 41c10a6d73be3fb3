import type { Language } from '../../i18n/languages.ts';
import type { Messages } from '../../i18n/localizer.ts';

export const feedbackMessages: Record<Language, Messages> = {
  en: {
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
  },
  cy: {
    heading: 'Rhoi adborth',
    intro: 'Dywedwch wrthym sut aeth pethau. Mae’n cymryd tua munud ac mae’n ein helpu i wella’r gwasanaeth.',
    errorPrefix: 'Gwall:',
    helpful: {
      legend: 'Pa mor ddefnyddiol oedd hyn?',
      options: {
        '1': 'Ddim yn ddefnyddiol o gwbl',
        '2': 'Ddim yn ddefnyddiol iawn',
        '3': 'Eithaf defnyddiol',
        '4': 'Defnyddiol iawn',
        '5': 'Hynod o ddefnyddiol',
      },
    },
    ease: {
      legend: 'Pa mor hawdd oedd hi i ddod o hyd i’r hyn yr oedd ei angen arnoch?',
      options: {
        '1': 'Anodd iawn',
        '2': 'Anodd',
        '3': 'Ddim yn hawdd nac yn anodd',
        '4': 'Hawdd',
        '5': 'Hawdd iawn',
      },
    },
    comment: {
      label: 'Sylwadau',
      hint: 'Peidiwch â chynnwys manylion personol fel eich enw, eich cyfeiriad neu wybodaeth am eich iechyd.',
    },
    errors: {
      helpful: { required: 'Dewiswch pa mor ddefnyddiol oedd hyn' },
      ease: { required: 'Dewiswch pa mor hawdd oedd hi i ddod o hyd i’r hyn yr oedd ei angen arnoch' },
      comment: { 'too-long': 'Rhaid i’r sylwadau fod yn {{max}} nod neu lai' },
      invalid: 'Gwiriwch yr ateb hwn',
    },
    submit: 'Anfon adborth',
    failedTitle: 'Nid yw eich adborth wedi’i anfon',
    done: {
      title: 'Diolch am eich adborth',
      body: 'Rydym yn darllen pob sylw ac yn defnyddio’r hyn rydych yn ei ddweud wrthym i wella’r gwasanaeth hwn.',
    },
    status: {
      sent: 'Mae eich adborth wedi’i anfon',
      failed: 'Nid yw eich adborth wedi’i anfon',
    },
  },
};
