import { createHash } from 'node:crypto';

/**
 * The namespace of every seed id (itself a random v4 UUID, fixed forever:
 * changing it changes every id and breaks links to seeded records).
 */
export const SEED_NAMESPACE = '3f6b1c2e-8d4a-4f0e-9b7c-5a2d1e6f8c90';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An RFC 4122 version 5 UUID: SHA-1 of the namespace's 16 bytes followed by
 * the UTF-8 name, with the version (5) and variant (10xx) bits set.
 */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`Not a UUID: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of a seeded record of `kind` (`service`, `location`, `hub`…) known
 * by `key`: the same on every run, so re-seeding updates rather than
 * duplicates, and a UUID, as ORUK v3 requires. Kind and key are encoded
 * unambiguously (`('a:b', 'c')` and `('a', 'b:c')` differ).
 */
export function stableId(kind: string, key: string): string {
  return uuidV5(SEED_NAMESPACE, JSON.stringify([kind, key]));
}
