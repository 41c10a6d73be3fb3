/**
 * The elements' string catalogues in one list, for the tools that read them
 * all: docs/strings.md (scripts/strings.ts) and the Welsh spell-check. Not
 * part of the package: it imports every element's Welsh too.
 */
import { ELEMENTS } from '../src/elements/catalogue.ts';
import { feedbackMessages } from '../src/elements/feedback/feedback.locales.ts';
import { feedbackMessagesCy } from '../src/elements/feedback/feedback.locales.cy.ts';
import { hubDayMessages } from '../src/elements/hub-day/hub-day.locales.ts';
import { hubDayMessagesCy } from '../src/elements/hub-day/hub-day.locales.cy.ts';
import { hubFinderMessages } from '../src/elements/hub-finder/hub-finder.locales.ts';
import { hubFinderMessagesCy } from '../src/elements/hub-finder/hub-finder.locales.cy.ts';
import { hubMapMessages } from '../src/elements/hub-finder/hub-map.locales.ts';
import { hubMapMessagesCy } from '../src/elements/hub-finder/hub-map.locales.cy.ts';
import { impactMessages } from '../src/elements/impact/impact.locales.ts';
import { impactMessagesCy } from '../src/elements/impact/impact.locales.cy.ts';
import { kioskMessages } from '../src/elements/kiosk/kiosk.locales.ts';
import { kioskMessagesCy } from '../src/elements/kiosk/kiosk.locales.cy.ts';
import { resourceWheelMessages } from '../src/elements/resource-wheel/resource-wheel.locales.ts';
import { resourceWheelMessagesCy } from '../src/elements/resource-wheel/resource-wheel.locales.cy.ts';
import { selfAssessmentMessages } from '../src/elements/self-assessment/self-assessment.locales.ts';
import { selfAssessmentMessagesCy } from '../src/elements/self-assessment/self-assessment.locales.cy.ts';
import { common } from '../src/i18n/common.ts';
import { commonCy } from '../src/i18n/common.cy.ts';
import type { Messages } from '../src/i18n/localizer.ts';

/** One element's strings, English and Welsh. */
export interface Catalogue {
  tag: string;
  en: Messages;
  cy: Messages;
}

/** Every element's catalogue, by tag (docs/strings.md, the Welsh spell-check). */
export const CATALOGUES: readonly Catalogue[] = [
  { tag: 'cls-feedback', en: feedbackMessages, cy: feedbackMessagesCy },
  { tag: 'cls-hub-day', en: hubDayMessages, cy: hubDayMessagesCy },
  { tag: 'cls-hub-finder', en: hubFinderMessages, cy: hubFinderMessagesCy },
  { tag: 'cls-hub-map', en: hubMapMessages, cy: hubMapMessagesCy },
  { tag: 'cls-impact', en: impactMessages, cy: impactMessagesCy },
  { tag: 'cls-kiosk', en: kioskMessages, cy: kioskMessagesCy },
  { tag: 'cls-resource-wheel', en: resourceWheelMessages, cy: resourceWheelMessagesCy },
  { tag: 'cls-self-assessment', en: selfAssessmentMessages, cy: selfAssessmentMessagesCy },
];

/** The strings every element shares. */
export const COMMON: Omit<Catalogue, 'tag'> = { en: common, cy: commonCy };

const missing = ELEMENTS.filter((element) => !CATALOGUES.some((catalogue) => catalogue.tag === element.tag));
if (missing.length) throw new Error(`scripts/catalogues.ts has no catalogue for ${missing.map((element) => element.tag).join(', ')}`);

