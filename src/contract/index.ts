export * from './problem.ts';
export * from './feedback.ts';
export * from './health.ts';
export * from './config.ts';
export * from './schema.ts';
export * from './directory.ts';
export * from './places.ts';
export * from './bookings.ts';
