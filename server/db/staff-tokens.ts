import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '../../src/contract/staff.ts';
import type { Queryable } from './database.ts';

/**
 * Staff bearer tokens, several at once, each with a role. Only a SHA-256 of
 * a token is stored: the token itself is shown once, when it is created.
 * (A token is 32 random bytes, so a fast hash is enough: there is nothing
 * to guess from a dictionary.)
 */

export interface StaffTokenRecord {
  /** Public id: listed, used to revoke, and written to the audit trail. */
  id: string;
  role: StaffRole;
  label: string;
  createdAt: string;
  revokedAt?: string;
}

/** SHA-256 of a presented token, hex. */
export function hashStaffToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface TokenRow {
  id: string;
  role: StaffRole;
  label: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  [key: string]: unknown;
}

const record = (row: TokenRow): StaffTokenRecord => ({
  id: row.id,
  role: row.role,
  label: row.label,
  createdAt: new Date(row.created_at).toISOString(),
  ...(row.revoked_at ? { revokedAt: new Date(row.revoked_at).toISOString() } : {}),
});

/** Creates a token; the returned `token` is the only time it is ever seen. */
export async function createStaffToken(db: Queryable, role: StaffRole, label: string): Promise<StaffTokenRecord & { token: string }> {
  const id = `st_${randomBytes(6).toString('hex')}`;
  const token = `cls_${randomBytes(32).toString('base64url')}`;
  const [row] = await db.query<TokenRow>(
    'INSERT INTO staff_tokens (id, token_hash, role, label) VALUES ($1, $2, $3, $4) RETURNING id, role, label, created_at, revoked_at',
    [id, hashStaffToken(token), role, label],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { ...record(row), token };
}

/** Every token, newest first, revoked ones included (never their hashes). */
export async function listStaffTokens(db: Queryable): Promise<StaffTokenRecord[]> {
  const rows = await db.query<TokenRow>('SELECT id, role, label, created_at, revoked_at FROM staff_tokens ORDER BY created_at DESC, id');
  return rows.map(record);
}

/** Revokes a token by id; false when there is no such token still in force. */
export async function revokeStaffToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('UPDATE staff_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}

/** The token in force with this hash, if any. */
export async function findStaffToken(db: Queryable, tokenHash: string): Promise<{ id: string; role: StaffRole } | undefined> {
  const [row] = await db.query<{ id: string; role: StaffRole }>('SELECT id, role FROM staff_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
  return row;
}
