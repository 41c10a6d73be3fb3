import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, isAbort } from '../../client/errors.ts';
import { HubList } from '../../contract/places.ts';
import {
  ContactRecorded,
  Day,
  FollowUpList,
  StaffMe,
  Visit,
  VisitDeleted,
  VisitInput,
  VisitList,
  WHAT_MATTERS_MAX,
  type AttendanceInput,
  type FollowUp,
} from '../../contract/staff.ts';
import { fieldErrors } from '../../core/field-errors.ts';
import type { FlushReport } from '../../core/outbox.ts';
import { blankDraft, draftOfVisit, draftToInput, nextDraft, type VisitDraft } from '../../core/visit-draft.ts';
import { visitConfig, type VisitConfig } from '../../core/visits.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import { FormErrors } from '../base/form-errors.ts';
import { hubDayMessages } from './hub-day.locales.ts';
import { hubDayStyles } from './hub-day.styles.ts';
import { localDeviceStorage, sessionDeviceStorage } from '../../core/device-store.ts';
import { forgetStaffToken, keepStaffToken, readStaffToken } from '../../core/staff-session.ts';
import { OutboxController } from './outbox-controller.ts';
import { renderRecent } from './views/recent.ts';
import { renderSignIn, type SignedOutReason } from './views/sign-in.ts';
import { renderToday } from './views/today.ts';
import { renderVisitForm, VISIT_ERROR_TARGETS } from './views/visit-form.ts';

const localizer = createLocalizer(
  { en: hubDayMessages, cy: () => import('./hub-day.locales.cy.ts').then((module) => module.hubDayMessagesCy) },
  'hubDay',
);

/** Session storage key of the staff token, shared with `<cls-impact>` so one sign-in serves both. Never local storage. */
export { STAFF_TOKEN_KEY as TOKEN_KEY } from '../../core/staff-session.ts';
/** Local storage key of the last hub used: not a secret, and it should outlive the tab. */
export const HUB_KEY = 'cls-hub-day-hub';

type View = 'today' | 'record' | 'recent';
type Notice = { title: string; body?: string; variant?: 'info' | 'error' };

/** `detail` of `cls-hub-day-sync`: counts only, no personal data. */
export interface HubDaySyncDetail {
  sent: number;
  waiting: number;
}


/**
 * A hub worker's day on a tablet with bad signal: sign in with a staff token,
 * see today's sessions and bookings (mark attended or did not come, add a
 * walk-in), contact people waiting after a self-assessment or a missed
 * booking, record a conversation in under a minute, and correct one for 24
 * hours. Visits and attendance marks are kept in IndexedDB until sent, each
 * under its own Idempotency-Key, so each is stored exactly once however the
 * connection behaves, and none is lost if the tab is closed offline.
 *
 * @summary A hub worker's day: sessions, follow-ups, conversations, offline.
 * @tag cls-hub-day
 *
 * @fires {CustomEvent<HubDaySyncDetail>} cls-hub-day-sync - Records kept on the device were sent. `detail` has counts only.
 *
 * @csspart base - The outer wrapper.
 * @csspart form - Each form.
 * @csspart field - Each question's group.
 * @csspart textarea - The "what matters" box.
 * @csspart button - Buttons.
 * @csspart error-summary - The "There is a problem" summary.
 * @csspart notification - Banners (saved, signed out, refused).
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-color-primary=#1d70b8] - Links, banners and the waiting-to-send bar.
 * @cssprop [--cls-color-error=#c82d1a] - Errors and the urgent tag.
 * @cssprop [--cls-color-border=#6f777b] - Table and list borders.
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
 */
export class ClsHubDay extends ClsElement {
  static override styles = [ClsElement.styles, hubDayStyles];
  static override localizer = localizer;

  static override properties = {
    hub: { type: String },
    date: { type: String },
    config: { attribute: false },
    token: { state: true },
    me: { state: true },
    reason: { state: true },
    failure: { state: true },
    tokenInput: { state: true },
    checking: { state: true },
    view: { state: true },
    hubId: { state: true },
    draft: { state: true },
    editing: { state: true },
    saving: { state: true },
    notice: { state: true },
    announcement: { state: true },
    confirming: { state: true },
    refresh: { state: true },
  };

