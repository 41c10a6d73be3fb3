import { html, nothing, type TemplateResult } from 'lit';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { textInput } from '../../../shared-ui/field.ts';
import { notification } from '../../../shared-ui/notification.ts';
import type { FormErrors } from '../../base/form-errors.ts';

/** Why the sign-in form is showing. */
export type SignedOutReason = 'new' | 'wrong' | 'expired' | 'signed-out' | 'failed';

export interface SignInContext {
  locale: LocaleController;
  headings: HeadingLevels;
  errors: FormErrors;
  kiosk: boolean;
  token: string;
  reason: SignedOutReason;
  /** A failure that is not the token's fault (offline, server trouble), as a sentence. */
  failure: string | undefined;
  busy: boolean;
  input: (token: string) => void;
  submit: () => void;
}

/** The staff token form: typed once per tab (memory only on a kiosk), never put in the URL. */
export function renderSignIn(context: SignInContext): TemplateResult {
  const { t } = context.locale;
  const messages = { errorPrefix: t('errorPrefix'), optional: t('optional') };
  const banner =
    context.reason === 'expired'
      ? notification({ title: t('signIn.expiredTitle'), variant: 'error', level: context.headings.sub, body: html`<p>${t('signIn.expired')}</p>` })
      : context.reason === 'signed-out'
        ? notification({ title: t('signIn.signedOut'), level: context.headings.sub, body: html`<p>${t(context.kiosk ? 'signIn.kioskIntro' : 'signIn.intro')}</p>` })
        : context.reason === 'failed' && context.failure
          ? notification({ title: t('signIn.heading'), variant: 'error', level: context.headings.sub, body: html`<p>${context.failure}</p>` })
          : nothing;
  return html`<section class="sign-in" aria-labelledby="sign-in-heading">
    <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="sign-in-heading" tabindex="-1">${t('signIn.heading')}</div>
    ${banner} ${context.errors.summary(context.headings.sub)}
    <p>${t(context.kiosk ? 'signIn.kioskIntro' : 'signIn.intro')}</p>
    <form novalidate part="form" @submit=${(event: SubmitEvent) => (event.preventDefault(), context.submit())}>
      ${textInput({
        id: 'token',
        name: 'token',
        type: 'password',
        label: t('signIn.tokenLabel'),
        hint: t('signIn.tokenHint'),
        value: context.token,
        error: context.errors.text('token'),
        messages,
        spellcheck: false,
        onInput: context.input,
      })}
      ${button({ label: t('signIn.submit'), type: 'submit', busy: context.busy, busyLabel: t('signIn.checking') })}
    </form>
  </section>`;
}
