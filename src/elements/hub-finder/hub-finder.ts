import { LitElement, type PropertyValues, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ApiClient } from '../../client/client.ts';
import { resolveApiBase, readPageConfig } from '../../client/config.ts';
import { ApiError } from '../../client/errors.ts';
import { BOOKING_NOTES_MAX, BookingCancelled, BookingCreated, BookingInput } from '../../contract/bookings.ts';
import type { Address, Coordinates, Hub } from '../../contract/directory.ts';
import { GeocodeResult, HubList, SessionList, type Session } from '../../contract/places.ts';
import { fieldErrors, type FieldError } from '../../core/field-errors.ts';
import { nearest } from '../../core/geo.ts';
import { filterHubs, hubOpenNow, nextAvailable, sessionsByHub, sessionWeekdays, type HubFilters, type HubResult } from '../../core/hub-finder.ts';
import { bookingCalendar } from '../../core/ics.ts';
import { newIdempotencyKey } from '../../core/idempotency.ts';
import { nextOccurrences, type Weekday } from '../../core/schedule.ts';
import { common } from '../../i18n/common.ts';
import { formatDay, formatDistance, formatTime, type DistanceUnits } from '../../i18n/format.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { readFeed } from '../../oruk/feed.ts';
import { button } from '../../shared-ui/button.ts';
import { choiceGroup, firstChoiceId } from '../../shared-ui/choice-group.ts';
import { errorSummary } from '../../shared-ui/error-summary.ts';
import { describedBy, errorMessage, textArea } from '../../shared-ui/field.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { spinner } from '../../shared-ui/spinner.ts';
import { characterCountMessage } from '../../shared-ui/character-count.ts';
import { FocusAfterRender } from '../../shared-ui/focus-after-render.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { hubFinderMessages } from './hub-finder.locales.ts';
import { hubFinderStyles } from './hub-finder.styles.ts';

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

type View = 'search' | 'details' | 'booking' | 'confirmed' | 'cancelled';
type SearchProblem = 'required' | 'invalidPostcode' | 'notFound';
type LocationProblem = 'locationDenied' | 'locationUnavailable' | 'locationUnsupported';

interface BookingForm {
  session: Session;
  hub: Hub;
  name: string;
  method: 'phone' | 'email' | undefined;
  phone: string;
  email: string;
  notes: string;
  consent: boolean;
  errors: FieldError[];
  phase: 'editing' | 'submitting' | 'failed' | 'full' | 'past';
  failure?: ApiError;
  /** The same answers retried reuse the same key, so a retry never books twice. */
  pending?: { key: string; body: string };
}

