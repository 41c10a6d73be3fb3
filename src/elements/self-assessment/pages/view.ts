import type { Translate } from '../../../i18n/localizer.ts';
import type { nothing, TemplateResult } from 'lit';
import type { ApiError } from '../../../client/errors.ts';
import type { Answers, LocalisedQuestionnaire } from '../../../contract/questionnaire.ts';
import type { HeadingLevels } from '../../../core/heading-level.ts';
import type { JourneyAction, JourneyPage } from '../../../core/self-assessment-journey.ts';
import type { Language } from '../../../i18n/languages.ts';
import type { FieldMessages } from '../../../shared-ui/field.ts';
import type { FormErrors } from '../../base/form-errors.ts';

/** Where focus goes on arriving at each page: its heading, or its panel. */
export const PAGE_FOCUS: Readonly<Record<JourneyPage['kind'], string>> = {
  start: '#start-heading',
  question: '#question-heading',
  check: '#check-heading',
  result: '#result-heading',
  send: '#send-heading',
  saved: '.panel',
  sent: '.panel',
};

/** What every page of the self-assessment renders with. */
export interface PageView {
  t: Translate;
  lang: Language;
  headings: HeadingLevels;
  messages: FieldMessages;
  definition: LocalisedQuestionnaire;
  answers: Answers;
  /** The page's field errors. */
  errors: FormErrors;
  /** The page's last request failed. */
  failure: ApiError | undefined;
  /** What the person should know about their answers (kept, dropped, changed questions), for the pages that say it. */
  notices: TemplateResult | typeof nothing;
  /** Where a link to another questionnaire goes. */
  questionnaireHref: (id: string) => string;
  /** The urgent-help panel, while an answer calls for it. */
  urgent: TemplateResult | typeof nothing;
  /** Take a step of the journey (Back, Continue, Change…). */
  go(action: JourneyAction): void;
}
