import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError, isAbort } from '../../client/errors.ts';
import { HubList } from '../../contract/places.ts';
import { REPORT_MEASURES, Report, type ReportMeasure } from '../../contract/staff.ts';
import { dateProblem, filtersFromQuery, filtersToQuery, reportQuery, type ImpactFilters } from '../../core/impact-filters.ts';
import { sessionDeviceStorage } from '../../core/device-store.ts';
import { forgetStaffToken, keepStaffToken, readStaffToken } from '../../core/staff-session.ts';
import { VISIT_OUTCOMES, type VisitOutcomeId } from '../../core/visits.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { errorSummary } from '../../shared-ui/error-summary.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import type { ChartsModule } from './impact-charts.ts';
import { impactMessages } from './impact.locales.ts';
import { impactStyles } from './impact.styles.ts';
import { figureText, type FigureText } from './impact-figures.ts';

/** `detail` of `cls-impact-signed-out`: why the element is asking for a token again. */
export interface ImpactSignedOutDetail {
  reason: 'signed-out' | 'rejected';
}

/** `detail` of `cls-impact-filter`: the filters now shown (also written into the page's URL). */
export interface ImpactFilterDetail {
  from?: string;
  to?: string;
  hub?: string;
  outcome?: string;
}

const localizer = createLocalizer(
  { en: impactMessages, cy: () => import('./impact.locales.cy.ts').then((module) => module.impactMessagesCy) },
  'impact',
);

type DateField = 'from' | 'to';

/**
 * The numbers a commissioner asks for: conversations, the CLS shift,
 * bookings, self-assessments, feedback and distance travelled, grouped by
 * ASCOF 2023 objective, with charts that each have a summary and a table.
 * Reads `GET {api-base}/staff/reports` with a staff token, which is kept in
 * the tab's session storage only. Every figure arrives already rounded and
 * suppressed by the server; this element only says so, never works one out.
 * The filters travel in the page's URL (`report-from`, `report-to`,
 * `report-hub`, `report-outcome`) so a view can be shared.
 *
 * @summary Impact report for commissioners (staff token needed).
 * @tag cls-impact
 *
 * @fires {CustomEvent<ImpactFilterDetail>} cls-impact-filter - The filters changed (and were written into the URL). Bubbles and is composed.
 * @fires {CustomEvent<ImpactSignedOutDetail>} cls-impact-signed-out - The person signed out, or the server refused the token. Bubbles and is composed.
 *
 * @csspart base - The outer wrapper.
 * @csspart sign-in - The sign-in form.
 * @csspart filters - The filter form.
 * @csspart figures - The headline figures.
 * @csspart charts - The charts, each with its summary and table.
 * @csspart button - Buttons.
 * @csspart notification - The banner shown when loading failed or the token was refused.
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour.
 * @cssprop [--cls-color-secondary-text=#484949] - Hints and secondary text.
 * @cssprop [--cls-color-background=#ffffff] - Background.
 * @cssprop [--cls-color-primary=#1d70b8] - Links and chart marks.
 * @cssprop [--cls-color-border=#6f777b] - Borders and chart axes.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
 */
export class ClsImpact extends ClsElement {
  static override styles = [ClsElement.styles, impactStyles];
  static override localizer = localizer;

  static override properties = {
    token: { state: true },
    filters: { state: true },
    draft: { state: true },
    draftProblem: { state: true },
    signInProblem: { state: true },
    notice: { state: true },
    charts: { state: true },
    exporting: { state: true },
    exportFailed: { state: true },
  };

  declare private token: string | undefined;
  declare private filters: ImpactFilters;
  declare private draft: { from: string; to: string; hub: string; outcome: string };
  declare private draftProblem: 'from-invalid' | 'to-invalid' | 'backwards' | undefined;
  declare private signInProblem: 'required' | undefined;
  /** Why the sign-in form shows: the person signed out, or the server refused the token. */
  declare private notice: 'signed-out' | 'rejected' | undefined;
  declare private charts: ChartsModule | undefined;
  declare private exporting: boolean;
  declare private exportFailed: boolean;

