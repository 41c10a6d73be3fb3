import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { readPageConfig, resolveDirectoryUrl } from '../../client/config.ts';
import { ApiError, isAbort } from '../../client/errors.ts';
import { DRAFT_DAYS, Draft, DraftSaved, QuestionnaireResponse, SubmissionCreated, type QuestionnaireDefinition } from '../../contract/questionnaire.ts';
import type { AnswerValue, Answers, LocalisedQuestion, LocalisedQuestionnaire } from '../../contract/questionnaire.ts';
import { localDeviceStorage } from '../../core/device-store.ts';
import { isUrgent, outcome, postcodeAnswer, questionnaireHref, reconcile, urgentPanels, validatePage, voiced, withAnswer } from '../../core/questionnaire.ts';
import { AnswersOnDevice, fitsQuestionnaire, selfAssessmentKey } from '../../core/questionnaire-device.ts';
import { RESUME_PARAM, contactFormErrors, contactMethod, draftFor, formatResumeCode, readResumeCode, resumeLink, submissionFor } from '../../core/questionnaire-submission.ts';
import { RESULT, initialJourney, journey, resumePlace, type JourneyAction, type JourneyState, type Place } from '../../core/self-assessment-journey.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { spinner } from '../../shared-ui/spinner.ts';
import { InactivityTimeout, timeoutExpiredNotice, timeoutWarning, timeoutWarningStyles } from '../../shared-ui/timeout-warning.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import type { NextStepDetail } from './api/events.ts';
import { AnswerErrors } from './controllers/answer-errors.ts';
import { CommunityOptions } from './controllers/community-options.ts';
import { DocumentTitle, titleOfPage } from './controllers/document-title.ts';
import { JourneyHistory } from './controllers/journey-history.ts';
import { QuestionnaireSource } from './controllers/questionnaire-source.ts';
import { checkPage } from './pages/check.ts';
import { nextStepTarget, showNextStep } from './pages/next-step.ts';
import { answerNotices, urgentPanelsHelp, type Notice } from './pages/notices.ts';
import { questionPage } from './pages/question.ts';
import type * as LaterPagesModule from './pages/later.ts';
import type { CouncilContact } from './pages/result.ts';
import type { SendForm } from './pages/send.ts';
import { startPage } from './pages/start.ts';
import { PAGE_FOCUS, type PageView } from './pages/view.ts';
import { selfAssessmentMessages } from './self-assessment.locales.ts';
import { selfAssessmentStyles } from './self-assessment.styles.ts';

export type { NextStepDetail, SaveDetail, StepChangeDetail, SubmitDetail } from './api/events.ts';

/** A request the person made: none, one in flight, or the last one failed. */
type Activity = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; error: ApiError };
const IDLE: Activity = { kind: 'idle' };

/** The pages after the questions, fetched once for every element on the page (see pages/later.ts). */
type LaterPages = typeof LaterPagesModule;
let laterPages: LaterPages | undefined;
let laterPagesLoading: Promise<LaterPages | undefined> | undefined;
const LATER_PAGES: ReadonlySet<string> = new Set(['result', 'send', 'saved', 'sent']);

function loadLaterPages(): Promise<LaterPages | undefined> {
  laterPagesLoading ??= import('./pages/later.ts').then(
    (pages) => (laterPages = pages),
    () => {
      // Offline, say: the next try fetches again.
      laterPagesLoading = undefined;
      return undefined;
    },
  );
  return laterPagesLoading;
}

const emptySendForm = (): SendForm => ({ name: '', value: '', consent: false });

const localizer = createLocalizer(
  { en: selfAssessmentMessages, cy: () => import('./self-assessment.locales.cy.ts').then((module) => module.selfAssessmentMessagesCy) },
  'sa',
  { days: DRAFT_DAYS },
);

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
 * Events carry no answer text unless the host sets `include-answers`.
 *
 * @fires {CustomEvent<StepChangeDetail>} cls-step-change - The page changed (a question id, `check-answers`, `result`, `send`, `start`).
 * @fires {CustomEvent<SaveDetail>} cls-save - Answers were saved on the server; `detail.code` is the resume code.
 * @fires {CustomEvent<SubmitDetail>} cls-submit - Answers were sent to the council; `detail.reference` is the person's reference.
 * @fires {CustomEvent<SubmitDetail>} cls-complete - The person finished (after sending).
 * @fires {CustomEvent<NextStepDetail>} cls-next-step - The person asked for the hub finder or the resource wheel. Cancelable: unless cancelled, the element on the page is shown, given the person's postcode and focused. The buttons only show when that element is on the page.
 * @fires {CustomEvent} cls-urgent - An answer signals danger; the urgent-help panel is showing.
 * @fires {CustomEvent} cls-timeout - The host's `timeout` ran out and the answers were deleted.
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
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
 */
