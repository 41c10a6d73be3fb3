import type { Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import { uuidV5 } from '../seed/ids.ts';

/**
 * The namespace of mirrored records' ids (a random v4 UUID, fixed forever:
 * changing it changes every mirrored id and breaks shared plans).
 */
const MIRROR_NAMESPACE = '9d0f4c71-2b6e-4a35-8e1d-6c7a2f5b3e48';

/**
 * The feed's identity: its origin and path, without a query (an API key,
 * which may change) or a trailing slash. Stored as each mirrored service's
 * `source`, and used in its namespaced ids.
 */
export function sourceKey(url: string): string {
  const parsed = new URL(url.trim());
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/**
 * `text` with the values of `url`'s query parameters blanked wherever they
 * appear (as given, or as `URLSearchParams` writes them when paging): a
 * council's API key must not be shown in the status or the logs.
 */
export function redact(text: string, url: string): string {
  let out = text;
  for (const [name, value] of new URL(url.trim()).searchParams) {
    if (!value) continue;
    for (const written of new Set([value, encodeURIComponent(value), new URLSearchParams([[name, value]]).toString().slice(name.length + 1)])) {
      out = out.split(`${name}=${written}`).join(`${name}=…`);
    }
  }
  return out;
}

/**
 * The id a record of `kind` known to the feed `source` as `id` has in the
 * merged directory: a UUID (as ORUK v3.0 wants) that is the same on every
 * sync and differs between feeds, so two councils' service "1", or their
 * term "42" meaning different things, never meet.
 */
export function mirroredId(source: string, kind: string, id: string): string {
  return uuidV5(MIRROR_NAMESPACE, JSON.stringify([source, kind, id]));
}

/** `service` from `source` with every id it carries namespaced by {@link mirroredId}. */
export function mirroredService(source: string, service: Service): Service {
  const id = (kind: string, value: string) => mirroredId(source, kind, value);
  const term = (t: TaxonomyTerm): TaxonomyTerm => ({ ...t, id: id('taxonomy_term', t.id), ...(t.parentId === undefined ? {} : { parentId: id('taxonomy_term', t.parentId) }) });
  return {
    ...service,
    id: id('service', service.id),
    ...(service.organization ? { organization: { ...service.organization, id: id('organization', service.organization.id) } } : {}),
    taxonomyTerms: service.taxonomyTerms.map(term),
    locations: service.locations.map((location) => ({ ...location, id: id('location', location.id) })),
    schedules: service.schedules.map((schedule) => (schedule.id === undefined ? schedule : { ...schedule, id: id('schedule', schedule.id) })),
  };
}
