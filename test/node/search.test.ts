import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Coordinates, Location, Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import { distanceMetres } from '../../src/core/geo.ts';
import { ServiceIndex, highlightRanges, normaliseText } from '../../src/core/search.ts';

/** A minimal valid service; `extra` fills in whatever a test is about. */
function service(id: string, name: string, extra: Partial<Service> = {}): Service {
  return { id, name, status: 'active', taxonomyTerms: [], locations: [], schedules: [], ...extra };
}

function term(id: string, name: string, parentId?: string): TaxonomyTerm {
  return parentId === undefined ? { id, name } : { id, name, parentId };
}

function location(id: string, coordinates?: Coordinates, stepFree?: boolean): Location {
  const l: Location = { id, accessibility: [] };
  if (coordinates !== undefined) l.coordinates = coordinates;
  if (stepFree !== undefined) l.stepFree = stepFree;
  return l;
}

const ids = (response: { results: Array<{ service: Service }> }) => response.results.map((r) => r.service.id);

const RUTHIN = { lat: 53.1149, lng: -3.3107 };
const DENBIGH = { lat: 53.1842, lng: -3.4226 };
const WREXHAM = { lat: 53.0462, lng: -2.9931 };
const CARDIFF = { lat: 51.4816, lng: -3.1791 };

describe('normaliseText', () => {
  it('lower-cases, strips Welsh diacritics and collapses punctuation and spaces', () => {
    assert.equal(normaliseText('Caffi Cymraeg'), 'caffi cymraeg');
    assert.equal(normaliseText('Llŷn'), 'llyn');
    assert.equal(normaliseText('  Gŵyl   Fawr—Âr  Lân!! '), 'gwyl fawr ar lan');
    assert.equal(normaliseText('Pen-y-bont ar Ogwr, (Bridgend)'), 'pen y bont ar ogwr bridgend');
  });

  it('treats decomposed and precomposed text alike', () => {
    assert.equal(normaliseText('Ll\u0177n'), normaliseText('Lly\u0302n'));
    assert.equal(normaliseText('Lly\u0302n'), 'llyn');
  });

  it('drops apostrophes inside words rather than splitting them', () => {
    assert.equal(normaliseText("Women's group"), 'womens group');
    assert.equal(normaliseText('Siop y Dre’r Bala'), 'siop y drer bala');
  });

  it('keeps letters outside the Basic Multilingual Plane whole', () => {
    assert.equal(normaliseText('𐀀 Ḿawr'), '𐀀 mawr');
  });

  it('gives an empty string for nothing but punctuation', () => {
    assert.equal(normaliseText(' --- !? '), '');
    assert.equal(normaliseText(''), '');
  });
});

