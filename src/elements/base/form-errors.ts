import type { nothing, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiError } from '../../client/errors.ts';
import type { FieldError, FieldErrorCode } from '../../core/field-errors.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';
import { errorSummary } from '../../shared-ui/error-summary.ts';

export interface FormErrorsOptions {
  /** The element's language, for the messages. */
  locale: LocaleController;
  /** Moves focus after the next render (the element's `focusNext.request`). */
  focus: (selector: string) => void;
  /** Id of the input an error links to; by default the field's own name. */
  target?: (field: string) => string;
  /** Values for the message, e.g. `{ max }` for a too-long error. */
  params?: (error: FieldError) => Record<string, unknown>;
  /** Prefix of message keys; messages are `${prefix}.${field}.${code}`. Default `errors`. */
  prefix?: string;
}

/**
 * The errors a form shows: which fields, their messages (GOV.UK: one per
 * field, the same text in the summary and beside the field), the links from
 * the "There is a problem" summary to each field, and focus on the summary
 * when errors appear.
 */
export class FormErrors implements ReactiveController {
  private list: readonly FieldError[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FormErrorsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get errors(): readonly FieldError[] {
    return this.list;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** Show these errors; focus moves to the summary unless `focus` is false. */
  show(errors: readonly FieldError[], { focus = true } = {}): void {
    this.list = errors;
    this.host.requestUpdate();
    if (focus && errors.length) this.options.focus('.error-summary');
  }

  /** Clear one field's error, or all of them. */
  clear(field?: string): void {
    const next = field === undefined ? [] : this.list.filter((error) => error.field !== field);
    if (next.length === this.list.length) return;
    this.list = next;
    this.host.requestUpdate();
  }

  has(field: string): boolean {
    return this.list.some((error) => error.field === field);
  }

  /** The message beside a field, if it has an error. */
  text(field: string): string | undefined {
    const error = this.list.find((candidate) => candidate.field === field);
    return error ? this.message(error) : undefined;
  }

  /** The message for an error: the field's own for its code, else the generic one. */
  message(error: FieldError): string {
    const { locale, prefix = 'errors' } = this.options;
    const key = `${prefix}.${error.field}.${error.code}`;
    return locale.has(key) ? locale.t(key, this.options.params?.(error) ?? {}) : locale.t('errors.invalid');
  }

  /** The "There is a problem" summary, or nothing when there are no errors. */
  summary(level: number): TemplateResult | typeof nothing {
    const target = this.options.target ?? ((field: string) => field);
    return errorSummary(
      this.options.locale.t('errorSummaryTitle'),
      this.list.map((error) => ({ target: target(error.field), text: this.message(error) })),
      level,
    );
  }

  /**
   * The server's field errors for a `validation-failed` answer, when every
   * one names a field the person can change here; otherwise undefined (the
   * failure is not theirs to fix, so it is shown as a failure instead).
   */
  static fromProblem(error: ApiError, editable: Iterable<string>): FieldError[] | undefined {
    const fields = new Set(editable);
    const issues = error.fieldIssues;
    if (error.code !== 'validation-failed' || !issues.length || !issues.every((issue) => fields.has(issue.path))) return undefined;
    return issues.map((issue) => ({ field: issue.path, code: issue.code as FieldErrorCode }));
  }
}
