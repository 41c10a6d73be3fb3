import { html, nothing, type TemplateResult } from 'lit';
import type { Coordinates, Service } from '../../contract/directory.ts';
import { distanceMetres } from '../../core/geo.ts';
import { isOpenNow } from '../../core/schedule.ts';
import { highlightRanges } from '../../core/search.ts';
import { cellId, type WheelRing, type WheelSegment } from '../../core/wheel.ts';
import { recordChecked } from '../../core/wheel-checked.ts';
import { formatDistance, formatMonth } from '../../i18n/format.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';
import { describeSchedule } from '../../i18n/schedule-text.ts';
import { button } from '../../shared-ui/button.ts';
import { labelOf } from './wheel-svg.ts';

/** How many resources a list shows at a time. */
export const PAGE = 20;

/** `text` with what the query matched in `<mark>`, as text nodes (never innerHTML). */
export function highlighted(text: string, query: string): TemplateResult | string {
  const trimmed = query.trim();
  if (!trimmed) return text;
  const ranges = highlightRanges(text, trimmed);
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

/** "1.2 miles away" from the "near" place to the service's nearest location, when both are known. */
export function distanceText(locale: LocaleController, service: Service, near: Coordinates | undefined): string | undefined {
  if (!near) return undefined;
  const metres = Math.min(...service.locations.flatMap((location) => (location.coordinates ? [distanceMetres(near, location.coordinates)] : [])));
  return Number.isFinite(metres) ? locale.t('resource.away', { distance: formatDistance(locale.lang, metres, 'miles') }) : undefined;
}

/** A line saying "Checked in March 2026", flagged when that was over a year ago; nothing when the feed does not say. */
export function checkedLine(locale: LocaleController, service: Service, now: Date): TemplateResult | typeof nothing {
  const check = recordChecked(service, now);
  if (!check) return nothing;
  return html`<p class="service-meta checked" data-checked=${check.stale ? 'stale' : 'recent'}>
    ${locale.t('resource.checked', { month: formatMonth(locale.lang, check.on) })}${check.stale
      ? html` <strong class="tag tag--stale">${locale.t('resource.stale')}</strong>`
      : nothing}
  </p>`;
}

/** The flag alone, for the compact list view: only on a record not checked for over a year. */
function staleFlag(locale: LocaleController, service: Service, now: Date): TemplateResult | typeof nothing {
  return recordChecked(service, now)?.stale ? html` <strong class="tag tag--stale" data-checked="stale">${locale.t('resource.stale')}</strong>` : nothing;
}

/** The selector that finds a resource's button again, to return focus to it. */
export const serviceSelector = (id: string) => `[data-service="${CSS.escape(id)}"]`;

/** What every list needs. */
export interface ListContext {
  locale: LocaleController;
  /** What was searched for, to mark in names and descriptions. */
  query: string;
  /** Where "near" measures from, for distances. */
  near: Coordinates | undefined;
  /** Open a resource's details; `from` finds the button to return focus to. */
  onOpen: (id: string, from: string) => void;
}

const openButton = (context: ListContext, service: Service) =>
  html`<button type="button" class="link-button" data-service=${service.id} @click=${() => context.onOpen(service.id, serviceSelector(service.id))}>
    ${highlighted(service.name, context.query)}
  </button>`;

/** A heading and a page of resources, each with its organisation, description, tags, next session and distance; "Show more" below. */
export function serviceList(
  context: ListContext,
  list: { services: readonly Service[]; total: number; level: number; heading: string; onMore: () => void },
): TemplateResult {
  const { locale, query } = context;
  const { t } = locale;
  const now = new Date();
  const { services, total } = list;
  return html`<div class="heading-m" role="heading" aria-level=${list.level} id="cell-heading" tabindex="-1">${list.heading}</div>
    ${total === 0
      ? html`<p>${t('results.none')}</p>`
      : html`<ul class="services" part="list">
            ${services.map((service) => {
              const when = service.schedules.map((schedule) => describeSchedule(schedule, locale.lang)).find(Boolean);
              return html`<li class="service">
                ${openButton(context, service)}
                ${service.organization ? html`<p class="service-meta">${service.organization.name}</p>` : nothing}
                ${service.description ? html`<p class="service-meta">${highlighted(service.description.length > 160 ? `${service.description.slice(0, 157)}…` : service.description, query)}</p>` : nothing}
                <p class="service-meta">
                  ${service.free ? html`<span class="tag">${t('resource.free')}</span>` : nothing}
                  ${isOpenNow(service.schedules, now) ? html`<span class="tag tag--open">${t('resource.open')}</span>` : nothing}
                  ${[when, distanceText(locale, service, context.near)].filter(Boolean).join(' · ')}
                </p>
                ${checkedLine(locale, service, now)}
              </li>`;
            })}
          </ul>
          ${total > services.length
            ? button({ label: t('results.more', { count: Math.min(PAGE, total - services.length) }), variant: 'secondary', onClick: list.onMore })
            : nothing}`}`;
}

/**
 * The same content as the wheel, as nested headings and lists: the
 * screen-reader-friendly primary alternative. Segments at `level`, their
 * rings one below. Each group shows `shownIn` of its resources with
 * "Show more" below, so every resource is reachable however many a group holds.
 */
export function listView(
  context: ListContext,
  wheel: {
    rings: readonly WheelRing[];
    segments: readonly WheelSegment[];
    level: number;
    servicesIn: (ring: WheelRing, segment: WheelSegment) => readonly Service[];
    /** How many of a group's resources are shown, by `cellId`. */
    shownIn: (cell: string) => number;
    /** Show the next page of a group. */
    onMore: (cell: string) => void;
  },
): TemplateResult {
  const { lang, t } = context.locale;
  const now = new Date();
  return html`<div class="list-view">
    ${wheel.segments.map((segment) => {
      const groups = wheel.rings
        .map((ring) => ({ ring, cell: cellId(ring.id, segment.id), services: wheel.servicesIn(ring, segment) }))
        .filter((group) => group.services.length);
      if (!groups.length) return nothing;
      return html`<section>
        <div class="heading-m" role="heading" aria-level=${wheel.level}>${labelOf(segment, lang)}</div>
        ${groups.map((group) => {
          const shown = wheel.shownIn(group.cell);
          const rest = group.services.length - shown;
          return html`<div class="group" data-group=${group.cell}>
            <div class="body-s" role="heading" aria-level=${Math.min(6, wheel.level + 1)}><strong>${labelOf(group.ring, lang)}</strong> (${group.services.length})</div>
            <ul class="services" part="list">
              ${group.services.slice(0, shown).map((service) => html`<li class="service">${openButton(context, service)}${staleFlag(context.locale, service, now)}</li>`)}
            </ul>
            ${rest > 0
              ? html`<button type="button" class="link-button more" part="button" @click=${() => wheel.onMore(group.cell)}>
                  ${t('results.moreIn', { count: Math.min(PAGE, rest), segment: labelOf(segment, lang), ring: labelOf(group.ring, lang) })}
                </button>`
              : nothing}
          </div>`;
        })}
      </section>`;
    })}
  </div>`;
}
