import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, isAbort } from '../../../client/errors.ts';
import { BookingDetails, BookingReference, ManagedReference, normaliseBookingReference, type BookingCreated } from '../../../contract/bookings.ts';
import { SessionList, type Session } from '../../../contract/places.ts';
import type { FieldError } from '../../../core/field-errors.ts';
import { MANAGE_KEY_PARAM, MANAGE_PARAM, hasPlaces } from '../../../core/hub-finder.ts';
import { hubText } from '../../../core/hubs.ts';
import { notification } from '../../../shared-ui/notification.ts';
import { spinner } from '../../../shared-ui/spinner.ts';
import { FormErrors } from '../../base/form-errors.ts';
import type * as ManageViews from '../views/manage.ts';
import type { FindBookingForm, MoveState } from '../views/manage.ts';
import type { BookingFlow } from './booking-flow.ts';
import type { FinderHost } from './finder-host.ts';
import { PageCode } from './page-code.ts';


/** How far ahead "Change the time" offers the hub's sessions. */
const MOVE_WINDOW_DAYS = 28;

/** Form fields (as errors name them) → the input an error summary link focuses. */
const FIND_ERROR_TARGETS: Readonly<Record<string, string>> = { reference: 'manage-reference', contact: 'manage-contact' };

export interface BookingManageOptions extends FinderHost {
  /** Where the booking found or moved is shown (the confirmation page). */
  flow: Pick<BookingFlow, 'confirmation' | 'show' | 'showManaged' | 'prepare'>;
  /** The page's address: the manage link is read from it and made from it. */
  href: () => string | undefined;
  /** "Back" from finding a booking: to the search. */
  back: () => void;
}

/**
 * "Manage a booking": opening one from its manage link, finding one by its
 * reference and the email address or phone number used, and moving it to
 * another session of the same hub. The booking itself is shown by the
 * confirmation page of `BookingFlow`. The finding and moving pages' code
 * loads when the first is opened.
 */
