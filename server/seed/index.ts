import { hubs } from './hubs.ts';
import { organizations } from './organizations.ts';
import { outcodes, places, postcodes } from './places.ts';
import { services } from './services.ts';
import { taxonomyTerms } from './taxonomy.ts';

/**
 * Borsetshire: an invented county on the England–Wales border, loaded into
 * an empty directory so the reference server has something real-looking to
 * show. Deterministic: every id is a v5 UUID of a descriptive key, and every
 * choice between variants a hash, so re-seeding gives identical records.
 */
export const seed = { places, postcodes, outcodes, taxonomyTerms, organizations, hubs, services };

export interface SeedSummary {
  places: number;
  towns: number;
  villages: number;
  postcodes: number;
  outcodes: number;
  taxonomyTerms: number;
  organizations: number;
  hubs: number;
  hubSessions: number;
  services: number;
  locations: number;
}

/** How many of each thing the seed holds (locations: distinct ids across services). */
export function seedSummary(): SeedSummary {
  return {
    places: places.length,
    towns: places.filter((p) => p.kind === 'town').length,
    villages: places.filter((p) => p.kind === 'village').length,
    postcodes: postcodes.length,
    outcodes: outcodes.length,
    taxonomyTerms: taxonomyTerms.length,
    organizations: organizations.length,
    hubs: hubs.length,
    hubSessions: hubs.reduce((n, hub) => n + hub.sessions.length, 0),
    services: services.length,
    locations: new Set(services.flatMap((s) => s.locations.map((l) => l.id))).size,
  };
}
