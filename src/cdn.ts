/** The one-script-tag bundle: defines every element. */
import './elements/feedback/define.ts';

export * from './index.ts';
