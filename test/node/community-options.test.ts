import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Coordinates, Location, Service } from '../../src/contract/directory.ts';
import type { Answers } from '../../src/contract/questionnaire.ts';
import {
  COMMUNITY_OPTIONS_WITHIN_METRES,
  communityNeeds,
  communityOptions,
  suggestCommunityOptions,
  termNamesOf,
  termsInWords,
  type CommunityOption,
} from '../../src/core/community-options.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { outcome } from '../../src/core/questionnaire.ts';
import { loadQuestionnaires } from '../../server/questionnaires.ts';
import { distanceMetres, milesToMetres } from '../../src/core/geo.ts';
import { ServiceIndex, normaliseText } from '../../src/core/search.ts';
import { seed } from '../../server/seed/index.ts';

/** A minimal valid service: `terms` are taxonomy term names, `at` its locations' coordinates. */
function service(id: string, name: string, extra: { terms?: string[]; at?: Array<Coordinates | undefined> } & Partial<Service> = {}): Service {
  const { terms = [], at = [], ...rest } = extra;
  const locations = at.map((coordinates, i): Location => {
    const l: Location = { id: `${id}-loc-${i}`, accessibility: [] };
    if (coordinates !== undefined) l.coordinates = coordinates;
    return l;
  });
  return {
    id,
    name,
    status: 'active',
    taxonomyTerms: terms.map((t, i) => ({ id: `${id}-term-${i}`, name: t })),
    locations,
    schedules: [],
    ...rest,
  };
}

const ids = (options: ReadonlyArray<{ service: Service }>) => options.map((o) => o.service.id);
const terms = (options: readonly CommunityOption[]) => options.map((o) => o.term);

// Points due north of HOME, roughly 1.1 km per 0.01°.
const HOME = { lat: 52.7, lng: -2.8 };
const north = (km: number): Coordinates => ({ lat: HOME.lat + km / 111.2, lng: HOME.lng });

describe('communityOptions: matching', () => {
  it('gives nothing for no terms, or for terms with nothing to search for', () => {
    const services = [service('a', 'Lunch club', { terms: ['Lunch club'] })];
    assert.deepEqual(communityOptions(services, []), []);
    assert.deepEqual(communityOptions(services, ['', "  '' -- "]), []);
    assert.deepEqual(communityOptions([], ['Lunch club']), []);
  });

  it('matches every word of a term, anywhere the index looks', () => {
    const services = [
      service('name', 'Tuesday lunch club'),
      service('desc', 'The Old School', { description: 'A club with a hot lunch on Fridays.' }),
      service('org', 'Fridays at one', { organization: { id: 'o', name: 'Lunch Club Volunteers' } }),
      service('half', 'Lunch deliveries'),
      service('none', 'Book club'),
    ];
    assert.deepEqual(ids(communityOptions(services, ['Lunch club'])).sort(), ['desc', 'name', 'org']);
  });

  it('puts services tagged with the term itself before ones that only mention its words', () => {
    const services = [
      // The index scores a name match above a taxonomy match...
      service('mentions', 'Lunch club news', { terms: ['Newsletter'] }),
      // ...but this one is tagged "Lunch club", and tagging is deliberate.
      service('tagged', 'Friday friends', { terms: ['LUNCH   CLUB!'] }),
    ];
    const index = new ServiceIndex(services);
    assert.deepEqual(ids(index.search('Lunch club').results), ['mentions', 'tagged']);
    assert.deepEqual(ids(communityOptions(services, ['Lunch club'])), ['tagged', 'mentions']);
  });

  it('compares taxonomy names ignoring case, accents and apostrophes', () => {
    const services = [service('words', 'Cafe for people with dementia'), service('tagged', 'Y Caffi', { terms: ['dementia cafe'] })];
    assert.deepEqual(ids(communityOptions(services, ['Dementia café'])), ['tagged', 'words']);
    assert.deepEqual(terms(communityOptions(services, ['Dementia café'])), ['Dementia café', 'Dementia café']);
  });

  it("handles punctuation in a term like \"Carers' group\"", () => {
    const services = [
      service('tagged', 'Tuesday afternoons', { terms: ['Carers’ group'] }),
      service('named', "Ruthin carers' support group"),
      service('carer', 'Carer group'), // "carers" must start a word; "carer" does not
      service('other', 'Walking group'),
    ];
    const found = communityOptions(services, ["Carers' group"]);
    assert.deepEqual(ids(found), ['tagged', 'named']);
    assert.ok(found.every((o) => o.term === "Carers' group"));
  });

  it('never suggests inactive or defunct services, but keeps temporarily closed ones', () => {
    const services = [
      service('inactive', 'Lunch club A', { status: 'inactive' }),
      service('defunct', 'Lunch club B', { status: 'defunct' }),
      service('closed', 'Lunch club C', { status: 'temporarily closed' }),
    ];
    assert.deepEqual(ids(communityOptions(services, ['Lunch club'])), ['closed']);
  });

  it('accepts a ready-built index and gives the same answer as the array', () => {
    const services = [service('a', 'Lunch club'), service('b', 'Foodbank'), service('c', 'Lunch club too', { at: [north(1)] })];
    for (const options of [{}, { near: HOME }]) {
      assert.deepEqual(communityOptions(new ServiceIndex(services), ['Lunch club', 'Foodbank'], options), communityOptions(services, ['Lunch club', 'Foodbank'], options));
    }
  });
});

