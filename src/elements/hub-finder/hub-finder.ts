import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { readPageConfig } from '../../client/config.ts';
import { ApiError, isAbort } from '../../client/errors.ts';
import type { Coordinates } from '../../contract/directory.ts';
import { GeocodeResult, type Session } from '../../contract/places.ts';
import { filterHubs, type HubFilters, type HubResult } from '../../core/hub-finder.ts';
import type { DistanceUnits } from '../../i18n/format.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { statusRegion } from '../../shared-ui/notification.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import { BookingFlow } from './controllers/booking-flow.ts';
import { BookingManage } from './controllers/booking-manage.ts';
import type { FinderHost, FinderPage } from './controllers/finder-host.ts';
import type { ConfirmationContext } from './views/booking.ts';
import { hubFinderMessages } from './hub-finder.locales.ts';
import { hubFinderStyles } from './hub-finder.styles.ts';
import { loadMap, renderDetails, renderResults, type Found, type HubListContext, type MapState } from './views/hub-list.ts';
import { currentPosition, hubsFromApi, hubsFromDirectory, LocationFailure, type LocationProblem } from './data/hub-sources.ts';
import { renderSearchForm, searchBoxError, type SearchProblem, type SearchState } from './views/search-form.ts';

/** `detail` of `cls-hub-select`. */
export interface HubSelectDetail {
  hubId: string;
}
/** `detail` of `cls-booking-complete`: the reference, never the person's details. */
export interface BookingCompleteDetail {
  reference: string;
  sessionId: string;
  hubId: string;
}
/** `detail` of `cls-waiting-list-join`: the reference, never the person's details. */
export interface WaitingListJoinDetail {
  reference: string;
  sessionId: string;
  hubId: string;
}
/** `detail` of `cls-booking-cancel`. */
export interface BookingCancelDetail {
  reference: string;
}

type SearchRequest = { by: 'place'; query: string } | { by: 'location' };

const localizer = createLocalizer(
  { en: hubFinderMessages, cy: () => import('./hub-finder.locales.cy.ts').then((module) => module.hubFinderMessagesCy) },
  'finder',
);

/**
 * Finds the nearest community hubs ("talking points") by postcode, town or
 * the device's location, lists them nearest first with their next sessions,
 * shows them on a map on request, and books a place at a bookable session.
 *
 * The list is the primary, accessible view; the map (Leaflet) is loaded only
 * when the resident opens it, and makes no third-party requests unless map
 * tiles are configured.
 *
 * @summary Find a community hub near you and book a conversation there.
 * @tag cls-hub-finder
 *
 * @slot heading - Replaces the heading text ("Find a community hub near you").
 * @slot intro - Replaces the introductory paragraph.
 *
 * @fires {CustomEvent<HubSelectDetail>} cls-hub-select - The resident opened a hub's details (from the list or the map).
 * @fires {CustomEvent<BookingCompleteDetail>} cls-booking-complete - A booking was made. No personal data.
 * @fires {CustomEvent<BookingCancelDetail>} cls-booking-cancel - A booking was cancelled.
 * @fires {CustomEvent<WaitingListJoinDetail>} cls-waiting-list-join - Someone joined a full session's waiting list. No personal data.
 *
 * @csspart base - The outer wrapper.
 * @csspart list - The list of hubs.
 * @csspart item - One hub in the list.
 * @csspart badge - "Open now" and access badges.
 * @csspart map - The map.
 * @csspart field - Each form field group.
 * @csspart button - Buttons.
 * @csspart error-summary - The "There is a problem" summary.
 * @csspart notification - Messages about failures.
 * @csspart panel - The confirmation panel.
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-font-size-s=medium] - Small text size.
 * @cssprop [--cls-font-size-m=large] - Body text size.
 * @cssprop [--cls-font-size-l=x-large] - Heading size.
 * @cssprop [--cls-font-size-xl=xx-large] - The booking reference.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour.
 * @cssprop [--cls-color-secondary-text=#484949] - Hints and secondary text.
 * @cssprop [--cls-color-background=#ffffff] - Background.
 * @cssprop [--cls-color-primary=#1d70b8] - Links.
 * @cssprop [--cls-color-action=#00703c] - Primary buttons.
 * @cssprop [--cls-color-error=#c82d1a] - Errors and "Full".
 * @cssprop [--cls-color-success=#00703c] - "Open now" and the confirmation panel.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 * @cssprop [--cls-color-surface=#f3f2f1] - Filter panel background.
 * @cssprop [--cls-radius=0] - Corner radius.
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
 */
export class ClsHubFinder extends ClsElement {
  static override styles = [ClsElement.styles, hubFinderStyles];
  static override localizer = localizer;
  static override personal = ['postcode'];

