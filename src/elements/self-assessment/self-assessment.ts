import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ApiClient } from '../../client/client.ts';
import { readPageConfig, resolveApiBase } from '../../client/config.ts';
import { ApiError } from '../../client/errors.ts';
import {
  Draft,
  DraftSaved,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  SubmissionCreated,
  type AnswerValue,
  type Answers,
  type LocalisedQuestion,
  type LocalisedQuestionnaire,
} from '../../contract/questionnaire.ts';
import type { FieldError } from '../../core/field-errors.ts';
import { localiseQuestionnaire } from '../../core/localise.ts';
import { newIdempotencyKey } from '../../core/idempotency.ts';
import {
  CHECK_ANSWERS,
  START,
  answersForSubmission,
  firstQuestion,
  isUrgent,
  nextQuestion,
  normaliseAnswer,
  outcome,
  previousQuestion,
  progress,
  reconcile,
  validatePage,
} from '../../core/questionnaire.ts';
import { common } from '../../i18n/common.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { choiceGroup, firstChoiceId } from '../../shared-ui/choice-group.ts';
import { errorSummary } from '../../shared-ui/error-summary.ts';
import { describedBy, errorMessage, textArea } from '../../shared-ui/field.ts';
import { FocusAfterRender } from '../../shared-ui/focus-after-render.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { spinner } from '../../shared-ui/spinner.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { selfAssessmentMessages } from './self-assessment.locales.ts';
import { selfAssessmentStyles } from './self-assessment.styles.ts';

/** `detail` of `cls-step-change`. */
export interface StepChangeDetail {
  page: string;
}
/** `detail` of `cls-save`. */
export interface SaveDetail {
  code: string;
}
/** `detail` of `cls-submit` and `cls-complete`. */
export interface SubmitDetail {
  reference: string;
}
/** `detail` of `cls-next-step`: which other widget would help next. */
export interface NextStepDetail {
  step: 'hub-finder' | 'resource-wheel';
}

type Page = 'loading' | 'failed' | 'start' | 'question' | 'check' | 'result' | 'send' | 'sent' | 'saved';

const localizer = createLocalizer(
  { en: { common: common.en, sa: selfAssessmentMessages.en }, cy: { common: common.cy, sa: selfAssessmentMessages.cy } },
  'sa',
);

const STORAGE_PREFIX = 'cls-self-assessment:';

/** The autocomplete hints a definition may ask for; anything else is off. */
const AUTOCOMPLETE = ['name', 'given-name', 'family-name', 'email', 'tel', 'postal-code', 'street-address', 'bday'] as const;
function autocompleteFor(question: LocalisedQuestion): (typeof AUTOCOMPLETE)[number] | 'off' {
  if (question.type === 'postcode') return 'postal-code';
  const wanted = question.type === 'text' ? question.autocomplete : undefined;
  return AUTOCOMPLETE.find((hint) => hint === wanted) ?? 'off';
}

/**
 * A short, branching, strengths-first "what matters to you" self-assessment,
 * one question a page (GOV.UK patterns), that never loses the answers: they
 * are kept on the device as the person goes (except in kiosk mode), can be
 * saved on the server with a resume code, and are sent to the council only
 * with consent. It never decides eligibility.
 *
 * @summary "What matters to you" self-assessment for residents and carers.
 * @tag cls-self-assessment
 *
 * @fires {CustomEvent<StepChangeDetail>} cls-step-change - The page changed (a question id, `check-answers`, `result`…).
 * @fires {CustomEvent<SaveDetail>} cls-save - Answers were saved on the server; `detail.code` is the resume code.
 * @fires {CustomEvent<SubmitDetail>} cls-submit - Answers were sent to the council.
 * @fires {CustomEvent<SubmitDetail>} cls-complete - The person finished (after sending).
 * @fires {CustomEvent<NextStepDetail>} cls-next-step - The person asked for the hub finder or the resource wheel.
 * @fires {CustomEvent} cls-urgent - An answer signals danger; the urgent-help panel is showing. No answer text in `detail`.
 *
 * @slot header - Above every page (e.g. the council's logo or a heading).
 * @slot footer - Below every page (e.g. a privacy notice link).
 *
 * @csspart base - The outer wrapper.
 * @csspart field - Each question's group.
 * @csspart button - Buttons.
 * @csspart error-summary - The "There is a problem" summary.
 * @csspart notification - Failure messages.
 * @csspart panel - Confirmation panels.
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour.
 * @cssprop [--cls-color-action=#00703c] - Primary buttons.
 * @cssprop [--cls-color-error=#c82d1a] - Errors and the urgent-help panel.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 */
