import type * as Leaflet from 'leaflet';
import type { Translate } from '../../../i18n/localizer.ts';
import { L } from './leaflet.ts';

// Credited in words, not a link: a link would take a kiosk, or anyone, off the page to leafletjs.com.
const LEAFLET_PREFIX = 'Leaflet';

/** The zoom buttons and the message key of each one's name. */
const ZOOM_BUTTONS = [
  ['.leaflet-control-zoom-in', 'zoomIn'],
  ['.leaflet-control-zoom-out', 'zoomOut'],
] as const;

/** Adds the attribution and the zoom buttons, named in the map's language. */
export function addControls(map: Leaflet.Map, t: Translate): void {
  L.control.attribution({ prefix: LEAFLET_PREFIX }).addTo(map);
  const zoom = L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
  // The zoom buttons are links with role="button": Enter clicks them, Space must too.
  const controls = zoom.getContainer();
  controls?.addEventListener('keydown', (event) => {
    if (event.key === ' ' && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'button') event.preventDefault();
  });
  controls?.addEventListener('keyup', (event) => {
    if (event.key === ' ' && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'button') event.target.click();
  });
}

/** Names the zoom buttons again, after the language changed. */
export function nameControls(map: Leaflet.Map, t: Translate): void {
  const container = map.getContainer();
  for (const [selector, key] of ZOOM_BUTTONS) {
    const button = container.querySelector<HTMLElement>(selector);
    button?.setAttribute('title', t(key));
    button?.setAttribute('aria-label', t(key));
  }
}
