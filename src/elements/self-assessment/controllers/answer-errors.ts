import type { ReactiveControllerHost } from 'lit';
import type { LocalisedQuestion } from '../../../contract/questionnaire.ts';
import type { FieldError } from '../../../core/field-errors.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { firstChoiceId } from '../../../shared-ui/choice-group.ts';
import { questionErrorMessage } from '../../../core/questionnaire.ts';
import { FormErrors } from '../../base/form-errors.ts';
import { errorTarget, maxLengthFor } from '../question-types/index.ts';

/** The element's own fields (on the start and send pages), with a message for each of their errors. */
const FIELD_MESSAGES: Readonly<Record<string, Readonly<Partial<Record<FieldError['code'], string>>>>> = {
  'resume-code': { invalid: 'resume.invalid', required: 'resume.notFound' },
  consent: { required: 'send.consentRequired' },
  'contact-name': { invalid: 'send.nameNotAllowed', 'too-long': 'send.nameTooLong' },
};

/** The phone number or email box: its message depends on which the person chose. */
const VALUE_MESSAGES: Readonly<Record<string, Readonly<Partial<Record<FieldError['code'], string>>>>> = {
  phone: { required: 'send.phoneRequired', invalid: 'send.phoneInvalid' },
  email: { required: 'send.emailRequired', invalid: 'send.emailInvalid' },
};

/**
 * The self-assessment's errors. On a question page the fields are the
 * definition's (the answer by question id, a follow-up box by
 * `<question>.<option>`; any id a council chooses, even one of the
 * element's own field names), so a message comes from the error's code
 * alone (`errors.<code>`, with the field's character limit), and a link
 * goes to the control its question type names. The start and send pages'
 * own fields have their own messages.
 */
export class AnswerErrors extends FormErrors {
  constructor(
    host: ReactiveControllerHost,
    private readonly page: {
      locale: LocaleController;
      focus: (selector: string) => void;
      /** The question on screen; undefined on the other pages. */
      question: () => LocalisedQuestion | undefined;
      /** How the person asked to be contacted, for the send page's phone or email box. */
      contactMethod: () => string;
    },
  ) {
    super(host, {
      locale: page.locale,
      focus: page.focus,
      target: (field) => {
        const question = page.question();
        return question ? errorTarget(question, field) : field === 'consent' ? firstChoiceId('consent') : field;
      },
    });
  }

  override message(error: FieldError): string {
    const { locale } = this.page;
    const question = this.page.question();
    // The question's own message ("Select if you are answering for yourself or someone else"), when it has one.
    const own = question && questionErrorMessage(question, error.field, error.code, locale.number(maxLengthFor(question, error.field) ?? 0));
    if (own) return own;
    const key = question
      ? `errors.${error.code}`
      : error.field === 'contact-value'
        ? VALUE_MESSAGES[this.page.contactMethod()]?.[error.code]
        : FIELD_MESSAGES[error.field]?.[error.code];
    if (!key || !locale.has(key)) return locale.t('errors.invalid');
    return locale.t(key, { max: locale.number((question && maxLengthFor(question, error.field)) ?? 0) });
  }
}
