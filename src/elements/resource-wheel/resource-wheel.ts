import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ApiClient } from '../../client/client.ts';
import { resolveApiBase, resolveDirectoryUrl } from '../../client/config.ts';
import type { Coordinates, Service, TaxonomyTerm } from '../../contract/directory.ts';
import { GeocodeResult } from '../../contract/places.ts';
import { distanceMetres } from '../../core/geo.ts';
import { isOpenNow } from '../../core/schedule.ts';
import { ServiceIndex, highlightRanges, type ServiceFilters } from '../../core/search.ts';
import {
  DEFAULT_RINGS,
  DEFAULT_SEGMENTS,
  WheelMappingSchema,
  arcPath,
  buildWheel,
  cellId,
  decodePlan,
  defaultMapping,
  encodePlan,
  matchCounts,
  moveCell,
  type WheelMapping,
  type WheelModel,
  type WheelRing,
  type WheelSegment,
} from '../../core/wheel.ts';
import { common } from '../../i18n/common.ts';
import { formatDistance } from '../../i18n/format.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { describeSchedule, nextOccurrenceText } from '../../i18n/schedule-text.ts';
import { readFeed, type FeedResult } from '../../oruk/feed.ts';
import { button } from '../../shared-ui/button.ts';
import { textArea } from '../../shared-ui/field.ts';
import { FocusAfterRender } from '../../shared-ui/focus-after-render.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { spinner } from '../../shared-ui/spinner.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { resourceWheelMessages } from './resource-wheel.locales.ts';
import { resourceWheelStyles } from './resource-wheel.styles.ts';

/** `detail` of `cls-resource-open`. */
export interface ResourceOpenDetail {
  id: string;
}
/** `detail` of `cls-plan-change`: the ids in "my wheel", never the person's notes. */
export interface PlanChangeDetail {
  ids: string[];
}

interface Cell {
  ring: string;
  segment: string;
}

const localizer = createLocalizer(
  { en: { common: common.en, wheel: resourceWheelMessages.en }, cy: { common: common.cy, wheel: resourceWheelMessages.cy } },
  'wheel',
);

const PAGE = 20;
const NEAR_METRES = 8047;
const PLAN_PARAM = 'cls-plan';
const STORAGE_KEY = 'cls-resource-wheel';
const HUES = [205, 145, 35, 280, 10, 175, 330, 90, 0];
const SIZE = 760;
const CENTRE = SIZE / 2;
const ME_RADIUS = 58;
const OUTER_RADIUS = 222;

/**
 * A "resource wheel": community resources arranged around the person, in
 * rings from their own strengths outwards and segments by part of life.
 * Reads any Open Referral UK v1.0 or v3.0 feed in the browser. A list view
 * with the same content is the screen-reader-friendly alternative, and the
 * default on narrow screens.
 *
 * @summary Explore community resources around a person, from any ORUK feed.
 * @tag cls-resource-wheel
 *
 * @slot heading - Replaces the heading text.
 * @slot intro - Replaces the introductory paragraph.
 * @slot - A `<script type="application/json">` child may hold the taxonomy mapping.
 *
 * @fires {CustomEvent<ResourceOpenDetail>} cls-resource-open - A resource's details were opened.
 * @fires {CustomEvent<PlanChangeDetail>} cls-plan-change - A resource was added to or removed from "my wheel" (ids only).
 *
 * @csspart base - The outer wrapper.
 * @csspart ring - The ring key.
 * @csspart segment - A segment label on the wheel.
 * @csspart cell - A cell of the wheel (one ring of one segment).
 * @csspart list - A list of resources.
 * @csspart details - A resource's details.
 * @csspart button - Buttons.
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-font-size-m=large] - Body text size.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour.
 * @cssprop [--cls-color-primary=#1d70b8] - Links.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 * @cssprop [--cls-color-surface=#f3f2f1] - Filter panel background.
 */
export class ClsResourceWheel extends LitElement {
  static override styles = [tokens, ...sharedStyles, resourceWheelStyles];

