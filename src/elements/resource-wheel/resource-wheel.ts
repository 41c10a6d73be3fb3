import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import { resolveDirectoryUrl } from '../../client/config.ts';
import { isAbort } from '../../client/errors.ts';
import type { Service } from '../../contract/directory.ts';
import { GeocodeResult } from '../../contract/places.ts';
import { localDeviceStorage } from '../../core/device-store.ts';
import { ServiceIndex } from '../../core/search.ts';
import {
  DEFAULT_RINGS,
  decodePlan,
  DEFAULT_SEGMENTS,
  WheelMappingSchema,
  buildWheel,
  cellId,
  defaultMapping,
  feedTerms,
  moveCell,
  wheelTargetsFit,
  KIOSK_MIN_TARGET_PX,
  MIN_TARGET_PX,
  type CellPosition,
  type WheelKey,
  type WheelMapping,
  type WheelModel,
  type WheelRing,
  type WheelSegment,
} from '../../core/wheel.ts';
import { WheelMatcher, isNarrowed, type WheelFilters, type WheelMatches } from '../../core/wheel-matches.ts';
import { PLAN_PARAM, openingPlan, planLink, planStore } from '../../core/wheel-plan.ts';
import { createLocalizer, type Said } from '../../i18n/localizer.ts';
import { readDirectory, type DirectoryUpdate } from '../../oruk/directory-read.ts';
import type { FeedResult, ReadProgress } from '../../oruk/feed.ts';
import { button } from '../../shared-ui/button.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { spinner } from '../../shared-ui/spinner.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import { planView } from './plan-view.ts';
import { resourceDetails } from './resource-details.ts';
import { resourceWheelMessages } from './resource-wheel.locales.ts';
import { resourceWheelStyles } from './resource-wheel.styles.ts';
import { clearPrintFrame, printAlone, printFrameStyles } from '../../shared-ui/print-alone.ts';
import { PAGE, distanceText, listView, serviceList, type ListContext } from './service-lists.ts';
import { toolbar } from './toolbar.ts';
import { labelOf, wheelSvg } from './wheel-svg.ts';

/** `detail` of `cls-resource-open`. */
export interface ResourceOpenDetail {
  id: string;
}
/** `detail` of `cls-plan-change`: the ids in "my wheel", never the person's notes. */
export interface PlanChangeDetail {
  ids: string[];
}

/** The directory as read: loading, ready to explore (`reading` while its first page is shown and the rest read), read but empty, or unreadable. */
type FeedState =
  | { state: 'loading' }
  | { state: 'ready'; result: FeedResult; index: ServiceIndex; model: WheelModel; reading: boolean }
  | { state: 'empty'; result: FeedResult }
  | { state: 'failed'; result: FeedResult };

/** What fills the element below its toolbar: the wheel or list, "my wheel", or one resource. */
type Screen = { name: 'browse' } | { name: 'plan' } | { name: 'resource'; id: string; returnFocus: string };

const localizer = createLocalizer(
  { en: resourceWheelMessages, cy: () => import('./resource-wheel.locales.cy.ts').then((module) => module.resourceWheelMessagesCy) },
  'wheel',
);

const WHEEL_KEYS: readonly WheelKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/** A feed that could not be read at all (not expected: `readFeed` reports its problems rather than throwing). */
const unreadable = (error: unknown): FeedResult => ({
  version: '3.0',
  services: [],
  rejected: 0,
  reasons: [],
  notes: [],
  pagesRead: 0,
  complete: false,
  errors: [String(error)],
});

/**
 * A "resource wheel": community resources arranged around the person, in
 * rings from their own strengths outwards and segments by part of life.
 * Reads any Open Referral UK v1.0 or v3.0 feed in the browser. A list view
 * with the same content is the screen-reader-friendly alternative, and what
 * a screen too narrow for the wheel's cells to be 24 px targets is shown.
 *
 * Nothing is read while the element is hidden or far off-screen (unless
 * `loading="eager"` or `load()`); wheels on one page showing the same
 * directory share one read of it, and the first page is shown while the
 * rest is read.
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
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
 */
export class ClsResourceWheel extends ClsElement {
  static override styles = [ClsElement.styles, resourceWheelStyles, printFrameStyles];
  static override localizer = localizer;
  static override personal = ['postcode'];