describe('ServiceIndex ranking', () => {
  const services = [
    service('desc', 'Friendly Faces', { description: 'Soup and a sandwich for lunch on Tuesdays.' }),
    service('org', 'Tuesday Table', { organization: { id: 'o1', name: 'Lunch Trust' } }),
    service('taxonomy', 'Friendship Group', { taxonomyTerms: [term('t-lunch', 'Lunch')] }),
    service('taxonomy-prefix', 'Get Together', { taxonomyTerms: [term('t-lunches', 'Lunches')] }),
    service('prefix', 'Lunchtime Social'),
    service('whole', 'Community Lunch'),
    service('unrelated', 'Walking Football', { description: 'Gentle football' }),
  ];
  const index = new ServiceIndex(services);

  it('puts whole-word name matches first, then name prefixes, taxonomy, organisation, description', () => {
    assert.deepEqual(ids(index.search('lunch')), ['whole', 'prefix', 'taxonomy', 'taxonomy-prefix', 'org', 'desc']);
    const scores = index.search('lunch').results.map((r) => r.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    assert.ok(new Set(scores).size === scores.length, 'each kind of match scores differently');
  });

  it('breaks score ties by name in English collation, then by id', () => {
    const tied = new ServiceIndex([
      service('3', 'Zest lunch'),
      service('2', 'apple lunch'),
      service('1b', 'Banana lunch'),
      service('1a', 'Banana lunch'),
    ]);
    // Code-unit order would put 'Banana' before 'apple'.
    assert.deepEqual(ids(tied.search('lunch')), ['2', '1a', '1b', '3']);
  });

  it('returns everything, by name, for an empty or punctuation-only query', () => {
    const byName = ['whole', 'desc', 'taxonomy', 'taxonomy-prefix', 'prefix', 'org', 'unrelated'];
    assert.deepEqual(ids(index.search('')), byName);
    assert.deepEqual(ids(index.search('  ?! ')), byName);
    assert.ok(index.search('').results.every((r) => r.score === 0));
    assert.equal(index.size, services.length);
  });

  it('matches word starts only, not the middle of words', () => {
    assert.deepEqual(ids(index.search('foot')), ['unrelated']);
    assert.deepEqual(ids(index.search('ootball')), []);
    assert.deepEqual(ids(index.search('lunchtimes')), []);
  });
});

describe('ServiceIndex matching', () => {
  const services = [
    service('caffi', 'Caffi Cymraeg Llŷn', { description: 'Sgwrs dros baned' }),
    service('llyn', 'Llyn Tegid Walks'),
    service('club', 'Lunch Club', { description: 'Hot meals for older people' }),
    service('club-in-desc', 'Dinner Time', { description: 'A lunch for everyone, run as a club' }),
    service('lunch-only', 'Lunch Bunch'),
    service('club-only', 'Book Club'),
  ];
  const index = new ServiceIndex(services);

  it('finds Welsh names whichever way the accents are typed', () => {
    assert.deepEqual(ids(index.search('llyn')), ['caffi', 'llyn']);
    assert.deepEqual(ids(index.search('LLŶN')), ['caffi', 'llyn']);
    assert.deepEqual(ids(index.search('llŷn tegid')), ['llyn']);
    assert.deepEqual(ids(index.search('caffi')), ['caffi']);
  });

  it('matches prefixes as they are typed', () => {
    assert.deepEqual(ids(index.search('c')), ['club-only', 'caffi', 'club', 'club-in-desc']);
    assert.deepEqual(ids(index.search('cym')), ['caffi']);
    assert.deepEqual(ids(index.search('cymraeg')), ['caffi']);
  });

  it('needs every word of a multi-word query, in any field', () => {
    assert.deepEqual(ids(index.search('lunch club')), ['club', 'club-in-desc']);
    assert.deepEqual(ids(index.search('club lunch')), ['club', 'club-in-desc']);
    assert.deepEqual(ids(index.search('lunch club older')), ['club']);
    assert.deepEqual(ids(index.search('lunch zebra')), []);
  });
});

describe('ServiceIndex filters', () => {
  const services = [
    service('a', 'Art Group', {
      free: true,
      taxonomyTerms: [term('creative', 'Creative activities', 'activities')],
      locations: [location('a1', WREXHAM, false), location('a2', RUTHIN, true)],
    }),
    service('b', 'Bowls', {
      free: false,
      taxonomyTerms: [term('sport', 'Sport', 'activities')],
      locations: [location('b1', DENBIGH, false)],
    }),
    service('c', 'Citizens Advice', {
      taxonomyTerms: [term('advice', 'Advice')],
      locations: [location('c1', CARDIFF, true)],
    }),
    service('d', 'Debt Helpline', { free: true, taxonomyTerms: [term('advice', 'Advice')], locations: [location('d1')] }),
  ];
  const index = new ServiceIndex(services);

  it('keeps services with any of the taxonomy ids, or a child of one', () => {
    assert.deepEqual(ids(index.search('', { taxonomyIds: ['advice'] })), ['c', 'd']);
    assert.deepEqual(ids(index.search('', { taxonomyIds: ['sport', 'advice'] })), ['b', 'c', 'd']);
    assert.deepEqual(ids(index.search('', { taxonomyIds: ['activities'] })), ['a', 'b']);
    assert.deepEqual(ids(index.search('', { taxonomyIds: ['nothing'] })), []);
    // Nothing ticked means no filter.
    assert.deepEqual(ids(index.search('', { taxonomyIds: [] })), ['a', 'b', 'c', 'd']);
  });

  it('keeps only services known to be free', () => {
    assert.deepEqual(ids(index.search('', { free: true })), ['a', 'd']);
    assert.deepEqual(ids(index.search('', { free: false })), ['a', 'b', 'c', 'd']);
  });

  it('keeps only services with a step-free location', () => {
    assert.deepEqual(ids(index.search('', { stepFree: true })), ['a', 'c']);
  });

  it('measures to the nearest location and sorts an empty query by distance, unmeasurable last', () => {
    const response = index.search('', { near: { point: RUTHIN } });
    assert.deepEqual(ids(response), ['a', 'b', 'c', 'd']);
    assert.deepEqual(
      response.results.map((r) => r.metres),
      [0, distanceMetres(RUTHIN, DENBIGH), distanceMetres(RUTHIN, CARDIFF), undefined],
    );
    assert.equal('metres' in (response.results[3] ?? {}), false, 'no metres key when there is nothing to measure');
    assert.deepEqual(ids(index.search('', { near: { point: CARDIFF } })), ['c', 'a', 'b', 'd']);
  });

  it('orders services at the same distance by name', () => {
    // The nearest comes last by name, so paging has to displace a tie.
    const sameSpot = new ServiceIndex([
      service('1', 'Boxing', { locations: [location('b', DENBIGH)] }),
      service('2', 'Aerobics', { locations: [location('a', DENBIGH)] }),
      service('3', 'Zumba', { locations: [location('z', RUTHIN)] }),
    ]);
    assert.deepEqual(ids(sameSpot.search('', { near: { point: RUTHIN } })), ['3', '2', '1']);
    assert.deepEqual(ids(sameSpot.search('', { near: { point: RUTHIN } }, { limit: 2 })), ['3', '2']);
  });

  it('leaves out services beyond withinMetres or without coordinates', () => {
    const within = distanceMetres(RUTHIN, DENBIGH);
    assert.deepEqual(ids(index.search('', { near: { point: RUTHIN, withinMetres: within } })), ['a', 'b']);
    assert.deepEqual(ids(index.search('', { near: { point: RUTHIN, withinMetres: within - 1 } })), ['a']);
  });

  it('keeps the score order for a non-empty query with near, adding distances', () => {
    const response = index.search('advice', { near: { point: RUTHIN } });
    assert.deepEqual(ids(response), ['c', 'd']);
    assert.equal(response.results[0]?.metres, distanceMetres(RUTHIN, CARDIFF));
  });

  it('applies the injected openNow predicate', () => {
    const asked: string[] = [];
    const openNow = (s: Service) => {
      asked.push(s.id);
      return s.id !== 'b';
    };
    assert.deepEqual(ids(index.search('', { openNow })), ['a', 'c', 'd']);
    assert.deepEqual(asked.sort(), ['a', 'b', 'c', 'd']);
  });

  it('combines filters with AND', () => {
    assert.deepEqual(ids(index.search('', { free: true, stepFree: true })), ['a']);
    assert.deepEqual(ids(index.search('', { taxonomyIds: ['advice'], free: true, near: { point: RUTHIN, withinMetres: 1_000_000 } })), []);
  });
});

describe('ServiceIndex pagination', () => {
  const services = Array.from({ length: 25 }, (_, i) => service(`s${String(i).padStart(2, '0')}`, `Group ${String(i).padStart(2, '0')}`));
  const index = new ServiceIndex(services);

  it('pages with limit and offset, and reports the total before paging', () => {
    const all = ids(index.search('group'));
    assert.equal(all.length, 25);
    const page2 = index.search('group', {}, { limit: 10, offset: 10 });
    assert.equal(page2.total, 25);
    assert.deepEqual(ids(page2), all.slice(10, 20));
    const last = index.search('group', {}, { limit: 10, offset: 20 });
    assert.equal(last.total, 25);
    assert.deepEqual(ids(last), all.slice(20));
    assert.deepEqual(ids(index.search('group', {}, { offset: 30 })), []);
    assert.deepEqual(ids(index.search('group', {}, { limit: 0 })), []);
    assert.equal(index.search('group', {}, { limit: 0 }).total, 25);
    assert.equal(index.search('group 1', {}, { limit: 3 }).total, 10);
  });
});

describe('highlightRanges', () => {
  const marked = (text: string, query: string) => highlightRanges(text, query).map(([start, end]) => text.slice(start, end));

  it('maps matches back to the original text, accents and all', () => {
    assert.deepEqual(highlightRanges('Caffi Llŷn', 'llyn'), [[6, 10]]);
    assert.deepEqual(marked('Caffi Llŷn', 'llyn'), ['Llŷn']);
    assert.deepEqual(marked('Gŵyl Fawr Llŷn', 'GWYL llŷ'), ['Gŵyl', 'Llŷ']);
  });

  it('keeps a combining accent with its letter in decomposed text', () => {
    const text = 'Ll\u0079\u0302n a Gw\u0302yl';
    assert.deepEqual(marked(text, 'lly gw'), ['Lly\u0302', 'Gw\u0302']);
  });

  it('marks only the typed start of a word, and the longest query word', () => {
    assert.deepEqual(marked('Caffi Cymraeg', 'caf'), ['Caf']);
    assert.deepEqual(marked('Llŷn a Lleyn', 'l'), ['L', 'L']);
    assert.deepEqual(marked('Lunch Club: lunch', 'lun lunch cl'), ['Lunch', 'Cl', 'lunch']);
  });

  it('counts offsets in UTF-16 units past emoji and apostrophes', () => {
    assert.deepEqual(marked('🎨 Art & Craft', 'art craft'), ['Art', 'Craft']);
    assert.deepEqual(highlightRanges('🎨 Art', 'art'), [[3, 6]]);
    // A letter outside the BMP is two units in the normalised text too.
    assert.deepEqual(marked('𐀀 Ḿawr', 'ma'), ['Ḿa']);
    assert.deepEqual(marked("Women's Shed", 'womens'), ["Women's"]);
  });

  it('returns nothing when nothing matches or the query is empty', () => {
    assert.deepEqual(highlightRanges('Lunch Club', 'dinner'), []);
    assert.deepEqual(highlightRanges('Lunch Club', '  '), []);
    assert.deepEqual(highlightRanges('', 'lunch'), []);
  });
});

describe('search properties', () => {
  const words = ['Lunch', 'Club', 'Caffi', 'Cymraeg', 'Llŷn', 'Gŵyl', 'Art', 'Arts', 'Walking', 'Football', "Men's", 'Shed', 'Advice', 'Bws', 'Âr'];
  const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
  const arbitraryService = fc.record({
    name: text,
    description: fc.option(text, { nil: undefined }),
    org: fc.option(text, { nil: undefined }),
    terms: fc.array(text, { maxLength: 2 }),
  });
  const arbitraryServices = fc.array(arbitraryService, { maxLength: 30 }).map((records) =>
    records.map((r, i) => {
      const s = service(`s${i}`, r.name, { taxonomyTerms: r.terms.map((t, j) => term(`t${i}-${j}`, t)) });
      if (r.description !== undefined) s.description = r.description;
      if (r.org !== undefined) s.organization = { id: `o${i}`, name: r.org };
      return s;
    }),
  );
  // Half the queries are built from prefixes of the fixture words, so results are not all empty.
  const query = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc
      .array(
        fc.tuple(fc.constantFrom(...words), fc.nat(8)).map(([w, n]) => w.slice(0, n + 1)),
        { minLength: 1, maxLength: 3 },
      )
      .map((w) => w.join(' ')),
  );

  const searchable = (s: Service) =>
    [s.name, s.description ?? '', s.organization?.name ?? '', ...s.taxonomyTerms.map((t) => t.name)].flatMap((f) => normaliseText(f).split(' '));

  it('never throws, and returns exactly the services in which every query word starts a word', () => {
    fc.assert(
      fc.property(arbitraryServices, query, (services, q) => {
        const response = new ServiceIndex(services).search(q);
        const queryWords = normaliseText(q).split(' ').filter((w) => w !== '');
        for (const { service: s } of response.results) {
          const tokens = searchable(s);
          for (const w of queryWords) assert.ok(tokens.some((t) => t.startsWith(w)), `${s.name} lacks ${w}`);
        }
        const expected = services.filter((s) => queryWords.every((w) => searchable(s).some((t) => t.startsWith(w))));
        assert.equal(response.total, expected.length);
        assert.deepEqual(new Set(ids(response)), new Set(expected.map((s) => s.id)));
      }),
    );
  });

  it('keeps exactly the services with a location within the radius, edges included', () => {
    const located = fc.array(fc.array(fc.record({ lat: fc.double({ min: 52.9, max: 53.3, noNaN: true }), lng: fc.double({ min: -3.7, max: -2.9, noNaN: true }) }), { maxLength: 3 }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(located, fc.nat(), fc.double({ min: 0, max: 30_000, noNaN: true }), (placesPerService, pickEdge, radius) => {
        const services = placesPerService.map((places, i) => service(`s${i}`, `Service ${i}`, { locations: places.map((c, j) => location(`l${i}-${j}`, c)) }));
        // Half the time the radius runs exactly through one of the locations.
        const all = placesPerService.flat();
        const edge = all.length > 0 && pickEdge % 2 === 0 ? all[pickEdge % all.length] : undefined;
        const withinMetres = edge === undefined ? radius : distanceMetres(RUTHIN, edge);
        const response = new ServiceIndex(services).search('', { near: { point: RUTHIN, withinMetres } });
        const expected = placesPerService.flatMap((places, i) => (places.some((c) => distanceMetres(RUTHIN, c) <= withinMetres) ? [`s${i}`] : []));
        assert.deepEqual(new Set(ids(response)), new Set(expected));
        for (const r of response.results) {
          assert.equal(r.metres, Math.min(...r.service.locations.map((l) => distanceMetres(RUTHIN, l.coordinates ?? RUTHIN))));
        }
      }),
    );
  });

  it('pages through the same order as one unpaged search, by distance or by score', () => {
    const place = fc.record({ lat: fc.double({ min: 52.9, max: 53.3, noNaN: true }), lng: fc.double({ min: -3.7, max: -2.9, noNaN: true }) });
    const entry = fc.record({ name: fc.constantFrom('Lunch Club', 'Lunch', 'Club Lunch', 'Caffi', 'Lunchtime'), places: fc.array(place, { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.nat(70), fc.nat(30), fc.constantFrom('', 'lunch', 'lu c'), (entries, offset, limit, q) => {
        const index = new ServiceIndex(entries.map((e, i) => service(`s${i}`, e.name, { locations: e.places.map((c, j) => location(`l${i}-${j}`, c)) })));
        const filters = { near: { point: RUTHIN } };
        const all = ids(index.search(q, filters));
        const page = index.search(q, filters, { offset, limit });
        assert.deepEqual(ids(page), all.slice(offset, offset + limit));
        assert.equal(page.total, all.length);
      }),
    );
  });

  it('highlights only in-bounds, ordered, non-overlapping ranges that start with a query word', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 30 })), query, (t, q) => {
        const queryWords = normaliseText(q).split(' ').filter((w) => w !== '');
        let previousEnd = 0;
        for (const [start, end] of highlightRanges(t, q)) {
          assert.ok(start >= previousEnd && start < end && end <= t.length);
          previousEnd = end;
          const marked = normaliseText(t.slice(start, end));
          assert.ok(queryWords.includes(marked), `${JSON.stringify(marked)} is not one of ${JSON.stringify(queryWords)}`);
        }
      }),
    );
  });
});