export class ClsSelfAssessment extends ClsElement {
  static override styles = [ClsElement.styles, timeoutWarningStyles, selfAssessmentStyles];
  static override localizer = localizer;
  static override personal = ['answers', 'resume'];

  static override properties = {
    directory: { type: String },
    questionnaire: { type: String },
    history: { type: Boolean },
    resume: { type: String },
    timeout: { type: Number },
    includeAnswers: { type: Boolean, attribute: 'include-answers' },
    definition: { attribute: false },
    answers: { attribute: false },
    localised: { state: true },
    journeyState: { state: true },
    activity: { state: true },
    notice: { state: true },
    dropped: { state: true },
    emailAnswers: { state: true },
    sendForm: { state: true },
    resumeText: { state: true },
    savedCode: { state: true },
    status: { state: true },
  };

  /**
   * An Open Referral UK feed (v1.0 or v3.0) to find community options in for
   * the result page; else the reference server's own `/oruk/` beside `api-base`.
   */
  declare directory: string | undefined;
  /** Which questionnaire to run, e.g. `what-matters` or `looking-after-someone`. */
  declare questionnaire: string;
  /**
   * Let the browser's own Back and Forward buttons step through the pages.
   * Uses `history.pushState` under this element's own key, with the URL
   * unchanged, so the host page's routes are never touched.
   */
  declare history: boolean;
  /** A resume code to continue saved answers straight away (a `?cls-resume=` in the page URL works too). */
  declare resume: string | undefined;
  /**
   * Minutes without activity after which the answers are deleted from the
   * page and the device (for shared screens). None by default. The person is
   * warned 2 minutes before and can carry on.
   */
  declare timeout: number | undefined;
  /**
   * Put the answers in the `detail` of `cls-step-change`, `cls-save`,
   * `cls-submit` and `cls-complete`. Off by default, so that scripts
   * listening on the host page (analytics, say) see no answer text.
   */
  declare includeAnswers: boolean;
  /**
   * A questionnaire definition to run entirely in the browser, without the
   * reference server (for a charity's own site). Sending and saving on a
   * server still need `api-base`.
   */
  declare definition: QuestionnaireDefinition | undefined;
  /**
   * The answers so far, by question id (a "tell us more" box as
   * `<question>.<option>`). Read it to get them; set it to fill answers in
   * (e.g. from the host's own records). Setting it does not change the page.
   */
  declare answers: Answers;

  declare private localised: LocalisedQuestionnaire | undefined;
  /** Which page, and how the person got there (see `src/core/self-assessment-journey.ts`). */
  declare private journeyState: JourneyState;
  declare private activity: Activity;
  declare private notice: Notice | undefined;
  /** How many saved answers no longer fit the questions. */
  declare private dropped: number;
  /** "Include my answers" in the email copy. */
  declare private emailAnswers: boolean;
  declare private sendForm: SendForm;
  declare private resumeText: string;
  /** The resume code the answers were last saved (or resumed) under, for the link in "Email me a copy". */
  declare private savedCode: string | undefined;
  declare private status: string;

