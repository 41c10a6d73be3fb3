import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../../client/errors.ts';
import type { BookingCreated } from '../../../contract/bookings.ts';
import type { Hub } from '../../../contract/directory.ts';
import type { Session } from '../../../contract/places.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import { londonDaysBetween } from '../../../core/hub-finder.ts';
import { hubText } from '../../../core/hubs.ts';
import { bookingCalendar } from '../../../core/ics.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { characterCountMessage } from '../../../shared-ui/character-count.ts';
import { choiceGroup } from '../../../shared-ui/choice-group.ts';
import { textArea, textInput, type FieldMessages } from '../../../shared-ui/field.ts';
import { notification } from '../../../shared-ui/notification.ts';
import type { FormErrors } from '../../base/form-errors.ts';
import { addressLine, sessionTime, sessionTimeOn } from './wording.ts';
import { telHref } from '../../../core/service-contact.ts';

/*
 * The hub finder's booking pages: the form for one session, then the
 * confirmation (with calendar file and cancel) or the cancellation. The
 * element owns the state and the requests; these only render.
 */

/** Where a booking form is: being filled in, being sent, or refused. */
export type BookingPhase =
  | { state: 'editing' }
  | { state: 'submitting' }
  | { state: 'failed'; failure: ApiError }
  | { state: 'full' }
  | { state: 'past' }
  /** Joining the waiting list, but a place is free now: book it instead. */
  | { state: 'has-places' }
  /** The waiting list has closed: the session is too soon for a place to be offered. */
  | { state: 'list-closed' };

export interface BookingForm {
  session: Session;
  hub: Hub;
  name: string;
  method: 'phone' | 'email' | undefined;
  phone: string;
  email: string;
  notes: string;
  consent: boolean;
  /** Joining the session's waiting list (it is full) rather than booking a place. */
  waiting: boolean;
  phase: BookingPhase;
}

/** What the resident can change on the form. */
export type BookingChange = Partial<Pick<BookingForm, 'name' | 'method' | 'phone' | 'email' | 'notes' | 'consent'>>;

export interface BookingContext {
  locale: LocaleController;
  headings: HeadingLevels;
  errors: FormErrors;
  /**
   * The longest notes the contract accepts (`BOOKING_NOTES_MAX`). Given, not
   * imported: this module loads on demand, and a value import from the
   * contract (zod) here makes the CDN build split zod and the schedule code
   * out of its entry into a second file fetched up front.
   */
  notesMax: number;
  /** The hub's next session with places after this one, offered when this one is full. */
  next: Session | undefined;
  /** Whether the session's waiting list still takes people (offered when it is full). */
  waitingListOpen: boolean;
  /** Switches the form between booking a place and joining the waiting list, keeping the answers. */
  setWaiting: (waiting: boolean) => void;
  change: (change: BookingChange) => void;
  submit: () => void;
  back: () => void;
  book: (session: Session) => void;
}

function contactInput(context: BookingContext, form: BookingForm, method: 'phone' | 'email', messages: FieldMessages): TemplateResult {
  const { t } = context.locale;
  const phone = method === 'phone';
  return html`<div class="conditional">
    ${textInput({
      id: method,
      enterkeyhint: 'next',
      name: method,
      label: t(phone ? 'booking.phoneLabel' : 'booking.emailLabel'),
      ...(phone ? { hint: t('booking.phoneHint') } : {}),
      error: context.errors.text(`contact.${method}`),
      value: phone ? form.phone : form.email,
      type: phone ? 'tel' : 'email',
      inputmode: phone ? 'tel' : 'email',
      autocomplete: phone ? 'tel' : 'email',
      messages,
      onInput: (value) => context.change(phone ? { phone: value } : { email: value }),
    })}
  </div>`;
}

