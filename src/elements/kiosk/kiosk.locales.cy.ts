import type { Messages } from '../../i18n/localizer.ts';

export const kioskMessagesCy: Messages = {
  controls: 'Help a gorffen',
  help: 'Cael help gan staff',
  helpComing: 'Rydyn ni wedi dweud wrth y staff yr hoffech chi gael help. Bydd rhywun gyda chi cyn bo hir.',
  helpAsk: 'Gofynnwch i aelod o staff wrth y ddesg am help.',
  finish: 'Gorffen a chlirio’r sgrin',
  cleared: 'Mae’r sgrin wedi’i chlirio ar gyfer y person nesaf.',
  warning: {
    heading: 'Ydych chi’n dal yma?',
    body: 'I ddiogelu eich preifatrwydd, bydd y sgrin hon yn cael ei chlirio ar gyfer y person nesaf ymhen {{time}}.',
    announce: 'Bydd y sgrin hon yn cael ei chlirio ymhen {{time}}.',
    continue: 'Rydw i’n dal yma',
    deleteNow: 'Clirio’r sgrin nawr',
  },
};
