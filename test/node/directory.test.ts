import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Coordinates, Hub, Service } from '../../src/contract/directory.ts';
import { OrukApiDetails, OrukOrganization, OrukService, OrukServiceAtLocation, OrukTaxonomy, OrukTaxonomyTerm, orukPage } from '../../src/contract/oruk-v3.ts';
import { GeocodeResult, HubList, SessionList, type Session } from '../../src/contract/places.ts';
import { londonParts } from '../../src/core/schedule.ts';
import { readV1ServiceList } from '../../src/oruk/v1.ts';
import { readV3Service, readV3ServiceList } from '../../src/oruk/v3.ts';
import { migrate, type Database } from '../../server/db/database.ts';
import { importOruk } from '../../server/import-oruk.ts';
import { seed } from '../../server/seed/index.ts';
import { seedIfEmpty } from '../../server/seed/load.ts';
import { backends, startApp, type RunningApp } from '../support/app-server.ts';
import { HttpStub, closedPort, sendJson, type ReceivedRequest } from '../support/http-stub.ts';
import { expectProblem } from '../support/problem.ts';

/*
 * The directory side of the reference server, over real HTTP against a real
 * database: the ORUK v3.0 producer, geocoding, hubs, sessions, the ORUK
 * importer (library and CLI) and the seed. Expectations come from the seed
 * data and first principles (our own haversine, word matching and calendar
 * arithmetic), not from the server's answers.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = new URL('../fixtures/oruk/', import.meta.url);
const fixturePath = (name: string) => fileURLToPath(new URL(name, FIXTURES));
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
/** The official ORUK v3.0 schemas (see test/fixtures/oruk-schemas/README.md for their source and licence). */
const SCHEMAS = new URL('../fixtures/oruk-schemas/V3.0-UK/', import.meta.url);

const STAFF_TOKEN = 'staff-token-for-directory-tests-0123';
const SEED_SERVICES = 291;
const SEED_HUBS = 25;
const PROFILE_URL = /^https:\/\//;

// ---------------------------------------------------------------------------
// First principles

const EARTH_RADIUS_METRES = 6_371_008.8;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres, written out here rather than taken from src/core/geo.ts. */
function haversineMetres(a: Coordinates, b: Coordinates): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Distance from `point` to the nearest located location of `service`, or Infinity. */
function serviceDistance(service: Service, point: Coordinates): number {
  return Math.min(Infinity, ...service.locations.flatMap((l) => (l.coordinates ? [haversineMetres(point, l.coordinates)] : [])));
}

/** Words as a resident would see them: lower case, accents and apostrophes dropped, split on anything else. */
function wordsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['‘’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const hasWordStarting = (text: string | undefined, prefix: string) => wordsOf(text).some((word) => word.startsWith(prefix));

function searchableTexts(service: Service): Array<string | undefined> {
  return [service.name, service.description, service.organization?.name, ...service.taxonomyTerms.map((term) => term.name)];
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_MS = 86_400_000;
const dateNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The London dates (first..last inclusive) on which each hub session plan
 * meets, as `<planId> <date>`, worked out from the plan's rule directly:
 * weekly every `interval` weeks from `dtstart`, monthly on the nth (or last)
 * weekday, within validFrom/validTo/until.
 */
function expectedMeetings(hubs: readonly Hub[], first: string, last: string): string[] {
  const meetings: string[] = [];
  for (let day = dateNumber(first); day <= dateNumber(last); day++) {
    const date = dateOf(day);
    const weekday = DAY_CODES[new Date(day * DAY_MS).getUTCDay()];
    const dayOfMonth = Number(date.slice(8, 10));
    const [year, month] = date.split('-').map(Number) as [number, number];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (const hub of hubs) {
      for (const plan of hub.sessions) {
        const s = plan.schedule;
        if ((s.validFrom && date < s.validFrom) || (s.validTo && date > s.validTo) || (s.until && date > s.until) || (s.dtstart && date < s.dtstart)) continue;
        const meets = (s.byday ?? []).some((code) => {
          const match = /^(-?\d)?([A-Z]{2})$/.exec(code);
          if (!match || match[2] !== weekday) return false;
          const interval = s.interval ?? 1;
          if (s.freq === 'WEEKLY') {
            if (interval === 1) return true;
            assert.ok(s.dtstart, `plan ${plan.id} repeats every ${interval} weeks but has no dtstart`);
            return Math.floor((day - dateNumber(s.dtstart)) / 7) % interval === 0;
          }
          if (s.freq === 'MONTHLY') {
            assert.equal(interval, 1, `plan ${plan.id}: monthly intervals other than 1 are not worked out here`);
            const ordinal = Number(match[1] ?? 0);
            if (ordinal > 0) return Math.ceil(dayOfMonth / 7) === ordinal;
            if (ordinal < 0) return dayOfMonth + 7 * -ordinal > daysInMonth && dayOfMonth + 7 * (-ordinal - 1) <= daysInMonth;
            return true;
          }
          return false;
        });
        if (meets) meetings.push(`${plan.id} ${date}`);
      }
    }
  }
  return meetings.sort();
}

const minutesOf = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};

// ---------------------------------------------------------------------------
// HTTP helpers

/** Every path to a `null` in `value`, e.g. `$.contents[3].url`. */
function nullsIn(value: unknown, path = '$'): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullsIn(item, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nullsIn(item, `${path}.${key}`));
  return [];
}


interface Envelope {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Array<Record<string, unknown>>;
}

const ServicePage = orukPage(OrukService);

/** Schema validators for the official files, compiled once for the whole file. */
const validators = new Map<string, ValidateFunction>();
function officialSchema(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    assert.ok(
      existsSync(SCHEMAS),
      `The official ORUK v3.0 schemas are missing: expected them in ${fileURLToPath(SCHEMAS)}.`,
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as object);
    validators.set(name, validate);
  }
  return validate;
}

