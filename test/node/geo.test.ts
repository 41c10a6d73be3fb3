import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Coordinates } from '../../src/contract/directory.ts';
import {
  EARTH_RADIUS_METRES,
  boundingBox,
  boundingBoxAround,
  distanceMetres,
  isInUk,
  looksLikePostcode,
  metresToMiles,
  milesToMetres,
  nearest,
  parsePostcode,
} from '../../src/core/geo.ts';

const LONDON = { lat: 51.5074, lng: -0.1278 };
const CARDIFF = { lat: 51.4816, lng: -3.1791 };
const RUTHIN = { lat: 53.1149, lng: -3.3107 };
const WREXHAM = { lat: 53.0462, lng: -2.9931 };
const ABERYSTWYTH = { lat: 52.4153, lng: -4.0829 };

const latitude = fc.double({ min: -90, max: 90, noNaN: true });
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const anywhere: fc.Arbitrary<Coordinates> = fc.record({ lat: latitude, lng: longitude });
/** Points packed into Wales, where a real search happens and the prefilter does most work. */
const inWales: fc.Arbitrary<Coordinates> = fc.record({
  lat: fc.double({ min: 51.3, max: 53.5, noNaN: true }),
  lng: fc.double({ min: -5.4, max: -2.6, noNaN: true }),
});

describe('distanceMetres', () => {
  it('measures London to Cardiff as about 211 km', () => {
    const metres = distanceMetres(LONDON, CARDIFF);
    assert.ok(Math.abs(metres - 211_000) < 1000, `got ${metres}`);
  });

  it('measures a quarter meridian and half the equator exactly', () => {
    assert.ok(Math.abs(distanceMetres({ lat: 0, lng: 0 }, { lat: 90, lng: 0 }) - (Math.PI / 2) * EARTH_RADIUS_METRES) < 1e-6);
    assert.ok(Math.abs(distanceMetres({ lat: 0, lng: -90 }, { lat: 0, lng: 90 }) - Math.PI * EARTH_RADIUS_METRES) < 1e-6);
  });

  it('is zero for the same point, and does not care about the order or the antimeridian', () => {
    assert.equal(distanceMetres(RUTHIN, RUTHIN), 0);
    assert.equal(distanceMetres(RUTHIN, WREXHAM), distanceMetres(WREXHAM, RUTHIN));
    // 0.2° of longitude at the equator, across ±180.
    const across = distanceMetres({ lat: 0, lng: 179.9 }, { lat: 0, lng: -179.9 });
    assert.ok(Math.abs(across - 0.2 * (Math.PI / 180) * EARTH_RADIUS_METRES) < 1e-3, `got ${across}`);
  });

  it('is never NaN, even for antipodes', () => {
    fc.assert(
      fc.property(anywhere, (a) => {
        const antipode = { lat: -a.lat, lng: a.lng > 0 ? a.lng - 180 : a.lng + 180 };
        const d = distanceMetres(a, antipode);
        return Number.isFinite(d) && Math.abs(d - Math.PI * EARTH_RADIUS_METRES) < 1;
      }),
    );
  });
});

describe('miles', () => {
  it('converts with the statute mile', () => {
    assert.equal(milesToMetres(1), 1609.344);
    assert.equal(metresToMiles(1609.344 * 5), 5);
    assert.ok(Math.abs(metresToMiles(milesToMetres(3.7)) - 3.7) < 1e-12);
  });
});

