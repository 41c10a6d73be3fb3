import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { OrukApiDetails, OrukService, OrukServiceAtLocation, OrukTaxonomy, OrukTaxonomyTerm, OrukOrganization, orukPage } from '../../src/contract/oruk-v3.ts';
import type { Coordinates } from '../../src/contract/directory.ts';
import type { Queryable } from '../db/database.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { geocode, type GeocoderOptions } from '../geocode.ts';
import { readQuery } from '../http/input.ts';
import { HttpProblem } from '../http/problem.ts';
import type { RouteSpec } from '../openapi.ts';
import { stableId } from '../seed/ids.ts';
import { organizationToV3, serviceAtLocationToV3, termToV3 } from './v3-writer.ts';

export const ORUK_VERSION = 'HSDS-UK-3.0';
const PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';
const ORUK_OPENAPI = 'https://docs.openreferraluk.org/en/latest/openapi30.json';

const PageQuery = {
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1),
  per_page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
};

export const OrukServicesQuery = z.object({
  ...PageQuery,
  search: z.optional(z.string().check(z.maxLength(200))),
  taxonomy_term_id: z.optional(z.string().check(z.maxLength(200))),
  postcode: z.optional(z.string().check(z.maxLength(12))),
  lat: z.optional(z.coerce.number().check(z.gte(-90), z.lte(90))),
  long: z.optional(z.coerce.number().check(z.gte(-180), z.lte(180))),
  /** Metres from the postcode or lat/long. */
  proximity: z.optional(z.coerce.number().check(z.gt(0), z.lte(500_000))),
});

const ListQuery = z.object({ ...PageQuery });
const TermsQuery = z.object({ ...PageQuery, taxonomy_id: z.optional(z.string()) });

export const orukRoutes: RouteSpec[] = [
  { method: 'get', path: '/oruk/', summary: 'ORUK API details', tag: 'Open Referral UK v3.0', responses: { 200: { description: 'Version', schema: OrukApiDetails } } },
  {
    method: 'get',
    path: '/oruk/services',
    summary: 'Services (search, taxonomy, proximity)',
    tag: 'Open Referral UK v3.0',
    query: OrukServicesQuery,
    responses: { 200: { description: 'A page of services', schema: orukPage(OrukService) } },
  },
  { method: 'get', path: '/oruk/services/{id}', summary: 'One service, in full', tag: 'Open Referral UK v3.0', responses: { 200: { description: 'Service', schema: OrukService } } },
  {
    method: 'get',
    path: '/oruk/service_at_locations',
    summary: 'Services at their locations',
    tag: 'Open Referral UK v3.0',
    query: ListQuery,
    responses: { 200: { description: 'A page', schema: orukPage(OrukServiceAtLocation) } },
  },
  { method: 'get', path: '/oruk/taxonomies', summary: 'Vocabularies', tag: 'Open Referral UK v3.0', query: ListQuery, responses: { 200: { description: 'A page', schema: orukPage(OrukTaxonomy) } } },
  {
    method: 'get',
    path: '/oruk/taxonomy_terms',
    summary: 'Taxonomy terms',
    tag: 'Open Referral UK v3.0',
    query: TermsQuery,
    responses: { 200: { description: 'A page', schema: orukPage(OrukTaxonomyTerm) } },
  },
  {
    method: 'get',
    path: '/oruk/organizations',
    summary: 'Organisations',
    tag: 'Open Referral UK v3.0',
    query: ListQuery,
    responses: { 200: { description: 'A page', schema: orukPage(OrukOrganization) } },
  },
];

