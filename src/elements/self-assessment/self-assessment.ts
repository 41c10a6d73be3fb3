import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ApiClient } from '../../client/client.ts';
import { readPageConfig, resolveApiBase, resolveDirectoryUrl } from '../../client/config.ts';
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
import type { CommunityOption } from '../../core/community-options.ts';
import type { FieldError } from '../../core/field-errors.ts';
import { mailtoHref, resultText } from '../../core/result-summary.ts';
import { formatDistance } from '../../i18n/format.ts';
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
  visibleQuestions,
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
import { InactivityTimeout, timeoutExpiredNotice, timeoutWarning, timeoutWarningStyles } from '../../shared-ui/timeout-warning.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { selfAssessmentMessages } from './self-assessment.locales.ts';
import { selfAssessmentStyles } from './self-assessment.styles.ts';

/** `detail` of `cls-step-change`. */
export interface StepChangeDetail {
  page: string;
  /** Only with `include-answers`. */
  answers?: Answers;
}
/** `detail` of `cls-save`. */
export interface SaveDetail {
  code: string;
  /** Only with `include-answers`. */
  answers?: Answers;
}
/** `detail` of `cls-submit` and `cls-complete`. */
export interface SubmitDetail {
  reference: string;
  /** Only with `include-answers`. */
  answers?: Answers;
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
/** A resume code in the page URL, from the "copy link" on the saved page. */
const RESUME_PARAM = 'cls-resume';
/** The two pages after the check answers page, as history and the device record them. */
const RESULT = 'result';
const SEND = 'send';

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
 */
export class ClsSelfAssessment extends LitElement {
  static override styles = [tokens, ...sharedStyles, timeoutWarningStyles, selfAssessmentStyles];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    directory: { type: String },
    questionnaire: { type: String },
    kiosk: { type: Boolean },
    history: { type: Boolean },
    resume: { type: String },
    timeout: { type: Number },
    includeAnswers: { type: Boolean, attribute: 'include-answers' },
    definition: { attribute: false },
    answers: { attribute: false },
    page: { state: true },
    localised: { state: true },
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
    restored: { state: true },
    changed: { state: true },
    expired: { state: true },
    community: { state: true },
    emailAnswers: { state: true },
    resumeText: { state: true },
    status: { state: true },
  };

  /** Base URL of the API; else the page's `#cls-config` `apiBase`, else `/api/v1`. */
  declare apiBase: string | undefined;
  /**
   * An Open Referral UK feed (v1.0 or v3.0) to find community options in for
   * the result page; else the reference server's own `/oruk/` beside `api-base`.
   */
  declare directory: string | undefined;
  /** Which questionnaire to run, e.g. `what-matters` or `looking-after-someone`. */
  declare questionnaire: string;
  /** Shared-screen mode: nothing is kept on the device, and there is no "email me a copy". */
  declare kiosk: boolean;
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

  declare private page: Page;
  declare private localised: LocalisedQuestionnaire | undefined;
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
  declare private restored: boolean;
  /** The questions changed on the server while the person was answering. */
  declare private changed: boolean;
  /** Why the answers were deleted when the host's timeout ran out, for the start page. */
  declare private expired: { title: string; body: string } | undefined;
  /** Community options for the result page, as they load. */
  declare private community: { state: 'loading' | 'failed' | 'ready'; options: CommunityOption[]; near?: string; key: string } | undefined;
  /** "Include my answers" in the email copy. */
  declare private emailAnswers: boolean;
  declare private resumeText: string;
  declare private status: string;

