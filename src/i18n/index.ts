export * from './languages.ts';
export * from './format.ts';
export * from './localizer.ts';
export * from './locale-controller.ts';
export { common } from './common.ts';
