import type { Location, Organization, Schedule, Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import type { OrukService } from '../../src/contract/oruk-v3.ts';
import { stableId } from '../seed/ids.ts';

/**
 * Internal model → ORUK v3.0 JSON. Sub-records that the model does not
 * identify (addresses, accessibility notes, links) get ids derived from
 * their parent, so the output is the same on every request. Keys without a
 * value are left out: v3 forbids nulls where it says string or number.
 *
 * The output is not parsed here: test/node/directory.test.ts validates every
 * record the feed serves against our contract (src/contract/oruk-v3.ts) and
 * the official v3.0 schemas, and parsing our own output on every request
 * was a fifth of the feed's CPU. The feed builds each record once per
 * version of the directory (see `OrukRecords`).
 */

type Json = Record<string, unknown>;

/** Copies only the keys whose value is defined. */
function defined(entries: Json): Json {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Our ids are uuids already (seed, import); anything else is mapped deterministically. */
export const orukId = (kind: string, id: string) => (UUID.test(id) ? id.toLowerCase() : stableId(kind, id));

export function termToV3(term: TaxonomyTerm): Json {
  return defined({
    id: orukId('taxonomy_term', term.id),
    name: term.name,
    description: term.description ?? '',
    parent_id: term.parentId ? orukId('taxonomy_term', term.parentId) : undefined,
    taxonomy: term.taxonomy,
    taxonomy_id: term.taxonomy ? stableId('taxonomy', term.taxonomy) : undefined,
  });
}

export function organizationToV3(organization: Organization): Json {
  return defined({
    id: orukId('organization', organization.id),
    name: organization.name,
    description: organization.description ?? '',
    email: organization.email,
    website: organization.website,
    // Not in the UK profile's list, but the HSDS 3.0 core field: readers of either understand it.
    phones: organization.phone
      ? [{ id: stableId('phone', `${organization.id}#0`), organization_id: orukId('organization', organization.id), number: organization.phone }]
      : undefined,
  });
}

function scheduleToV3(schedule: Schedule, serviceId: string, index: number): Json {
  return defined({
    id: schedule.id ? orukId('schedule', schedule.id) : stableId('schedule', `${serviceId}#${index}`),
    service_id: serviceId,
    freq: schedule.freq,
    interval: schedule.interval,
    byday: schedule.byday?.length ? schedule.byday.join(',') : undefined,
    bymonthday: schedule.bymonthday?.length ? schedule.bymonthday.join(',') : undefined,
    opens_at: schedule.opensAt,
    closes_at: schedule.closesAt,
    dtstart: schedule.dtstart,
    valid_from: schedule.validFrom,
    valid_to: schedule.validTo,
    until: schedule.until,
    description: schedule.description,
    attending_type: schedule.attendingType,
  });
}

/** Step-free access as a term on the location, so readers need not guess it from free-text notes. */
function stepFreeAttribute(locationId: string, stepFree: boolean): Json {
  const name = stepFree ? 'Step-free access' : 'Not step-free';
  const termId = stableId('taxonomy_term', `accessibility:${name}`);
  return {
    id: stableId('attribute', `${locationId}#${name}`),
    link_id: locationId,
    link_type: 'location',
    taxonomy_term_id: termId,
    taxonomy_term: { id: termId, name, description: stepFree ? 'Can be entered without steps' : 'Has steps at the entrance', taxonomy: 'cls-accessibility' },
  };
}

/** A charge's amount in pounds, when the fees text states one ("£3.50 for lunch" → 3.5). */
export function amountFromFees(fees: string | undefined): number | undefined {
  if (!fees) return undefined;
  const pounds = /£\s?(\d+(?:\.\d{1,2})?)/.exec(fees);
  const pence = /\b(\d{1,2})p\b/.exec(fees);
  const amount = pounds ? Number(pounds[1]) : pence ? Number(pence[1]) / 100 : undefined;
  return amount && amount > 0 ? amount : undefined;
}

export function locationToV3(location: Location): Json {
  const id = orukId('location', location.id);
  const address = location.address;
  // v3 requires all of these on an address; a partial one is left out rather than padded with guesses.
  const completeAddress = address?.line1 && address.city && address.postcode;
  return defined({
    id,
    // Phone, online and home-visit services have a place with no address or coordinates.
    location_type: location.coordinates || completeAddress ? 'physical' : 'virtual',
    name: location.name,
    description: location.description,
    latitude: location.coordinates?.lat,
    longitude: location.coordinates?.lng,
    addresses: completeAddress
      ? [
          defined({
            id: stableId('address', id),
            location_id: id,
            address_1: address.line1,
            city: address.city,
            region: address.region,
            state_province: address.region ?? '',
            postal_code: address.postcode,
            country: address.country ?? 'United Kingdom',
            address_type: 'physical',
          }),
        ]
      : undefined,
    accessibility: location.accessibility.length
      ? location.accessibility.map((note, index) => ({ id: stableId('accessibility', `${id}#${index}`), location_id: id, description: note }))
      : undefined,
    attributes: location.stepFree === undefined ? undefined : [stepFreeAttribute(id, location.stepFree)],
  });
}

export function serviceAtLocationToV3(service: Service, location: Location): Json {
  const serviceId = orukId('service', service.id);
  const locationId = orukId('location', location.id);
  return { id: stableId('service_at_location', `${serviceId}#${locationId}`), service_id: serviceId, location_id: locationId, location: locationToV3(location) };
}

/**
 * Free → one option with amount 0. A charge is written only with the amount
 * its fees text states; without one the fees text alone says it, and
 * readers will not know for sure that it is not free.
 */
function costOptions(service: Service, id: string): Json[] | undefined {
  if (service.free === true) return [{ id: stableId('cost_option', id), service_id: id, option: 'Free', amount: 0 }];
  const amount = service.free === false ? amountFromFees(service.fees) : undefined;
  if (amount === undefined) return undefined;
  // The fees text travels in `fees`; repeating it here would make "£3, first session free" read as free.
  return [{ id: stableId('cost_option', id), service_id: id, option: 'Charge', amount }];
}

/** A full v3 service record (its shape checked in tests against our contract and the official schemas). */
export function serviceToV3(service: Service): OrukService {
  const id = orukId('service', service.id);
  return defined({
    id,
    organization_id: service.organization ? orukId('organization', service.organization.id) : undefined,
    name: service.name,
    description: service.description,
    url: service.url?.startsWith('http') ? service.url : undefined,
    email: service.email,
    status: service.status,
    fees: service.fees,
    // HSDS 3.0 core fields the UK profile does not list (it allows them: no additionalProperties: false).
    eligibility_description: service.eligibility,
    languages: service.languages?.map((name) => ({ id: stableId('language', `${id}#${name}`), service_id: id, name })),
    minimum_age: service.minimumAge,
    maximum_age: service.maximumAge,
    last_modified: service.lastModified,
    assured_date: service.assuredDate,
    organization: service.organization ? organizationToV3(service.organization) : undefined,
    schedules: service.schedules.map((schedule, index) => scheduleToV3(schedule, id, index)),
    service_at_locations: service.locations.map((location) => serviceAtLocationToV3(service, location)),
    cost_options: costOptions(service, id),
    attributes: service.taxonomyTerms.map((term) => ({
      id: stableId('attribute', `${id}#${term.id}`),
      link_id: id,
      link_type: 'service',
      taxonomy_term_id: orukId('taxonomy_term', term.id),
      taxonomy_term: termToV3(term),
    })),
  }) as unknown as OrukService;
}

/**
 * The v3 records of one version of the directory, each made on first asking
 * and kept with that version: the SHA-1 of every derived id is worked out
 * once per change of the directory, not once per request.
 */
export class OrukRecords {
  private readonly records = new Map<string, OrukService>();
  private byId: Map<string, Service> | undefined;

  constructor(private readonly services: readonly Service[]) {}

  /** `service` as a full v3 record. */
  service(service: Service): OrukService {
    let record = this.records.get(service.id);
    if (!record) {
      record = serviceToV3(service);
      this.records.set(service.id, record);
    }
    return record;
  }

  /** The service a feed id names: our own id or its v3 uuid. */
  find(id: string): Service | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const service of this.services) {
        this.byId.set(service.id, service);
        this.byId.set(orukId('service', service.id), service);
      }
    }
    return this.byId.get(id);
  }
}