  static override properties = {
    directory: { type: String },
    units: { type: String },
    limit: { type: Number },
    postcode: { type: String },
    tiles: { type: String },
    tilesAttribution: { type: String, attribute: 'tiles-attribution' },
    view: { state: true },
    query: { state: true },
    search: { state: true },
    found: { state: true },
    filters: { state: true },
    map: { state: true },
    selectedHubId: { state: true },
    status: { state: true },
    request: { state: true },
  };

  /** An Open Referral UK feed URL: hubs are read from its locations instead of the API; booking is then offered only if `api-base` is also set. */
  declare directory: string | undefined;
  /** `miles` (default) or `km`. */
  declare units: DistanceUnits;
  /** How many hubs to list (1–50). */
  declare limit: number;
  /** A postcode or place to search for straight away. */
  declare postcode: string | undefined;
  /**
   * Map tile URL template, e.g. `https://tiles.example/{z}/{x}/{y}.png` (or `tiles: { url, attribution }` in the
   * page's `#cls-config`). Without either, the map shows markers on a plain background and makes no tile requests.
   */
  declare tiles: string | undefined;
  /** Attribution text required by the tile provider. */
  declare tilesAttribution: string | undefined;

  declare private view: FinderPage;
  declare private query: string;
  declare private search: SearchState;
  declare private found: Found | undefined;
  declare private filters: HubFilters;
  declare private map: MapState;
  declare private selectedHubId: string | undefined;
  declare private status: string;

  private readonly api = new ApiController(this);
  /** What the booking pages may do on the finder's screen. */
  private readonly pages: FinderHost = {
    locale: this.locale,
    api: this.api,
    headings: () => this.headings,
    show: (page, focus) => {
      this.view = page;
      if (focus) this.focusNext.request(focus);
    },
    focus: (selector) => this.focusNext.request(selector),
    announce: (text) => {
      this.status = text;
    },
    applySession: (session) => this.applySession(session),
  };
  /** Booking a session: the form, the confirmation, cancelling. */
  private readonly flow = new BookingFlow(this, {
    ...this.pages,
    sessions: (hubId) => this.found?.results.find((result) => result.hub.id === hubId)?.sessions ?? [],
    book: (session) => this.startBooking(session),
    booked: (created) => this.emit('cls-booking-complete', { reference: created.reference, sessionId: created.session.id, hubId: created.hub.id }),
    cancelled: (reference) => this.emit('cls-booking-cancel', { reference }),
    joined: (place) => this.emit('cls-waiting-list-join', { reference: place.reference, sessionId: place.session.id, hubId: place.hub.id }),
  });
  /** Managing a booking: the manage link, finding one by reference, moving it. */
  private readonly manage = new BookingManage(this, {
    ...this.pages,
    flow: this.flow,
    href: () => this.ownerDocument.location?.href,
    back: () => this.newSearch(),
  });
  /** The search asked for last: a new one (even the same words again) replaces, and cancels, one under way. */
  declare private request: SearchRequest | undefined;

  /** Finds the place, then the hubs near it, whenever a new search is asked for. */
  private readonly searchTask = new Task(this, {
    args: () => [this.request] as const,
    task: ([request], { signal }) => this.find(request, signal),
    onComplete: (found) => this.showFound(found),
    onError: (error) => this.searchFailed(error),
  });