describe('communityOptions: interleaving and limits', () => {
  const services = [
    service('lunch-1', 'Lunch club one', { terms: ['Lunch club'] }),
    service('lunch-2', 'Lunch club two', { terms: ['Lunch club'] }),
    service('lunch-3', 'Lunch club three', { terms: ['Lunch club'] }),
    service('food-1', 'Foodbank one', { terms: ['Foodbank'] }),
    service('warm-1', 'Warm space one', { terms: ['Warm space'] }),
    service('warm-2', 'Warm space two', { terms: ['Warm space'] }),
  ];

  it('takes turns across terms in the order given, so each area shows before any shows twice', () => {
    const found = communityOptions(services, ['Warm space', 'Lunch club', 'Foodbank'], { limit: 10 });
    assert.deepEqual(terms(found), ['Warm space', 'Lunch club', 'Foodbank', 'Warm space', 'Lunch club', 'Lunch club']);
    assert.deepEqual(ids(found), ['warm-1', 'lunch-1', 'food-1', 'warm-2', 'lunch-3', 'lunch-2']);
  });

  it('keeps the term as the caller wrote it', () => {
    assert.deepEqual(terms(communityOptions(services, ['foodbank'])), ['foodbank']);
  });

  it('defaults to 5 and honours a given limit', () => {
    const all = communityOptions(services, ['Lunch club', 'Foodbank', 'Warm space'], { limit: 100 });
    assert.equal(all.length, 6);
    assert.deepEqual(communityOptions(services, ['Lunch club', 'Foodbank', 'Warm space']), all.slice(0, 5));
    assert.deepEqual(communityOptions(services, ['Lunch club', 'Foodbank', 'Warm space'], { limit: 2 }), all.slice(0, 2));
    assert.deepEqual(communityOptions(services, ['Lunch club'], { limit: 0 }), []);
    assert.deepEqual(communityOptions(services, ['Lunch club'], { limit: -3 }), []);
    assert.deepEqual(communityOptions(services, ['Lunch club'], { limit: Number.NaN }), []);
    assert.equal(communityOptions(services, ['Lunch club'], { limit: 2.9 }).length, 2);
  });

  it('shows a service once, under the term whose turn reached it first', () => {
    const shared = [
      // Best for both terms (equal scores go by name).
      service('both', 'Foodbank and lunch club', { terms: ['Lunch club', 'Foodbank'] }),
      service('lunch', 'Lunch club', { terms: ['Lunch club'] }),
      service('food', 'Foodbank store', { terms: ['Foodbank'] }),
    ];
    const found = communityOptions(shared, ['Foodbank', 'Lunch club']);
    assert.equal(new Set(ids(found)).size, found.length);
    assert.deepEqual(
      found.map((o) => [o.term, o.service.id]),
      [
        ['Foodbank', 'both'],
        ['Lunch club', 'lunch'],
        ['Foodbank', 'food'],
      ],
    );
  });

  it('lets the order of terms decide who gets a shared service', () => {
    const shared = [
      service('both', 'Lunch club and foodbank', { terms: ['Lunch club', 'Foodbank'] }),
      service('lunch', 'Lunch club weekly', { terms: ['Lunch club'] }),
    ];
    // Foodbank's only match went to Lunch club's first turn, so Foodbank adds nothing...
    assert.deepEqual(ids(communityOptions(shared, ['Lunch club', 'Foodbank'])), ['both', 'lunch']);
    // ...and the order of terms decides who gets a shared service.
    assert.deepEqual(terms(communityOptions(shared, ['Foodbank', 'Lunch club'])), ['Foodbank', 'Lunch club']);
  });

  it('treats repeated terms (even spelt differently) as one', () => {
    const found = communityOptions(services, ['Lunch club', 'LUNCH CLUB', 'Foodbank'], { limit: 10 });
    assert.deepEqual(terms(found), ['Lunch club', 'Foodbank', 'Lunch club', 'Lunch club']);
  });

  it('dedupes services that appear twice in the directory with the same id', () => {
    const first = service('dup', 'Lunch club');
    const found = communityOptions([first, { ...first }], ['Lunch club']);
    assert.deepEqual(ids(found), ['dup']);
  });
});

