import { html, nothing, type TemplateResult } from 'lit';
import type { Service } from '../../contract/directory.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';
import { describeSchedule } from '../../i18n/schedule-text.ts';
import { button } from '../../shared-ui/button.ts';
import { textArea } from '../../shared-ui/field.ts';
import { servicePhone, servicePlace, telHref } from '../../core/service-contact.ts';
import { serviceSelector } from './service-lists.ts';

export interface PlanViewOptions {
  locale: LocaleController;
  /** The chosen resources the feed has. */
  services: readonly Service[];
  level: number;
  /** The plan drawn as a wheel (shown when something is chosen). */
  wheel: TemplateResult;
  notes: string;
  /** Whether copying the link worked; when it did not, the link is shown to copy by hand. */
  copied: 'yes' | 'no' | undefined;
  link: string;
  onBack: () => void;
  onOpen: (id: string, from: string) => void;
  onNotes: (value: string) => void;
  /** A shared screen: no link to copy (the next person would find it on the clipboard), and the notes go when the screen is cleared. */
  kiosk: boolean;
  onCopy: () => void;
  /** Print "My wheel" alone, without the page around it. */
  onPrint: () => void;
}

/** "My wheel": the chosen resources on a wheel and in a list, the person's own notes (kept on the device only), print and link. */
export function planView(options: PlanViewOptions): TemplateResult {
  const { locale, services } = options;
  const { t } = locale;
  return html`<section class="plan" part="plan">
    <button type="button" class="link-button no-print" @click=${options.onBack}>${t('plan.back')}</button>
    <div class="heading-l" role="heading" aria-level=${options.level} id="plan-heading" tabindex="-1">${t('plan.heading')}</div>
    <p>${t(options.kiosk ? 'plan.introKiosk' : 'plan.intro')}</p>
    ${services.length ? options.wheel : html`<p>${t('plan.empty')}</p>`}
    <ul class="services" part="list">
      ${services.map(
        (service) => {
          const phone = servicePhone(service);
          const place = servicePlace(service);
          return html`<li class="service">
            <button type="button" class="link-button no-print" data-service=${service.id} @click=${() => options.onOpen(service.id, serviceSelector(service.id))}>${service.name}</button>
            <strong class="print-only">${service.name}</strong>
            ${[service.schedules.map((schedule) => describeSchedule(schedule, locale.lang)).find(Boolean), service.organization?.name].filter(Boolean).join(' · ')}
            ${phone ? html`<div class="plan-phone">${t('resource.phone')}: <a href=${telHref(phone)}>${phone}</a></div>` : nothing}
            ${service.url ? html`<div class="plan-web">${t('resource.website')}: <a href=${service.url} rel="noopener noreferrer" target="_blank">${service.url}</a></div>` : nothing}
            ${place ? html`<div class="plan-place">${t('resource.where')}: ${place}</div>` : nothing}
          </li>`;
        },
      )}
    </ul>
    ${textArea({
      id: 'notes',
      name: 'notes',
      label: t('plan.notesLabel'),
      hint: t(options.kiosk ? 'plan.notesHintKiosk' : 'plan.notesHint'),
      optional: true,
      value: options.notes,
      rows: 4,
      messages: { errorPrefix: t('errorPrefix'), optional: t('optional') },
      onInput: options.onNotes,
    })}
    <div class="button-group">
      ${button({ label: t('plan.print'), variant: 'secondary', onClick: options.onPrint })}
      ${services.length && !options.kiosk ? button({ label: t('plan.copy'), variant: 'secondary', onClick: options.onCopy }) : nothing}
    </div>
    ${options.copied === 'no' ? html`<p class="no-print">${t('plan.copyFailed')} <span class="plan-link">${options.link}</span></p>` : nothing}
  </section>`;
}
