import { html, nothing, type TemplateResult } from 'lit';
import { isAbort, type ApiError } from '../../client/errors.ts';
import { FEEDBACK_COMMENT_MAX, FeedbackContextLabel, FeedbackCreated, FeedbackInput } from '../../contract/feedback.ts';
import { characterCount } from '../../core/character-count.ts';
import { fieldErrors } from '../../core/field-errors.ts';
import { createLocalizer } from '../../i18n/localizer.ts';
import { button } from '../../shared-ui/button.ts';
import { choiceGroup, firstChoiceId } from '../../shared-ui/choice-group.ts';
import { textArea } from '../../shared-ui/field.ts';
import { notification, statusRegion } from '../../shared-ui/notification.ts';
import { characterCountMessage } from '../../shared-ui/character-count.ts';
import { ApiController } from '../base/api-controller.ts';
import { ClsElement } from '../base/cls-element.ts';
import { FormErrors } from '../base/form-errors.ts';
import { feedbackMessages } from './feedback.locales.ts';
import { feedbackStyles } from './feedback.styles.ts';

/** `detail` of the `cls-feedback-submit` event. No personal data: only the stored record's id. */
export interface FeedbackSubmitDetail {
  id: string;
}

type Phase = 'editing' | 'submitting' | 'failed' | 'done';
/** What the person can change here, so what a server-side field error may name. */
const EDITABLE = ['helpful', 'ease', 'comment'] as const;
type ScoreField = 'helpful' | 'ease';

const localizer = createLocalizer(
  { en: feedbackMessages, cy: () => import('./feedback.locales.cy.ts').then((module) => module.feedbackMessagesCy) },
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
 * @cssprop [--cls-scroll-margin-top=0px] - Room kept above what the element focuses or scrolls to: the height of the host page's sticky header.
 * @cssprop [--cls-focus-width=3px] - Width of the focus outline.
 */
export class ClsFeedback extends ClsElement {
  static override styles = [ClsElement.styles, feedbackStyles];
  static override localizer = localizer;

  static override properties = {
    hub: { type: String },
    source: { type: String },
    timeout: { type: Number },
    helpful: { state: true },
    ease: { state: true },
    comment: { state: true },
    phase: { state: true },
    failure: { state: true },
    countAnnouncement: { state: true },
  };

  /** Which hub the feedback is about (sent with it). */
  declare hub: string | undefined;

  /** Which widget or page the feedback came from (sent with it). */
  declare source: string | undefined;

  /** Milliseconds to wait for the server before telling the resident it is slow. */
  declare timeout: number;

  declare private helpful: string | undefined;
  declare private ease: string | undefined;
  declare private comment: string;
  declare private phase: Phase;
  declare private failure: ApiError | undefined;
  declare private countAnnouncement: string;

  private readonly api = new ApiController(this, { timeoutMs: () => this.timeout });
  private readonly errors = new FormErrors(this, {
    locale: this.locale,
    focus: (selector) => this.focusNext.request(selector),
    target: (field) => (field === 'helpful' || field === 'ease' ? firstChoiceId(field) : field),
    params: () => ({ max: this.locale.number(FEEDBACK_COMMENT_MAX) }),
  });
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.timeout = 10_000;
    this.comment = '';
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
      <div class="heading-l" role="heading" aria-level=${this.headings.main}>${t('done.title')}</div>
      <p>${t('done.body')}</p>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const { t } = this.locale;
    const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
    const count = characterCountMessage(this.locale, this.comment, FEEDBACK_COMMENT_MAX);
    return html`<div class="heading-l" role="heading" aria-level=${this.headings.main}><slot name="heading">${t('heading')}</slot></div>
      <div class="intro"><slot name="intro"><p>${t('intro')}</p></slot></div>
      ${this.errors.summary(this.headings.sub)}
      ${this.phase === 'failed' && this.failure
        ? notification({
            title: t('failedTitle'),
            variant: 'error',
            level: this.headings.sub,
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
          error: this.errors.text('comment'),
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
      error: this.errors.text(field),
      messages,
      onChange: (value) => {
        this[field] = value;
        this.errors.clear(field);
      },
    });
  }

  private onCommentInput(value: string): void {
    this.comment = value;
    if (!characterCount(value, FEEDBACK_COMMENT_MAX).over) this.errors.clear('comment');
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
      this.phase = 'editing';
      this.errors.show(fieldErrors(parsed.error.issues, input));
      return;
    }
    this.errors.clear();
    this.failure = undefined;
    this.phase = 'submitting';
    try {
      const created = await this.api.submit('feedback', parsed.data, FeedbackCreated);
      this.phase = 'done';
      this.focusNext.request('.panel');
      this.emit('cls-feedback-submit', { id: created.id });
    } catch (error) {
      if (isAbort(error)) return;
      const failure = error as ApiError;
      const fixable = FormErrors.fromProblem(failure, EDITABLE);
      if (fixable) {
        this.phase = 'editing';
        this.errors.show(fixable);
        return;
      }
      this.failure = failure;
      this.phase = 'failed';
      this.focusNext.request('.notification');
    }
  }
}

declare global {
  interface HTMLElementEventMap {
    'cls-feedback-submit': CustomEvent<FeedbackSubmitDetail>;
  }
}