export class BookingManage implements ReactiveController {
  readonly errors: FormErrors;
  private readonly code: PageCode<typeof ManageViews>;
  private findForm: FindBookingForm | undefined;
  private moveState: MoveState | undefined;
  /** Opening the manage link failed (the key is wrong, or the network is down). */
  private linkFailure: ApiError | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly finder: BookingManageOptions,
  ) {
    host.addController(this);
    this.errors = new FormErrors(host, {
      locale: finder.locale,
      focus: finder.focus,
      target: (field) => FIND_ERROR_TARGETS[field] ?? 'manage-reference',
      prefix: 'manage.errors',
    });
    this.code = new PageCode(host, () => import('../views/manage.ts'), finder.focus);
  }

  /** The pages' code while it loads, if it is loading. */
  get loading(): Promise<boolean> | undefined {
    return this.code.loading;
  }

  hostConnected(): void {}

  private set(change: { findForm?: FindBookingForm | undefined; move?: MoveState | undefined; linkFailure?: ApiError | undefined }): void {
    if ('findForm' in change) this.findForm = change.findForm;
    if ('move' in change) this.moveState = change.move;
    if ('linkFailure' in change) this.linkFailure = change.linkFailure;
    this.host.requestUpdate();
  }

  /** A manage link (`?cls-booking=REF&key=…`) on the page opens that booking. */
  openLink(): void {
    let params: URLSearchParams;
    try {
      params = new URL(this.finder.href() ?? '').searchParams;
    } catch {
      return;
    }
    const reference = params.get(MANAGE_PARAM)?.trim().toUpperCase();
    const key = params.get(MANAGE_KEY_PARAM);
    if (!reference || !key) return;
    this.finder.show('manage-loading');
    this.set({ linkFailure: undefined });
    // The confirmation page's code comes while the booking does.
    this.finder.flow.prepare();
    void this.load(reference, key);
  }

  private async load(reference: string, key: string): Promise<void> {
    try {
      const managed = await this.finder.api.get(`bookings/${encodeURIComponent(reference)}`, ManagedReference, { query: { key } });
      this.showBooking(managed, 'managed');
    } catch (error) {
      if (isAbort(error)) return;
      this.set({ linkFailure: ApiError.from(error) });
      this.finder.focus('.notification');
    }
  }

  /** A booking, or a place on a waiting list (the same manage link and look-up open either). */
  private showBooking(managed: ManagedReference, source: 'managed' | 'moved'): void {
    this.set({ move: undefined });
    this.finder.flow.showManaged(managed, source);
  }

  /** The manage link of a booking or waiting-list place: this page, with `?cls-booking=REF&key=…`. */
  link(booking: Pick<BookingCreated, 'reference' | 'manageKey'>): string {
    const url = new URL(this.finder.href() ?? 'about:blank');
    url.hash = '';
    url.searchParams.set(MANAGE_PARAM, booking.reference);
    url.searchParams.set(MANAGE_KEY_PARAM, booking.manageKey);
    return url.href;
  }

  /** A new search: finding and moving are done with. */
  leave(): void {
    this.set({ findForm: undefined, move: undefined });
  }

  /** "Manage a booking": the form to find one. */
  startFind(): void {
    this.set({ findForm: { reference: '', contact: '', phase: { state: 'editing' } } });
    this.errors.clear();
    this.finder.show('find-booking', '#manage-heading');
    this.code.load(() => this.finder.focus('#manage-heading'));
  }

  private async find(): Promise<void> {
    const form = this.findForm;
    if (!form || form.phase.state === 'finding') return;
    const reference = normaliseBookingReference(form.reference);
    const errors: FieldError[] = [];
    if (!reference) errors.push({ field: 'reference', code: 'required' });
    else if (!BookingReference.safeParse(reference).success) errors.push({ field: 'reference', code: 'invalid' });
    if (!form.contact.trim()) errors.push({ field: 'contact', code: 'required' });
    if (errors.length) {
      this.set({ findForm: { ...form, phase: { state: 'editing' } } });
      this.errors.show(errors);
      return;
    }
    this.errors.clear();
    this.set({ findForm: { ...form, phase: { state: 'finding' } } });
    try {
      const managed = await this.finder.api.submit('bookings/lookup', { reference, contact: form.contact.trim() }, ManagedReference);
      this.set({ findForm: undefined });
      this.showBooking(managed, 'managed');
    } catch (error) {
      const current = this.findForm ?? form;
      if (isAbort(error)) {
        this.set({ findForm: { ...current, phase: { state: 'editing' } } });
        return;
      }
      const failure = ApiError.from(error);
      this.set({ findForm: { ...current, phase: failure.code === 'not-found' ? { state: 'not-found' } : { state: 'failed', failure } } });
      this.finder.focus('.notification');
    }
  }

  /** "Change the time": the hub's other sessions with places. */
  async startMove(): Promise<void> {
    const booking = this.finder.flow.confirmation?.booking;
    if (!booking) return;
    this.set({ move: { state: 'loading' } });
    this.finder.show('move', '#move-heading');
    this.code.load(() => this.finder.focus('#move-heading'));
    const from = new Date();
    const to = new Date(from.getTime() + MOVE_WINDOW_DAYS * 86_400_000);
    try {
      const { items } = await this.finder.api.get('sessions', SessionList, { query: { hub: booking.hub.id, from: from.toISOString(), to: to.toISOString() } });
      this.set({ move: { state: 'choosing', sessions: items.filter((session) => session.id !== booking.session.id && hasPlaces(session)) } });
    } catch (error) {
      if (isAbort(error)) return;
      this.set({ move: { state: 'failed', failure: ApiError.from(error) } });
    }
  }

  private async moveTo(session: Session): Promise<void> {
    const booking = this.finder.flow.confirmation?.booking;
    const move = this.moveState;
    if (!booking || move?.state !== 'choosing' || move.moving) return;
    this.set({ move: { ...move, moving: session.id, problem: undefined } });
    try {
      const moved = await this.finder.api.submit(`bookings/${encodeURIComponent(booking.reference)}/move`, { key: booking.manageKey, sessionId: session.id }, BookingDetails);
      this.finder.applySession({ ...booking.session, ...(booking.session.remaining === undefined ? {} : { remaining: booking.session.remaining + 1 }) });
      this.finder.applySession(moved.session);
      this.showBooking(moved, 'moved');
    } catch (error) {
      if (isAbort(error)) {
        this.set({ move: { ...move, moving: undefined } });
        return;
      }
      const failure = ApiError.from(error);
      const full = failure.code === 'session-full';
      this.set({
        move: {
          state: 'choosing',
          sessions: full ? move.sessions.filter((candidate) => candidate.id !== session.id) : move.sessions,
          problem: full ? 'full' : 'failed',
          failure,
        },
      });
      this.finder.focus('.notification');
    }
  }

  /** The "find your booking" page. */
  renderFind(): TemplateResult | typeof nothing {
    const form = this.findForm;
    if (!form) return nothing;
    const { locale } = this.finder;
    const headings = this.finder.headings();
    return this.code.render(locale, headings.main, (views) =>
      views.renderFindBooking(
        {
          locale,
          headings,
          errors: this.errors,
          change: (change) => {
            if (!this.findForm) return;
            this.set({ findForm: { ...this.findForm, ...change } });
            for (const field of Object.keys(change)) this.errors.clear(field);
          },
          submit: () => void this.find(),
          back: () => this.finder.back(),
        },
        form,
      ),
    );
  }

  /** "Change the time": the hub's other sessions, to move the booking to one. */
  renderMove(): TemplateResult | typeof nothing {
    const move = this.moveState;
    const confirmation = this.finder.flow.confirmation;
    if (!move || !confirmation) return nothing;
    const { locale } = this.finder;
    const headings = this.finder.headings();
    return this.code.render(locale, headings.main, (views) =>
      views.renderMove(
        {
          locale,
          headings,
          hubName: hubText(confirmation.booking.hub, locale.lang).name,
          current: confirmation.booking.session,
          move: (session) => void this.moveTo(session),
          back: () => {
            this.finder.show('confirmed', '.panel');
            this.set({ move: undefined });
          },
        },
        move,
      ),
    );
  }

  /** Opening a manage link: loading, or why it failed (with the way to find the booking instead). */
  renderLoading(): TemplateResult {
    const { t } = this.finder.locale;
    const failure = this.linkFailure;
    if (!failure) return html`<p role="status">${spinner()} ${t('manage.loading')}</p>`;
    return html`${notification({
        title: t('manage.linkFailedTitle'),
        variant: 'error',
        level: this.finder.headings().main,
        body: html`<p>${failure.code === 'not-found' ? t('manage.linkNotFound') : t(failure.messageKey)}</p>`,
      })}
      <button type="button" class="link-button" @click=${() => this.startFind()}>${t('manage.open')}</button>`;
  }
}
