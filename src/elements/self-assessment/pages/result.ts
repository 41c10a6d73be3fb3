import { html, nothing, type TemplateResult } from 'lit';
import type { CommunityReason, SuggestedOption } from '../../../core/community-options.ts';
import type { Outcome } from '../../../core/questionnaire.ts';
import { mailtoHref, resultText } from '../../../core/result-summary.ts';
import type { Service } from '../../../contract/directory.ts';
import { formatDate, formatDistance } from '../../../i18n/format.ts';
import { nextOccurrences } from '../../../core/schedule.ts';
import { nextOccurrenceText } from '../../../i18n/schedule-text.ts';
import { button } from '../../../shared-ui/button.ts';
import { choiceGroup } from '../../../shared-ui/choice-group.ts';
import { spinner } from '../../../shared-ui/spinner.ts';
import type { NextStepDetail } from '../api/events.ts';
import { backLink } from './notices.ts';
import type { PageView } from './view.ts';
import { servicePlace, telHref } from '../../../core/service-contact.ts';

/** Community options for the result page, for one set of search terms, postcode and directory (`key`). */
export type Community =
  | { state: 'loading'; key: string }
  | { state: 'failed'; key: string }
  | { state: 'ready'; key: string; options: SuggestedOption[]; near?: string; unplaced?: string };

/** How to reach the council's community team (from the page's `#cls-config`), on the result and its printed copy. */
export interface CouncilContact {
  phone?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
}

export interface ResultPage {
  outcome: Outcome;
  /** The community team's contact details; nothing shown when the page gives none. */
  council: CouncilContact;
  /** The other widgets on the page the person can go on to. */
  steps: ReadonlyArray<NextStepDetail['step']>;
  community: Community | undefined;
  /**
   * "Email me a copy", unless on a shared screen; with the link back to the
   * saved answers (`resumeLink`) when the person saved them.
   */
  email: { pageUrl: string; resumeLink: string | undefined; includeAnswers: boolean; onIncludeAnswers: (include: boolean) => void } | undefined;
  onRetryCommunity: () => void;
  onNextStep: (step: NextStepDetail['step']) => void;
}

/**
 * What the person told us, leading with their own words (what matters, what
 * they would like to be different), then their strengths and people, then
 * what is hard, a next step and community options. Never a decision.
 */
export function resultPage(view: PageView, page: ResultPage): TemplateResult {
  const { t, headings } = view;
  return html`${backLink(view)}
    <div class="heading-l" role="heading" aria-level=${headings.main} id="result-heading" tabindex="-1">${t('result.heading')}</div>
    ${view.notices} ${view.urgent}
    <p>${t('result.notDecision')}</p>
    <p class="print-only printed-on">${t('send.printedOn', { date: formatDate(view.lang, new Date()) })}</p>
    ${resultSummary(view, page)}
    <div class="button-group no-print">
      ${page.steps.map((step) => button({ label: t(step === 'hub-finder' ? 'result.hub' : 'result.wheel'), variant: 'secondary', onClick: () => page.onNextStep(step) }))}
      ${button({ label: t('result.print'), variant: 'secondary', onClick: () => window.print() })}
    </div>
    ${emailCopy(view, page)}
    <div class="no-print">${button({ label: t('result.send'), onClick: () => view.go({ type: 'continue' }) })}</div>`;
}

/** The result itself, as it is kept after sending: own words, strengths, what is hard, the next step, community options. */
export function resultSummary(view: PageView, page: Pick<ResultPage, 'outcome' | 'council' | 'community' | 'onRetryCommunity'>): TemplateResult {
  const { t, headings } = view;
  const { outcome: result } = page;
  const said = (entries: Outcome['words'], cls: string) =>
    html`<ul class=${cls}>
      ${entries.map((entry) => html`<li><strong>${entry.title}</strong><br />${entry.answer}</li>`)}
    </ul>`;
  return html`${result.words.length
      ? html`<div class="heading-m" role="heading" aria-level=${headings.sub}>${t(result.thirdPerson ? 'result.wordsOther' : 'result.words')}</div>
          ${said(result.words, 'own-words')}`
      : nothing}
    ${result.strengths.length
      ? html`<div class="heading-m" role="heading" aria-level=${headings.sub}>${t(result.thirdPerson ? 'result.strengthsOther' : 'result.strengths')}</div>
          ${said(result.strengths, 'strengths')}`
      : nothing}
    <div class="heading-m" role="heading" aria-level=${headings.sub}>${t('result.areas')}</div>
    ${result.areas.length
      ? html`<ul class="areas">
          ${result.areas.map((area) => html`<li>${area.label}${area.detail ? html`<br /><span class="hint">${area.detail}</span>` : nothing}</li>`)}
        </ul>`
      : html`<p>${t(result.thirdPerson ? 'result.noAreasOther' : 'result.noAreas')}</p>`}
    <div class="next-step">
      <div class="heading-m" role="heading" aria-level=${headings.sub}>${t('result.next')}: ${result.nextStep.title}</div>
      <p>${result.nextStep.body}</p>
    </div>
    ${communitySection(view, page)} ${councilSection(view, page.council)}`;
}

/** The community team's phone, email and web page, when the page's configuration gives them. */
function councilSection(view: PageView, council: CouncilContact): TemplateResult | typeof nothing {
  const { t } = view;
  if (!council.phone && !council.email && !council.url) return nothing;
  return html`<div class="council-contact">
    <div class="heading-m" role="heading" aria-level=${view.headings.sub}>${t('result.contactHeading')}</div>
    <ul class="list">
      ${council.phone ? html`<li>${t('community.phone')} <a href=${telHref(council.phone)}>${council.phone}</a></li>` : nothing}
      ${council.email ? html`<li>${t('result.email')} <a href="mailto:${council.email}">${council.email}</a></li>` : nothing}
      ${council.url ? html`<li>${t('result.web')} <a href=${council.url} rel="noopener">${council.url}</a></li>` : nothing}
    </ul>
  </div>`;
}

