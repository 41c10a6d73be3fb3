import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { readPageConfig } from '../../client/config.ts';
import { ApiError, isAbort } from '../../client/errors.ts';
import { BOOKING_NOTES_MAX, BookingCancelled, BookingCreated, BookingDetails, BookingInput, BookingReference } from '../../contract/bookings.ts';
import type { Coordinates } from '../../contract/directory.ts';
import { GeocodeResult, SessionList, type Session } from '../../contract/places.ts';
import { hubText } from '../../core/hubs.ts';
import { fieldErrors, type FieldError } from '../../core/field-errors.ts';
import { bookingFieldErrors, filterHubs, hasPlaces, nextAvailable, type HubFilters, type HubResult } from '../../core/hub-finder.ts';
import type { DistanceUnits } from '../../i18n/format.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { spinner } from '../../shared-ui/spinner.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import { FormErrors } from '../base/form-errors.ts';
import {
  BOOKING_ERROR_TARGETS,
  renderBooking,
  renderCancelled,
  renderConfirmed,
  type BookingChange,
  type BookingForm,
  type Confirmation,
  type ConfirmationContext,
} from './views/booking.ts';
import { hubFinderMessages } from './hub-finder.locales.ts';
import { hubFinderStyles } from './hub-finder.styles.ts';
import { loadMap, renderDetails, renderResults, type Found, type HubListContext, type MapState } from './views/hub-list.ts';
import { currentPosition, hubsFromApi, hubsFromDirectory, LocationFailure, type LocationProblem } from './data/hub-sources.ts';
import { renderSearchForm, searchBoxError, type SearchProblem, type SearchState } from './views/search-form.ts';
import { FIND_ERROR_TARGETS, renderFindBooking, renderMove, type FindBookingForm, type MoveState } from './views/manage.ts';

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
/** `detail` of `cls-booking-cancel`. */
export interface BookingCancelDetail {
  reference: string;
}

type View = 'search' | 'details' | 'booking' | 'confirmed' | 'cancelled' | 'find-booking' | 'manage-loading' | 'move';

/** The page query that opens a booking straight away: `?cls-booking=REF&key=…` (the manage link). */
const MANAGE_PARAM = 'cls-booking';
const MANAGE_KEY_PARAM = 'key';
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
 */
export class ClsHubFinder extends ClsElement {
  static override styles = [ClsElement.styles, hubFinderStyles];
  static override localizer = localizer;

