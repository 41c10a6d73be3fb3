import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import {
  DEFAULT_RINGS,
  DEFAULT_SEGMENTS,
  MAX_PLAN_IDS,
  WheelMappingSchema,
  arcPath,
  buildWheel,
  cellId,
  decodePlan,
  defaultMapping,
  encodePlan,
  labelPoint,
  matchCounts,
  moveCell,
  ringRadii,
  segmentAngles,
  type WheelKey,
} from '../../src/core/wheel.ts';
import { seed } from '../../server/seed/index.ts';
import { lifeAreas, serviceTypes, supportTypes } from '../../server/seed/taxonomy.ts';

const service = (id: string, name: string, terms: TaxonomyTerm[]): Service => ({
  id,
  name,
  status: 'active',
  taxonomyTerms: terms,
  locations: [],
  schedules: [],
});

/** Terms as a feed carries them: collected from its services. */
const feedTerms = (services: readonly Service[]) => [...new Map(services.flatMap((s) => s.taxonomyTerms).map((t) => [t.id, t])).values()];

const placeOf = (services: readonly Service[], mapping = defaultMapping(feedTerms(services))) => {
  const model = buildWheel(services, mapping);
  const place = new Map<string, string[]>();
  for (const cell of model.cells) for (const s of cell.services) place.set(s.id, [...(place.get(s.id) ?? []), cellId(cell.ring, cell.segment)]);
  return { model, place };
};

describe('wheel: default mapping and placement', () => {
  it('maps every seed life area and support type by name', () => {
    const mapping = defaultMapping(seed.taxonomyTerms);
    assert.deepEqual(
      Object.entries(lifeAreas).map(([key, term]) => [key, mapping.segments[term.id]]),
      Object.keys(lifeAreas).map((key) => [key, key]),
    );
    assert.deepEqual(
      Object.values(supportTypes).map((t) => mapping.rings[t.id]),
      ['family-and-friends', 'community', 'universal-services', 'voluntary-sector', 'specialist-support'],
    );
    // Service types inherit their life area.
    assert.equal(mapping.segments[serviceTypes['community-transport'].id], 'getting-out');
    assert.equal(mapping.segments[serviceTypes.foodbank.id], 'money');
    assert.equal(mapping.rings[serviceTypes['community-transport'].id], undefined);
    assert.ok(WheelMappingSchema.safeParse(mapping).success);
  });

  it('puts every seed service in exactly one non-me cell, none lost, in its life area and support ring', () => {
    const services = seed.services;
    const { model, place } = placeOf(services);
    assert.equal(model.cells.length, DEFAULT_RINGS.length * DEFAULT_SEGMENTS.length);
    assert.equal(model.unplaced, 0);
    assert.equal(model.cells.reduce((n, c) => n + c.services.length, 0), services.length);
    assert.ok(model.cells.filter((c) => c.ring === 'me').every((c) => c.services.length === 0));
    assert.equal(model.cells.filter((c) => c.segment === 'other').reduce((n, c) => n + c.services.length, 0), 0);
    const ringOfSupport = new Map(Object.values(supportTypes).map((t, i) => [t.id, DEFAULT_RINGS[i + 1]?.id]));
    const areaKey = new Map(Object.entries(lifeAreas).map(([key, t]) => [t.id, key]));
    for (const s of services) {
      const cells = place.get(s.id) ?? [];
      assert.equal(cells.length, 1, s.name);
      const area = s.taxonomyTerms.map((t) => areaKey.get(t.id)).find((k) => k !== undefined);
      const ring = s.taxonomyTerms.map((t) => ringOfSupport.get(t.id)).find((k) => k !== undefined);
      assert.equal(cells[0], cellId(ring ?? '', area ?? ''), s.name);
    }
  });

  it('works from feed terms without vocabularies, and in Welsh', () => {
    const terms: TaxonomyTerm[] = [
      { id: 'a', name: 'Arian' },
      { id: 'b', name: 'Sector gwirfoddol' },
      { id: 'c', name: 'Community transport' },
      { id: 'd', name: 'Grŵp cymunedol' },
      { id: 'e', name: 'Budget help', parentId: 'a' },
    ];
    const mapping = defaultMapping(terms);
    assert.deepEqual(mapping.segments, { a: 'money', c: 'getting-out', e: 'money' });
    assert.deepEqual(mapping.rings, { b: 'voluntary-sector', d: 'community' });
  });

  it('sends unmapped services to other and the default ring, sorted by name', () => {
    const mapping = defaultMapping(seed.taxonomyTerms);
    const stray = [service('z', 'Zebra club', [{ id: 'x', name: 'Unknown' }]), service('y', 'aardvark walk', [])];
    const model = buildWheel(stray, mapping);
    const cell = model.cells.find((c) => c.ring === 'community' && c.segment === 'other');
    assert.deepEqual(cell?.services.map((s) => s.id), ['y', 'z']);
    const custom = buildWheel(stray, { ...mapping, defaultRing: 'voluntary-sector' });
    assert.equal(custom.cells.find((c) => c.ring === 'voluntary-sector' && c.segment === 'other')?.services.length, 2);
    // A mapping into 'me' is ignored; the first mapped term wins.
    const money = lifeAreas.money;
    const home = lifeAreas.home;
    const me = buildWheel([service('m', 'M', [{ id: 'q', name: 'Q' }, money, home])], { segments: mapping.segments, rings: { q: 'me' } });
    assert.deepEqual(me.cells.filter((c) => c.services.length > 0).map((c) => cellId(c.ring, c.segment)), ['community--money']);
  });

  it('counts search matches per cell', () => {
    const { model } = placeOf(seed.services);
    const ids = new Set(seed.services.slice(0, 10).map((s) => s.id));
    const counts = matchCounts(model, ids);
    assert.equal(counts.size, model.cells.length);
    assert.equal([...counts.values()].reduce((a, b) => a + b, 0), 10);
    for (const cell of model.cells) {
      assert.equal(counts.get(cellId(cell.ring, cell.segment)), cell.services.filter((s) => ids.has(s.id)).length);
    }
    assert.ok([...matchCounts(model, new Set()).values()].every((n) => n === 0));
  });
});