describe('nearest', () => {
  const towns = [
    { id: 'cardiff', at: CARDIFF },
    { id: 'nowhere', at: undefined },
    { id: 'wrexham', at: WREXHAM },
    { id: 'london', at: LONDON },
    { id: 'aberystwyth', at: ABERYSTWYTH },
  ];
  const at = (t: { at: Coordinates | undefined }) => t.at;

  it('returns the nearest K, nearest first, with distances, skipping items without coordinates', () => {
    const found = nearest(RUTHIN, towns, 3, at);
    assert.deepEqual(
      found.map((f) => f.item.id),
      ['wrexham', 'aberystwyth', 'cardiff'],
    );
    assert.equal(found[0]?.metres, distanceMetres(RUTHIN, WREXHAM));
    assert.deepEqual(
      nearest(RUTHIN, towns, 10, at).map((f) => f.item.id),
      ['wrexham', 'aberystwyth', 'cardiff', 'london'],
    );
  });

  it('returns nothing for k of zero, a negative k or no items', () => {
    assert.deepEqual(nearest(RUTHIN, towns, 0, at), []);
    assert.deepEqual(nearest(RUTHIN, towns, -2, at), []);
    assert.deepEqual(nearest(RUTHIN, [], 5, at), []);
  });

  it('leaves out items beyond withinMetres, and keeps one exactly at it', () => {
    const toAberystwyth = distanceMetres(RUTHIN, ABERYSTWYTH);
    assert.deepEqual(
      nearest(RUTHIN, towns, 10, at, { withinMetres: toAberystwyth }).map((f) => f.item.id),
      ['wrexham', 'aberystwyth'],
    );
    assert.deepEqual(
      nearest(RUTHIN, towns, 10, at, { withinMetres: toAberystwyth - 1 }).map((f) => f.item.id),
      ['wrexham'],
    );
  });

  it('keeps the input order among items at the same distance', () => {
    const same = ['c', 'a', 'b', 'd'].map((id) => ({ id, at: WREXHAM }));
    assert.deepEqual(
      nearest(RUTHIN, same, 3, at).map((f) => f.item.id),
      ['c', 'a', 'b'],
    );
  });

  /** What nearest must equal: every item measured, stably sorted, cut. */
  function bruteForce(origin: Coordinates, points: ReadonlyArray<Coordinates | undefined>, k: number, within = Infinity) {
    return points
      .flatMap((p, i) => (p === undefined ? [] : [{ i, metres: distanceMetres(origin, p) }]))
      .filter((x) => x.metres <= within)
      .sort((a, b) => a.metres - b.metres)
      .slice(0, Math.max(0, k))
      .map((x) => x.i);
  }

  it('matches a full haversine sort for arbitrary points anywhere on Earth', () => {
    fc.assert(
      fc.property(anywhere, fc.array(fc.option(anywhere, { freq: 8 }), { maxLength: 200 }), fc.nat(40), (origin, points, k) => {
        const got = nearest(origin, points.map((p, i) => ({ i, p: p ?? undefined })), k, (x) => x.p);
        assert.deepEqual(
          got.map((g) => g.item.i),
          bruteForce(origin, points.map((p) => p ?? undefined), k),
        );
      }),
    );
  });

  it('matches a full haversine sort for dense points, duplicates and a radius', () => {
    const withDuplicates = fc.array(inWales, { minLength: 1, maxLength: 20 }).chain((pool) => fc.array(fc.constantFrom(...pool), { maxLength: 300 }));
    fc.assert(
      fc.property(inWales, withDuplicates, fc.nat(25), fc.option(fc.double({ min: 0, max: 200_000, noNaN: true })), (origin, points, k, within) => {
        const options = within === null ? {} : { withinMetres: within };
        const got = nearest(origin, points.map((p, i) => ({ i, p })), k, (w) => w.p, options);
        const expected = bruteForce(origin, points, k, within ?? Infinity);
        assert.deepEqual(
          got.map((g) => g.item.i),
          expected,
        );
        assert.deepEqual(
          got.map((g) => g.metres),
          expected.map((i) => distanceMetres(origin, points[i] ?? origin)),
        );
      }),
    );
  });

  it('matches a full haversine sort near the poles and across the antimeridian', () => {
    // Where a naive equirectangular prefilter goes wrong: longitude shrinks
    // towards the poles, and -179.9° is next to 179.9°.
    const polar = fc.record({ lat: fc.double({ min: 75, max: 90, noNaN: true }), lng: longitude });
    const antimeridian = fc.record({
      lat: fc.double({ min: -60, max: 60, noNaN: true }),
      lng: fc.oneof(fc.double({ min: 178, max: 180, noNaN: true }), fc.double({ min: -180, max: -178, noNaN: true })),
    });
    for (const region of [polar, antimeridian]) {
      fc.assert(
        fc.property(region, fc.array(region, { maxLength: 200 }), fc.nat(15), (origin, points, k) => {
          const got = nearest(origin, points.map((p, i) => ({ i, p })), k, (x) => x.p);
          assert.deepEqual(
            got.map((g) => g.item.i),
            bruteForce(origin, points, k),
          );
        }),
      );
    }
  });
});

