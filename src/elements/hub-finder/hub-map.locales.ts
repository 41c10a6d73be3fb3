import type { Language } from '../../i18n/languages.ts';
import type { Messages } from '../../i18n/localizer.ts';

/**
 * Strings of `<cls-hub-map>`. Welsh counts take the singular noun ("3 hwb"),
 * so every plural form is the same there.
 */
export const hubMapMessages: Record<Language, Messages> = {
  en: {
    label: 'Map of community hubs',
    keyboardHint:
      'Use the arrow keys to move the map and the plus and minus keys to zoom. Press Tab to go through the hubs on the map, then Enter to choose one.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    notConfigured: 'Map background not configured',
    hereMarker: 'You are here',
    here: 'The marker “You are here” shows {{label}}.',
    tilesFailed: 'The map background could not be loaded. The markers and the list still work.',
    cluster_one: '{{n}} hub: {{names}}',
    cluster_other: '{{n}} hubs: {{names}}',
    more: '{{n}} more',
    list: {
      separator: ', ',
      and: '{{items}} and {{last}}',
      andVowel: '{{items}} and {{last}}',
    },
    samePlace: {
      heading_one: '{{n}} hub in this place',
      heading_other: '{{n}} hubs in this place',
      close: 'Close the list',
    },
  },
  cy: {
    label: 'Map o hybiau cymunedol',
    keyboardHint:
      'Defnyddiwch y bysellau saeth i symud y map a’r bysellau plws a minws i chwyddo. Pwyswch Tab i fynd drwy’r hybiau ar y map, yna Enter i ddewis un.',
    zoomIn: 'Chwyddo i mewn',
    zoomOut: 'Chwyddo allan',
    notConfigured: 'Nid yw cefndir y map wedi’i ffurfweddu',
    hereMarker: 'Rydych chi yma',
    here: 'Mae’r marciwr “Rydych chi yma” yn dangos {{label}}.',
    tilesFailed: 'Doedd dim modd llwytho cefndir y map. Mae’r marcwyr a’r rhestr yn dal i weithio.',
    cluster_zero: '{{n}} hwb: {{names}}',
    cluster_one: '{{n}} hwb: {{names}}',
    cluster_two: '{{n}} hwb: {{names}}',
    cluster_few: '{{n}} hwb: {{names}}',
    cluster_many: '{{n}} hwb: {{names}}',
    cluster_other: '{{n}} hwb: {{names}}',
    more: '{{n}} arall',
    list: {
      separator: ', ',
      and: '{{items}} a {{last}}',
      andVowel: '{{items}} ac {{last}}',
    },
    samePlace: {
      heading_zero: '{{n}} hwb yn y lle hwn',
      heading_one: '{{n}} hwb yn y lle hwn',
      heading_two: '{{n}} hwb yn y lle hwn',
      heading_few: '{{n}} hwb yn y lle hwn',
      heading_many: '{{n}} hwb yn y lle hwn',
      heading_other: '{{n}} hwb yn y lle hwn',
      close: 'Cau’r rhestr',
    },
  },
};