describe('wheel: keyboard', () => {
  const first = DEFAULT_SEGMENTS[0]?.id ?? '';
  const last = DEFAULT_SEGMENTS.at(-1)?.id ?? '';
  const table: Array<[string, string, WheelKey, string, string]> = [
    ['community', first, 'ArrowRight', 'community', 'home'],
    ['community', first, 'ArrowLeft', 'community', last],
    ['community', last, 'ArrowRight', 'community', first],
    ['community', 'money', 'ArrowUp', 'universal-services', 'money'],
    ['specialist-support', 'money', 'ArrowUp', 'specialist-support', 'money'],
    ['community', 'money', 'ArrowDown', 'family-and-friends', 'money'],
    ['family-and-friends', 'money', 'ArrowDown', 'family-and-friends', 'money'],
    ['me', 'money', 'ArrowUp', 'community', 'money'],
    ['voluntary-sector', 'money', 'Home', 'voluntary-sector', first],
    ['voluntary-sector', 'money', 'End', 'voluntary-sector', last],
  ];
  for (const [ring, segment, key, toRing, toSegment] of table) {
    it(`${key} from ${ring}/${segment} → ${toRing}/${toSegment}`, () => {
      assert.deepEqual(moveCell({ ring, segment }, key, DEFAULT_RINGS, DEFAULT_SEGMENTS), { ring: toRing, segment: toSegment });
    });
  }
});

