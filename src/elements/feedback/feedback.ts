import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ApiClient } from '../../client/client.ts';
import { resolveApiBase } from '../../client/config.ts';
import { ApiError } from '../../client/errors.ts';
import { FEEDBACK_COMMENT_MAX, FeedbackContextLabel, FeedbackCreated, FeedbackInput } from '../../contract/feedback.ts';
import { characterCount } from '../../core/character-count.ts';
import { fieldErrors, type FieldError } from '../../core/field-errors.ts';
import { newIdempotencyKey } from '../../core/idempotency.ts';
import { common } from '../../i18n/common.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { choiceGroup, firstChoiceId } from '../../shared-ui/choice-group.ts';
import { errorSummary } from '../../shared-ui/error-summary.ts';
import { textArea } from '../../shared-ui/field.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { characterCountMessage } from '../../shared-ui/character-count.ts';
import { FocusAfterRender } from '../../shared-ui/focus-after-render.ts';
import { sharedStyles } from '../../shared-ui/styles.ts';
import { tokens } from '../../theme/tokens.ts';
import { feedbackMessages } from './feedback.locales.ts';
import { feedbackStyles } from './feedback.styles.ts';

/** `detail` of the `cls-feedback-submit` event. No personal data: only the stored record's id. */
export interface FeedbackSubmitDetail {
  id: string;
}

type Phase = 'editing' | 'submitting' | 'failed' | 'done';
type ScoreField = 'helpful' | 'ease';

const localizer = createLocalizer(
  { en: { common: common.en, feedback: feedbackMessages.en }, cy: { common: common.cy, feedback: feedbackMessages.cy } },
  'feedback',
);

const SCORES = ['1', '2', '3', '4', '5'] as const;
const COUNT_ANNOUNCE_DELAY_MS = 1000;

/**
 * A short feedback form: how helpful this was, how easy it was to find what
 * was needed (both 1–5), and an optional comment. Sends to
 * `POST {api-base}/feedback`, keeps every answer when sending fails, and
 * retries safely with the same Idempotency-Key.
 *
 * @summary Short GOV.UK-style feedback form for residents.
 * @tag cls-feedback
 *
 * @slot heading - Replaces the default heading text ("Give feedback").
 * @slot intro - Replaces the default introductory paragraph.
 *
 * @fires {CustomEvent<FeedbackSubmitDetail>} cls-feedback-submit - The feedback was stored. `detail.id` is the record's id. Bubbles and is composed.
 *
 * @csspart base - The outer wrapper.
 * @csspart form - The form.
 * @csspart field - Each question's group (fieldset or label, hint, error, input).
 * @csspart textarea - The comment box.
 * @csspart button - Buttons.
 * @csspart error-summary - The "There is a problem" summary.
 * @csspart notification - The banner shown when sending failed.
 * @csspart panel - The thank-you panel.
 *
 * @cssprop [--cls-font-family=system-ui, sans-serif] - Font family.
 * @cssprop [--cls-font-size-s=medium] - Small text size.
 * @cssprop [--cls-font-size-m=large] - Body text size.
 * @cssprop [--cls-font-size-l=x-large] - Heading size.
 * @cssprop [--cls-line-height=1.4] - Body line height.
 * @cssprop [--cls-color-text=#0b0c0c] - Text colour.
 * @cssprop [--cls-color-secondary-text=#484949] - Hints and secondary text.
 * @cssprop [--cls-color-background=#ffffff] - Background.
 * @cssprop [--cls-color-primary=#1d70b8] - Links and information banners.
 * @cssprop [--cls-color-primary-text=#ffffff] - Text on the success panel.
 * @cssprop [--cls-color-action=#00703c] - Primary button background.
 * @cssprop [--cls-color-action-hover=#005a30] - Primary button background on hover.
 * @cssprop [--cls-color-action-text=#ffffff] - Primary button text.
 * @cssprop [--cls-color-border=#6f777b] - Borders.
 * @cssprop [--cls-color-input-border=#0b0c0c] - Input borders.
 * @cssprop [--cls-color-error=#c82d1a] - Errors.
 * @cssprop [--cls-color-success=#00703c] - The thank-you panel.
 * @cssprop [--cls-color-focus=#ffdd00] - Focus highlight.
 * @cssprop [--cls-color-focus-text=#0b0c0c] - Text on the focus highlight.
 * @cssprop [--cls-color-surface=#f3f2f1] - Secondary button background.
 * @cssprop [--cls-space-1=0.25em] - Spacing scale, smallest step.
 * @cssprop [--cls-space-2=0.5em] - Spacing scale.
 * @cssprop [--cls-space-3=1em] - Spacing scale.
 * @cssprop [--cls-space-4=1.5em] - Spacing scale.
 * @cssprop [--cls-space-5=2em] - Spacing scale, largest step.
 * @cssprop [--cls-radius=0] - Corner radius of inputs and buttons.
 * @cssprop [--cls-focus-width=3px] - Width of the focus outline.
 */
