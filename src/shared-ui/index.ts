export * from './styles.ts';
export * from './button.ts';
export * from './spinner.ts';
export * from './field.ts';
export * from './choice-group.ts';
export * from './error-summary.ts';
export * from './notification.ts';
export * from './timeout-warning.ts';
