import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, isAbort } from '../../../client/errors.ts';
import { BOOKING_NOTES_MAX, BookingCancelled, BookingCreated, BookingInput, type BookingDetails } from '../../../contract/bookings.ts';
import type { Hub } from '../../../contract/directory.ts';
import type { Session } from '../../../contract/places.ts';
import { fieldErrors, type FieldError } from '../../../core/field-errors.ts';
import { bookingFieldErrors, nextAvailable } from '../../../core/hub-finder.ts';
import { firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { FormErrors } from '../../base/form-errors.ts';
import type * as BookingViews from '../views/booking.ts';
import type { BookingChange, BookingForm, Confirmation, ConfirmationContext } from '../views/booking.ts';
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

  /** Opens the form for `session` at `hub`. */
  start(session: Session, hub: Hub): void {
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

  /** Validate, then book. Safe to call again after a failure: the same answers reuse the same Idempotency-Key, so a retry never books twice. */
  async submit(): Promise<void> {
    const form = this.form;
    // A full session is not offered again: the resident chooses another time.
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
      if (failure.code === 'session-full') {
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

  /** A new search: the confirmation is done with (a form half filled in is kept). */
  leave(): void {
    this.confirmation = undefined;
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
      this.confirmation = { ...confirmation, cancel: 'failed' };
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
}
