/**
 * Where a staff token is kept on this device: the tab's session storage
 * only, so it goes when the tab closes and never reaches the URL, local
 * storage or a shared link. DOM-free: the caller passes the storage.
 */

/** What this needs of `sessionStorage` (a test may pass a Map-backed one). */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The one key every staff element reads, so signing in once serves them all. */
export const STAFF_TOKEN_KEY = 'cls-staff-token';

/** The kept token, or undefined when nobody is signed in (or storage is refused, as in some private modes). */
export function readStaffToken(storage: TokenStorage | undefined): string | undefined {
  try {
    const token = storage?.getItem(STAFF_TOKEN_KEY)?.trim();
    return token ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `token` for this tab; a blank one signs out. Returns the token as kept. */
export function keepStaffToken(storage: TokenStorage | undefined, token: string): string | undefined {
  const trimmed = token.trim();
  if (!trimmed) {
    forgetStaffToken(storage);
    return undefined;
  }
  try {
    storage?.setItem(STAFF_TOKEN_KEY, trimmed);
  } catch {
    // Storage refused: the token still works for this page until it reloads.
  }
  return trimmed;
}

/** Signs out on this tab. */
export function forgetStaffToken(storage: TokenStorage | undefined): void {
  try {
    storage?.removeItem(STAFF_TOKEN_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