  /** Id of the hub to start at; by default the last one used on this device. */
  declare hub: string | undefined;
  /** London date (`YYYY-MM-DD`) of the day shown; today when absent. */
  declare date: string | undefined;
  /** The council's labels and option lists over the defaults (see `VisitConfig` in core/visits). */
  declare config: Partial<VisitConfig> | undefined;

  declare private token: string | undefined;
  declare private me: StaffMe | undefined;
  declare private reason: SignedOutReason;
  declare private failure: string | undefined;
  declare private tokenInput: string;
  declare private checking: boolean;
  declare private view: View;
  declare private hubId: string;
  declare private draft: VisitDraft;
  declare private editing: Visit | undefined;
  declare private saving: boolean;
  declare private notice: Notice | undefined;
  declare private announcement: string;
  declare private confirming: string | undefined;
  declare private refresh: number;

  private readonly api = new ApiController(this, { headers: () => (this.token ? { Authorization: `Bearer ${this.token}` } : undefined) });
  private readonly signInErrors = new FormErrors(this, { locale: this.locale, focus: (selector) => this.focusNext.request(selector) });
  private readonly errors = new FormErrors(this, {
    locale: this.locale,
    focus: (selector) => this.focusNext.request(selector),
    target: (field) => VISIT_ERROR_TARGETS[field] ?? field,
    params: () => ({ max: this.locale.number(WHAT_MATTERS_MAX) }),
  });
  private readonly queue = new OutboxController(this, { api: this.api, signedIn: () => Boolean(this.token), flushed: (report) => this.flushed(report) });
  /** Keys of visits the form is saving right now: their refusal is shown on the form, not as a banner. */
  private readonly pendingSave = new Set<string>();
  private started = false;

  private readonly hubsTask = new Task(this, {
    args: () => [this.me] as const,
    task: async ([me], { signal }) => (me ? (await this.api.get('hubs', HubList, { query: { limit: 100 }, signal })).items.map(({ hub }) => ({ id: hub.id, name: hub.name })) : []),
    onComplete: (hubs) => {
      if (hubs.length && !hubs.some((hub) => hub.id === this.hubId)) this.chooseHub(hubs[0]?.id ?? '');
    },
  });

  private readonly dayTask = new Task(this, {
    args: () => [this.me, this.hubId, this.date, this.view, this.refresh] as const,
    task: async ([me, hub, date, view], { signal }) => {
      if (!me || !hub || view !== 'today') return undefined;
      const [day, followUps] = await Promise.all([
        this.api.get('staff/attendance', Day, { query: { hub, date }, signal }),
        this.api.get('staff/follow-ups', FollowUpList, { query: { hub }, signal }),
      ]);
      return { day, followUps: followUps.items };
    },
    onError: (error) => this.checkSignedIn(error),
  });

  private readonly recentTask = new Task(this, {
    args: () => [this.me, this.hubId, this.view, this.refresh] as const,
    task: async ([me, hub, view], { signal }) => (me && hub && view === 'recent' ? (await this.api.get('staff/visits', VisitList, { query: { hub, limit: 20 }, signal })).items : undefined),
    onError: (error) => this.checkSignedIn(error),
  });