export class ClsFeedback extends LitElement {
  static override styles = [tokens, ...sharedStyles, feedbackStyles];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base' },
    hub: { type: String },
    source: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeout: { type: Number },
    helpful: { state: true },
    ease: { state: true },
    comment: { state: true },
    errors: { state: true },
    phase: { state: true },
    failure: { state: true },
    countAnnouncement: { state: true },
  };

  /**
   * Base URL of the API, e.g. `https://council.example/api/v1`. Falls back to
   * `apiBase` in the page's `#cls-config` script, then to `/api/v1` on the
   * same origin.
   */
  declare apiBase: string | undefined;

  /** Which hub the feedback is about (sent with it). */
  declare hub: string | undefined;

  /** Which widget or page the feedback came from (sent with it). */
  declare source: string | undefined;

  /** Level of the heading, 2–6, to fit the host page's outline. */
  declare headingLevel: number;

  /** Milliseconds to wait for the server before telling the resident it is slow. */
  declare timeout: number;

  declare private helpful: string | undefined;
  declare private ease: string | undefined;
  declare private comment: string;
  declare private errors: readonly FieldError[];
  declare private phase: Phase;
  declare private failure: ApiError | undefined;
  declare private countAnnouncement: string;

  private readonly locale = new LocaleController(this, localizer);
  private readonly focusNext = new FocusAfterRender(this);
  /** Key of the submission in flight or last failed; reused while the answers are unchanged. */
  private pending: { key: string; body: string } | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.timeout = 10_000;
    this.comment = '';
    this.errors = [];
    this.phase = 'editing';
    this.countAnnouncement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }


  protected override render(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="root" part="base" lang=${this.locale.lang}>
      ${this.phase === 'done' ? this.renderDone() : this.renderForm()}
      ${statusRegion(this.phase === 'done' ? t('status.sent') : this.phase === 'submitting' ? t('sending') : '')}
    </div>`;
  }

  private renderDone(): TemplateResult {
    const { t } = this.locale;
    return html`<div class="panel" part="panel" tabindex="-1">
      <div class="heading-l" role="heading" aria-level=${this.level}>${t('done.title')}</div>
      <p>${t('done.body')}</p>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const { t } = this.locale;
    const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
    const count = characterCountMessage(this.locale, this.comment, FEEDBACK_COMMENT_MAX);
    return html`<div class="heading-l" role="heading" aria-level=${this.level}><slot name="heading">${t('heading')}</slot></div>
      <div class="intro"><slot name="intro"><p>${t('intro')}</p></slot></div>
      ${errorSummary(
        t('errorSummaryTitle'),
        this.errors.map((error) => ({ target: this.targetId(error.field), text: this.errorText(error) })),
      )}
      ${this.phase === 'failed' && this.failure
        ? notification({
            title: t('failedTitle'),
            variant: 'error',
            body: html`<p>${t(this.failure.messageKey)} ${t('answersKept')}</p>
              ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => void this.submit() })}`,
          })
        : nothing}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.scoreGroup('helpful', messages)} ${this.scoreGroup('ease', messages)}
        ${textArea({
          id: 'comment',
          name: 'comment',
          label: t('comment.label'),
          hint: t('comment.hint'),
          optional: true,
          value: this.comment,
          error: this.errorFor('comment'),
          count: { text: count.text, over: count.over },
          countAnnouncement: this.countAnnouncement,
          messages,
          onInput: (value) => this.onCommentInput(value),
        })}
        ${button({ label: t('submit'), type: 'submit', busy: this.phase === 'submitting', busyLabel: t('sending') })}
      </form>`;
  }

  private scoreGroup(field: ScoreField, messages: { errorPrefix: string; optional: string }): TemplateResult {
    const { t } = this.locale;
    return choiceGroup({
      id: field,
      name: field,
      legend: t(`${field}.legend`),
      choices: SCORES.map((score) => ({ value: score, label: `${this.locale.number(Number(score))} – ${t(`${field}.options.${score}`)}` })),
      value: this[field],
      error: this.errorFor(field),
      messages,
      onChange: (value) => {
        this[field] = value;
        this.clearError(field);
      },
    });
  }

  private get level(): number {
    return Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  private targetId(field: string): string {
    return field === 'helpful' || field === 'ease' ? firstChoiceId(field) : field;
  }

  private errorFor(field: string): string | undefined {
    const error = this.errors.find((candidate) => candidate.field === field);
    return error ? this.errorText(error) : undefined;
  }

  private errorText(error: FieldError): string {
    const key = `errors.${error.field}.${error.code}`;
    const { t, lang } = this.locale;
    return localizer.exists(key, { lng: lang }) ? t(key, { max: this.locale.number(FEEDBACK_COMMENT_MAX) }) : t('errors.invalid');
  }

  private clearError(field: string): void {
    if (this.errors.some((error) => error.field === field)) {
      this.errors = this.errors.filter((error) => error.field !== field);
    }
  }

  private onCommentInput(value: string): void {
    this.comment = value;
    if (!characterCount(value, FEEDBACK_COMMENT_MAX).over) this.clearError('comment');
    // Announce the count only once typing pauses, so a screen reader is not
    // interrupted on every key press (as in the GOV.UK character count).
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const count = characterCountMessage(this.locale, this.comment, FEEDBACK_COMMENT_MAX);
      this.countAnnouncement = count.worthAnnouncing ? count.text : '';
    }, COUNT_ANNOUNCE_DELAY_MS);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /**
   * `hub` and `source` come from the page owner, not the resident: a bad
   * value is reported to the developer and left out, never shown as the
   * resident's error or allowed to block their feedback.
   */
  private context(name: 'hub' | 'source'): string | undefined {
    const value = this[name];
    const parsed = FeedbackContextLabel.safeParse(value);
    if (parsed.success) return parsed.data;
    console.warn(`<cls-feedback>: ignoring ${name}="${value}": it must be at most 120 characters.`);
    return undefined;
  }

  /** Validate, then send. Safe to call again after a failure: the same answers reuse the same Idempotency-Key. */
  async submit(): Promise<void> {
    if (this.phase === 'submitting' || this.phase === 'done') return;
    const input = {
      helpful: this.helpful === undefined ? undefined : Number(this.helpful),
      ease: this.ease === undefined ? undefined : Number(this.ease),
      comment: this.comment,
      hub: this.context('hub'),
      source: this.context('source'),
      lang: this.locale.lang,
    };
    const parsed = FeedbackInput.safeParse(input);
    if (!parsed.success) {
      this.showErrors(fieldErrors(parsed.error.issues, input));
      return;
    }
    const body = JSON.stringify(parsed.data);
    if (this.pending?.body !== body) this.pending = { key: newIdempotencyKey(), body };
    this.errors = [];
    this.failure = undefined;
    this.phase = 'submitting';
    const client = new ApiClient({ baseUrl: this.apiBase?.trim() || resolveApiBase(this), timeoutMs: this.timeout });
    try {
      const created = await client.post('feedback', parsed.data, FeedbackCreated, { idempotencyKey: this.pending.key });
      this.pending = undefined;
      this.phase = 'done';
      this.focusNext.request('.panel');
      this.dispatchEvent(
        new CustomEvent<FeedbackSubmitDetail>('cls-feedback-submit', { detail: { id: created.id }, bubbles: true, composed: true }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const editable = new Set(['helpful', 'ease', 'comment']);
      const issues = error.fieldIssues.filter((issue) => editable.has(issue.path));
      if (error.code === 'validation-failed' && issues.length === error.fieldIssues.length && issues.length > 0) {
        this.showErrors(issues.map((issue) => ({ field: issue.path, code: issue.code as FieldError['code'] })));
        return;
      }
      this.failure = error;
      this.phase = 'failed';
      this.focusNext.request('.notification');
    }
  }

  private showErrors(errors: FieldError[]): void {
    this.errors = errors;
    this.phase = 'editing';
    this.focusNext.request('.error-summary');
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-feedback-submit': CustomEvent<FeedbackSubmitDetail>;
  }
}