describe('communityOptions: near a place', () => {
  const services = [
    service('lunch-far', 'Lunch club far', { terms: ['Lunch club'], at: [north(12)] }),
    service('lunch-near', 'Lunch club near', { terms: ['Lunch club'], at: [north(2)] }),
    service('lunch-mid', 'Lunch club mid', { terms: ['Lunch club'], at: [north(30), north(5)] }),
    service('lunch-nowhere', 'Lunch club nowhere', { terms: ['Lunch club'], at: [undefined] }),
    service('lunch-beyond', 'Lunch club beyond', { terms: ['Lunch club'], at: [north(40)] }),
    service('food-near', 'Foodbank', { terms: ['Foodbank'], at: [north(1)] }),
  ];

  it('lists each term nearest first, with distances to the nearest location', () => {
    const found = communityOptions(services, ['Lunch club', 'Foodbank'], { near: HOME });
    assert.deepEqual(ids(found), ['lunch-near', 'food-near', 'lunch-mid', 'lunch-far']);
    for (const option of found) {
      const closest = Math.min(...option.service.locations.flatMap((l) => (l.coordinates ? [distanceMetres(HOME, l.coordinates)] : [])));
      assert.ok(option.distanceMetres !== undefined && Math.abs(option.distanceMetres - closest) < 1e-6, option.service.id);
    }
    assert.ok((found[2]?.distanceMetres ?? 0) < 6000, 'lunch-mid measured to its nearer location');
  });

  it('leaves out services beyond the radius (10 miles by default) and those with no coordinates', () => {
    assert.equal(COMMUNITY_OPTIONS_WITHIN_METRES, milesToMetres(10));
    const found = communityOptions(services, ['Lunch club'], { near: HOME, limit: 10 });
    assert.deepEqual(ids(found), ['lunch-near', 'lunch-mid', 'lunch-far']);
    assert.ok(found.every((o) => (o.distanceMetres ?? Infinity) <= COMMUNITY_OPTIONS_WITHIN_METRES));
  });

  it('honours a given radius, inclusive', () => {
    assert.deepEqual(ids(communityOptions(services, ['Lunch club'], { near: HOME, withinMetres: 6000 })), ['lunch-near', 'lunch-mid']);
    const exact = distanceMetres(HOME, north(2));
    assert.deepEqual(ids(communityOptions(services, ['Lunch club'], { near: HOME, withinMetres: exact })), ['lunch-near']);
    assert.deepEqual(ids(communityOptions(services, ['Lunch club'], { near: HOME, withinMetres: Infinity, limit: 10 })), [
      'lunch-near',
      'lunch-mid',
      'lunch-far',
      'lunch-beyond',
    ]);
  });

  it('keeps the radius when only some terms have nearby services', () => {
    const found = communityOptions(services, ['Lunch club', 'Foodbank'], { near: HOME, withinMetres: 1500, limit: 10 });
    assert.deepEqual(ids(found), ['food-near']);
  });

  it('falls back to every match, nearest first and unlocated last, when nothing is within the radius', () => {
    const found = communityOptions(services, ['Lunch club'], { near: HOME, withinMetres: 100, limit: 10 });
    assert.deepEqual(ids(found), ['lunch-near', 'lunch-mid', 'lunch-far', 'lunch-beyond', 'lunch-nowhere']);
    assert.equal(found.at(-1)?.distanceMetres, undefined);
    assert.ok(found.every((o) => o.distanceMetres === undefined || o.distanceMetres > 100), 'the caller can tell it fell back');
  });

  it('falls back when no match has coordinates at all', () => {
    const unlocated = [service('a', 'Lunch club A', { at: [undefined] }), service('b', 'Lunch club B')];
    const found = communityOptions(unlocated, ['Lunch club'], { near: HOME });
    assert.deepEqual(ids(found), ['a', 'b']);
    assert.ok(found.every((o) => !('distanceMetres' in o)));
  });

  it('breaks distance ties by tagging, then relevance', () => {
    const tied = [
      service('mentions', 'Lunch club mention', { at: [north(3)] }),
      service('tagged', 'Thursday table', { terms: ['Lunch club'], at: [north(3)] }),
    ];
    assert.deepEqual(ids(communityOptions(tied, ['Lunch club'], { near: HOME })), ['tagged', 'mentions']);
  });

  it('gives no distances without `near`, and orders by relevance', () => {
    const found = communityOptions(services, ['Lunch club'], { limit: 10 });
    assert.equal(found.length, 5);
    assert.ok(found.every((o) => !('distanceMetres' in o)));
    assert.deepEqual(
      ids(found),
      new ServiceIndex(services).search('Lunch club').results.map((r) => r.service.id),
    );
  });

  it('does not throw on odd services or odd input', () => {
    const odd = [
      service('nan', 'Lunch club NaN', { at: [{ lat: Number.NaN, lng: Number.NaN }] }),
      service('empty-terms', 'Lunch club', { terms: [] }),
      service('accents', 'Clwb cinio', { terms: ['Lunch club', ''.padEnd(3, '’')] }),
      service('many', 'Lunch club many', { at: [north(1), undefined, north(2), undefined] }),
      service('huge', 'x'.repeat(10_000) + ' lunch club'),
    ];
    assert.doesNotThrow(() => communityOptions(odd, ['Lunch club', '???', 'Lunch'], { near: HOME }));
    assert.doesNotThrow(() => communityOptions(odd, ['Lunch club'], { near: { lat: Number.NaN, lng: 0 }, withinMetres: -1 }));
    assert.doesNotThrow(() => communityOptions(odd, ['Lunch club'], { withinMetres: Number.NaN, limit: Infinity }));
    assert.deepEqual(ids(communityOptions(odd, ['Lunch club'], { near: HOME })), ['many']);
    assert.equal(communityOptions(odd, ['Lunch club'], { limit: Infinity }).length, 5);
  });
});

