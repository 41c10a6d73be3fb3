import type { Messages } from '../../i18n/localizer.ts';

/**
 * Strings of `<cls-hub-map>`. Welsh counts take the singular noun ("3 hyb"),
 * so every plural form is the same there.
 */
export const hubMapMessages: Messages = {
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
};