  static override properties = {
    directory: { type: String },
    postcode: { type: String },
    view: { type: String, reflect: true },
    rings: { attribute: false },
    segments: { attribute: false },
    mapping: { attribute: false },
    loading: { type: String },
    wanted: { state: true },
    feed: { state: true },
    progress: { state: true },
    query: { state: true },
    filters: { state: true },
    nearText: { state: true },
    nearProblem: { state: true },
    selected: { state: true },
    active: { state: true },
    shown: { state: true },
    listShown: { state: true },
    screen: { state: true },
    plan: { state: true },
    notes: { state: true },
    status: { state: true },
    copied: { state: true },
    measuredWidth: { state: true },
  };

  /** Base URL of an Open Referral UK v1.0 or v3.0 API. Default: the reference server's `/oruk/` beside `api-base`. */
  declare directory: string | undefined;
  /** A postcode or place to filter by distance from the start. */
  declare postcode: string | undefined;
  /**
   * `wheel` or `list`. Default: the wheel. Where the element is too narrow for
   * every cell of the wheel to be a 24 px target (about 560 px with the
   * default rings), the list is shown whatever this says, and the choice is
   * not offered.
   */
  declare view: 'wheel' | 'list' | undefined;
  /** The rings, inside out. The first is the person ("me") and holds their notes. */
  declare rings: readonly WheelRing[];
  /** The segments, clockwise from 12 o'clock; the last is "other" for what maps nowhere. */
  declare segments: readonly WheelSegment[];
  /** Which taxonomy terms go in which segment and ring; default: derived from the feed's own vocabulary. */
  declare mapping: WheelMapping | undefined;
  /**
   * `lazy`: read the directory only once the element is on screen or about to
   * be (not while `hidden`, or inside something hidden). `eager`: read it
   * as soon as the element is on the page. Default: `lazy`.
   */
  declare loading: 'lazy' | 'eager' | undefined;

  /** Whether the directory is wanted yet: the element came into view, is eager, or was asked to `load()`. */
  declare private wanted: boolean;
  declare private feed: FeedState;
  /** How far the read under way has got, when it can say. */
  declare private progress: ReadProgress | undefined;
  declare private query: string;
  declare private filters: WheelFilters;
  declare private nearText: string;
  declare private nearProblem: boolean;
  declare private selected: CellPosition | undefined;
  declare private active: CellPosition;
  declare private shown: number;
  /** In the list view, how many of each group's resources are shown, by cell id; a page when absent. */
  declare private listShown: ReadonlyMap<string, number>;
  declare private screen: Screen;
  declare private plan: string[];
  declare private notes: string;
  /** What the live region says, kept as a message (not its words) so that it follows a change of language. */
  declare private status: Said | undefined;
  declare private copied: 'yes' | 'no' | undefined;
  /** The element's last width seen laid out, in px; 0 until then. */
  declare private measuredWidth: number;

