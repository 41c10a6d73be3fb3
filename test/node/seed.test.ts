import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hub, Organization, Service, TaxonomyTerm, type Location, type Schedule } from '../../src/contract/directory.ts';
import { parsePostcode } from '../../src/core/geo.ts';
import { stableId, uuidV5 } from '../../server/seed/ids.ts';
import { seed, seedSummary } from '../../server/seed/index.ts';
import { LIFE_AREA, SERVICE_TYPE, SUPPORT_TYPE } from '../../server/seed/taxonomy.ts';

const { places, postcodes, outcodes, taxonomyTerms, organizations, hubs, services } = seed;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BOX = { south: 52.35, north: 53.05, west: -3.45, east: -2.65 };

const inBox = (c: { lat: number; lng: number }) => c.lat >= BOX.south && c.lat <= BOX.north && c.lng >= BOX.west && c.lng <= BOX.east;
const outcodeOf = (postcode: string) => postcode.split(' ')[0] ?? '';

/** Kilometres between two points (equirectangular; fine at county scale). */
function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const x = ((b.lng - a.lng) * Math.PI * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180)) / 180;
  const y = ((b.lat - a.lat) * Math.PI) / 180;
  return Math.hypot(x, y) * 6371;
}

/** Fails with every id that is not a v5 UUID or appears twice. */
function assertUuidsUnique(kind: string, ids: string[]) {
  assert.deepEqual(
    ids.filter((id) => !UUID.test(id)),
    [],
    `${kind} ids must be v5 UUIDs`,
  );
  const seen = new Set<string>();
  const repeated = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  assert.deepEqual(repeated, [], `${kind} ids must be unique`);
}

/** Fails listing every record the schema refuses, with zod's reasons. */
function assertAllParse(what: string, schema: { safeParse(input: unknown): { success: boolean; error?: { issues: unknown[] } } }, items: Array<{ id: string }>) {
  const failures = items.flatMap((item) => {
    const result = schema.safeParse(item);
    return result.success ? [] : [`${item.id}: ${JSON.stringify(result.error?.issues)}`];
  });
  assert.deepEqual(failures, [], `every ${what} must satisfy its schema`);
}

const serviceSchedules: Schedule[] = services.flatMap((s) => s.schedules);
const hubSchedules: Schedule[] = hubs.flatMap((h) => h.sessions.map((s) => s.schedule));
const allSchedules = [...serviceSchedules, ...hubSchedules];
const serviceLocations: Location[] = services.flatMap((s) => s.locations);