  constructor() {
    super();
    this.units = 'miles';
    this.limit = 10;
    this.view = 'search';
    this.query = '';
    this.search = { state: 'idle' };
    this.filters = {};
    this.map = { state: 'closed' };
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.manage.openLink();
    // Leaving the page cancelled any search under way: back on it, it starts again.
    const { status, error } = this.searchTask;
    if (this.hasUpdated && this.request && (status === TaskStatus.PENDING || (status === TaskStatus.ERROR && isAbort(error)))) {
      this.begin({ ...this.request });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A postcode given in the page searches straight away; one set later (the self-assessment's next step, say) too.
    if (changed.has('postcode') && this.postcode) {
      this.query = this.postcode;
      this.searchPlace();
    }
  }

  // ——— searching ———

  private get bookingAvailable(): boolean {
    return !this.directory || Boolean(this.apiBase?.trim() || readPageConfig(this.ownerDocument).apiBase);
  }

  /** Search for what is in the search box. */
  private searchPlace(): void {
    const query = this.query.trim();
    if (!query) {
      // Nothing to search for: a search under way is cancelled too.
      this.request = undefined;
      this.showSearchProblem('required');
      return;
    }
    this.begin({ by: 'place', query });
  }

  private useLocation(): void {
    if (!globalThis.navigator?.geolocation) {
      this.request = undefined;
      this.showLocationProblem('locationUnsupported');
      return;
    }
    this.begin({ by: 'location' });
  }

  /** The search task runs in the update this asks for (see `searchTask`). */
  private begin(request: SearchRequest): void {
    this.request = request;
    this.search = { state: 'searching' };
    this.status = this.locale.t(request.by === 'location' ? 'search.locating' : 'search.searching');
  }

  private async find(request: SearchRequest | undefined, signal: AbortSignal): Promise<Found | typeof initialState> {
    if (!request) return initialState;
    if (request.by === 'location') {
      const point = await currentPosition(this.api.signal(signal));
      return { place: this.locale.t('search.yourLocation'), point, results: await this.hubsNear(point, signal) };
    }
    const place = await this.api.get('geocode', GeocodeResult, { query: { q: request.query }, signal });
    return { place: place.label, point: place.coordinates, results: await this.hubsNear(place.coordinates, signal) };
  }

  private hubsNear(point: Coordinates, signal: AbortSignal): Promise<HubResult[]> {
    const limit = Math.min(50, Math.max(1, Math.round(this.limit) || 10));
    if (!this.directory) return hubsFromApi(this.api, point, limit, signal);
    // A relative feed URL ("/oruk/") is relative to the page, as in an href.
    return hubsFromDirectory(new URL(this.directory, this.ownerDocument.baseURI).href, point, limit, this.api.signal(signal));
  }

  private showFound(found: Found): void {
    this.found = found;
    this.search = { state: 'idle' };
    this.view = 'search';
    this.selectedHubId = undefined;
    this.status = this.locale.t('results.announce', { count: filterHubs(found.results, this.filters).length });
    this.focusNext.request('#results-heading');
  }

  private searchFailed(error: unknown): void {
    if (isAbort(error)) {
      // Cancelled without a newer search (the element left the page): nothing to say.
      if (this.search.state === 'searching') this.search = { state: 'idle' };
      this.status = '';
      return;
    }
    if (error instanceof LocationFailure) return this.showLocationProblem(error.problem);
    const failure = ApiError.from(error);
    if (failure.code === 'invalid-postcode') return this.showSearchProblem('invalidPostcode');
    if (failure.code === 'place-not-found') return this.showSearchProblem('notFound');
    this.search = { state: 'failed', problem: 'unavailable', failure };
    this.found = undefined;
    this.status = '';
    this.focusNext.request('.notification');
  }

  /* A failed search clears the list of the one before, so no hubs show under the error as if they were its results. */
  private showSearchProblem(problem: SearchProblem): void {
    this.search = { state: 'failed', problem };
    this.found = undefined;
    this.status = '';
    this.focusNext.request('.error-summary');
  }

  private showLocationProblem(problem: LocationProblem): void {
    this.search = { state: 'failed', problem };
    this.found = undefined;
    this.status = '';
    this.focusNext.request('.notification');
  }

  // ——— the list and the map ———

  private setFilter(change: Partial<HubFilters>): void {
    const merged: HubFilters = { ...this.filters, ...change };
    const next = Object.fromEntries(Object.entries(merged).filter(([, value]) => Boolean(value))) as HubFilters;
    this.filters = next;
    this.status = this.locale.t('status.filtered', { count: filterHubs(this.found?.results ?? [], next).length });
  }

  private async toggleMap(): Promise<void> {
    if (this.map.state !== 'closed') {
      this.map = { state: 'closed' };
      return;
    }
    // Loaded once already: open at once.
    if (customElements.get('cls-hub-map')) {
      this.map = { state: 'ready' };
      return;
    }
    this.map = { state: 'loading' };
    const loaded = await loadMap();
    // Closed again while it loaded: it stays closed.
    if (this.map.state === 'loading') this.map = { state: loaded ? 'ready' : 'failed' };
  }

  private openHub(hubId: string): void {
    this.selectedHubId = hubId;
    this.view = 'details';
    this.focusNext.request('#details-heading');
    this.emit('cls-hub-select', { hubId });
  }

  private backToResults(): void {
    const hubId = this.selectedHubId;
    this.view = 'search';
    this.focusNext.request(hubId ? `[data-hub="${CSS.escape(hubId)}"]` : '#results-heading');
  }

  /** Map and list stay linked: choosing a marker brings its list entry into view and focus. */
  private focusHubInList(hubId: string): void {
    this.selectedHubId = hubId;
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-hub="${CSS.escape(hubId)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
  }

  private newSearch(): void {
    this.view = 'search';
    this.flow.leave();
    this.manage.leave();
    this.focusNext.request(this.found ? '#results-heading' : '#place');
  }

  /** Opens the booking form for `session`, or (`waiting`) the form to join its waiting list. */
  private startBooking(session: Session, waiting = false): void {
    const hub = this.found?.results.find((result) => result.hub.id === session.hubId)?.hub;
    if (!hub) return;
    this.flow.start(session, hub, waiting);
    this.selectedHubId = hub.id;
  }

  /** Keeps the listed session's places in step with what the server said. */
  private applySession(updated: Session): void {
    if (!this.found) return;
    const results = this.found.results.map((result) =>
      result.hub.id === updated.hubId ? { ...result, sessions: result.sessions.map((session) => (session.id === updated.id ? updated : session)) } : result,
    );
    this.found = { ...this.found, results };
  }

  // ——— rendering ———

  private get listContext(): HubListContext {
    return {
      locale: this.locale,
      units: this.units,
      bookingAvailable: this.bookingAvailable,
      openHub: (hubId) => this.openHub(hubId),
      book: (session) => this.startBooking(session),
      wait: (session) => this.startBooking(session, true),
      contactPhone: readPageConfig(this.ownerDocument).contactPhone,
    };
  }

  private get confirmationContext(): ConfirmationContext {
    return {
      locale: this.locale,
      headings: this.headings,
      kiosk: this.kiosk,
      cancel: () => this.flow.askToCancel(),
      confirmCancel: () => void this.flow.cancel(),
      keep: () => this.flow.keep(),
      another: () => this.newSearch(),
      change: this.bookingAvailable ? () => void this.manage.startMove() : undefined,
      manageLink: (booking) => this.manage.link(booking),
      directionsUrl: readPageConfig(this.ownerDocument).directionsUrl,
    };
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      ${this.view === 'search'
        ? html`<div class="heading-l" role="heading" aria-level=${this.headings.main}><slot name="heading">${t('heading')}</slot></div>
            <div class="intro"><slot name="intro"><p>${t('intro')}</p></slot></div>
            ${this.renderSearch()}
            ${this.bookingAvailable
              ? html`<p class="manage-link"><button type="button" class="link-button" @click=${() => this.manage.startFind()}>${t('manage.open')}</button></p>`
              : nothing}
            ${this.renderResults()}`
        : nothing}
      ${this.view === 'find-booking' ? this.manage.renderFind() : nothing}
      ${this.view === 'manage-loading' ? this.manage.renderLoading() : nothing}
      ${this.view === 'move' ? this.manage.renderMove() : nothing}
      ${this.view === 'details' ? this.renderDetails() : nothing} ${this.view === 'booking' ? this.flow.renderForm() : nothing}
      ${this.view === 'confirmed' ? this.flow.renderConfirmed(this.confirmationContext) : nothing}
      ${this.view === 'cancelled' ? this.flow.renderCancelled(this.confirmationContext) : nothing}
      ${this.view === 'waiting'
        ? this.flow.renderWaiting({
            locale: this.locale,
            headings: this.headings,
            kiosk: this.kiosk,
            manageLink: (place) => this.manage.link(place),
            another: () => this.newSearch(),
          })
        : nothing}
      ${statusRegion(this.status)}
    </div>`;
  }

  private renderSearch(): TemplateResult {
    return renderSearchForm({
      locale: this.locale,
      headings: this.headings,
      query: this.query,
      search: this.search,
      input: (value) => {
        this.query = value;
        if (searchBoxError(this.locale, this.search)) this.search = { state: 'idle' };
      },
      submit: () => this.searchPlace(),
      // A shared screen's location is the library's, and asking for it there helps no one.
      useLocation: this.kiosk ? undefined : () => this.useLocation(),
    });
  }

  private renderResults(): TemplateResult | typeof nothing {
    if (!this.found) return nothing;
    return renderResults(
      {
        ...this.listContext,
        headings: this.headings,
        filters: this.filters,
        setFilter: (change) => this.setFilter(change),
        map: this.map,
        toggleMap: () => void this.toggleMap(),
        selectedHubId: this.selectedHubId,
        tiles: this.tiles ? { url: this.tiles, attribution: this.tilesAttribution ?? '' } : readPageConfig(this.ownerDocument).tiles,
        background: readPageConfig(this.ownerDocument).mapBackground,
        mapSelect: (hubId) => this.focusHubInList(hubId),
      },
      this.found,
    );
  }

  private renderDetails(): TemplateResult {
    const result = this.found?.results.find((candidate) => candidate.hub.id === this.selectedHubId);
    if (!result) return html``;
    return renderDetails(this.listContext, result, this.headings, () => this.backToResults());
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-hub-select': CustomEvent<HubSelectDetail>;
    'cls-booking-complete': CustomEvent<BookingCompleteDetail>;
    'cls-booking-cancel': CustomEvent<BookingCancelDetail>;
    'cls-waiting-list-join': CustomEvent<WaitingListJoinDetail>;
  }
}
