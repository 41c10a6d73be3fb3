import { css } from 'lit';

/**
 * The part of Leaflet 1.9's `leaflet.css` this map needs (panes, layout,
 * controls, tooltips, animations), kept here instead of importing the file:
 * it must live in the shadow root as a constructable stylesheet (a strict
 * CSP forbids injected <style>/<link>, and page styles cannot reach inside),
 * and `leaflet.css?inline` is a Vite-only import the test server cannot
 * serve. Left out: popups, the layers control, the scale, VML and IE rules,
 * and every `url(images/…)` (no image requests: markers are styled divs).
 * Sizes use px and em, never rem (a CMS may shrink the root font).
 */
export const leafletStyles = css`
  .leaflet-pane,
  .leaflet-tile,
  .leaflet-marker-icon,
  .leaflet-tile-container,
  .leaflet-pane > svg,
  .leaflet-pane > canvas,
  .leaflet-zoom-box,
  .leaflet-layer {
    position: absolute;
    left: 0;
    top: 0;
  }
  .leaflet-container {
    overflow: hidden;
    -webkit-tap-highlight-color: transparent;
  }
  .leaflet-tile,
  .leaflet-marker-icon {
    user-select: none;
    -webkit-user-drag: none;
  }
  .leaflet-tile::selection {
    background: transparent;
  }
  .leaflet-marker-icon {
    display: block;
  }
  /* A host page's "img { max-width: 100% }" must not squash tiles. */
  .leaflet-container .leaflet-tile-pane img,
  .leaflet-container .leaflet-tile {
    max-width: none !important;
    max-height: none !important;
    width: auto;
    padding: 0;
  }
  .leaflet-container img.leaflet-tile {
    mix-blend-mode: plus-lighter;
  }
  .leaflet-container.leaflet-touch-zoom {
    touch-action: pan-x pan-y;
  }
  .leaflet-container.leaflet-touch-drag {
    touch-action: pinch-zoom;
  }
  .leaflet-container.leaflet-touch-drag.leaflet-touch-zoom {
    touch-action: none;
  }
  .leaflet-tile {
    filter: inherit;
    visibility: hidden;
  }
  .leaflet-tile-loaded {
    visibility: inherit;
  }
  .leaflet-zoom-box {
    width: 0;
    height: 0;
    box-sizing: border-box;
    z-index: 800;
    border: 2px dotted var(--_color-primary);
    background: rgb(255 255 255 / 50%);
  }
  .leaflet-pane {
    z-index: 400;
  }
  .leaflet-tile-pane {
    z-index: 200;
  }
  .leaflet-overlay-pane {
    z-index: 400;
  }
  .leaflet-shadow-pane {
    z-index: 500;
  }
  .leaflet-marker-pane {
    z-index: 600;
  }
  .leaflet-tooltip-pane {
    z-index: 650;
  }
  .leaflet-popup-pane {
    z-index: 700;
  }
  .leaflet-map-pane canvas {
    z-index: 100;
  }
  .leaflet-map-pane svg {
    z-index: 200;
  }

  /* Control corners: physical sides, as Leaflet positions them whatever the direction. */
  .leaflet-control {
    position: relative;
    z-index: 800;
    pointer-events: auto;
    float: left;
    clear: both;
    cursor: auto;
  }
  .leaflet-top,
  .leaflet-bottom {
    position: absolute;
    z-index: 1000;
    pointer-events: none;
  }
  .leaflet-top {
    top: 0;
  }
  .leaflet-right {
    right: 0;
  }
  .leaflet-bottom {
    bottom: 0;
  }
  .leaflet-left {
    left: 0;
  }
  .leaflet-right .leaflet-control {
    float: right;
  }
  .leaflet-top .leaflet-control {
    margin-top: 10px;
  }
  .leaflet-left .leaflet-control {
    margin-left: 10px;
  }
  .leaflet-right .leaflet-control {
    margin-right: 10px;
  }

  /* Zoom and fade animations (switched off for reduced motion below and in the map options). */
  .leaflet-zoom-animated {
    transform-origin: 0 0;
  }
  svg.leaflet-zoom-animated {
    will-change: transform;
  }
  .leaflet-zoom-anim .leaflet-zoom-animated {
    transition: transform 0.25s cubic-bezier(0, 0, 0.25, 1);
  }
  .leaflet-zoom-anim .leaflet-tile,
  .leaflet-pan-anim .leaflet-tile {
    transition: none;
  }
  .leaflet-zoom-anim .leaflet-zoom-hide {
    visibility: hidden;
  }
  .leaflet-fade-anim .leaflet-tile {
    will-change: opacity;
  }

  /* Cursors and pointer targets. */
  .leaflet-interactive {
    cursor: pointer;
  }
  .leaflet-grab {
    cursor: grab;
  }
  .leaflet-dragging .leaflet-grab,
  .leaflet-dragging .leaflet-grab .leaflet-interactive {
    cursor: grabbing;
  }
  .leaflet-marker-icon,
  .leaflet-tile-container {
    pointer-events: none;
  }
  .leaflet-marker-icon.leaflet-interactive {
    pointer-events: auto;
  }

  /* Zoom buttons: at least 44 px, house colours and focus. */
  .leaflet-bar {
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    background-clip: padding-box;
  }
  .leaflet-bar a {
    display: flex;
    align-items: center;
    justify-content: center;
    inline-size: 44px;
    block-size: 44px;
    font: 700 24px/1 var(--_font-family);
    color: var(--_color-text);
    background: var(--_color-background);
    text-decoration: none;
    border-block-end: 1px solid var(--_color-border);
  }
  .leaflet-bar a:last-child {
    border-block-end: none;
  }
  .leaflet-bar a:hover {
    background: var(--_color-surface);
  }
  .leaflet-bar a:focus-visible {
    position: relative;
    z-index: 1;
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    color: var(--_color-focus-text);
    background: var(--_color-focus);
    box-shadow: inset 0 0 0 2px var(--_color-focus-text);
  }
  .leaflet-bar a.leaflet-disabled {
    cursor: default;
    color: var(--_color-secondary-text);
    background: var(--_color-surface);
  }

  /* Attribution: readable text, links in the house colour. */
  .leaflet-container .leaflet-control-attribution {
    margin: 0;
    padding: 0 6px;
    font-size: 14px;
    line-height: 1.5;
    color: var(--_color-text);
    background: rgb(255 255 255 / 90%);
  }
  .leaflet-attribution-flag {
    display: none !important;
  }

  /* Tooltips: the place's name and detail, wrapped rather than running off a small map. */
  .leaflet-tooltip {
    position: absolute;
    padding: var(--_space-1) var(--_space-2);
    font-size: var(--_font-size-s);
    line-height: 1.3;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: 0 1px 3px rgb(0 0 0 / 40%);
    inline-size: max-content;
    max-inline-size: 16em;
    white-space: normal;
    user-select: none;
    pointer-events: none;
  }
  .leaflet-tooltip-top::before,
  .leaflet-tooltip-bottom::before,
  .leaflet-tooltip-left::before,
  .leaflet-tooltip-right::before {
    position: absolute;
    pointer-events: none;
    border: 6px solid transparent;
    background: transparent;
    content: '';
  }
  .leaflet-tooltip-top {
    margin-top: -6px;
  }
  .leaflet-tooltip-bottom {
    margin-top: 6px;
  }
  .leaflet-tooltip-top::before,
  .leaflet-tooltip-bottom::before {
    left: 50%;
    margin-left: -6px;
  }
  .leaflet-tooltip-top::before {
    bottom: 0;
    margin-bottom: -12px;
    border-top-color: var(--_color-border);
  }
  .leaflet-tooltip-bottom::before {
    top: 0;
    margin-top: -12px;
    border-bottom-color: var(--_color-border);
  }
  .leaflet-tooltip-left {
    margin-left: -6px;
  }
  .leaflet-tooltip-right {
    margin-left: 6px;
  }
  .leaflet-tooltip-left::before,
  .leaflet-tooltip-right::before {
    top: 50%;
    margin-top: -6px;
  }
  .leaflet-tooltip-left::before {
    right: 0;
    margin-right: -12px;
    border-left-color: var(--_color-border);
  }
  .leaflet-tooltip-right::before {
    left: 0;
    margin-left: -12px;
    border-right-color: var(--_color-border);
  }

  @media (prefers-reduced-motion: reduce) {
    .leaflet-zoom-anim .leaflet-zoom-animated {
      transition: none;
    }
  }
`;