export class ClsSelfAssessment extends LitElement {
  static override styles = [tokens, ...sharedStyles, selfAssessmentStyles];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    questionnaire: { type: String },
    kiosk: { type: Boolean },
    resume: { type: String },
    source: { attribute: false },
    page: { state: true },
    definition: { state: true },
    answers: { state: true },
    current: { state: true },
    errors: { state: true },
    returnToCheck: { state: true },
    failure: { state: true },
    busy: { state: true },
    code: { state: true },
    reference: { state: true },
    consent: { state: true },
    contactName: { state: true },
    contactValue: { state: true },
    dropped: { state: true },
    resumeText: { state: true },
    status: { state: true },
  };

  /** Base URL of the API; else the page's `#cls-config` `apiBase`, else `/api/v1`. */
  declare apiBase: string | undefined;
  /** Which questionnaire to run, e.g. `what-matters` or `looking-after-someone`. */
  declare questionnaire: string;
  /** Shared-screen mode: nothing is kept on the device. */
  declare kiosk: boolean;
  /** A resume code to continue saved answers straight away. */
  declare resume: string | undefined;
  /**
   * A questionnaire definition to run entirely in the browser, without the
   * reference server (for a charity's own site). Sending and saving on a
   * server still need `api-base`.
   */
  declare source: QuestionnaireDefinition | undefined;

  declare private page: Page;
  declare private definition: LocalisedQuestionnaire | undefined;
  declare private answers: Answers;
  declare private current: string;
  declare private errors: FieldError[];
  declare private returnToCheck: boolean;
  declare private failure: ApiError | undefined;
  declare private busy: boolean;
  declare private code: string | undefined;
  declare private reference: string | undefined;
  declare private consent: boolean;
  declare private contactName: string;
  declare private contactValue: string;
  declare private dropped: number;
  declare private resumeText: string;
  declare private status: string;

  private readonly locale = new LocaleController(this, localizer);
  private readonly focusNext = new FocusAfterRender(this);
  /** Questionnaire and language of the loaded definition. */
  private loadedFor: string | undefined;
  private pending: { key: string; body: string } | undefined;
  private wasUrgent = false;
  /** Questions shown on this visit, so "Change" returns to the check page rather than re-asking them. */
  private readonly seen = new Set<string>();

  constructor() {
    super();
    this.questionnaire = 'what-matters';
    this.kiosk = false;
    this.page = 'loading';
    this.answers = {};
    this.current = START;
    this.errors = [];
    this.returnToCheck = false;
    this.busy = false;
    this.consent = false;
    this.contactName = '';
    this.contactValue = '';
    this.dropped = 0;
    this.resumeText = '';
    this.status = '';
  }

  private get client(): ApiClient {
    return new ApiClient({ baseUrl: this.apiBase?.trim() || resolveApiBase(this) });
  }

  private get storageKey(): string {
    return `${STORAGE_PREFIX}${this.questionnaire}`;
  }

  protected override willUpdate(): void {
    // The definition comes in the resident's language: a language switch reloads it, keeping the answers.
    // Another questionnaire starts afresh.
    const wanted = `${this.source?.id ?? this.questionnaire}|${this.locale.lang}`;
    if (this.loadedFor === wanted) return;
    if (this.loadedFor && !this.loadedFor.startsWith(`${this.source?.id ?? this.questionnaire}|`)) {
      this.definition = undefined;
      this.answers = {};
      this.page = 'loading';
    }
    this.loadedFor = wanted;
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const source = this.source ? QuestionnaireDefinition.parse(this.source) : undefined;
      const response = source
        ? localiseQuestionnaire(source, this.locale.lang)
        : await this.client.get(`questionnaires/${encodeURIComponent(this.questionnaire)}`, QuestionnaireResponse, { query: { lang: this.locale.lang } });
      const first = !this.definition;
      this.definition = response.questionnaire;
      if (first) {
        this.page = 'start';
        if (this.resume) {
          this.resumeText = this.resume;
          await this.resumeFromCode();
        }
      }
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.page = 'failed';
    }
  }

  // ——— keeping answers ———

  private saved(): { version: number; answers: Answers; at: string } | undefined {
    if (this.kiosk) return undefined;
    try {
      const value = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as { version?: unknown; answers?: unknown; at?: unknown } | null;
      if (!value || typeof value.version !== 'number' || typeof value.answers !== 'object' || !value.answers) return undefined;
      return { version: value.version, answers: value.answers as Answers, at: typeof value.at === 'string' ? value.at : START };
    } catch {
      return undefined;
    }
  }

  private keep(): void {
    if (this.kiosk || !this.definition) return;
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ version: this.definition.version, answers: this.answers, at: this.current }));
    } catch {
      // Storage full or blocked: the answers still live in the page, and can be saved on the server.
    }
  }

  private continueSaved(): void {
    const saved = this.saved();
    if (!saved || !this.definition) return;
    const { answers, dropped } = reconcile(this.definition, saved);
    this.answers = answers;
    this.dropped = dropped.length;
    for (const id of Object.keys(answers)) this.seen.add(id);
    this.goTo(saved.at === START ? firstQuestion(this.definition) : saved.at);
  }

  // ——— navigation ———

  private goTo(target: string): void {
    const definition = this.definition;
    if (!definition) return;
    this.errors = [];
    this.failure = undefined;
    if (target === START) {
      this.page = 'start';
      this.focusNext.request('#start-heading');
    } else if (target === CHECK_ANSWERS) {
      this.page = 'check';
      this.focusNext.request('#check-heading');
    } else if (definition.questions.some((question) => question.id === target)) {
      this.page = 'question';
      this.current = target;
      this.seen.add(target);
      this.focusNext.request('#question-heading');
    } else {
      this.page = 'question';
      this.current = firstQuestion(definition);
      this.seen.add(this.current);
      this.focusNext.request('#question-heading');
    }
    this.keep();
    this.dispatchEvent(new CustomEvent<StepChangeDetail>('cls-step-change', { detail: { page: this.page === 'question' ? this.current : this.page }, bubbles: true, composed: true }));
  }

  private get question(): LocalisedQuestion | undefined {
    return this.definition?.questions.find((question) => question.id === this.current);
  }

  private setAnswer(key: string, value: AnswerValue | undefined): void {
    const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length);
    const next: Answers = Object.fromEntries(Object.entries(this.answers).filter(([other]) => other !== key));
    if (!empty) next[key] = value;
    this.answers = next;
    this.errors = this.errors.filter((error) => error.field !== key);
    this.keep();
    const urgent = this.definition ? isUrgent(this.definition, next) : false;
    if (urgent && !this.wasUrgent) {
      this.status = this.locale.t('urgent.title');
      this.dispatchEvent(new CustomEvent('cls-urgent', { detail: {}, bubbles: true, composed: true }));
    }
    this.wasUrgent = urgent;
  }

  private continueFromQuestion(): void {
    const definition = this.definition;
    const question = this.question;
    if (!definition || !question) return;
    const errors = validatePage(question, this.answers);
    if (errors.length) {
      this.errors = errors;
      this.focusNext.request('.error-summary');
      return;
    }
    const next = nextQuestion(definition, this.answers, question.id);
    // From "Change" on the check page, go back there unless the answer opened a question the
    // person has not been shown yet (an optional one they skipped was shown, so it does not count).
    if (this.returnToCheck && (next === CHECK_ANSWERS || this.seen.has(next))) {
      this.returnToCheck = false;
      this.goTo(CHECK_ANSWERS);
      return;
    }
    this.goTo(next);
  }

  private back(): void {
    if (!this.definition) return;
    if (this.page === 'question') this.goTo(this.returnToCheck ? CHECK_ANSWERS : previousQuestion(this.definition, this.answers, this.current));
    else if (this.page === 'check') this.goTo(previousQuestion(this.definition, this.answers, CHECK_ANSWERS));
    else if (this.page === 'result') this.goTo(CHECK_ANSWERS);
    else if (this.page === 'send') this.showResult();
    this.returnToCheck = false;
  }

  private showResult(): void {
    this.page = 'result';
    this.focusNext.request('#result-heading');
    this.dispatchEvent(new CustomEvent<StepChangeDetail>('cls-step-change', { detail: { page: 'result' }, bubbles: true, composed: true }));
  }

  // ——— server ———

  private async saveForLater(): Promise<void> {
    const definition = this.definition;
    if (!definition || this.busy) return;
    this.busy = true;
    try {
      const saved = await this.client.post(
        'drafts',
        { questionnaireId: definition.id, version: definition.version, answers: this.answers, at: this.current, lang: this.locale.lang },
        DraftSaved,
        { idempotencyKey: newIdempotencyKey() },
      );
      this.code = saved.code;
      this.page = 'saved';
      this.status = this.locale.t('status.saved', { code: saved.code });
      this.focusNext.request('.panel');
      this.dispatchEvent(new CustomEvent<SaveDetail>('cls-save', { detail: { code: saved.code }, bubbles: true, composed: true }));
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.focusNext.request('.notification');
    } finally {
      this.busy = false;
    }
  }

  private async resumeFromCode(): Promise<void> {
    const definition = this.definition;
    const code = this.resumeText.toUpperCase().replace(/[\s-]/g, '');
    if (!definition) return;
    if (!/^[A-Z0-9]{8}$/.test(code)) {
      this.errors = [{ field: 'resume-code', code: 'invalid' }];
      this.focusNext.request('.error-summary');
      return;
    }
    try {
      const draft = await this.client.get(`drafts/${code}`, Draft);
      const { answers, dropped } = reconcile(definition, { version: draft.version, answers: draft.answers });
      this.answers = answers;
      this.dropped = dropped.length;
      for (const id of Object.keys(answers)) this.seen.add(id);
      this.goTo(draft.at ?? firstQuestion(definition));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.errors = [{ field: 'resume-code', code: 'required' }];
        this.focusNext.request('.error-summary');
      } else {
        this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
        this.focusNext.request('.notification');
      }
    }
  }

  private async send(): Promise<void> {
    const definition = this.definition;
    if (!definition || this.busy) return;
    if (!this.consent) {
      this.errors = [{ field: 'consent', code: 'required' }];
      this.focusNext.request('.error-summary');
      return;
    }
    const method = this.answers['contact'];
    const contactMethod = method === 'phone' || method === 'email' ? method : 'none';
    const name = this.contactName.trim();
    const body = {
      questionnaireId: definition.id,
      version: definition.version,
      answers: answersForSubmission(definition, this.answers),
      consent: true as const,
      ...(name || contactMethod !== 'none'
        ? { contact: { name: name || '-', method: contactMethod, ...(contactMethod !== 'none' && this.contactValue.trim() ? { value: this.contactValue.trim() } : {}) } }
        : {}),
      lang: this.locale.lang,
    };
    const text = JSON.stringify(body);
    if (this.pending?.body !== text) this.pending = { key: newIdempotencyKey(), body: text };
    this.errors = [];
    this.failure = undefined;
    this.busy = true;
    try {
      const created = await this.client.post('submissions', body, SubmissionCreated, { idempotencyKey: this.pending.key });
      this.pending = undefined;
      this.reference = created.reference;
      this.page = 'sent';
      this.status = this.locale.t('status.sent', { reference: created.reference });
      this.focusNext.request('.panel');
      if (!this.kiosk) localStorage.removeItem(this.storageKey);
      const detail = { reference: created.reference };
      this.dispatchEvent(new CustomEvent<SubmitDetail>('cls-submit', { detail, bubbles: true, composed: true }));
      this.dispatchEvent(new CustomEvent<SubmitDetail>('cls-complete', { detail, bubbles: true, composed: true }));
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.focusNext.request('.notification');
    } finally {
      this.busy = false;
    }
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      <slot name="header"></slot>
      ${this.renderPage()} ${statusRegion(this.status)}
      <slot name="footer"></slot>
    </div>`;
  }

  private renderPage(): TemplateResult {
    const { t } = this.locale;
    switch (this.page) {
      case 'loading':
        return html`<p>${spinner()} ${t('loading')}</p>`;
      case 'failed':
        return notification({
          title: t('loadingFailed'),
          variant: 'error',
          body: html`<p>${this.failure ? t(this.failure.messageKey) : ''}</p>${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.load() })}`,
        });
      case 'start':
        return this.renderStart();
      case 'question':
        return this.renderQuestion();
      case 'check':
        return this.renderCheck();
      case 'result':
        return this.renderResult();
      case 'send':
        return this.renderSend();
      case 'sent':
        return html`<div class="panel" part="panel" tabindex="-1">
            <div class="heading-l" role="heading" aria-level="2">${t('send.done')}</div>
            <p>${t('send.reference')} <strong class="resume-code">${this.reference}</strong></p>
          </div>
          <p>${t('send.doneBody')}</p>`;
      case 'saved':
        return html`<div class="panel" part="panel" tabindex="-1">
            <div class="heading-l" role="heading" aria-level="2">${t('saved.title')}</div>
            <p>${t('saved.body')} <strong class="resume-code">${this.code}</strong></p>
          </div>
          <p>${t('saved.keep')}</p>`;
    }
  }

  private renderFailure(title: string, retry?: () => void): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    const { t } = this.locale;
    return notification({
      title,
      variant: 'error',
      body: html`<p>${t(this.failure.messageKey)} ${t('answersKept')}</p>${retry ? button({ label: t('tryAgain'), variant: 'secondary', onClick: retry }) : nothing}`,
    });
  }

  private renderStart(): TemplateResult {
    const definition = this.definition;
    if (!definition) return html``;
    const { t } = this.locale;
    const error = this.errors.find((candidate) => candidate.field === 'resume-code');
    const errorText = error ? (error.code === 'invalid' ? t('resume.invalid') : t('resume.notFound')) : undefined;
    return html`<div class="heading-l" role="heading" aria-level="2" id="start-heading" tabindex="-1">${definition.title}</div>
      ${definition.intro.map((paragraph) => html`<p>${paragraph}</p>`)}
      <p>${t('minutes', { count: definition.minutes })}</p>
      <div class="button-group">
        ${button({ label: t('start'), onClick: () => this.goTo(firstQuestion(definition)) })}
        ${this.saved() ? button({ label: t('continueSaved'), variant: 'secondary', onClick: () => this.continueSaved() }) : nothing}
      </div>
      ${errorSummary(t('errorSummaryTitle'), errorText ? [{ target: 'resume-code', text: errorText }] : [])}
      ${this.renderFailure(t('resume.heading'))}
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.resumeFromCode();
      }}>
        <div class="form-group ${errorText ? 'form-group--error' : ''}" part="field">
          <div class="heading-m" role="heading" aria-level="3">${t('resume.heading')}</div>
          <label class="label" for="resume-code">${t('resume.label')}</label>
          <div class="hint" id="resume-code-hint">${t('resume.hint')}</div>
          ${errorMessage('resume-code', errorText, t('errorPrefix'))}
          <input
            class="input input--short ${errorText ? 'input--error' : ''}"
            id="resume-code"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="characters"
            aria-describedby=${describedBy('resume-code', { hint: true, error: errorText })}
            .value=${live(this.resumeText)}
            @input=${(event: Event) => {
              this.resumeText = (event.target as HTMLInputElement).value;
            }}
          />
        </div>
        ${button({ label: t('resume.submit'), type: 'submit', variant: 'secondary' })}
      </form>`;
  }

  private errorText(error: FieldError | undefined, max?: number): string | undefined {
    if (!error) return undefined;
    const key = `errors.${error.code}`;
    return localizer.exists(key, { lng: this.locale.lang, ns: 'sa' }) ? this.locale.t(key, { max: this.locale.number(max ?? 0) }) : this.locale.t('errors.invalid');
  }

  private targetFor(question: LocalisedQuestion, field: string): string {
    if (field !== question.id) return `follow-${field.slice(question.id.length + 1)}`;
    if (question.type === 'single' || question.type === 'multiple' || question.type === 'scale') return firstChoiceId('answer');
    if (question.type === 'date') return 'answer-day';
    return 'answer';
  }

  private renderUrgent(): TemplateResult | typeof nothing {
    if (!this.definition || !isUrgent(this.definition, this.answers)) return nothing;
    const { t } = this.locale;
    const phone = readPageConfig(this.ownerDocument).outOfHoursPhone;
    return html`<div class="urgent" role="alert">
      <div class="heading-m" role="heading" aria-level="3">${t('urgent.title')}</div>
      <p>${t('urgent.body')} <a href="tel:999">999</a>.</p>
      ${phone ? html`<p>${t('urgent.council')} <a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>.</p>` : nothing}
      <p>${t('urgent.samaritans')} <a href="tel:116123">116 123</a>.</p>
    </div>`;
  }

  private renderQuestion(): TemplateResult {
    const definition = this.definition;
    const question = this.question;
    if (!definition || !question) return html``;
    const { t } = this.locale;
    const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
    const { index, total } = progress(definition, this.answers, question.id);
    const mainError = this.errors.find((error) => error.field === question.id);
    const maxOf = (q: LocalisedQuestion) => ('maxLength' in q ? q.maxLength : undefined);
    const summary = this.errors.map((error) => ({ target: this.targetFor(question, error.field), text: this.errorText(error, maxOf(question)) ?? '' }));
    const value = this.answers[question.id];
    return html`<button type="button" class="link-button" @click=${() => this.back()}>${t('back')}</button>
      ${this.dropped ? notification({ title: t('dropped', { count: this.dropped }), body: html`` }) : nothing}
      ${errorSummary(t('errorSummaryTitle'), summary)} ${this.renderFailure(t('saved.title'), () => void this.saveForLater())} ${this.renderUrgent()}
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault();
        this.continueFromQuestion();
      }}>
        ${question.type === 'info' ? nothing : html`<span class="caption">${t('caption', { index, total })}</span>`}
        ${this.renderInput(question, value, this.errorText(mainError, maxOf(question)), messages)}
        ${this.renderFollowUps(question, messages)}
        ${button({ label: t('continue'), type: 'submit' })}
      </form>
      <button type="button" class="link-button" @click=${() => void this.saveForLater()}>${t('save')}</button>`;
  }

  private renderInput(question: LocalisedQuestion, value: AnswerValue | undefined, error: string | undefined, messages: { errorPrefix: string; optional: string }): TemplateResult {
    const set = (raw: unknown) => this.setAnswer(question.id, normaliseAnswer(question, raw));
    // Every choice question: the question is the page heading, with its hint and error.
    const group = {
      id: 'answer',
      name: 'answer',
      legend: question.title,
      legendId: 'question-heading',
      legendClass: 'question-heading',
      ...(question.hint ? { hint: question.hint } : {}),
      ...(error ? { error } : {}),
      optional: question.optional ?? false,
      messages,
    };
    switch (question.type) {
      case 'info':
        return html`<div class="question-heading" role="heading" aria-level="2" id="question-heading" tabindex="-1">${question.title}</div>
          ${question.body.map((paragraph) => html`<p>${paragraph}</p>`)}`;
      case 'single':
      case 'multiple':
        return choiceGroup({
          ...group,
          multiple: question.type === 'multiple',
          choices: question.options.map((option) => ({ value: option.value, label: option.label })),
          value: Array.isArray(value) ? value : typeof value === 'string' ? value : undefined,
          onChange: (choice, checked) => {
            if (question.type === 'single') set(choice);
            else {
              const chosen = Array.isArray(value) ? value : [];
              const exclusive = new Set(question.options.filter((option) => option.exclusive).map((option) => option.value));
              // "None of these" clears the others, and any other choice clears "None of these".
              const next = !checked ? chosen.filter((other) => other !== choice) : exclusive.has(choice) ? [choice] : [...chosen.filter((other) => !exclusive.has(other)), choice];
              set(next);
            }
          },
        });
      case 'scale':
        return choiceGroup({
          ...group,
          choices: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 1 ? `1 – ${question.minLabel}` : n === 5 ? `5 – ${question.maxLabel}` : String(n) })),
          value: value === undefined ? undefined : String(value),
          onChange: (choice) => set(Number(choice)),
        });
      case 'long-text':
        return textArea({
          id: 'answer',
          name: 'answer',
          label: question.title,
          labelId: 'question-heading',
          labelClass: 'question-heading',
          ...(question.hint ? { hint: question.hint } : {}),
          ...(error ? { error } : {}),
          optional: question.optional ?? false,
          value: typeof value === 'string' ? value : '',
          messages,
          onInput: (text) => this.setAnswer(question.id, text),
        });
      case 'date': {
        const date = value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
        const part = (name: 'day' | 'month' | 'year') => html`<div class="form-group">
          <label class="label" for="answer-${name}">${this.locale.t(`dateParts.${name}`)}</label>
          <input
            class="input ${name === 'year' ? 'input--year' : ''} ${error ? 'input--error' : ''}"
            id="answer-${name}"
            inputmode="numeric"
            .value=${live(date && Number.isFinite(date[name]) ? String(date[name]) : '')}
            @change=${(event: Event) => {
              const current = date ?? { day: Number.NaN, month: Number.NaN, year: Number.NaN };
              const raw = Object.fromEntries(['day', 'month', 'year'].map((key) => [key, Number.isFinite(current[key as 'day']) ? String(current[key as 'day']) : '']));
              raw[name] = (event.target as HTMLInputElement).value;
              set(raw);
            }}
          />
        </div>`;
        return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
          <fieldset aria-describedby=${describedBy('answer', { hint: question.hint, error })}>
            <legend class="legend question-heading" id="question-heading" tabindex="-1">${question.title}${question.optional ? ` ${messages.optional}` : ''}</legend>
            ${question.hint ? html`<div class="hint" id="answer-hint">${question.hint}</div>` : nothing} ${errorMessage('answer', error, messages.errorPrefix)}
            <div class="date">${part('day')} ${part('month')} ${part('year')}</div>
          </fieldset>
        </div>`;
      }
      case 'text':
      case 'number':
      case 'postcode':
        return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="field">
          <label class="label question-heading" for="answer" id="question-heading" tabindex="-1">${question.title}${question.optional ? ` ${messages.optional}` : ''}</label>
          ${question.hint ? html`<div class="hint" id="answer-hint">${question.hint}</div>` : nothing} ${errorMessage('answer', error, messages.errorPrefix)}
          <input
            class="input ${question.type !== 'text' ? 'input--short' : ''} ${error ? 'input--error' : ''}"
            id="answer"
            type="text"
            inputmode=${question.type === 'number' ? 'numeric' : 'text'}
            autocomplete=${autocompleteFor(question)}
            spellcheck=${question.type === 'text' ? 'true' : 'false'}
            aria-describedby=${describedBy('answer', { hint: question.hint, error })}
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
            aria-label=${ifDefined(question.type === 'number' && question.suffix ? `${question.title} (${question.suffix})` : undefined)}
            .value=${live(value === undefined ? '' : String(value))}
            @change=${(event: Event) => set((event.target as HTMLInputElement).value)}
          />
          ${question.type === 'number' && question.suffix ? html`<span class="suffix" aria-hidden="true">${question.suffix}</span>` : nothing}
        </div>`;
    }
  }

  private renderFollowUps(question: LocalisedQuestion, messages: { errorPrefix: string; optional: string }): TemplateResult | typeof nothing {
    if (question.type !== 'single' && question.type !== 'multiple') return nothing;
    const value = this.answers[question.id];
    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return html`${question.options
      .filter((option) => option.followUp && chosen.includes(option.value))
      .map((option) => {
        const key = `${question.id}.${option.value}`;
        const followUp = option.followUp;
        if (!followUp) return nothing;
        const error = this.errors.find((candidate) => candidate.field === key);
        return textArea({
          id: `follow-${option.value}`,
          name: key,
          label: followUp.label,
          ...(followUp.hint ? { hint: followUp.hint } : {}),
          ...(error ? { error: this.errorText(error, followUp.maxLength) ?? '' } : {}),
          optional: true,
          rows: 3,
          value: typeof this.answers[key] === 'string' ? (this.answers[key] as string) : '',
          messages,
          onInput: (text) => this.setAnswer(key, text),
        });
      })}`;
  }

  /** An answer as the person would read it back. */
  private answerText(question: LocalisedQuestion, value: AnswerValue | undefined): string {
    if (value === undefined) return this.locale.t('check.none');
    if (question.type === 'single' || question.type === 'multiple') {
      const values = Array.isArray(value) ? value : [String(value)];
      return values.map((choice) => question.options.find((option) => option.value === choice)?.label ?? choice).join('\n');
    }
    if (question.type === 'date' && typeof value === 'object' && !Array.isArray(value)) return `${value.day}/${value.month}/${value.year}`;
    return String(value);
  }

  private renderCheck(): TemplateResult {
    const definition = this.definition;
    if (!definition) return html``;
    const { t } = this.locale;
    const shown = answersForSubmission(definition, this.answers);
    const rows = definition.questions.filter((question) => question.type !== 'info' && (shown[question.id] !== undefined || !question.optional) && question.id in shown);
    return html`<button type="button" class="link-button" @click=${() => this.back()}>${t('back')}</button>
      <div class="heading-l" role="heading" aria-level="2" id="check-heading" tabindex="-1">${t('check.heading')}</div>
      ${this.renderUrgent()}
      <dl class="check">
        ${rows.map(
          (question) => html`<div class="check-row" data-question=${question.id}>
            <dt>${question.title}</dt>
            <dd>${this.answerText(question, shown[question.id])}</dd>
            <dd>
              <button
                type="button"
                class="link-button"
                aria-label=${t('check.changeLabel', { question: question.title })}
                @click=${() => {
                  this.returnToCheck = true;
                  this.goTo(question.id);
                }}
              >${t('check.change')}</button>
            </dd>
          </div>`,
        )}
      </dl>
      ${button({ label: t('continue'), onClick: () => this.showResult() })}`;
  }

  private renderResult(): TemplateResult {
    const definition = this.definition;
    if (!definition) return html``;
    const { t } = this.locale;
    const result = outcome(definition, this.answers);
    const next = (step: NextStepDetail['step']) => this.dispatchEvent(new CustomEvent<NextStepDetail>('cls-next-step', { detail: { step }, bubbles: true, composed: true }));
    return html`<button type="button" class="link-button" @click=${() => this.back()}>${t('back')}</button>
      <div class="heading-l" role="heading" aria-level="2" id="result-heading" tabindex="-1">${t('result.heading')}</div>
      ${this.renderUrgent()}
      <p>${t('result.notDecision')}</p>
      ${result.strengths.length
        ? html`<div class="heading-m" role="heading" aria-level="3">${t('result.strengths')}</div>
            <ul class="strengths">
              ${result.strengths.map((strength) => html`<li><strong>${strength.title}</strong><br />${strength.answer}</li>`)}
            </ul>`
        : nothing}
      <div class="heading-m" role="heading" aria-level="3">${t('result.areas')}</div>
      ${result.areas.length
        ? html`<ul class="areas">
            ${result.areas.map((area) => html`<li>${area.label}</li>`)}
          </ul>`
        : html`<p>${t('result.noAreas')}</p>`}
      <div class="next-step">
        <div class="heading-m" role="heading" aria-level="3">${t('result.next')}: ${result.nextStep.title}</div>
        <p>${result.nextStep.body}</p>
      </div>
      <div class="button-group">
        ${button({ label: t('result.hub'), variant: 'secondary', onClick: () => next('hub-finder') })}
        ${button({ label: t('result.wheel'), variant: 'secondary', onClick: () => next('resource-wheel') })}
        ${button({ label: t('result.print'), variant: 'secondary', onClick: () => window.print() })}
      </div>
      ${button({
        label: t('result.send'),
        onClick: () => {
          this.page = 'send';
          this.errors = [];
          this.failure = undefined;
          this.focusNext.request('#send-heading');
        },
      })}`;
  }

  private renderSend(): TemplateResult {
    const definition = this.definition;
    if (!definition) return html``;
    const { t } = this.locale;
    const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
    const consentError = this.errors.some((error) => error.field === 'consent') ? t('send.consentRequired') : undefined;
    const method = this.answers['contact'];
    return html`<button type="button" class="link-button" @click=${() => this.back()}>${t('back')}</button>
      <div class="heading-l" role="heading" aria-level="2" id="send-heading" tabindex="-1">${t('send.heading')}</div>
      ${errorSummary(t('errorSummaryTitle'), consentError ? [{ target: firstChoiceId('consent'), text: consentError }] : [])}
      ${this.renderFailure(t('send.failed'), () => void this.send())}
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault();
        void this.send();
      }}>
        <div class="form-group" part="field">
          <label class="label" for="contact-name">${t('send.nameLabel')} ${t('optional')}</label>
          <input class="input" id="contact-name" autocomplete="name" spellcheck="false" .value=${live(this.contactName)} @input=${(event: Event) => {
            this.contactName = (event.target as HTMLInputElement).value;
          }} />
        </div>
        ${method === 'phone' || method === 'email'
          ? html`<div class="form-group" part="field">
              <label class="label" for="contact-value">${t(method === 'phone' ? 'send.phoneLabel' : 'send.emailLabel')}</label>
              <input
                class="input"
                id="contact-value"
                type=${method === 'phone' ? 'tel' : 'email'}
                autocomplete=${method === 'phone' ? 'tel' : 'email'}
                spellcheck="false"
                .value=${live(this.contactValue)}
                @input=${(event: Event) => {
                  this.contactValue = (event.target as HTMLInputElement).value;
                }}
              />
            </div>`
          : nothing}
        <p>${definition.consent}</p>
        ${choiceGroup({
          id: 'consent',
          name: 'consent',
          legend: t('send.consentLegend'),
          multiple: true,
          choices: [{ value: 'yes', label: t('send.consentLabel') }],
          value: this.consent ? ['yes'] : [],
          ...(consentError ? { error: consentError } : {}),
          messages,
          onChange: (_value, checked) => {
            this.consent = checked;
            this.errors = [];
          },
        })}
        ${button({ label: t('send.submit'), type: 'submit', busy: this.busy, busyLabel: t('send.sending') })}
      </form>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-step-change': CustomEvent<StepChangeDetail>;
    'cls-save': CustomEvent<SaveDetail>;
    'cls-submit': CustomEvent<SubmitDetail>;
    'cls-complete': CustomEvent<SubmitDetail>;
    'cls-next-step': CustomEvent<NextStepDetail>;
    'cls-urgent': CustomEvent<Record<string, never>>;
  }
}
