import { html, nothing, type TemplateResult } from 'lit';
import type { StaffRole, Visit } from '../../../contract/staff.ts';
import { mayChange, type VisitConfig } from '../../../core/visits.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';

export interface RecentContext {
  locale: LocaleController;
  headings: HeadingLevels;
  config: VisitConfig;
  hubName: string;
  role: StaffRole;
  visits: readonly Visit[] | undefined;
  failure: string | undefined;
  /** The visit whose delete is being confirmed. */
  confirming: string | undefined;
  now: Date;
  edit: (visit: Visit) => void;
  askDelete: (visit: Visit | undefined) => void;
  remove: (visit: Visit) => void;
}

/**
 * The hub's latest conversations, each changeable or deletable by a worker
 * for 24 hours (the rule in `core/visits.ts`, which the server enforces too);
 * after that the element says only an admin can.
 */
export function renderRecent(context: RecentContext): TemplateResult {
  const { t, lang } = context.locale;
  const when = (visit: Visit) =>
    new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(visit.occurredAt));
  return html`<section aria-labelledby="recent-heading">
    <div class="heading-m" role="heading" aria-level=${context.headings.sub} id="recent-heading" tabindex="-1">${t('recent.heading', { hub: context.hubName })}</div>
    ${context.failure ? html`<p class="error-message">${context.failure}</p>` : nothing}
    ${context.visits && !context.visits.length ? html`<p>${t('recent.none')}</p>` : nothing}
    <ul class="items">
      ${(context.visits ?? []).map((visit) => {
        const changeable = mayChange(context.role, new Date(visit.createdAt), context.now);
        return html`<li class="visit" data-id=${visit.id}>
          <strong>${t('recent.by', { when: when(visit), worker: visit.worker })}</strong>
          <p>${visit.outcomes.map((outcome) => context.config.outcomes[outcome][lang]).join(', ')}</p>
          ${!changeable
            ? html`<p class="hint">${t('recent.adminOnly')}</p>`
            : context.confirming === visit.id
              ? html`<p>${t('recent.confirmQuestion')}</p>
                  <div class="actions">
                    ${button({ label: t('recent.confirmDelete'), onClick: () => context.remove(visit) })}
                    ${button({ label: t('recent.keep'), variant: 'secondary', onClick: () => context.askDelete(undefined) })}
                  </div>`
              : html`<div class="actions">
                  ${button({ label: t('recent.change', { when: when(visit) }), variant: 'secondary', onClick: () => context.edit(visit) })}
                  ${button({ label: t('recent.delete', { when: when(visit) }), variant: 'secondary', onClick: () => context.askDelete(visit) })}
                </div>`}
        </li>`;
      })}
    </ul>
  </section>`;
}
