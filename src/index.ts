/**
 * community-led-widgets: element classes, the contract and the client,
 * without defining any tag. Import `community-led-widgets/feedback` (or the
 * CDN bundle) to define the tags.
 */
export { ClsFeedback, type FeedbackSubmitDetail } from './elements/feedback/feedback.ts';
export { ClsHubFinder, type BookingCancelDetail, type BookingCompleteDetail, type HubSelectDetail } from './elements/hub-finder/hub-finder.ts';
export { ClsResourceWheel, type PlanChangeDetail, type ResourceOpenDetail } from './elements/resource-wheel/resource-wheel.ts';
export { ClsSelfAssessment, type NextStepDetail, type SaveDetail, type StepChangeDetail, type SubmitDetail } from './elements/self-assessment/self-assessment.ts';
export * from './contract/index.ts';
export * from './client/index.ts';
export { LANGUAGES, type Language } from './i18n/languages.ts';
