import type { Coordinates } from '../../../contract/directory.ts';

/*
 * What `<cls-hub-map>` is given and tells. Re-exported by hub-map.ts, where
 * the element's users import them from.
 */

/** One place on the map. */
export interface HubMapPlace {
  id: string;
  name: string;
  coordinates: Coordinates;
  /** A short line under the name in its label, e.g. `1.2 miles · Open now`. */
  detail?: string;
}

/** A tile layer: a `{z}/{x}/{y}` URL template and the attribution its licence requires. */
export interface HubMapTiles {
  url: string;
  /** HTML, shown as given in the map's attribution: it comes from the site owner's configuration. */
  attribution: string;
  maxZoom?: number;
}

/**
 * A background drawn without tiles (and without any third-party request):
 * the outline of the area and the names of its towns, so a map with no
 * tiles configured is still readable.
 */
export interface HubMapBackground {
  /** The area's boundary, as a ring of points. */
  outline?: Coordinates[];
  /** Town and village names, written where they are. */
  labels?: Array<{ name: string; coordinates: Coordinates }>;
}

/** The place searched for, marked "You are here". */
export interface HubMapHere {
  coordinates: Coordinates;
  /** What was searched for, e.g. `Borchester` or `SY7 9QT`. */
  label: string;
}

/** `detail` of the `cls-map-select` event. */
export interface HubMapSelectDetail {
  id: string;
}
