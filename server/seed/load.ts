import type { Database } from '../db/database.ts';
import { isDirectoryEmpty, upsertHubs, upsertPlaces, upsertServices, upsertTaxonomyTerms, type PlaceRow } from '../db/directory.ts';
import { placeKey } from '../geocode.ts';
import { seedActivity } from './activity.ts';
import { seed } from './index.ts';

/** Rows of the embedded geocoding table: every seeded postcode, outcode and place name (English and Welsh). */
export function seedPlaces(): PlaceRow[] {
  const rows: PlaceRow[] = [];
  for (const { postcode, coordinates } of seed.postcodes) rows.push({ key: postcode, kind: 'postcode', label: postcode, ...coordinates });
  for (const { outcode, coordinates } of seed.outcodes) rows.push({ key: outcode, kind: 'outcode', label: outcode, ...coordinates });
  for (const place of seed.places) {
    rows.push({ key: placeKey(place.name), kind: 'place', label: place.name, ...place.coordinates });
    if (place.welshName) rows.push({ key: placeKey(place.welshName), kind: 'place', label: place.welshName, ...place.coordinates });
  }
  return rows;
}

/**
 * Loads the invented county into an empty directory, so `npm start` with
 * no configuration has something real-looking to show, with a year of staff
 * activity up to `activityUntil` when given. A directory that already has
 * anything (an import, an earlier seed) is left alone.
 */
export async function seedIfEmpty(
  db: Database,
  options: { activityUntil?: Date } = {},
): Promise<{ seeded: boolean; services: number; hubs: number; visits?: number }> {
  if (!(await isDirectoryEmpty(db))) return { seeded: false, services: 0, hubs: 0 };
  await upsertPlaces(db, seedPlaces());
  await upsertTaxonomyTerms(db, seed.taxonomyTerms);
  await upsertServices(db, seed.services, 'seed');
  await upsertHubs(db, seed.hubs);
  // The demo server also gets a year of staff activity up to today, for the impact report.
  const activity = options.activityUntil ? await seedActivity(db, seed.hubs, options.activityUntil) : undefined;
  return { seeded: true, services: seed.services.length, hubs: seed.hubs.length, ...(activity ? { visits: activity.visits } : {}) };
}