function renderProblem(context: BookingContext, form: BookingForm): TemplateResult | typeof nothing {
  const { t } = context.locale;
  const level = context.headings.sub;
  const { phase } = form;
  if (phase.state === 'failed') {
    return notification({
      title: t(form.waiting ? 'waiting.failed' : 'booking.failed'),
      variant: 'error',
      level,
      body: html`<p>${t(phase.failure.messageKey)} ${t('answersKept')}</p>
        ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => context.submit() })}`,
    });
  }
  if (phase.state === 'past') return notification({ title: t('booking.failed'), variant: 'error', level, body: html`<p>${t('booking.past')}</p>` });
  if (phase.state === 'full') {
    const next = context.next;
    const nextTime = next ? sessionTime(context.locale, next) : undefined;
    return notification({
      title: t('booking.full'),
      variant: 'error',
      level,
      body: html`${context.waitingListOpen
          ? html`<p>${t('booking.fullWait')}</p>
              ${button({ label: t('booking.joinWaiting'), variant: 'secondary', onClick: () => context.setWaiting(true) })}`
          : nothing}
        ${next && nextTime
          ? html`<p>${t('booking.fullNext', { time: nextTime })}</p>
              ${button({ label: t('booking.bookNext', { time: nextTime }), variant: 'secondary', onClick: () => context.book(next) })}`
          : html`<p>${t('booking.fullNone')}</p>`}`,
    });
  }
  if (phase.state === 'has-places') {
    return notification({
      title: t('waiting.hasPlacesTitle'),
      variant: 'info',
      level,
      body: html`<p>${t('waiting.hasPlaces')}</p>
        ${button({ label: t('booking.submit'), variant: 'secondary', onClick: () => context.setWaiting(false) })}`,
    });
  }
  if (phase.state === 'list-closed') return notification({ title: t('waiting.failed'), variant: 'error', level, body: html`<p>${t('waiting.closedJoin')}</p>` });
  return nothing;
}

/** The booking form for one session: name, how to be contacted, notes and consent. */
export function renderBooking(context: BookingContext, form: BookingForm): TemplateResult {
  const { t } = context.locale;
  const { errors, headings } = context;
  const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
  const count = characterCountMessage(context.locale, form.notes, context.notesMax);
  return html`<button type="button" class="link-button back" @click=${() => context.back()}>${t('booking.back')}</button>
    <div class="heading-l" role="heading" aria-level=${headings.main} id="booking-heading" tabindex="-1">${t(form.waiting ? 'waiting.heading' : 'booking.heading')}</div>
    <p>${t('booking.summary', { hub: hubText(form.hub, context.locale.lang).name, time: sessionTime(context.locale, form.session) })}</p>
    ${form.waiting ? html`<p>${t('waiting.intro')}</p>` : nothing}
    ${errors.summary(headings.sub)} ${renderProblem(context, form)}
    <form novalidate @submit=${(event: Event) => {
      event.preventDefault();
      context.submit();
    }}>
      ${textInput({
        id: 'name',
        enterkeyhint: 'next',
        name: 'name',
        label: t('booking.name'),
        error: errors.text('name'),
        value: form.name,
        autocomplete: 'name',
        messages,
        onInput: (value) => context.change({ name: value }),
      })}
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
        error: errors.text('contact.method'),
        messages,
        onChange: (value) => context.change({ method: value === 'phone' ? 'phone' : 'email' }),
      })}
      ${form.method ? contactInput(context, form, form.method, messages) : nothing}
      ${textArea({
        id: 'notes',
        name: 'notes',
        label: t('booking.notes'),
        hint: t('booking.notesHint'),
        optional: true,
        value: form.notes,
        rows: 3,
        error: errors.text('notes'),
        count: { text: count.text, over: count.over },
        messages,
        onInput: (value) => context.change({ notes: value }),
      })}
      ${choiceGroup({
        id: 'consent',
        name: 'consent',
        legend: t('booking.consentLegend'),
        multiple: true,
        choices: [{ value: 'yes', label: t('booking.consent') }],
        value: form.consent ? ['yes'] : [],
        error: errors.text('consent'),
        messages,
        onChange: (_value, checked) => context.change({ consent: checked }),
      })}
      ${form.phase.state === 'full' || form.phase.state === 'has-places' || form.phase.state === 'list-closed'
        ? nothing
        : button({
            label: t(form.waiting ? 'waiting.submit' : 'booking.submit'),
            type: 'submit',
            busy: form.phase.state === 'submitting',
            busyLabel: t(form.waiting ? 'waiting.sending' : 'booking.sending'),
          })}
    </form>`;
}

/** A booking made: its reference, and where cancelling it is: asked to confirm, under way or failed. */
export interface Confirmation {
  booking: BookingCreated;
  cancel: 'idle' | 'confirming' | 'cancelling' | 'failed';
  /** Why cancelling failed (offline, the server down…), when it did. */
  failure?: ApiError | undefined;
  /** Just booked, opened to manage (link or reference), or just moved: the page's title says which. */
  source: 'new' | 'managed' | 'moved';
}