  private typedToken = '';
  private readonly api = new ApiController(this, { headers: () => (this.token ? { Authorization: `Bearer ${this.token}` } : undefined) });

  private readonly reportTask = new Task(this, {
    args: () => [this.token, this.filters.from, this.filters.to, this.filters.hub, this.filters.outcome, this.apiBase] as const,
    task: async ([token, from, to, hub, outcome], { signal }) => {
      if (!token) return undefined;
      try {
        return await this.api.get('staff/reports', Report, { query: reportQuery({ from, to, hub, outcome }), signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) this.rejectToken();
        throw error;
      }
    },
    onComplete: (report) => {
      if (report) void this.loadCharts();
    },
  });

  /** Hubs for the hub filter; a hub with conversations but not listed still shows, from the report. */
  private readonly hubsTask = new Task(this, {
    args: () => [this.token ? 'signed-in' : '', this.apiBase] as const,
    task: async ([signedIn], { signal }) => (signedIn ? (await this.api.get('hubs', HubList, { query: { limit: 100 }, signal })).items.map(({ hub }) => ({ id: hub.id, name: hub.name })) : []),
  });

  constructor() {
    super();
    this.filters = {};
    this.draft = { from: '', to: '', hub: '', outcome: '' };
    this.exporting = false;
    this.exportFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.token = readStaffToken(sessionDeviceStorage());
    this.readUrl();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
  }

  private readonly onPopState = () => this.readUrl();

  /** Tables closed on screen are opened for print (CSS cannot open a closed details), and closed again after. */
  private opened: HTMLDetailsElement[] = [];
  private readonly onBeforePrint = () => {
    this.opened = [...this.renderRoot.querySelectorAll('details')].filter((details) => !details.open);
    for (const details of this.opened) details.open = true;
  };
  private readonly onAfterPrint = () => {
    for (const details of this.opened) details.open = false;
    this.opened = [];
  };

  /** The filters from the page's URL (a shared link, Back, a reload). */
  private readUrl(): void {
    this.filters = filtersFromQuery(new URLSearchParams(window.location.search));
    this.draft = { from: this.filters.from ?? '', to: this.filters.to ?? '', hub: this.filters.hub ?? '', outcome: this.filters.outcome ?? '' };
  }

  private rejectToken(): void {
    forgetStaffToken(sessionDeviceStorage());
    this.token = undefined;
    this.notice = 'rejected';
    this.focusNext.request('#token');
    this.emit('cls-impact-signed-out', { reason: 'rejected' });
  }

  private async loadCharts(): Promise<void> {
    // The chart code is fetched only once there is a report to draw, so the element's own bundle stays small.
    this.charts ??= await import('./impact-charts.ts');
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      <div class="heading-l" role="heading" aria-level=${this.headings.main}>${t('heading')}</div>
      ${this.token ? this.renderSignedIn() : this.renderSignIn()}
      ${statusRegion(this.status())}
    </div>`;
  }

  private status(): string {
    const { t } = this.locale;
    if (!this.token) return this.notice === 'signed-out' ? t('signIn.signedOut') : '';
    if (this.exporting) return t('export.preparing');
    if (this.reportTask.status === TaskStatus.PENDING) return t('loading');
    const report = this.reportTask.value;
    if (this.reportTask.status === TaskStatus.COMPLETE && report) return t('loaded', { from: this.day(report.from), to: this.day(report.to) });
    return '';
  }

  private day(date: string): string {
    // Noon UTC is the same calendar day in London all year.
    return this.locale.date(new Date(`${date}T12:00:00Z`));
  }

  private renderSignIn(): TemplateResult {
    const { t } = this.locale;
    const error = this.signInProblem ? t('signIn.required') : undefined;
    return html`${this.notice === 'rejected'
        ? notification({ title: t('signIn.heading'), variant: 'error', level: this.headings.sub, body: html`<p>${t('signIn.rejected')}</p>` })
        : nothing}
      ${this.notice === 'signed-out' ? html`<p class="notice">${t('signIn.signedOut')}</p>` : nothing}
      <form class="sign-in controls" part="sign-in" novalidate @submit=${this.onSignIn}>
        <div class="heading-m" role="heading" aria-level=${this.headings.sub}>${t('signIn.heading')}</div>
        <p class="hint" id="token-intro">${t('signIn.intro')}</p>
        <div class="form-group ${error ? 'form-group--error' : ''}">
          <label class="label" for="token">${t('signIn.label')}</label>
          ${error ? html`<p class="error-message" id="token-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${error}</p>` : nothing}
          <input
            class="input ${error ? 'input--error' : ''}"
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=${error ? 'token-intro token-error' : 'token-intro'}
            aria-invalid=${error ? 'true' : 'false'}
            @input=${(event: Event) => {
              this.typedToken = (event.target as HTMLInputElement).value;
            }}
          />
        </div>
        ${button({ label: t('signIn.submit'), type: 'submit' })}
      </form>`;
  }

  private onSignIn(event: SubmitEvent): void {
    event.preventDefault();
    const token = keepStaffToken(sessionDeviceStorage(), this.typedToken);
    if (!token) {
      this.signInProblem = 'required';
      this.focusNext.request('#token');
      return;
    }
    this.typedToken = '';
    this.signInProblem = undefined;
    this.notice = undefined;
    this.token = token;
    this.focusNext.request('#filter-from');
  }

  private signOut(): void {
    forgetStaffToken(sessionDeviceStorage());
    this.token = undefined;
    this.notice = 'signed-out';
    this.charts = undefined;
    this.focusNext.request('#token');
    this.emit('cls-impact-signed-out', { reason: 'signed-out' });
  }

  private renderSignedIn(): TemplateResult {
    const { t } = this.locale;
    const task = this.reportTask;
    return html`<div class="controls signed-in">
        ${button({ label: t('signIn.signOut'), variant: 'secondary', part: 'button', onClick: () => this.signOut() })}
      </div>
      ${this.renderFilters()}
      ${task.render({
        pending: () => html`<p class="loading" aria-busy="true">${t('loading')}</p>`,
        error: (error) => (isAbort(error) ? nothing : this.renderFailure(error)),
        complete: (report) => (report ? this.renderReport(report) : nothing),
      })}`;
  }

  private renderFailure(error: unknown): TemplateResult {
    const { t } = this.locale;
    const failure = ApiError.from(error);
    return notification({
      title: t('failedTitle'),
      variant: 'error',
      level: this.headings.sub,
      body: html`<p>${t(failure.messageKey)}</p>
        ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.reportTask.run() })}`,
    });
  }

  private hubOptions(report: Report | undefined): Array<{ id: string; name: string }> {
    const listed = this.hubsTask.value ?? [];
    const known = new Set(listed.map((hub) => hub.id));
    const extra = (report?.byHub.hubs ?? []).filter((hub) => !known.has(hub.id));
    return [...listed, ...extra].sort((a, b) => a.name.localeCompare(b.name));
  }

  private renderFilters(): TemplateResult {
    const { t } = this.locale;
    const problem = this.draftProblem;
    const fieldOf = { 'from-invalid': 'from', 'to-invalid': 'to', backwards: 'from' } as const;
    const errorField = problem ? fieldOf[problem] : undefined;
    const message = problem ? t(`filters.${problem === 'from-invalid' ? 'fromInvalid' : problem === 'to-invalid' ? 'toInvalid' : 'backwards'}`) : '';
    const hubs = this.hubOptions(this.reportTask.value);
    const dateInput = (field: DateField) => {
      const error = errorField === field;
      return html`<div class="form-group ${error ? 'form-group--error' : ''}">
        <label class="label" for="filter-${field}">${t(`filters.${field}`)}</label>
        <div class="hint" id="filter-${field}-hint">${t('filters.dateHint')}</div>
        ${error ? html`<p class="error-message" id="filter-${field}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${message}</p>` : nothing}
        <input
          class="input input--date ${error ? 'input--error' : ''}"
          id="filter-${field}"
          name=${field}
          type="date"
          aria-describedby=${error ? `filter-${field}-hint filter-${field}-error` : `filter-${field}-hint`}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${live(this.draft[field])}
          @input=${(event: Event) => {
            this.draft = { ...this.draft, [field]: (event.target as HTMLInputElement).value };
          }}
        />
      </div>`;
    };
    return html`${problem && errorField
        ? errorSummary(t('errorSummaryTitle'), [{ target: `filter-${errorField}`, text: message }], this.headings.sub)
        : nothing}
      <form class="filters controls" part="filters" novalidate @submit=${this.onFilter}>
        <fieldset>
          <legend class="heading-m">${t('filters.legend')}</legend>
          <div class="filter-row">
            ${dateInput('from')} ${dateInput('to')}
            <div class="form-group">
              <label class="label" for="filter-hub">${t('filters.hub')}</label>
              <select class="select" id="filter-hub" name="hub" @change=${(event: Event) => (this.draft = { ...this.draft, hub: (event.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${!this.draft.hub}>${t('filters.allHubs')}</option>
                ${hubs.map((hub) => html`<option value=${hub.id} ?selected=${this.draft.hub === hub.id}>${hub.name}</option>`)}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for="filter-outcome">${t('filters.outcome')}</label>
              <select class="select" id="filter-outcome" name="outcome" @change=${(event: Event) => (this.draft = { ...this.draft, outcome: (event.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${!this.draft.outcome}>${t('filters.allOutcomes')}</option>
                ${VISIT_OUTCOMES.map((outcome) => html`<option value=${outcome} ?selected=${this.draft.outcome === outcome}>${t(`outcomes.${outcome}`)}</option>`)}
              </select>
            </div>
          </div>
        </fieldset>
        ${button({ label: t('filters.apply'), type: 'submit' })}
      </form>`;
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const { from, to, hub, outcome } = this.draft;
    const problem = dateProblem(from, to);
    this.draftProblem = problem;
    if (problem) {
      this.focusNext.request('.error-summary');
      return;
    }
    const filters: ImpactFilters = {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(hub ? { hub } : {}),
      ...((VISIT_OUTCOMES as readonly string[]).includes(outcome) ? { outcome: outcome as VisitOutcomeId } : {}),
    };
    this.filters = filters;
    // replaceState, not pushState: applying a filter is not a new page, but
    // the address now holds it for a reload, Back to this page, or a colleague.
    const url = new URL(window.location.href);
    url.search = filtersToQuery(filters, url.searchParams).toString();
    window.history.replaceState(window.history.state, '', url);
    this.emit('cls-impact-filter', { ...filters });
  }

  private renderReport(report: Report): TemplateResult {
    const { t } = this.locale;
    const text = figureText(this.locale, report);
    const hubName = report.hub ? (this.hubOptions(report).find((hub) => hub.id === report.hub)?.name ?? report.hub) : undefined;
    const period = hubName
      ? t('periodHub', { from: this.day(report.from), to: this.day(report.to), hub: hubName })
      : t('period', { from: this.day(report.from), to: this.day(report.to) });
    const grouped = new Set(report.objectives.flatMap((group) => group.measures));
    const others = REPORT_MEASURES.filter((measure) => !grouped.has(measure));
    return html`<div class="report" part="figures">
      <p class="period">${period}</p>
      ${report.outcome ? html`<p class="filtered-note">${t('outcomes.filtered', { outcome: t(`outcomes.${report.outcome}`) })}</p>` : nothing}
      <p class="rounded" id="rounded-note">${t('rounded', { base: this.locale.number(report.roundingBase), threshold: this.locale.number(report.threshold) })}</p>
      ${report.objectives.map(
        (group) => html`<section class="objective" aria-labelledby="objective-${group.objective}">
          <div class="heading-m" role="heading" aria-level=${this.headings.sub} id="objective-${group.objective}">
            ${t(`objective.${group.objective}`)} <span class="objective__tag">(${t('objective.named')})</span>
          </div>
          ${this.measureList(group.measures, report, text)}
        </section>`,
      )}
      ${others.length
        ? html`<section class="objective" aria-labelledby="objective-other">
            <div class="heading-m" role="heading" aria-level=${this.headings.sub} id="objective-other">${t('objective.other')}</div>
            <p class="hint">${t('objective.otherHint')}</p>
            ${this.measureList(others, report, text)}
          </section>`
        : nothing}
      ${this.renderOutcomes(report, text)}
      ${this.charts ? this.charts.renderCharts(report, { locale: this.locale, level: this.headings.sub, text, outcome: this.filters.outcome }) : nothing}
      ${this.renderExport()}
    </div>`;
  }

  private measureList(measures: readonly ReportMeasure[], report: Report, text: FigureText): TemplateResult {
    const { t } = this.locale;
    return html`<dl class="figures">
      ${measures.map(
        (measure) => html`<div class="figure" data-measure=${measure}>
          <dt>${t(`measure.${measure}`)}</dt>
          <dd>${text.measure(measure)}</dd>
          ${measure === 'self-assessments-sent'
            ? html`<dd class="figure__detail">
                <span class="figure__sub">${t('nextSteps.heading')}:</span>
                <ul>
                  ${report.selfAssessments.nextSteps.map(({ step, count }) => html`<li>${t(`nextSteps.${step}`)}: ${text.count(count)}</li>`)}
                </ul>
              </dd>`
            : nothing}
        </div>`,
      )}
    </dl>`;
  }

  private renderOutcomes(report: Report, text: FigureText): TemplateResult {
    const { t } = this.locale;
    const outcome = this.filters.outcome;
    const rows = outcome ? report.outcomes.filter((row) => row.outcome === outcome) : report.outcomes;
    return html`<section class="outcomes" aria-labelledby="outcomes-heading">
      <div class="heading-m" role="heading" aria-level=${this.headings.sub} id="outcomes-heading">${t('outcomes.heading')}</div>
      <p class="hint">${t('outcomes.hint')}</p>
      <table class="table">
        <thead>
          <tr><th scope="col">${t('table.outcome')}</th><th scope="col" class="numeric">${t('table.conversations')}</th></tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr data-outcome=${row.outcome}><th scope="row">${t(`outcomes.${row.outcome}`)}</th><td class="numeric">${text.count(row.count)}</td></tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  private renderExport(): TemplateResult {
    const { t } = this.locale;
    return html`<section class="export controls" aria-labelledby="export-heading">
      <div class="heading-m" role="heading" aria-level=${this.headings.sub} id="export-heading">${t('export.heading')}</div>
      <p class="hint" id="export-hint">${t('export.csvHint')}</p>
      ${this.exportFailed ? html`<p class="error-message" role="alert">${t('export.failed')}</p>` : nothing}
      <div class="button-row">
        ${button({ label: t('export.csv'), variant: 'secondary', busy: this.exporting, busyLabel: t('export.preparing'), onClick: () => void this.downloadCsv() })}
        ${button({ label: t('export.print'), variant: 'secondary', onClick: () => window.print() })}
      </div>
    </section>`;
  }

  /**
   * The CSV is fetched with the token in a header and handed to the browser
   * as a file: a plain link cannot carry the token, and the token must never
   * go in a URL.
   */
  private async downloadCsv(): Promise<void> {
    if (this.exporting || !this.token) return;
    this.exporting = true;
    this.exportFailed = false;
    try {
      const url = this.api.client.url('staff/reports.csv', reportQuery(this.filters));
      const response = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` }, signal: this.api.signal() });
      if (response.status === 401) {
        this.rejectToken();
        return;
      }
      if (!response.ok) throw new Error(`CSV export answered ${response.status}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'impact.csv';
      const file = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = file;
      link.download = name;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      // Revoked later, not now: the browser reads the file after the click returns.
      setTimeout(() => URL.revokeObjectURL(file), 60_000);
    } catch (error) {
      if (!isAbort(error)) this.exportFailed = true;
    } finally {
      this.exporting = false;
    }
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-impact-filter': CustomEvent<ImpactFilterDetail>;
    'cls-impact-signed-out': CustomEvent<ImpactSignedOutDetail>;
  }
}