  private readonly api = new ApiController(this);
  /** The definition in the person's language: a language switch reloads it, keeping the answers. */
  private readonly source = new QuestionnaireSource(this, this.api, {
    id: () => this.questionnaireId,
    lang: () => this.locale.lang,
    definition: () => this.definition,
    loaded: (questionnaire) => this.loaded(questionnaire),
  });
  private readonly errors = new AnswerErrors(this, {
    locale: this.locale,
    focus: (selector) => this.focusNext.request(selector),
    question: () => this.currentQuestion,
    contactMethod: () => contactMethod(this.answers),
  });
  /** Kiosk mode keeps nothing on the device. */
  private readonly device = new AnswersOnDevice(() => this.questionnaireId, () => (this.kiosk ? undefined : localDeviceStorage()));
  private readonly steps = new JourneyHistory(this, {
    // Not on a shared screen: Back would bring the last person's place to the next.
    enabled: () => this.history && !this.kiosk && this.localised !== undefined && !this.source.failure,
    key: () => selfAssessmentKey(this.questionnaireId),
    onPlace: (place) => this.go({ type: 'history', place }),
  });
  /** Community options for the result page, as they load. */
  private readonly community = new CommunityOptions(this, this.api);
  /** The host's `timeout`: warn 2 minutes ahead, then delete the answers (WCAG 2.2.1). */
  private readonly inactivity = new InactivityTimeout(this, {
    minutes: () => this.timeout,
    // Something to lose: answers, or a code or reference on screen.
    active: () => Object.keys(this.answers).length > 0 || this.journeyState.page.kind === 'saved' || this.journeyState.page.kind === 'sent',
    onExpire: (reason) => {
      this.startAgain();
      this.notice = { kind: 'expired', ...timeoutExpiredNotice(this.inactivity, this.locale.t, reason) };
      this.focusNext.request('.notification');
      this.emit('cls-timeout', this.detail({}));
    },
  });
  /** The page's title names the page the person is on (with "Error: " while it shows errors); the host's comes back on the start page. */
  private readonly documentTitle = new DocumentTitle(this, () => {
    const page = this.pageTitle;
    return page === undefined ? undefined : { page, error: this.errors.any, errorPrefix: this.locale.t('errorPrefix') };
  });
  /** The questionnaire the element shows (or loads). */
  private shownId: string | undefined;
  private wasUrgent = false;

  constructor() {
    super();
    this.questionnaire = 'what-matters';
    this.history = false;
    this.includeAnswers = false;
    this.answers = {};
    this.journeyState = initialJourney;
    this.activity = IDLE;
    this.dropped = 0;
    this.emailAnswers = false;
    this.sendForm = emptySendForm();
    this.resumeText = '';
    this.status = '';
  }

  private get questionnaireId(): string {
    return this.definition?.id ?? this.questionnaire;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another questionnaire starts afresh.
    const id = this.questionnaireId;
    if (this.shownId !== undefined && this.shownId !== id) {
      this.localised = undefined;
      this.answers = {};
      this.journeyState = initialJourney;
    }
    this.shownId = id;
  }

  /** The definition arrived; the first time, carry on with a resume code or the answers kept on the device. */
  private loaded(questionnaire: LocalisedQuestionnaire): void {
    // A load the host has since switched away from (it changed `questionnaire` mid-load): the one
    // asked for now is on its way, and these questions must not be matched with its saved answers.
    if (questionnaire.id !== this.questionnaireId) return;
    const first = !this.localised;
    this.localised = questionnaire;
    if (!first) return;
    const code = this.resume?.trim() || new URLSearchParams(this.ownerDocument.defaultView?.location.search ?? '').get(RESUME_PARAM)?.trim();
    const saved = this.device.read();
    if (code) {
      this.resumeText = code;
      void this.resumeFromCode(false);
    } else if (saved && !Object.keys(this.answers).length) {
      if (!fitsQuestionnaire(questionnaire, saved)) {
        // Never a blank element: what cannot be carried on with is put aside, and said so.
        this.device.setAside();
        this.notice = { kind: 'set-aside' };
        this.go({ type: 'loaded' });
      } else if (saved.sent) {
        // Sent already: the result stays, to keep and print, until the person starts again.
        this.answers = saved.answers;
        this.go({ type: 'sent', reference: saved.sent.reference, focus: false });
        this.findCommunityOptions();
      } else {
        // A reload or a return visit carries on where the person was, without moving focus into the widget.
        this.restore(saved, false);
        this.notice = { kind: 'restored' };
      }
    } else {
      this.go({ type: 'loaded' });
    }
  }

  /** What the page on screen is called, for the document title; undefined on the start page (and while loading). */
  private get pageTitle(): string | undefined {
    if (!this.localised || this.source.failure) return undefined;
    return titleOfPage(this.journeyState.page.kind, this.currentQuestion?.title, this.locale.t);
  }

  private get currentQuestion(): LocalisedQuestion | undefined {
    const { page, question } = this.journeyState;
    // In the person's voice: "them" when answering for someone else.
    return page.kind === 'question' && this.localised ? voiced(this.localised, this.answers).questions.find((candidate) => candidate.id === question) : undefined;
  }

  // ——— the journey ———

  /** One step of the journey, and what it asks the element to do. */
  private go(action: JourneyAction): void {
    const questionnaire = this.localised;
    if (!questionnaire) return;
    this.journeyState = journey(this.journeyState, { ...action, questionnaire, answers: this.answers });
    for (const effect of this.journeyState.effects) {
      if (effect.type === 'history') this.steps.record(effect.mode, effect.place);
      else if (effect.type === 'focus') this.focusNext.request(PAGE_FOCUS[this.journeyState.page.kind]);
      else this.arrived(effect.place);
    }
  }