function assertOfficial(name: string, value: unknown, what: string): void {
  const validate = officialSchema(name);
  assert.ok(validate(value), `${what} against ${name}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

/** Items of `contents` that our own zod contract refuses, with the reasons. */
function contractFailures(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } } }, items: unknown[]): string[] {
  return items.flatMap((item, i) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [] : [`#${i}: ${JSON.stringify(parsed.error?.issues).slice(0, 300)}`];
  });
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/bin/import-oruk.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// ---------------------------------------------------------------------------
// Seed facts the tests lean on

const seedById = new Map(seed.services.map((service) => [service.id, service]));
const lifeArea = seed.taxonomyTerms.find((term) => term.taxonomy === 'cls-life-area' && term.name === 'Connections');
const placeNamed = (name: string) => {
  const place = seed.places.find((p) => p.name === name);
  assert.ok(place, name);
  return place;
};
/** A service type filed under that life area. */
const childTerm = seed.taxonomyTerms.find((term) => term.taxonomy === 'cls-service-type' && term.parentId === lifeArea?.id);
/** Services of the feed served by a stub in the URL import test. */
const STUB_IDS = ['6b1f0c00-0000-4000-8000-00000000000a', '6b1f0c00-0000-4000-8000-00000000000b', '6b1f0c00-0000-4000-8000-00000000000c'] as const;
const borchester = placeNamed('Borchester');
/** A postcode where services are: Borchester Library's. */
const libraryPostcode = seed.hubs.find((hub) => hub.name === 'Borchester Library Talking Point')?.address.postcode ?? '';
const libraryPoint = seed.postcodes.find((p) => p.postcode === libraryPostcode)?.coordinates;