const localizer = createLocalizer(
  { en: { common: common.en, finder: hubFinderMessages.en }, cy: { common: common.cy, finder: hubFinderMessages.cy } },
  'finder',
);

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 28;
const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

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
export class ClsHubFinder extends LitElement {
  static override styles = [tokens, ...sharedStyles, hubFinderStyles];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    directory: { type: String },
    units: { type: String },
    limit: { type: Number },
    postcode: { type: String },
    tiles: { type: String },
    tilesAttribution: { type: String, attribute: 'tiles-attribution' },
    kiosk: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { state: true },
    query: { state: true },
    searching: { state: true },
    searchProblem: { state: true },
    locationProblem: { state: true },
    failure: { state: true },
    place: { state: true },
    results: { state: true },
    filters: { state: true },
    mapOpen: { state: true },
    mapReady: { state: true },
    mapFailed: { state: true },
    selectedHubId: { state: true },
    booking: { state: true },
    confirmation: { state: true },
    cancelPhase: { state: true },
    status: { state: true },
  };

  /** Base URL of the API, e.g. `https://council.example/api/v1`; else the page's `#cls-config` `apiBase`, else `/api/v1`. */
  declare apiBase: string | undefined;
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
  /** Level of the main heading, 2–5, to fit the host page's outline. */
  declare headingLevel: number;

  declare private view: View;
  declare private query: string;
  declare private searching: boolean;
  declare private searchProblem: SearchProblem | undefined;
  declare private locationProblem: LocationProblem | undefined;
  declare private failure: ApiError | undefined;
  declare private place: string | undefined;
  declare private results: HubResult[] | undefined;
  declare private filters: HubFilters;
  declare private mapOpen: boolean;
  declare private mapReady: boolean;
  declare private mapFailed: boolean;
  declare private selectedHubId: string | undefined;
  declare private booking: BookingForm | undefined;
  declare private confirmation: BookingCreated | undefined;
  declare private cancelPhase: 'idle' | 'cancelling' | 'failed';
  declare private status: string;

  private readonly locale = new LocaleController(this, localizer);
  private readonly focusNext = new FocusAfterRender(this);
  private searchRun = 0;

  constructor() {
    super();
    this.units = 'miles';
    this.limit = 10;
    this.kiosk = false;
    this.headingLevel = 2;
    this.view = 'search';
    this.query = '';
    this.searching = false;
    this.filters = {};
    this.mapOpen = false;
    this.mapReady = false;
    this.mapFailed = false;
    this.cancelPhase = 'idle';
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.postcode && !this.results) {
      this.query = this.postcode;
      void this.search();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A postcode set later (the self-assessment's next step, say) searches too.
    if (this.hasUpdated && changed.has('postcode') && this.postcode) {
      this.query = this.postcode;
      void this.search();
    }
  }


  // ——— data ———

  private get client(): ApiClient {
    return new ApiClient({ baseUrl: this.apiBase?.trim() || resolveApiBase(this) });
  }

  private get bookingAvailable(): boolean {
    return !this.directory || Boolean(this.apiBase?.trim() || readPageConfig(this.ownerDocument).apiBase);
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  private async search(): Promise<void> {
    const query = this.query.trim();
    this.locationProblem = undefined;
    if (!query) {
      this.showSearchProblem('required');
      return;
    }
    const run = ++this.searchRun;
    this.begin();
    try {
      const place = await this.client.get('geocode', GeocodeResult, { query: { q: query } });
      if (run !== this.searchRun) return;
      await this.loadHubs(place.coordinates, place.label, run);
    } catch (error) {
      if (run !== this.searchRun) return;
      this.searching = false;
      if (error instanceof ApiError && error.code === 'invalid-postcode') this.showSearchProblem('invalidPostcode');
      else if (error instanceof ApiError && error.code === 'place-not-found') this.showSearchProblem('notFound');
      else this.fail(error);
    }
  }

  private useLocation(): void {
    this.searchProblem = undefined;
    const geolocation = globalThis.navigator?.geolocation;
    if (!geolocation) {
      this.showLocationProblem('locationUnsupported');
      return;
    }
    const run = ++this.searchRun;
    this.begin(this.locale.t('search.locating'));
    geolocation.getCurrentPosition(
      (position) => {
        if (run !== this.searchRun) return;
        const point = { lat: position.coords.latitude, lng: position.coords.longitude };
        void this.loadHubs(point, this.locale.t('search.yourLocation'), run).catch((error: unknown) => this.fail(error));
      },
      (error) => {
        if (run !== this.searchRun) return;
        this.searching = false;
        this.showLocationProblem(error.code === error.PERMISSION_DENIED ? 'locationDenied' : 'locationUnavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  private begin(message = this.locale.t('search.searching')): void {
    this.searching = true;
    this.searchProblem = undefined;
    this.failure = undefined;
    this.status = message;
  }

  private async loadHubs(point: Coordinates, label: string, run: number): Promise<void> {
    const limit = Math.min(50, Math.max(1, Math.round(this.limit) || 10));
    const results = this.directory ? await this.hubsFromDirectory(point, limit) : await this.hubsFromApi(point, limit);
    if (run !== this.searchRun) return;
    this.results = results;
    this.place = label;
    this.searching = false;
    this.view = 'search';
    this.selectedHubId = undefined;
    this.status = this.locale.t('results.announce', { count: filterHubs(results, this.filters).length });
    this.focusNext.request('#results-heading');
  }

  private async hubsFromApi(point: Coordinates, limit: number): Promise<HubResult[]> {
    const from = new Date();
    const [hubs, sessions] = await Promise.all([
      this.client.get('hubs', HubList, { query: { near: `${point.lat},${point.lng}`, limit } }),
      this.client.get('sessions', SessionList, { query: { from: from.toISOString(), to: new Date(from.getTime() + WINDOW_DAYS * DAY_MS).toISOString() } }),
    ]);
    const byHub = sessionsByHub(sessions.items);
    return hubs.items.map(({ hub, distanceMetres }) => ({
      hub,
      ...(distanceMetres === undefined ? {} : { distanceMetres }),
      sessions: byHub.get(hub.id) ?? [],
    }));
  }

  /** A council's own ORUK feed: each located place becomes a hub, its services' schedules its drop-in sessions. */
  private async hubsFromDirectory(point: Coordinates, limit: number): Promise<HubResult[]> {
    // A relative feed URL ("/oruk/") is relative to the page, as in an href.
    const feed = await readFeed(new URL(this.directory ?? '', this.ownerDocument.baseURI).href, { maxPages: 10 });
    if (!feed.services.length && feed.errors.length) throw new ApiError('network', feed.errors.join('; '));
    const now = new Date();
    const places = new Map<string, HubResult>();
    for (const service of feed.services) {
      for (const location of service.locations) {
        if (!location.coordinates) continue;
        const result = places.get(location.id) ?? {
          hub: {
            id: location.id,
            name: location.name ?? service.name,
            kind: 'community-centre' as const,
            address: location.address ?? {},
            coordinates: location.coordinates,
            accessibility: location.accessibility,
            stepFree: location.stepFree ?? false,
            sessions: [],
          },
          sessions: [],
        };
        service.schedules.forEach((schedule, index) => {
          for (const occurrence of nextOccurrences(schedule, now, 3)) {
            const planId = schedule.id ?? `${service.id}#${index}`;
            result.sessions.push({
              id: `${planId}@${occurrence.start.toISOString()}`,
              hubId: location.id,
              planId,
              start: occurrence.start.toISOString(),
              end: occurrence.end.toISOString(),
              mode: 'drop-in',
            });
          }
        });
        places.set(location.id, result);
      }
    }
    return nearest(point, [...places.values()], limit, (result) => result.hub.coordinates).map(({ item, metres }) => ({
      ...item,
      distanceMetres: Math.round(metres),
      sessions: item.sessions.sort((a, b) => a.start.localeCompare(b.start)),
    }));
  }

  private fail(error: unknown): void {
    this.searching = false;
    this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
    this.status = '';
    this.focusNext.request('.notification');
  }

  private showSearchProblem(problem: SearchProblem): void {
    this.searchProblem = problem;
    this.status = '';
    this.focusNext.request('.error-summary');
  }

  private showLocationProblem(problem: LocationProblem): void {
    this.locationProblem = problem;
    this.status = '';
    this.focusNext.request('.notification');
  }

  // ——— actions ———

  private setFilter(change: Partial<HubFilters>): void {
    const merged: HubFilters = { ...this.filters, ...change };
    const next = Object.fromEntries(Object.entries(merged).filter(([, value]) => Boolean(value))) as HubFilters;
    this.filters = next;
    this.status = this.locale.t('status.filtered', { count: filterHubs(this.results ?? [], next).length });
  }

  private async toggleMap(): Promise<void> {
    this.mapOpen = !this.mapOpen;
    if (this.mapOpen && !this.mapReady) {
      try {
        await import('./hub-map.ts');
        this.mapReady = true;
        this.mapFailed = false;
      } catch {
        this.mapFailed = true;
      }
    }
  }

  private openHub(hubId: string): void {
    this.selectedHubId = hubId;
    this.view = 'details';
    this.focusNext.request('#details-heading');
    this.dispatchEvent(new CustomEvent<HubSelectDetail>('cls-hub-select', { detail: { hubId }, bubbles: true, composed: true }));
  }

  private backToResults(): void {
    const hubId = this.selectedHubId;
    this.view = 'search';
    this.focusNext.request(hubId ? `[data-hub="${CSS.escape(hubId)}"]` : '#results-heading');
  }

  private startBooking(session: Session): void {
    const hub = this.results?.find((result) => result.hub.id === session.hubId)?.hub;
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
      errors: [],
      phase: 'editing',
    };
    this.selectedHubId = hub.id;
    this.view = 'booking';
    this.focusNext.request('#booking-heading');
  }

  private updateBooking(change: Partial<BookingForm>): void {
    if (!this.booking) return;
    const cleared = new Set(Object.keys(change).map((key) => (key === 'phone' || key === 'email' ? `contact.${key}` : key === 'method' ? 'contact.method' : key)));
    this.booking = { ...this.booking, ...change, errors: this.booking.errors.filter((error) => !cleared.has(error.field)) };
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

  /** Schema paths → the fields the resident sees. */
  private bookingErrors(errors: readonly FieldError[], method: BookingForm['method']): FieldError[] {
    return errors.map((error) => {
      if (error.field === 'contact') return { field: 'contact.method', code: 'required' };
      if (error.field.startsWith('contact.')) return { field: `contact.${method ?? 'method'}`, code: error.code === 'required' ? 'required' : 'invalid' };
      return error;
    });
  }

  private async submitBooking(): Promise<void> {
    const form = this.booking;
    if (!form || form.phase === 'submitting') return;
    const input = this.bookingInput(form);
    const parsed = BookingInput.safeParse(input);
    if (!parsed.success) {
      this.booking = { ...form, errors: this.bookingErrors(fieldErrors(parsed.error.issues, input), form.method), phase: 'editing' };
      this.focusNext.request('.error-summary');
      return;
    }
    const body = JSON.stringify(parsed.data);
    const pending = form.pending?.body === body ? form.pending : { key: newIdempotencyKey(), body };
    this.booking = { ...form, errors: [], phase: 'submitting', pending };
    delete this.booking.failure;
    try {
      const created = await this.client.post('bookings', parsed.data, BookingCreated, { idempotencyKey: pending.key });
      this.confirmation = created;
      this.applySession(created.session);
      this.booking = undefined;
      this.view = 'confirmed';
      this.cancelPhase = 'idle';
      this.status = this.locale.t('status.booked', { reference: created.reference });
      this.focusNext.request('.panel');
      this.dispatchEvent(
        new CustomEvent<BookingCompleteDetail>('cls-booking-complete', {
          detail: { reference: created.reference, sessionId: created.session.id, hubId: created.hub.id },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network', String(error));
      const current = this.booking ?? form;
      if (failure.code === 'session-full') {
        this.applySession({ ...form.session, remaining: 0 });
        this.booking = { ...current, phase: 'full' };
      } else if (failure.code === 'session-past') {
        this.booking = { ...current, phase: 'past' };
      } else if (failure.code === 'validation-failed' && failure.fieldIssues.length) {
        const errors = failure.fieldIssues.map((issue) => ({ field: issue.path, code: issue.code as FieldError['code'] }));
        this.booking = { ...current, phase: 'editing', errors: this.bookingErrors(errors, form.method) };
        this.focusNext.request('.error-summary');
        return;
      } else {
        this.booking = { ...current, phase: 'failed', failure };
      }
      this.focusNext.request('.notification');
    }
  }

  /** Keeps the listed session's places in step with what the server said. */
  private applySession(updated: Session): void {
    if (!this.results) return;
    this.results = this.results.map((result) =>
      result.hub.id === updated.hubId ? { ...result, sessions: result.sessions.map((session) => (session.id === updated.id ? updated : session)) } : result,
    );
  }

  private async cancelBooking(): Promise<void> {
    const booking = this.confirmation;
    if (!booking || this.cancelPhase === 'cancelling') return;
    this.cancelPhase = 'cancelling';
    try {
      await this.client.delete(`bookings/${encodeURIComponent(booking.reference)}`, BookingCancelled, { query: { token: booking.cancelToken } });
      const session = booking.session;
      this.applySession({ ...session, ...(session.remaining === undefined ? {} : { remaining: session.remaining + 1 }) });
      this.view = 'cancelled';
      this.status = this.locale.t('status.cancelled');
      this.focusNext.request('.panel');
      this.dispatchEvent(new CustomEvent<BookingCancelDetail>('cls-booking-cancel', { detail: { reference: booking.reference }, bubbles: true, composed: true }));
    } catch {
      this.cancelPhase = 'failed';
      this.focusNext.request('.notification');
    }
  }

  private newSearch(): void {
    this.view = 'search';
    this.confirmation = undefined;
    this.focusNext.request(this.results ? '#results-heading' : '#place');
  }

  // ——— wording ———

  private sessionTime(session: Session): string {
    const lang = this.locale.lang;
    const start = new Date(session.start);
    return this.locale.t('session.time', { day: formatDay(lang, start), start: formatTime(lang, start), end: formatTime(lang, new Date(session.end)) });
  }

  private distance(metres: number | undefined): string | undefined {
    if (metres === undefined) return undefined;
    return this.locale.t('results.away', { distance: formatDistance(this.locale.lang, metres, this.units === 'km' ? 'km' : 'miles') });
  }

  private addressLine(address: Address): string {
    return [address.line1, address.city, address.postcode].filter(Boolean).join(', ');
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      ${this.view === 'search'
        ? html`<div class="heading-l" role="heading" aria-level=${this.level}><slot name="heading">${t('heading')}</slot></div>
            <div class="intro"><slot name="intro"><p>${t('intro')}</p></slot></div>
            ${this.renderSearch()} ${this.renderResults()}`
        : nothing}
      ${this.view === 'details' ? this.renderDetails() : nothing} ${this.view === 'booking' ? this.renderBooking() : nothing}
      ${this.view === 'confirmed' ? this.renderConfirmed() : nothing} ${this.view === 'cancelled' ? this.renderCancelled() : nothing}
      ${statusRegion(this.status)}
    </div>`;
  }

  private renderSearch(): TemplateResult {
    const { t } = this.locale;
    const error = this.searchProblem ? t(`search.${this.searchProblem}`) : undefined;
    return html`<form role="search" novalidate @submit=${(event: Event) => {
      event.preventDefault();
      void this.search();
    }}>
      ${errorSummary(t('errorSummaryTitle'), error ? [{ target: 'place', text: error }] : [])}
      ${this.locationProblem
        ? notification({ title: t('search.problemTitle'), variant: 'error', body: html`<p>${t(`search.${this.locationProblem}`)}</p>` })
        : nothing}
      ${this.failure
        ? notification({
            title: t('search.problemTitle'),
            variant: 'error',
            body: html`<p>${t(this.failure.messageKey)}</p>
              ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.search() })}`,
          })
        : nothing}
      <div class="form-group ${error ? 'form-group--error' : ''}" part="field">
        <label class="label" for="place">${t('search.label')}</label>
        <div class="hint" id="place-hint">${t('search.hint')}</div>
        ${errorMessage('place', error, t('errorPrefix'))}
        <div class="search-row">
          <input
            class="input ${error ? 'input--error' : ''}"
            id="place"
            name="place"
            type="text"
            autocomplete="postal-code"
            spellcheck="false"
            aria-describedby=${describedBy('place', { hint: true, error })}
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
            .value=${live(this.query)}
            @input=${(event: Event) => {
              this.query = (event.target as HTMLInputElement).value;
              if (this.searchProblem) this.searchProblem = undefined;
            }}
          />
          ${button({ label: t('search.submit'), type: 'submit', busy: this.searching, busyLabel: t('search.searching') })}
        </div>
      </div>
      ${button({ label: t('search.useLocation'), variant: 'secondary', onClick: () => this.useLocation() })}
    </form>`;
  }

  private renderResults(): TemplateResult | typeof nothing {
    if (!this.results || this.place === undefined) return nothing;
    const { t } = this.locale;
    const shown = filterHubs(this.results, this.filters);
    const level = this.level + 1;
    return html`<section aria-labelledby="results-heading">
      <div class="heading-m results-heading" role="heading" aria-level=${level} id="results-heading" tabindex="-1">
        ${t('results.heading', { count: shown.length, place: this.place })}
      </div>
      ${this.renderFilters()}
      ${shown.length
        ? html`${button({
              label: this.mapOpen ? t('map.hide') : t('map.show'),
              variant: 'secondary',
              onClick: () => void this.toggleMap(),
            })}
            ${this.renderMap(shown)}
            <ol class="hub-list" part="list">
              ${shown.map((result) => this.renderHubItem(result, level + 1))}
            </ol>`
        : html`<p>${t('results.none', { place: this.place })}</p>`}
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const { t } = this.locale;
    const days = sessionWeekdays(this.results ?? []);
    const active = Boolean(this.filters.day || this.filters.mode || this.filters.stepFree);
    return html`<div class="filters">
      <fieldset>
        <legend class="visually-hidden">${t('filters.legend')}</legend>
        <div class="form-group">
          <label class="label" for="filter-day">${t('filters.day')}</label>
          <select
            class="select"
            id="filter-day"
            @change=${(event: Event) => this.setFilter({ day: ((event.target as HTMLSelectElement).value || undefined) as Weekday | undefined })}
          >
            <option value="" ?selected=${!this.filters.day}>${t('filters.anyDay')}</option>
            ${WEEKDAYS.filter((day) => days.includes(day) || this.filters.day === day).map(
              (day) => html`<option value=${day} ?selected=${this.filters.day === day}>${t(`days.${day}`)}</option>`,
            )}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="filter-mode">${t('filters.mode')}</label>
          <select
            class="select"
            id="filter-mode"
            @change=${(event: Event) => this.setFilter({ mode: ((event.target as HTMLSelectElement).value || undefined) as HubFilters['mode'] })}
          >
            <option value="" ?selected=${!this.filters.mode}>${t('filters.anyMode')}</option>
            <option value="drop-in" ?selected=${this.filters.mode === 'drop-in'}>${t('filters.dropIn')}</option>
            <option value="bookable" ?selected=${this.filters.mode === 'bookable'}>${t('filters.bookable')}</option>
          </select>
        </div>
        <div class="form-group choice">
          <input
            type="checkbox"
            id="filter-step-free"
            .checked=${live(Boolean(this.filters.stepFree))}
            @change=${(event: Event) => this.setFilter({ stepFree: (event.target as HTMLInputElement).checked })}
          />
          <label for="filter-step-free">${t('filters.stepFree')}</label>
        </div>
        ${active ? button({ label: t('filters.clear'), variant: 'secondary', onClick: () => this.setFilter({ day: undefined, mode: undefined, stepFree: undefined }) }) : nothing}
      </fieldset>
    </div>`;
  }

  private renderMap(shown: readonly HubResult[]): TemplateResult | typeof nothing {
    if (!this.mapOpen) return nothing;
    const { t } = this.locale;
    if (this.mapFailed) return html`<p class="notification" role="status">${t('map.failed')}</p>`;
    if (!this.mapReady) return html`<p role="status">${spinner()} ${t('map.loading')}</p>`;
    const now = new Date();
    const places = shown.map((result) => ({
      id: result.hub.id,
      name: result.hub.name,
      coordinates: result.hub.coordinates,
      detail: [this.distance(result.distanceMetres), hubOpenNow(result.hub, now) ? t('badges.openNow') : undefined].filter(Boolean).join(' · '),
    }));
    const tiles = this.tiles ? { url: this.tiles, attribution: this.tilesAttribution ?? '' } : readPageConfig(this.ownerDocument).tiles;
    return html`<cls-hub-map
      part="map"
      lang=${this.locale.lang}
      .places=${places}
      .selected=${this.selectedHubId}
      .tiles=${tiles}
      @cls-map-select=${(event: CustomEvent<{ id: string }>) => this.focusHubInList(event.detail.id)}
    ></cls-hub-map>`;
  }

  /** Map and list stay linked: choosing a marker brings its list entry into view and focus. */
  private focusHubInList(hubId: string): void {
    this.selectedHubId = hubId;
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-hub="${CSS.escape(hubId)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
  }

  private renderBadges(hub: Hub): TemplateResult {
    const { t } = this.locale;
    return html`<ul class="badges">
      ${hubOpenNow(hub, new Date()) ? html`<li class="badge badge--open" part="badge">${t('badges.openNow')}</li>` : nothing}
      <li class="badge badge--access" part="badge">${hub.stepFree ? t('badges.stepFree') : t('badges.notStepFree')}</li>
    </ul>`;
  }

  private renderHubItem(result: HubResult, level: number): TemplateResult {
    const { t } = this.locale;
    const { hub } = result;
    const upcoming = result.sessions.slice(0, 3);
    return html`<li class="hub" part="item">
      <div class="heading-m hub-name" role="heading" aria-level=${Math.min(6, level)}>
        <button type="button" class="link-button" data-hub=${hub.id} @click=${() => this.openHub(hub.id)}>${hub.name}</button>
      </div>
      <p class="meta">${[this.distance(result.distanceMetres), this.addressLine(hub.address)].filter(Boolean).join(' · ')}</p>
      ${this.renderBadges(hub)}
      ${upcoming.length
        ? html`<p class="visually-hidden">${t('results.nextSessions')}</p>
            <ul class="sessions">
              ${upcoming.map((session) => this.renderSession(session, hub))}
            </ul>`
        : html`<p>${t('results.noSessions')}</p>`}
    </li>`;
  }

  private renderSession(session: Session, hub: Hub): TemplateResult {
    const { t } = this.locale;
    const time = this.sessionTime(session);
    const bookable = session.mode === 'bookable';
    const places = bookable && session.remaining !== undefined ? session.remaining : undefined;
    return html`<li class="session">
      <span>${time} – <span class="session-mode">${bookable ? t('session.bookable') : t('session.dropIn')}</span>${places !== undefined && places > 0
          ? html` (${t('session.places', { count: places })})`
          : nothing}</span>
      ${bookable && this.bookingAvailable
        ? places === 0
          ? html`<span class="full">${t('session.full')}</span>`
          : html`<button
              type="button"
              class="button button--secondary"
              part="button"
              aria-label=${t('session.bookLabel', { time, hub: hub.name })}
              @click=${() => this.startBooking(session)}
            >${t('session.book')}</button>`
        : nothing}
    </li>`;
  }

  private renderDetails(): TemplateResult {
    const { t } = this.locale;
    const result = this.results?.find((candidate) => candidate.hub.id === this.selectedHubId);
    if (!result) return html``;
    const { hub } = result;
    return html`<button type="button" class="link-button back" @click=${() => this.backToResults()}>${t('details.back')}</button>
      <div class="heading-l" role="heading" aria-level=${this.level} id="details-heading" tabindex="-1">${hub.name}</div>
      ${hub.description ? html`<p>${hub.description}</p>` : nothing} ${this.renderBadges(hub)}
      <dl class="summary-list">
        <dt>${t('details.address')}</dt>
        <dd>${this.addressLine(hub.address)}${result.distanceMetres !== undefined ? html` (${this.distance(result.distanceMetres)})` : nothing}</dd>
        ${hub.accessibility.length
          ? html`<dt>${t('details.accessibility')}</dt>
              <dd>
                <ul>
                  ${hub.accessibility.map((note) => html`<li>${note}</li>`)}
                </ul>
              </dd>`
          : nothing}
        ${hub.phone
          ? html`<dt>${t('details.phone')}</dt>
              <dd><a href="tel:${hub.phone.replace(/[^\d+]/g, '')}">${hub.phone}</a></dd>`
          : nothing}
      </dl>
      <div class="heading-m" role="heading" aria-level=${this.level + 1}>${t('details.sessions')}</div>
      ${result.sessions.length
        ? html`<ul class="sessions">
            ${result.sessions.map((session) => this.renderSession(session, hub))}
          </ul>`
        : html`<p>${t('results.noSessions')}</p>`}`;
  }

  private bookingError(form: BookingForm, field: string): string | undefined {
    const error = form.errors.find((candidate) => candidate.field === field);
    if (!error) return undefined;
    const key = `booking.errors.${error.field}.${error.code}`;
    return localizer.exists(key, { lng: this.locale.lang, ns: 'finder' })
      ? this.locale.t(key, { max: this.locale.number(BOOKING_NOTES_MAX) })
      : this.locale.t('booking.errors.invalid');
  }

  private renderBooking(): TemplateResult {
    const form = this.booking;
    if (!form) return html``;
    const { t } = this.locale;
    const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
    const time = this.sessionTime(form.session);
    const targets: Record<string, string> = {
      name: 'name',
      'contact.method': firstChoiceId('contact-method'),
      'contact.phone': 'phone',
      'contact.email': 'email',
      notes: 'notes',
      consent: firstChoiceId('consent'),
    };
    const summary = form.errors.map((error) => ({ target: targets[error.field] ?? 'name', text: this.bookingError(form, error.field) ?? '' }));
    const count = characterCountMessage(this.locale, form.notes, BOOKING_NOTES_MAX);
    const nameError = this.bookingError(form, 'name');
    const contactInput = (method: 'phone' | 'email') => {
      const error = this.bookingError(form, `contact.${method}`);
      return html`<div class="conditional">
        <div class="form-group ${error ? 'form-group--error' : ''}" part="field">
          <label class="label" for=${method}>${t(method === 'phone' ? 'booking.phoneLabel' : 'booking.emailLabel')}</label>
          ${method === 'phone' ? html`<div class="hint" id="phone-hint">${t('booking.phoneHint')}</div>` : nothing}
          ${errorMessage(method, error, messages.errorPrefix)}
          <input
            class="input ${error ? 'input--error' : ''}"
            id=${method}
            name=${method}
            type=${method === 'phone' ? 'tel' : 'email'}
            inputmode=${method === 'phone' ? 'tel' : 'email'}
            autocomplete=${method === 'phone' ? 'tel' : 'email'}
            spellcheck="false"
            aria-describedby=${describedBy(method, { hint: method === 'phone', error })}
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
            .value=${live(method === 'phone' ? form.phone : form.email)}
            @input=${(event: Event) => this.updateBooking({ [method]: (event.target as HTMLInputElement).value })}
          />
        </div>
      </div>`;
    };
    return html`<button
        type="button"
        class="link-button back"
        @click=${() => {
          this.view = 'details';
          this.focusNext.request('#details-heading');
        }}
      >${t('booking.back')}</button>
      <div class="heading-l" role="heading" aria-level=${this.level} id="booking-heading" tabindex="-1">${t('booking.heading')}</div>
      <p>${t('booking.summary', { hub: form.hub.name, time })}</p>
      ${errorSummary(t('errorSummaryTitle'), summary)} ${this.renderBookingProblem(form)}
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.submitBooking();
      }}>
        <div class="form-group ${nameError ? 'form-group--error' : ''}" part="field">
          <label class="label" for="name">${t('booking.name')}</label>
          ${errorMessage('name', nameError, messages.errorPrefix)}
          <input
            class="input ${nameError ? 'input--error' : ''}"
            id="name"
            name="name"
            type="text"
            autocomplete="name"
            spellcheck="false"
            aria-describedby=${describedBy('name', { error: nameError })}
            aria-invalid=${ifDefined(nameError ? 'true' : undefined)}
            .value=${live(form.name)}
            @input=${(event: Event) => this.updateBooking({ name: (event.target as HTMLInputElement).value })}
          />
        </div>
        ${choiceGroup({
          id: 'contact-method',
          name: 'contact-method',
          legend: t('booking.contactLegend'),
          hint: t('booking.contactHint'),
          choices: [
            { value: 'phone', label: t('booking.phone') },
            { value: 'email', label: t('booking.email') },
          ],
          value: form.method,
          error: this.bookingError(form, 'contact.method'),
          messages,
          onChange: (value) => this.updateBooking({ method: value as 'phone' | 'email' }),
        })}
        ${form.method ? contactInput(form.method) : nothing}
        ${textArea({
          id: 'notes',
          name: 'notes',
          label: t('booking.notes'),
          hint: t('booking.notesHint'),
          optional: true,
          value: form.notes,
          rows: 3,
          error: this.bookingError(form, 'notes'),
          count: { text: count.text, over: count.over },
          messages,
          onInput: (value) => this.updateBooking({ notes: value }),
        })}
        ${choiceGroup({
          id: 'consent',
          name: 'consent',
          legend: t('booking.consentLegend'),
          multiple: true,
          choices: [{ value: 'yes', label: t('booking.consent') }],
          value: form.consent ? ['yes'] : [],
          error: this.bookingError(form, 'consent'),
          messages,
          onChange: (_value, checked) => this.updateBooking({ consent: checked }),
        })}
        ${button({ label: t('booking.submit'), type: 'submit', busy: form.phase === 'submitting', busyLabel: t('booking.sending') })}
      </form>`;
  }

  private renderBookingProblem(form: BookingForm): TemplateResult | typeof nothing {
    const { t } = this.locale;
    if (form.phase === 'failed' && form.failure) {
      return notification({
        title: t('booking.failed'),
        variant: 'error',
        body: html`<p>${t(form.failure.messageKey)} ${t('answersKept')}</p>
          ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.submitBooking() })}`,
      });
    }
    if (form.phase === 'past') return notification({ title: t('booking.failed'), variant: 'error', body: html`<p>${t('booking.past')}</p>` });
    if (form.phase === 'full') {
      const sessions = this.results?.find((result) => result.hub.id === form.hub.id)?.sessions ?? [];
      const next = nextAvailable(sessions, form.session);
      const nextTime = next ? this.sessionTime(next) : undefined;
      return notification({
        title: t('booking.full'),
        variant: 'error',
        body: next && nextTime
          ? html`<p>${t('booking.fullNext', { time: nextTime })}</p>
              ${button({ label: t('booking.bookNext', { time: nextTime }), variant: 'secondary', onClick: () => this.startBooking(next) })}`
          : html`<p>${t('booking.fullNone')}</p>`,
      });
    }
    return nothing;
  }

  private renderConfirmed(): TemplateResult {
    const booking = this.confirmation;
    if (!booking) return html``;
    const { t } = this.locale;
    const time = this.sessionTime(booking.session);
    const calendar = bookingCalendar({
      reference: booking.reference,
      title: booking.hub.name,
      description: t('confirmed.body', { hub: booking.hub.name, time }),
      location: [booking.hub.name, booking.hub.address.line1, booking.hub.address.city, booking.hub.address.postcode].filter(Boolean).join(', '),
      start: new Date(booking.session.start),
      end: new Date(booking.session.end),
    });
    return html`<div class="panel" part="panel" tabindex="-1">
        <div class="heading-l" role="heading" aria-level=${this.level}>${t('confirmed.title')}</div>
        <p>${t('confirmed.reference')} <strong class="reference">${booking.reference}</strong></p>
      </div>
      <div class="heading-m" role="heading" aria-level=${this.level + 1}>${t('confirmed.what')}</div>
      <p>${t('confirmed.body', { hub: booking.hub.name, time })}</p>
      <p>${this.addressLine(booking.hub.address)}</p>
      ${this.cancelPhase === 'failed'
        ? notification({ title: t('confirmed.cancelFailed'), variant: 'error', body: html`<p>${t('errors.network')}</p>` })
        : nothing}
      <div class="button-group">
        ${this.kiosk
          ? nothing
          : html`<a class="button button--secondary" part="button" href="data:text/calendar;charset=utf-8,${encodeURIComponent(calendar)}" download="booking-${booking.reference}.ics"
              >${t('confirmed.calendar')}</a
            >`}
        ${button({ label: t('confirmed.print'), variant: 'secondary', onClick: () => window.print() })}
        ${button({
          label: t('confirmed.cancel'),
          variant: 'secondary',
          busy: this.cancelPhase === 'cancelling',
          busyLabel: t('confirmed.cancelling'),
          onClick: () => void this.cancelBooking(),
        })}
      </div>
      <button type="button" class="link-button" @click=${() => this.newSearch()}>${t('confirmed.another')}</button>`;
  }

  private renderCancelled(): TemplateResult {
    const booking = this.confirmation;
    const { t } = this.locale;
    return html`<div class="panel" part="panel" tabindex="-1">
        <div class="heading-l" role="heading" aria-level=${this.level}>${t('cancelled.title')}</div>
        ${booking ? html`<p>${t('cancelled.body', { hub: booking.hub.name, time: this.sessionTime(booking.session) })}</p>` : nothing}
      </div>
      <button type="button" class="link-button" @click=${() => this.newSearch()}>${t('confirmed.another')}</button>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-hub-select': CustomEvent<HubSelectDetail>;
    'cls-booking-complete': CustomEvent<BookingCompleteDetail>;
    'cls-booking-cancel': CustomEvent<BookingCancelDetail>;
  }
}