/** The v3.0 list envelope for one page of `all`. */
export function page<T>(all: readonly T[], pageNumber: number, perPage: number, total = all.length, alreadySliced = false) {
  const contents = alreadySliced ? [...all] : all.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/**
 * Feed responses change only with the directory: a client revalidates
 * (ETag, 304) rather than keep a copy that may be stale.
 */
const FEED_CACHING = { 'Cache-Control': 'no-cache' };

export function mountOruk(app: Hono, db: Queryable, directory: DirectoryCache, geocoder: GeocoderOptions): void {
  // Any directory site may read the feed from a browser.
  app.use('/oruk/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Max-Age': '600' });
    }
    await next();
    c.header('Access-Control-Allow-Origin', '*');
  });

  const details = (c: Context) =>
    c.json(OrukApiDetails.parse({ version: ORUK_VERSION, profile: PROFILE, openapi_url: ORUK_OPENAPI }));
  app.get('/oruk', details);
  app.get('/oruk/', details);

  app.get('/oruk/services', async (c) => {
    const query = readQuery(c, OrukServicesQuery);
    const loaded = await directory.get();
    if ((query.lat === undefined) !== (query.long === undefined) || (query.proximity !== undefined && !query.postcode && query.lat === undefined)) {
      throw new HttpProblem(422, 'validation-failed', 'The request query is not valid', 'proximity needs a postcode, or lat and long together.', [
        { path: query.lat === undefined ? 'lat' : 'long', code: 'required', message: 'lat and long go together, and proximity needs a point' },
      ]);
    }
    let point: Coordinates | undefined;
    if (query.postcode) point = (await geocode(db, query.postcode, geocoder)).coordinates;
    else if (query.lat !== undefined && query.long !== undefined) point = { lat: query.lat, lng: query.long };
    const taxonomyIds = query.taxonomy_term_id ? query.taxonomy_term_id.split(',').map((id) => id.trim()).filter(Boolean) : undefined;
    // Everything the page depends on besides the directory's version, the postcode as the point it names.
    const key = JSON.stringify(['services', query.search ?? '', taxonomyIds ?? [], point ?? null, query.proximity ?? null, query.page, query.per_page]);
    return loaded.responses.json(
      c,
      key,
      () => {
        const found = loaded.index.search(
          query.search ?? '',
          {
            ...(taxonomyIds ? { taxonomyIds } : {}),
            ...(point ? { near: { point, ...(query.proximity ? { withinMetres: query.proximity } : {}) } } : {}),
          },
          { limit: query.per_page, offset: (query.page - 1) * query.per_page },
        );
        const contents = found.results.map((result) => loaded.oruk.service(result.service));
        return page(contents, query.page, query.per_page, found.total, true);
      },
      FEED_CACHING,
    );
  });

  app.get('/oruk/services/:id', async (c) => {
    const id = c.req.param('id');
    const { oruk, responses } = await directory.get();
    const service = oruk.find(id);
    if (!service) throw new HttpProblem(404, 'not-found', 'No such service', `There is no service with id ${id}.`);
    // Keyed by the service's own id: its two names give one response.
    return responses.json(c, JSON.stringify(['service', service.id]), () => oruk.service(service), FEED_CACHING);
  });

  app.get('/oruk/service_at_locations', async (c) => {
    const query = readQuery(c, ListQuery);
    const { services, responses } = await directory.get();
    return responses.json(
      c,
      JSON.stringify(['service_at_locations', query.page, query.per_page]),
      () => {
        const all = services.flatMap((service) => service.locations.map((location) => ({ service, location })));
        const envelope = page(all, query.page, query.per_page);
        return { ...envelope, contents: envelope.contents.map(({ service, location }) => serviceAtLocationToV3(service, location)) };
      },
      FEED_CACHING,
    );
  });

  app.get('/oruk/taxonomies', async (c) => {
    const query = readQuery(c, ListQuery);
    const { taxonomyTerms, responses } = await directory.get();
    return responses.json(
      c,
      JSON.stringify(['taxonomies', query.page, query.per_page]),
      () => {
        const names = [...new Set(taxonomyTerms.map((term) => term.taxonomy).filter((name): name is string => Boolean(name)))].sort();
        const all = names.map((name) => ({ id: stableId('taxonomy', name), name, description: `Terms of the ${name} vocabulary` }));
        return page(all, query.page, query.per_page);
      },
      FEED_CACHING,
    );
  });

  app.get('/oruk/taxonomy_terms', async (c) => {
    const query = readQuery(c, TermsQuery);
    const { taxonomyTerms, responses } = await directory.get();
    return responses.json(
      c,
      JSON.stringify(['taxonomy_terms', query.taxonomy_id ?? null, query.page, query.per_page]),
      () => {
        const all = taxonomyTerms
          .map(termToV3)
          .filter((term) => !query.taxonomy_id || term.taxonomy_id === query.taxonomy_id || term.taxonomy === query.taxonomy_id);
        return page(all, query.page, query.per_page);
      },
      FEED_CACHING,
    );
  });

  app.get('/oruk/organizations', async (c) => {
    const query = readQuery(c, ListQuery);
    const { organizations, responses } = await directory.get();
    return responses.json(c, JSON.stringify(['organizations', query.page, query.per_page]), () => page(organizations.map(organizationToV3), query.page, query.per_page), FEED_CACHING);
  });
}
