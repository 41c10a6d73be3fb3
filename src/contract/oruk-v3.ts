import * as z from 'zod/mini';

/**
 * What our `/oruk/` producer sends: the rules of the official ORUK v3.0
 * schemas (test/fixtures/oruk-schemas/V3.0-UK) that our output relies on, encoded
 * here so the project's own tests hold them: uuid ids, required fields
 * present, no `null` anywhere (optional keys are omitted instead).
 */
const Uuid = z.uuid();
const Str = z.string();
const opt = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);

export const OrukTaxonomyTerm = z.object({
  id: Uuid,
  name: Str,
  description: Str,
  parent_id: opt(Uuid),
  taxonomy: opt(Str),
  taxonomy_id: opt(Uuid),
});

export const OrukOrganization = z.object({
  id: Uuid,
  name: Str,
  description: Str,
  email: opt(Str),
  website: opt(z.url()),
  phones: opt(z.array(z.object({ id: Uuid, organization_id: opt(Uuid), number: Str }))),
});

export const OrukAddress = z.object({
  id: Uuid,
  location_id: opt(Uuid),
  address_1: Str,
  city: Str,
  region: opt(Str),
  state_province: Str,
  postal_code: Str,
  country: Str,
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

const OrukAttribute = z.object({ id: Uuid, link_id: opt(Uuid), link_type: opt(Str), taxonomy_term_id: opt(Uuid), taxonomy_term: opt(OrukTaxonomyTerm) });

export const OrukLocation = z.object({
  id: Uuid,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  name: opt(Str),
  description: opt(Str),
  latitude: opt(z.number()),
  longitude: opt(z.number()),
  addresses: opt(z.array(OrukAddress)),
  accessibility: opt(z.array(z.object({ id: Uuid, location_id: opt(Uuid), description: opt(Str), details: opt(Str) }))),
  attributes: opt(z.array(OrukAttribute)),
});

export const OrukSchedule = z.object({
  id: Uuid,
  service_id: opt(Uuid),
  valid_from: opt(Str),
  valid_to: opt(Str),
  dtstart: opt(Str),
  until: opt(Str),
  freq: opt(z.enum(['WEEKLY', 'MONTHLY'])),
  interval: opt(z.number()),
  byday: opt(Str),
  bymonthday: opt(Str),
  description: opt(Str),
  opens_at: opt(Str),
  closes_at: opt(Str),
  attending_type: opt(Str),
});

export const OrukServiceAtLocation = z.object({
  id: Uuid,
  service_id: opt(Uuid),
  location_id: opt(Uuid),
  location: opt(OrukLocation),
});

export const OrukService = z.object({
  id: Uuid,
  organization_id: opt(Uuid),
  name: Str,
  description: opt(Str),
  url: opt(z.url()),
  email: opt(Str),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  fees: opt(Str),
  eligibility_description: opt(Str),
  languages: opt(z.array(z.object({ id: Uuid, service_id: opt(Uuid), name: Str }))),
  minimum_age: opt(z.number()),
  maximum_age: opt(z.number()),
  last_modified: opt(Str),
  /** When the provider last checked the record (`YYYY-MM-DD`). */
  assured_date: opt(Str),
  organization: opt(OrukOrganization),
  schedules: opt(z.array(OrukSchedule)),
  service_at_locations: opt(z.array(OrukServiceAtLocation)),
  cost_options: opt(z.array(z.object({ id: Uuid, service_id: opt(Uuid), option: opt(Str), amount: opt(z.number()), amount_description: opt(Str) }))),
  attributes: opt(z.array(OrukAttribute)),
});
export type OrukService = z.infer<typeof OrukService>;

export const OrukTaxonomy = z.object({ id: Uuid, name: Str, description: Str });

/** The v3.0 list envelope around any of the above. */
export const orukPage = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    total_items: z.int().check(z.gte(0)),
    total_pages: z.int().check(z.gte(0)),
    page_number: z.int().check(z.gte(1)),
    size: z.int().check(z.gte(0)),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });

export const OrukApiDetails = z.object({ version: Str, profile: z.url(), openapi_url: z.url() });
