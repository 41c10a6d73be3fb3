import { createHash } from 'node:crypto';

/**
 * Deterministic "randomness" for the seed: every choice is a hash of a
 * descriptive key, so one record's choices never depend on the order or
 * number of the others, and every run gives the same county.
 */

/** A 32-bit unsigned integer from the key. */
export function hashInt(key: string): number {
  return createHash('sha1').update(key, 'utf8').digest().readUInt32BE(0);
}

/** A number in [0, 1) from the key. */
export function unit(key: string): number {
  return hashInt(key) / 2 ** 32;
}

/** One item of a non-empty list, chosen by the key. */
export function pick<T>(key: string, items: readonly T[]): T {
  const item = items[hashInt(key) % items.length];
  if (item === undefined) throw new RangeError(`Nothing to pick for ${key}`);
  return item;
}

/** True for about `p` of keys. */
export function chance(key: string, p: number): boolean {
  return unit(key) < p;
}

/** Rounds to `places` decimal places (coordinates: 5 ≈ 1 m). */
export function round(value: number, places = 5): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