  private arrived(place: Place): void {
    this.errors.clear();
    if (this.activity.kind === 'failed') this.activity = IDLE;
    this.notice = undefined;
    this.keep();
    if (this.journeyState.page.kind === 'result') this.findCommunityOptions();
    this.emit('cls-step-change', this.detail({ page: place }));
  }

  /** An event's detail, with the answers only when the host opted in. */
  private detail<T extends object>(detail: T): T & { answers?: Answers } {
    return this.includeAnswers ? { ...detail, answers: { ...this.answers } } : detail;
  }

  // ——— the answers ———

  private keep(): void {
    if (this.localised) this.device.keep(this.localised.version, this.answers, resumePlace(this.journeyState));
  }

  /** Answers saved on the device or the server, against the questionnaire as it is now. */
  private restore(saved: { version: number; answers: Answers; at?: string | undefined }, focus = true): void {
    const definition = this.localised;
    if (!definition) return;
    const { answers, dropped } = reconcile(definition, saved);
    this.answers = answers;
    this.dropped = dropped.length;
    this.go({ type: 'restore', at: saved.at, answered: Object.keys(answers), focus });
  }

  /** "Start again": the answers go from the page and the device. */
  private startAgain(): void {
    this.answers = {};
    this.dropped = 0;
    this.sendForm = emptySendForm();
    this.savedCode = undefined;
    this.wasUrgent = false;
    this.api.forgetPending();
    this.device.remove();
    this.go({ type: 'start-again' });
  }

  private setAnswer(key: string, value: AnswerValue | undefined): void {
    const next = withAnswer(this.answers, key, value);
    this.answers = next;
    this.errors.clear(key);
    this.keep();
    const urgent = this.localised ? isUrgent(this.localised, next) : false;
    if (urgent && !this.wasUrgent) {
      this.status = this.locale.t('urgent.title');
      this.emit('cls-urgent', this.detail({}));
    }
    this.wasUrgent = urgent;
  }

  private continueFromQuestion(): void {
    const question = this.currentQuestion;
    if (!question) return;
    const errors = validatePage(question, this.answers);
    if (errors.length) this.errors.show(errors);
    else this.go({ type: 'continue' });
  }

  // ——— the server ———

  /** Runs one request at a time: busy while it runs, its failure shown (and focused) unless `handled` takes care of it. */
  private async request<T>(send: () => Promise<T>, done: (value: T) => void, handled?: (error: ApiError) => Promise<boolean>): Promise<void> {
    if (this.activity.kind === 'busy') return;
    this.activity = { kind: 'busy' };
    try {
      const value = await send();
      this.activity = IDLE;
      done(value);
    } catch (error) {
      if (isAbort(error)) this.activity = IDLE;
      else if (!(await handled?.(ApiError.from(error)))) this.fail(error);
    }
  }

  private fail(error: unknown, focus = true): void {
    this.activity = { kind: 'failed', error: ApiError.from(error) };
    if (focus) this.focusNext.request('.notification');
  }

  private async saveForLater(): Promise<void> {
    const definition = this.localised;
    if (!definition) return;
    await this.request(
      () => this.api.submit('drafts', draftFor(definition, this.answers, resumePlace(this.journeyState), this.locale.lang), DraftSaved),
      ({ code }) => {
        this.savedCode = code;
        this.status = this.locale.t('status.saved', { code: formatResumeCode(code) });
        this.go({ type: 'saved', code });
        this.emit('cls-save', this.detail({ code }));
      },
    );
  }

  private async send(): Promise<void> {
    const definition = this.localised;
    if (!definition || this.activity.kind === 'busy') return;
    // The contract's contact rule, as the server applies it: the chosen way decides which detail is needed.
    const problems = [...contactFormErrors(this.answers, this.sendForm), ...(this.sendForm.consent ? [] : [{ field: 'consent', code: 'required' as const }])];
    if (problems.length) return this.errors.show(problems);
    this.errors.clear();
    await this.request(
      () => this.api.submit('submissions', submissionFor(definition, this.answers, this.sendForm, this.locale.lang), SubmissionCreated),
      ({ reference }) => {
        this.status = this.locale.t('status.sent', { reference });
        // Kept as sent (not as answers to carry on with), so Back and a reload keep the result on screen.
        this.device.keep(definition.version, this.answers, RESULT, { reference });
        this.go({ type: 'sent', reference });
        this.emit('cls-submit', this.detail({ reference }));
        this.emit('cls-complete', this.detail({ reference }));
      },
      async (error) => {
        // The council changed the questions since they loaded: the answers are fitted to the new ones, to check.
        if (error.code !== 'questionnaire-changed' || this.definition) return false;
        await this.questionsChanged(definition);
        return true;
      },
    );
  }