describe('wheel: geometry', () => {
  const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const close = (actual: number[], expected: number[]) => {
    assert.equal(actual.length, expected.length, `${actual} vs ${expected}`);
    actual.forEach((a, i) => assert.ok(Math.abs(a - (expected[i] ?? NaN)) < 1e-3, `${actual} vs ${expected}`));
  };

  it('draws a quarter annular sector', () => {
    const d = arcPath(100, 100, 40, 80, 0, Math.PI / 2);
    assert.match(d, /^M [^A]+ A 80 80 0 0 1 [^L]+ L [^A]+ A 40 40 0 0 0 [^Z]+ Z$/);
    // Outer start at 12 o'clock, outer end at 3 o'clock, inner end at 3, inner start at 12.
    close(numbers(d), [100, 20, 80, 80, 0, 0, 1, 180, 100, 140, 100, 40, 40, 0, 0, 0, 100, 60]);
  });

  it('draws an arbitrary sector with trig and sets the large-arc flag past 180°', () => {
    const [a, b] = [Math.PI / 6, Math.PI / 3];
    const d = arcPath(0, 0, 10, 20, a, b);
    close(numbers(d), [20 * Math.sin(a), -20 * Math.cos(a), 20, 20, 0, 0, 1, 20 * Math.sin(b), -20 * Math.cos(b),
      10 * Math.sin(b), -10 * Math.cos(b), 10, 10, 0, 0, 0, 10 * Math.sin(a), -10 * Math.cos(a)]);
    assert.match(arcPath(0, 0, 10, 20, 0, 1.5 * Math.PI), /A 20 20 0 1 1/);
    assert.match(arcPath(0, 0, 0, 20, 0, Math.PI / 2), /L 0 0 Z$/);
    assert.equal((arcPath(0, 0, 10, 20, 0, 2 * Math.PI).match(/A /g) ?? []).length, 4);
  });

  it('places labels and splits angles and rings evenly', () => {
    const p = labelPoint(100, 100, 40, 80, 0, Math.PI / 2);
    close([p.x, p.y], [100 + 60 * Math.SQRT1_2, 100 - 60 * Math.SQRT1_2]);
    const angles = segmentAngles(4);
    close(angles.flatMap((x) => [x.start, x.end]), [0, Math.PI / 2, Math.PI / 2, Math.PI, Math.PI, 1.5 * Math.PI, 1.5 * Math.PI, 2 * Math.PI]);
    assert.deepEqual(segmentAngles(0), []);
    assert.deepEqual(ringRadii(2, 100), [{ inner: 0, outer: 50 }, { inner: 50, outer: 100 }]);
  });
});

describe('wheel: plan links', () => {
  const unique = (ids: string[]) => [...new Set(ids.filter((id) => id.trim() !== ''))].slice(0, MAX_PLAN_IDS);

  it('keeps order, drops duplicates and blanks, percent-encodes commas', () => {
    assert.equal(encodePlan(['b', 'a,1', 'b', '', 'ŵ']), 'b,a%2C1,%C5%B5');
    assert.deepEqual(decodePlan('b,a%2C1,%C5%B5'), ['b', 'a,1', 'ŵ']);
    assert.deepEqual(decodePlan(null), []);
    assert.deepEqual(decodePlan(',,%E0%A4%A,x,,x'), ['x']);
    assert.equal(decodePlan(Array.from({ length: 500 }, (_, i) => `id${i}`).join(',')).length, MAX_PLAN_IDS);
  });

  it('round-trips arbitrary id lists (commas, unicode) through URL-safe text', () => {
    const id = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(',', '%', '%2C', 'a,b', ' ', 'Llŷn', '😀'), fc.uuid());
    fc.assert(
      fc.property(fc.array(id, { maxLength: 250 }), (ids) => {
        const text = encodePlan(ids);
        assert.match(text, /^[A-Za-z0-9\-_.!~*'()%,]*$/);
        assert.deepEqual(decodePlan(text), unique(ids));
      }),
    );
  });

  it('never throws on arbitrary text or ill-formed ids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const ids = decodePlan(text);
        assert.ok(ids.length <= MAX_PLAN_IDS);
        assert.equal(typeof encodePlan([text, ...ids]), 'string');
      }),
    );
  });
});