  constructor() {
    super();
    this.reason = 'new';
    this.tokenInput = '';
    this.checking = false;
    this.view = 'today';
    this.hubId = '';
    this.draft = blankDraft('', '', new Date());
    this.saving = false;
    this.announcement = '';
    this.refresh = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.started) return;
    this.started = true;
    this.hubId = this.hub || (localDeviceStorage()?.getItem(HUB_KEY) ?? '');
    this.draft = blankDraft(this.hubId, '', new Date());
    // Kiosk: memory only, so a token left by a non-kiosk use of this tab is not picked up either.
    const kept = this.kiosk ? undefined : readStaffToken(sessionDeviceStorage());
    if (this.kiosk) forgetStaffToken(sessionDeviceStorage());
    if (kept) void this.signIn(kept);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hub') && this.hub && this.hasUpdated) this.chooseHub(this.hub);
  }

  private get visitConfig(): VisitConfig {
    return visitConfig(this.config);
  }

  private get hubName(): string {
    return this.hubsTask.value?.find((hub) => hub.id === this.hubId)?.name ?? this.hubId;
  }

  private chooseHub(id: string): void {
    this.hubId = id;
    this.draft = { ...this.draft, hubId: id };
    if (id) localDeviceStorage()?.setItem(HUB_KEY, id);
  }

  // ------------------------------------------------------------ signing in

  private async signIn(token: string): Promise<void> {
    this.checking = true;
    this.token = token;
    try {
      this.me = await this.api.get('staff/me', StaffMe);
      if (!this.kiosk) keepStaffToken(sessionDeviceStorage(), token);
      this.tokenInput = '';
      this.signInErrors.clear();
      this.focusNext.request('#today-heading');
      void this.queue.sync();
    } catch (error) {
      if (isAbort(error)) return;
      this.token = undefined;
      const failure = ApiError.from(error);
      if (failure.status === 401) {
        forgetStaffToken(sessionDeviceStorage());
        this.reason = 'wrong';
        this.signInErrors.show([{ field: 'token', code: 'invalid' }]);
      } else {
        this.reason = 'failed';
        this.failure = this.locale.t(failure.messageKey);
        this.focusNext.request('.notification');
      }
    } finally {
      this.checking = false;
    }
  }

  private submitToken(): void {
    const token = this.tokenInput.trim();
    if (!token) {
      this.signInErrors.show([{ field: 'token', code: 'required' }]);
      return;
    }
    void this.signIn(token);
  }

  /** Forget the token (here and in session storage); what waits in the outbox stays for the next sign-in. */
  signOut(reason: SignedOutReason = 'signed-out'): void {
    forgetStaffToken(sessionDeviceStorage());
    this.token = undefined;
    this.me = undefined;
    this.reason = reason;
    this.notice = undefined;
    this.editing = undefined;
    this.errors.clear();
    this.focusNext.request(reason === 'expired' ? '.notification' : '#sign-in-heading');
  }

  /** A 401 anywhere means the token stopped working: back to the sign-in form, saying why. */
  private checkSignedIn(error: unknown): void {
    if (error instanceof ApiError && error.status === 401 && this.me) this.signOut('expired');
  }

  // ------------------------------------------------------------ the outbox

  /** Send what waits on the device now (also done when the connection returns and on a timer). */
  async sync(): Promise<void> {
    await this.queue.sync();
  }

  /** Announce what a flush sent and what still waits; a refusal not shown on the form becomes a banner. */
  private flushed(report: FlushReport): void {
    const { t } = this.locale;
    if (report.stopped === 'signed-out' && this.me) this.signOut('expired');
    if (report.sent) {
      this.announcement = `${t('queue.sent', { count: report.sent })}. ${t('queue.waiting', { count: report.waiting })}`;
      this.refresh++;
      this.emit('cls-hub-day-sync', { sent: report.sent, waiting: report.waiting });
    }
    const refused = report.refused.filter((entry) => !this.pendingSave.has(entry.item.key));
    if (refused.length) {
      const reasons = refused.map((entry) => t('queue.refused', { reason: t(this.queue.refusals.get(entry.item.key)?.messageKey ?? 'errors.rejected') }));
      this.notice = { title: t('queue.refusedTitle'), body: reasons.join(' '), variant: 'error' };
    }
  }

  private async markAttendance(input: AttendanceInput): Promise<void> {
    await this.queue.add('attendance', input);
    this.announcement = this.locale.t('queue.waiting', { count: this.queue.waiting.length });
    await this.queue.sync();
  }

  // ------------------------------------------------------------ recording

  private startRecording(): void {
    this.editing = undefined;
    this.notice = undefined;
    this.errors.clear();
    this.draft = blankDraft(this.hubId, this.draft.worker, new Date());
    this.view = 'record';
    this.focusNext.request('#record-heading');
  }

  private async save(another: boolean): Promise<void> {
    if (this.saving) return;
    const input = draftToInput(this.draft);
    const parsed = VisitInput.safeParse(input);
    if (!parsed.success) {
      this.errors.show(fieldErrors(parsed.error.issues, input));
      return;
    }
    this.errors.clear();
    this.saving = true;
    try {
      if (this.editing) await this.saveCorrection(this.editing, parsed.data);
      else await this.saveNew(another, input);
    } finally {
      this.saving = false;
    }
  }

  private async saveNew(another: boolean, input: Record<string, unknown>): Promise<void> {
    const { t } = this.locale;
    // Kept on the device before the first attempt: closing the tab now loses nothing.
    const key = await this.queue.add('visit', input);
    this.announcement = t('queue.waiting', { count: this.queue.waiting.length });
    localDeviceStorage()?.setItem(HUB_KEY, this.draft.hubId);
    this.pendingSave.add(key);
    try {
      await this.queue.sync();
      // A flush already under way read the outbox before this visit joined it.
      if (this.queue.has(key) && this.queue.online) await this.queue.sync();
    } finally {
      this.pendingSave.delete(key);
    }
    const refusal = this.queue.refusals.get(key);
    if (refusal) {
      this.queue.refusals.delete(key);
      const fixable = FormErrors.fromProblem(refusal, Object.keys(VISIT_ERROR_TARGETS));
      if (fixable) this.errors.show(fixable);
      else this.notice = { title: t('queue.refusedTitle'), body: t(refusal.messageKey), variant: 'error' };
      return;
    }
    const queued = this.queue.has(key);
    this.notice = { title: queued ? t('record.savedOnDevice') : t('record.saved') };
    this.draft = nextDraft(this.draft, new Date());
    if (another) {
      this.focusNext.request('.notification');
    } else {
      this.view = 'today';
      this.focusNext.request('.notification');
    }
  }

  private async saveCorrection(visit: Visit, input: unknown): Promise<void> {
    const { t } = this.locale;
    try {
      await this.api.put(`staff/visits/${visit.id}`, input, Visit);
      this.notice = { title: t('record.changed') };
      this.editing = undefined;
      this.view = 'recent';
      this.refresh++;
      this.focusNext.request('.notification');
    } catch (error) {
      if (isAbort(error)) return;
      const failure = ApiError.from(error);
      this.checkSignedIn(failure);
      const fixable = FormErrors.fromProblem(failure, Object.keys(VISIT_ERROR_TARGETS));
      if (fixable) return this.errors.show(fixable);
      this.notice = { title: failure.code === 'edit-window-passed' ? t('recent.adminOnly') : t(failure.messageKey), variant: 'error' };
      this.focusNext.request('.notification');
    }
  }

  private edit(visit: Visit): void {
    this.editing = visit;
    this.notice = undefined;
    this.errors.clear();
    this.draft = draftOfVisit(visit);
    this.view = 'record';
    this.focusNext.request('#record-heading');
  }

  private async deleteVisit(visit: Visit): Promise<void> {
    const { t } = this.locale;
    this.confirming = undefined;
    try {
      await this.api.delete(`staff/visits/${visit.id}`, VisitDeleted);
      this.notice = { title: t('recent.deleted') };
      this.refresh++;
    } catch (error) {
      if (isAbort(error)) return;
      const failure = ApiError.from(error);
      this.checkSignedIn(failure);
      this.notice = { title: failure.code === 'edit-window-passed' ? t('recent.adminOnly') : t(failure.messageKey), variant: 'error' };
    }
    this.focusNext.request('.notification');
  }

  private async contacted(item: FollowUp): Promise<void> {
    const { t } = this.locale;
    const worker = this.draft.worker.trim();
    if (!/^[A-Za-z]{1,4}$/.test(worker)) {
      this.errors.show([{ field: 'worker', code: worker ? 'invalid' : 'required' }], { focus: false });
      this.focusNext.request('#contact-worker');
      return;
    }
    this.errors.clear('worker');
    try {
      await this.api.submit('staff/follow-ups', { kind: item.kind, reference: item.reference, by: worker }, ContactRecorded);
      this.refresh++;
    } catch (error) {
      if (isAbort(error)) return;
      const failure = ApiError.from(error);
      this.checkSignedIn(failure);
      this.notice = { title: t(failure.messageKey), variant: 'error' };
      this.focusNext.request('.notification');
    }
  }

  // ------------------------------------------------------------ rendering

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      <div class="heading-l" role="heading" aria-level=${this.headings.main}>${t('heading')}</div>
      ${this.renderQueue()}
      ${this.me ? this.renderSignedIn(this.me) : renderSignIn({
        locale: this.locale, headings: this.headings, errors: this.signInErrors, kiosk: this.kiosk, token: this.tokenInput, reason: this.reason,
        failure: this.failure, busy: this.checking, input: (token) => ((this.tokenInput = token), this.signInErrors.clear('token')), submit: () => this.submitToken(),
      })}
      ${statusRegion(this.saving ? t('record.saving') : this.announcement)}
    </div>`;
  }

  private renderQueue(): TemplateResult | typeof nothing {
    const { t } = this.locale;
    if (!this.queue.waiting.length && this.queue.online) return nothing;
    return html`<div class="queue" part="queue">
      ${this.queue.online ? nothing : html`<p>${t('queue.offline')}</p>`}
      ${this.queue.waiting.length
        ? html`<p class="queue__count"><strong>${t('queue.waiting', { count: this.queue.waiting.length })}</strong></p>
            ${this.me && this.queue.online ? button({ label: t('queue.sendNow'), variant: 'secondary', onClick: () => void this.sync() }) : nothing}`
        : nothing}
    </div>`;
  }

  private renderSignedIn(me: StaffMe): TemplateResult {
    const { t } = this.locale;
    const hubs = this.hubsTask.value ?? [];
    const tab = (view: View, label: string, go: () => void) =>
      html`<li><button type="button" class="button button--secondary" aria-current=${view === this.view ? 'page' : 'false'} @click=${go}>${label}</button></li>`;
    return html`<div class="bar">
        <p>${t('signedInAs', { role: t(`role.${me.role}`) })}</p>
        ${button({ label: t('signOut'), variant: 'secondary', onClick: () => this.signOut() })}
      </div>
      <div class="form-group">
        <label class="label" for="hub">${t('hub.label')}</label>
        <select class="input" id="hub" @change=${(event: Event) => this.chooseHub((event.target as HTMLSelectElement).value)}>
          ${hubs.map((hub) => html`<option value=${hub.id} ?selected=${hub.id === this.hubId}>${hub.name}</option>`)}
        </select>
      </div>
      <nav aria-label=${t('nav.label')}>
        <ul class="tabs">
          ${tab('today', t('nav.today'), () => ((this.view = 'today'), (this.notice = undefined)))}
          ${tab('record', t('nav.record'), () => this.startRecording())}
          ${tab('recent', t('nav.recent'), () => ((this.view = 'recent'), (this.notice = undefined)))}
        </ul>
      </nav>
      ${this.notice
        ? notification({ title: this.notice.title, variant: this.notice.variant ?? 'info', level: this.headings.sub, body: this.notice.body ?? '' })
        : nothing}
      ${this.renderView(me)}`;
  }

  private renderView(me: StaffMe): TemplateResult {
    const failure = (error: unknown) => (error instanceof ApiError ? this.locale.t(error.messageKey) : undefined);
    switch (this.view) {
      case 'record':
        return renderVisitForm({
          locale: this.locale, headings: this.headings, errors: this.errors, config: this.visitConfig, hubs: this.hubsTask.value ?? [],
          draft: this.draft, editing: Boolean(this.editing), busy: this.saving,
          change: (change) => {
            this.draft = { ...this.draft, ...change };
            if (change.hubId) this.chooseHub(change.hubId);
            for (const field of Object.keys(change)) this.errors.clear(field === 'date' || field === 'time' ? 'occurredAt' : field);
          },
          save: (another) => void this.save(another),
          cancel: () => ((this.editing = undefined), (this.view = 'recent')),
        });
      case 'recent':
        return renderRecent({
          locale: this.locale, headings: this.headings, config: this.visitConfig, hubName: this.hubName, role: me.role, visits: this.recentTask.value,
          failure: failure(this.recentTask.error), confirming: this.confirming, now: new Date(),
          edit: (visit) => this.edit(visit), askDelete: (visit) => (this.confirming = visit?.id), remove: (visit) => void this.deleteVisit(visit),
        });
      default:
        return renderToday({
          locale: this.locale, headings: this.headings, errors: this.errors, hubName: this.hubName, day: this.dayTask.value?.day,
          dayFailure: failure(this.dayTask.error), followUps: this.dayTask.value?.followUps, followUpFailure: undefined,
          waiting: this.queue.marks, worker: this.draft.worker,
          changeWorker: (worker) => ((this.draft = { ...this.draft, worker }), this.errors.clear('worker')),
          mark: (reference, status) => void this.markAttendance({ kind: 'booking', reference, status }),
          walkIn: (sessionId) => void this.markAttendance({ kind: 'walk-in', sessionId }),
          contacted: (item) => void this.contacted(item),
        });
    }
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-hub-day-sync': CustomEvent<HubDaySyncDetail>;
  }
}