  /** The council changed the questions mid-way: fit the answers to the new ones and ask the person to check them (busy until then). */
  private async questionsChanged(before: LocalisedQuestionnaire): Promise<void> {
    try {
      const { questionnaire } = await this.api.get(`questionnaires/${encodeURIComponent(this.questionnaire)}`, QuestionnaireResponse, { query: { lang: this.locale.lang } });
      const { answers, dropped } = reconcile(questionnaire, { version: before.version, answers: this.answers });
      this.localised = questionnaire;
      this.answers = answers;
      this.api.forgetPending();
      this.activity = IDLE;
      this.go({ type: 'questions-changed' });
      this.dropped = dropped.length;
      this.notice = { kind: 'changed' };
    } catch (error) {
      if (isAbort(error)) this.activity = IDLE;
      else this.fail(error);
    }
  }

  private async resumeFromCode(focus = true): Promise<void> {
    if (!this.localised) return;
    const typed = readResumeCode(this.resumeText);
    if (typed.kind === 'malformed') return this.errors.show([{ field: 'resume-code', code: 'invalid' }], { focus });
    // The right shape, but no code is ever issued with those characters: not found, without asking the server.
    if (typed.kind === 'never-issued') return this.errors.show([{ field: 'resume-code', code: 'required' }], { focus });
    try {
      const draft = await this.api.get(`drafts/${typed.code}`, Draft);
      this.savedCode = typed.code;
      this.restore(draft, focus);
    } catch (error) {
      if (isAbort(error)) return;
      if (ApiError.from(error).status === 404) this.errors.show([{ field: 'resume-code', code: 'required' }], { focus });
      else this.fail(error, focus);
    }
  }

  private findCommunityOptions(retry = false): void {
    const definition = this.localised;
    if (!definition) return;
    const feedUrl = resolveDirectoryUrl(this, this.directory, this.apiBase);
    void this.community.find({ result: outcome(definition, this.answers), postcode: postcodeAnswer(definition, this.answers), feedUrl }, retry);
  }

  /** Fires `cls-next-step`; unless the host cancels it, shows the other widget, with the person's postcode. */
  private openNextStep(step: NextStepDetail['step']): void {
    const target = nextStepTarget(this.ownerDocument, step);
    const postcode = this.localised && postcodeAnswer(this.localised, this.answers);
    if (this.emit('cls-next-step', this.detail({ step }), { cancelable: true }) && target) showNextStep(target, postcode);
  }

  /** The community team's contact details, from the page's `#cls-config`. */
  private get council(): CouncilContact {
    const { contactPhone, contactEmail, contactUrl } = readPageConfig(this.ownerDocument);
    return { phone: contactPhone, email: contactEmail, url: contactUrl };
  }

  private get pageUrl(): URL {
    return new URL(this.ownerDocument.defaultView?.location.href ?? this.ownerDocument.baseURI);
  }

  // ——— rendering ———

