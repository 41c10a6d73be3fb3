/**
 * Search-as-you-type and nearest-hub timings over a county-sized directory,
 * one figure per line. Run with `npx tsx bench/geo-search.ts`.
 *
 * The data is generated from a fixed seed so runs are comparable: 10,000
 * services with plausible English and Welsh names, descriptions and
 * taxonomy terms, at locations spread over Wales and England.
 */
import type { Coordinates, Location, Service } from '../src/contract/directory.ts';
import { distanceMetres, milesToMetres, nearest } from '../src/core/geo.ts';
import { ServiceIndex } from '../src/core/search.ts';

const COUNT = 10_000;
const today = new Date().toISOString().slice(0, 10);
const count = COUNT.toLocaleString('en-GB');

/** mulberry32: small, fast and seedable, unlike Math.random. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261125);
const pick = <T>(list: readonly T[]): T => {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
};

const ACTIVITIES = [
  'Lunch Club', 'Luncheon Club', 'Walking Group', 'Caffi Cymraeg', "Men's Shed", 'Knit and Natter', 'Memory Café',
  'Carers Support', 'Warm Space', 'Repair Café', 'Coffee Morning', 'Food Bank', 'Chair Yoga', 'Bowls Club',
  'Singing for the Brain', 'Grŵp Cerdded', 'Clwb Cinio', 'Paned a Sgwrs', 'Digital Drop-in', 'Tai Chi',
  'Befriending Service', 'Community Fridge', 'Gardening Club', 'Book Club', 'Dementia Support', 'Parent and Toddler',
] as const;
const PLACES = [
  'Ruthin', 'Denbigh', 'Wrexham', 'Mold', 'Llangollen', 'Corwen', 'Bala', 'Llandudno', 'Conwy', 'Bangor', 'Caernarfon',
  'Pwllheli', 'Aberystwyth', 'Machynlleth', 'Newtown', 'Welshpool', 'Llandrindod', 'Brecon', 'Abergavenny', 'Cardiff',
  'Swansea', 'Newport', 'Pen-y-bont', 'Llanelli', 'Carmarthen', 'Chester', 'Shrewsbury', 'Oswestry', 'Hereford',
  'Bristol', 'Gloucester', 'Liverpool', 'Manchester', 'Birmingham', 'Ystrad Mynach', 'Llŷn', 'Ynys Môn',
] as const;
const ORGANISATIONS = [
  'Age Cymru', 'Mind', 'British Red Cross', 'Citizens Advice', 'Menter Iaith', 'Alzheimer’s Society', 'Carers Trust',
  'Royal Voluntary Service', 'Trussell', 'Cyngor Sir Ddinbych', 'Community Transport Association', 'U3A',
] as const;
const TERMS = [
  ['food', 'Food and drink'], ['social', 'Social activities'], ['physical', 'Physical activity'],
  ['advice', 'Advice and information'], ['carers', 'Support for carers'], ['dementia', 'Dementia'],
  ['welsh', 'Welsh language'], ['digital', 'Digital inclusion'], ['money', 'Money and debt'], ['lunch', 'Lunch clubs'],
] as const;
const FILLER = (
  'a friendly weekly session for older people and anyone who wants company come along for a cuppa a chat and a ' +
  'hot meal we meet in the church hall community centre library or leisure centre transport can be arranged ' +
  'volunteers welcome no need to book just turn up croeso i bawb siaradwyr cymraeg a dysgwyr yn croesawu ' +
  'lunch served at noon small charge for food carers welcome wheelchair accessible hearing loop available'
).split(' ');

/** A point somewhere over Wales and the English Midlands and North West. */
const somewhere = (): Coordinates => ({ lat: 51.4 + rand() * 2.4, lng: -5.2 + rand() * 4.4 });

function makeService(i: number): Service {
  const locations: Location[] = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, j) => {
    const location: Location = { id: `loc-${i}-${j}`, accessibility: [] };
    if (rand() < 0.95) location.coordinates = somewhere();
    if (rand() < 0.6) location.stepFree = rand() < 0.7;
    return location;
  });
  const words = Array.from({ length: 12 + Math.floor(rand() * 30) }, () => pick(FILLER));
  const terms = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(TERMS));
  const service: Service = {
    id: `svc-${String(i).padStart(5, '0')}`,
    name: `${pick(ACTIVITIES)} ${pick(PLACES)}`,
    description: words.join(' '),
    status: 'active',
    organization: { id: `org-${i % 300}`, name: pick(ORGANISATIONS) },
    taxonomyTerms: terms.map(([id, name]) => ({ id, name, parentId: 'cls' })),
    locations,
    schedules: [],
  };
  if (rand() < 0.5) service.free = rand() < 0.8;
  return service;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Median milliseconds of `runs` calls of `fn`, after `warmup` unmeasured ones (for the JIT). */
function time(runs: number, warmup: number, fn: (run: number) => unknown): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn(i) === undefined ? 0 : 1;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink += fn(i) === undefined ? 0 : 1;
    samples.push(performance.now() - start);
  }
  // Use the results so the calls cannot be optimised away.
  if (sink < 0) console.log(sink);
  return median(samples);
}

const ms = (value: number) => `${value < 1 ? value.toFixed(2) : value.toFixed(1)} ms`;
const report = (what: string, value: number, runs: number) => console.log(`${what}: ${ms(value)} (median of ${runs}) on ${today}`);

const services = Array.from({ length: COUNT }, (_, i) => makeService(i));

let index = new ServiceIndex(services);
report(`search index build: ${count} services`, time(5, 1, () => (index = new ServiceIndex(services))), 5);

// What a search box does as someone types: a new search per keystroke. All
// matches are returned (no limit), the most work a caller can ask for.
const keystrokes = ['lun', 'lunch', 'lunch club'];
report(
  `search: ${count} services, per keystroke (${keystrokes.map((k) => `"${k}"`).join(', ')})`,
  time(50, 20, () => keystrokes.map((q) => index.search(q))) / keystrokes.length,
  50,
);
report(`search: ${count} services, one letter ("l", the most matches)`, time(50, 20, () => index.search('l')), 50);
report(`search: ${count} services, per keystroke as above, first page of 20`, time(50, 20, () => keystrokes.map((q) => index.search(q, {}, { limit: 20 }))) / keystrokes.length, 50);

const ruthin = { lat: 53.1149, lng: -3.3107 };
report(
  `search: ${count} services, "lunch club" within 10 miles, free, step-free`,
  time(50, 20, () => index.search('lunch club', { near: { point: ruthin, withinMetres: milesToMetres(10) }, free: true, stepFree: true })),
  50,
);
report(`search: ${count} services, empty query, all sorted by distance`, time(50, 20, () => index.search('', { near: { point: ruthin } })), 50);

// Hubs are one point each; origins vary per run so no result is cached by accident.
const hubs = Array.from({ length: COUNT }, (_, i) => ({ id: `hub-${i}`, coordinates: somewhere() }));
const origins = Array.from({ length: 400 }, () => somewhere());
const origin = (run: number) => origins[run % origins.length] ?? ruthin;
report(`nearest: 10 of ${count} hubs`, time(200, 100, (run) => nearest(origin(run), hubs, 10, (h) => h.coordinates)), 200);
report(
  `nearest, for comparison, measuring and sorting all: 10 of ${count} hubs`,
  time(200, 20, (run) => {
    const o = origin(run);
    return hubs
      .map((h) => ({ h, metres: distanceMetres(o, h.coordinates) }))
      .sort((a, b) => a.metres - b.metres)
      .slice(0, 10);
  }),
  200,
);
