import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../../client/errors.ts';
import type { WaitingPlace } from '../../../contract/bookings.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import { londonDaysBetween } from '../../../core/hub-finder.ts';
import { hubText } from '../../../core/hubs.ts';
import { formatDayOn, formatTime } from '../../../i18n/format.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { notification } from '../../../shared-ui/notification.ts';
import { sessionTimeOn } from './wording.ts';

/*
 * The hub finder's waiting-list pages: on the list (with its place in the
 * queue), a place offered (to take or turn down), and the ends: the offer
 * lapsed, left, or the list closed. The element owns the state and the
 * requests; these only render.
 */

/** A place on a waiting list on screen, and where leaving it or taking an offer is. */
export interface WaitingState {
  place: WaitingPlace;
  leave: 'idle' | 'confirming' | 'leaving' | 'failed';
  accept: 'idle' | 'accepting' | 'failed';
  /** Why leaving or taking the place failed (offline, the server down…), when it did. */
  failure?: ApiError | undefined;
  /** Just joined (the page says how an offer will come), or opened to manage. */
  source: 'new' | 'managed';
}

export interface WaitingContext {
  locale: LocaleController;
  headings: HeadingLevels;
  /** A shared screen: no manage link to keep. */
  kiosk: boolean;
  /** The manage link of the place (this page with `?cls-booking=REF&key=…`). */
  manageLink: (place: WaitingPlace) => string;
  /** "Leave the waiting list" (or "No thanks"): asks to confirm. */
  leave: () => void;
  /** "Yes, leave the waiting list". */
  confirmLeave: () => void;
  /** "No, stay on the list". */
  stay: () => void;
  /** "Book this place": takes the offer. */
  accept: () => void;
  another: () => void;
}

/** Until when an offer stands, in words: `until 14:00 today`, `until 09:30 on Friday 11 December` (`tan 09:30 ddydd Gwener 11 Rhagfyr`). */
function offerUntil(locale: LocaleController, expires: string): string {
  const end = new Date(expires);
  const time = formatTime(locale.lang, end);
  const days = londonDaysBetween(new Date(), end);
  if (days === 0) return locale.t('waiting.untilToday', { time });
  if (days === 1) return locale.t('waiting.untilTomorrow', { time });
  return locale.t('waiting.untilOn', { time, day: formatDayOn(locale.lang, end) });
}

function renderLeaveCheck(context: WaitingContext, state: WaitingState, hubName: string, time: string): TemplateResult {
  const { t } = context.locale;
  const offered = state.place.status === 'offered';
  return html`<div class="cancel-check" role="group" aria-labelledby="leave-check-heading">
    <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="leave-check-heading" tabindex="-1">
      ${t(offered ? 'waiting.declineCheck' : 'waiting.leaveCheck')}
    </div>
    <p>${t(offered ? 'waiting.declineCheckBody' : 'waiting.leaveCheckBody', { hub: hubName, time })}</p>
    <div class="button-group">
      ${button({ label: t('waiting.leaveYes'), busy: state.leave === 'leaving', busyLabel: t('waiting.leaving'), onClick: () => context.confirmLeave() })}
      ${button({ label: t(offered ? 'waiting.declineNo' : 'waiting.leaveNo'), variant: 'secondary', onClick: () => context.stay() })}
    </div>
  </div>`;
}

/** The manage link to keep, except on a shared screen. */
function renderKeepLink(context: WaitingContext, place: WaitingPlace): TemplateResult | typeof nothing {
  const { t } = context.locale;
  if (context.kiosk) return nothing;
  return html`<p class="manage-link">${t('waiting.keepLink')} <a href=${context.manageLink(place)}>${t('waiting.manageLink', { reference: place.reference })}</a></p>`;
}

/** The page of a waiting-list place, whatever its status. */
export function renderWaiting(context: WaitingContext, state: WaitingState): TemplateResult {
  const { t } = context.locale;
  const { place } = state;
  const hubName = hubText(place.hub, context.locale.lang).name;
  const time = sessionTimeOn(context.locale, place.session);
  const level = context.headings.sub;
  const choosing = state.leave === 'idle' || state.leave === 'failed';
  const failures = html`${state.leave === 'failed'
    ? notification({ title: t('waiting.leaveFailed'), variant: 'error', level, body: html`<p>${t(state.failure?.messageKey ?? 'errors.network')}</p>` })
    : nothing}
  ${state.accept === 'failed' ? notification({ title: t('waiting.acceptFailed'), variant: 'error', level, body: html`<p>${t(state.failure?.messageKey ?? 'errors.network')} ${t('waiting.stillHeld')}</p>` }) : nothing}`;

  if (place.status === 'waiting') {
    const how =
      place.messages === 'email' ? t('waiting.tellEmail') : place.messages === 'sms' ? t('waiting.tellSms') : t(context.kiosk ? 'waiting.tellNoneKiosk' : 'waiting.tellNone');
    return html`<div class="panel" part="panel" tabindex="-1">
        <div class="heading-l" role="heading" aria-level=${context.headings.main}>${t('waiting.title')}</div>
        <p>${t('confirmed.reference')} <strong class="reference">${place.reference}</strong></p>
      </div>
      <p>${t('waiting.position', { number: context.locale.number(place.position ?? 1), hub: hubName, time })}</p>
      <div class="heading-m" role="heading" aria-level=${level}>${t('confirmed.what')}</div>
      <p>${t('waiting.next')}</p>
      <p class="messages">${how}</p>
      ${renderKeepLink(context, place)} ${failures}
      ${choosing ? html`<div class="button-group">${button({ label: t('waiting.leave'), variant: 'secondary', onClick: () => context.leave() })}</div>` : nothing}
      ${choosing ? nothing : renderLeaveCheck(context, state, hubName, time)}
      <button type="button" class="link-button" @click=${() => context.another()}>${t('confirmed.another')}</button>`;
  }

  if (place.status === 'offered') {
    const until = place.offerExpiresAt ? offerUntil(context.locale, place.offerExpiresAt) : '';
    return html`<div class="panel" part="panel" tabindex="-1">
        <div class="heading-l" role="heading" aria-level=${context.headings.main}>${t('waiting.offeredTitle')}</div>
        <p>${t('confirmed.reference')} <strong class="reference">${place.reference}</strong></p>
      </div>
      <p>${t('waiting.offered', { hub: hubName, time, until })}</p>
      <p>${t('waiting.offeredAfter')}</p>
      ${failures}
      ${choosing
        ? html`<div class="button-group">
            ${button({ label: t('waiting.accept'), busy: state.accept === 'accepting', busyLabel: t('waiting.accepting'), onClick: () => context.accept() })}
            ${state.accept === 'accepting' ? nothing : button({ label: t('waiting.decline'), variant: 'secondary', onClick: () => context.leave() })}
          </div>`
        : renderLeaveCheck(context, state, hubName, time)}
      ${renderKeepLink(context, place)}
      <button type="button" class="link-button" @click=${() => context.another()}>${t('confirmed.another')}</button>`;
  }

  const ended = place.status === 'expired' ? 'expired' : place.status === 'left' ? 'left' : 'closed';
  return html`<div class="panel panel--ended" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${context.headings.main}>${t(`waiting.${ended}Title`)}</div>
      <p>${t(`waiting.${ended}`, { hub: hubName, time })}</p>
    </div>
    <button type="button" class="link-button" @click=${() => context.another()}>${t('confirmed.another')}</button>`;
}
