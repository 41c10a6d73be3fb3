/**
 * The rules of a shared screen (`<cls-kiosk>`): how long it waits before
 * warning and clearing, and what of the page address belongs to the last
 * person. DOM-free, so the rules are unit-tested in Node.
 */
import { MANAGE_KEY_PARAM, MANAGE_PARAM } from './hub-finder.ts';

/** Seconds without anyone touching the screen before the warning, by default. */
export const DEFAULT_IDLE_SECONDS = 180;
/** Seconds the warning counts down before the screen is cleared, by default. */
export const DEFAULT_WARNING_SECONDS = 60;

/** Timings for the inactivity timer, in milliseconds. */
export interface KioskTiming {
  /** From the last activity to the screen being cleared. */
  timeoutMs: number;
  /** How long before clearing the warning shows. */
  warnBeforeMs: number;
  /** The quiet spell before the warning may show. */
  minIdleMs: number;
}

/** The longest either wait may be: a day (timers overflow past about 24 days, and a kiosk is cleared daily anyway). */
export const MAX_SECONDS = 86_400;

/** A whole number of seconds from 1 to a day, or the default (an attribute can hold anything). */
function seconds(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.min(Math.round(value), MAX_SECONDS) : fallback;
}

/**
 * The kiosk's timing: `idleSeconds` of quiet, then a warning counting down
 * `warningSeconds`, then the screen is cleared. Missing, zero, negative or
 * unreadable values take the defaults (3 minutes and 1 minute).
 */
export function kioskTiming(idleSeconds: number | undefined, warningSeconds: number | undefined): KioskTiming {
  const idle = seconds(idleSeconds, DEFAULT_IDLE_SECONDS) * 1000;
  const warning = seconds(warningSeconds, DEFAULT_WARNING_SECONDS) * 1000;
  return { timeoutMs: idle + warning, warnBeforeMs: warning, minIdleMs: idle };
}

/**
 * The page address without what the last person opened: every `cls-*`
 * parameter (a booking's manage link, a resume code, a shared plan) and the
 * manage link's `key` beside `cls-booking`. The host page's own parameters
 * and fragment stay. `undefined` when there is nothing to remove.
 */
export function addressForNextPerson(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const names = [...new Set(url.searchParams.keys())];
  const personal = names.filter((name) => name.startsWith('cls-') || (name === MANAGE_KEY_PARAM && url.searchParams.has(MANAGE_PARAM)));
  if (!personal.length) return undefined;
  for (const name of personal) url.searchParams.delete(name);
  return url.href;
}

/**
 * The page's `history.state` without what the elements kept in it (their
 * keys start `cls-`, such as a questionnaire's place): the host's own state
 * stays. `null` stays `null`; a state that is not a plain object is the host's.
 */
export function historyForNextPerson(state: unknown): unknown {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return state;
  return Object.fromEntries(Object.entries(state as Record<string, unknown>).filter(([key]) => !key.startsWith('cls-')));
}