  /**
   * Holds a render of the result, send, saved or sent page until their chunk
   * is here (the first time only), so the page never flashes empty; starts
   * fetching it as soon as the questions begin.
   */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const kind = this.journeyState.page.kind;
    if (!laterPages && LATER_PAGES.has(kind)) return loadLaterPages().then(() => super.scheduleUpdate());
    if (!laterPages && kind !== 'start') void loadLaterPages();
    return super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      <slot name="header"></slot>
      ${this.renderPage()} ${statusRegion(this.status)} ${timeoutWarning(this.inactivity, this.locale.t)}
      <slot name="footer"></slot>
    </div>`;
  }

  private view(questionnaire: LocalisedQuestionnaire): PageView {
    const { t, lang } = this.locale;
    const headings = this.headings;
    const config = readPageConfig(this.ownerDocument);
    // Every page reads the questions in the person's voice ("What does a good day look like for them?").
    const definition = voiced(questionnaire, this.answers);
    return {
      t,
      lang,
      headings,
      messages: { errorPrefix: t('errorPrefix'), optional: t('optional') },
      definition,
      answers: this.answers,
      errors: this.errors,
      failure: this.activity.kind === 'failed' ? this.activity.error : undefined,
      notices: answerNotices({ t, headings }, this.notice, this.dropped, () => this.startAgain()),
      questionnaireHref: (id) => questionnaireHref(id, config.questionnaireUrls),
      urgent: isUrgent(questionnaire, this.answers) ? urgentPanelsHelp({ t, lang, headings }, urgentPanels(questionnaire, this.answers), config) : nothing,
      go: (action) => this.go(action),
    };
  }

  private startPage(view: PageView, definition: LocalisedQuestionnaire): TemplateResult {
    return startPage(view, {
      notice: this.notice,
      canContinue: this.device.read() !== undefined,
      resumeText: this.resumeText,
      onContinue: () => {
        const saved = this.device.read();
        if (saved && fitsQuestionnaire(definition, saved)) this.restore(saved);
      },
      onResumeInput: (text) => void (this.resumeText = text),
      onResume: () => void this.resumeFromCode(),
    });
  }

  private renderPage(): TemplateResult {
    const { t } = this.locale;
    const loadFailure = this.source.failure;
    if (loadFailure) {
      // In place of the page: its one heading is the element's own.
      const retry = button({ label: t('tryAgain'), variant: 'secondary', onClick: () => this.source.retry() });
      return notification({ title: t('loadingFailed'), variant: 'error', level: this.headings.main, body: html`<p>${t(loadFailure.messageKey)}</p>${retry}` });
    }
    const definition = this.localised;
    if (!definition) return html`<p>${spinner()} ${t('loading')}</p>`;
    const view = this.view(definition);
    const { page } = this.journeyState;
    const question = this.currentQuestion;
    switch (page.kind) {
      case 'start':
        return this.startPage(view, definition);
      case 'question': {
        // The journey never names a question the definition lacks; should it, the start page rather than nothing.
        if (!question) return this.startPage(view, definition);
        const onAnswer = (key: string, value: AnswerValue | undefined) => this.setAnswer(key, value);
        return questionPage(view, { question, onAnswer, onContinue: () => this.continueFromQuestion(), onSave: () => void this.saveForLater() });
      }
      case 'check':
        return checkPage(view, { onSave: () => void this.saveForLater() });
    }
    const later = laterPages;
    // Only when fetching them failed (offline, say): the answers stay, and trying again fetches them again.
    if (!later) {
      const retry = button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void loadLaterPages().then(() => this.requestUpdate()) });
      return notification({ title: t('pageFailed'), variant: 'error', level: this.headings.main, body: html`<p>${t('errors.network')}</p>${retry}` });
    }
    const { resultPage, resultSummary, savedPage, sendPage, sentPage } = later;
    switch (page.kind) {
      case 'result': {
        const resume = this.savedCode ? resumeLink(this.pageUrl, this.savedCode) : undefined;
        const email = { pageUrl: this.pageUrl.href, resumeLink: resume, includeAnswers: this.emailAnswers, onIncludeAnswers: (include: boolean) => void (this.emailAnswers = include) };
        return resultPage(view, {
          outcome: outcome(definition, this.answers),
          council: this.council,
          steps: (['hub-finder', 'resource-wheel'] as const).filter((step) => nextStepTarget(this.ownerDocument, step)),
          community: this.community.state,
          email: this.kiosk ? undefined : email,
          onRetryCommunity: () => this.findCommunityOptions(true),
          onNextStep: (step) => this.openNextStep(step),
        });
      }
      case 'send':
        return sendPage(view, {
          form: this.sendForm,
          method: contactMethod(this.answers),
          busy: this.activity.kind === 'busy',
          onInput: (change) => {
            this.sendForm = { ...this.sendForm, ...change };
            if (change.consent !== undefined) this.errors.clear();
          },
          onSend: () => void this.send(),
        });
      case 'saved': {
        return savedPage(view, { code: page.code, link: resumeLink(this.pageUrl, page.code), title: definition.title, kiosk: this.kiosk, onStatus: (status) => void (this.status = status) });
      }
      case 'sent': {
        const config = readPageConfig(this.ownerDocument);
        return sentPage(view, {
          reference: page.reference,
          inboxHours: config.inboxHours,
          replyWorkingDays: config.replyWorkingDays,
          noContact: Object.hasOwn(this.answers, 'contact') && this.answers['contact'] === 'none',
          summary: resultSummary(view, { outcome: outcome(definition, this.answers), council: this.council, community: this.community.state, onRetryCommunity: () => this.findCommunityOptions(true) }),
          onStartAgain: () => this.startAgain(),
        });
      }
    }
  }
}