export interface ConfirmationContext {
  locale: LocaleController;
  headings: HeadingLevels;
  /** A shared screen: no calendar file to download. */
  kiosk: boolean;
  /** "Cancel this booking": asks to confirm. */
  cancel: () => void;
  /** "Yes, cancel the booking". */
  confirmCancel: () => void;
  /** "No, keep the booking". */
  keep: () => void;
  another: () => void;
  /** "Change the time" (moving to another session of the hub); undefined where bookings are not taken. */
  change: (() => void) | undefined;
  /** The manage link of a booking (this page with `?cls-booking=REF&key=…`). */
  manageLink: (booking: BookingCreated) => string;
  /** The page's directions URL template (`directionsUrl`), if any. */
  directionsUrl: string | undefined;
}

/** The directions link for a hub from the page's template, or undefined (no template, or not an http(s) URL). */
export function directionsLink(template: string | undefined, hub: BookingCreated['hub']): string | undefined {
  if (!template) return undefined;
  const values: Record<string, string> = {
    lat: hub.coordinates ? String(hub.coordinates.lat) : '',
    lng: hub.coordinates ? String(hub.coordinates.lng) : '',
    postcode: hub.address.postcode ?? '',
    address: [hub.name, addressLine(hub.address)].filter(Boolean).join(', '),
  };
  const href = template.replace(/\{(lat|lng|postcode|address)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  try {
    return /^https?:$/.test(new URL(href).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/** The step before cancelling: a resident who pressed Cancel by mistake keeps the place. */
function renderCancelCheck(context: ConfirmationContext, confirmation: Confirmation, time: string, hubName: string): TemplateResult {
  const { t } = context.locale;
  return html`<div class="cancel-check" role="group" aria-labelledby="cancel-check-heading">
    <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="cancel-check-heading" tabindex="-1">${t('confirmed.cancelCheck')}</div>
    <p>${t('confirmed.cancelCheckBody', { hub: hubName, time })}</p>
    <div class="button-group">
      ${button({
        label: t('confirmed.cancelYes'),
        busy: confirmation.cancel === 'cancelling',
        busyLabel: t('confirmed.cancelling'),
        onClick: () => context.confirmCancel(),
      })}
      ${button({ label: t('confirmed.cancelNo'), variant: 'secondary', onClick: () => context.keep() })}
    </div>
  </div>`;
}

/**
 * The booking's calendar file: the reference, the hub's phone and address
 * and the manage link in it; `cancel` for the file that removes it again
 * (same UID, METHOD:CANCEL). A moved booking's file has a higher SEQUENCE.
 */
export function calendarFile(context: ConfirmationContext, booking: BookingCreated, kind: 'publish' | 'cancel', source: Confirmation['source']): string {
  const { t } = context.locale;
  const time = sessionTimeOn(context.locale, booking.session);
  const hubName = hubText(booking.hub, context.locale.lang).name;
  const manageLink = context.manageLink(booking);
  return bookingCalendar({
    reference: booking.reference,
    title: hubName,
    kind,
    sequence: (kind === 'cancel' ? 2 : 0) + (source === 'moved' ? 1 : 0),
    description: [
      kind === 'cancel' ? t('cancelled.body', { hub: hubName, time }) : t('confirmed.body', { hub: hubName, time }),
      `${t('confirmed.reference')} ${booking.reference}`,
      ...(booking.hub.phone ? [`${t('details.phone')}: ${booking.hub.phone}`] : []),
      ...(context.kiosk ? [] : [`${t('confirmed.calendarManage')} ${manageLink}`]),
    ].join('\n'),
    url: context.kiosk ? undefined : manageLink,
    location: [hubName, booking.hub.address.line1, booking.hub.address.city, booking.hub.address.postcode].filter(Boolean).join(', '),
    start: new Date(booking.session.start),
    end: new Date(booking.session.end),
  });
}

/** "Booking confirmed": the reference, what happens next, a calendar file, print and cancel. */
export function renderConfirmed(context: ConfirmationContext, confirmation: Confirmation): TemplateResult {
  const { t } = context.locale;
  const { booking } = confirmation;
  const time = sessionTimeOn(context.locale, booking.session);
  const hubName = hubText(booking.hub, context.locale.lang).name;
  const manageLink = context.manageLink(booking);
  const calendar = calendarFile(context, booking, 'publish', confirmation.source);
  const days = londonDaysBetween(new Date(), new Date(booking.session.start));
  const title = confirmation.source === 'moved' ? t('confirmed.movedTitle') : confirmation.source === 'managed' ? t('confirmed.managedTitle') : t('confirmed.title');
  const phone = booking.hub.phone;
  const directions = directionsLink(context.directionsUrl, booking.hub);
  return html`<div class="panel" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${context.headings.main}>${title}</div>
      <p>${t('confirmed.reference')} <strong class="reference">${booking.reference}</strong></p>
    </div>
    ${confirmation.source === 'new'
      ? html`<p class="messages">${booking.messages === 'email' ? t('confirmed.sentEmail') : booking.messages === 'sms' ? t('confirmed.sentSms') : t('confirmed.noMessages')}</p>`
      : nothing}
    <div class="heading-m" role="heading" aria-level=${context.headings.sub}>${t('confirmed.what')}</div>
    ${days === 0 || days === 1 ? html`<p class="when"><strong>${t(days === 0 ? 'confirmed.today' : 'confirmed.tomorrow')}</strong></p>` : nothing}
    <p>${t('confirmed.body', { hub: hubName, time })}</p>
    <dl class="summary-list">
      <dt>${t('details.address')}</dt>
      <dd>${[hubName, addressLine(booking.hub.address)].filter(Boolean).join(', ')}</dd>
      ${phone
        ? html`<dt>${t('details.phone')}</dt>
            <dd><a href=${telHref(phone)}>${phone}</a></dd>`
        : nothing}
    </dl>
    ${directions ? html`<p><a href=${directions} rel="noopener noreferrer">${t('confirmed.directions', { hub: hubName })}</a></p>` : nothing}
    ${context.kiosk
      ? nothing
      : html`<p class="manage-link">${t('confirmed.keepLink')} <a href=${manageLink}>${t('confirmed.manageLink', { reference: booking.reference })}</a></p>`}
    ${confirmation.cancel === 'failed'
      ? notification({ title: t('confirmed.cancelFailed'), variant: 'error', level: context.headings.sub, body: html`<p>${t(confirmation.failure?.messageKey ?? 'errors.network')}</p>` })
      : nothing}
    <div class="button-group">
      ${context.kiosk
        ? nothing
        : html`<a class="button button--secondary" part="button" href="data:text/calendar;charset=utf-8,${encodeURIComponent(calendar)}" download="booking-${booking.reference}.ics"
            >${t('confirmed.calendar')}</a
          >`}
      ${button({ label: t('confirmed.print'), variant: 'secondary', onClick: () => window.print() })}
      ${context.change && (confirmation.cancel === 'idle' || confirmation.cancel === 'failed')
        ? button({ label: t('confirmed.change'), variant: 'secondary', onClick: () => context.change?.() })
        : nothing}
      ${confirmation.cancel === 'idle' || confirmation.cancel === 'failed'
        ? button({ label: t('confirmed.cancel'), variant: 'secondary', onClick: () => context.cancel() })
        : nothing}
    </div>
    ${confirmation.cancel === 'confirming' || confirmation.cancel === 'cancelling' ? renderCancelCheck(context, confirmation, time, hubName) : nothing}
    <button type="button" class="link-button" @click=${() => context.another()}>${t('confirmed.another')}</button>`;
}

/** "Booking cancelled", and a way back to the search. */
export function renderCancelled(context: ConfirmationContext, confirmation: Confirmation | undefined): TemplateResult {
  const { t } = context.locale;
  const booking = confirmation?.booking;
  return html`<div class="panel" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${context.headings.main}>${t('cancelled.title')}</div>
      ${booking ? html`<p>${t('cancelled.body', { hub: hubText(booking.hub, context.locale.lang).name, time: sessionTimeOn(context.locale, booking.session) })}</p>` : nothing}
    </div>
    ${booking && !context.kiosk
      ? html`<p>${t('cancelled.calendarHint')}</p>
          <p>
            <a
              class="button button--secondary"
              part="button"
              href="data:text/calendar;charset=utf-8,${encodeURIComponent(calendarFile(context, booking, 'cancel', confirmation.source))}"
              download="booking-${booking.reference}-cancelled.ics"
              >${t('cancelled.calendar')}</a
            >
          </p>`
      : nothing}
    <button type="button" class="link-button" @click=${() => context.another()}>${t('confirmed.another')}</button>`;
}

// The waiting-list pages load with these (one file on demand).
export { renderWaiting } from './waiting.ts';
