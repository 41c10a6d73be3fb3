/**
 * A fresh Idempotency-Key: a random UUID. One key stands for one intended
 * submission; retries of the same submission reuse it so the server stores
 * one record however many times the request arrives.
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** What the server accepts as an Idempotency-Key: 8–128 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;