describe('bounding boxes', () => {
  it('boundingBox spans the points, and is undefined for none', () => {
    assert.equal(boundingBox([]), undefined);
    assert.deepEqual(boundingBox([RUTHIN]), { south: RUTHIN.lat, west: RUTHIN.lng, north: RUTHIN.lat, east: RUTHIN.lng });
    assert.deepEqual(boundingBox([RUTHIN, CARDIFF, LONDON, ABERYSTWYTH]), {
      south: CARDIFF.lat,
      west: ABERYSTWYTH.lng,
      north: RUTHIN.lat,
      east: LONDON.lng,
    });
  });

  it('boundingBoxAround reaches exactly the radius north, south and at its widest', () => {
    const metres = 25_000;
    const box = boundingBoxAround(RUTHIN, metres);
    assert.ok(Math.abs(distanceMetres(RUTHIN, { lat: box.north, lng: RUTHIN.lng }) - metres) < 0.01);
    assert.ok(Math.abs(distanceMetres(RUTHIN, { lat: box.south, lng: RUTHIN.lng }) - metres) < 0.01);
    // The circle touches the east edge at the tangent point, a little poleward of the centre.
    const radius = metres / EARTH_RADIUS_METRES;
    const tangentLat = (Math.asin(Math.sin(RUTHIN.lat * (Math.PI / 180)) / Math.cos(radius)) * 180) / Math.PI;
    assert.ok(Math.abs(distanceMetres(RUTHIN, { lat: tangentLat, lng: box.east }) - metres) < 0.01);
    assert.ok(Math.abs(box.east - RUTHIN.lng - (RUTHIN.lng - box.west)) < 1e-9);
  });

  it('boundingBoxAround holds every point within the radius', () => {
    fc.assert(
      fc.property(
        fc.record({ lat: fc.double({ min: -85, max: 85, noNaN: true }), lng: fc.double({ min: -170, max: 170, noNaN: true }) }),
        fc.double({ min: 1, max: 500_000, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { maxLength: 50 }),
        (center, metres, offsets) => {
          const box = boundingBoxAround(center, metres);
          const spread = (metres / EARTH_RADIUS_METRES) * (180 / Math.PI) * 3;
          for (const [dy, dx] of offsets) {
            const p = { lat: Math.max(-90, Math.min(90, center.lat + dy * spread)), lng: center.lng + dx * spread * 4 };
            if (p.lng < -180 || p.lng > 180 || distanceMetres(center, p) > metres) continue;
            assert.ok(p.lat >= box.south && p.lat <= box.north && p.lng >= box.west && p.lng <= box.east, JSON.stringify({ p, box }));
          }
        },
      ),
    );
  });

  it('boundingBoxAround takes every longitude once the circle reaches a pole', () => {
    assert.deepEqual(boundingBoxAround({ lat: 89.9, lng: 10 }, 50_000), { south: 89.9 - (50_000 / EARTH_RADIUS_METRES) * (180 / Math.PI), west: -180, north: 90, east: 180 });
    assert.deepEqual(boundingBoxAround({ lat: 0, lng: 0 }, 30_000_000), { south: -90, west: -180, north: 90, east: 180 });
  });
});

describe('isInUk', () => {
  it('takes in the corners of the UK', () => {
    for (const place of [
      { lat: 60.155, lng: -1.145 }, // Lerwick, Shetland
      { lat: 49.914, lng: -6.315 }, // St Mary's, Scilly
      { lat: 54.597, lng: -5.93 }, // Belfast
      { lat: 54.344, lng: -7.639 }, // Enniskillen
      { lat: 52.481, lng: 1.753 }, // Lowestoft
      RUTHIN,
      CARDIFF,
    ]) {
      assert.equal(isInUk(place), true, JSON.stringify(place));
    }
  });

  it('leaves out elsewhere, zeroed and swapped coordinates', () => {
    for (const place of [
      { lat: 48.857, lng: 2.352 }, // Paris
      { lat: 0, lng: 0 },
      { lat: -3.1791, lng: 51.4816 }, // Cardiff with lat and lng swapped
      { lat: 40.713, lng: -74.006 }, // New York
    ]) {
      assert.equal(isInUk(place), false, JSON.stringify(place));
    }
  });
});

describe('parsePostcode', () => {
  const table: Array<[string, ReturnType<typeof parsePostcode>]> = [
    ['SW1A 2AA', { kind: 'postcode', postcode: 'SW1A 2AA', outcode: 'SW1A' }],
    ['sw1a2aa', { kind: 'postcode', postcode: 'SW1A 2AA', outcode: 'SW1A' }],
    ['  ll15   1aa  ', { kind: 'postcode', postcode: 'LL15 1AA', outcode: 'LL15' }],
    ['CF10 1AA.', { kind: 'postcode', postcode: 'CF10 1AA', outcode: 'CF10' }],
    ['(sy1 1aa),', { kind: 'postcode', postcode: 'SY1 1AA', outcode: 'SY1' }],
    ['m1-1ae', { kind: 'postcode', postcode: 'M1 1AE', outcode: 'M1' }],
    ['SW1A 2A0', { kind: 'postcode', postcode: 'SW1A 2AO', outcode: 'SW1A' }],
    ['SY1', { kind: 'outcode', outcode: 'SY1' }],
    ['ll15', { kind: 'outcode', outcode: 'LL15' }],
    ['CF10', { kind: 'outcode', outcode: 'CF10' }],
    [' ec1a! ', { kind: 'outcode', outcode: 'EC1A' }],
    ['SY99 ZZZZ', { kind: 'invalid' }],
    ['12345', { kind: 'invalid' }],
    ['1012100', { kind: 'invalid' }],
    ['AiiAA', { kind: 'invalid' }],
    ['Llŷn 1AA', { kind: 'invalid' }],
    ['ＳＹ１ １ＡＡ', { kind: 'postcode', postcode: 'SY1 1AA', outcode: 'SY1' }],
    ['LL15 1', { kind: 'invalid' }],
    ['LL', { kind: 'invalid' }],
    ['1AA', { kind: 'invalid' }],
    ['Ruthin', { kind: 'invalid' }],
    ['', { kind: 'invalid' }],
  ];
  for (const [input, expected] of table) {
    it(`reads ${JSON.stringify(input)} as ${expected.kind}`, () => {
      assert.deepEqual(parsePostcode(input), expected);
    });
  }

  it('never throws, and anything it accepts looks like a postcode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (input) => {
        const parsed = parsePostcode(input);
        if (parsed.kind !== 'invalid') assert.equal(looksLikePostcode(input), true, JSON.stringify(input));
      }),
    );
  });
});

describe('looksLikePostcode', () => {
  const table: Array<[string, boolean]> = [
    ['LL15 1AA', true],
    ['ll151aa', true],
    ['LL15', true],
    ['sy1.', true],
    ['SY99 ZZZZ', true],
    ['12345', true],
    ['Ruthin', false],
    ['Ruthin LL15', false],
    ['Llandudno Junction', false],
    ['Pen-y-bont', false],
    ['Llŷn 1', false],
    ['', false],
    ['   ', false],
  ];
  for (const [input, expected] of table) {
    it(`says ${JSON.stringify(input)} ${expected ? 'is' : 'is not'} a postcode attempt`, () => {
      assert.equal(looksLikePostcode(input), expected);
    });
  }
});
