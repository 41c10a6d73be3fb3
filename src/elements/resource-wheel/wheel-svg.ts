import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  cellId,
  segmentLabelLayout,
  wheelLayout,
  type CellPosition,
  type WheelLabel,
  type WheelModel,
  type WheelRing,
  type WheelSegment,
} from '../../core/wheel.ts';
import type { Language } from '../../i18n/languages.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';

/** A ring's or segment's name in the element's language. */
export const labelOf = (item: { label: WheelLabel } | undefined, lang: Language): string => (item ? item.label[lang] : '');

export interface WheelSvgOptions {
  locale: LocaleController;
  model: WheelModel;
  /** All the rings, "me" first. */
  rings: readonly WheelRing[];
  segments: readonly WheelSegment[];
  /** Search matches per cell (by `cellId`) while something narrows the wheel. */
  counts?: ReadonlyMap<string, number> | undefined;
  /**
   * The ids in "my wheel", to draw it as a picture of the plan: counts of
   * the chosen resources, and cells that are not buttons.
   */
  plan?: readonly string[] | undefined;
  /** The cell holding the wheel's one tab stop. */
  active: CellPosition;
  /** The cell whose resources are listed. */
  selected: CellPosition | undefined;
  onOpen: (cell: CellPosition) => void;
  onKey: (event: KeyboardEvent, cell: CellPosition) => void;
  onFocus: (cell: CellPosition) => void;
}

/**
 * The wheel as SVG: every cell a button in one tab stop (roving tabindex),
 * named with its ring, segment and count; the ring key below it. The
 * geometry is `core/wheel.ts`'s.
 */
export function wheelSvg(options: WheelSvgOptions): TemplateResult {
  const { locale, model, counts, plan, active, selected } = options;
  const { t, lang } = locale;
  const rings = options.rings.slice(1);
  const segments = options.segments;
  const layout = wheelLayout(rings.length, segments.length);
  const c = layout.centre;
  const byId = new Map(model.cells.map((cell) => [cellId(cell.ring, cell.segment), cell]));
  const interactive = !plan;

  const cells = layout.cells.map((shape): SVGTemplateResult => {
    const ring = rings[shape.ring] as WheelRing;
    const segment = segments[shape.segment] as WheelSegment;
    const position = { ring: ring.id, segment: segment.id };
    const id = cellId(ring.id, segment.id);
    const services = byId.get(id)?.services ?? [];
    const total = plan ? services.filter((service) => plan.includes(service.id)).length : services.length;
    const matched = counts?.get(id) ?? 0;
    const isActive = active.ring === ring.id && active.segment === segment.id;
    const isSelected = selected?.ring === ring.id && selected.segment === segment.id;
    const names = { segment: labelOf(segment, lang), ring: labelOf(ring, lang) };
    const name = counts ? t('wheel.cellMatches', { ...names, count: matched }) : t('wheel.cell', { ...names, count: total });
    return svg`<path
          class="cell ${counts && matched ? 'cell--match' : ''} ${counts && !matched ? 'cell--dim' : ''}"
          part="cell"
          data-cell=${id}
          d=${shape.path}
          fill=${shape.fill}
          role=${interactive ? 'button' : 'img'}
          tabindex=${interactive && isActive ? 0 : -1}
          aria-label=${name}
          aria-pressed=${ifDefined(interactive ? (isSelected ? 'true' : 'false') : undefined)}
          @click=${() => interactive && options.onOpen(position)}
          @keydown=${(event: KeyboardEvent) => interactive && options.onKey(event, position)}
          @focus=${() => {
            if (interactive) options.onFocus(position);
          }}
        ></path>
        <text class="count" dominant-baseline="central" x=${shape.centre.x} y=${shape.centre.y} aria-hidden="true">${counts ? matched : total}</text>`;
  });

  // Segment names outside the rim, wrapped onto short lines (Welsh runs longer).
  const labels = segments.map((segment, index): SVGTemplateResult => {
    const angles = layout.segments[index] ?? { start: 0, end: 0 };
    const placed = segmentLabelLayout(labelOf(segment, lang), angles.start, angles.end);
    return svg`<text class="segment-label" part="segment" text-anchor=${placed.anchor} aria-hidden="true">${placed.lines.map(
      (line) => svg`<tspan x=${line.x} y=${line.y}>${line.text}</tspan>`,
    )}</text>`;
  });

  // Drawn over every cell (SVG paints in order, so a cell's own stroke is half hidden by its neighbours):
  // the focused cell's outline in black and yellow, shown only while a cell has keyboard focus.
  const activeShape = layout.cells.find((shape) => rings[shape.ring]?.id === active.ring && segments[shape.segment]?.id === active.segment);
  const focusRing = interactive && activeShape
    ? svg`<path class="focus-ring focus-ring--outer" d=${activeShape.path} aria-hidden="true"></path><path class="focus-ring focus-ring--inner" d=${activeShape.path} aria-hidden="true"></path>`
    : nothing;
  const meLabel = labelOf(options.rings[0], lang) || t('wheel.me');
  return html`<div>
    <svg viewBox="0 0 ${layout.size} ${layout.size}" role=${interactive ? 'group' : 'img'} aria-label=${interactive ? t('wheel.label') : t('plan.heading')}>
      <circle cx=${c.x} cy=${c.y} r=${layout.meRadius} fill="var(--_color-surface)" stroke="var(--_color-text)" stroke-width="2"></circle>
      <text class="me-label" dominant-baseline="central" x=${c.x} y=${c.y} aria-hidden="true">${meLabel}</text>
      ${cells} ${labels} ${focusRing}
    </svg>
    <p class="body-s" part="ring">${t('wheel.rings')}:</p>
    <ol class="ring-key body-s" part="ring">
      ${options.rings.map((ring) => html`<li>${labelOf(ring, lang)}</li>`)}
    </ol>
  </div>`;
}
