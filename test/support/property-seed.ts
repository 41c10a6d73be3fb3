import fc from 'fast-check';

/**
 * Every property test draws the same inputs on every run, so a red run is
 * repeatable and CI never fails one time in five. Set FAST_CHECK_SEED to
 * another number to explore new inputs locally; a seed that finds a defect
 * becomes a named test of its own.
 */
const seed = Number(process.env.FAST_CHECK_SEED ?? 20_261_204);
fc.configureGlobal({ seed: Number.isSafeInteger(seed) ? seed : 20_261_204 });