describe('communityOptions over the Borsetshire seed', () => {
  const services: Service[] = seed.services;
  const index = new ServiceIndex(services);
  const wanted = ["Carers' group", 'Lunch club'];

  it('finds up to 5 running options near a hub, each matching one of the terms', () => {
    for (const hub of seed.hubs.slice(0, 5)) {
      const found = communityOptions(index, wanted, { near: hub.coordinates });
      assert.ok(found.length > 0 && found.length <= 5, `${hub.name}: ${found.length}`);
      assert.equal(new Set(ids(found)).size, found.length);
      for (const option of found) {
        assert.ok(wanted.includes(option.term));
        assert.notEqual(option.service.status, 'inactive');
        assert.notEqual(option.service.status, 'defunct');
        const matched =
          option.service.taxonomyTerms.some((t) => normaliseText(t.name) === normaliseText(option.term)) ||
          index.search(option.term).results.some((r) => r.service.id === option.service.id);
        assert.ok(matched, `${option.service.name} matches ${option.term}`);
      }
      // Both areas are represented when both have options nearby.
      const perTerm = wanted.map((term) => communityOptions(index, [term], { near: hub.coordinates }).length);
      if (perTerm.every((n) => n > 0)) assert.deepEqual(new Set(terms(found)), new Set(wanted));
      // Within each term: services tagged with it first, each group nearest first.
      for (const term of wanted) {
        const mine = found.filter((o) => o.term === term);
        const tagged = mine.map((o) => o.service.taxonomyTerms.some((t) => normaliseText(t.name) === normaliseText(term)));
        assert.deepEqual(tagged, [...tagged].sort((a, b) => Number(b) - Number(a)), `${term}: tagged first`);
        for (const group of [true, false]) {
          const distances = mine.filter((_, i) => tagged[i] === group).map((o) => o.distanceMetres ?? Infinity);
          assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
        }
      }
    }
  });
});