describe('stableId', () => {
  it('is an RFC 4122 version 5 UUID, computed as the RFC says', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
    assert.match(stableId('service', 'lunch-club:aberwen'), UUID);
  });

  it('gives the same id for the same kind and key, every time', () => {
    assert.equal(stableId('hub', 'borchester-library'), stableId('hub', 'borchester-library'));
    assert.equal(hubs.find((h) => h.name === 'Borchester Library Talking Point')?.id, stableId('hub', 'borchester-library'));
  });

  it('gives different ids for different kinds or keys, with no ambiguity between them', () => {
    const ids = [
      stableId('hub', 'aberwen'),
      stableId('service', 'aberwen'),
      stableId('hub', 'aberwen-library'),
      stableId('a:b', 'c'),
      stableId('a', 'b:c'),
      stableId('', 'ab'),
      stableId('ab', ''),
    ];
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('seed records satisfy the directory contract', () => {
  it('every hub, service, organisation and taxonomy term parses', () => {
    assertAllParse('hub', Hub, hubs);
    assertAllParse('service', Service, services);
    assertAllParse('organisation', Organization, organizations);
    assertAllParse('taxonomy term', TaxonomyTerm, taxonomyTerms);
  });

  it('has v5 UUID ids, unique within each kind', () => {
    assertUuidsUnique('hub', hubs.map((h) => h.id));
    assertUuidsUnique('hub session', hubs.flatMap((h) => h.sessions.map((s) => s.id)));
    assertUuidsUnique('service', services.map((s) => s.id));
    assertUuidsUnique('organisation', organizations.map((o) => o.id));
    assertUuidsUnique('taxonomy term', taxonomyTerms.map((t) => t.id));
    assertUuidsUnique('schedule', allSchedules.map((s) => s.id ?? 'missing'));
    // A location shared by several services has one id and the same content everywhere.
    const byId = new Map<string, Location>();
    for (const location of serviceLocations) {
      assert.match(location.id, UUID);
      const first = byId.get(location.id);
      if (first) assert.deepEqual(location, first, `location ${location.id} differs between services`);
      else byId.set(location.id, location);
    }
  });

  it('embeds exactly the organisations and terms it lists', () => {
    const orgs = new Map(organizations.map((o) => [o.id, o]));
    const terms = new Map(taxonomyTerms.map((t) => [t.id, t]));
    for (const service of services) {
      assert.ok(service.organization, `${service.name} has no organisation`);
      assert.deepEqual(service.organization, orgs.get(service.organization.id));
      for (const term of service.taxonomyTerms) assert.deepEqual(term, terms.get(term.id));
    }
  });
});

describe('size and shape', () => {
  it('has a county-sized amount of everything', () => {
    assert.ok(hubs.length >= 22 && hubs.length <= 30, `hubs: ${hubs.length}`);
    assert.ok(services.length >= 280 && services.length <= 320, `services: ${services.length}`);
    assert.ok(organizations.length >= 35 && organizations.length <= 50, `organisations: ${organizations.length}`);
    assert.ok(places.length >= 16 && places.length <= 20, `places: ${places.length}`);
    const towns = places.filter((p) => p.kind === 'town').length;
    assert.ok(towns >= 4 && towns <= 5, `towns: ${towns}`);
  });

  it('summarises what it holds', () => {
    const summary = seedSummary();
    assert.equal(summary.hubs, hubs.length);
    assert.equal(summary.services, services.length);
    assert.equal(summary.organizations, organizations.length);
    assert.equal(summary.taxonomyTerms, taxonomyTerms.length);
    assert.equal(summary.postcodes, postcodes.length);
    assert.equal(summary.places, summary.towns + summary.villages);
    assert.equal(summary.hubSessions, hubs.reduce((n, h) => n + h.sessions.length, 0));
  });
});

describe('geography', () => {
  const table = new Map(postcodes.map((p) => [p.postcode, p.coordinates]));
  const hubPostcodes = hubs.map((h) => h.address.postcode);
  const locationPostcodes = serviceLocations.flatMap((l) => (l.address?.postcode === undefined ? [] : [l.address.postcode]));

  it('has well-formed, unique SY and LD postcodes, each in a listed outcode', () => {
    assert.equal(table.size, postcodes.length, 'postcodes repeat');
    const outcodeNames = new Set(outcodes.map((o) => o.outcode));
    for (const { postcode } of postcodes) {
      const parsed = parsePostcode(postcode);
      assert.equal(parsed.kind, 'postcode', `${postcode} is not a valid postcode`);
      if (parsed.kind === 'postcode') assert.equal(parsed.postcode, postcode, 'postcodes are stored normalised');
      assert.match(postcode, /^(SY|LD)\d{1,2} \d[A-Z]{2}$/);
      assert.ok(outcodeNames.has(outcodeOf(postcode)), `${postcode} is in no listed outcode`);
    }
    for (const place of places) assert.ok(outcodeNames.has(place.outcode), `${place.name}: ${place.outcode}`);
  });

  it('puts every hub and service address at a postcode in the table, at that postcode\'s coordinates', () => {
    for (const postcode of [...hubPostcodes, ...locationPostcodes]) {
      assert.ok(postcode !== undefined && table.has(postcode), `${String(postcode)} is not in the postcode table`);
    }
    for (const hub of hubs) assert.deepEqual(hub.coordinates, table.get(hub.address.postcode ?? ''), hub.name);
    for (const location of serviceLocations) {
      if (location.address?.postcode) assert.deepEqual(location.coordinates, table.get(location.address.postcode), location.id);
    }
  });

  it('keeps each place in one outcode, near the others in it', () => {
    const placeByName = new Map(places.map((p) => [p.name, p]));
    for (const address of [...hubs.map((h) => h.address), ...serviceLocations.flatMap((l) => (l.address ? [l.address] : []))]) {
      const place = placeByName.get(address.city ?? '');
      assert.ok(place, `unknown town ${String(address.city)}`);
      assert.equal(outcodeOf(address.postcode ?? ''), place.outcode, `${String(address.postcode)} is not in ${place.name}'s outcode`);
    }
    for (const place of places) {
      const centroid = outcodes.find((o) => o.outcode === place.outcode)?.coordinates;
      assert.ok(centroid);
      assert.ok(km(place.coordinates, centroid) < 8, `${place.name} is ${km(place.coordinates, centroid).toFixed(1)} km from the ${place.outcode} centroid`);
    }
  });

  it('has every coordinate inside the Welsh Marches box', () => {
    const points = [
      ...places.map((p) => [p.name, p.coordinates] as const),
      ...postcodes.map((p) => [p.postcode, p.coordinates] as const),
      ...outcodes.map((o) => [o.outcode, o.coordinates] as const),
      ...hubs.map((h) => [h.name, h.coordinates] as const),
      ...serviceLocations.flatMap((l) => (l.coordinates ? [[l.id, l.coordinates] as const] : [])),
    ];
    for (const [label, c] of points) assert.ok(inBox(c), `${label} at ${c.lat},${c.lng} is outside the box`);
  });

  it('has distinct place names, English and Welsh', () => {
    const names = places.flatMap((p) => [p.name, ...(p.welshName ? [p.welshName] : [])]).map((n) => n.toLowerCase());
    assert.equal(new Set(names).size, names.length);
  });
});

describe('hubs', () => {
  it('are in every kind of place the brief names', () => {
    const kinds = new Set(hubs.map((h) => h.kind));
    for (const kind of ['library', 'leisure-centre', 'supermarket', 'pharmacy', 'market', 'shop', 'community-centre', 'health-centre'] as const) {
      assert.ok(kinds.has(kind), `no ${kind} hub`);
    }
  });

  it('have full addresses, accessibility notes and honest step-free flags', () => {
    for (const hub of hubs) {
      assert.ok(hub.address.line1 && hub.address.city && hub.address.postcode, hub.name);
      assert.equal(hub.address.country, 'United Kingdom');
      assert.ok(hub.accessibility.length > 0, `${hub.name} has no accessibility notes`);
    }
    assert.ok(hubs.some((h) => !h.stepFree), 'some hubs are not step-free');
    assert.ok(hubs.filter((h) => h.stepFree).length > hubs.length / 2, 'most hubs are step-free');
  });

  it('hold one to three sessions each, of every kind the brief asks for', () => {
    for (const hub of hubs) assert.ok(hub.sessions.length >= 1 && hub.sessions.length <= 3, hub.name);
    const sessions = hubs.flatMap((h) => h.sessions);
    assert.ok(sessions.some((s) => s.schedule.freq === 'WEEKLY' && s.schedule.interval === 2 && s.schedule.dtstart?.startsWith('2026')), 'a fortnightly session');
    assert.ok(sessions.some((s) => s.schedule.freq === 'MONTHLY' && s.schedule.byday?.includes('1WE')), 'a first-Wednesday session');
    assert.ok(sessions.some((s) => s.mode === 'drop-in'), 'a drop-in session');
    assert.ok(sessions.some((s) => s.mode === 'bookable'), 'a bookable session');
    assert.ok(sessions.some((s) => s.schedule.validFrom !== undefined || s.schedule.validTo !== undefined), 'a session with dates of validity');
    for (const session of sessions) {
      if (session.mode === 'bookable') {
        assert.ok(session.capacity !== undefined && session.capacity >= 4 && session.capacity <= 12, `capacity ${String(session.capacity)}`);
      } else {
        assert.equal(session.capacity, undefined, 'drop-in sessions have no capacity');
      }
    }
  });
});

describe('schedules', () => {
  const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

  it('are self-consistent: times in order, date ranges in order, fortnights anchored on the right weekday', () => {
    for (const s of allSchedules) {
      assert.ok(s.description && s.description.length > 5, `schedule ${String(s.id)} has no description`);
      if (s.opensAt && s.closesAt) assert.ok(s.opensAt < s.closesAt, s.description);
      if (s.validFrom && s.validTo) assert.ok(s.validFrom < s.validTo, s.description);
      if (s.freq === 'WEEKLY' && s.interval === 2) {
        assert.ok(s.dtstart, `fortnightly without dtstart: ${s.description}`);
        const weekday = DAYS[new Date(`${s.dtstart}T12:00:00Z`).getUTCDay()];
        assert.deepEqual(s.byday, [weekday], `dtstart ${s.dtstart} is not a ${String(s.byday)}`);
      }
      if (s.freq === undefined) assert.equal(s.byday, undefined, 'a schedule in words only has no rule');
    }
  });

  it('mix weekly, fortnightly, monthly and words-only schedules across services', () => {
    assert.ok(serviceSchedules.some((s) => s.freq === 'WEEKLY' && s.interval === 1));
    assert.ok(serviceSchedules.some((s) => s.freq === 'WEEKLY' && s.interval === 2));
    assert.ok(serviceSchedules.some((s) => s.freq === 'MONTHLY' && s.byday?.includes('2TU')));
    assert.ok(serviceSchedules.some((s) => s.freq === undefined));
    assert.ok(services.filter((s) => s.schedules.length > 0).length === services.length, 'every service says when');
  });
});

describe('services', () => {
  it('are filed under a life area and a support type, and usually a service type under that life area', () => {
    for (const service of services) {
      const terms = service.taxonomyTerms;
      assert.ok(terms.length >= 1 && terms.length <= 3, service.name);
      const area = terms.filter((t) => t.taxonomy === LIFE_AREA);
      assert.equal(area.length, 1, `${service.name}: one life area`);
      assert.equal(terms.filter((t) => t.taxonomy === SUPPORT_TYPE).length, 1, `${service.name}: one support type`);
      for (const type of terms.filter((t) => t.taxonomy === SERVICE_TYPE)) {
        assert.equal(type.parentId, area[0]?.id, `${service.name}: ${type.name} is not under ${String(area[0]?.name)}`);
      }
    }
    const typed = services.filter((s) => s.taxonomyTerms.some((t) => t.taxonomy === SERVICE_TYPE)).length;
    assert.ok(typed > services.length * 0.9, `only ${typed} have a service type`);
  });

  it('cover every life area and every support type', () => {
    const used = new Set(services.flatMap((s) => s.taxonomyTerms.map((t) => t.id)));
    for (const term of taxonomyTerms.filter((t) => t.taxonomy === LIFE_AREA || t.taxonomy === SUPPORT_TYPE)) {
      assert.ok(used.has(term.id), `nothing under ${term.name}`);
    }
  });

  it('carry no phone number (ORUK v3 services cannot), and are mostly free and active', () => {
    for (const service of services) {
      assert.equal('phone' in service, false, service.name);
      if (service.free === false) assert.ok(service.fees, `${service.name} charges but says nothing about fees`);
    }
    assert.ok(services.filter((s) => s.free === true).length > services.length / 2, 'most are free');
    assert.ok(services.some((s) => s.free === false), 'some charge');
    const closed = services.filter((s) => s.status === 'temporarily closed').length;
    assert.ok(closed >= 1 && closed <= 10, `temporarily closed: ${closed}`);
    assert.ok(services.every((s) => s.status === 'active' || s.status === 'temporarily closed'));
  });

  it('mostly have a physical location, and about one in ten is by phone or online with no coordinates', () => {
    const remote = services.filter((s) => s.locations.every((l) => l.coordinates === undefined)).length;
    assert.ok(remote >= services.length * 0.05 && remote <= services.length * 0.15, `no coordinates: ${remote}`);
    for (const service of services) assert.ok(service.locations.length >= 1, service.name);
    for (const location of serviceLocations.filter((l) => l.coordinates)) {
      assert.ok(location.address?.line1 && location.address.postcode, location.id);
      assert.equal(typeof location.stepFree, 'boolean');
    }
  });

  it('speak English, and English and Welsh in some places', () => {
    const seen = new Set(services.map((s) => JSON.stringify(s.languages)));
    assert.deepEqual([...seen].sort(), [JSON.stringify(['English']), JSON.stringify(['English', 'Welsh'])].sort());
  });

  it('have unique names and varied descriptions', () => {
    const names = services.map((s) => s.name);
    assert.equal(new Set(names).size, names.length, 'service names repeat');
    const descriptions = services.map((s) => s.description ?? '');
    assert.ok(descriptions.every((d) => d.length > 20));
    assert.ok(new Set(descriptions).size >= services.length * 0.7, `only ${new Set(descriptions).size} distinct descriptions`);
  });

  it('include Welsh-named groups and places', () => {
    const welsh = /\b(Clwb|Cylch|Llan|Aber|Cinio|Neuadd|Merched|Paned)/;
    assert.ok(services.filter((s) => welsh.test(s.name)).length >= 20, 'Welsh-named services');
    assert.ok(services.some((s) => s.name.startsWith('Clwb Cinio')));
    assert.ok(services.some((s) => s.name.startsWith('Cylch Ti a Fi')));
    assert.ok(hubs.some((h) => welsh.test(h.name)));
    assert.ok(places.some((p) => p.welshName));
  });

  it('only point to invented websites and email addresses', () => {
    for (const org of organizations) {
      if (org.website) assert.match(org.website, /^https:\/\/[a-z0-9-]+\.example\/$/);
      if (org.email) assert.match(org.email, /^[a-z]+@[a-z0-9-]+\.example$/);
      assert.match(org.phone ?? '', /^01632 960\d{3}$/, 'Ofcom drama numbers only');
    }
    for (const service of services) {
      if (service.url) assert.match(service.url, /^https:\/\/[a-z0-9-]+\.example\//);
      if (service.email) assert.match(service.email, /\.example$/);
    }
  });
});

describe('taxonomy', () => {
  it('has the wheel\'s eight life areas and five support types, and service types under life areas', () => {
    const inVocabulary = (name: string) => taxonomyTerms.filter((t) => t.taxonomy === name);
    assert.equal(inVocabulary(LIFE_AREA).length, 8);
    assert.equal(inVocabulary(SUPPORT_TYPE).length, 5);
    const areas = new Set(inVocabulary(LIFE_AREA).map((t) => t.id));
    const types = inVocabulary(SERVICE_TYPE);
    assert.ok(types.length >= 20);
    for (const type of types) assert.ok(type.parentId && areas.has(type.parentId), type.name);
    for (const term of taxonomyTerms) {
      assert.ok(term.description && term.description.length > 5, `${term.name} needs a description (ORUK requires one)`);
      assert.ok([LIFE_AREA, SUPPORT_TYPE, SERVICE_TYPE].includes(term.taxonomy ?? ''), `${term.name} is in no vocabulary`);
    }
  });
});

describe('the demo map background', () => {
  it('is the one drawn from the seed places, outline round every place and every place named', async () => {
    const { readFile } = await import('node:fs/promises');
    const { PageConfig } = await import('../../src/contract/config.ts');
    const { demoMapBackground } = await import('../../server/seed/map-background.ts');
    const { places } = await import('../../server/seed/places.ts');
    const page = await readFile(new URL('../../demo/index.html', import.meta.url), 'utf8');
    const json = /<script type="application\/json" id="cls-config">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    const config = PageConfig.parse(JSON.parse(json));
    assert.deepEqual(config.mapBackground, demoMapBackground());
    const { outline } = demoMapBackground();
    assert.ok(outline.length >= 3);
    // Every place is inside the outline (ray casting).
    const inside = (p: { lat: number; lng: number }) => {
      let within = false;
      for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
        const a = outline[i] as { lat: number; lng: number };
        const b = outline[j] as { lat: number; lng: number };
        if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng) within = !within;
      }
      return within;
    };
    for (const place of places) assert.ok(inside(place.coordinates), `${place.name} inside the outline`);
    assert.deepEqual(config.mapBackground?.labels?.map((label) => label.name), places.map((place) => place.name));
  });

  it('gives the Aberwen hubs their Welsh names and descriptions, and no "Welsh / English" names', () => {
    const { hubs } = seed;
    assert.equal(hubs.some((hub) => hub.name.includes(' / ')), false);
    const library = hubs.find((hub) => hub.name === 'Aberwen Library Talking Point');
    assert.equal(library?.translations?.cy?.name, 'Man Siarad Llyfrgell Aberwen');
    assert.match(library?.translations?.cy?.description ?? '', /ar ddydd Iau/);
  });
});

describe('session kinds in the seed', () => {
  it('runs every kind of CLS session somewhere, each plan valid', () => {
    const kinds = new Set(seed.hubs.flatMap((hub) => hub.sessions.map((plan) => plan.kind ?? 'talking-point')));
    assert.deepEqual([...kinds].sort(), ['carers-clinic', 'peer-support', 'support-planning', 'talking-point']);
    for (const hub of seed.hubs) assert.ok(Hub.safeParse(hub).success, hub.name);
  });
});
