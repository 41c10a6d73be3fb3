import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { WheelFilters } from '../../core/wheel-matches.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';
import { button } from '../../shared-ui/button.ts';
import { textInput } from '../../shared-ui/field.ts';

/** The filters a checkbox turns on and off. */
export type FilterKey = 'free' | 'openNow' | 'stepFree';

export interface ToolbarOptions {
  locale: LocaleController;
  query: string;
  filters: WheelFilters;
  /** What is typed in "near", and whether the place could not be found. */
  nearText: string;
  nearProblem: boolean;
  view: 'wheel' | 'list';
  /** False where the wheel's cells would be too small to use: the list only, no choice offered. */
  offerWheel: boolean;
  /** How many resources are in "my wheel". */
  planCount: number;
  /** True while the query or a filter narrows the wheel (then "Clear all filters" is offered). */
  narrowed: boolean;
  onQuery: (value: string) => void;
  onFilter: (key: FilterKey, on: boolean) => void;
  onNearText: (value: string) => void;
  onApplyNear: () => void;
  onView: (view: 'wheel' | 'list') => void;
  onOpenPlan: () => void;
  onClear: () => void;
}

/** The search box, the wheel/list switch, "My wheel", and the filters: free, open now, step-free, near a postcode. */
export function toolbar(options: ToolbarOptions): TemplateResult {
  const { locale, filters, nearProblem, view } = options;
  const { t } = locale;
  const check = (key: FilterKey, label: string) =>
    html`<div class="choice">
      <input
        type="checkbox"
        id="filter-${key}"
        .checked=${live(Boolean(filters[key]))}
        @change=${(event: Event) => options.onFilter(key, (event.target as HTMLInputElement).checked)}
      /><label for="filter-${key}">${label}</label>
    </div>`;
  return html`<div class="toolbar">
      ${textInput({
        id: 'search',
        name: 'search',
        type: 'search',
        label: t('search.label'),
        hint: t('search.hint'),
        value: options.query,
        messages: { errorPrefix: t('errorPrefix'), optional: t('optional') },
        onInput: options.onQuery,
      })}
      ${options.offerWheel
        ? html`<div class="toggle" role="group" aria-label=${t('view.label')}>
            ${(['wheel', 'list'] as const).map(
              (option) => html`<button
                type="button"
                class="button button--secondary"
                part="button"
                aria-pressed=${view === option ? 'true' : 'false'}
                @click=${() => options.onView(option)}
              >${t(`view.${option}`)}</button>`,
            )}
          </div>`
        : nothing}
      ${button({ label: t('plan.open', { count: options.planCount }), variant: 'secondary', onClick: options.onOpenPlan })}
    </div>
    <fieldset class="filters">
      <legend class="visually-hidden">${t('filters.legend')}</legend>
      ${check('free', t('filters.free'))} ${check('openNow', t('filters.openNow'))} ${check('stepFree', t('filters.stepFree'))}
      <div class="near">
        <label for="near">${t('filters.near')}</label>
        <input
          class="input ${nearProblem ? 'input--error' : ''}"
          id="near"
          type="text"
          autocomplete="postal-code"
          inputmode="text"
          .enterKeyHint=${'go'}
          aria-describedby=${ifDefined(nearProblem ? 'near-error' : undefined)}
          aria-invalid=${ifDefined(nearProblem ? 'true' : undefined)}
          .value=${live(options.nearText)}
          @input=${(event: Event) => options.onNearText((event.target as HTMLInputElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter') options.onApplyNear();
          }}
        />
        ${button({ label: t('filters.apply'), variant: 'secondary', onClick: options.onApplyNear })}
        ${nearProblem ? html`<p class="error-message" id="near-error" tabindex="-1">${t('filters.nearProblem')}</p>` : nothing}
      </div>
      ${options.narrowed ? button({ label: t('filters.clear'), variant: 'secondary', onClick: options.onClear }) : nothing}
    </fieldset>`;
}