  static override properties = {
    directory: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    postcode: { type: String },
    view: { type: String, reflect: true },
    kiosk: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    rings: { attribute: false },
    segments: { attribute: false },
    mapping: { attribute: false },
    feed: { state: true },
    loading: { state: true },
    query: { state: true },
    filters: { state: true },
    nearText: { state: true },
    nearProblem: { state: true },
    selected: { state: true },
    active: { state: true },
    shown: { state: true },
    openId: { state: true },
    planOpen: { state: true },
    plan: { state: true },
    notes: { state: true },
    status: { state: true },
    copied: { state: true },
  };

  /** Base URL of an Open Referral UK v1.0 or v3.0 API. Default: the reference server's `/oruk/` beside `api-base`. */
  declare directory: string | undefined;
  /** Base URL of the API, used to find a postcode for the "near" filter. */
  declare apiBase: string | undefined;
  /** A postcode or place to filter by distance from the start. */
  declare postcode: string | undefined;
  /** `wheel` or `list`. Default: the wheel, or the list when the element is narrower than 480 px. */
  declare view: 'wheel' | 'list' | undefined;
  /** Shared-screen mode: nothing is kept on the device. */
  declare kiosk: boolean;
  /** Level of the main heading, 2–5. */
  declare headingLevel: number;
  /** The rings, inside out. The first is the person ("me") and holds their notes. */
  declare rings: readonly WheelRing[];
  /** The segments, clockwise from 12 o'clock; the last is "other" for what maps nowhere. */
  declare segments: readonly WheelSegment[];
  /** Which taxonomy terms go in which segment and ring; default: derived from the feed's own vocabulary. */
  declare mapping: WheelMapping | undefined;

  declare private feed: FeedResult | undefined;
  declare private loading: boolean;
  declare private query: string;
  declare private filters: { free?: boolean; openNow?: boolean; stepFree?: boolean; near?: { point: Coordinates; label: string } };
  declare private nearText: string;
  declare private nearProblem: boolean;
  declare private selected: Cell | undefined;
  declare private active: Cell;
  declare private shown: number;
  declare private openId: string | undefined;
  declare private planOpen: boolean;
  declare private plan: string[];
  declare private notes: string;
  declare private status: string;
  declare private copied: 'yes' | 'no' | undefined;

  private readonly locale = new LocaleController(this, localizer);
  private readonly focusNext = new FocusAfterRender(this);
  private index: ServiceIndex | undefined;
  private model: WheelModel | undefined;
  private returnFocus: string | undefined;

