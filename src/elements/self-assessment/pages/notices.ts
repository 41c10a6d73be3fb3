import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../../client/errors.ts';
import type { PageConfig } from '../../../contract/config.ts';
import type { UrgentContact, UrgentHelpPanel } from '../../../contract/questionnaire.ts';
import { button } from '../../../shared-ui/button.ts';
import { notification } from '../../../shared-ui/notification.ts';
import type { PageView } from './view.ts';
import { telHref } from '../../../core/service-contact.ts';

/** One thing at a time to tell the person about their answers. */
export type Notice =
  /** Answers kept on this device from last time were restored. */
  | { kind: 'restored' }
  /** The council changed the questions while the person was answering. */
  | { kind: 'changed' }
  /** The host's timeout deleted the answers. */
  | { kind: 'expired'; title: string; body: string }
  /** Answers kept on the device did not fit these questions (another questionnaire's, or an unknown page) and were put aside. */
  | { kind: 'set-aside' };

/** Some answers were dropped (saved against other questions), the questions changed, or the answers were restored. */
export function answerNotices(
  view: Pick<PageView, 't' | 'headings'>,
  notice: Notice | undefined,
  dropped: number,
  startAgain: () => void,
): TemplateResult {
  const { t, headings } = view;
  const droppedText = dropped ? t('dropped', { count: dropped }) : undefined;
  return html`${notice?.kind === 'changed'
      ? notification({ id: 'notice-title', title: t('changed'), level: headings.sub, body: droppedText ? html`<p>${droppedText}</p>` : html`` })
      : droppedText
        ? notification({ id: 'notice-title', title: droppedText, level: headings.sub, body: html`` })
        : nothing}
    ${notice?.kind === 'restored'
      ? html`<div class="inset" part="notification">
          <p>${t('restored.body')}</p>
          <button type="button" class="link-button" @click=${startAgain}>${t('restored.startAgain')}</button>
        </div>`
      : nothing}`;
}

/** Why the answers are gone, on the start page: the host's timeout, or saved answers that did not fit and were put aside. */
export function expiredNotice(view: Pick<PageView, 'headings' | 't'>, notice: Notice | undefined): TemplateResult | typeof nothing {
  if (notice?.kind === 'set-aside') return notification({ id: 'notice-title', title: view.t('setAside'), level: view.headings.sub, body: html`` });
  return notice?.kind === 'expired' ? notification({ id: 'notice-title', title: notice.title, level: view.headings.sub, body: html`<p>${notice.body}</p>` }) : nothing;
}

/** A request failed: why, that the answers are kept, and "Try again" when there is something to retry. */
export function failureBanner(view: Pick<PageView, 't' | 'headings'>, failure: ApiError | undefined, title: string, retry?: () => void): TemplateResult | typeof nothing {
  if (!failure) return nothing;
  const { t } = view;
  return notification({
    title,
    variant: 'error',
    level: view.headings.sub,
    body: html`<p>${t(failure.messageKey)} ${t('answersKept')}</p>${retry ? button({ label: t('tryAgain'), variant: 'secondary', onClick: retry }) : nothing}`,
  });
}

const tel = (phone: string) => html`<a href=${telHref(phone)}>${phone}</a>`;

/** One line of an urgent-help panel: who to call and the number (fixed, or from the page's `#cls-config`); nothing when the page gives no number. */
function contactLine(view: Pick<PageView, 't' | 'lang'>, contact: UrgentContact, config: PageConfig): TemplateResult | typeof nothing {
  const { t, lang } = view;
  const hours = (value: PageConfig['councilHours']) => (value ? html` ${t('urgent.hours', { hours: (lang === 'cy' ? value.cy : undefined) || value.en })}` : nothing);
  switch (contact) {
    case 'emergency':
      return html`<p>${t('urgent.body')} <a href="tel:999">999</a>.</p>`;
    case 'samaritans':
      return html`<p>${t('urgent.samaritans')} <a href="tel:116123">116 123</a>.</p>`;
    case 'out-of-hours':
      return config.outOfHoursPhone ? html`<p>${t('urgent.council')} ${tel(config.outOfHoursPhone)}.</p>` : nothing;
    case 'council': {
      const phone = config.councilPhone ?? config.contactPhone;
      return phone ? html`<p>${t('urgent.councilInHours')} ${tel(phone)}.${hours(config.councilHours)}</p>` : nothing;
    }
    case 'adult-social-care':
      return config.adultSocialCarePhone ? html`<p>${t('urgent.adultSocialCare')} ${tel(config.adultSocialCarePhone)}.${hours(config.adultSocialCareHours)}</p>` : nothing;
    case 'safeguarding':
      return config.safeguardingPhone ? html`<p>${t('urgent.safeguarding')} ${tel(config.safeguardingPhone)}.</p>` : nothing;
  }
}

/**
 * The urgent-help panels the answers call for (see `urgentPanels` in src/core/questionnaire.ts), each
 * its title, its words and who to call, in its order; a definition without panels gets 999, the
 * council out of hours and Samaritans.
 */
export function urgentPanelsHelp(view: Pick<PageView, 't' | 'lang' | 'headings'>, panels: readonly UrgentHelpPanel[], config: PageConfig): TemplateResult {
  if (!panels.length) return urgentHelp(view, config.outOfHoursPhone);
  return html`<div class="urgent" role="alert">
    ${panels.map(
      (panel) => html`<div class="heading-m" role="heading" aria-level=${view.headings.sub}>${panel.title}</div>
        ${panel.body.map((paragraph) => html`<p>${paragraph}</p>`)} ${panel.contacts.map((contact) => contactLine(view, contact, config))}`,
    )}
  </div>`;
}

/** 999, the council out of hours (from the page's `#cls-config`), Samaritans. */
export function urgentHelp(view: Pick<PageView, 't' | 'headings'>, outOfHoursPhone: string | undefined): TemplateResult {
  const { t } = view;
  return html`<div class="urgent" role="alert">
    <div class="heading-m" role="heading" aria-level=${view.headings.sub}>${t('urgent.title')}</div>
    <p>${t('urgent.body')} <a href="tel:999">999</a>.</p>
    ${outOfHoursPhone ? html`<p>${t('urgent.council')} <a href=${telHref(outOfHoursPhone)}>${outOfHoursPhone}</a>.</p>` : nothing}
    <p>${t('urgent.samaritans')} <a href="tel:116123">116 123</a>.</p>
  </div>`;
}

export function backLink(view: Pick<PageView, 't' | 'go'>): TemplateResult {
  return html`<button type="button" class="link-button" @click=${() => view.go({ type: 'back' })}>${view.t('back')}</button>`;
}