/** The soonest coming session of any of an option's schedules, in words ("Next: Thursday 4 December, 12:00 to 15:00"). */
function nextSession(service: Service, lang: PageView['lang']): string | undefined {
  const now = new Date();
  const soonest = service.schedules
    .map((schedule) => ({ text: nextOccurrenceText(schedule, now, lang), start: nextStart(schedule, now) }))
    .filter((next): next is { text: string; start: number } => next.text !== undefined && next.start !== undefined)
    .sort((a, b) => a.start - b.start)[0];
  return soonest?.text;
}

function nextStart(schedule: Service['schedules'][number], now: Date): number | undefined {
  return nextOccurrences(schedule, now, 1)[0]?.start.getTime();
}

/** Why an option is suggested, in the person's language. */
function reasonText(view: PageView, reason: CommunityReason): string {
  return reason.kind === 'hard' ? view.t('community.becauseHard', { label: reason.label }) : view.t('community.becauseWords', { words: reason.words });
}

function communitySection(view: PageView, page: Pick<ResultPage, 'community' | 'onRetryCommunity'>): TemplateResult | typeof nothing {
  const { community } = page;
  if (!community) return nothing;
  const { t } = view;
  const heading = community.state === 'ready' && community.near ? t('community.headingNear', { place: community.near }) : t('community.heading');
  const body = (() => {
    switch (community.state) {
      case 'loading':
        return html`<p>${spinner()} ${t('community.loading')}</p>`;
      case 'failed':
        return html`<p>${t('community.failed')}</p>
          <button type="button" class="link-button no-print" @click=${page.onRetryCommunity}>${t('tryAgain')}</button>`;
      case 'ready': {
        const unplaced = community.unplaced ? html`<p class="unplaced">${t('community.unplaced', { postcode: community.unplaced })}</p>` : nothing;
        if (!community.options.length) return html`${unplaced}<p>${t('community.none')}</p>`;
        return html`${unplaced}<ul class="options">
          ${community.options.map(({ service, reason, distanceMetres }) => {
            const away = distanceMetres === undefined ? undefined : t('community.away', { distance: formatDistance(view.lang, distanceMetres, 'miles') });
            const place = servicePlace(service);
            const session = nextSession(service, view.lang);
            return html`<li>
              ${service.url ? html`<a class="option-name" href=${service.url} rel="noopener">${service.name}</a>` : html`<strong class="option-name">${service.name}</strong>`}
              ${service.organization?.name && service.organization.name !== service.name ? html`<div class="hint">${service.organization.name}</div>` : nothing}
              <div class="reason">${[reasonText(view, reason), away].filter(Boolean).join(' · ')}</div>
              ${service.phone ? html`<div>${t('community.phone')} <a href=${telHref(service.phone)}>${service.phone}</a></div>` : nothing}
              ${place ? html`<div class="option-place">${t('community.place')} ${place}</div>` : nothing}
              ${session ? html`<div class="option-session">${session}</div>` : nothing}
              ${service.url ? html`<div class="print-only option-url">${t('result.web')} ${service.url}</div>` : nothing}
            </li>`;
          })}
        </ul>`;
      }
    }
  })();
  return html`<section class="community" aria-labelledby="community-heading" aria-busy=${community.state === 'loading' ? 'true' : 'false'}>
    <div class="heading-m" role="heading" aria-level=${view.headings.sub} id="community-heading">${heading}</div>
    ${body}
  </section>`;
}

/** "Email me a copy": no answers in the link unless the person ticks the box. */
function emailCopy(view: PageView, page: ResultPage): TemplateResult | typeof nothing {
  const { email, outcome: result } = page;
  const { definition } = view;
  if (!email) return nothing;
  const { t } = view;
  const options = page.community?.state === 'ready' ? page.community.options : [];
  const body = resultText(
    {
      title: definition.title,
      pageUrl: email.pageUrl,
      resumeLink: email.resumeLink,
      includeAnswers: email.includeAnswers,
      areas: result.areas.map((area) => area.label),
      strengths: [...result.words, ...result.strengths].map(({ title, answer }) => ({ title, answer })),
      nextStep: { title: result.nextStep.title, body: result.nextStep.body },
      options: options.map(({ service }) => ({
        name: service.name,
        ...(service.organization?.name ? { organisation: service.organization.name } : {}),
        ...(service.phone ? { phone: service.phone } : {}),
        ...(service.url ? { url: service.url } : {}),
      })),
    },
    { filledIn: t('email.filledIn'), resume: t('email.resume'), areas: t('result.areas'), strengths: t('result.strengths'), nextStep: t('result.next'), options: t('community.heading') },
  );
  return html`<div class="email">
    <div class="heading-m" role="heading" aria-level=${view.headings.sub}>${t('email.heading')}</div>
    ${choiceGroup({
      id: 'email-answers',
      name: 'email-answers',
      legend: t('email.legend'),
      hint: t(email.resumeLink ? 'email.hintSaved' : 'email.hint'),
      multiple: true,
      choices: [{ value: 'yes', label: t('email.include') }],
      value: email.includeAnswers ? ['yes'] : [],
      messages: view.messages,
      onChange: (_value, checked) => email.onIncludeAnswers(checked),
    })}
    <a class="button button--secondary" part="button" href=${mailtoHref(definition.title, body, '', { omission: t('email.cut') })}>${t('email.open')}</a>
  </div>`;
}
