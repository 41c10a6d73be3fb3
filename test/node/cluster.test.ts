import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Coordinates } from '../../src/contract/directory.ts';
import { MAX_CLUSTER_ZOOM, clusterPoints, project, unproject, worldPixels } from '../../src/core/cluster.ts';

interface Place {
  id: string;
  coordinates: Coordinates;
}

const at = (place: Place) => place.coordinates;
const place = (id: string, lat: number, lng: number): Place => ({ id, coordinates: { lat, lng } });
const ids = (clusters: Array<{ members: Place[] }>) => clusters.map((cluster) => cluster.members.map((member) => member.id));

/** Screen distance in pixels between two points at a zoom. */
function pixelsApart(a: Coordinates, b: Coordinates, zoom: number): number {
  const pa = project(a);
  const pb = project(b);
  return Math.hypot(pa.x - pb.x, pa.y - pb.y) * worldPixels(zoom);
}

const LONDON = { lat: 51.5074, lng: -0.1278 };
const CARDIFF = { lat: 51.4816, lng: -3.1791 };

const inBritain: fc.Arbitrary<Coordinates> = fc.record({
  lat: fc.double({ min: 50, max: 58.5, noNaN: true }),
  lng: fc.double({ min: -7, max: 1.7, noNaN: true }),
});
/** A town-sized patch, where clusters form and split over the zooms a hub finder uses. */
const inOneTown: fc.Arbitrary<Coordinates> = fc.record({
  lat: fc.double({ min: 53.1, max: 53.14, noNaN: true }),
  lng: fc.double({ min: -3.34, max: -3.28, noNaN: true }),
});
const places = (where: fc.Arbitrary<Coordinates>, maxLength = 60) =>
  fc
    .array(
      fc.oneof(where, fc.constantFrom(LONDON, CARDIFF)).map((coordinates) => ({ coordinates })),
      { maxLength },
    )
    .map((list) => list.map(({ coordinates }, index) => ({ id: `p${index}`, coordinates })));
const zoom = fc.integer({ min: 0, max: 20 });
const cell = fc.integer({ min: 20, max: 120 });

describe('Web-Mercator projection', () => {
  it('puts (0, 0) in the middle of the world and round-trips', () => {
    assert.deepEqual(project({ lat: 0, lng: 0 }), { x: 0.5, y: 0.5 });
    const back = unproject(project(LONDON));
    assert.ok(Math.abs(back.lat - LONDON.lat) < 1e-9 && Math.abs(back.lng - LONDON.lng) < 1e-9);
  });

  it('clamps the poles instead of going to infinity', () => {
    assert.ok(Number.isFinite(project({ lat: 90, lng: 0 }).y));
    assert.ok(Number.isFinite(project({ lat: -90, lng: 0 }).y));
  });
});

