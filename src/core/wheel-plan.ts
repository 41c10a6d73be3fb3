import * as z from 'zod/mini';
import { DeviceStore, type DeviceStorage } from './device-store.ts';
import { decodePlan, encodePlan } from './wheel.ts';

/**
 * "My wheel": the resources a person chose and their own notes. Both stay
 * on the device (never in kiosk mode); a shared link carries only the ids.
 * DOM-free, so unit-tested in Node.
 */

/** The query parameter of a shared plan link. */
export const PLAN_PARAM = 'cls-plan';
/** Where the plan is kept on the device (the key it always had, so plans kept before still load). */
export const PLAN_STORAGE_KEY = 'cls-resource-wheel';
/** A plan is kept for a year after it last changed. */
export const PLAN_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** A plan as kept on the device. */
export const SavedPlan = z.object({ ids: z.array(z.string()), notes: z.string() });
export type SavedPlan = z.infer<typeof SavedPlan>;

/**
 * A plan in the format kept before records were stamped, `{ ids, notes }`
 * as bare JSON: ids that are not text are dropped, notes that are not text
 * are none. Not an object: not a plan.
 */
export function legacyPlan(raw: unknown): SavedPlan | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { ids, notes } = raw as { ids?: unknown; notes?: unknown };
  return {
    ids: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
    notes: typeof notes === 'string' ? notes : '',
  };
}

/** The device store for a plan; `storage` returns undefined to keep nothing (kiosk mode). */
export function planStore(storage: () => DeviceStorage | undefined, now?: () => number): DeviceStore<typeof SavedPlan> {
  return new DeviceStore({
    key: PLAN_STORAGE_KEY,
    schema: SavedPlan,
    maxAgeMs: PLAN_MAX_AGE_MS,
    storage,
    legacy: legacyPlan,
    ...(now ? { now } : {}),
  });
}

/**
 * The plan on opening: the ids kept on the device, then any a shared link
 * (`search`, the page's query string) adds, each once; notes only ever
 * from the device.
 */
export function openingPlan(saved: SavedPlan | undefined, search: string): SavedPlan {
  const fromLink = decodePlan(new URLSearchParams(search).get(PLAN_PARAM));
  return { ids: [...new Set([...(saved?.ids ?? []), ...fromLink])], notes: saved?.notes ?? '' };
}

/** The page's address with the plan's ids in {@link PLAN_PARAM} and no fragment: never the notes. */
export function planLink(pageUrl: string, ids: readonly string[]): string {
  const url = new URL(pageUrl);
  url.searchParams.set(PLAN_PARAM, encodePlan(ids));
  url.hash = '';
  return url.href;
}
