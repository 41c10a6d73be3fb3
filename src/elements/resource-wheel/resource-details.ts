import { html, nothing, type TemplateResult } from 'lit';
import type { Service } from '../../contract/directory.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';
import { describeSchedule, nextOccurrenceText } from '../../i18n/schedule-text.ts';
import { button } from '../../shared-ui/button.ts';
import { checkedLine } from './service-lists.ts';
import { servicePhone, servicePlace, telHref } from '../../core/service-contact.ts';

export interface ResourceDetailsOptions {
  locale: LocaleController;
  service: Service;
  /** Level of the resource's name as a heading. */
  level: number;
  /** True when it is in "my wheel". */
  pinned: boolean;
  /** How far away it is, when "near" is set. */
  distance: string | undefined;
  onBack: () => void;
  onTogglePin: () => void;
  /** A shared screen: the email address and website as words to note down, not links that leave the page or open an email program. */
  kiosk: boolean;
}

/** One resource: what, who, when, where, cost, access and contact; "Add to my wheel". Contact links only tel:, mailto: or the feed's http(s) URL. */
export function resourceDetails(options: ResourceDetailsOptions): TemplateResult {
  const { locale, service, distance, pinned } = options;
  const { t } = locale;
  const now = new Date();
  const when = service.schedules.flatMap((schedule) => {
    const text = describeSchedule(schedule, locale.lang);
    const next = nextOccurrenceText(schedule, now, locale.lang);
    return text ? [[text, next].filter(Boolean).join('. ')] : [];
  });
  const location = service.locations[0];
  const phone = servicePhone(service);
  const place = servicePlace(service);
  return html`<section part="details">
    <button type="button" class="link-button no-print" @click=${options.onBack}>${t('resource.back')}</button>
    <div class="heading-l" role="heading" aria-level=${options.level} id="resource-heading" tabindex="-1">${service.name}</div>
    ${service.description ? html`<p>${service.description}</p>` : nothing}
    ${checkedLine(locale, service, now)}
    <dl>
      ${service.organization ? html`<dt>${t('resource.organisation')}</dt><dd>${service.organization.name}</dd>` : nothing}
      ${when.length ? html`<dt>${t('resource.when')}</dt>${when.map((line) => html`<dd>${line}</dd>`)}` : nothing}
      ${place ? html`<dt>${t('resource.where')}</dt><dd>${place}${distance ? ` (${distance})` : ''}</dd>` : nothing}
      ${service.free || service.fees ? html`<dt>${t('resource.cost')}</dt><dd>${service.free ? t('resource.free') : service.fees}</dd>` : nothing}
      ${service.eligibility ? html`<dt>${t('resource.eligibility')}</dt><dd>${service.eligibility}</dd>` : nothing}
      ${location?.accessibility.length ? html`<dt>${t('resource.access')}</dt>${location.accessibility.map((note) => html`<dd>${note}</dd>`)}` : nothing}
      ${phone || service.email || service.url
        ? html`<dt>${t('resource.contact')}</dt>
            ${phone ? html`<dd>${t('resource.phone')}: <a href=${telHref(phone)}>${phone}</a></dd>` : nothing}
            ${service.email ? html`<dd>${t('resource.email')}: ${options.kiosk ? service.email : html`<a href="mailto:${service.email}">${service.email}</a>`}</dd>` : nothing}
            ${service.url ? html`<dd>${t('resource.website')}: ${options.kiosk ? service.url : html`<a href=${service.url} rel="noopener noreferrer" target="_blank">${service.url}</a>`}</dd>` : nothing}`
        : nothing}
    </dl>
    ${button({ label: pinned ? t('resource.unpin') : t('resource.pin'), variant: pinned ? 'secondary' : 'primary', onClick: options.onTogglePin })}
  </section>`;
}