describe('clusterPoints', () => {
  it('gives nothing for no points', () => {
    assert.deepEqual(clusterPoints([], at, 10), []);
  });

  it('keeps London and Cardiff apart at a city zoom and merges them when all of Britain is a few pixels', () => {
    const points = [place('london', LONDON.lat, LONDON.lng), place('cardiff', CARDIFF.lat, CARDIFF.lng)];
    assert.deepEqual(ids(clusterPoints(points, at, 8)), [['london'], ['cardiff']]);
    assert.deepEqual(ids(clusterPoints(points, at, 1)), [['london', 'cardiff']]);
  });

  it('puts a lone point exactly where it is', () => {
    const [only] = clusterPoints([place('a', 53.1149, -3.3107)], at, 12);
    assert.deepEqual(only?.center, { lat: 53.1149, lng: -3.3107 });
  });

  it('centres a cluster between its members', () => {
    const points = [place('a', 53.1, -3.3), place('b', 53.1002, -3.3002)];
    const [cluster] = clusterPoints(points, at, 10);
    assert.equal(cluster?.members.length, 2);
    assert.ok(Math.abs((cluster?.center.lat ?? 0) - 53.1001) < 1e-6);
    assert.ok(Math.abs((cluster?.center.lng ?? 0) - -3.3001) < 1e-6);
  });

  it('leaves out points with unusable coordinates', () => {
    const points = [place('a', 53.1, -3.3), place('nan', Number.NaN, -3.3), place('inf', 53, Number.POSITIVE_INFINITY)];
    assert.deepEqual(ids(clusterPoints(points, at, 10)), [['a']]);
  });

  it('treats fractional zooms as the whole zoom below, and zooms past the top as the top', () => {
    const points = [place('a', 53.1, -3.3), place('b', 53.1004, -3.3), place('c', 53.2, -3.1)];
    assert.deepEqual(clusterPoints(points, at, 13.9), clusterPoints(points, at, 13));
    assert.deepEqual(clusterPoints(points, at, MAX_CLUSTER_ZOOM + 5), clusterPoints(points, at, MAX_CLUSTER_ZOOM));
  });

  it('never merges points that are far apart on screen', () => {
    fc.assert(
      fc.property(places(inBritain), zoom, cell, (list, z, cellPixels) => {
        for (const cluster of clusterPoints(list, at, z, cellPixels)) {
          for (const a of cluster.members) {
            for (const b of cluster.members) {
              const apart = pixelsApart(a.coordinates, b.coordinates, z);
              assert.ok(apart <= 8 * cellPixels + 1e-6, `${a.id} and ${b.id} are ${apart}px apart at zoom ${z}`);
            }
          }
        }
      }),
    );
  });

  it('keeps two points alone when they are far apart and nothing is near them', () => {
    fc.assert(
      fc.property(inBritain, inBritain, zoom, cell, (a, b, z, cellPixels) => {
        fc.pre(pixelsApart(a, b, z) > 8 * cellPixels);
        const clusters = clusterPoints([{ id: 'a', coordinates: a }, { id: 'b', coordinates: b }], at, z, cellPixels);
        assert.deepEqual(ids(clusters), [['a'], ['b']]);
      }),
    );
  });

  it('always merges points at identical coordinates, whatever the zoom', () => {
    fc.assert(
      fc.property(places(inBritain, 30), fc.nat(), zoom, cell, (list, pick, z, cellPixels) => {
        fc.pre(list.length > 0);
        const twin = list[pick % list.length] as Place;
        const withTwins = [...list, { id: 'twin-1', coordinates: { ...twin.coordinates } }, { id: 'twin-2', coordinates: { ...twin.coordinates } }];
        const home = clusterPoints(withTwins, at, z, cellPixels).filter((cluster) =>
          cluster.members.some((member) => member.id === twin.id || member.id.startsWith('twin-')),
        );
        assert.equal(home.length, 1);
        const memberIds = home[0]?.members.map((member) => member.id);
        assert.ok(memberIds?.includes(twin.id) && memberIds.includes('twin-1') && memberIds.includes('twin-2'));
      }),
    );
  });

  it('puts every point in exactly one cluster, keeping input order', () => {
    fc.assert(
      fc.property(places(fc.oneof(inBritain, inOneTown), 80), zoom, cell, (list, z, cellPixels) => {
        const clusters = clusterPoints(list, at, z, cellPixels);
        const seen = clusters.flatMap((cluster) => cluster.members);
        assert.equal(seen.length, list.length);
        assert.deepEqual(new Set(seen), new Set(list));
        for (const cluster of clusters) {
          assert.ok(cluster.members.length > 0);
          const order = cluster.members.map((member) => list.indexOf(member));
          assert.deepEqual(order, [...order].sort((x, y) => x - y));
        }
        const firsts = clusters.map((cluster) => list.indexOf(cluster.members[0] as Place));
        assert.deepEqual(firsts, [...firsts].sort((x, y) => x - y));
      }),
    );
  });

  it('never gives fewer clusters at a higher zoom, and only splits clusters when zooming in', () => {
    fc.assert(
      fc.property(places(fc.oneof(inOneTown, inBritain), 80), zoom, zoom, cell, (list, z1, z2, cellPixels) => {
        const [low, high] = z1 <= z2 ? [z1, z2] : [z2, z1];
        const coarse = clusterPoints(list, at, low, cellPixels);
        const fine = clusterPoints(list, at, high, cellPixels);
        assert.ok(fine.length >= coarse.length, `${fine.length} clusters at zoom ${high} but ${coarse.length} at ${low}`);
        // Each fine cluster sits wholly inside one coarse cluster.
        const coarseOf = new Map<Place, number>();
        coarse.forEach((cluster, i) => cluster.members.forEach((member) => coarseOf.set(member, i)));
        for (const cluster of fine) {
          assert.equal(new Set(cluster.members.map((member) => coarseOf.get(member))).size, 1);
        }
      }),
    );
  });

  it('is deterministic: the same input always gives the same output', () => {
    fc.assert(
      fc.property(places(fc.oneof(inOneTown, inBritain), 60), zoom, cell, (list, z, cellPixels) => {
        const summary = (input: readonly Place[]) =>
          clusterPoints(input, at, z, cellPixels).map((cluster) => ({ center: cluster.center, ids: cluster.members.map((m) => m.id) }));
        const first = summary(list);
        assert.deepEqual(summary(list), first);
        // Equal values in fresh objects give the same answer: nothing depends on identity.
        assert.deepEqual(summary(list.map((p) => ({ id: p.id, coordinates: { lat: p.coordinates.lat, lng: p.coordinates.lng } }))), first);
      }),
    );
  });

  it('groups 30 places within a few hundred metres into one cluster at a county zoom and separates them at street level', () => {
    const town = Array.from({ length: 30 }, (_, i) => place(`h${i}`, 53.1149 + (i % 6) * 0.0005, -3.3107 + Math.floor(i / 6) * 0.0007));
    assert.equal(clusterPoints(town, at, 10).length, 1);
    assert.equal(clusterPoints(town, at, 10)[0]?.members.length, 30);
    assert.equal(clusterPoints(town, at, 19).length, 30);
  });

  it('clusters 2,000 points across Britain at every zoom from 0 to 18', () => {
    const points = fc.sample(inBritain, { numRuns: 2000, seed: 42 }).map((coordinates, i) => ({ id: `p${i}`, coordinates }));
    for (let z = 0; z <= 18; z++) {
      const clusters = clusterPoints(points, at, z);
      assert.equal(clusters.reduce((sum, cluster) => sum + cluster.members.length, 0), 2000);
    }
  });
});