/** The element's own layout, markers and notes. */
export const hubMapStyles = css`
  .root {
    max-inline-size: none;
  }
  .frame {
    position: relative;
    inline-size: 100%;
    max-inline-size: 100%;
  }
  .map {
    display: block;
    position: relative;
    inline-size: 100%;
    max-inline-size: 100%;
    block-size: var(--cls-map-height, 60vh);
    min-block-size: 320px;
    max-block-size: 70vh;
    font-family: var(--_font-family);
    font-size: var(--_font-size-s);
    line-height: 1.4;
    background-color: var(--_color-surface);
    border: 1px solid var(--_color-border);
    outline-offset: calc(-1 * var(--_focus-width));
  }
  /* min-block-size wins over max-block-size, so the map is never under 320 px even on a short screen. */
  .map:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    box-shadow: inset 0 0 0 calc(var(--_focus-width) + 2px) var(--_color-focus-text);
  }
  /* No tiles configured: a quiet grid rather than a broken grey box. */
  .frame--plain .map {
    background-color: #f7f8f7;
    background-image:
      linear-gradient(to right, #e3e6e4 1px, transparent 1px),
      linear-gradient(to bottom, #e3e6e4 1px, transparent 1px);
    background-size: 48px 48px;
  }
  /* A background drawn without tiles: land inside the outline, town names on it. */
  .frame--drawn .map {
    background-color: #dfe8ee;
  }
  .map-outline {
    fill: #fbfbf8;
    stroke: #505a5f;
  }
  .map-label span {
    position: absolute;
    translate: -50% -50%;
    color: #383f43;
    font-size: var(--_font-size-s);
    font-style: italic;
    white-space: nowrap;
    pointer-events: none;
    text-shadow: 0 0 3px #ffffff, 0 0 3px #ffffff;
  }
  .marker-here {
    border-radius: 50%;
    background: var(--_color-text);
    border: 3px solid #ffffff;
    box-shadow: 0 0 0 2px var(--_color-text);
  }
  .marker-here .here-text {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-start: 50%;
    translate: -50% 4px;
    padding: 0 0.3em;
    white-space: nowrap;
    font-size: var(--_font-size-s);
    font-weight: 700;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-text);
  }

  .marker {
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    color: var(--_color-primary-text);
    background: var(--_color-primary);
    border: 3px solid #ffffff;
    box-shadow: 0 0 0 1px var(--_color-text), 0 2px 4px rgb(0 0 0 / 40%);
    font-family: var(--_font-family);
    font-weight: 700;
    line-height: 1;
  }
  .marker::after {
    content: '';
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: #ffffff;
  }
  .marker--cluster::after {
    content: none;
  }
  .marker--cluster {
    font-size: 16px;
    background: var(--_color-text);
  }
  .marker--selected {
    background: var(--_color-action);
    box-shadow: 0 0 0 3px var(--_color-text), 0 2px 6px rgb(0 0 0 / 50%);
  }
  .marker--cluster.marker--selected {
    background: var(--_color-action);
  }
  .marker:focus {
    outline: none;
  }
  .marker:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_focus-width) + 2px) var(--_color-focus-text);
  }
  .marker:hover {
    filter: brightness(1.15);
  }

  /* Notes sit top-right, clear of the zoom buttons, which Leaflet always puts top-left. */
  .notes {
    position: absolute;
    top: 10px;
    right: 10px;
    z-index: 1000;
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--_space-2);
    max-inline-size: calc(100% - 80px);
    pointer-events: none;
  }
  .note {
    margin: 0;
    padding: var(--_space-1) var(--_space-2);
    font-size: var(--_font-size-s);
    line-height: 1.3;
    color: var(--_color-text);
    background: rgb(255 255 255 / 95%);
    border: 1px solid var(--_color-border);
    border-inline-start: 5px solid var(--_color-border);
  }
  .note--warning {
    border-inline-start-color: var(--_color-error);
    font-weight: 600;
  }

  .same-place {
    position: absolute;
    left: 10px;
    right: 10px;
    bottom: 28px;
    z-index: 1000;
    max-block-size: calc(100% - 80px);
    overflow: auto;
    padding: var(--_space-2) var(--_space-3);
    font-size: var(--_font-size-s);
    background: var(--_color-background);
    border: 2px solid var(--_color-text);
  }
  .same-place:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .same-place ul {
    list-style: none;
    margin: 0 0 var(--_space-2);
    padding: 0;
  }
  .same-place .button {
    margin-block-end: var(--_space-2);
    font-size: var(--_font-size-s);
    min-block-size: 44px;
  }
`;
