/**
 * The one-script-tag bundle: defines every element. It exports only the
 * element classes; the contract, client and readers are for npm users
 * (`import … from 'community-led-widgets'`), whose bundlers take only what
 * they use.
 */
import './elements/feedback/define.ts';
import './elements/hub-finder/define.ts';
import './elements/resource-wheel/define.ts';
import './elements/self-assessment/define.ts';

export { ClsFeedback } from './elements/feedback/feedback.ts';
export { ClsHubFinder } from './elements/hub-finder/hub-finder.ts';
export { ClsResourceWheel } from './elements/resource-wheel/resource-wheel.ts';
export { ClsSelfAssessment } from './elements/self-assessment/self-assessment.ts';
