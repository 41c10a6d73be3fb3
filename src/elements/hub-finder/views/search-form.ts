import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../../client/errors.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { LocaleController } from '../../../i18n/locale-controller.ts';
import { button } from '../../../shared-ui/button.ts';
import { errorSummary } from '../../../shared-ui/error-summary.ts';
import { textInput } from '../../../shared-ui/field.ts';
import { notification } from '../../../shared-ui/notification.ts';
import type { LocationProblem } from '../data/hub-sources.ts';

/** What is wrong with what was typed in the search box. */
export type SearchProblem = 'required' | 'invalidPostcode' | 'notFound';

/** What the search form shows: nothing yet, a search under way, or why the last one found nothing. */
export type SearchState =
  | { state: 'idle' }
  | { state: 'searching' }
  // The search box's own error (a summary and a message beside it), or a banner about the device's location.
  | { state: 'failed'; problem: SearchProblem | LocationProblem }
  // The service could not answer: a banner with Try again.
  | { state: 'failed'; problem: 'unavailable'; failure: ApiError };

const SEARCH_PROBLEMS: ReadonlySet<string> = new Set<SearchProblem>(['required', 'invalidPostcode', 'notFound']);
const isSearchProblem = (problem: string): problem is SearchProblem => SEARCH_PROBLEMS.has(problem);

/** What the search form needs from the element. */
export interface SearchFormContext {
  locale: LocaleController;
  headings: HeadingLevels;
  /** What is in the search box. */
  query: string;
  search: SearchState;
  input: (value: string) => void;
  submit: () => void;
  /** "Use my location"; absent on a shared screen. */
  useLocation?: () => void;
}

/** The search box's error message, when the search failed because of what was typed. */
export function searchBoxError(locale: LocaleController, search: SearchState): string | undefined {
  return search.state === 'failed' && isSearchProblem(search.problem) ? locale.t(`search.${search.problem}`) : undefined;
}

function banner(context: SearchFormContext, error: string | undefined): TemplateResult | typeof nothing {
  const { search } = context;
  const { t } = context.locale;
  const level = context.headings.sub;
  if (search.state !== 'failed' || error) return nothing;
  if (search.problem === 'unavailable') {
    return notification({
      title: t('search.problemTitle'),
      variant: 'error',
      level,
      body: html`<p>${t(search.failure.messageKey)}</p>
        ${button({ label: t('tryAgain'), variant: 'secondary', onClick: () => context.submit() })}`,
    });
  }
  return notification({ title: t('search.problemTitle'), variant: 'error', level, body: html`<p>${t(`search.${search.problem}`)}</p>` });
}

/** The search form: a postcode or town, or the device's location. */
export function renderSearchForm(context: SearchFormContext): TemplateResult {
  const { t } = context.locale;
  const error = searchBoxError(context.locale, context.search);
  return html`<form role="search" novalidate @submit=${(event: Event) => {
    event.preventDefault();
    context.submit();
  }}>
    ${errorSummary(t('errorSummaryTitle'), error ? [{ target: 'place', text: error }] : [], context.headings.sub)} ${banner(context, error)}
    ${textInput({
      id: 'place',
      enterkeyhint: 'search',
      name: 'place',
      label: t('search.label'),
      hint: t('search.hint'),
      error,
      value: context.query,
      autocomplete: 'postal-code',
      messages: { errorPrefix: t('errorPrefix'), optional: t('optional') },
      onInput: (value) => context.input(value),
      after: button({ label: t('search.submit'), type: 'submit', busy: context.search.state === 'searching', busyLabel: t('search.searching') }),
    })}
    ${context.useLocation ? button({ label: t('search.useLocation'), variant: 'secondary', onClick: context.useLocation }) : nothing}
  </form>`;
}