// ---------------------------------------------------------------- issue 13: options for a person

const questionnaires = loadQuestionnaires();
const localised = (id: string) => {
  const definition = questionnaires.get(id);
  assert.ok(definition, id);
  return localiseQuestionnaire(definition, 'en').questionnaire;
};

/** Every option suggested for a person, through the same two calls the element makes. */
function suggestFor(services: Service[], id: string, answers: Answers, near = HOME) {
  const index = new ServiceIndex(services);
  return suggestCommunityOptions(index, communityNeeds(outcome(localised(id), answers), termNamesOf(index.services)), { near });
}

describe('suggestCommunityOptions: shared out across what the person said (issue 13)', () => {
  const aroundHome = [
    service('befriend-1', 'Phone friends', { terms: ['Befriending'], at: [north(0.5)] }),
    service('befriend-2', 'Visiting friends', { terms: ['Befriending'], at: [north(0.6)] }),
    service('coffee-1', 'Church coffee morning', { terms: ['Coffee morning'], at: [north(0.7)] }),
    service('lunch-1', 'Lunch club', { terms: ['Lunch club'], at: [north(0.8)] }),
    service('shed-1', 'Men’s shed', { terms: ["Men's shed"], at: [north(0.9)] }),
    service('falls-1', 'Strength and balance class', { terms: ['Falls prevention exercise'], at: [north(1.5)] }),
    service('dial-a-ride', 'Dial-a-ride', { terms: ['Community transport'], at: [north(2)] }),
    service('peer-1', 'Talking together peer group', { terms: ['Mental health peer support'], at: [north(1.2)] }),
    service('walk-far', 'Walking group far', { terms: ['Walking group'], at: [north(9)] }),
    service('walk-near', 'Walking group near', { terms: ['Walking group'], at: [north(3)] }),
    service('singing', 'Valley voices', { terms: ['Singing group'], at: [north(0.16)] }),
  ];

  it('gives getting out and low mood a place beside seeing people, each option with its reason', () => {
    const found = suggestFor(aroundHome, 'what-matters', {
      'answering-for': 'myself',
      harder: ['moving-around-home', 'seeing-people', 'getting-out'],
      feeling: 2,
    });
    assert.equal(found.length, 5);
    assert.equal(new Set(ids(found)).size, 5, 'no service twice');
    const reasons = found.map((o) => (o.reason.kind === 'hard' ? o.reason.area : o.reason.words));
    // Every area the person chose is represented before any has a second.
    assert.deepEqual(new Set(reasons.slice(0, 4)), new Set(['safety-at-home', 'relationships', 'community-and-transport', 'mental-wellbeing']));
    assert.ok(ids(found).includes('dial-a-ride'), 'the dial-a-ride for getting out');
    assert.ok(ids(found).includes('peer-1'), 'the peer group for low mood');
    assert.ok(found.filter((o) => o.reason.kind === 'hard' && o.reason.area === 'relationships').length <= 2);
    const transport = found.find((o) => o.service.id === 'dial-a-ride');
    assert.deepEqual(transport?.reason, { kind: 'hard', area: 'community-and-transport', label: 'Getting out and using local places and transport' });
  });

  it('offers each area nearest first, pooling its terms', () => {
    const found = suggestFor(aroundHome, 'what-matters', { harder: ['seeing-people'], feeling: 4 });
    const distances = found.map((o) => o.distanceMetres ?? Infinity);
    assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
    assert.deepEqual(ids(found), ['befriend-1', 'befriend-2', 'coffee-1', 'lunch-1', 'shed-1']);
  });

  it('gives more places to what the person wrote about, in proportion', () => {
    const plain = suggestFor(aroundHome, 'what-matters', { harder: ['seeing-people', 'getting-out'], feeling: 4 });
    const weighted = suggestFor(aroundHome, 'what-matters', {
      harder: ['seeing-people', 'getting-out'],
      'harder.getting-out': 'I cannot get to the shops since I stopped driving',
      'what-would-help': 'A walking group, and someone to take me to the shops',
      feeling: 4,
    });
    const count = (found: typeof plain, area: string) => found.filter((o) => o.reason.kind === 'hard' && o.reason.area === area).length;
    assert.ok(count(weighted, 'community-and-transport') > count(plain, 'community-and-transport'), 'getting out gets more places');
    assert.ok(count(weighted, 'relationships') >= 1, 'seeing people keeps one');
  });

  it('spreads a carer’s money and health worries rather than five "time for yourself" options', () => {
    const carers = [
      ...['Carers’ group', 'Walking group', 'Singing group', 'Craft group', 'Community gardening'].map((term, i) =>
        service(`me-${i}`, `Time out ${i}`, { terms: [term === 'Carers’ group' ? "Carers' group" : term], at: [north(0.3 + i / 10)] }),
      ),
      service('benefits', 'Benefits advice shop', { terms: ['Benefits advice'], at: [north(2)] }),
      service('gp', 'Social prescriber', { terms: ['GP social prescribing'], at: [north(3)] }),
    ];
    const found = suggestFor(carers, 'looking-after-someone', { harder: ['time-for-me', 'money'], health: 'a-lot', feeling: 4 });
    assert.ok(ids(found).includes('benefits'));
    assert.ok(ids(found).includes('gp'));
    assert.ok(found.filter((o) => o.reason.kind === 'hard' && o.reason.area === 'recreation').length <= 3);
  });

  it('finds the singing group for someone for whom nothing is hard but who wants to join one', () => {
    const found = suggestFor(aroundHome, 'what-matters', {
      harder: ['none'],
      'what-would-help': 'I would like to meet new people and join a singing group',
      feeling: 4,
    });
    assert.equal(found[0]?.service.id, 'singing');
    assert.deepEqual(found[0]?.reason, { kind: 'words', words: 'Singing group' });
  });

  it('searches the interests question and the strengths too', () => {
    const found = suggestFor(aroundHome, 'what-matters', { harder: ['none'], interests: 'Walking groups, and my garden', 'good-at': 'Singing in a group', feeling: 4 });
    assert.deepEqual(ids(found), ['singing', 'walk-near', 'walk-far']);
  });

  it('names directory terms in a person’s words, plurals and all, and nothing for words naming none', () => {
    const index = new ServiceIndex(aroundHome);
    assert.deepEqual(termsInWords(termNamesOf(index.services), 'Singing groups, and a Coffee Morning!'), ['Coffee morning', 'Singing group']);
    assert.deepEqual(termsInWords(termNamesOf(index.services), 'meet new people'), []);
    assert.deepEqual(termsInWords(termNamesOf(index.services), ''), []);
  });
});
