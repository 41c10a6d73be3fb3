import type * as Leaflet from 'leaflet';
// @ts-expect-error -- Leaflet ships types for its UMD entry ('leaflet') only. This is the same API as a real ES module, which browsers (the test server has no CommonJS step), esbuild and Vite all load as is.
import * as leafletModule from 'leaflet/dist/leaflet-src.esm.js';

/** Leaflet as an ES module, typed by its UMD entry's types: the one import of it every part of the map shares. */
export const L = leafletModule as typeof Leaflet;