  constructor() {
    super();
    this.kiosk = false;
    this.headingLevel = 2;
    this.rings = DEFAULT_RINGS;
    this.segments = DEFAULT_SEGMENTS;
    this.loading = true;
    this.query = '';
    this.filters = {};
    this.nearText = '';
    this.nearProblem = false;
    this.active = { ring: DEFAULT_RINGS[1]?.id ?? 'community', segment: DEFAULT_SEGMENTS[0]?.id ?? 'other' };
    this.shown = PAGE;
    this.planOpen = false;
    this.plan = [];
    this.notes = '';
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restorePlan();
    if (!this.view && this.getBoundingClientRect().width > 0 && this.getBoundingClientRect().width < 480) this.view = 'list';
    void this.load();
    if (this.postcode) {
      this.nearText = this.postcode;
      void this.applyNear();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('mapping') || changed.has('rings') || changed.has('segments')) && this.feed) this.rebuild();
    // A postcode set later (the self-assessment's next step, say) filters too.
    if (this.hasUpdated && changed.has('postcode') && this.postcode) {
      this.nearText = this.postcode;
      void this.applyNear();
    }
  }

  // ——— data ———

  private get directoryUrl(): string {
    return resolveDirectoryUrl(this, this.directory, this.apiBase);
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.status = this.locale.t('loading');
    try {
      this.feed = await readFeed(this.directoryUrl, { perPage: 200, maxPages: 100, maxItems: 10_000 });
    } catch (error) {
      this.feed = { version: '3.0', services: [], rejected: 0, reasons: [], notes: [], pagesRead: 0, complete: false, errors: [String(error)] } as FeedResult;
    }
    this.loading = false;
    this.rebuild();
    this.status = this.locale.t('loaded', { count: this.feed.services.length, n: this.locale.number(this.feed.services.length) });
  }

  /** The mapping: the `mapping` property, a JSON child, or one derived from the feed's own vocabulary. */
  private resolveMapping(terms: readonly TaxonomyTerm[]): WheelMapping {
    if (this.mapping) return this.mapping;
    const script = this.querySelector('script[type="application/json"]');
    if (script?.textContent) {
      try {
        const parsed = WheelMappingSchema.safeParse(JSON.parse(script.textContent));
        if (parsed.success) return parsed.data;
        console.warn('<cls-resource-wheel>: ignoring the mapping in the JSON child:', parsed.error.issues);
      } catch {
        console.warn('<cls-resource-wheel>: the JSON child is not valid JSON');
      }
    }
    return defaultMapping(terms);
  }

  private rebuild(): void {
    const services = this.feed?.services ?? [];
    const terms = [...new Map(services.flatMap((service) => service.taxonomyTerms).map((term) => [term.id, term])).values()];
    this.model = buildWheel(services, this.resolveMapping(terms), this.rings, this.segments);
    this.index = new ServiceIndex(services);
  }

  private get searchFilters(): ServiceFilters {
    const now = new Date();
    return {
      ...(this.filters.free ? { free: true } : {}),
      ...(this.filters.stepFree ? { stepFree: true } : {}),
      ...(this.filters.openNow ? { openNow: (service: Service) => isOpenNow(service.schedules, now) } : {}),
      ...(this.filters.near ? { near: { point: this.filters.near.point, withinMetres: NEAR_METRES } } : {}),
    };
  }

  private get filtering(): boolean {
    return Boolean(this.query.trim() || this.filters.free || this.filters.openNow || this.filters.stepFree || this.filters.near);
  }

  /** Ids matching the search and filters, or undefined when nothing narrows the wheel. */
  private matchingIds(): Set<string> | undefined {
    if (!this.filtering || !this.index) return undefined;
    const found = this.index.search(this.query, this.searchFilters, { limit: 100_000 });
    return new Set(found.results.map((result) => result.service.id));
  }

  private async applyNear(): Promise<void> {
    const text = this.nearText.trim();
    if (!text) {
      const { near: _removed, ...rest } = this.filters;
      this.filters = rest;
      return;
    }
    try {
      const client = new ApiClient({ baseUrl: this.apiBase?.trim() || resolveApiBase(this) });
      const place = await client.get('geocode', GeocodeResult, { query: { q: text } });
      this.nearProblem = false;
      this.filters = { ...this.filters, near: { point: place.coordinates, label: place.label } };
      this.shown = PAGE;
    } catch {
      this.nearProblem = true;
      this.focusNext.request('#near-error');
    }
  }

  // ——— plan ———

  private restorePlan(): void {
    const fromUrl = decodePlan(new URLSearchParams(this.ownerDocument.location?.search ?? '').get(PLAN_PARAM));
    let saved: { ids?: string[]; notes?: string } = {};
    if (!this.kiosk) {
      try {
        saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as typeof saved;
      } catch {
        saved = {};
      }
    }
    this.plan = [...new Set([...(Array.isArray(saved.ids) ? saved.ids.filter((id) => typeof id === 'string') : []), ...fromUrl])];
    this.notes = typeof saved.notes === 'string' ? saved.notes : '';
  }

  private savePlan(): void {
    if (this.kiosk) return;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ ids: this.plan, notes: this.notes }));
    } catch {
      // Storage may be full or blocked; the plan still works for this visit.
    }
  }

  private togglePin(id: string): void {
    this.plan = this.plan.includes(id) ? this.plan.filter((other) => other !== id) : [...this.plan, id];
    this.savePlan();
    this.status = this.locale.t('plan.changed', { count: this.plan.length });
    this.dispatchEvent(new CustomEvent<PlanChangeDetail>('cls-plan-change', { detail: { ids: [...this.plan] }, bubbles: true, composed: true }));
  }

  private get planUrl(): string {
    const url = new URL(this.ownerDocument.location?.href ?? 'http://localhost/');
    url.searchParams.set(PLAN_PARAM, encodePlan(this.plan));
    url.hash = '';
    return url.href;
  }

  private async copyPlanLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.planUrl);
      this.copied = 'yes';
    } catch {
      this.copied = 'no';
    }
    this.status = this.copied === 'yes' ? this.locale.t('plan.copied') : '';
  }

  // ——— navigation ———

  private openCell(cell: Cell): void {
    this.selected = cell;
    this.active = cell;
    this.shown = PAGE;
    this.focusNext.request('#cell-heading');
  }

  private onCellKey(event: KeyboardEvent, cell: Cell): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.openCell(cell);
      return;
    }
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;
    const key = keys.find((candidate) => candidate === event.key);
    if (!key) return;
    event.preventDefault();
    this.active = moveCell(cell, key, this.rings, this.segments);
    this.focusNext.request(`[data-cell="${cellId(this.active.ring, this.active.segment)}"]`);
  }

  private openResource(id: string, from: string): void {
    this.returnFocus = from;
    this.openId = id;
    this.focusNext.request('#resource-heading');
    this.dispatchEvent(new CustomEvent<ResourceOpenDetail>('cls-resource-open', { detail: { id }, bubbles: true, composed: true }));
  }

  private closeResource(): void {
    this.openId = undefined;
    if (this.returnFocus) this.focusNext.request(this.returnFocus);
  }

  // ——— wording ———

  private label(item: { label: { en: string; cy: string } } | undefined): string {
    return item ? item.label[this.locale.lang] : '';
  }

  private cellName(cell: Cell): { segment: string; ring: string } {
    return {
      segment: this.label(this.segments.find((segment) => segment.id === cell.segment)),
      ring: this.label(this.rings.find((ring) => ring.id === cell.ring)),
    };
  }

  private highlighted(text: string): TemplateResult | string {
    const query = this.query.trim();
    if (!query) return text;
    const ranges = highlightRanges(text, query);
    if (!ranges.length) return text;
    const parts: Array<TemplateResult | string> = [];
    let at = 0;
    for (const [start, end] of ranges) {
      parts.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(text.slice(at));
    return html`${parts}`;
  }

  private distanceText(service: Service): string | undefined {
    const near = this.filters.near;
    if (!near) return undefined;
    const metres = Math.min(...service.locations.flatMap((location) => (location.coordinates ? [distanceMetres(near.point, location.coordinates)] : [])));
    return Number.isFinite(metres) ? this.locale.t('resource.away', { distance: formatDistance(this.locale.lang, metres, 'miles') }) : undefined;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const { t } = this.locale;
    const level = Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      <div class="heading-l" role="heading" aria-level=${level}><slot name="heading">${t('heading')}</slot></div>
      <div class="intro"><slot name="intro"><p>${t('intro')}</p></slot></div>
      ${this.loading ? html`<p>${spinner()} ${t('loading')}</p>` : this.renderLoaded(level)} ${statusRegion(this.status)}
    </div>`;
  }

  private renderFeedProblems(): TemplateResult | typeof nothing {
    const feed = this.feed;
    if (!feed) return nothing;
    const { t } = this.locale;
    if (!feed.services.length) {
      return feed.errors.length || feed.rejected
        ? notification({ title: t('feed.title'), variant: 'error', body: html`<p>${t('feed.failed')}</p>${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.load() })}` })
        : html`<p>${t('feed.empty')}</p>`;
    }
    const lines = [!feed.complete ? t('feed.partial') : '', feed.rejected ? t('feed.rejected', { count: feed.rejected }) : ''].filter(Boolean);
    return lines.length ? notification({ title: t('feed.title'), body: html`${lines.map((line) => html`<p>${line}</p>`)}` }) : nothing;
  }

  private renderLoaded(level: number): TemplateResult {
    const feed = this.feed;
    if (!feed?.services.length) return html`${this.renderFeedProblems()}`;
    if (this.openId) return this.renderResource(level);
    if (this.planOpen) return this.renderPlan(level);
    const view = this.view ?? 'wheel';
    return html`${this.renderFeedProblems()} ${this.renderToolbar()}
      ${view === 'wheel'
        ? html`<div class="layout layout--wheel">${this.renderWheel(this.model, this.matchingIds())}<div>${this.renderCellList(level + 1)}</div></div>`
        : this.renderListView(level + 1)}`;
  }

  private renderToolbar(): TemplateResult {
    const { t } = this.locale;
    const view = this.view ?? 'wheel';
    const check = (key: 'free' | 'openNow' | 'stepFree', label: string) =>
      html`<div class="choice">
        <input
          type="checkbox"
          id="filter-${key}"
          .checked=${live(Boolean(this.filters[key]))}
          @change=${(event: Event) => {
            this.filters = { ...this.filters, [key]: (event.target as HTMLInputElement).checked || undefined };
            this.shown = PAGE;
          }}
        /><label for="filter-${key}">${label}</label>
      </div>`;
    return html`<div class="toolbar">
        <div class="form-group">
          <label class="label" for="search">${t('search.label')}</label>
          <div class="hint" id="search-hint">${t('search.hint')}</div>
          <input
            class="input"
            id="search"
            type="search"
            autocomplete="off"
            aria-describedby="search-hint"
            .value=${live(this.query)}
            @input=${(event: Event) => {
              this.query = (event.target as HTMLInputElement).value;
              this.shown = PAGE;
              const count = this.matchingIds()?.size;
              this.status = count === undefined ? '' : t('results.matches', { count, n: this.locale.number(count) });
            }}
          />
        </div>
        <div class="toggle" role="group" aria-label=${t('view.label')}>
          ${(['wheel', 'list'] as const).map(
            (option) => html`<button
              type="button"
              class="button button--secondary"
              part="button"
              aria-pressed=${view === option ? 'true' : 'false'}
              @click=${() => {
                this.view = option;
              }}
            >${t(`view.${option}`)}</button>`,
          )}
        </div>
        ${button({ label: t('plan.open', { count: this.plan.length }), variant: 'secondary', onClick: () => {
          this.planOpen = true;
          this.focusNext.request('#plan-heading');
        } })}
      </div>
      <fieldset class="filters">
        <legend class="visually-hidden">${t('filters.legend')}</legend>
        ${check('free', t('filters.free'))} ${check('openNow', t('filters.openNow'))} ${check('stepFree', t('filters.stepFree'))}
        <div class="near">
          <label for="near">${t('filters.near')}</label>
          <input
            class="input ${this.nearProblem ? 'input--error' : ''}"
            id="near"
            type="text"
            autocomplete="postal-code"
            aria-describedby=${ifDefined(this.nearProblem ? 'near-error' : undefined)}
            aria-invalid=${ifDefined(this.nearProblem ? 'true' : undefined)}
            .value=${live(this.nearText)}
            @input=${(event: Event) => {
              this.nearText = (event.target as HTMLInputElement).value;
            }}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key === 'Enter') void this.applyNear();
            }}
          />
          ${button({ label: t('filters.apply'), variant: 'secondary', onClick: () => void this.applyNear() })}
          ${this.nearProblem ? html`<p class="error-message" id="near-error" tabindex="-1">${t('filters.nearProblem')}</p>` : nothing}
        </div>
        ${this.filtering
          ? button({
              label: t('filters.clear'),
              variant: 'secondary',
              onClick: () => {
                this.query = '';
                this.filters = {};
                this.nearText = '';
                this.nearProblem = false;
                this.focusNext.request('#search');
              },
            })
          : nothing}
      </fieldset>`;
  }

  /** The wheel as SVG: every cell a button in one tab stop (roving tabindex), named with its ring, segment and count. */
  private renderWheel(model: WheelModel | undefined, matches: Set<string> | undefined, planOnly = false): TemplateResult {
    if (!model) return html``;
    const { t } = this.locale;
    const rings = this.rings.filter((ring, index) => index > 0);
    const counts = matches ? matchCounts(model, matches) : undefined;
    const step = (OUTER_RADIUS - ME_RADIUS) / Math.max(1, rings.length);
    const angle = (Math.PI * 2) / Math.max(1, this.segments.length);
    const cells: SVGTemplateResult[] = [];
    const labels: SVGTemplateResult[] = [];
    this.segments.forEach((segment, s) => {
      const start = s * angle;
      const end = start + angle;
      const hue = HUES[s % HUES.length] ?? 0;
      rings.forEach((ring, r) => {
        const inner = ME_RADIUS + r * step;
        const outer = inner + step;
        const cell = model.cells.find((candidate) => candidate.ring === ring.id && candidate.segment === segment.id);
        const total = planOnly ? (cell?.services.filter((service) => this.plan.includes(service.id)).length ?? 0) : (cell?.services.length ?? 0);
        const id = cellId(ring.id, segment.id);
        const matched = counts?.get(id) ?? 0;
        const isActive = this.active.ring === ring.id && this.active.segment === segment.id;
        const selected = this.selected?.ring === ring.id && this.selected.segment === segment.id;
        const names = { segment: this.label(segment), ring: this.label(ring) };
        const name = counts ? t('wheel.cellMatches', { ...names, count: matched }) : t('wheel.cell', { ...names, count: total });
        const mid = (start + end) / 2;
        const radius = (inner + outer) / 2;
        cells.push(svg`<path
          class="cell ${counts && matched ? 'cell--match' : ''} ${counts && !matched ? 'cell--dim' : ''}"
          part="cell"
          data-cell=${id}
          d=${arcPath(CENTRE, CENTRE, inner, outer, start, end)}
          fill="hsl(${hue} 60% ${88 - r * 7}%)"
          role=${planOnly ? 'img' : 'button'}
          tabindex=${planOnly ? -1 : isActive ? 0 : -1}
          aria-label=${name}
          aria-pressed=${ifDefined(planOnly ? undefined : selected ? 'true' : 'false')}
          @click=${() => !planOnly && this.openCell({ ring: ring.id, segment: segment.id })}
          @keydown=${(event: KeyboardEvent) => !planOnly && this.onCellKey(event, { ring: ring.id, segment: segment.id })}
          @focus=${() => {
            if (!planOnly) this.active = { ring: ring.id, segment: segment.id };
          }}
        ></path>
        <text class="count" dominant-baseline="central" x=${CENTRE + radius * Math.sin(mid)} y=${CENTRE - radius * Math.cos(mid)} aria-hidden="true">${counts ? matched : total}</text>`);
      });
      // Segment names outside the rim, wrapped onto short lines (Welsh runs longer).
      const words = this.label(segment).split(' ');
      const lines: string[] = [];
      for (const word of words) {
        const last = lines.at(-1);
        if (last !== undefined && (last + ' ' + word).length <= 12) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      const mid = (start + end) / 2;
      const x = CENTRE + (OUTER_RADIUS + 16) * Math.sin(mid);
      const y = CENTRE - (OUTER_RADIUS + 16) * Math.cos(mid);
      const anchor = Math.abs(Math.sin(mid)) < 0.2 ? 'middle' : Math.sin(mid) > 0 ? 'start' : 'end';
      const top = y - (Math.cos(mid) > 0.3 ? (lines.length - 1) * 22 : Math.cos(mid) < -0.3 ? -16 : ((lines.length - 1) * 22) / 2 - 6);
      labels.push(svg`<text class="segment-label" part="segment" text-anchor=${anchor} aria-hidden="true">${lines.map(
        (line, index) => svg`<tspan x=${x} y=${top + index * 22}>${line}</tspan>`,
      )}</text>`);
    });
    const meLabel = this.label(this.rings[0]) || t('wheel.me');
    return html`<div>
      <svg viewBox="0 0 ${SIZE} ${SIZE}" role=${planOnly ? 'img' : 'group'} aria-label=${planOnly ? t('plan.heading') : t('wheel.label')}>
        <circle cx=${CENTRE} cy=${CENTRE} r=${ME_RADIUS} fill="var(--_color-surface)" stroke="var(--_color-text)" stroke-width="2"></circle>
        <text class="me-label" dominant-baseline="central" x=${CENTRE} y=${CENTRE} aria-hidden="true">${meLabel}</text>
        ${cells} ${labels}
      </svg>
      <p class="body-s" part="ring">${t('wheel.rings')}:</p>
      <ol class="ring-key body-s" part="ring">
        ${this.rings.map((ring) => html`<li>${this.label(ring)}</li>`)}
      </ol>
    </div>`;
  }

  private servicesFor(cell: Cell | undefined, matches: Set<string> | undefined): Service[] {
    const all = cell ? (this.model?.cells.find((candidate) => candidate.ring === cell.ring && candidate.segment === cell.segment)?.services ?? []) : [];
    return matches ? all.filter((service) => matches.has(service.id)) : all;
  }

  private renderCellList(level: number): TemplateResult {
    const { t } = this.locale;
    const matches = this.matchingIds();
    if (!this.selected) {
      if (!matches) return html`<p>${t('results.choose')}</p>`;
      const found = this.index?.search(this.query, this.searchFilters, { limit: this.shown });
      return this.renderServiceList(found?.results.map((result) => result.service) ?? [], found?.total ?? 0, level, t('results.matches', { count: found?.total ?? 0 }));
    }
    const services = this.servicesFor(this.selected, matches);
    const { segment, ring } = this.cellName(this.selected);
    return this.renderServiceList(services.slice(0, this.shown), services.length, level, t('results.heading', { segment, ring }));
  }

  private renderServiceList(services: readonly Service[], total: number, level: number, heading: string): TemplateResult {
    const { t } = this.locale;
    const now = new Date();
    return html`<div class="heading-m" role="heading" aria-level=${level} id="cell-heading" tabindex="-1">${heading}</div>
      ${total === 0
        ? html`<p>${t('results.none')}</p>`
        : html`<ul class="services" part="list">
              ${services.map((service) => {
                const when = service.schedules.map((schedule) => describeSchedule(schedule, this.locale.lang)).find(Boolean);
                return html`<li class="service">
                  <button type="button" class="link-button" data-service=${service.id} @click=${() => this.openResource(service.id, `[data-service="${CSS.escape(service.id)}"]`)}>
                    ${this.highlighted(service.name)}
                  </button>
                  ${service.organization ? html`<p class="service-meta">${service.organization.name}</p>` : nothing}
                  ${service.description ? html`<p class="service-meta">${this.highlighted(service.description.length > 160 ? `${service.description.slice(0, 157)}…` : service.description)}</p>` : nothing}
                  <p class="service-meta">
                    ${service.free ? html`<span class="tag">${t('resource.free')}</span>` : nothing}
                    ${isOpenNow(service.schedules, now) ? html`<span class="tag tag--open">${t('resource.open')}</span>` : nothing}
                    ${[when, this.distanceText(service)].filter(Boolean).join(' · ')}
                  </p>
                </li>`;
              })}
            </ul>
            ${total > services.length
              ? button({ label: t('results.more', { count: Math.min(PAGE, total - services.length) }), variant: 'secondary', onClick: () => {
                  this.shown += PAGE;
                } })
              : nothing}`}`;
  }

  /** The same content as the wheel, as nested headings and lists: the screen-reader-friendly primary alternative. */
  private renderListView(level: number): TemplateResult {
    const matches = this.matchingIds();
    return html`<div class="list-view">
      ${this.segments.map((segment) => {
        const groups = this.rings
          .map((ring) => ({ ring, services: this.servicesFor({ ring: ring.id, segment: segment.id }, matches) }))
          .filter((group) => group.services.length);
        if (!groups.length) return nothing;
        return html`<section>
          <div class="heading-m" role="heading" aria-level=${level}>${this.label(segment)}</div>
          ${groups.map(
            (group) => html`<div class="body-s" role="heading" aria-level=${Math.min(6, level + 1)}><strong>${this.label(group.ring)}</strong> (${group.services.length})</div>
              <ul class="services" part="list">
                ${group.services.slice(0, PAGE).map(
                  (service) => html`<li class="service">
                    <button type="button" class="link-button" data-service=${service.id} @click=${() => this.openResource(service.id, `[data-service="${CSS.escape(service.id)}"]`)}>
                      ${this.highlighted(service.name)}
                    </button>
                  </li>`,
                )}
              </ul>`,
          )}
        </section>`;
      })}
    </div>`;
  }

  private renderResource(level: number): TemplateResult {
    const { t } = this.locale;
    const service = this.feed?.services.find((candidate) => candidate.id === this.openId);
    if (!service) return html``;
    const now = new Date();
    const pinned = this.plan.includes(service.id);
    const when = service.schedules.flatMap((schedule) => {
      const text = describeSchedule(schedule, this.locale.lang);
      const next = nextOccurrenceText(schedule, now, this.locale.lang);
      return text ? [[text, next].filter(Boolean).join('. ')] : [];
    });
    const location = service.locations[0];
    const phone = service.phone ?? service.organization?.phone;
    return html`<section part="details">
      <button type="button" class="link-button no-print" @click=${() => this.closeResource()}>${t('resource.back')}</button>
      <div class="heading-l" role="heading" aria-level=${level} id="resource-heading" tabindex="-1">${service.name}</div>
      ${service.description ? html`<p>${service.description}</p>` : nothing}
      <dl>
        ${service.organization ? html`<dt>${t('resource.organisation')}</dt><dd>${service.organization.name}</dd>` : nothing}
        ${when.length ? html`<dt>${t('resource.when')}</dt>${when.map((line) => html`<dd>${line}</dd>`)}` : nothing}
        ${location
          ? html`<dt>${t('resource.where')}</dt>
              <dd>${[location.name, location.address?.line1, location.address?.city, location.address?.postcode].filter(Boolean).join(', ')}${this.distanceText(service) ? ` (${this.distanceText(service)})` : ''}</dd>`
          : nothing}
        ${service.free || service.fees ? html`<dt>${t('resource.cost')}</dt><dd>${service.free ? t('resource.free') : service.fees}</dd>` : nothing}
        ${service.eligibility ? html`<dt>${t('resource.eligibility')}</dt><dd>${service.eligibility}</dd>` : nothing}
        ${location?.accessibility.length ? html`<dt>${t('resource.access')}</dt>${location.accessibility.map((note) => html`<dd>${note}</dd>`)}` : nothing}
        ${phone || service.email || service.url
          ? html`<dt>${t('resource.contact')}</dt>
              ${phone ? html`<dd>${t('resource.phone')}: <a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a></dd>` : nothing}
              ${service.email ? html`<dd>${t('resource.email')}: <a href="mailto:${service.email}">${service.email}</a></dd>` : nothing}
              ${service.url ? html`<dd>${t('resource.website')}: <a href=${service.url} rel="noopener noreferrer" target="_blank">${service.url}</a></dd>` : nothing}`
          : nothing}
      </dl>
      ${button({ label: pinned ? t('resource.unpin') : t('resource.pin'), variant: pinned ? 'secondary' : 'primary', onClick: () => this.togglePin(service.id) })}
    </section>`;
  }

  private renderPlan(level: number): TemplateResult {
    const { t } = this.locale;
    const services = (this.feed?.services ?? []).filter((service) => this.plan.includes(service.id));
    return html`<button
        type="button"
        class="link-button no-print"
        @click=${() => {
          this.planOpen = false;
          this.focusNext.request('#search');
        }}
      >${t('plan.back')}</button>
      <div class="heading-l" role="heading" aria-level=${level} id="plan-heading" tabindex="-1">${t('plan.heading')}</div>
      <p>${t('plan.intro')}</p>
      ${services.length ? this.renderWheel(this.model, undefined, true) : html`<p>${t('plan.empty')}</p>`}
      <ul class="services" part="list">
        ${services.map(
          (service) => html`<li class="service">
            <button type="button" class="link-button" data-service=${service.id} @click=${() => {
              this.planOpen = false;
              this.openResource(service.id, `[data-service="${CSS.escape(service.id)}"]`);
            }}>${service.name}</button>
            ${[service.schedules.map((schedule) => describeSchedule(schedule, this.locale.lang)).find(Boolean), service.organization?.name].filter(Boolean).join(' · ')}
          </li>`,
        )}
      </ul>
      ${textArea({
        id: 'notes',
        name: 'notes',
        label: t('plan.notesLabel'),
        hint: t('plan.notesHint'),
        optional: true,
        value: this.notes,
        rows: 4,
        messages: { errorPrefix: t('errorPrefix'), optional: t('optional') },
        onInput: (value) => {
          this.notes = value;
          this.savePlan();
        },
      })}
      <div class="button-group">
        ${button({ label: t('plan.print'), variant: 'secondary', onClick: () => window.print() })}
        ${services.length ? button({ label: t('plan.copy'), variant: 'secondary', onClick: () => void this.copyPlanLink() }) : nothing}
      </div>
      ${this.copied === 'no' ? html`<p>${t('plan.copyFailed')} <span class="plan-link">${this.planUrl}</span></p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-resource-open': CustomEvent<ResourceOpenDetail>;
    'cls-plan-change': CustomEvent<PlanChangeDetail>;
  }
}
