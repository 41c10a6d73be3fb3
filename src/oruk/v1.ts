import type { Organization, Service, TaxonomyTerm } from '../contract/directory.ts';
import type { PageInfo, ReadResult } from './types.ts';
import { groupByService, idFrom, isRecord, mapOrganization, mapService, mapTaxonomyTerm, readEnvelope, readList, readOne, records, Tally, field } from './internal.ts';

/**
 * Readers for Open Referral UK v1.0 responses, the older shape many council
 * feeds still serve. Each takes parsed JSON of any shape, never throws, and
 * returns only records that satisfy the directory contract. List envelopes
 * `{totalElements,totalPages,number,size,first,last,empty,content}` may be
 * partial or missing (a bare array reads as one page). Services embed
 * `service_at_locations[].location` (`physical_addresses`,
 * `accessibility_for_disabilities`), `regular_schedules` (or
 * `regular_schedule`), `eligibilitys`, `service_taxonomys[].taxonomy`,
 * `cost_options` and `contacts[].phones`.
 */

/** A `/services` page. */
export function readV1ServiceList(json: unknown): ReadResult<Service> & { page: PageInfo } {
  return readList(json, '1.0', mapService);
}

/** A `/services/{id}` detail: zero or one record. */
export function readV1Service(json: unknown): ReadResult<Service> {
  return readOne(json, '1.0', mapService);
}

/**
 * A `/locations` page (locations embedding `service_at_locations[].service`),
 * as services: each service once, carrying every location it was listed at.
 * Locations listing no service add nothing (noted).
 */
export function readV1LocationList(json: unknown): ReadResult<Service> & { page: PageInfo } {
  const notes = new Tally();
  const reasons = new Tally();
  try {
    const envelope = readEnvelope(json);
    if (envelope.items === undefined) notes.add('not a list response');
    const pairs: Array<{ service: unknown; location: unknown; salId: string | undefined }> = [];
    for (const item of envelope.items ?? []) {
      const sals = isRecord(item) ? records(item, 'service_at_locations') : [];
      if (sals.length === 0) notes.add('location without services');
      for (const sal of sals) pairs.push({ service: field(sal, 'service'), location: item, salId: isRecord(item) ? idFrom(field(item, 'id')) : undefined });
    }
    const services = groupByService(pairs, { version: '1.0', notes }, reasons);
    return { records: services, rejected: reasons.total, reasons: reasons.list(), notes: notes.list(), page: envelope.page };
  } catch {
    notes.add('unreadable response');
    return { records: [], rejected: reasons.total, reasons: reasons.list(), notes: notes.list(), page: { page: 1, last: true } };
  }
}

/** A `/taxonomies` page (v1.0 taxonomies are terms: `{id,name,vocabulary,parent}`). */
export function readV1TaxonomyTermList(json: unknown): ReadResult<TaxonomyTerm> & { page: PageInfo } {
  return readList(json, '1.0', mapTaxonomyTerm);
}

/** An `/organizations` page. */
export function readV1OrganizationList(json: unknown): ReadResult<Organization> & { page: PageInfo } {
  return readList(json, '1.0', mapOrganization);
}