for (const backend of backends()) {
  describe(`directory on ${backend.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: RunningApp;
    let seeded: Awaited<ReturnType<typeof seedIfEmpty>>;

    before(async () => {
      ({ db, dispose } = await backend.open());
      await migrate(db);
      seeded = await seedIfEmpty(db);
      app = await startApp({ db, staffToken: STAFF_TOKEN });
    });

    after(async () => {
      await app?.close();
      await dispose?.();
    });

    /** GET of an `/oruk/` path: 200 JSON with no null anywhere in it. */
    async function oruk(path: string): Promise<unknown> {
      const response = await fetch(`${app.base}/oruk${path}`);
      const text = await response.text();
      assert.equal(response.status, 200, `${path}: ${text.slice(0, 300)}`);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const json: unknown = JSON.parse(text);
      assert.deepEqual(nullsIn(json), [], `${path} must contain no null`);
      return json;
    }

    /** Every page of a list endpoint (`path` has a query already or not), checking the envelope on the way. */
    async function allPages(path: string, perPage = 200): Promise<{ pages: Envelope[]; items: Array<Record<string, unknown>> }> {
      const pages: Envelope[] = [];
      const separator = path.includes('?') ? '&' : '?';
      for (let page = 1; page <= 50; page++) {
        const envelope = (await oruk(`${path}${separator}per_page=${perPage}&page=${page}`)) as Envelope;
        assert.equal(envelope.page_number, page);
        assert.equal(envelope.size, envelope.contents.length);
        pages.push(envelope);
        if (envelope.last_page) break;
      }
      const items = pages.flatMap((p) => p.contents);
      assert.equal(items.length, pages[0]?.total_items, `${path}: the pages hold total_items items`);
      return { pages, items };
    }

    async function getJson(path: string, base = app.base): Promise<unknown> {
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      assert.equal(response.status, 200, `${path}: ${text.slice(0, 300)}`);
      return JSON.parse(text);
    }

    describe('seed', () => {
      it('seeds the invented county into a fresh database: 291 services and 25 hubs', async () => {
        assert.deepEqual(seeded, { seeded: true, services: SEED_SERVICES, hubs: SEED_HUBS });
        const [counts] = await db.query<{ services: number; hubs: number }>(
          'SELECT (SELECT count(*) FROM services)::int AS services, (SELECT count(*) FROM hubs)::int AS hubs',
        );
        assert.deepEqual(counts, { services: SEED_SERVICES, hubs: SEED_HUBS });
      });

      it('does nothing when called on a directory that already has records', async () => {
        assert.deepEqual(await seedIfEmpty(db), { seeded: false, services: 0, hubs: 0 });
        const [counts] = await db.query<{ services: number; hubs: number }>(
          'SELECT (SELECT count(*) FROM services)::int AS services, (SELECT count(*) FROM hubs)::int AS hubs',
        );
        assert.deepEqual(counts, { services: SEED_SERVICES, hubs: SEED_HUBS });
      });

      it('lets the geocoder answer every seed postcode, outcode and place name (English and Welsh) from the embedded table', async () => {
        const wrong: string[] = [];
        const check = async (q: string, kind: string, label: string, coordinates: Coordinates) => {
          const result = GeocodeResult.parse(await getJson(`/api/v1/geocode?q=${encodeURIComponent(q)}`));
          const expected = { query: q, kind, label, coordinates, source: 'embedded' };
          if (!isDeepStrictEqual(result, expected)) wrong.push(`${q}: ${JSON.stringify(result)}`);
        };
        for (const { postcode, coordinates } of seed.postcodes) await check(postcode, 'postcode', postcode, coordinates);
        for (const { outcode, coordinates } of seed.outcodes) await check(outcode, 'outcode', outcode, coordinates);
        for (const place of seed.places) {
          await check(place.name, 'place', place.name, place.coordinates);
          if (place.welshName) await check(place.welshName, 'place', place.welshName, place.coordinates);
        }
        assert.deepEqual(wrong, []);
      });
    });

    describe('ORUK v3.0 producer', () => {
      it('GET /oruk/ gives the API details: HSDS-UK-3.0, with profile and OpenAPI links', async () => {
        const details = await oruk('/');
        assert.deepEqual(OrukApiDetails.parse(details), details);
        assert.equal((details as { version: string }).version, 'HSDS-UK-3.0');
        assert.match((details as { profile: string }).profile, PROFILE_URL);
        assertOfficial('api_details.json', details, 'GET /oruk/');
      });

      it('pages /oruk/services by 50: 291 items in 6 pages, the last holding 41, and an empty page beyond', async () => {
        const expectedPages = Math.ceil(SEED_SERVICES / 50);
        const ids = new Set<string>();
        for (let page = 1; page <= expectedPages + 1; page++) {
          const envelope = ServicePage.parse(await oruk(`/services?per_page=50&page=${page}`));
          const size = page < expectedPages ? 50 : page === expectedPages ? SEED_SERVICES - 50 * (expectedPages - 1) : 0;
          assert.deepEqual(
            { ...envelope, contents: envelope.contents.length },
            {
              total_items: SEED_SERVICES,
              total_pages: expectedPages,
              page_number: page,
              size,
              first_page: page === 1,
              last_page: page >= expectedPages,
              empty: size === 0,
              contents: size,
            },
            `page ${page}`,
          );
          for (const service of envelope.contents) ids.add(service.id);
        }
        assert.equal(expectedPages, 6);
        assert.deepEqual([...ids].sort(), [...seedById.keys()].sort(), 'the pages hold every seed service once');
      });

      it('validates every page of /oruk/services against our contract and the official service_list.json', async () => {
        const { pages } = await allPages('/services');
        assert.equal(pages.length, 2);
        for (const page of pages) {
          assert.deepEqual(contractFailures(ServicePage, [page]), []);
          assertOfficial('service_list.json', page, `/oruk/services page ${page.page_number}`);
        }
      });

      it('validates every page of /oruk/service_at_locations, one item per location of every service', async () => {
        const { pages, items } = await allPages('/service_at_locations');
        for (const page of pages) {
          assert.deepEqual(contractFailures(orukPage(OrukServiceAtLocation), [page]), []);
          assertOfficial('service_at_location_list.json', page, `/oruk/service_at_locations page ${page.page_number}`);
        }
        const expected = seed.services.flatMap((s) => s.locations.map((l) => `${s.id} ${l.id}`)).sort();
        assert.deepEqual(items.map((item) => `${String(item.service_id)} ${String(item.location_id)}`).sort(), expected);
      });

      it('validates /oruk/taxonomies: the seed vocabularies, each once', async () => {
        const page = await oruk('/taxonomies');
        assert.deepEqual(contractFailures(orukPage(OrukTaxonomy), [page]), []);
        assertOfficial('taxonomy_list.json', page, '/oruk/taxonomies');
        const names = (page as Envelope).contents.map((t) => t.name);
        assert.deepEqual(names.sort(), [...new Set(seed.taxonomyTerms.map((t) => t.taxonomy))].sort());
      });

      it('validates /oruk/taxonomy_terms: every seed term, children pointing at their parents', async () => {
        const { pages, items } = await allPages('/taxonomy_terms');
        for (const page of pages) {
          assert.deepEqual(contractFailures(orukPage(OrukTaxonomyTerm), [page]), []);
          assertOfficial('taxonomy_term_list.json', page, '/oruk/taxonomy_terms');
        }
        const terms = items.map((t) => `${String(t.id)} ${String(t.name)} ${String(t.parent_id ?? '-')}`).sort();
        assert.deepEqual(terms, seed.taxonomyTerms.map((t) => `${t.id} ${t.name} ${t.parentId ?? '-'}`).sort());
      });

      it('validates /oruk/organizations item by item against organization_list.json (a single-organisation schema)', async () => {
        const { pages, items } = await allPages('/organizations');
        for (const page of pages) assert.deepEqual(contractFailures(orukPage(OrukOrganization), [page]), []);
        for (const item of items) assertOfficial('organization_list.json', item, `organisation ${String(item.id)}`);
        const expected = [...new Set(seed.services.flatMap((s) => (s.organization ? [s.organization.id] : [])))].sort();
        assert.deepEqual(items.map((o) => String(o.id)).sort(), expected);
      });

      it('validates /oruk/services/{id} against service.json for several services', async () => {
        for (const service of seed.services.filter((_, i) => i % 50 === 0)) {
          const detail = await oruk(`/services/${service.id}`);
          assert.deepEqual(contractFailures(OrukService, [detail]), []);
          assertOfficial('service.json', detail, `/oruk/services/${service.id}`);
          assert.equal((detail as { name: string }).name, service.name);
        }
      });

      it('answers 404 problem+json for an unknown service id', async () => {
        await expectProblem(await fetch(`${app.base}/oruk/services/00000000-0000-4000-8000-000000000000`), 404, 'not-found');
        await expectProblem(await fetch(`${app.base}/oruk/services/no-such-service`), 404, 'not-found');
      });

      it('lets any site read the feed from a browser: Access-Control-Allow-Origin * and a 204 preflight', async () => {
        const get = await fetch(`${app.base}/oruk/services?per_page=1`, { headers: { Origin: 'https://directory.example.org' } });
        assert.equal(get.status, 200);
        assert.equal(get.headers.get('access-control-allow-origin'), '*');
        await get.body?.cancel();
        const preflight = await fetch(`${app.base}/oruk/services`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://directory.example.org', 'Access-Control-Request-Method': 'GET' },
        });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
        assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);
        assert.equal(await preflight.text(), '');
      });

      it('search=lunch finds exactly the services with a word starting "lunch", those named so first', async () => {
        const { items } = await allPages('/services?search=lunch');
        const expected = seed.services.filter((s) => searchableTexts(s).some((text) => hasWordStarting(text, 'lunch')));
        assert.ok(expected.length > 0, 'the seed has lunch services');
        assert.ok(expected.length < SEED_SERVICES);
        assert.deepEqual(items.map((s) => String(s.id)).sort(), expected.map((s) => s.id).sort());
        const named = items.map((s) => hasWordStarting(String(s.name), 'lunch'));
        assert.ok(named.includes(true) && named.includes(false));
        assert.equal(named.indexOf(false), named.filter(Boolean).length, 'services named "lunch…" come first');
      });

      it('search matches the start of words, ignoring case and accents, and needs every word', async () => {
        for (const query of ['carer', 'CAFÉ', 'walk borch']) {
          const { items } = await allPages(`/services?search=${encodeURIComponent(query)}`);
          const wanted = wordsOf(query);
          const expected = seed.services.filter((s) => wanted.every((w) => searchableTexts(s).some((text) => hasWordStarting(text, w))));
          assert.ok(expected.length > 0, `the seed has services for "${query}"`);
          assert.deepEqual(items.map((s) => String(s.id)).sort(), expected.map((s) => s.id).sort(), query);
        }
      });

      it('taxonomy_term_id=<life area> finds exactly the services filed under it or one of its children', async () => {
        assert.ok(lifeArea);
        const { items } = await allPages(`/services?taxonomy_term_id=${lifeArea.id}`);
        const expected = seed.services.filter((s) => s.taxonomyTerms.some((t) => t.id === lifeArea.id || t.parentId === lifeArea.id));
        assert.ok(expected.length > 0 && expected.length < SEED_SERVICES);
        assert.deepEqual(items.map((s) => String(s.id)).sort(), expected.map((s) => s.id).sort());
      });

      it('postcode=<seed postcode>&proximity=3000 finds the services within 3 km, nearest first', async () => {
        assert.ok(libraryPoint, libraryPostcode);
        const { items } = await allPages(`/services?postcode=${encodeURIComponent(libraryPostcode)}&proximity=3000`);
        const distances = items.map((s) => serviceDistance(seedById.get(String(s.id)) as Service, libraryPoint));
        assert.ok(distances.length > 0);
        assert.ok(distances.every((d) => d <= 3000.5), `all within 3 km: ${Math.max(...distances)}`);
        distances.forEach((d, i) => assert.ok(i === 0 || d >= (distances[i - 1] ?? 0) - 1e-6, `nearest first at ${i}`));
        const surely = seed.services.filter((s) => serviceDistance(s, libraryPoint) < 2999.5).map((s) => s.id);
        const got = new Set(items.map((s) => String(s.id)));
        assert.deepEqual(surely.filter((id) => !got.has(id)), [], 'every service within 3 km is listed');
        assert.ok(items.length < SEED_SERVICES);
      });

      it('lat/long/proximity finds the services within the radius of a point, nearest first', async () => {
        const point = placeNamed('Aberwen').coordinates;
        const { items } = await allPages(`/services?lat=${point.lat}&long=${point.lng}&proximity=2000`);
        const distances = items.map((s) => serviceDistance(seedById.get(String(s.id)) as Service, point));
        assert.ok(distances.length > 0);
        assert.ok(distances.every((d) => d <= 2000.5));
        distances.forEach((d, i) => assert.ok(i === 0 || d >= (distances[i - 1] ?? 0) - 1e-6, `nearest first at ${i}`));
        const expected = seed.services.filter((s) => serviceDistance(s, point) < 1999.5).map((s) => s.id).sort();
        assert.deepEqual(items.map((s) => String(s.id)).filter((id) => serviceDistance(seedById.get(id) as Service, point) < 1999.5).sort(), expected);
      });

      it('refuses an invalid postcode with 422 invalid-postcode', async () => {
        await expectProblem(await fetch(`${app.base}/oruk/services?postcode=${encodeURIComponent('SY99 ZZZZ')}&proximity=3000`), 422, 'invalid-postcode');
      });

      it('refuses a distance without a point, and lat without long, instead of returning the whole county', async () => {
        for (const query of ['proximity=3000', 'lat=52.5', 'long=-3.1&proximity=1000']) {
          await expectProblem(await fetch(`${app.base}/oruk/services?${query}`), 422, 'validation-failed');
        }
      });

      it('refuses per_page 0 and 1000 with 422', async () => {
        for (const perPage of [0, 1000]) {
          const problem = await expectProblem(await fetch(`${app.base}/oruk/services?per_page=${perPage}`), 422, 'validation-failed');
          assert.ok(problem.errors?.some((e) => e.path === 'per_page'), JSON.stringify(problem));
        }
      });
    });

    describe('ORUK round trip', () => {
      it('reads back all of /oruk/services with readV3ServiceList as exactly the seed services', async () => {
        const { pages } = await allPages('/services');
        const records: Service[] = [];
        let rejected = 0;
        for (const page of pages) {
          const read = readV3ServiceList(page);
          assert.deepEqual(read.reasons, []);
          rejected += read.rejected;
          records.push(...read.records);
        }
        assert.equal(rejected, 0);
        const byId = (a: Service, b: Service) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        assert.equal(records.length, SEED_SERVICES);
        assert.deepEqual([...records].sort(byId), [...seed.services].sort(byId));
      });

      it('reads back /oruk/services/{id} with readV3Service as the seed record', async () => {
        const picks = [seed.services[0], seed.services[137], seed.services.at(-1), seed.services.find((s) => s.locations.some((l) => !l.coordinates))];
        for (const service of picks) {
          assert.ok(service, 'a seed service to read back');
          const read = readV3Service(await oruk(`/services/${service.id}`));
          assert.equal(read.rejected, 0);
          assert.deepEqual(read.records, [service]);
        }
      });
    });

    describe('GET /api/v1/geocode', () => {
      const geocode = async (q: string, base = app.base) => GeocodeResult.parse(await getJson(`/api/v1/geocode?q=${encodeURIComponent(q)}`, base));
      const messy = (postcode: string) => postcode.replace(/\s+/g, '').toLowerCase();

      it('finds a seed postcode typed in lower case without a space, and labels it properly', async () => {
        const point = seed.postcodes[7];
        assert.ok(point);
        const result = await geocode(messy(point.postcode));
        assert.deepEqual(result, { query: messy(point.postcode), kind: 'postcode', label: point.postcode, coordinates: point.coordinates, source: 'embedded' });
      });

      it('finds an outcode', async () => {
        const outcode = seed.outcodes.find((o) => o.outcode === 'SY16');
        assert.ok(outcode);
        const result = await geocode(' sy16 ');
        assert.equal(result.kind, 'outcode');
        assert.equal(result.label, 'SY16');
        assert.deepEqual(result.coordinates, outcode.coordinates);
      });

      it('finds English and Welsh place names whatever the case, accents and hyphens', async () => {
        const marchbrook = placeNamed('Marchbrook');
        const dykeside = placeNamed('Dykeside');
        const cases: Array<[string, string, Coordinates]> = [
          ['BORCHESTER', 'Borchester', borchester.coordinates],
          ['nant y mers', 'Nant y Mers', marchbrook.coordinates],
          ['GLÂN CLAWDD', 'Glan Clawdd', dykeside.coordinates],
          ['pont y castell', 'Pont-y-Castell', placeNamed('Pont-y-Castell').coordinates],
        ];
        for (const [q, label, coordinates] of cases) {
          const result = await geocode(q);
          assert.deepEqual({ kind: result.kind, label: result.label, coordinates: result.coordinates }, { kind: 'place', label, coordinates }, q);
        }
      });

      it('tells an invalid postcode (422 invalid-postcode) from an unknown place (404 place-not-found)', async () => {
        await expectProblem(await fetch(`${app.base}/api/v1/geocode?q=${encodeURIComponent('SY99 ZZZZ')}`), 422, 'invalid-postcode');
        await expectProblem(await fetch(`${app.base}/api/v1/geocode?q=Atlantis`), 404, 'place-not-found');
        // Valid in shape but not in the embedded table, and no geocoder configured.
        await expectProblem(await fetch(`${app.base}/api/v1/geocode?q=${encodeURIComponent('SW1A 2AA')}`), 404, 'place-not-found');
      });

      describe('with a postcodes.io-compatible geocoder', () => {
        const stub = new HttpStub();
        let withGeocoder: RunningApp;
        let withDeadGeocoder: RunningApp;
        const postcodesIo = (req: ReceivedRequest, res: ServerResponse) => {
          const url = new URL(req.url, 'http://stub');
          if (url.pathname === `/postcodes/${encodeURIComponent('SW1A 2AA')}`) {
            return sendJson(res, 200, { status: 200, result: { postcode: 'SW1A 2AA', latitude: 51.50354, longitude: -0.127695 } });
          }
          if (url.pathname === '/outcodes/SW1A') return sendJson(res, 200, { status: 200, result: { outcode: 'SW1A', latitude: 51.5015, longitude: -0.1406 } });
          if (url.pathname === '/places' && url.searchParams.get('q') === 'Shrewsbury' && url.searchParams.get('limit') === '1') {
            return sendJson(res, 200, { status: 200, result: [{ name_1: 'Shrewsbury', latitude: 52.7077, longitude: -2.7541 }] });
          }
          if (url.pathname === '/places') return sendJson(res, 200, { status: 200, result: [] });
          return sendJson(res, 404, { status: 404, error: 'Postcode not found' });
        };

        before(async () => {
          await stub.start();
          withGeocoder = await startApp({ db, staffToken: STAFF_TOKEN, geocoder: { geocoderUrl: stub.origin } });
          withDeadGeocoder = await startApp({ db, staffToken: STAFF_TOKEN, geocoder: { geocoderUrl: `http://127.0.0.1:${await closedPort()}` } });
        });

        after(async () => {
          await withGeocoder?.close();
          await withDeadGeocoder?.close();
          await stub.stop();
        });

        it('answers a postcode, an outcode and a place outside the embedded table from the geocoder', async () => {
          stub.reset(postcodesIo);
          assert.deepEqual(await geocode('sw1a2aa', withGeocoder.base), {
            query: 'sw1a2aa',
            kind: 'postcode',
            label: 'SW1A 2AA',
            coordinates: { lat: 51.50354, lng: -0.127695 },
            source: 'geocoder',
          });
          const outcode = await geocode('SW1A', withGeocoder.base);
          assert.deepEqual([outcode.kind, outcode.label, outcode.source, outcode.coordinates], ['outcode', 'SW1A', 'geocoder', { lat: 51.5015, lng: -0.1406 }]);
          const place = await geocode('Shrewsbury', withGeocoder.base);
          assert.deepEqual([place.kind, place.label, place.source], ['place', 'Shrewsbury', 'geocoder']);
          assert.deepEqual(
            stub.received.map((r) => r.url),
            [`/postcodes/${encodeURIComponent('SW1A 2AA')}`, '/outcodes/SW1A', '/places?q=Shrewsbury&limit=1'],
          );
        });

        it('still answers 404 place-not-found for what the geocoder does not know', async () => {
          stub.reset(postcodesIo);
          await expectProblem(await fetch(`${withGeocoder.base}/api/v1/geocode?q=${encodeURIComponent('AB1 2CD')}`), 404, 'place-not-found');
          await expectProblem(await fetch(`${withGeocoder.base}/api/v1/geocode?q=Atlantis`), 404, 'place-not-found');
          assert.equal(stub.received.length, 2, 'both were asked of the geocoder');
        });

        it('answers embedded postcodes without asking the geocoder', async () => {
          stub.reset(postcodesIo);
          const point = seed.postcodes[0];
          assert.ok(point);
          const result = await geocode(point.postcode, withGeocoder.base);
          assert.equal(result.source, 'embedded');
          assert.deepEqual(stub.received, []);
        });

        it('gives 503 geocoder-unavailable when the geocoder fails or is unreachable, while embedded postcodes still work', async () => {
          stub.reset((_req, res) => sendJson(res, 500, { status: 500, error: 'Internal error' }));
          await expectProblem(await fetch(`${withGeocoder.base}/api/v1/geocode?q=${encodeURIComponent('SW1A 2AA')}`), 503, 'geocoder-unavailable');
          await expectProblem(await fetch(`${withGeocoder.base}/api/v1/geocode?q=Shrewsbury`), 503, 'geocoder-unavailable');
          await expectProblem(await fetch(`${withDeadGeocoder.base}/api/v1/geocode?q=${encodeURIComponent('SW1A 2AA')}`), 503, 'geocoder-unavailable');
          const point = seed.postcodes[3];
          assert.ok(point);
          for (const base of [withGeocoder.base, withDeadGeocoder.base]) {
            const result = await geocode(point.postcode, base);
            assert.deepEqual([result.label, result.coordinates, result.source], [point.postcode, point.coordinates, 'embedded']);
          }
        });
      });
    });

    describe('GET /api/v1/hubs', () => {
      it('near=lat,lng&limit=5 gives the 5 nearest hubs, nearest first, with distances to the metre', async () => {
        const origin = placeNamed('Felpersham').coordinates;
        const list = HubList.parse(await getJson(`/api/v1/hubs?near=${origin.lat},${origin.lng}&limit=5`));
        assert.equal(list.items.length, 5);
        const mine = seed.hubs
          .map((hub) => ({ id: hub.id, metres: haversineMetres(origin, hub.coordinates) }))
          .sort((a, b) => a.metres - b.metres)
          .slice(0, 5);
        assert.deepEqual(list.items.map((item) => item.hub.id), mine.map((m) => m.id));
        list.items.forEach((item, i) => {
          assert.ok(item.distanceMetres !== undefined);
          assert.ok(Math.abs(item.distanceMetres - (mine[i]?.metres ?? NaN)) <= 1, `${item.hub.name}: ${item.distanceMetres} vs ${mine[i]?.metres}`);
          assert.ok(i === 0 || item.distanceMetres >= (list.items[i - 1]?.distanceMetres ?? 0));
        });
      });

      it('without near lists hubs by name, without distances', async () => {
        const list = HubList.parse(await getJson('/api/v1/hubs?limit=100'));
        assert.equal(list.items.length, SEED_HUBS);
        assert.deepEqual(list.items.map((item) => item.hub.name), seed.hubs.map((h) => h.name).sort((a, b) => a.localeCompare(b, 'en')));
        assert.ok(list.items.every((item) => item.distanceMetres === undefined));
        const first = HubList.parse(await getJson('/api/v1/hubs'));
        assert.equal(first.items.length, 10, 'ten by default');
      });

      it('refuses near=abc and a limit of 0 or 101 with 422', async () => {
        await expectProblem(await fetch(`${app.base}/api/v1/hubs?near=abc`), 422, 'validation-failed');
        await expectProblem(await fetch(`${app.base}/api/v1/hubs?limit=0`), 422, 'validation-failed');
        await expectProblem(await fetch(`${app.base}/api/v1/hubs?limit=101`), 422, 'validation-failed');
      });

      it('points an out-of-range near at the near parameter, not at a field the client never sent', async () => {
        const problem = await expectProblem(await fetch(`${app.base}/api/v1/hubs?near=91,0`), 422, 'validation-failed');
        assert.deepEqual(
          problem.errors?.map((e) => [e.path, e.code]),
          [['near', 'too-big']],
        );
      });
    });

    describe('GET /api/v1/sessions', () => {
      const sessions = async (query: string) => SessionList.parse(await getJson(`/api/v1/sessions?${query}`)).items;
      const planOf = (session: Session) => {
        const hub = seed.hubs.find((h) => h.id === session.hubId);
        const plan = hub?.sessions.find((p) => p.id === session.planId);
        assert.ok(plan, `plan ${session.planId} of hub ${session.hubId}`);
        return plan;
      };
      const meetingsOf = (items: Session[]) => items.map((s) => `${s.planId} ${londonParts(new Date(s.start)).date}`).sort();
      const FROM = '2026-12-07T00:00:00Z';
      const TO = '2026-12-14T00:00:00Z';

      it('lists a December week of sessions: in the window, in start order, exactly the plans that meet then', async () => {
        const items = await sessions(`from=${FROM}&to=${TO}`);
        assert.ok(items.length > 0);
        for (const item of items) {
          const start = Date.parse(item.start);
          assert.ok(start >= Date.parse(FROM) && start < Date.parse(TO), item.start);
        }
        items.forEach((item, i) => assert.ok(i === 0 || Date.parse(item.start) >= Date.parse(items[i - 1]?.start ?? ''), `start order at ${i}`));
        assert.deepEqual(meetingsOf(items), expectedMeetings(seed.hubs, '2026-12-07', '2026-12-13'));
      });

      it('puts each session on its plan\'s weekday at its London opening and closing times', async () => {
        const items = await sessions(`from=${FROM}&to=${TO}`);
        for (const item of items) {
          const plan = planOf(item);
          const start = londonParts(new Date(item.start));
          const end = londonParts(new Date(item.end));
          assert.ok(plan.schedule.byday?.some((code) => code.endsWith(start.weekday)), `${item.id} on ${start.weekday}`);
          assert.equal(start.time, plan.schedule.opensAt);
          assert.equal(end.time, plan.schedule.closesAt);
          assert.equal(end.date, start.date);
        }
      });

      it('gives bookable sessions their capacity, all of it remaining as nobody has booked, and drop-ins neither', async () => {
        const items = await sessions(`from=${FROM}&to=${TO}`);
        const bookable = items.filter((s) => s.mode === 'bookable');
        assert.ok(bookable.length > 0);
        for (const item of items) {
          const plan = planOf(item);
          assert.equal(item.mode, plan.mode);
          if (plan.mode === 'bookable') {
            assert.equal(item.capacity, plan.capacity);
            assert.equal(item.remaining, plan.capacity);
          } else {
            assert.equal(item.capacity, undefined);
            assert.equal(item.remaining, undefined);
          }
        }
      });

      it('hub=<id> gives only that hub\'s sessions, the same ones as in the full list', async () => {
        const hub = seed.hubs.find((h) => h.sessions.length > 1);
        assert.ok(hub);
        const all = await sessions(`from=${FROM}&to=${TO}`);
        const one = await sessions(`hub=${hub.id}&from=${FROM}&to=${TO}`);
        assert.ok(one.length > 0);
        assert.deepEqual(one, all.filter((s) => s.hubId === hub.id));
        assert.deepEqual(meetingsOf(one), expectedMeetings([hub], '2026-12-07', '2026-12-13'));
      });

      it('keeps London wall-clock times across the 28 March 2027 clock change (the UTC hour moves by one)', async () => {
        const from = '2027-03-22T00:00:00Z';
        const to = '2027-04-05T00:00:00Z';
        const items = await sessions(`from=${from}&to=${to}`);
        assert.deepEqual(meetingsOf(items), expectedMeetings(seed.hubs, '2027-03-22', '2027-04-04'));
        const plansSeen = { before: new Set<string>(), after: new Set<string>() };
        for (const item of items) {
          const plan = planOf(item);
          const london = londonParts(new Date(item.start));
          const utc = new Date(item.start);
          const afterChange = london.date > '2027-03-28';
          assert.equal(london.time, plan.schedule.opensAt, item.id);
          assert.equal(london.offsetMinutes, afterChange ? 60 : 0, item.id);
          assert.equal(utc.getUTCHours() * 60 + utc.getUTCMinutes(), minutesOf(plan.schedule.opensAt ?? '') - (afterChange ? 60 : 0), item.id);
          plansSeen[afterChange ? 'after' : 'before'].add(item.planId);
        }
        assert.ok([...plansSeen.before].some((id) => plansSeen.after.has(id)), 'some plans meet on both sides of the change');
      });

      it('accepts a 93-day window and refuses a longer one, or to <= from, with 422', async () => {
        const from = Date.parse('2027-01-01T00:00:00Z');
        const iso = (ms: number) => new Date(ms).toISOString();
        assert.ok((await sessions(`from=${iso(from)}&to=${iso(from + 93 * DAY_MS)}`)).length > 0);
        await expectProblem(await fetch(`${app.base}/api/v1/sessions?from=${iso(from)}&to=${iso(from + 94 * DAY_MS)}`), 422, 'validation-failed');
        await expectProblem(await fetch(`${app.base}/api/v1/sessions?from=${iso(from)}&to=${iso(from)}`), 422, 'validation-failed');
        await expectProblem(await fetch(`${app.base}/api/v1/sessions?from=${iso(from)}&to=${iso(from - DAY_MS)}`), 422, 'validation-failed');
      });

      it('answers 404 for an unknown hub', async () => {
        await expectProblem(await fetch(`${app.base}/api/v1/sessions?hub=no-such-hub&from=${FROM}&to=${TO}`), 404, 'not-found');
      });
    });

    describe('importOruk', () => {
      const countServices = async () => {
        const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
        return row?.n ?? -1;
      };
      const totalOnFeed = async () => ((await oruk('/services?per_page=1')) as Envelope).total_items;

      it('imports a v1.0 file, reporting what the reader read, and the feed shows the new services at once', async () => {
        const before = await countServices();
        assert.equal(await totalOnFeed(), before, 'the feed is loaded before the import');
        const expected = readV1ServiceList(fixture('v1-services-page1.json'));
        assert.ok(expected.records.length > 0);
        const report = await importOruk(db, fixturePath('v1-services-page1.json'));
        assert.equal(report.version, '1.0');
        assert.equal(report.read, expected.records.length);
        assert.equal(report.inserted, expected.records.length);
        assert.equal(report.updated, 0);
        assert.equal(report.rejected, expected.rejected);
        assert.deepEqual(report.reasons, expected.reasons);
        assert.deepEqual(report.errors, []);
        assert.equal(report.complete, true);
        assert.equal(await countServices(), before + expected.records.length);
        assert.equal(await totalOnFeed(), before + expected.records.length);
        for (const record of expected.records) {
          const detail = (await oruk(`/services/${encodeURIComponent(record.id)}`)) as { name: string };
          assert.equal(detail.name, record.name);
        }
      });

      it('is idempotent: the same file again updates the same records and inserts none', async () => {
        const before = await countServices();
        const expected = readV1ServiceList(fixture('v1-services-page1.json'));
        const report = await importOruk(db, fixturePath('v1-services-page1.json'));
        assert.deepEqual([report.read, report.inserted, report.updated], [expected.records.length, 0, expected.records.length]);
        assert.equal(await countServices(), before);
        assert.equal(await totalOnFeed(), before);
      });

      it('reports records the reader rejects, with its reasons, and imports the rest', async () => {
        const before = await countServices();
        const expected = readV3ServiceList(fixture('null-heavy.json'));
        assert.ok(expected.rejected > 0);
        const report = await importOruk(db, fixturePath('null-heavy.json'));
        assert.deepEqual(
          { version: report.version, read: report.read, inserted: report.inserted, rejected: report.rejected, reasons: report.reasons },
          { version: '3.0', read: expected.records.length, inserted: expected.records.length, rejected: expected.rejected, reasons: expected.reasons },
        );
        assert.equal(await countServices(), before + expected.records.length);
      });

      it('imports a v3.0 file as 3.0', async () => {
        const expected = readV3ServiceList(fixture('v3-services-page1.json'));
        const report = await importOruk(db, fixturePath('v3-services-page1.json'));
        assert.equal(report.version, '3.0');
        assert.equal(report.read, expected.records.length);
        assert.equal(report.inserted + report.updated, expected.records.length);
        for (const record of expected.records) {
          const read = readV3Service(await oruk(`/services/${record.id}`));
          assert.equal(read.records[0]?.name, record.name);
        }
      });

      it('imports a saved single-service (detail) response', async () => {
        const expected = readV3Service(fixture('v3-service-detail.json'));
        assert.equal(expected.records.length, 1);
        const report = await importOruk(db, fixturePath('v3-service-detail.json'));
        assert.equal(report.read, 1);
        const read = readV3Service(await oruk(`/services/${expected.records[0]?.id}`));
        assert.equal(read.records[0]?.name, expected.records[0]?.name);
      });

      it('imports from a URL: a paginated v3.0 feed, riding out one failed page', async () => {
        const service = (id: string, n: number) => ({
          id,
          name: `Stub Feed Service ${n}`,
          description: `Service number ${n} of the stub feed.`,
          status: 'active',
          service_at_locations: [],
          schedules: [],
        });
        assert.ok(childTerm);
        // The third is filed under a service type only, not under the type's life area.
        const third = {
          ...service(STUB_IDS[2], 3),
          attributes: [
            {
              id: '6b1f0c00-0000-4000-8000-0000000000aa',
              link_id: STUB_IDS[2],
              link_type: 'service',
              taxonomy_term_id: childTerm.id,
              taxonomy_term: { id: childTerm.id, name: childTerm.name, description: childTerm.description ?? '', parent_id: childTerm.parentId, taxonomy: childTerm.taxonomy },
            },
          ],
        };
        const pages = [[service(STUB_IDS[0], 1), service(STUB_IDS[1], 2)], [third]];
        const envelope = (n: number) => ({
          total_items: 3,
          total_pages: 2,
          page_number: n,
          size: pages[n - 1]?.length ?? 0,
          first_page: n === 1,
          last_page: n >= 2,
          empty: !pages[n - 1]?.length,
          contents: pages[n - 1] ?? [],
        });
        const stub = new HttpStub();
        await stub.start();
        try {
          let failedOnce = false;
          stub.reset((req, res) => {
            const url = new URL(req.url, 'http://stub');
            if (url.pathname === '/' || url.pathname === '') {
              return sendJson(res, 200, { version: 'HSDS-UK-3.0', profile: 'https://example.org/profile', openapi_url: 'https://example.org/openapi.json' });
            }
            if (url.pathname === '/services') {
              const page = Number(url.searchParams.get('page') ?? '1');
              if (page === 2 && !failedOnce) {
                failedOnce = true;
                return sendJson(res, 500, { error: 'try again' });
              }
              return sendJson(res, 200, envelope(page));
            }
            return sendJson(res, 404, { error: 'not found' });
          });
          const before = await countServices();
          const report = await importOruk(db, stub.origin);
          assert.deepEqual(
            { version: report.version, read: report.read, inserted: report.inserted, rejected: report.rejected, complete: report.complete, errors: report.errors },
            { version: '3.0', read: 3, inserted: 3, rejected: 0, complete: true, errors: [] },
          );
          const pageTwoRequests = stub.received.filter((r) => new URL(r.url, 'http://stub').pathname === '/services' && new URL(r.url, 'http://stub').searchParams.get('page') === '2');
          assert.equal(pageTwoRequests.length, 2, 'page 2 was asked again after failing');
          assert.equal(await countServices(), before + 3);
          for (const [i, id] of STUB_IDS.entries()) assert.equal(((await oruk(`/services/${id}`)) as { name: string }).name, `Stub Feed Service ${i + 1}`);
        } finally {
          await stub.stop();
        }
      });

      it('finds a service filed only under a child term by its parent life area', async () => {
        assert.ok(lifeArea && childTerm);
        const third = STUB_IDS[2];
        const byParent = (await allPages(`/services?taxonomy_term_id=${lifeArea.id}`)).items.map((s) => String(s.id));
        assert.ok(byParent.includes(third), 'found by the life area');
        const byChild = (await allPages(`/services?taxonomy_term_id=${childTerm.id}`)).items.map((s) => String(s.id));
        assert.ok(byChild.includes(third), 'found by its own term');
        const expected = seed.services.filter((s) => s.taxonomyTerms.some((t) => t.id === lifeArea.id || t.parentId === lifeArea.id)).map((s) => s.id);
        assert.deepEqual(byParent.sort(), [...expected, third].sort());
      });

      it('reports a missing file as read 0 with an error, and changes nothing', async () => {
        const before = await countServices();
        const report = await importOruk(db, fixturePath('no-such-file.json'));
        assert.equal(report.read, 0);
        assert.equal(report.inserted, 0);
        assert.equal(report.complete, false);
        assert.equal(report.errors.length, 1);
        assert.match(report.errors[0] ?? '', /no-such-file\.json/);
        assert.equal(await countServices(), before);
      });
    });
  });
}

describe('npm run import:oruk (the CLI, as a child process)', () => {
  let dataDir = '';
  let env: NodeJS.ProcessEnv = {};

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cls-import-cli-'));
    env = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
  });

  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a v1.0 file into the PGlite database in DATA_DIR and prints the counts', async () => {
    const expected = readV1ServiceList(fixture('v1-services-page1.json'));
    const { code, stdout, stderr } = await spawnCli(['test/fixtures/oruk/v1-services-page1.json'], env);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Imported ORUK v1\.0 from .*v1-services-page1\.json/);
    assert.match(stdout, new RegExp(`read:\\s+${expected.records.length} services\\n`));
    assert.match(stdout, new RegExp(`imported:\\s+${expected.records.length} new`));
    assert.match(stdout, /updated:\s+0 already known/);
    assert.match(stdout, new RegExp(`rejected:\\s+${expected.rejected}\\b`));
  });

  it('exits 1 when the file does not exist', async () => {
    const { code, stdout } = await spawnCli(['test/fixtures/oruk/no-such-file.json'], env);
    assert.equal(code, 1);
    assert.match(stdout, /read:\s+0 services/);
    assert.match(stdout, /error: Could not read/);
  });
});
