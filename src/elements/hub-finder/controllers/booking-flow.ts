import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, isAbort } from '../../../client/errors.ts';
import { BOOKING_NOTES_MAX, BookingCancelled, BookingCreated, BookingDetails, BookingInput, ManagedReference, WaitingPlace, isWaitingPlace } from '../../../contract/bookings.ts';
import type { Hub } from '../../../contract/directory.ts';
import type { Session } from '../../../contract/places.ts';
import { fieldErrors, type FieldError } from '../../../core/field-errors.ts';
import { bookingFieldErrors, nextAvailable } from '../../../core/hub-finder.ts';
import { waitingListOpen } from '../../../core/waiting-list.ts';
import { firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { FormErrors } from '../../base/form-errors.ts';
import type * as BookingViews from '../views/booking.ts';
import type { BookingChange, BookingForm, Confirmation, ConfirmationContext } from '../views/booking.ts';
import type { WaitingContext, WaitingState } from '../views/waiting.ts';
import type { FinderHost } from './finder-host.ts';
import { PageCode } from './page-code.ts';

/** Form fields (as errors name them) → the id of the input an error summary link focuses (here, not in the view, which loads on demand). */
const BOOKING_ERROR_TARGETS: Readonly<Record<string, string>> = {
  name: 'name',
  'contact.method': firstChoiceId('contact-method'),
  'contact.phone': 'phone',
  'contact.email': 'email',
  notes: 'notes',
  consent: firstChoiceId('consent'),
};

export interface BookingFlowOptions extends FinderHost {
  /** The hub's listed sessions, for offering the next one with places when the chosen one is full. */
  sessions: (hubId: string) => readonly Session[];
  /** Opens the form for another session (the next one with places, offered when one is full). */
  book: (session: Session) => void;
  /** A booking was made (the finder tells the page). */
  booked: (created: BookingCreated) => void;
  /** A booking was cancelled (the finder tells the page). */
  cancelled: (reference: string) => void;
  /** Someone joined a session's waiting list (the finder tells the page). */
  joined: (place: WaitingPlace) => void;
}

/**
 * Booking a place at a session and what follows: the form (kept when the
 * resident goes back and picks another time), sending it once however
 * often it is retried, the confirmation, and cancelling from it. A booking
 * found or moved by "manage a booking" is shown on the same confirmation.
 * The pages' code (and the calendar file's) loads when the first is opened.
 */
export class BookingFlow implements ReactiveController {
  readonly errors: FormErrors;
  private readonly code: PageCode<typeof BookingViews>;
  private current: BookingForm | undefined;
  private made: Confirmation | undefined;
  private place: WaitingState | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly finder: BookingFlowOptions,
  ) {
    host.addController(this);
    this.errors = new FormErrors(host, {
      locale: finder.locale,
      focus: finder.focus,
      target: (field) => BOOKING_ERROR_TARGETS[field] ?? 'name',
      params: () => ({ max: finder.locale.number(BOOKING_NOTES_MAX) }),
      prefix: 'booking.errors',
    });
    this.code = new PageCode(host, () => import('../views/booking.ts'), finder.focus);
  }

  hostConnected(): void {}

  /** The pages' code while it loads, if it is loading. */
  get loading(): Promise<boolean> | undefined {
    return this.code.loading;
  }

  /** Starts loading the pages' code, for a booking about to be shown (from a manage link). */
  prepare(): void {
    this.code.load();
  }

  /** The form being filled in, if any. */
  get form(): BookingForm | undefined {
    return this.current;
  }

  /** The booking on the confirmation (or cancelled) page, if any. */
  get confirmation(): Confirmation | undefined {
    return this.made;
  }

  private set form(form: BookingForm | undefined) {
    this.current = form;
    this.host.requestUpdate();
  }

  private set confirmation(confirmation: Confirmation | undefined) {
    this.made = confirmation;
    this.host.requestUpdate();
  }

  /** The waiting-list place on screen, if any. */
  get waiting(): WaitingState | undefined {
    return this.place;
  }

  private set waiting(state: WaitingState | undefined) {
    this.place = state;
    this.host.requestUpdate();
  }

  /** Opens the form for `session` at `hub`: to book a place, or (`waiting`) to join its waiting list. */
  start(session: Session, hub: Hub, waiting = false): void {
    const previous = this.form;
    // Someone who goes back and picks another time keeps what they typed.
    this.form = {
      session,
      hub,
      name: previous?.name ?? '',
      method: previous?.method,
      phone: previous?.phone ?? '',
      email: previous?.email ?? '',
      notes: previous?.notes ?? '',
      consent: previous?.consent ?? false,
      waiting,
      phase: { state: 'editing' },
    };
    this.errors.clear();
    this.finder.show('booking', '#booking-heading');
    this.code.load(() => this.finder.focus('#booking-heading'));
  }

  change(change: BookingChange): void {
    if (!this.form) return;
    this.form = { ...this.form, ...change };
    for (const key of Object.keys(change)) {
      this.errors.clear(key === 'phone' || key === 'email' ? `contact.${key}` : key === 'method' ? 'contact.method' : key);
    }
  }

  /** Switches the form between booking and joining the waiting list; what was typed stays. */
  setWaiting(waiting: boolean): void {
    if (!this.form) return;
    this.form = { ...this.form, waiting, phase: { state: 'editing' } };
    this.finder.focus('#booking-heading');
  }

  /** Validate, then book. Safe to call again after a failure: the same answers reuse the same Idempotency-Key, so a retry never books twice. */
  async submit(): Promise<void> {
    const form = this.form;
    // A full session is not offered again: the resident chooses another time, or to wait for a place.
    if (!form || form.phase.state === 'submitting' || form.phase.state === 'full') return;
    const input = {
      sessionId: form.session.id,
      name: form.name,
      contact: form.method ? { method: form.method, value: form.method === 'phone' ? form.phone : form.email } : undefined,
      notes: form.notes,
      consent: form.consent ? (true as const) : undefined,
      lang: this.finder.locale.lang,
    };
    const parsed = BookingInput.safeParse(input);
    if (!parsed.success) {
      this.form = { ...form, phase: { state: 'editing' } };
      this.errors.show(bookingFieldErrors(fieldErrors(parsed.error.issues, input), form.method));
      return;
    }
    this.errors.clear();
    this.form = { ...form, phase: { state: 'submitting' } };
    try {
      if (form.waiting) {
        // A retry after the place was offered and taken (on another device) answers the booking.
        const place = await this.finder.api.submit('waiting-list', parsed.data, ManagedReference);
        this.form = undefined;
        if (!isWaitingPlace(place)) {
          this.showManaged(place, 'managed');
          return;
        }
        this.showWaiting(place, 'new');
        this.finder.announce(this.finder.locale.t('status.waiting', { reference: place.reference }));
        this.finder.joined(place);
        return;
      }
      const created = await this.finder.api.submit('bookings', parsed.data, BookingCreated);
      this.confirmation = { booking: created, cancel: 'idle', source: 'new' };
      this.finder.applySession(created.session);
      this.form = undefined;
      this.finder.show('confirmed', '.panel');
      this.finder.announce(this.finder.locale.t('status.booked', { reference: created.reference }));
      this.finder.booked(created);
    } catch (error) {
      const current = this.form ?? form;
      // The element left the page mid-send: the form is as it was, to send again (under the same key).
      if (isAbort(error)) {
        this.form = { ...current, phase: { state: 'editing' } };
        return;
      }
      const failure = ApiError.from(error);
      if (failure.code === 'validation-failed' && failure.fieldIssues.length) {
        const errors = failure.fieldIssues.map((issue) => ({ field: issue.path, code: issue.code as FieldError['code'] }));
        this.form = { ...current, phase: { state: 'editing' } };
        this.errors.show(bookingFieldErrors(errors, form.method));
        return;
      }
      if (failure.code === 'session-has-places') {
        // The list said "Full": it has places again (how many is not known here).
        const { remaining: _unknown, ...session } = form.session;
        this.finder.applySession(session);
        this.form = { ...current, session, phase: { state: 'has-places' } };
      } else if (failure.code === 'waiting-list-closed') {
        this.form = { ...current, phase: { state: 'list-closed' } };
      } else if (failure.code === 'session-full') {
        this.finder.applySession({ ...form.session, remaining: 0 });
        this.form = { ...current, phase: { state: 'full' } };
      } else if (failure.code === 'session-past') {
        this.form = { ...current, phase: { state: 'past' } };
      } else {
        this.form = { ...current, phase: { state: 'failed', failure } };
      }
      this.finder.focus('.notification');
    }
  }

  /** A booking found (by link or by reference and contact), or just moved: the confirmation page, or "cancelled". */
  show(booking: BookingDetails, source: 'managed' | 'moved'): void {
    this.confirmation = { booking, cancel: 'idle', source };
    if (booking.status === 'cancelled') {
      this.finder.show('cancelled', '.panel');
    } else {
      this.finder.show('confirmed', '.panel');
      if (source === 'moved') this.finder.announce(this.finder.locale.t('status.moved', { reference: booking.reference }));
    }
    this.code.load(() => this.finder.focus('.panel'));
  }

  /** A waiting-list place just joined, or opened to manage: its page. */
  showWaiting(place: WaitingPlace, source: WaitingState['source']): void {
    this.waiting = { place, leave: 'idle', accept: 'idle', source };
    this.finder.show('waiting', '.panel');
    this.code.load(() => this.finder.focus('.panel'));
  }

  /** A booking or waiting-list place opened by its manage link or reference. */
  showManaged(managed: ManagedReference, source: 'managed' | 'moved'): void {
    if (isWaitingPlace(managed)) this.showWaiting(managed, 'managed');
    else this.show(managed, source);
  }

  /** "Leave the waiting list" or "No thanks": asks to confirm. */
  askToLeaveList(): void {
    if (!this.waiting) return;
    this.waiting = { ...this.waiting, leave: 'confirming' };
    this.finder.focus('#leave-check-heading');
  }

  /** "No, stay on the list". */
  stayOnList(): void {
    if (this.waiting) this.waiting = { ...this.waiting, leave: 'idle' };
    this.finder.focus('.panel');
  }

  /** "Yes, leave the waiting list". */
  async leaveList(): Promise<void> {
    const state = this.waiting;
    if (!state || state.leave === 'leaving') return;
    this.waiting = { ...state, leave: 'leaving' };
    const { place } = state;
    try {
      const left = await this.finder.api.delete(`waiting-list/${encodeURIComponent(place.reference)}`, WaitingPlace, { query: { key: place.manageKey } });
      this.waiting = { ...state, place: left, leave: 'idle' };
      this.finder.focus('.panel');
      this.finder.announce(this.finder.locale.t('status.left'));
    } catch (error) {
      if (isAbort(error)) {
        this.waiting = { ...state, leave: 'idle' };
        return;
      }
      // Taken on another device meanwhile: it is a booking now, shown as one.
      const failure = ApiError.from(error);
      if (failure.code === 'place-booked' && (await this.reload(place))) return;
      this.waiting = { ...state, leave: 'failed', failure };
      this.finder.focus('.notification');
    }
  }

  /** "Book this place": the offered place becomes a booking with the same reference. */
  async acceptOffer(): Promise<void> {
    const state = this.waiting;
    if (!state || state.accept === 'accepting') return;
    // A failed leave's message goes: the page is about this attempt now.
    this.waiting = { ...state, leave: 'idle', accept: 'accepting' };
    const { place } = state;
    try {
      const booking = await this.finder.api.submit(`waiting-list/${encodeURIComponent(place.reference)}/accept`, { key: place.manageKey }, BookingDetails);
      this.waiting = undefined;
      this.confirmation = { booking, cancel: 'idle', source: 'new' };
      this.finder.applySession(booking.session);
      this.finder.show('confirmed', '.panel');
      this.finder.announce(this.finder.locale.t('status.booked', { reference: booking.reference }));
      this.finder.booked(booking);
    } catch (error) {
      if (isAbort(error)) {
        this.waiting = { ...state, accept: 'idle' };
        return;
      }
      const failure = ApiError.from(error);
      // The offer ended meanwhile (or was taken on another device): show the place as it stands now.
      if ((failure.code === 'offer-expired' || failure.code === 'no-offer') && (await this.reload(place))) return;
      this.waiting = { ...state, leave: 'idle', accept: 'failed', failure };
      this.finder.focus('.notification');
    }
  }

  /** Shows the reference as the server has it now; false when that cannot be read either. */
  private async reload(place: WaitingPlace): Promise<boolean> {
    try {
      const now = await this.finder.api.get(`bookings/${encodeURIComponent(place.reference)}`, ManagedReference, { query: { key: place.manageKey } });
      this.showManaged(now, 'managed');
      return true;
    } catch {
      return false;
    }
  }

  /** A new search: the confirmation and waiting-list page are done with (a form half filled in is kept). */
  leave(): void {
    this.confirmation = undefined;
    this.waiting = undefined;
  }

  /** "Cancel this booking": asks to confirm. */
  askToCancel(): void {
    if (!this.confirmation) return;
    this.confirmation = { ...this.confirmation, cancel: 'confirming' };
    this.finder.focus('#cancel-check-heading');
  }

  /** "No, keep the booking". */
  keep(): void {
    if (this.confirmation) this.confirmation = { ...this.confirmation, cancel: 'idle' };
    this.finder.focus('.panel');
  }

  /** "Yes, cancel the booking". */
  async cancel(): Promise<void> {
    const confirmation = this.confirmation;
    if (!confirmation || confirmation.cancel === 'cancelling') return;
    const { booking } = confirmation;
    this.confirmation = { ...confirmation, cancel: 'cancelling' };
    try {
      await this.finder.api.delete(`bookings/${encodeURIComponent(booking.reference)}`, BookingCancelled, { query: { key: booking.manageKey } });
      const session = booking.session;
      this.finder.applySession({ ...session, ...(session.remaining === undefined ? {} : { remaining: session.remaining + 1 }) });
      this.finder.show('cancelled', '.panel');
      this.finder.announce(this.finder.locale.t('status.cancelled'));
      this.finder.cancelled(booking.reference);
    } catch (error) {
      if (isAbort(error)) {
        this.confirmation = { ...confirmation, cancel: 'idle' };
        return;
      }
      this.confirmation = { ...confirmation, cancel: 'failed', failure: ApiError.from(error) };
      this.finder.focus('.notification');
    }
  }

  /** The booking page, with the next session with places offered when the chosen one is full. */
  renderForm(): TemplateResult | typeof nothing {
    const form = this.form;
    if (!form) return nothing;
    const { locale } = this.finder;
    const headings = this.finder.headings();
    return this.code.render(locale, headings.main, (views) =>
      views.renderBooking(
        {
          locale,
          headings,
          errors: this.errors,
          notesMax: BOOKING_NOTES_MAX,
          next: form.phase.state === 'full' ? nextAvailable(this.finder.sessions(form.hub.id), form.session) : undefined,
          waitingListOpen: waitingListOpen(new Date(), new Date(form.session.start)),
          setWaiting: (waiting) => this.setWaiting(waiting),
          change: (change) => this.change(change),
          submit: () => void this.submit(),
          back: () => this.finder.show('details', '#details-heading'),
          book: (session) => this.finder.book(session),
        },
        form,
      ),
    );
  }

  /** The confirmation page of the booking made, found or moved. */
  renderConfirmed(context: ConfirmationContext): TemplateResult | typeof nothing {
    const confirmation = this.confirmation;
    if (!confirmation) return nothing;
    return this.code.render(context.locale, context.headings.main, (views) => views.renderConfirmed(context, confirmation));
  }

  /** "Booking cancelled". */
  renderCancelled(context: ConfirmationContext): TemplateResult | typeof nothing {
    return this.code.render(context.locale, context.headings.main, (views) => views.renderCancelled(context, this.confirmation));
  }

  /** The page of the waiting-list place on screen. */
  renderWaiting(context: Omit<WaitingContext, 'leave' | 'confirmLeave' | 'stay' | 'accept'>): TemplateResult | typeof nothing {
    const state = this.waiting;
    if (!state) return nothing;
    return this.code.render(context.locale, context.headings.main, (views) =>
      views.renderWaiting(
        {
          ...context,
          leave: () => this.askToLeaveList(),
          confirmLeave: () => void this.leaveList(),
          stay: () => this.stayOnList(),
          accept: () => void this.acceptOffer(),
        },
        state,
      ),
    );
  }
}
