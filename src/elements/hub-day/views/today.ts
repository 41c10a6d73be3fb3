import { html, nothing, type TemplateResult } from 'lit';
import type { Day, FollowUp } from '../../../contract/staff.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { textInput } from '../../../shared-ui/field.ts';
import type { FormErrors } from '../../base/form-errors.ts';

/** Marks still waiting in the outbox, shown over what the server last said. */
export interface WaitingMarks {
  /** Booking reference → the status waiting to be sent. */
  bookings: ReadonlyMap<string, 'attended' | 'missed'>;
  /** Session id → walk-ins waiting to be sent. */
  walkIns: ReadonlyMap<string, number>;
}

export interface TodayContext {
  locale: LocaleController;
  headings: HeadingLevels;
  errors: FormErrors;
  hubName: string;
  day: Day | undefined;
  dayFailure: string | undefined;
  followUps: readonly FollowUp[] | undefined;
  followUpFailure: string | undefined;
  waiting: WaitingMarks;
  worker: string;
  changeWorker: (worker: string) => void;
  mark: (reference: string, status: 'attended' | 'missed') => void;
  walkIn: (sessionId: string) => void;
  contacted: (followUp: FollowUp) => void;
}

const time = (locale: LocaleController, iso: string) =>
  new Intl.DateTimeFormat(locale.lang === 'cy' ? 'cy-GB' : 'en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** "Today at this hub": the sessions and their bookings, then who is waiting for contact. */
export function renderToday(context: TodayContext): TemplateResult {
  const { t } = context.locale;
  return html`<section aria-labelledby="today-heading">
      <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="today-heading" tabindex="-1">${t('today.heading', { hub: context.hubName })}</div>
      <div class="heading-s" role="heading" aria-level=${Math.min(6, context.headings.sub + 1)}>${t('today.sessionsHeading')}</div>
      ${context.dayFailure ? html`<p class="error-message">${context.dayFailure}</p>` : nothing}
      ${context.day && !context.day.sessions.length ? html`<p>${t('today.noSessions')}</p>` : nothing}
      ${context.day?.sessions.map((entry) => renderSession(context, entry))}
    </section>
    ${renderFollowUps(context)}`;
}

function renderSession(context: TodayContext, entry: Day['sessions'][number]): TemplateResult {
  const { t } = context.locale;
  const session = `${time(context.locale, entry.session.start)}–${time(context.locale, entry.session.end)}`;
  const walkIns = entry.walkIns + (context.waiting.walkIns.get(entry.session.id) ?? 0);
  return html`<div class="session">
    ${entry.bookings.length
      ? html`<table>
          <caption class="heading-s">${t('today.bookingsCaption', { session })}</caption>
          <thead><tr><th scope="col">${t('today.name')}</th><th scope="col">${t('today.reference')}</th><th scope="col">${t('today.status')}</th><th scope="col">${t('today.actions')}</th></tr></thead>
          <tbody>
            ${entry.bookings.map((booking) => {
              const waiting = context.waiting.bookings.get(booking.reference);
              const status = booking.cancelled ? 'cancelled' : (waiting ?? booking.status);
              return html`<tr>
                <td>${booking.name}</td>
                <td>${booking.reference}</td>
                <td>${t(`today.states.${status}`)}${waiting ? html` (${t('today.states.waiting')})` : nothing}</td>
                <td>${booking.cancelled
                  ? nothing
                  : html`<div class="actions">
                      ${button({ label: t('today.attended', { name: booking.name }), variant: status === 'attended' ? 'primary' : 'secondary', onClick: () => context.mark(booking.reference, 'attended') })}
                      ${button({ label: t('today.missed', { name: booking.name }), variant: status === 'missed' ? 'primary' : 'secondary', onClick: () => context.mark(booking.reference, 'missed') })}
                    </div>`}</td>
              </tr>`;
            })}
          </tbody>
        </table>`
      : html`<p class="heading-s">${session}</p><p>${t('today.noBookings')}</p>`}
    <p>${t('today.walkIns', { count: walkIns })}</p>
    ${button({ label: t('today.walkIn', { session }), variant: 'secondary', onClick: () => context.walkIn(entry.session.id) })}
  </div>`;
}

function renderFollowUps(context: TodayContext): TemplateResult {
  const { t } = context.locale;
  const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
  const items = context.followUps;
  return html`<section aria-labelledby="follow-ups-heading">
    <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="follow-ups-heading">${t('followUps.heading')}</div>
    ${context.followUpFailure ? html`<p class="error-message">${context.followUpFailure}</p>` : nothing}
    ${items && !items.some((item) => !item.contacted) ? html`<p>${t('followUps.none')}</p>` : nothing}
    ${items?.length
      ? html`${textInput({
            id: 'contact-worker', name: 'worker', label: t('followUps.initials'), hint: t('followUps.initialsHint'), value: context.worker,
            widthClass: 'input--width-5', error: context.errors.text('worker'), messages, onInput: context.changeWorker,
          })}
          <ul class="items">
            ${items.map((item) => html`<li>
              ${item.urgent ? html`<span class="tag tag--urgent">${t('followUps.urgent')}</span> ` : nothing}
              <strong>${t(`followUps.kinds.${item.kind}`)} ${item.reference}</strong>
              ${item.name ? html`<br />${item.name}` : nothing}
              ${item.contact?.value && item.contact.method !== 'none' ? html`<br />${t(`followUps.contactBy.${item.contact.method}`, { value: item.contact.value })}` : nothing}
              <br />${t('followUps.sent', { date: context.locale.date(new Date(item.at)) })}
              ${item.contacted
                ? html`<p>${t('followUps.contacted', { by: item.contacted.by, date: context.locale.date(new Date(item.contacted.at)) })}</p>`
                : html`<div>${button({ label: t('followUps.markContacted', { reference: item.reference }), variant: 'secondary', onClick: () => context.contacted(item) })}</div>`}
            </li>`)}
          </ul>`
      : nothing}
  </section>`;
}
