import { html, nothing, type TemplateResult } from 'lit';
import type { SubmissionInput } from '../../../contract/questionnaire.ts';
import type { ContactForm } from '../../../core/questionnaire-submission.ts';
import { button } from '../../../shared-ui/button.ts';
import { choiceGroup } from '../../../shared-ui/choice-group.ts';
import { textInput } from '../../../shared-ui/field.ts';
import { backLink, failureBanner } from './notices.ts';
import type { PageView } from './view.ts';

/** The send page's form: contact details, and consent. */
export interface SendForm extends ContactForm {
  consent: boolean;
}

export interface SendPage {
  form: SendForm;
  /** How the person asked to be contacted (their answer to the `contact` question). */
  method: NonNullable<SubmissionInput['contact']>['method'];
  busy: boolean;
  onInput: (change: Partial<SendForm>) => void;
  onSend: () => void;
}

/** Send to the council, with consent: a name, a phone number or email address if asked for, the consent text. */
export function sendPage(view: PageView, page: SendPage): TemplateResult {
  const { t, headings, messages } = view;
  const { method, form } = page;
  return html`${backLink(view)}
    <div class="heading-l" role="heading" aria-level=${headings.main} id="send-heading" tabindex="-1">${t('send.heading')}</div>
    ${view.errors.summary(headings.sub)} ${failureBanner(view, view.failure, t('send.failed'), page.onSend)}
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        page.onSend();
      }}
    >
      ${textInput({
        id: 'contact-name',
        enterkeyhint: 'next',
        name: 'contact-name',
        label: t('send.nameLabel'),
        optional: true,
        value: form.name,
        error: view.errors.text('contact-name'),
        autocomplete: 'name',
        spellcheck: false,
        messages,
        onInput: (name) => page.onInput({ name }),
      })}
      ${method === 'phone' || method === 'email'
        ? textInput({
            id: 'contact-value',
            enterkeyhint: 'next',
            name: 'contact-value',
            label: t(method === 'phone' ? 'send.phoneLabel' : 'send.emailLabel'),
            hint: t(method === 'phone' ? 'send.phoneHint' : 'send.emailHint'),
            error: view.errors.text('contact-value'),
            value: form.value,
            type: method === 'phone' ? 'tel' : 'email',
            autocomplete: method === 'phone' ? 'tel' : 'email',
            spellcheck: false,
            messages,
            onInput: (value) => page.onInput({ value }),
          })
        : nothing}
      <p>${view.definition.consent}</p>
      ${choiceGroup({
        id: 'consent',
        name: 'consent',
        legend: t('send.consentLegend'),
        multiple: true,
        choices: [{ value: 'yes', label: t('send.consentLabel') }],
        value: form.consent ? ['yes'] : [],
        error: view.errors.text('consent'),
        messages,
        onChange: (_value, consent) => page.onInput({ consent }),
      })}
      ${button({ label: t('send.submit'), type: 'submit', busy: page.busy, busyLabel: t('send.sending') })}
    </form>`;
}
