import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Coordinates, Hub } from '../../../contract/directory.ts';
import type { Session } from '../../../contract/places.ts';
import { filterHubs, openingStatus, sessionKind, sessionKinds, sessionWeekdays, type HubFilters, type HubResult } from '../../../core/hub-finder.ts';
import type { SessionKind } from '../../../contract/directory.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import { hubText } from '../../../core/hubs.ts';
import { WEEKDAYS, type Weekday } from '../../../core/schedule.ts';
import { waitingListOpen } from '../../../core/waiting-list.ts';
import { formatDayOn, formatTime, type DistanceUnits } from '../../../i18n/format.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { spinner } from '../../../shared-ui/spinner.ts';
import type { HubMapBackground, HubMapTiles } from '../hub-map.ts';
import { addressLine, distanceText, sessionTime } from './wording.ts';
import { telHref } from '../../../core/service-contact.ts';

/*
 * The hub finder's results (list, filters, map) and a hub's details page:
 * rendering only; the element owns the state and passes what to do.
 */

/** What the list needs from the element. */
export interface HubListContext {
  locale: LocaleController;
  units: DistanceUnits;
  /** Book buttons are offered: the API takes bookings (not only a feed is read). */
  bookingAvailable: boolean;
  openHub: (hubId: string) => void;
  book: (session: Session) => void;
  /** Opens the form to join a full session's waiting list. */
  wait: (session: Session) => void;
  /** The number to phone about a hub with no sessions listed, when the hub has none of its own (from the page's config). */
  contactPhone: string | undefined;
}

/** "Open now until 15:00", "Opens tomorrow at 10:00": from the hub's listed sessions, or undefined when none is on now or later. */
export function openingText(locale: LocaleController, sessions: readonly Session[], now: Date): { open: boolean; text: string } | undefined {
  const { t, lang } = locale;
  const status = openingStatus(sessions, now);
  if (!status) return undefined;
  if (status.state === 'open') return { open: true, text: t('badges.openUntil', { time: formatTime(lang, status.until) }) };
  const time = formatTime(lang, status.at);
  if (status.inDays === 0) return { open: false, text: t('badges.opensToday', { time }) };
  if (status.inDays === 1) return { open: false, text: t('badges.opensTomorrow', { time }) };
  return { open: false, text: t('badges.opensOn', { day: formatDayOn(lang, status.at), time }) };
}

export function renderBadges(locale: LocaleController, result: HubResult): TemplateResult {
  const { t } = locale;
  const { hub } = result;
  const opening = openingText(locale, result.sessions, new Date());
  return html`<ul class="badges">
    ${opening ? html`<li class="badge ${opening.open ? 'badge--open' : 'badge--opens'}" part="badge">${opening.text}</li>` : nothing}
    <li class="badge badge--access" part="badge">${hub.stepFree ? t('badges.stepFree') : t('badges.notStepFree')}</li>
  </ul>`;
}

/** "No sessions in the next 4 weeks. Phone the community team on 01632 960 123 to find out more": the hub's number, else the page's. */
function renderNoSessions(context: HubListContext, hub: Hub): TemplateResult {
  const { t } = context.locale;
  const phone = hub.phone ?? context.contactPhone;
  if (!phone) return html`<p class="no-sessions">${t('results.noSessionsNoPhone')}</p>`;
  return html`<p class="no-sessions">
    ${t('results.noSessionsPhoneBefore')} <a href=${telHref(phone)}>${phone}</a>${t('results.noSessionsPhoneAfter')}
  </p>`;
}

/** A session's "Book" or "Join the waiting list": `name` says which session, for a list of many. */
function sessionButton(options: { data: { session: string } | { wait: string }; label: string; name: string; onClick: () => void }): TemplateResult {
  const data = options.data;
  return html`<button
    type="button"
    class="button button--secondary"
    part="button"
    data-session=${'session' in data ? data.session : nothing}
    data-wait=${'wait' in data ? data.wait : nothing}
    aria-label=${options.name}
    @click=${options.onClick}
  >${options.label}</button>`;
}

function renderSession(context: HubListContext, session: Session, hub: Hub): TemplateResult {
  const { t } = context.locale;
  const time = sessionTime(context.locale, session);
  const bookable = session.mode === 'bookable';
  const places = bookable && session.remaining !== undefined ? session.remaining : undefined;
  // A session already under way is listed (it is on now) but can no longer be booked.
  const started = Date.parse(session.start) <= Date.now();
  const hubName = hubText(hub, context.locale.lang).name;
  return html`<li class="session">
    <span>${time} – <span class="session-kind">${t(`kinds.${sessionKind(session)}`)}</span> · <span class="session-mode">${bookable ? t('session.bookable') : t('session.dropIn')}</span>${places !== undefined && places > 0
        ? html` (${t('session.places', { count: places })})`
        : nothing}</span>
    ${bookable && context.bookingAvailable && !started
      ? places === 0
        ? html`<span class="session-action"
            ><span class="full">${t('session.full')}</span>${waitingListOpen(new Date(), new Date(session.start))
              ? sessionButton({ data: { wait: session.id }, label: t('session.wait'), name: t('session.waitLabel', { time, hub: hubName }), onClick: () => context.wait(session) })
              : nothing}</span
          >`
        : sessionButton({ data: { session: session.id }, label: t('session.book'), name: t('session.bookLabel', { time, hub: hubName }), onClick: () => context.book(session) })
      : nothing}
  </li>`;
}

