import type { Organization, Service, TaxonomyTerm } from '../contract/directory.ts';
import type { PageInfo, ReadResult } from './types.ts';
import { field, groupByService, idFrom, isRecord, mapOrganization, mapService, mapTaxonomyTerm, readEnvelope, readList, readOne, Tally } from './internal.ts';

/**
 * Readers for Open Referral UK v3.0 (HSDS-UK 3.0) responses. Each takes
 * parsed JSON of any shape, never throws, and returns only records that
 * satisfy the directory contract. List envelopes
 * `{total_items,total_pages,page_number,size,first_page,last_page,empty,contents}`
 * may be partial or missing (a bare array reads as one page).
 */

/** A `/services` page. */
export function readV3ServiceList(json: unknown): ReadResult<Service> & { page: PageInfo } {
  return readList(json, '3.0', mapService);
}

/** A `/services/{id}` detail: zero or one record. */
export function readV3Service(json: unknown): ReadResult<Service> {
  return readOne(json, '3.0', mapService);
}

/**
 * A `/service_at_locations` page, as services: each service once, carrying
 * every location it was listed at (in feed order).
 */
export function readV3ServiceAtLocationList(json: unknown): ReadResult<Service> & { page: PageInfo } {
  const notes = new Tally();
  const reasons = new Tally();
  try {
    const envelope = readEnvelope(json);
    if (envelope.items === undefined) notes.add('not a list response');
    const pairs = (envelope.items ?? []).map((item) =>
      isRecord(item)
        ? { service: field(item, 'service'), location: field(item, 'location'), salId: idFrom(field(item, 'location_id')) ?? idFrom(field(item, 'id')) }
        : { service: item, location: undefined, salId: undefined },
    );
    const records = groupByService(pairs, { version: '3.0', notes }, reasons);
    return { records, rejected: reasons.total, reasons: reasons.list(), notes: notes.list(), page: envelope.page };
  } catch {
    notes.add('unreadable response');
    return { records: [], rejected: reasons.total, reasons: reasons.list(), notes: notes.list(), page: { page: 1, last: true } };
  }
}

/** A `/taxonomy_terms` page. */
export function readV3TaxonomyTermList(json: unknown): ReadResult<TaxonomyTerm> & { page: PageInfo } {
  return readList(json, '3.0', mapTaxonomyTerm);
}

/** An `/organizations` page. */
export function readV3OrganizationList(json: unknown): ReadResult<Organization> & { page: PageInfo } {
  return readList(json, '3.0', mapOrganization);
}