  private readonly api = new ApiController(this);
  private readonly matcher = new WheelMatcher();
  // The change waits for the next frame: redrawing inside the observer's callback would resize the element again in the same frame.
  private readonly resizes = new ResizeObserver(([entry]) => {
    const width = entry?.borderBoxSize[0]?.inlineSize ?? entry?.contentRect.width ?? 0;
    requestAnimationFrame(() => this.measureWidth(width));
  });
  private readonly store = planStore(() => (this.kiosk ? undefined : localDeviceStorage()));
  // A screen ahead, so that the wheel is usually read by the time it is scrolled to.
  private readonly sightings = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.load();
    },
    { rootMargin: '100% 0px' },
  );

  /**
   * Reads the directory once it is wanted; a new `directory` or `api-base`
   * cancels a read under way and starts again. A feed in the official v3.0
   * list shape (no terms, places or times in the list) is filled in from
   * each service's full record, a few at a time, with progress shown.
   */
  private readonly feedTask = new Task(this, {
    args: () => [this.directory, this.apiBase, this.wanted] as const,
    task: async ([directory, apiBase, wanted], { signal }) => {
      if (!wanted) return initialState;
      this.feed = { state: 'loading' };
      this.progress = undefined;
      this.status = { key: 'loading' };
      // Cancelled too when the element leaves the page.
      const reading = this.api.signal(signal);
      const url = resolveDirectoryUrl(this, directory, apiBase);
      return readDirectory(url, { signal: reading, onUpdate: (update) => this.showUpdate(update) });
    },
    onComplete: (result) => this.showFeed(result),
    onError: (error) => {
      if (!isAbort(error)) this.showFeed(unreadable(error));
    },
  });

  /** Finds the place typed for "near"; a newer one cancels one under way. */
  private readonly nearTask = new Task(this, {
    autoRun: false,
    task: ([text]: readonly [string], { signal }) => this.api.get('geocode', GeocodeResult, { query: { q: text }, signal }),
    onComplete: (place) => {
      this.nearProblem = false;
      this.filters = { ...this.filters, near: { point: place.coordinates, label: place.label } };
      this.shown = PAGE;
      this.listShown = new Map();
      this.announceMatches();
    },
    onError: (error) => {
      if (isAbort(error)) return;
      this.nearProblem = true;
      this.focusNext.request('#near-error');
    },
  });

  constructor() {
    super();
    this.rings = DEFAULT_RINGS;
    this.segments = DEFAULT_SEGMENTS;
    this.feed = { state: 'loading' };
    this.query = '';
    this.filters = {};
    this.nearText = '';
    this.nearProblem = false;
    this.active = { ring: DEFAULT_RINGS[1]?.id ?? 'community', segment: DEFAULT_SEGMENTS[0]?.id ?? 'other' };
    this.shown = PAGE;
    this.listShown = new Map();
    this.screen = { name: 'browse' };
    this.plan = [];
    this.notes = '';
    this.status = undefined;
    this.measuredWidth = 0;
    this.wanted = false;
  }

  /** Starts reading the directory now, even while the element is hidden or off-screen (to have it ready before showing it, say). */
  load(): void {
    this.wanted = true;
    this.sightings.disconnect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes.disconnect();
    this.sightings.disconnect();
  }

  /** An element not laid out yet (width 0) keeps what it had: it is hidden, not narrow. */
  private measureWidth(width: number): void {
    if (width > 0) this.measuredWidth = width;
  }

  /** Whether every cell of the wheel, at the width last laid out, is a target big enough here (44 px on a kiosk); true until laid out. */
  private get wheelFits(): boolean {
    const minTargetPx = this.kiosk ? KIOSK_MIN_TARGET_PX : MIN_TARGET_PX;
    return this.measuredWidth === 0 || wheelTargetsFit(this.measuredWidth, this.rings.length - 1, this.segments.length, minTargetPx);
  }

  /** What is shown: the list wherever the wheel's cells would be too small to use. */
  private get shownView(): 'wheel' | 'list' {
    return this.wheelFits ? (this.view ?? 'wheel') : 'list';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const search = this.ownerDocument.location?.search ?? '';
    const plan = openingPlan(this.store.read()?.data, search);
    this.plan = plan.ids;
    this.notes = plan.notes;
    // A shared link opens on the plan it carries, not on the whole wheel.
    if (!this.hasUpdated && decodePlan(new URLSearchParams(search).get(PLAN_PARAM)).length) this.screen = { name: 'plan' };
    // Measured now as well as when the size changes, so a narrow screen never draws the wheel first.
    this.measureWidth(this.getBoundingClientRect().width);
    this.resizes.observe(this);
    if (this.loading === 'eager') this.load();
    else if (!this.wanted) this.sightings.observe(this);
    // Back on the page after leaving it mid-read (which cancelled the read): read again.
    const midRead = this.feed.state === 'loading' || (this.feed.state === 'ready' && this.feed.reading);
    if (this.hasUpdated && this.wanted && midRead) void this.feedTask.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('mapping') || changed.has('rings') || changed.has('segments')) && this.feed.state === 'ready') {
      this.feed = { ...this.feed, model: this.buildModel(this.feed.result.services) };
    }
    // A postcode given at the start, or set later (the self-assessment's next step, say), filters too.
    if (changed.has('postcode') && this.postcode) {
      this.nearText = this.postcode;
      this.applyNear();
    }
  }

  // ——— data ———

  /**
   * While reading: the progress, and the first page to browse as soon as it
   * can be shown. Later pages wait for the end (each would mean indexing
   * everything again), as does a shared plan, whose resources may be on any page.
   */
  private showUpdate(update: DirectoryUpdate): void {
    this.progress = update.progress;
    const soFar = update.soFar;
    if (this.feed.state === 'loading' && this.screen.name === 'browse' && soFar?.services.length) this.feed = this.readyFeed(soFar, true);
  }

  private readyFeed(result: FeedResult, reading: boolean): Extract<FeedState, { state: 'ready' }> {
    return { state: 'ready', result, index: new ServiceIndex(result.services), model: this.buildModel(result.services), reading };
  }

  private showFeed(result: FeedResult): void {
    const services = result.services;
    if (services.length) this.feed = this.readyFeed(result, false);
    else this.feed = { state: result.errors.length || result.rejected ? 'failed' : 'empty', result };
    this.status = { key: 'loaded', params: { count: services.length } };
  }

  private buildModel(services: readonly Service[]): WheelModel {
    return buildWheel(services, this.resolveMapping(services), this.rings, this.segments);
  }

  /** The mapping: the `mapping` property, a JSON child, or one derived from the feed's own vocabulary. */
  private resolveMapping(services: readonly Service[]): WheelMapping {
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
    return defaultMapping(feedTerms(services));
  }

  /** What the search and filters match, or undefined when nothing narrows the wheel. Searched once per change, then remembered. */
  private get found(): WheelMatches | undefined {
    if (this.feed.state !== 'ready') return undefined;
    return this.matcher.matches({ index: this.feed.index, model: this.feed.model, query: this.query, filters: this.filters });
  }

  /** Says in the live region how many resources match now, or how many there are when nothing narrows the wheel. */
  private announceMatches(): void {
    const count = this.found?.ids.size;
    if (count !== undefined) this.status = { key: 'results.matches', params: { count } };
    else if (this.feed.state === 'ready') {
      const all = this.feed.result.services.length;
      this.status = { key: 'loaded', params: { count: all } };
    }
  }

  private applyNear(): void {
    const text = this.nearText.trim();
    if (text) {
      void this.nearTask.run([text]);
      return;
    }
    this.nearTask.abort();
    const { near: _removed, ...rest } = this.filters;
    this.filters = rest;
    this.announceMatches();
  }

  private clearFilters(): void {
    this.nearTask.abort();
    this.query = '';
    this.filters = {};
    this.nearText = '';
    this.nearProblem = false;
    this.announceMatches();
    this.focusNext.request('#search');
  }

  // ——— plan ———

  private savePlan(): void {
    // Nothing is kept in kiosk mode, or when the device refuses; the plan still works for this visit.
    this.store.write({ ids: this.plan, notes: this.notes });
  }

  private togglePin(id: string): void {
    this.plan = this.plan.includes(id) ? this.plan.filter((other) => other !== id) : [...this.plan, id];
    this.savePlan();
    this.status = { key: 'plan.changed', params: { count: this.plan.length } };
    this.emit('cls-plan-change', { ids: [...this.plan] });
  }

  private get planUrl(): string {
    return planLink(this.ownerDocument.location?.href ?? 'http://localhost/', this.plan);
  }

  private async copyPlanLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.planUrl);
      this.copied = 'yes';
    } catch {
      this.copied = 'no';
    }
    this.status = this.copied === 'yes' ? { key: 'plan.copied' } : undefined;
  }

  // ——— navigation ———

  private openCell(cell: CellPosition): void {
    this.selected = cell;
    this.active = cell;
    this.shown = PAGE;
    this.focusNext.request('#cell-heading');
  }

  /** The next page of a list-view group; focus goes to the first resource just shown, so the reader carries on from there. */
  private showMoreIn(cell: string): void {
    const shown = this.listShown.get(cell) ?? PAGE;
    this.listShown = new Map(this.listShown).set(cell, shown + PAGE);
    this.focusNext.request(`[data-group="${CSS.escape(cell)}"] li:nth-child(${shown + 1}) [data-service]`);
  }

  private onCellKey(event: KeyboardEvent, cell: CellPosition): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.openCell(cell);
      return;
    }
    const key = WHEEL_KEYS.find((candidate) => candidate === event.key);
    if (!key) return;
    event.preventDefault();
    this.active = moveCell(cell, key, this.rings, this.segments);
    this.focusNext.request(`[data-cell="${cellId(this.active.ring, this.active.segment)}"]`);
  }

  private openResource(id: string, from: string): void {
    this.screen = { name: 'resource', id, returnFocus: from };
    this.focusNext.request('#resource-heading');
    this.emit('cls-resource-open', { id });
  }

  private closeResource(returnFocus: string): void {
    this.screen = { name: 'browse' };
    this.focusNext.request(returnFocus);
  }

  /** "My wheel" printed on its own: not the host page's header, menus or footer, and no controls. */
  private printPlan(): void {
    const root = this.renderRoot as ShadowRoot;
    const plan = root.querySelector('.plan');
    if (!plan) return;
    printAlone(root, plan, (this.constructor as typeof ClsResourceWheel).elementStyles, { lang: this.locale.lang, title: this.locale.t('plan.heading') });
  }

  private showPlan(open: boolean): void {
    if (!open) clearPrintFrame(this.renderRoot as ShadowRoot);
    this.screen = open ? { name: 'plan' } : { name: 'browse' };
    this.focusNext.request(open ? '#plan-heading' : '#search');
  }

  // ——— rendering ———

  private get listContext(): ListContext {
    return { locale: this.locale, query: this.query, near: this.filters.near?.point, onOpen: (id, from) => this.openResource(id, from) };
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      <div class="heading-l" role="heading" aria-level=${this.headings.main}><slot name="heading">${t('heading')}</slot></div>
      <div class="intro"><slot name="intro"><p>${t('intro')}</p></slot></div>
      ${this.feed.state === 'loading' ? this.renderLoading() : this.renderLoaded()} ${statusRegion(this.status ? this.locale.t(this.status.key, this.status.params) : '')}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    const { t } = this.locale;
    const progress = this.progress;
    const text =
      progress?.total === undefined
        ? t('loading')
        : t('loadingProgress', { done: this.locale.number(progress.done), total: this.locale.number(progress.total), count: progress.total });
    return html`<p class="loading">${spinner()} ${text}</p>`;
  }

  private renderFeedProblems(): TemplateResult | typeof nothing {
    const { t } = this.locale;
    const level = this.headings.sub;
    switch (this.feed.state) {
      case 'loading':
        return nothing;
      case 'failed':
        return notification({
          title: t('feed.title'),
          variant: 'error',
          level,
          body: html`<p>${t('feed.failed')}</p>${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.feedTask.run() })}`,
        });
      case 'empty':
        return html`<p>${t('feed.empty')}</p>`;
      case 'ready': {
        if (this.feed.reading) return this.renderLoading();
        const { complete, rejected } = this.feed.result;
        const lines = [!complete ? t('feed.partial') : '', rejected ? t('feed.rejected', { count: rejected }) : ''].filter(Boolean);
        return lines.length ? notification({ title: t('feed.title'), level, body: html`${lines.map((line) => html`<p>${line}</p>`)}` }) : nothing;
      }
    }
  }

  private renderLoaded(): TemplateResult {
    const feed = this.feed;
    if (feed.state !== 'ready') return html`${this.renderFeedProblems()}`;
    const { sub } = this.headings;
    const screen = this.screen;
    if (screen.name === 'resource') return this.renderResource(feed.result.services, screen.id, screen.returnFocus);
    if (screen.name === 'plan') return this.renderPlan(feed);
    const matches = this.found;
    return html`${this.renderFeedProblems()} ${this.renderToolbar()}
      ${this.shownView === 'wheel'
        ? html`<div class="layout layout--wheel">${this.renderWheel(feed.model, matches?.counts)}<div>${this.renderCellList(feed.model, matches, sub)}</div></div>`
        : listView(this.listContext, {
            rings: this.rings,
            segments: this.segments,
            level: sub,
            servicesIn: (ring, segment) => this.servicesIn(feed.model, { ring: ring.id, segment: segment.id }, matches),
            shownIn: (cell) => this.listShown.get(cell) ?? PAGE,
            onMore: (cell) => this.showMoreIn(cell),
          })}`;
  }

  private renderToolbar(): TemplateResult {
    return toolbar({
      locale: this.locale,
      query: this.query,
      filters: this.filters,
      nearText: this.nearText,
      nearProblem: this.nearProblem,
      view: this.shownView,
      offerWheel: this.wheelFits,
      planCount: this.plan.length,
      narrowed: isNarrowed(this.query, this.filters),
      onQuery: (value) => {
        this.query = value;
        this.shown = PAGE;
        this.listShown = new Map();
        this.announceMatches();
      },
      onFilter: (key, on) => {
        this.filters = { ...this.filters, [key]: on || undefined };
        this.shown = PAGE;
        this.listShown = new Map();
        this.announceMatches();
      },
      onNearText: (value) => {
        this.nearText = value;
      },
      onApplyNear: () => this.applyNear(),
      onView: (view) => {
        this.view = view;
      },
      onOpenPlan: () => this.showPlan(true),
      onClear: () => this.clearFilters(),
    });
  }

  private renderWheel(model: WheelModel, counts: ReadonlyMap<string, number> | undefined, plan?: readonly string[]): TemplateResult {
    return wheelSvg({
      locale: this.locale,
      model,
      rings: this.rings,
      segments: this.segments,
      counts,
      plan,
      active: this.active,
      selected: this.selected,
      onOpen: (cell) => this.openCell(cell),
      onKey: (event, cell) => this.onCellKey(event, cell),
      onFocus: (cell) => {
        this.active = cell;
      },
    });
  }

  /** The resources of one cell, those that match when something narrows the wheel. */
  private servicesIn(model: WheelModel, cell: CellPosition, matches: WheelMatches | undefined): Service[] {
    const all = model.cells.find((candidate) => candidate.ring === cell.ring && candidate.segment === cell.segment)?.services ?? [];
    return matches ? all.filter((service) => matches.ids.has(service.id)) : all;
  }

  /** Beside the wheel: the chosen cell's resources, or every match when nothing is chosen but something narrows the wheel. */
  private renderCellList(model: WheelModel, matches: WheelMatches | undefined, level: number): TemplateResult {
    const { t } = this.locale;
    const onMore = () => {
      this.shown += PAGE;
    };
    if (!this.selected) {
      if (!matches) return html`<p>${t('results.choose')}</p>`;
      const total = matches.services.length;
      return serviceList(this.listContext, { services: matches.services.slice(0, this.shown), total, level, heading: t('results.matches', { count: total }), onMore });
    }
    const selected = this.selected;
    const services = this.servicesIn(model, selected, matches);
    const segment = labelOf(this.segments.find((candidate) => candidate.id === selected.segment), this.locale.lang);
    const ring = labelOf(this.rings.find((candidate) => candidate.id === selected.ring), this.locale.lang);
    return serviceList(this.listContext, { services: services.slice(0, this.shown), total: services.length, level, heading: t('results.heading', { segment, ring }), onMore });
  }

  private renderResource(services: readonly Service[], id: string, returnFocus: string): TemplateResult {
    const service = services.find((candidate) => candidate.id === id);
    if (!service) return html``;
    return resourceDetails({
      locale: this.locale,
      service,
      level: this.headings.main,
      pinned: this.plan.includes(service.id),
      distance: distanceText(this.locale, service, this.filters.near?.point),
      onBack: () => this.closeResource(returnFocus),
      onTogglePin: () => this.togglePin(service.id),
      kiosk: this.kiosk,
    });
  }

  private renderPlan(feed: Extract<FeedState, { state: 'ready' }>): TemplateResult {
    return planView({
      locale: this.locale,
      services: feed.result.services.filter((service) => this.plan.includes(service.id)),
      level: this.headings.main,
      wheel: this.renderWheel(feed.model, undefined, this.plan),
      notes: this.notes,
      copied: this.copied,
      link: this.planUrl,
      onBack: () => this.showPlan(false),
      onOpen: (id, from) => this.openResource(id, from),
      onNotes: (value) => {
        this.notes = value;
        this.savePlan();
      },
      kiosk: this.kiosk,
      onCopy: () => void this.copyPlanLink(),
      onPrint: () => this.printPlan(),
    });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-resource-open': CustomEvent<ResourceOpenDetail>;
    'cls-plan-change': CustomEvent<PlanChangeDetail>;
  }
}