  private readonly locale = new LocaleController(this, localizer);
  private readonly focusNext = new FocusAfterRender(this);
  /** The host's `timeout`: warn 2 minutes ahead, then delete the answers (WCAG 2.2.1). */
  private readonly inactivity = new InactivityTimeout(this, {
    minutes: () => this.timeout,
    // Something to lose: answers, or a code or reference on screen.
    active: () => Object.keys(this.answers).length > 0 || this.page === 'saved' || this.page === 'sent',
    onExpire: (reason) => {
      this.startAgain();
      this.reference = undefined;
      this.expired = timeoutExpiredNotice(this.inactivity, this.locale.t, reason);
      this.focusNext.request('.notification');
      this.emit('cls-timeout', {});
    },
  });
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
    this.history = false;
    this.includeAnswers = false;
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
    this.restored = false;
    this.changed = false;
    this.emailAnswers = false;
    this.resumeText = '';
    this.status = '';
  }

  private get client(): ApiClient {
    return new ApiClient({ baseUrl: this.apiBase?.trim() || resolveApiBase(this) });
  }

  private get questionnaireId(): string {
    return this.definition?.id ?? this.questionnaire;
  }

  /** This element's own key: for its answers in localStorage, and for its page in `history.state`. */
  private get storageKey(): string {
    return `${STORAGE_PREFIX}${this.questionnaireId}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(): void {
    // The definition comes in the resident's language: a language switch reloads it, keeping the answers.
    // Another questionnaire starts afresh.
    const wanted = `${this.questionnaireId}|${this.locale.lang}`;
    if (this.loadedFor === wanted) return;
    if (this.loadedFor && !this.loadedFor.startsWith(`${this.questionnaireId}|`)) {
      this.localised = undefined;
      this.answers = {};
      this.seen.clear();
      this.page = 'loading';
    }
    this.loadedFor = wanted;
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const source = this.definition ? QuestionnaireDefinition.parse(this.definition) : undefined;
      const response = source
        ? localiseQuestionnaire(source, this.locale.lang)
        : await this.client.get(`questionnaires/${encodeURIComponent(this.questionnaire)}`, QuestionnaireResponse, { query: { lang: this.locale.lang } });
      const first = !this.localised;
      this.localised = response.questionnaire;
      if (!first) return;
      this.page = 'start';
      const code = this.resume?.trim() || new URLSearchParams(this.ownerDocument.defaultView?.location.search ?? '').get(RESUME_PARAM)?.trim();
      const saved = this.saved();
      if (code) {
        this.resumeText = code;
        await this.resumeFromCode(false);
      } else if (saved && !Object.keys(this.answers).length) {
        // A reload or a return visit carries on where the person was, without moving focus into the widget.
        this.restore(saved, false);
        this.restored = true;
      } else {
        this.record('replace');
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
    if (this.kiosk || !this.localised) return;
    // Nothing answered is nothing to keep, so "Start again" leaves no trace.
    if (!Object.keys(this.answers).length) {
      this.forget();
      return;
    }
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ version: this.localised.version, answers: this.answers, at: this.place ?? this.current }));
    } catch {
      // Storage full or blocked: the answers still live in the page, and can be saved on the server.
    }
  }

  private forget(): void {
    if (this.kiosk) return;
    try {
      localStorage.removeItem(this.storageKey);
    } catch {
      // Blocked storage kept nothing to remove.
    }
  }

  /** Answers saved on the device or the server, against the questionnaire as it is now. */
  private restore(saved: { version: number; answers: Answers; at?: string | undefined }, focus = true): void {
    const definition = this.localised;
    if (!definition) return;
    const { answers, dropped } = reconcile(definition, saved);
    this.answers = answers;
    this.dropped = dropped.length;
    for (const id of Object.keys(answers)) this.seen.add(id);
    const at = saved.at === undefined || saved.at === START ? firstQuestion(definition) : saved.at;
    this.goTo(at, { focus, history: 'replace' });
  }

  /** "Start again": the answers go from the page and the device. */
  private startAgain(): void {
    this.answers = {};
    this.seen.clear();
    this.dropped = 0;
    this.code = undefined;
    this.consent = false;
    this.contactName = '';
    this.contactValue = '';
    this.wasUrgent = false;
    this.forget();
    this.goTo(START);
  }

  // ——— navigation ———

  /** Where the person is, as history and the device keep it; undefined on the pages that are not a step. */
  private get place(): string | undefined {
    switch (this.page) {
      case 'start':
        return START;
      case 'question':
        return this.current;
      case 'check':
        return CHECK_ANSWERS;
      case 'result':
        return RESULT;
      case 'send':
        return SEND;
      default:
        return undefined;
    }
  }

  /** Records the page in the browser's history under this element's key, keeping the host's own state. */
  private record(mode: 'push' | 'replace'): void {
    const place = this.place;
    if (!this.history || place === undefined) return;
    const history = window.history;
    const state: unknown = history.state;
    const base = state !== null && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
    if (base[this.storageKey] === place) return;
    const next = { ...base, [this.storageKey]: place };
    if (mode === 'push') history.pushState(next, '');
    else history.replaceState(next, '');
  }

  private readonly onPopState = (event: PopStateEvent): void => {
    if (!this.history || !this.localised || !['start', 'question', 'check', 'result', 'send', 'saved'].includes(this.page)) return;
    const state: unknown = event.state;
    const place = state !== null && typeof state === 'object' ? (state as Record<string, unknown>)[this.storageKey] : undefined;
    if (typeof place !== 'string') return;
    this.returnToCheck = false;
    this.goTo(place, { history: 'none' });
  };

  /** Fires an event; the answers go in `detail` only when the host opted in. False if the host cancelled it. */
  private emit<T extends object>(name: string, detail: T, cancelable = false): boolean {
    const full = this.includeAnswers ? { ...detail, answers: { ...this.answers } } : detail;
    return this.dispatchEvent(new CustomEvent(name, { detail: full, bubbles: true, composed: true, cancelable }));
  }

  private goTo(target: string, how: { focus?: boolean; history?: 'push' | 'replace' | 'none' } = {}): void {
    const definition = this.localised;
    if (!definition) return;
    this.errors = [];
    this.failure = undefined;
    this.restored = false;
    this.changed = false;
    this.expired = undefined;
    const focus = (selector: string) => {
      if (how.focus !== false) this.focusNext.request(selector);
    };
    const question = definition.questions.find((candidate) => candidate.id === target);
    if (target === START) {
      this.page = 'start';
      focus('#start-heading');
    } else if (target === CHECK_ANSWERS) {
      this.page = 'check';
      focus('#check-heading');
    } else if (target === RESULT || target === SEND) {
      this.page = target === RESULT ? 'result' : 'send';
      focus(target === RESULT ? '#result-heading' : '#send-heading');
      if (target === RESULT) void this.findCommunityOptions();
    } else {
      // A question the answers now hide (history can hold one) gives way to the next one shown.
      const shown = question && visibleQuestions(definition, this.answers).includes(question) ? question.id : nextQuestion(definition, this.answers, question ? question.id : START);
      if (shown === CHECK_ANSWERS) {
        this.goTo(CHECK_ANSWERS, how);
        return;
      }
      this.page = 'question';
      this.current = shown;
      this.seen.add(shown);
      focus('#question-heading');
    }
    this.keep();
    if (how.history !== 'none') this.record(how.history ?? 'push');
    this.emit<StepChangeDetail>('cls-step-change', { page: this.place ?? this.page });
  }

  private get question(): LocalisedQuestion | undefined {
    return this.localised?.questions.find((question) => question.id === this.current);
  }

  private setAnswer(key: string, value: AnswerValue | undefined): void {
    const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length);
    const next: Answers = Object.fromEntries(Object.entries(this.answers).filter(([other]) => other !== key));
    if (!empty) next[key] = value;
    this.answers = next;
    this.errors = this.errors.filter((error) => error.field !== key);
    this.keep();
    const urgent = this.localised ? isUrgent(this.localised, next) : false;
    if (urgent && !this.wasUrgent) {
      this.status = this.locale.t('urgent.title');
      this.emit('cls-urgent', {});
    }
    this.wasUrgent = urgent;
  }

  private continueFromQuestion(): void {
    const definition = this.localised;
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
    if (!this.localised) return;
    if (this.page === 'question') this.goTo(this.returnToCheck ? CHECK_ANSWERS : previousQuestion(this.localised, this.answers, this.current));
    else if (this.page === 'check') this.goTo(previousQuestion(this.localised, this.answers, CHECK_ANSWERS));
    else if (this.page === 'result') this.goTo(CHECK_ANSWERS);
    else if (this.page === 'send') this.goTo(RESULT);
    this.returnToCheck = false;
  }

  // ——— server ———

  private async saveForLater(): Promise<void> {
    const definition = this.localised;
    if (!definition || this.busy) return;
    this.busy = true;
    try {
      const saved = await this.client.post(
        'drafts',
        { questionnaireId: definition.id, version: definition.version, answers: this.answers, at: this.place ?? this.current, lang: this.locale.lang },
        DraftSaved,
        { idempotencyKey: newIdempotencyKey() },
      );
      this.code = saved.code;
      this.page = 'saved';
      this.status = this.locale.t('status.saved', { code: saved.code });
      this.focusNext.request('.panel');
      this.emit<SaveDetail>('cls-save', { code: saved.code });
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.focusNext.request('.notification');
    } finally {
      this.busy = false;
    }
  }

  private async resumeFromCode(focus = true): Promise<void> {
    const definition = this.localised;
    const code = this.resumeText.toUpperCase().replace(/[\s-]/g, '');
    if (!definition) return;
    if (!/^[A-Z0-9]{8}$/.test(code)) {
      this.errors = [{ field: 'resume-code', code: 'invalid' }];
      if (focus) this.focusNext.request('.error-summary');
      return;
    }
    try {
      const draft = await this.client.get(`drafts/${code}`, Draft);
      this.restore(draft, focus);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.errors = [{ field: 'resume-code', code: 'required' }];
        if (focus) this.focusNext.request('.error-summary');
      } else {
        this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
        if (focus) this.focusNext.request('.notification');
      }
    }
  }

  /** The council changed the questions mid-way: fit the answers to the new ones and ask the person to check them. */
  private async questionsChanged(): Promise<void> {
    const before = this.localised;
    if (!before) return;
    try {
      const { questionnaire } = await this.client.get(`questionnaires/${encodeURIComponent(this.questionnaire)}`, QuestionnaireResponse, { query: { lang: this.locale.lang } });
      const { answers, dropped } = reconcile(questionnaire, { version: before.version, answers: this.answers });
      this.localised = questionnaire;
      this.answers = answers;
      this.pending = undefined;
      this.goTo(CHECK_ANSWERS);
      this.dropped = dropped.length;
      this.changed = true;
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.focusNext.request('.notification');
    }
  }

  private async send(): Promise<void> {
    const definition = this.localised;
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
      this.forget();
      this.emit<SubmitDetail>('cls-submit', { reference: created.reference });
      this.emit<SubmitDetail>('cls-complete', { reference: created.reference });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'questionnaire-changed' && !this.definition) {
        await this.questionsChanged();
        return;
      }
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
      ${this.renderPage()} ${statusRegion(this.status)} ${timeoutWarning(this.inactivity, this.locale.t)}
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
        return this.renderSaved();
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
    const definition = this.localised;
    if (!definition) return html``;
    const { t } = this.locale;
    const error = this.errors.find((candidate) => candidate.field === 'resume-code');
    const errorText = error ? (error.code === 'invalid' ? t('resume.invalid') : t('resume.notFound')) : undefined;
    return html`${this.expired ? notification({ id: 'notice-title', title: this.expired.title, body: html`<p>${this.expired.body}</p>` }) : nothing}
      <div class="heading-l" role="heading" aria-level="2" id="start-heading" tabindex="-1">${definition.title}</div>
      ${definition.intro.map((paragraph) => html`<p>${paragraph}</p>`)}
      <p>${t('minutes', { count: definition.minutes })}</p>
      <div class="button-group">
        ${button({ label: t('start'), onClick: () => this.goTo(firstQuestion(definition)) })}
        ${this.saved() ? button({ label: t('continueSaved'), variant: 'secondary', onClick: () => {
              const saved = this.saved();
              if (saved) this.restore(saved);
            } }) : nothing}
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

  /** What the person should know about answers kept from before: some dropped, or all restored on this device. */
  private renderNotices(): TemplateResult {
    const { t } = this.locale;
    const dropped = this.dropped ? t('dropped', { count: this.dropped }) : undefined;
    return html`${this.changed
      ? notification({ id: 'notice-title', title: t('changed'), body: dropped ? html`<p>${dropped}</p>` : html`` })
      : dropped
        ? notification({ id: 'notice-title', title: dropped, body: html`` })
        : nothing}
    ${this.restored
      ? html`<div class="inset" part="notification">
          <p>${t('restored.body')}</p>
          <button type="button" class="link-button" @click=${() => this.startAgain()}>${t('restored.startAgain')}</button>
        </div>`
      : nothing}`;
  }

  private get resumeLink(): string {
    const url = new URL(this.ownerDocument.defaultView?.location.href ?? this.ownerDocument.baseURI);
    url.hash = '';
    url.searchParams.set(RESUME_PARAM, this.code ?? '');
    return url.href;
  }

  private async copy(text: string, field: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status = this.locale.t('saved.copied');
    } catch {
      // No clipboard (an insecure page, or refused): select the text so the person can copy it themselves.
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${field}`);
      input?.focus();
      input?.select();
      this.status = this.locale.t('saved.copyYourself');
    }
  }

  private renderSaved(): TemplateResult {
    const { t } = this.locale;
    const code = this.code ?? '';
    return html`<div class="panel" part="panel" tabindex="-1">
        <div class="heading-l" role="heading" aria-level="2">${t('saved.title')}</div>
        <p>${t('saved.body')} <strong class="resume-code">${code}</strong></p>
      </div>
      <p>${t('saved.keep')}</p>
      <div class="button-group">
        ${button({ label: t('saved.copyCode'), variant: 'secondary', onClick: () => void this.copy(code, 'resume-link') })}
      </div>
      <div class="form-group" part="field">
        <label class="label" for="resume-link">${t('saved.linkLabel')}</label>
        <div class="hint" id="resume-link-hint">${t('saved.linkHint')}</div>
        <input class="input" id="resume-link" readonly aria-describedby="resume-link-hint" .value=${this.resumeLink} />
      </div>
      <div class="button-group">
        ${button({ label: t('saved.copyLink'), variant: 'secondary', onClick: () => void this.copy(this.resumeLink, 'resume-link') })}
        ${button({ label: t('saved.carryOn'), onClick: () => this.goTo(this.current, { history: 'none' }) })}
      </div>`;
  }

  private renderUrgent(): TemplateResult | typeof nothing {
    if (!this.localised || !isUrgent(this.localised, this.answers)) return nothing;
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
    const definition = this.localised;
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
      ${this.renderNotices()}
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
    const definition = this.localised;
    if (!definition) return html``;
    const { t } = this.locale;
    const shown = answersForSubmission(definition, this.answers);
    const rows = definition.questions.filter((question) => question.type !== 'info' && (shown[question.id] !== undefined || !question.optional) && question.id in shown);
    return html`<button type="button" class="link-button" @click=${() => this.back()}>${t('back')}</button>
      <div class="heading-l" role="heading" aria-level="2" id="check-heading" tabindex="-1">${t('check.heading')}</div>
      ${this.renderNotices()} ${this.renderUrgent()}
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
      ${button({ label: t('continue'), onClick: () => this.goTo(RESULT) })}`;
  }

  /**
   * Community options for the areas the person finds hard, near their
   * postcode if they gave one: from the `directory` feed (or the reference
   * server's), read once. A failure only affects this section.
   */
  private async findCommunityOptions(retry = false): Promise<void> {
    const definition = this.localised;
    if (!definition) return;
    const terms = outcome(definition, this.answers).searchTerms;
    const postcode = this.postcodeAnswer;
    const key = JSON.stringify([terms, postcode, this.directory]);
    if (!terms.length) {
      this.community = undefined;
      return;
    }
    if (!retry && this.community?.key === key && this.community.state !== 'failed') return;
    this.community = { state: 'loading', options: [], key };
    try {
      const { findCommunityOptions } = await import('./community-search.ts');
      const found = await findCommunityOptions(this.client, resolveDirectoryUrl(this, this.directory, this.apiBase), terms, postcode);
      if (this.community?.key !== key) return;
      this.community = { state: 'ready', key, ...found };
    } catch {
      if (this.community?.key === key) this.community = { state: 'failed', options: [], key };
    }
  }

  private renderCommunity(areas: ReturnType<typeof outcome>['areas']): TemplateResult | typeof nothing {
    const community = this.community;
    if (!community) return nothing;
    const { t } = this.locale;
    const heading = community.near ? t('community.headingNear', { place: community.near }) : t('community.heading');
    // Say which hard area an option is for, in the person's language (search terms are the directory's words).
    const areaFor = (term: string) => areas.find((area) => area.searchTerms.includes(term))?.label ?? term;
    const body = (() => {
      switch (community.state) {
        case 'loading':
          return html`<p>${spinner()} ${t('community.loading')}</p>`;
        case 'failed':
          return html`<p>${t('community.failed')}</p>
            <button type="button" class="link-button" @click=${() => void this.findCommunityOptions(true)}>${t('tryAgain')}</button>`;
        case 'ready':
          if (!community.options.length) return html`<p>${t('community.none')}</p>`;
          return html`<ul class="options">
            ${community.options.map(({ service, term, distanceMetres }) => {
              const away = distanceMetres === undefined ? undefined : t('community.away', { distance: formatDistance(this.locale.lang, distanceMetres, 'miles') });
              return html`<li>
                ${service.url ? html`<a class="option-name" href=${service.url} rel="noopener">${service.name}</a>` : html`<strong class="option-name">${service.name}</strong>`}
                ${service.organization?.name && service.organization.name !== service.name ? html`<div class="hint">${service.organization.name}</div>` : nothing}
                <div>${[t('community.for', { area: areaFor(term) }), away].filter(Boolean).join(' · ')}</div>
                ${service.phone ? html`<div>${t('community.phone')} <a href="tel:${service.phone.replace(/[^\d+]/g, '')}">${service.phone}</a></div>` : nothing}
              </li>`;
            })}
          </ul>`;
      }
    })();
    return html`<section class="community" aria-labelledby="community-heading" aria-busy=${community.state === 'loading' ? 'true' : 'false'}>
      <div class="heading-m" role="heading" aria-level="3" id="community-heading">${heading}</div>
      ${body}
    </section>`;
  }

  /** "Email me a copy": no answers in the link unless the person ticks the box. */
  private renderEmail(result: ReturnType<typeof outcome>): TemplateResult | typeof nothing {
    const definition = this.localised;
    if (!definition || this.kiosk) return nothing;
    const { t } = this.locale;
    const page = new URL(this.ownerDocument.defaultView?.location.href ?? this.ownerDocument.baseURI);
    const options = this.community?.state === 'ready' ? this.community.options : [];
    const body = resultText(
      {
        title: definition.title,
        pageUrl: page.href,
        includeAnswers: this.emailAnswers,
        areas: result.areas.map((area) => area.label),
        strengths: result.strengths.map(({ title, answer }) => ({ title, answer })),
        nextStep: { title: result.nextStep.title, body: result.nextStep.body },
        options: options.map(({ service }) => ({
          name: service.name,
          ...(service.organization?.name ? { organisation: service.organization.name } : {}),
          ...(service.phone ? { phone: service.phone } : {}),
          ...(service.url ? { url: service.url } : {}),
        })),
      },
      { filledIn: t('email.filledIn'), areas: t('result.areas'), strengths: t('result.strengths'), nextStep: t('result.next'), options: t('community.heading') },
    );
    return html`<div class="email">
      <div class="heading-m" role="heading" aria-level="3">${t('email.heading')}</div>
      ${choiceGroup({
        id: 'email-answers',
        name: 'email-answers',
        legend: t('email.legend'),
        hint: t('email.hint'),
        multiple: true,
        choices: [{ value: 'yes', label: t('email.include') }],
        value: this.emailAnswers ? ['yes'] : [],
        messages: { errorPrefix: t('errorPrefix'), optional: t('optional') },
        onChange: (_value, checked) => {
          this.emailAnswers = checked;
        },
      })}
      <a class="button button--secondary" part="button" href=${mailtoHref(definition.title, body, '', { omission: t('email.cut') })}>${t('email.open')}</a>
    </div>`;
  }

  /** The hub finder or resource wheel on the same page, if there is one. */
  private nextStepTarget(step: NextStepDetail['step']): HTMLElement | null {
    return this.ownerDocument.querySelector<HTMLElement>(step === 'hub-finder' ? 'cls-hub-finder' : 'cls-resource-wheel');
  }

  /** The answer to the first postcode question shown, if any. */
  private get postcodeAnswer(): string | undefined {
    const definition = this.localised;
    if (!definition) return undefined;
    const shown = answersForSubmission(definition, this.answers);
    const question = visibleQuestions(definition, this.answers).find((candidate) => candidate.type === 'postcode' && typeof shown[candidate.id] === 'string');
    return question ? String(shown[question.id]) : undefined;
  }

  /**
   * Fires `cls-next-step`; unless the host cancels it, shows the other
   * widget (un-hiding it), gives it the person's postcode if it has none,
   * and moves focus into it.
   */
  private openNextStep(step: NextStepDetail['step']): void {
    const target = this.nextStepTarget(step);
    if (!this.emit<NextStepDetail>('cls-next-step', { step }, true) || !target) return;
    target.hidden = false;
    const postcode = this.postcodeAnswer;
    if (postcode && !target.getAttribute('postcode')) target.setAttribute('postcode', postcode);
    target.scrollIntoView({ block: 'start' });
    // Into its first control once it has rendered; the element itself if it has none.
    void Promise.resolve((target as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete).then(() => {
      const control = target.shadowRoot?.querySelector<HTMLElement>('input, button, select, textarea, a[href], [tabindex="0"]');
      if (control) control.focus();
      else {
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus();
      }
    });
  }

  private renderResult(): TemplateResult {
    const definition = this.localised;
    if (!definition) return html``;
    const { t } = this.locale;
    const result = outcome(definition, this.answers);
    const steps = (['hub-finder', 'resource-wheel'] as const).filter((step) => this.nextStepTarget(step));
    return html`<button type="button" class="link-button" @click=${() => this.back()}>${t('back')}</button>
      <div class="heading-l" role="heading" aria-level="2" id="result-heading" tabindex="-1">${t('result.heading')}</div>
      ${this.renderNotices()} ${this.renderUrgent()}
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
      ${this.renderCommunity(result.areas)}
      <div class="button-group">
        ${steps.map((step) => button({ label: t(step === 'hub-finder' ? 'result.hub' : 'result.wheel'), variant: 'secondary', onClick: () => this.openNextStep(step) }))}
        ${button({ label: t('result.print'), variant: 'secondary', onClick: () => window.print() })}
      </div>
      ${this.renderEmail(result)}
      ${button({
        label: t('result.send'),
        onClick: () => this.goTo(SEND),
      })}`;
  }

  private renderSend(): TemplateResult {
    const definition = this.localised;
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
    'cls-urgent': CustomEvent<{ answers?: Answers }>;
    'cls-timeout': CustomEvent<{ answers?: Answers }>;
  }
}
