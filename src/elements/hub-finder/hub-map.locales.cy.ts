import type { Messages } from '../../i18n/localizer.ts';

/** Welsh strings of hub-map.locales: loaded the first time an element is shown in Welsh. Keys match the English file (test/node/i18n.test.ts). */
export const hubMapMessagesCy: Messages = {
  label: 'Map o hybiau cymunedol',
  keyboardHint:
    'Defnyddiwch y bysellau saeth i symud y map a’r bysellau plws a minws i chwyddo. Pwyswch Tab i fynd drwy’r hybiau ar y map, yna Enter i ddewis un.',
  zoomIn: 'Chwyddo i mewn',
  zoomOut: 'Chwyddo allan',
  notConfigured: 'Nid yw cefndir y map wedi’i ffurfweddu',
  hereMarker: 'Rydych chi yma',
  here: 'Mae’r marciwr “Rydych chi yma” yn dangos {{label}}.',
  tilesFailed: 'Doedd dim modd llwytho cefndir y map. Mae’r marcwyr a’r rhestr yn dal i weithio.',
  cluster_zero: '{{n}} hyb: {{names}}',
  cluster_one: '{{n}} hyb: {{names}}',
  cluster_two: '{{n}} hyb: {{names}}',
  cluster_few: '{{n}} hyb: {{names}}',
  cluster_many: '{{n}} hyb: {{names}}',
  cluster_other: '{{n}} hyb: {{names}}',
  more: '{{n}} arall',
  list: {
    separator: ', ',
    and: '{{items}} a {{last}}',
    andVowel: '{{items}} ac {{last}}',
  },
  samePlace: {
    heading_zero: '{{n}} hyb yn y lle hwn',
    heading_one: '{{n}} hyb yn y lle hwn',
    heading_two: '{{n}} hyb yn y lle hwn',
    heading_few: '{{n}} hyb yn y lle hwn',
    heading_many: '{{n}} hyb yn y lle hwn',
    heading_other: '{{n}} hyb yn y lle hwn',
    close: 'Cau’r rhestr',
  },
};
