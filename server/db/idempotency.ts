import { createHash } from 'node:crypto';
import type { Database } from './database.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotentOutcome =
  | { kind: 'fresh'; response: StoredResponse }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' };

export function hashRequest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Runs `create` at most once per (route, key). The key row and the created
 * record are written in one transaction, and the key's primary key makes a
 * concurrent duplicate wait and then replay, so retries never store twice.
 */
export async function once(
  db: Database,
  route: string,
  key: string,
  body: unknown,
  create: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<StoredResponse>,
): Promise<IdempotentOutcome> {
  const requestHash = hashRequest(body);
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (route, key, request_hash, status, response)
       VALUES ($1, $2, $3, 0, 'null'::jsonb)
       ON CONFLICT (route, key) DO NOTHING
       RETURNING key`,
      [route, key, requestHash],
    );
    if (!claimed.length) {
      const [existing] = await tx.query<{ request_hash: string; status: number; response: unknown }>(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE route = $1 AND key = $2',
        [route, key],
      );
      if (!existing || existing.request_hash !== requestHash) return { kind: 'conflict' };
      return { kind: 'replay', response: { status: existing.status, body: existing.response } };
    }
    const response = await create(tx);
    await tx.query('UPDATE idempotency_keys SET status = $3, response = $4::jsonb WHERE route = $1 AND key = $2', [
      route,
      key,
      response.status,
      JSON.stringify(response.body),
    ]);
    return { kind: 'fresh', response };
  });
}
