import type { Messages } from '../../i18n/localizer.ts';

/** Welsh strings of feedback.locales: loaded the first time an element is shown in Welsh. Keys match the English file (test/node/i18n.test.ts). */
export const feedbackMessagesCy: Messages = {
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
};
