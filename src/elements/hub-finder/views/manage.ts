import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../../client/errors.ts';
import type { Session } from '../../../contract/places.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { textInput } from '../../../shared-ui/field.ts';
import { notification } from '../../../shared-ui/notification.ts';
import { spinner } from '../../../shared-ui/spinner.ts';
import type { FormErrors } from '../../base/form-errors.ts';
import { sessionTime } from './wording.ts';

/*
 * "Manage a booking": finding one by its reference and the email address or
 * phone number used, and moving it to another session of the same hub. The
 * booking itself is then shown by the confirmation page (views/booking.ts).
 */

/** The "find your booking" form. */
export interface FindBookingForm {
  reference: string;
  contact: string;
  phase: { state: 'editing' } | { state: 'finding' } | { state: 'not-found' } | { state: 'failed'; failure: ApiError };
}

/** Form fields (as errors name them) → the input an error summary link focuses. */
export const FIND_ERROR_TARGETS: Readonly<Record<string, string>> = { reference: 'manage-reference', contact: 'manage-contact' };

export interface FindBookingContext {
  locale: LocaleController;
  headings: HeadingLevels;
  errors: FormErrors;
  change: (change: Partial<Pick<FindBookingForm, 'reference' | 'contact'>>) => void;
  submit: () => void;
  back: () => void;
}

export function renderFindBooking(context: FindBookingContext, form: FindBookingForm): TemplateResult {
  const { t } = context.locale;
  const { errors, headings } = context;
  const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
  const { phase } = form;
  return html`<button type="button" class="link-button back" @click=${() => context.back()}>${t('manage.back')}</button>
    <div class="heading-l" role="heading" aria-level=${headings.main} id="manage-heading" tabindex="-1">${t('manage.heading')}</div>
    <p>${t('manage.intro')}</p>
    ${errors.summary(headings.sub)}
    ${phase.state === 'not-found'
      ? notification({ title: t('manage.notFoundTitle'), variant: 'error', level: headings.sub, body: html`<p>${t('manage.notFound')}</p>` })
      : phase.state === 'failed'
        ? notification({ title: t('manage.notFoundTitle'), variant: 'error', level: headings.sub, body: html`<p>${t(phase.failure.messageKey)}</p>` })
        : nothing}
    <form novalidate @submit=${(event: Event) => {
      event.preventDefault();
      context.submit();
    }}>
      ${textInput({
        id: 'manage-reference',
        enterkeyhint: 'next',
        name: 'reference',
        label: t('manage.reference'),
        hint: t('manage.referenceHint'),
        error: errors.text('reference'),
        value: form.reference,
        autocomplete: 'off',
        messages,
        onInput: (value) => context.change({ reference: value }),
      })}
      ${textInput({
        id: 'manage-contact',
        enterkeyhint: 'go',
        name: 'contact',
        label: t('manage.contact'),
        hint: t('manage.contactHint'),
        error: errors.text('contact'),
        value: form.contact,
        autocomplete: 'email',
        messages,
        onInput: (value) => context.change({ contact: value }),
      })}
      ${button({ label: t('manage.find'), type: 'submit', busy: phase.state === 'finding', busyLabel: t('manage.finding') })}
    </form>`;
}

/** Choosing another time at the same hub. */
export type MoveState =
  | { state: 'loading' }
  | { state: 'failed'; failure: ApiError }
  | { state: 'choosing'; sessions: Session[]; moving?: string; problem?: 'full' | 'failed'; failure?: ApiError | undefined };

export interface MoveContext {
  locale: LocaleController;
  headings: HeadingLevels;
  hubName: string;
  current: Session;
  move: (session: Session) => void;
  back: () => void;
}

export function renderMove(context: MoveContext, state: MoveState): TemplateResult {
  const { t } = context.locale;
  const { headings } = context;
  return html`<button type="button" class="link-button back" @click=${() => context.back()}>${t('manage.backToBooking')}</button>
    <div class="heading-l" role="heading" aria-level=${headings.main} id="move-heading" tabindex="-1">${t('manage.moveHeading')}</div>
    <p>${t('manage.moveIntro', { hub: context.hubName, time: sessionTime(context.locale, context.current) })}</p>
    ${state.state === 'loading' ? html`<p role="status">${spinner()} ${t('manage.loadingSessions')}</p>` : nothing}
    ${state.state === 'failed'
      ? notification({ title: t('manage.moveFailed'), variant: 'error', level: headings.sub, body: html`<p>${t(state.failure.messageKey)}</p>` })
      : nothing}
    ${state.state === 'choosing' && state.problem
      ? notification({
          title: t('manage.moveFailed'),
          variant: 'error',
          level: headings.sub,
          body: html`<p>${state.problem === 'full' ? t('manage.moveFull') : t(state.failure?.messageKey ?? 'errors.network')}</p>`,
        })
      : nothing}
    ${state.state === 'choosing'
      ? state.sessions.length
        ? html`<ul class="sessions">
            ${state.sessions.map((session) => {
              const time = sessionTime(context.locale, session);
              return html`<li class="session">
                <span>${time} (${t('session.places', { count: session.remaining ?? 0 })})</span>
                <button
                  type="button"
                  class="button button--secondary"
                  part="button"
                  data-session=${session.id}
                  aria-disabled=${state.moving ? 'true' : 'false'}
                  @click=${() => {
                    if (!state.moving) context.move(session);
                  }}
                >${state.moving === session.id ? html`${spinner()}${t('manage.moving')}` : t('manage.moveTo')}<span class="visually-hidden">: ${time}</span></button>
              </li>`;
            })}
          </ul>`
        : html`<p>${t('manage.noOtherSessions')}</p>`
      : nothing}`;
}
