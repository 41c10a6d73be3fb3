import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { recordChecked } from '../../src/core/wheel-checked.ts';
import { formatMonth } from '../../src/i18n/format.ts';
import { readV3Service } from '../../src/oruk/v3.ts';
import type { Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import { DEVICE_KEY_PREFIX, type DeviceStorage } from '../../src/core/device-store.ts';
import { ServiceIndex } from '../../src/core/search.ts';
import {
  DEFAULT_RINGS,
  DEFAULT_SEGMENTS,
  MAX_PLAN_IDS,
  WHEEL_DRAWING,
  WheelMappingSchema,
  arcPath,
  buildWheel,
  cellFill,
  cellId,
  decodePlan,
  defaultMapping,
  encodePlan,
  feedTerms as termsOfFeed,
  labelPoint,
  matchCounts,
  moveCell,
  ringRadii,
  segmentAngles,
  segmentLabelLayout,
  wheelLayout,
  wheelTargetsFit,
  KIOSK_MIN_TARGET_PX,
  wrapWords,
  type WheelKey,
} from '../../src/core/wheel.ts';
import { NEAR_METRES, WheelMatcher, isNarrowed, searchFilters, type WheelFilters } from '../../src/core/wheel-matches.ts';
import { PLAN_MAX_AGE_MS, PLAN_PARAM, PLAN_STORAGE_KEY, legacyPlan, openingPlan, planLink, planStore } from '../../src/core/wheel-plan.ts';
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
    assert.deepEqual(ringRadii(2, 100, 40), [{ inner: 40, outer: 70 }, { inner: 70, outer: 100 }]);
    assert.deepEqual(ringRadii(0, 100, 40), []);
  });

  it('offers the wheel only where every cell is a 24 px target: rings deep enough and the innermost arc long enough', () => {
    // Default drawing: rings of 32.8 units in 760, so 24 px needs the wheel 556 px wide.
    assert.equal(wheelTargetsFit(320, 5, 9), false);
    assert.equal(wheelTargetsFit(555, 5, 9), false);
    assert.equal(wheelTargetsFit(557, 5, 9), true);
    // Fewer rings are deeper; many segments make the innermost arc the short side.
    assert.equal(wheelTargetsFit(500, 5, 9), false);
    assert.equal(wheelTargetsFit(500, 2, 9), true);
    assert.equal(wheelTargetsFit(600, 2, 30), false);
    assert.equal(wheelTargetsFit(1000, 0, 9), false, 'no rings: nothing to draw');
  });

  it('on a kiosk, offers the wheel only where every cell is a 44 px target', () => {
    // 44 px cells in rings of 32.8 units in 760 need the wheel 1,020 px wide.
    assert.equal(wheelTargetsFit(800, 5, 9, KIOSK_MIN_TARGET_PX), false);
    assert.equal(wheelTargetsFit(1015, 5, 9, KIOSK_MIN_TARGET_PX), false);
    assert.equal(wheelTargetsFit(1025, 5, 9, KIOSK_MIN_TARGET_PX), true);
    assert.equal(wheelTargetsFit(800, 5, 9), true, 'the same width is enough off a kiosk');
  });

  it('lays out the drawn wheel: five rings from the "me" disc to the rim, nine segments, segment by segment', () => {
    const layout = wheelLayout(5, 9);
    const { size, meRadius, outerRadius } = WHEEL_DRAWING;
    assert.equal(layout.size, size);
    assert.deepEqual(layout.centre, { x: size / 2, y: size / 2 });
    assert.equal(layout.meRadius, meRadius);
    assert.equal(layout.segments.length, 9);
    assert.equal(layout.cells.length, 45);
    assert.deepEqual(layout.cells.slice(0, 6).map((c) => [c.segment, c.ring]), [[0, 0], [0, 1], [0, 2], [0, 3], [0, 4], [1, 0]]);
    const step = (outerRadius - meRadius) / 5;
    const angle = (2 * Math.PI) / 9;
    for (const cell of layout.cells) {
      const inner = meRadius + cell.ring * step;
      const start = cell.segment * angle;
      assert.equal(cell.path, arcPath(size / 2, size / 2, inner, inner + step, start, start + angle));
      close([cell.centre.x, cell.centre.y], [
        size / 2 + (inner + step / 2) * Math.sin(start + angle / 2),
        size / 2 - (inner + step / 2) * Math.cos(start + angle / 2),
      ]);
      assert.equal(cell.fill, cellFill(cell.segment, cell.ring));
    }
    // The innermost ring starts at the disc, the outermost ends at the rim.
    const radii = (d: string) => [...d.matchAll(/A (\d+(?:\.\d+)?) /g)].map((m) => Number(m[1]));
    assert.deepEqual(radii(layout.cells[0]?.path ?? ''), [meRadius + step, meRadius]);
    assert.deepEqual(radii(layout.cells[4]?.path ?? ''), [outerRadius, outerRadius - step]);
    assert.deepEqual(wheelLayout(0, 9).cells, []);
    assert.deepEqual(wheelLayout(5, 0).cells, []);
  });

  it('colours each segment with its own hue, darker ring by ring outwards, repeating after nine', () => {
    assert.equal(cellFill(0, 0), 'hsl(205 60% 88%)');
    assert.equal(cellFill(0, 4), 'hsl(205 60% 60%)');
    assert.equal(cellFill(2, 1), 'hsl(35 60% 81%)');
    assert.equal(cellFill(9, 0), cellFill(0, 0));
    assert.equal(new Set(Array.from({ length: 9 }, (_, s) => cellFill(s, 0))).size, 9);
  });

  it('wraps segment names onto lines of at most twelve characters, a longer word alone', () => {
    assert.deepEqual(wrapWords('Health and wellbeing'), ['Health and', 'wellbeing']);
    assert.deepEqual(wrapWords('Work, learning and volunteering'), ['Work,', 'learning and', 'volunteering']);
    assert.deepEqual(wrapWords('Gwaith, dysgu a gwirfoddoli'), ['Gwaith,', 'dysgu a', 'gwirfoddoli']);
    assert.deepEqual(wrapWords('Money'), ['Money']);
    assert.deepEqual(wrapWords('Cysylltiadau-hir iawn'), ['Cysylltiadau-hir', 'iawn']);
    assert.deepEqual(wrapWords('a b c', 3), ['a b', 'c']);
  });

  it('places segment names beyond the rim: centred at top and bottom, hung outwards at the sides, stacked clear of the rings', () => {
    const { size, outerRadius, labelGap, lineHeight } = WHEEL_DRAWING;
    const c = size / 2;
    const r = outerRadius + labelGap;
    const at = (mid: number) => ({ x: c + r * Math.sin(mid), y: c - r * Math.cos(mid) });
    // At the top: centred, lines stacked upwards so the last sits at the rim point.
    const top = segmentLabelLayout('Health and wellbeing', -0.1, 0.1);
    assert.equal(top.anchor, 'middle');
    close(top.lines.map((l) => l.y), [at(0).y - lineHeight, at(0).y]);
    assert.deepEqual(top.lines.map((l) => l.text), ['Health and', 'wellbeing']);
    assert.ok(top.lines.every((l) => l.x === top.lines[0]?.x));
    // At 3 o'clock: hung to the right, centred on the point (less 6).
    const right = segmentLabelLayout('Getting out and about', Math.PI / 2 - 0.1, Math.PI / 2 + 0.1);
    assert.equal(right.anchor, 'start');
    close([right.lines[0]?.x ?? NaN], [at(Math.PI / 2).x]);
    close(right.lines.map((l) => l.y), [at(Math.PI / 2).y - (lineHeight / 2 - 6), at(Math.PI / 2).y - (lineHeight / 2 - 6) + lineHeight]);
    // At the bottom: centred, hanging 16 below.
    const bottom = segmentLabelLayout('Caring', Math.PI - 0.1, Math.PI + 0.1);
    assert.equal(bottom.anchor, 'middle');
    close(bottom.lines.map((l) => l.y), [at(Math.PI).y + 16]);
    // At 9 o'clock: hung to the left.
    assert.equal(segmentLabelLayout('Safety', 1.5 * Math.PI - 0.1, 1.5 * Math.PI + 0.1).anchor, 'end');
    // Every default segment's name ends up outside the rim.
    segmentAngles(DEFAULT_SEGMENTS.length).forEach(({ start, end }, i) => {
      for (const line of segmentLabelLayout(DEFAULT_SEGMENTS[i]?.label.cy ?? '', start, end).lines) {
        assert.ok(Math.hypot(line.x - c, line.y - c) > outerRadius, `${i}: ${line.text}`);
      }
    });
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

describe('wheel: what the search and filters match', () => {
  const services = seed.services;
  const index = new ServiceIndex(services);
  const model = buildWheel(services, defaultMapping(termsOfFeed(services)));
  /** The index, counting its searches. */
  const counting = () => {
    const spy = {
      calls: 0,
      search: (...args: Parameters<ServiceIndex['search']>) => {
        spy.calls++;
        return index.search(...args);
      },
    };
    return spy;
  };

  it('knows when something narrows the wheel', () => {
    assert.equal(isNarrowed('', {}), false);
    assert.equal(isNarrowed('   ', { free: false }), false);
    assert.equal(isNarrowed(' lunch ', {}), true);
    for (const filters of [{ free: true }, { openNow: true }, { stepFree: true }, { near: { point: { lat: 52, lng: -3 }, label: 'X' } }]) {
      assert.equal(isNarrowed('', filters), true);
    }
  });

  it('turns the filters into a search\'s, within 5 miles and open at the given time', () => {
    const now = new Date('2026-07-02T11:30:00Z');
    const near = { point: { lat: 52, lng: -3 }, label: 'Town' };
    const filters = searchFilters({ free: true, stepFree: true, openNow: true, near }, now);
    assert.equal(filters.free, true);
    assert.equal(filters.stepFree, true);
    assert.deepEqual(filters.near, { point: near.point, withinMetres: NEAR_METRES });
    assert.equal(NEAR_METRES, 8047);
    const thursday = service('th', 'Thursday club', []);
    thursday.schedules = [{ freq: 'WEEKLY', byday: ['TH'], opensAt: '12:00', closesAt: '15:00' }];
    assert.equal(filters.openNow?.(thursday), true);
    assert.equal(searchFilters({ openNow: true }, new Date('2026-07-02T15:00:00Z')).openNow?.(thursday), false);
    assert.deepEqual(searchFilters({ free: false, stepFree: undefined }, now), {});
  });

  it('searches once per change of the query, the filters, the index or the wheel, however often it is asked', () => {
    const spy = counting();
    const matcher = new WheelMatcher();
    let input = { index: spy, model, query: 'lunch', filters: {} as WheelFilters };
    const first = matcher.matches(input);
    for (let render = 0; render < 5; render++) assert.equal(matcher.matches(input), first);
    assert.equal(spy.calls, 1);
    // The same filters in a new object (a checkbox ticked and unticked) are no change.
    assert.equal(matcher.matches({ ...input, filters: { free: undefined } }), first);
    assert.equal(spy.calls, 1);
    input = { ...input, query: 'lunch c' };
    matcher.matches(input);
    matcher.matches(input);
    assert.equal(spy.calls, 2);
    input = { ...input, filters: { free: true } };
    matcher.matches(input);
    matcher.matches(input);
    assert.equal(spy.calls, 3);
    input = { ...input, filters: { free: true, near: { point: { lat: 52.7, lng: -2.75 }, label: 'Shrewsbury' } } };
    matcher.matches(input);
    matcher.matches({ ...input, filters: { free: true, near: { point: { lat: 52.7, lng: -2.75 }, label: 'Shrewsbury' } } });
    assert.equal(spy.calls, 4);
    input = { ...input, model: buildWheel(services, defaultMapping(termsOfFeed(services))) };
    matcher.matches(input);
    assert.equal(spy.calls, 5);
    input = { ...input, index: counting() };
    matcher.matches(input);
    assert.equal(spy.calls, 5, 'a new index is searched itself');
    assert.equal(input.index.calls, 1);
  });

  it('does not search while nothing narrows the wheel', () => {
    const spy = counting();
    const matcher = new WheelMatcher();
    assert.equal(matcher.matches({ index: spy, model, query: '  ', filters: { free: false } }), undefined);
    assert.equal(matcher.matches({ index: spy, model, query: '', filters: {} }), undefined);
    assert.equal(spy.calls, 0);
  });

  it('gives every match best first, their ids, and the matches in each cell', () => {
    const matches = new WheelMatcher().matches({ index, model, query: 'lunch', filters: { free: true } });
    const direct = index.search('lunch', { free: true });
    assert.ok(matches && matches.services.length > 0);
    assert.deepEqual(matches.services.map((s) => s.id), direct.results.map((r) => r.service.id));
    assert.equal(matches.services.length, direct.total);
    assert.deepEqual([...matches.ids], direct.results.map((r) => r.service.id));
    assert.deepEqual(matches.counts, matchCounts(model, new Set(matches.ids)));
  });

  it('judges "open now" by its clock when the search runs', () => {
    const times: Date[] = [];
    const matcher = new WheelMatcher(() => {
      const now = new Date('2026-07-02T11:30:00Z');
      times.push(now);
      return now;
    });
    matcher.matches({ index, model, query: '', filters: { openNow: true } });
    matcher.matches({ index, model, query: '', filters: { openNow: true } });
    assert.equal(times.length, 1);
  });
});

/** A Web Storage stand-in backed by a Map. */
class MemoryStorage implements DeviceStorage {
  readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('wheel: "my wheel" on the device', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('keeps the ids and notes under the key it always had, stamped, and reads them back', () => {
    const storage = new MemoryStorage();
    const clock = { now: 1_000_000 };
    const store = planStore(() => storage, () => clock.now);
    assert.equal(PLAN_STORAGE_KEY, 'cls-resource-wheel');
    assert.ok(PLAN_STORAGE_KEY.startsWith(DEVICE_KEY_PREFIX), 'wiped with everything else');
    assert.equal(store.read(), undefined);
    assert.equal(store.write({ ids: ['a', 'b'], notes: 'Sundays' }), true);
    assert.deepEqual(JSON.parse(storage.getItem(PLAN_STORAGE_KEY) ?? ''), { savedAt: 1_000_000, data: { ids: ['a', 'b'], notes: 'Sundays' } });
    assert.deepEqual(store.read(), { data: { ids: ['a', 'b'], notes: 'Sundays' }, savedAt: 1_000_000 });
    clock.now += PLAN_MAX_AGE_MS + 1;
    assert.equal(store.read(), undefined, 'forgotten a year after it last changed');
    assert.ok(PLAN_MAX_AGE_MS >= 365 * DAY);
  });

  it('still reads plans and notes kept before records were stamped', () => {
    const storage = new MemoryStorage();
    storage.setItem(PLAN_STORAGE_KEY, JSON.stringify({ ids: ['a', 7, 'b'], notes: 'My daughter visits on Sundays' }));
    assert.deepEqual(planStore(() => storage).read()?.data, { ids: ['a', 'b'], notes: 'My daughter visits on Sundays' });
    assert.deepEqual(legacyPlan({ ids: 'a', notes: 5 }), { ids: [], notes: '' });
    assert.deepEqual(legacyPlan({}), { ids: [], notes: '' });
    assert.equal(legacyPlan(['a']), undefined);
    assert.equal(legacyPlan('a'), undefined);
    assert.equal(legacyPlan(null), undefined);
    storage.setItem(PLAN_STORAGE_KEY, '{not json');
    assert.equal(planStore(() => storage).read(), undefined);
  });

  it('keeps nothing without storage (kiosk mode)', () => {
    const store = planStore(() => undefined);
    assert.equal(store.write({ ids: ['a'], notes: 'x' }), false);
    assert.equal(store.read(), undefined);
  });

  it('opens with the kept ids then the link\'s, once each, and the notes only from the device', () => {
    const link = `?x=1&${PLAN_PARAM}=${encodePlan(['c', 'a'])}`;
    assert.deepEqual(openingPlan({ ids: ['a', 'b'], notes: 'mine' }, link), { ids: ['a', 'b', 'c'], notes: 'mine' });
    assert.deepEqual(openingPlan(undefined, link), { ids: ['c', 'a'], notes: '' });
    assert.deepEqual(openingPlan(undefined, ''), { ids: [], notes: '' });
  });

  it('shares a link with the ids only, never the notes, and no fragment', () => {
    const href = planLink('https://council.example/support?page=2#wheel', ['a,1', 'b']);
    const url = new URL(href);
    assert.equal(url.hash, '');
    assert.equal(url.searchParams.get('page'), '2');
    assert.deepEqual(decodePlan(url.searchParams.get(PLAN_PARAM)), ['a,1', 'b']);
    assert.deepEqual([...url.searchParams.keys()], ['page', PLAN_PARAM]);
    assert.equal(new URL(planLink(href, [])).searchParams.get(PLAN_PARAM), '');
  });
});

describe('wheel: feed terms', () => {
  it('lists each term once, in the order first seen', () => {
    const a = { id: 'a', name: 'A' };
    const b = { id: 'b', name: 'B' };
    assert.deepEqual(termsOfFeed([service('1', 'One', [a, b]), service('2', 'Two', [b, { id: 'c', name: 'C' }])]).map((t) => t.id), ['a', 'b', 'c']);
    assert.deepEqual(termsOfFeed(seed.services), feedTerms(seed.services));
  });
});

describe('when a record was last checked', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  it('takes the provider\'s own check (assured_date) over the last change', () => {
    const check = recordChecked({ assuredDate: '2026-03-14', lastModified: '2026-11-01T09:00:00Z' }, now);
    assert.equal(check?.on.toISOString().slice(0, 10), '2026-03-14');
    assert.equal(check?.stale, false);
    assert.equal(formatMonth('en', check.on), 'March 2026');
    assert.equal(formatMonth('cy', check.on), 'Mawrth 2026');
  });
  it('falls back to last_modified, and says nothing when neither is given', () => {
    assert.equal(recordChecked({ lastModified: '2026-11-01T09:00:00Z' }, now)?.on.toISOString(), '2026-11-01T09:00:00.000Z');
    assert.equal(recordChecked({}, now), undefined);
    assert.equal(recordChecked({ assuredDate: 'not a date' }, now), undefined);
  });
  it('flags a record not checked for over a year, and treats a future date as now', () => {
    assert.equal(recordChecked({ assuredDate: '2025-12-02' }, now)?.stale, true);
    assert.equal(recordChecked({ assuredDate: '2025-12-04' }, now)?.stale, false);
    assert.equal(recordChecked({ lastModified: '2024-01-01T00:00:00Z' }, now)?.stale, true);
    const future = recordChecked({ assuredDate: '2031-01-01' }, now);
    assert.equal(future?.on.getTime(), now.getTime());
    assert.equal(future?.stale, false);
  });
  it('reads assured_date from the official ORUK example', () => {
    const example: unknown = JSON.parse(readFileSync(new URL('../fixtures/oruk-schemas/examples-V3.0-UK/service_full.json', import.meta.url), 'utf8'));
    const service = readV3Service(example).records[0];
    assert.equal(service?.assuredDate, '2005-01-01');
    assert.equal(recordChecked(service ?? {}, now)?.stale, true);
  });
});