  static override properties = {
    directory: { type: String },
    units: { type: String },
    limit: { type: Number },
    postcode: { type: String },
    tiles: { type: String },
    tilesAttribution: { type: String, attribute: 'tiles-attribution' },
    kiosk: { type: Boolean, reflect: true },
    view: { state: true },
    query: { state: true },
    search: { state: true },
    found: { state: true },
    filters: { state: true },
    map: { state: true },
    selectedHubId: { state: true },
    booking: { state: true },
    confirmation: { state: true },
    status: { state: true },
    request: { state: true },
    findForm: { state: true },
    move: { state: true },
    manageFailure: { state: true },
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
  /** Shared-screen mode (the kiosk behaviour arrives with the kiosk work; accepted now). */
  declare kiosk: boolean;

  declare private view: View;
  declare private query: string;
  declare private search: SearchState;
  declare private found: Found | undefined;
  declare private filters: HubFilters;
  declare private map: MapState;
  declare private selectedHubId: string | undefined;
  declare private booking: BookingForm | undefined;
  declare private confirmation: Confirmation | undefined;
  declare private status: string;
  declare private findForm: FindBookingForm | undefined;
  declare private move: MoveState | undefined;
  /** Opening the manage link failed (the key is wrong, or the network is down). */
  declare private manageFailure: ApiError | undefined;
  private readonly findErrors = new FormErrors(this, {
    locale: this.locale,
    focus: (selector) => this.focusNext.request(selector),
    target: (field) => FIND_ERROR_TARGETS[field] ?? 'manage-reference',
    prefix: 'manage.errors',
  });

  private readonly api = new ApiController(this);
  private readonly bookingErrors = new FormErrors(this, {
    locale: this.locale,
    focus: (selector) => this.focusNext.request(selector),
    target: (field) => BOOKING_ERROR_TARGETS[field] ?? 'name',
    params: () => ({ max: this.locale.number(BOOKING_NOTES_MAX) }),
    prefix: 'booking.errors',
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
    this.kiosk = false;
    this.view = 'search';
    this.query = '';
    this.search = { state: 'idle' };
    this.filters = {};
    this.map = { state: 'closed' };
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.openManageLink();
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

  // ——— managing a booking ———

  /** A manage link (`?cls-booking=REF&key=…`) on the page opens that booking. */
  private openManageLink(): void {
    let params: URLSearchParams;
    try {
      params = new URL(this.ownerDocument.location?.href ?? '').searchParams;
    } catch {
      return;
    }
    const reference = params.get(MANAGE_PARAM)?.trim().toUpperCase();
    const key = params.get(MANAGE_KEY_PARAM);
    if (!reference || !key) return;
    this.view = 'manage-loading';
    this.manageFailure = undefined;
    void this.loadManaged(reference, key);
  }

  private async loadManaged(reference: string, key: string): Promise<void> {
    try {
      const booking = await this.api.get(`bookings/${encodeURIComponent(reference)}`, BookingDetails, { query: { key } });
      this.showManaged(booking, 'managed');
    } catch (error) {
      if (isAbort(error)) return;
      this.manageFailure = ApiError.from(error);
      this.focusNext.request('.notification');
    }
  }

  /** A booking found (by link or by reference and contact), or just moved: the confirmation page, or "cancelled". */
  private showManaged(booking: BookingDetails, source: 'managed' | 'moved'): void {
    this.confirmation = { booking, cancel: 'idle', source };
    this.move = undefined;
    if (booking.status === 'cancelled') {
      this.view = 'cancelled';
    } else {
      this.view = 'confirmed';
      if (source === 'moved') this.status = this.locale.t('status.moved', { reference: booking.reference });
    }
    this.focusNext.request('.panel');
  }

  private startFindBooking(): void {
    this.findForm = { reference: '', contact: '', phase: { state: 'editing' } };
    this.findErrors.clear();
    this.view = 'find-booking';
    this.focusNext.request('#manage-heading');
  }

  private async findBooking(): Promise<void> {
    const form = this.findForm;
    if (!form || form.phase.state === 'finding') return;
    const reference = form.reference.trim().toUpperCase().replace(/\s+/g, '').replace(/^([A-Z0-9]{4})([A-Z0-9]{4})$/, '$1-$2');
    const errors: FieldError[] = [];
    if (!reference) errors.push({ field: 'reference', code: 'required' });
    else if (!BookingReference.safeParse(reference).success) errors.push({ field: 'reference', code: 'invalid' });
    if (!form.contact.trim()) errors.push({ field: 'contact', code: 'required' });
    if (errors.length) {
      this.findForm = { ...form, phase: { state: 'editing' } };
      this.findErrors.show(errors);
      return;
    }
    this.findErrors.clear();
    this.findForm = { ...form, phase: { state: 'finding' } };
    try {
      const booking = await this.api.submit('bookings/lookup', { reference, contact: form.contact.trim() }, BookingDetails);
      this.findForm = undefined;
      this.showManaged(booking, 'managed');
    } catch (error) {
      const current = this.findForm ?? form;
      if (isAbort(error)) {
        this.findForm = { ...current, phase: { state: 'editing' } };
        return;
      }
      const failure = ApiError.from(error);
      this.findForm = { ...current, phase: failure.code === 'not-found' ? { state: 'not-found' } : { state: 'failed', failure } };
      this.focusNext.request('.notification');
    }
  }

  /** "Change the time": the hub's other sessions with places. */
  private async startMove(): Promise<void> {
    const booking = this.confirmation?.booking;
    if (!booking) return;
    this.move = { state: 'loading' };
    this.view = 'move';
    this.focusNext.request('#move-heading');
    const from = new Date();
    const to = new Date(from.getTime() + 28 * 86_400_000);
    try {
      const { items } = await this.api.get('sessions', SessionList, { query: { hub: booking.hub.id, from: from.toISOString(), to: to.toISOString() } });
      this.move = { state: 'choosing', sessions: items.filter((session) => session.id !== booking.session.id && hasPlaces(session)) };
    } catch (error) {
      if (isAbort(error)) return;
      this.move = { state: 'failed', failure: ApiError.from(error) };
    }
  }

  private async moveTo(session: Session): Promise<void> {
    const booking = this.confirmation?.booking;
    const move = this.move;
    if (!booking || move?.state !== 'choosing' || move.moving) return;
    this.move = { ...move, moving: session.id, problem: undefined };
    try {
      const moved = await this.api.submit(`bookings/${encodeURIComponent(booking.reference)}/move`, { key: booking.manageKey, sessionId: session.id }, BookingDetails);
      this.applySession({ ...booking.session, ...(booking.session.remaining === undefined ? {} : { remaining: booking.session.remaining + 1 }) });
      this.applySession(moved.session);
      this.showManaged(moved, 'moved');
    } catch (error) {
      if (isAbort(error)) {
        this.move = { ...move, moving: undefined };
        return;
      }
      const failure = ApiError.from(error);
      const full = failure.code === 'session-full';
      this.move = {
        state: 'choosing',
        sessions: full ? move.sessions.filter((candidate) => candidate.id !== session.id) : move.sessions,
        problem: full ? 'full' : 'failed',
      };
      this.focusNext.request('.notification');
    }
  }

  /** The manage link of a booking: this page, with `?cls-booking=REF&key=…`. */
  private manageLink(booking: BookingCreated): string {
    const url = new URL(this.ownerDocument.location?.href ?? 'about:blank');
    url.hash = '';
    url.searchParams.set(MANAGE_PARAM, booking.reference);
    url.searchParams.set(MANAGE_KEY_PARAM, booking.manageKey);
    return url.href;
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
    this.confirmation = undefined;
    this.findForm = undefined;
    this.move = undefined;
    this.focusNext.request(this.found ? '#results-heading' : '#place');
  }

  // ——— booking ———

  private startBooking(session: Session): void {
    const hub = this.found?.results.find((result) => result.hub.id === session.hubId)?.hub;
    if (!hub) return;
    const previous = this.booking;
    // Someone who goes back and picks another time keeps what they typed.
    this.booking = {
      session,
      hub,
      name: previous?.name ?? '',
      method: previous?.method,
      phone: previous?.phone ?? '',
      email: previous?.email ?? '',
      notes: previous?.notes ?? '',
      consent: previous?.consent ?? false,
      phase: { state: 'editing' },
    };
    this.bookingErrors.clear();
    this.selectedHubId = hub.id;
    this.view = 'booking';
    this.focusNext.request('#booking-heading');
  }

  private updateBooking(change: BookingChange): void {
    if (!this.booking) return;
    this.booking = { ...this.booking, ...change };
    for (const key of Object.keys(change)) {
      this.bookingErrors.clear(key === 'phone' || key === 'email' ? `contact.${key}` : key === 'method' ? 'contact.method' : key);
    }
  }

  private bookingInput(form: BookingForm) {
    return {
      sessionId: form.session.id,
      name: form.name,
      contact: form.method ? { method: form.method, value: form.method === 'phone' ? form.phone : form.email } : undefined,
      notes: form.notes,
      consent: form.consent ? (true as const) : undefined,
      lang: this.locale.lang,
    };
  }

  /** Validate, then book. Safe to call again after a failure: the same answers reuse the same Idempotency-Key, so a retry never books twice. */
  private async submitBooking(): Promise<void> {
    const form = this.booking;
    // A full session is not offered again: the resident chooses another time.
    if (!form || form.phase.state === 'submitting' || form.phase.state === 'full') return;
    const input = this.bookingInput(form);
    const parsed = BookingInput.safeParse(input);
    if (!parsed.success) {
      this.booking = { ...form, phase: { state: 'editing' } };
      this.bookingErrors.show(bookingFieldErrors(fieldErrors(parsed.error.issues, input), form.method));
      return;
    }
    this.bookingErrors.clear();
    this.booking = { ...form, phase: { state: 'submitting' } };
    try {
      const created = await this.api.submit('bookings', parsed.data, BookingCreated);
      this.confirmation = { booking: created, cancel: 'idle', source: 'new' };
      this.applySession(created.session);
      this.booking = undefined;
      this.view = 'confirmed';
      this.status = this.locale.t('status.booked', { reference: created.reference });
      this.focusNext.request('.panel');
      this.emit('cls-booking-complete', { reference: created.reference, sessionId: created.session.id, hubId: created.hub.id });
    } catch (error) {
      const current = this.booking ?? form;
      // The element left the page mid-send: the form is as it was, to send again (under the same key).
      if (isAbort(error)) {
        this.booking = { ...current, phase: { state: 'editing' } };
        return;
      }
      const failure = ApiError.from(error);
      if (failure.code === 'validation-failed' && failure.fieldIssues.length) {
        const errors = failure.fieldIssues.map((issue) => ({ field: issue.path, code: issue.code as FieldError['code'] }));
        this.booking = { ...current, phase: { state: 'editing' } };
        this.bookingErrors.show(bookingFieldErrors(errors, form.method));
        return;
      }
      if (failure.code === 'session-full') {
        this.applySession({ ...form.session, remaining: 0 });
        this.booking = { ...current, phase: { state: 'full' } };
      } else if (failure.code === 'session-past') {
        this.booking = { ...current, phase: { state: 'past' } };
      } else {
        this.booking = { ...current, phase: { state: 'failed', failure } };
      }
      this.focusNext.request('.notification');
    }
  }

  /** Keeps the listed session's places in step with what the server said. */
  private applySession(updated: Session): void {
    if (!this.found) return;
    const results = this.found.results.map((result) =>
      result.hub.id === updated.hubId ? { ...result, sessions: result.sessions.map((session) => (session.id === updated.id ? updated : session)) } : result,
    );
    this.found = { ...this.found, results };
  }

  private askToCancel(): void {
    if (!this.confirmation) return;
    this.confirmation = { ...this.confirmation, cancel: 'confirming' };
    this.focusNext.request('#cancel-check-heading');
  }

  private async cancelBooking(): Promise<void> {
    const confirmation = this.confirmation;
    if (!confirmation || confirmation.cancel === 'cancelling') return;
    const { booking } = confirmation;
    this.confirmation = { ...confirmation, cancel: 'cancelling' };
    try {
      await this.api.delete(`bookings/${encodeURIComponent(booking.reference)}`, BookingCancelled, { query: { key: booking.manageKey } });
      const session = booking.session;
      this.applySession({ ...session, ...(session.remaining === undefined ? {} : { remaining: session.remaining + 1 }) });
      this.view = 'cancelled';
      this.status = this.locale.t('status.cancelled');
      this.focusNext.request('.panel');
      this.emit('cls-booking-cancel', { reference: booking.reference });
    } catch (error) {
      if (isAbort(error)) {
        this.confirmation = { ...confirmation, cancel: 'idle' };
        return;
      }
      this.confirmation = { ...confirmation, cancel: 'failed' };
      this.focusNext.request('.notification');
    }
  }

  // ——— rendering ———

  private get listContext(): HubListContext {
    return {
      locale: this.locale,
      units: this.units,
      bookingAvailable: this.bookingAvailable,
      openHub: (hubId) => this.openHub(hubId),
      book: (session) => this.startBooking(session),
      contactPhone: readPageConfig(this.ownerDocument).contactPhone,
    };
  }

  private get confirmationContext(): ConfirmationContext {
    return {
      locale: this.locale,
      headings: this.headings,
      kiosk: this.kiosk,
      cancel: () => this.askToCancel(),
      confirmCancel: () => void this.cancelBooking(),
      keep: () => {
        if (this.confirmation) this.confirmation = { ...this.confirmation, cancel: 'idle' };
        this.focusNext.request('.panel');
      },
      another: () => this.newSearch(),
      change: this.bookingAvailable ? () => void this.startMove() : undefined,
      manageLink: (booking) => this.manageLink(booking),
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
              ? html`<p class="manage-link"><button type="button" class="link-button" @click=${() => this.startFindBooking()}>${t('manage.open')}</button></p>`
              : nothing}
            ${this.renderResults()}`
        : nothing}
      ${this.view === 'find-booking' && this.findForm
        ? renderFindBooking(
            {
              locale: this.locale,
              headings: this.headings,
              errors: this.findErrors,
              change: (change) => {
                if (!this.findForm) return;
                this.findForm = { ...this.findForm, ...change };
                for (const field of Object.keys(change)) this.findErrors.clear(field);
              },
              submit: () => void this.findBooking(),
              back: () => this.newSearch(),
            },
            this.findForm,
          )
        : nothing}
      ${this.view === 'manage-loading' ? this.renderManageLoading() : nothing}
      ${this.view === 'move' && this.move && this.confirmation
        ? renderMove(
            {
              locale: this.locale,
              headings: this.headings,
              hubName: hubText(this.confirmation.booking.hub, this.locale.lang).name,
              current: this.confirmation.booking.session,
              move: (session) => void this.moveTo(session),
              back: () => {
                this.view = 'confirmed';
                this.move = undefined;
                this.focusNext.request('.panel');
              },
            },
            this.move,
          )
        : nothing}
      ${this.view === 'details' ? this.renderDetails() : nothing} ${this.view === 'booking' ? this.renderBooking() : nothing}
      ${this.view === 'confirmed' && this.confirmation ? renderConfirmed(this.confirmationContext, this.confirmation) : nothing}
      ${this.view === 'cancelled' ? renderCancelled(this.confirmationContext, this.confirmation) : nothing}
      ${statusRegion(this.status)}
    </div>`;
  }

  private renderManageLoading(): TemplateResult {
    const { t } = this.locale;
    const failure = this.manageFailure;
    if (!failure) return html`<p role="status">${spinner()} ${t('manage.loading')}</p>`;
    return html`${notification({
        title: t('manage.linkFailedTitle'),
        variant: 'error',
        level: this.headings.main,
        body: html`<p>${failure.code === 'not-found' ? t('manage.linkNotFound') : t(failure.messageKey)}</p>`,
      })}
      <button type="button" class="link-button" @click=${() => this.startFindBooking()}>${t('manage.open')}</button>`;
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
      useLocation: () => this.useLocation(),
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

  private renderBooking(): TemplateResult {
    const form = this.booking;
    if (!form) return html``;
    const sessions = this.found?.results.find((result) => result.hub.id === form.hub.id)?.sessions ?? [];
    return renderBooking(
      {
        locale: this.locale,
        headings: this.headings,
        errors: this.bookingErrors,
        next: form.phase.state === 'full' ? nextAvailable(sessions, form.session) : undefined,
        change: (change) => this.updateBooking(change),
        submit: () => void this.submitBooking(),
        back: () => {
          this.view = 'details';
          this.focusNext.request('#details-heading');
        },
        book: (session) => this.startBooking(session),
      },
      form,
    );
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-hub-select': CustomEvent<HubSelectDetail>;
    'cls-booking-complete': CustomEvent<BookingCompleteDetail>;
    'cls-booking-cancel': CustomEvent<BookingCancelDetail>;
  }
}