/** One hub in the list: its name (a button to its details), distance, address, badges and next three sessions. */
export function renderHubItem(context: HubListContext, result: HubResult, level: number): TemplateResult {
  const { t } = context.locale;
  const { hub } = result;
  const { name } = hubText(hub, context.locale.lang);
  const upcoming = result.sessions.slice(0, 3);
  return html`<li class="hub" part="item">
    <div class="heading-m hub-name" role="heading" aria-level=${level}>
      <button type="button" class="link-button" data-hub=${hub.id} @click=${() => context.openHub(hub.id)}>${name}</button>
    </div>
    <p class="meta">${[distanceText(context.locale, result.distanceMetres, context.units), addressLine(hub.address)].filter(Boolean).join(' · ')}</p>
    ${renderBadges(context.locale, result)}
    ${upcoming.length
      ? html`<p class="visually-hidden">${t('results.nextSessions')}</p>
          <ul class="sessions">
            ${upcoming.map((session) => renderSession(context, session, hub))}
          </ul>`
      : renderNoSessions(context, hub)}
  </li>`;
}

/** A hub's own page: description, address, access, phone and every session listed. */
export function renderDetails(context: HubListContext, result: HubResult, headings: HeadingLevels, back: () => void): TemplateResult {
  const { t } = context.locale;
  const { hub } = result;
  const { name, description } = hubText(hub, context.locale.lang);
  return html`<button type="button" class="link-button back" @click=${back}>${t('details.back')}</button>
    <div class="heading-l" role="heading" aria-level=${headings.main} id="details-heading" tabindex="-1">${name}</div>
    ${description ? html`<p>${description}</p>` : nothing} ${renderBadges(context.locale, result)}
    <dl class="summary-list">
      <dt>${t('details.address')}</dt>
      <dd>${addressLine(hub.address)}${result.distanceMetres !== undefined
          ? html` (${distanceText(context.locale, result.distanceMetres, context.units)})`
          : nothing}</dd>
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
            <dd><a href=${telHref(hub.phone)}>${hub.phone}</a></dd>`
        : nothing}
    </dl>
    <div class="heading-m" role="heading" aria-level=${headings.sub}>${t('details.sessions')}</div>
    ${result.sessions.length
      ? html`<ul class="sessions">
          ${result.sessions.map((session) => renderSession(context, session, hub))}
        </ul>`
      : renderNoSessions(context, hub)}`;
}

/** Filters by day (only the days some listed session falls on), kind of session and step-free access. */
export function renderFilters(
  locale: LocaleController,
  results: readonly HubResult[],
  filters: HubFilters,
  setFilter: (change: Partial<HubFilters>) => void,
): TemplateResult {
  const { t } = locale;
  const days = sessionWeekdays(results);
  const kinds = sessionKinds(results);
  const active = Boolean(filters.day || filters.mode || filters.kind || filters.stepFree);
  return html`<div class="filters">
    <fieldset>
      <legend class="visually-hidden">${t('filters.legend')}</legend>
      <div class="form-group">
        <label class="label" for="filter-day">${t('filters.day')}</label>
        <select
          class="select"
          id="filter-day"
          @change=${(event: Event) => setFilter({ day: ((event.target as HTMLSelectElement).value || undefined) as Weekday | undefined })}
        >
          <option value="" ?selected=${!filters.day}>${t('filters.anyDay')}</option>
          ${WEEKDAYS.filter((day) => days.includes(day) || filters.day === day).map(
            (day) => html`<option value=${day} ?selected=${filters.day === day}>${t(`days.${day}`)}</option>`,
          )}
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="filter-mode">${t('filters.mode')}</label>
        <select
          class="select"
          id="filter-mode"
          @change=${(event: Event) => setFilter({ mode: ((event.target as HTMLSelectElement).value || undefined) as HubFilters['mode'] })}
        >
          <option value="" ?selected=${!filters.mode}>${t('filters.anyMode')}</option>
          <option value="drop-in" ?selected=${filters.mode === 'drop-in'}>${t('filters.dropIn')}</option>
          <option value="bookable" ?selected=${filters.mode === 'bookable'}>${t('filters.bookable')}</option>
        </select>
      </div>
      ${kinds.length > 1 || filters.kind
        ? html`<div class="form-group">
            <label class="label" for="filter-kind">${t('filters.kind')}</label>
            <select
              class="select"
              id="filter-kind"
              @change=${(event: Event) => setFilter({ kind: ((event.target as HTMLSelectElement).value || undefined) as SessionKind | undefined })}
            >
              <option value="" ?selected=${!filters.kind}>${t('filters.anyKind')}</option>
              ${(['talking-point', 'carers-clinic', 'peer-support', 'support-planning'] as const)
                .filter((kind) => kinds.includes(kind) || filters.kind === kind)
                .map((kind) => html`<option value=${kind} ?selected=${filters.kind === kind}>${t(`kinds.${kind}`)}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="form-group choice">
        <input
          type="checkbox"
          id="filter-step-free"
          .checked=${live(Boolean(filters.stepFree))}
          @change=${(event: Event) => setFilter({ stepFree: (event.target as HTMLInputElement).checked })}
        />
        <label for="filter-step-free">${t('filters.stepFree')}</label>
      </div>
      ${active ? button({ label: t('filters.clear'), variant: 'secondary', onClick: () => setFilter({ day: undefined, mode: undefined, kind: undefined, stepFree: undefined }) }) : nothing}
    </fieldset>
  </div>`;
}

/** The list last found, shown until a newer search finds another. */
export interface Found {
  /** Where it is near, in words: the place found, or "your location". */
  place: string;
  /** Where that is: the map marks it "You are here". */
  point?: Coordinates;
  results: HubResult[];
}

/** The map, loaded only when the resident first opens it. */
export type MapState = { state: 'closed' } | { state: 'loading' } | { state: 'ready' } | { state: 'failed' };

/** Loads `<cls-hub-map>` (and Leaflet with it); true once it is defined, false when it could not be loaded. */
export async function loadMap(): Promise<boolean> {
  if (customElements.get('cls-hub-map')) return true;
  try {
    await import('../hub-map.ts');
    return true;
  } catch {
    return false;
  }
}

/** What the results section needs from the element, besides the list's own. */
export interface ResultsContext extends HubListContext {
  headings: HeadingLevels;
  filters: HubFilters;
  setFilter: (change: Partial<HubFilters>) => void;
  map: MapState;
  toggleMap: () => void;
  /** The hub last chosen, highlighted on the map. */
  selectedHubId: string | undefined;
  tiles: HubMapTiles | undefined;
  /** Outline and town names to draw when there are no tiles. */
  background: HubMapBackground | undefined;
  /** A marker was chosen on the map. */
  mapSelect: (hubId: string) => void;
}

function renderMap(context: ResultsContext, shown: readonly HubResult[], found: Found): TemplateResult | typeof nothing {
  const { t } = context.locale;
  switch (context.map.state) {
    case 'closed':
      return nothing;
    case 'failed':
      return html`<p class="notification" role="status">${t('map.failed')}</p>`;
    case 'loading':
      return html`<p role="status">${spinner()} ${t('map.loading')}</p>`;
    case 'ready':
      break;
  }
  const now = new Date();
  const places = shown.map((result) => ({
    id: result.hub.id,
    name: hubText(result.hub, context.locale.lang).name,
    coordinates: result.hub.coordinates,
    detail: [distanceText(context.locale, result.distanceMetres, context.units), openingText(context.locale, result.sessions, now)?.text]
      .filter(Boolean)
      .join(' · '),
  }));
  return html`<cls-hub-map
    part="map"
    lang=${context.locale.lang}
    .places=${places}
    .selected=${context.selectedHubId}
    .tiles=${context.tiles}
    .background=${context.background}
    .here=${found.point ? { coordinates: found.point, label: found.place } : undefined}
    @cls-map-select=${(event: CustomEvent<{ id: string }>) => context.mapSelect(event.detail.id)}
  ></cls-hub-map>`;
}

/** The hubs found, nearest first: how many and near where, the filters, the map on request and the list. */
export function renderResults(context: ResultsContext, found: Found): TemplateResult {
  const { t } = context.locale;
  const { place, results } = found;
  const shown = filterHubs(results, context.filters);
  const level = context.headings.sub;
  return html`<section aria-labelledby="results-heading">
    <div class="heading-m results-heading" role="heading" aria-level=${level} id="results-heading" tabindex="-1">
      ${t('results.heading', { count: shown.length, place })}
    </div>
    ${renderFilters(context.locale, results, context.filters, context.setFilter)}
    ${shown.length
      ? html`${button({ label: context.map.state === 'closed' ? t('map.show') : t('map.hide'), variant: 'secondary', onClick: () => context.toggleMap() })}
          ${renderMap(context, shown, found)}
          <ol class="hub-list" part="list">
            ${shown.map((result) => renderHubItem(context, result, Math.min(6, level + 1)))}
          </ol>`
      : html`<p>${t('results.none', { place })}</p>`}
  </section>`;
}
