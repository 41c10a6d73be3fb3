import type { Location, Schedule, Service, TaxonomyTerm } from '../../src/contract/directory.ts';
import { stableId } from './ids.ts';
import { organization, type OrgKey } from './organizations.ts';
import { nationOf, places, slug, venue as venueByKey, venuesIn, type Nation, type Venue, type VenueKind } from './places.ts';
import { chance, hashInt, pick } from './random.ts';
import { firstOnOrAfter, fortnightly, inWords, monthly, weekly, type Day, type Extras } from './schedules.ts';
import { lifeAreaOf, lifeAreas, serviceTypes, supportTypes, type LifeArea, type ServiceType, type SupportType } from './taxonomy.ts';

/**
 * Borsetshire's community resources: about 300 groups, clubs and services
 * for the resource wheel and the directory.
 *
 * Most are made from hand-written templates (a kind of group, the places
 * it runs in, several names and descriptions, a few schedules) crossed
 * with the county's places; every choice between variants is a hash of
 * the template and place, so the county comes out the same on every run.
 * Phone and online services, with no coordinates, are written out in full
 * at the end.
 *
 * Services carry no `phone`: ORUK v3 output cannot hold one on a service,
 * so people phone the organisation.
 */

// ---------------------------------------------------------------------------
// Schedules

/** A way of running, given the service's key (for choices like which week a fortnight starts). */
type When = (key: string) => Schedule[];

const IN_PERSON: Extras = { attendingType: 'in person' };

const wk =
  (days: Day[], opensAt: string, closesAt: string, extras: Extras = {}): When =>
  () => [weekly(days, opensAt, closesAt, { ...IN_PERSON, ...extras })];

const fn =
  (day: Day, opensAt: string, closesAt: string, extras: Extras = {}): When =>
  (key) => [
    fortnightly(firstOnOrAfter(pick(`dtstart:${key}`, ['2026-01-05', '2026-01-12']), day), opensAt, closesAt, { ...IN_PERSON, ...extras }),
  ];

const mo =
  (ordinal: 1 | 2 | 3 | 4 | -1, day: Day, opensAt: string, closesAt: string, extras: Extras = {}): When =>
  () => [monthly(ordinal, day, opensAt, closesAt, { ...IN_PERSON, ...extras })];

const words =
  (text: string, attendingType = 'in person'): When =>
  () => [inWords(text, { attendingType })];

const both =
  (...whens: When[]): When =>
  (key) => whens.flatMap((when) => when(key));

const TERM = { note: 'Term time only.' };
const WINTER = { validFrom: '2026-10-05', validTo: '2027-03-26' };
const SUMMER_TERM = { validFrom: '2026-04-20', validTo: '2026-07-17' };
const SPRING_COURSE = { validFrom: '2026-02-23', validTo: '2026-05-18' };
const AUTUMN_COURSE = { validFrom: '2026-09-14', validTo: '2026-12-07' };

// ---------------------------------------------------------------------------
// Places

const TOWNS = ['Borchester', 'Felpersham', 'Hollerton', 'Aberwen', 'Pont-y-Castell'] as const;
const ALL = places.map((p) => p.name);
const welshNameOf = (place: string) => places.find((p) => p.name === place)?.welshName ?? place;

/** The organisation that runs things in a church or hall, when it has one. */
const HOSTS: Readonly<Record<string, OrgKey>> = {
  'borchester-st-michaels': 'st-michaels',
  'aberwen-bethania': 'capel-bethania',
  'felpersham-methodist': 'felpersham-methodist',
};

function hostOf(venue: Venue, otherwise: OrgKey): OrgKey {
  const host = HOSTS[venue.key];
  if (host) return host;
  if (venue.kind === 'village-hall') return 'village-halls';
  if (venue.kind === 'library') return 'council-libraries';
  if (venue.kind === 'church') return 'churches-together';
  return otherwise;
}

// ---------------------------------------------------------------------------
// Templates

interface Ctx {
  place: string;
  nation: Nation;
  venue: Venue;
}

interface Template {
  key: string;
  type: ServiceType;
  support: SupportType | ((c: Ctx) => SupportType);
  places: readonly string[];
  /** Venue kinds in order of preference, or a venue key per place. */
  at: readonly VenueKind[] | Readonly<Record<string, string>>;
  org: OrgKey | ((c: Ctx) => OrgKey);
  /** `{place}` is the place, `{venue}` the venue's short name, `{lle}` the place's Welsh name. */
  names: readonly string[] | Readonly<Record<string, string>>;
  /** Names used in Welsh places instead. */
  welshNames?: readonly string[];
  about: readonly string[];
  /** Optional second sentences; about three in four services get one. */
  more?: readonly string[];
  when: readonly When[];
  /** Charges; a service with none is free. */
  fees?: readonly string[];
  /** Share of services that charge, when `fees` is given (default all). */
  feeChance?: number;
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  /** `auto`: English and Welsh in Wales, English in England. */
  languages?: 'auto' | 'bilingual' | 'english';
  /** Path on the organisation's website, for the service's `url`. */
  path?: string;
}

const lunchClub: Template = {
  key: 'lunch-club',
  type: 'lunch-club',
  support: 'community-group',
  places: ALL,
  at: ['village-hall', 'church', 'community-centre'],
  org: ({ venue }) => hostOf(venue, 'age-matters'),
  names: ['{place} Lunch Club', '{place} Friendship Lunch Club', 'Good Company Lunch Club, {place}', '{place} Over-60s Lunch Club'],
  welshNames: ['Clwb Cinio {lle}', 'Cinio Cymunedol {lle}'],
  about: [
    'A two-course hot lunch, a cup of tea and good company in {venue}.',
    'Home-cooked lunch followed by a raffle and a chat. New faces are always welcome.',
    'A hot meal cooked by volunteers, with pudding and tea. People come for the food and stay for the company.',
    'Sit down to a roast or a stew with pudding, served at the table by volunteers.',
    'A cooked lunch in {venue}, with quizzes and a singalong some weeks.',
  ],
  more: [
    'Tell the organisers about any special diet when you book.',
    'Lifts can be arranged for people who cannot get there on their own.',
    'Carers eat free when they come with the person they look after.',
    'Booking by the Friday before helps the cooks.',
    'Vegetarian option every week.',
  ],
  when: [
    wk(['TU'], '12:00', '14:00'),
    wk(['TH'], '12:00', '14:00'),
    fn('WE', '12:00', '14:00'),
    mo(2, 'TU', '12:00', '14:00'),
    mo(1, 'TH', '12:30', '14:30'),
  ],
  fees: ['£4.50 for two courses', '£5 including pudding and tea', '£3.50 for lunch', '£6, or £4 for a main course only'],
  eligibility: 'Aimed at people over 60, but anyone who would enjoy the company is welcome.',
  path: 'lunch-clubs',
};

const coffeeMorning: Template = {
  key: 'coffee-morning',
  type: 'coffee-morning',
  support: 'community-group',
  places: [
    'Borchester',
    'Felpersham',
    'Hollerton',
    'Aberwen',
    'Astley Marsh',
    'Ashcombe St Mary',
    'Edgeley Cross',
    'Onnybrook',
    'Dykeside',
    'Bryn-y-Groes',
    'Marchbrook',
    'Cwm Eithin',
    'Llanfihangel-y-Waun',
    'Llanddewi Fach',
  ],
  at: ['cafe', 'church', 'village-hall', 'community-centre'],
  org: ({ venue }) => hostOf(venue, 'age-matters'),
  names: ['{place} Coffee Morning', 'Cuppa and Chat, {place}', '{place} Community Coffee Morning', 'Open Door Coffee Morning, {place}'],
  welshNames: ['Bore Coffi {lle}', 'Paned a Chlonc {lle}'],
  about: [
    'Tea, coffee and homemade cake in {venue}. Come on your own or bring a friend.',
    'A relaxed coffee morning with a book swap and a jigsaw table.',
    'Drop in for a hot drink and a chat. Nobody minds if you just want to sit and listen.',
    'Coffee, cake and conversation, with a different local speaker once a month.',
  ],
  more: [
    'A good place to find out what else is happening locally.',
    'Bring-and-buy stall on the first week of the month.',
    'Children and dogs welcome.',
  ],
  when: [wk(['FR'], '10:00', '12:00'), wk(['SA'], '10:00', '12:00'), wk(['WE'], '10:30', '12:00'), mo(1, 'SA', '10:00', '12:00')],
  fees: ['Donations welcome', '£1.50 for a drink and cake'],
  feeChance: 0.5,
};

const carersGroup: Template = {
  key: 'carers-group',
  type: 'carers-group',
  support: 'voluntary-sector',
  places: [...TOWNS, 'Astley Marsh', 'Onnybrook', 'Cwm Eithin', 'Marchbrook'],
  at: {
    Borchester: 'borchester-old-school',
    Felpersham: 'felpersham-community-centre',
    Hollerton: 'hollerton-library',
    Aberwen: 'aberwen-neuadd-goffa',
    'Pont-y-Castell': 'pont-y-castell-canolfan',
    'Astley Marsh': 'astley-marsh-hall',
    Onnybrook: 'onnybrook-hall',
    'Cwm Eithin': 'cwm-eithin-neuadd',
    Marchbrook: 'marchbrook-hall',
  },
  org: 'carers',
  names: ["{place} Carers' Group", "Carers' Cuppa, {place}", "Carers' Time Out, {place}"],
  welshNames: ['Grŵp Gofalwyr {lle}', "Paned i Ofalwyr {lle} / Carers' Cuppa"],
  about: [
    'A friendly group for anyone looking after a family member, partner or friend. Share tips, let off steam, and find out about support.',
    'Time out for unpaid carers: a chat with people who understand, and a worker from the carers centre to answer questions.',
    'Meet other carers over a cup of tea. Sometimes there is a speaker, sometimes a pamper session, always a welcome.',
  ],
  more: [
    'If you need someone to sit with the person you care for so that you can come, ask the carers centre.',
    'You do not need to call yourself a carer to come.',
    'Information about carers\' assessments and the Carers Emergency Card is always available.',
  ],
  when: [mo(1, 'MO', '13:30', '15:30'), mo(2, 'WE', '10:00', '12:00'), fn('TH', '14:00', '16:00'), mo(3, 'TU', '18:30', '20:00')],
  eligibility: 'Unpaid carers aged 18 and over living in Borsetshire.',
  minimumAge: 18,
  path: 'groups',
};

const carersPeerSupport: Template = {
  key: 'carers-peer-support',
  type: 'carers-peer-support',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham', 'Aberwen'],
  at: { Borchester: 'borchester-old-school', Felpersham: 'felpersham-library', Aberwen: 'aberwen-library' },
  org: 'carers',
  names: ["Carers' Assessment Peer Support, {place}"],
  about: [
    "Small group sessions where peer supporters, carers themselves, help you fill in your carer's assessment form and think about what would make a difference.",
    "Filling in a carer's assessment is easier with someone who has done it. Peer supporters go through the form with a small group, at your own pace.",
  ],
  more: ['Places are limited to six, so please book.', 'Bring any letters you have had from the council.'],
  when: [mo(2, 'TH', '10:00', '12:00'), mo(4, 'TU', '13:30', '15:30')],
  eligibility: "Unpaid carers aged 18 and over who would like help with a carer's assessment.",
  minimumAge: 18,
  path: 'assessments',
};

const parentToddler: Template = {
  key: 'parent-and-toddler',
  type: 'parent-and-toddler',
  support: 'community-group',
  places: [...TOWNS, 'Astley Marsh', 'Hollybrook', 'Onnybrook', 'Dykeside', 'Llanfair Dyffryn', 'Cwm Eithin', 'Llanfihangel-y-Waun', 'Llangwynfor'],
  at: ['village-hall', 'church', 'community-centre', 'library'],
  org: ({ nation }) => (nation === 'Wales' ? 'cylchoedd' : 'little-acorns'),
  names: ['Little Acorns {place}', '{place} Toddler Group', 'Stay and Play, {place}'],
  welshNames: ['Cylch Ti a Fi {lle}'],
  about: [
    'Play, songs and a snack for babies and under-fives, and a cuppa and a chat for the grown-ups.',
    'A welcoming group for parents, grandparents and childminders with little ones. Toys, crafts and a story to finish.',
    'Messy play, music and tea for under-fives and the people who look after them.',
  ],
  more: [
    'Grandparents and childminders are very welcome.',
    'Plenty of room for buggies.',
    'Dads\' breakfast on the last session of each month.',
  ],
  when: [
    wk(['TU'], '09:30', '11:30', TERM),
    wk(['WE'], '10:00', '11:30', TERM),
    wk(['FR'], '09:30', '11:00', TERM),
    wk(['MO'], '10:00', '11:30', TERM),
  ],
  fees: ['£1.50 per family, including a snack', '£2 per family', '£1 per child'],
  languages: 'auto',
};

const mensShed: Template = {
  key: 'mens-shed',
  type: 'mens-shed',
  support: 'community-group',
  places: ['Borchester', 'Hollerton', 'Aberwen'],
  at: { Borchester: 'borchester-shed', Hollerton: 'hollerton-shed', Aberwen: 'aberwen-neuadd-goffa' },
  org: ({ place }) => (place === 'Borchester' ? 'borchester-shed' : place === 'Hollerton' ? 'hollerton-shed' : 'aberwen-shed'),
  names: { Borchester: "Borchester Men's Shed", Hollerton: "Hollerton Men's Shed", Aberwen: 'Sied Dynion Aberwen' },
  about: [
    'A workshop where people make, mend and chat: woodwork, bike repairs and bird boxes for the school. Tools and tea provided.',
    'Shoulder-to-shoulder company in a well-equipped workshop. Learn a skill, share one, or just come for the tea and banter.',
    'A community workshop: furniture restoration, small repairs for neighbours, and a tea break that can last a while.',
  ],
  more: ['Despite the name, everyone is welcome.', 'No experience needed; someone will show you the ropes.'],
  when: [wk(['TU', 'TH'], '10:00', '15:00'), wk(['WE'], '09:30', '13:00')],
  fees: ['£2 a session towards materials', '£20 a year membership'],
};

const craftGroup: Template = {
  key: 'craft-group',
  type: 'craft-group',
  support: 'community-group',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Pont-y-Castell', 'Ashcombe St Mary', 'Edgeley Cross', 'Bryn-y-Groes', 'Llangwynfor'],
  at: ['library', 'church', 'village-hall', 'cafe'],
  org: ({ venue }) => hostOf(venue, 'age-matters'),
  names: ['Knit and Natter, {place}', '{place} Craft Club', 'Stitch and Chat, {place}', '{place} Crafty Folk'],
  welshNames: ['Gweu a Sgwrsio {lle}', 'Clwb Crefft {lle}'],
  about: [
    'Bring your knitting, crochet or sewing, or learn from scratch. Wool and needles to borrow.',
    'A sociable craft group: cards, quilting, knitting and whatever people fancy trying.',
    'Knitters and stitchers making blankets and hats for the hospital, and chatting while they do.',
  ],
  more: ['Beginners welcome.', 'Tea and biscuits included.', 'Large-print patterns available.'],
  when: [wk(['MO'], '14:00', '16:00'), wk(['TH'], '10:00', '12:00'), fn('WE', '14:00', '16:00')],
  fees: ['£1 for tea and biscuits', '£2 a session'],
  feeChance: 0.6,
};

const singing: Template = {
  key: 'singing-group',
  type: 'singing-group',
  support: 'community-group',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Aberwen', 'Pont-y-Castell', 'Marchbrook'],
  at: ['church', 'community-centre', 'village-hall'],
  org: ({ venue }) => hostOf(venue, 'age-matters'),
  names: ['{place} Community Choir', 'Sing Together, {place}', 'Sing and Smile, {place}'],
  welshNames: ['Côr Cymunedol {lle}', 'Canu Gyda\'n Gilydd {lle}'],
  about: [
    'A friendly choir that sings everything from hymns to pop songs. No auditions and no need to read music.',
    'Singing for fun and for wellbeing, with warm-ups that are good for breathing.',
    'Well-known songs from the shows and the sixties, with words on big screens.',
  ],
  more: ['People living with dementia and their carers are very welcome.', 'Summer concert in the park every July.'],
  when: [wk(['WE'], '19:00', '20:30'), wk(['MO'], '14:00', '15:30'), fn('TH', '13:30', '15:00')],
  fees: ['£3 a session', '£25 a term'],
  feeChance: 0.7,
  languages: 'auto',
};

const merched: Template = {
  key: 'merched-y-fro',
  type: 'welsh-language-group',
  support: 'community-group',
  places: ['Aberwen', 'Pont-y-Castell', 'Llanfair Dyffryn', 'Cwm Eithin', 'Llangwynfor', 'Llanddewi Fach'],
  at: ['church', 'village-hall', 'community-centre'],
  org: 'merched-y-fro',
  names: ['Merched y Fro {lle}', 'Cangen {lle}, Merched y Fro'],
  about: [
    'Cangen leol o Merched y Fro. A local branch of the Welsh-language movement for women: talks, crafts, outings and plenty of tea.',
    'Monthly meetings in Welsh with speakers, demonstrations and trips. Learners are very welcome and someone will always help.',
  ],
  more: ['Croeso cynnes i ddysgwyr.', 'The branch runs a Christmas market every December.'],
  when: [mo(2, 'TU', '19:00', '21:00'), mo(1, 'MO', '19:00', '21:00'), mo(3, 'WE', '14:00', '16:00')],
  fees: ['£12 a year membership', '£2 a meeting'],
  eligibility: 'Women of all ages.',
  languages: 'bilingual',
};

const panedASgwrs: Template = {
  key: 'paned-a-sgwrs',
  type: 'welsh-language-group',
  support: 'community-group',
  places: ['Aberwen', 'Pont-y-Castell', 'Marchbrook', 'Dykeside', 'Hollerton'],
  at: ['cafe', 'library', 'village-hall'],
  org: 'menter-iaith',
  names: ['Paned a Sgwrs {place}'],
  about: [
    'An informal chat in Welsh over a cuppa, for learners at every level and fluent speakers who want to help.',
    'Practise your Welsh in a friendly group. Mix of learners and first-language speakers, and nobody minds mistakes.',
  ],
  more: ['Ideal if you have finished a beginners\' course.', 'Menter Iaith can tell you about courses near you.'],
  when: [wk(['TH'], '11:00', '12:00'), fn('MO', '18:30', '19:30'), wk(['SA'], '10:30', '11:30')],
  languages: 'bilingual',
};

const goodNeighbours: Template = {
  key: 'good-neighbours',
  type: 'good-neighbours',
  support: 'family-and-friends',
  places: ['Astley Marsh', 'Ashcombe St Mary', 'Edgeley Cross', 'Bryn-y-Groes', 'Llanfihangel-y-Waun', 'Llanddewi Fach'],
  at: ['village-hall'],
  org: 'community-council',
  names: ['{place} Good Neighbours'],
  welshNames: ['Cymdogion Da {lle} / {place} Good Neighbours'],
  about: [
    'Neighbours helping neighbours with small things: a lift to the surgery, picking up a prescription, changing a light bulb, or a chat.',
    'Village volunteers who can help with shopping, lifts, dog walking and form filling, or just pop in for a cup of tea.',
  ],
  more: ['Volunteers have DBS checks.', 'Drivers ask for a small mileage contribution.', 'New volunteers always welcome.'],
  when: [
    words('Ring the coordinator any day between 9am and 6pm to ask for help.', 'phone'),
    words('Ask for help by phone, Monday to Saturday; give two days\' notice for lifts.', 'phone'),
  ],
  languages: 'auto',
  path: 'good-neighbours',
};

const benefitsAdvice: Template = {
  key: 'benefits-advice',
  type: 'benefits-advice',
  support: 'voluntary-sector',
  places: [...TOWNS, 'Astley Marsh', 'Marchbrook', 'Llanddewi Fach'],
  at: ['library', 'community-centre', 'village-hall'],
  org: 'advice',
  names: ['Benefits Advice Drop-in, {place}', 'Money and Benefits Advice, {place}', 'Borsetshire Advice: {place} outreach'],
  about: [
    'Free, confidential advice from a trained adviser: check what you are entitled to, get help with forms, and challenge decisions.',
    'Help with Universal Credit, Pension Credit, Attendance Allowance and PIP, including filling in the forms.',
    'A benefits check and help to claim. Advisers can also help with council tax reduction and the Warm Home Discount.',
  ],
  more: [
    'Bring any letters you have received.',
    'Appointments can be booked, or drop in and wait.',
    'Home visits for people who cannot get out.',
  ],
  when: [wk(['TU'], '10:00', '13:00'), fn('TH', '10:00', '12:30'), mo(2, 'WE', '10:00', '12:00'), wk(['MO'], '13:30', '16:00')],
  path: 'benefits',
};

const debtAdvice: Template = {
  key: 'debt-advice',
  type: 'debt-advice',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham', 'Aberwen'],
  at: { Borchester: 'borchester-advice-centre', Felpersham: 'felpersham-community-centre', Aberwen: 'aberwen-neuadd-goffa' },
  org: 'advice',
  names: ['Debt Advice Clinic, {place}'],
  about: [
    'Specialist debt advisers help you list what you owe, deal with creditors and bailiffs, and find a way forward. No judgement.',
    'Confidential help with rent or council tax arrears, credit cards and energy debt, by appointment.',
  ],
  more: ['Bring recent bills and letters if you can.', 'Advisers can talk to creditors for you.'],
  when: [wk(['WE'], '09:30', '16:00', { note: 'By appointment.' }), fn('MO', '10:00', '15:00', { note: 'By appointment.' })],
  path: 'debt',
};

const foodbank: Template = {
  key: 'foodbank',
  type: 'foodbank',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Aberwen', 'Pont-y-Castell', 'Marchbrook'],
  at: ['church', 'community-centre', 'village-hall'],
  org: 'foodbank',
  names: ['Marches Foodbank: {place}', '{place} Foodbank Centre'],
  welshNames: ['Banc Bwyd {lle} / {place} Foodbank'],
  about: [
    'Three days of nutritionally balanced emergency food, and a cup of tea and a chat while you wait.',
    'Emergency food parcels, with toiletries and pet food when we have them. An adviser is often there to help with the reasons behind the crisis.',
  ],
  more: ['Tell us about allergies or if you have no cooker.', 'Parcels can be delivered to people who cannot get out.'],
  when: [wk(['TU', 'FR'], '12:00', '14:00'), wk(['WE'], '10:00', '12:00'), wk(['MO', 'TH'], '13:00', '15:00')],
  eligibility: 'With a foodbank voucher from a referral partner, such as Borsetshire Advice, your GP or a talking point. Ring us if you cannot get one.',
  languages: 'auto',
  path: 'get-help',
};

const creditUnion: Template = {
  key: 'credit-union',
  type: 'credit-union',
  support: 'voluntary-sector',
  places: TOWNS,
  at: ['library'],
  org: 'credit-union',
  names: ['Borderlands Credit Union collection point, {place}'],
  about: [
    'Pay into your savings, ask about a loan or join the credit union. Loans at fair rates, even with a poor credit history.',
    'Open a savings account with as little as £1 a week, or talk about an affordable loan instead of a doorstep lender.',
  ],
  more: [
    'Bring photo ID and proof of address to join.',
    'Volunteers can explain how the loans work before you decide.',
    'Christmas savings club too.',
  ],
  when: [wk(['FR'], '10:00', '12:00'), wk(['SA'], '10:00', '12:00'), wk(['TU'], '14:00', '16:00')],
  eligibility: 'Anyone who lives or works in the Marches.',
  path: 'join',
};

const housingOptions: Template = {
  key: 'housing-options',
  type: 'housing-advice',
  support: 'universal-service',
  places: TOWNS,
  at: ['library', 'community-centre', 'office'],
  org: 'council-housing',
  names: ['Housing Options Drop-in, {place}'],
  about: [
    'Talk to the council\'s housing team if you are worried about losing your home, need to move, or your home no longer suits you.',
    'Advice on renting, homelessness, the housing register and adapting your home, from a council housing officer.',
  ],
  more: ['If you are homeless tonight, ring the council\'s out-of-hours line instead.', 'Bring your tenancy agreement and any notices.'],
  when: [fn('TU', '10:00', '12:00'), mo(1, 'TH', '13:30', '15:30'), fn('FR', '10:00', '12:00')],
  path: 'housing',
};

const tenancySupport: Template = {
  key: 'tenancy-support',
  type: 'housing-advice',
  support: 'specialist',
  places: ['Borchester', 'Pont-y-Castell'],
  at: ['community-centre'],
  org: 'housing-association',
  names: ['Marches Homes tenancy support surgery, {place}'],
  about: ['Help to manage your tenancy: rent, repairs, neighbour problems and moving to a home that suits you better.'],
  more: ['Housing officers can also visit you at home.', 'Ask about the downsizing incentive scheme.'],
  when: [mo(2, 'MO', '10:00', '12:00'), mo(4, 'TH', '10:00', '12:00')],
  eligibility: 'Marches Homes tenants.',
  path: 'tenancy-support',
};

const warmSpace: Template = {
  key: 'warm-space',
  type: 'warm-space',
  support: ({ venue }) => (venue.kind === 'library' ? 'universal-service' : 'community-group'),
  places: [
    'Borchester',
    'Felpersham',
    'Hollerton',
    'Aberwen',
    'Pont-y-Castell',
    'Astley Marsh',
    'Hollybrook',
    'Edgeley Cross',
    'Onnybrook',
    'Llangwynfor',
    'Bryn-y-Groes',
    'Cwm Eithin',
    'Llanfihangel-y-Waun',
    'Llanddewi Fach',
  ],
  at: ['library', 'church', 'village-hall'],
  org: ({ venue }) => hostOf(venue, 'community-council'),
  names: ['{place} Warm Space', 'Warm Welcome, {place}', 'Warm and Well, {place}'],
  welshNames: ['Gofod Cynnes {lle} / {place} Warm Space', 'Croeso Cynnes {lle}'],
  about: [
    'A warm, welcoming place to spend the afternoon, with hot drinks, soup, newspapers and Wi-Fi. No need to explain why you have come.',
    'Keep warm and save on heating: tea, coffee, board games and company in {venue}.',
    'Somewhere warm with free hot drinks and a light lunch through the winter.',
  ],
  more: ['Phone chargers and Wi-Fi available.', 'Energy advisers visit once a month.', 'Children welcome with an adult.'],
  when: [
    wk(['TU', 'TH'], '12:00', '16:00', WINTER),
    wk(['WE'], '10:00', '15:00', WINTER),
    wk(['MO', 'FR'], '13:00', '16:00', WINTER),
    wk(['SA'], '10:00', '14:00', { note: 'October to March.' }),
  ],
  languages: 'auto',
};

const energyAdvice: Template = {
  key: 'energy-advice',
  type: 'energy-advice',
  support: 'voluntary-sector',
  places: ['Borchester', 'Hollerton', 'Pont-y-Castell'],
  at: ['library'],
  org: 'warm-homes',
  names: ['Warm Homes Advice Surgery, {place}'],
  about: [
    'Bring a recent energy bill for free advice on cutting costs, switching tariffs, dealing with debt to your supplier, and grants for insulation.',
  ],
  more: ['Advisers can ring your supplier with you.', 'Ask about free draught-proofing.'],
  when: [mo(1, 'TU', '10:00', '13:00'), mo(3, 'FR', '10:00', '13:00')],
  path: 'surgeries',
};

const walkingGroup: Template = {
  key: 'walking-group',
  type: 'walking-group',
  support: 'community-group',
  places: [
    'Borchester',
    'Felpersham',
    'Hollerton',
    'Aberwen',
    'Pont-y-Castell',
    'Hollybrook',
    'Ashcombe St Mary',
    'Edgeley Cross',
    'Dykeside',
    'Llanfair Dyffryn',
    'Marchbrook',
    'Llanddewi Fach',
  ],
  at: ['park', 'village-hall', 'community-centre'],
  org: 'council-health-walks',
  names: ['{place} Health Walk', 'Walk and Talk, {place}', '{place} Stroll and Chat'],
  welshNames: ['Taith Gerdded {lle} / {place} Health Walk'],
  about: [
    'A free, friendly walk of about 45 minutes on level paths, led by a trained volunteer. Go at your own pace; the back marker never leaves anyone behind.',
    'An easy walk of two miles or so, ending with a cuppa. Good if you are getting back into exercise.',
    'A gentle walk through the village and along the lanes, with stops to chat and take in the view.',
    'A short walk on good paths, suitable for walking sticks and frames. Longer option for those who want it.',
  ],
  more: ['Wear comfortable shoes and bring water.', 'Walks go ahead in most weathers.', 'Dogs on leads welcome.'],
  when: [wk(['MO'], '10:00', '11:00'), wk(['WE'], '10:30', '11:30'), wk(['FR'], '10:00', '11:15'), fn('TU', '14:00', '15:00')],
  path: 'walks',
};

const dementiaCafe: Template = {
  key: 'dementia-cafe',
  type: 'dementia-cafe',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Aberwen', 'Pont-y-Castell', 'Onnybrook'],
  at: ['cafe', 'church', 'community-centre', 'village-hall'],
  org: 'forget-me-not',
  names: ['Forget-Me-Not Café, {place}', 'Memory Café, {place}'],
  welshNames: ['Caffi Cofio {lle} / {place} Memory Café'],
  about: [
    'A relaxed café for people living with dementia or memory worries, and their families. Music, reminiscence and someone to talk to about support.',
    'Tea, cake and activities in a dementia-friendly setting, with a dementia support worker on hand.',
    'A friendly afternoon for people with memory problems and the people who care for them. Quizzes, music and a chance to share tips.',
  ],
  more: ['No diagnosis needed.', 'Carers can take a quiet break while volunteers keep company.'],
  when: [mo(1, 'WE', '14:00', '16:00'), mo(2, 'FR', '10:30', '12:30'), mo(3, 'TH', '14:00', '16:00'), mo(-1, 'MO', '14:00', '16:00')],
  fees: ['£2 including tea and cake'],
  feeChance: 0.5,
  languages: 'auto',
};

const peerSupport: Template = {
  key: 'mental-health-peer-support',
  type: 'mental-health-peer-support',
  support: 'voluntary-sector',
  places: [...TOWNS, 'Marchbrook'],
  at: ['community-centre', 'library', 'church', 'village-hall'],
  org: 'open-minds',
  names: ['Open Minds Peer Group, {place}', 'Talking Together, {place}', 'Open Minds Wellbeing Circle, {place}'],
  about: [
    'A peer support group run by people with lived experience of mental health problems. Talk, listen, or just be in the room.',
    'A safe, confidential space to share how you are feeling with others who understand. Facilitated by trained peer supporters.',
    'Peer support for anxiety, low mood and stress: tea, conversation and practical ideas that have helped others.',
  ],
  more: ['You do not have to talk if you do not want to.', 'You do not need a referral or a diagnosis.'],
  when: [wk(['MO'], '18:30', '20:00'), wk(['WE'], '14:00', '15:30'), fn('TH', '18:00', '19:30')],
  eligibility: 'Adults aged 18 and over.',
  minimumAge: 18,
  path: 'groups',
};

const bereavementGroup: Template = {
  key: 'bereavement-group',
  type: 'bereavement-support',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham', 'Aberwen', 'Pont-y-Castell'],
  at: ['cafe', 'church', 'community-centre'],
  org: 'bereavement',
  names: ['Bereavement Café, {place}', 'Time to Talk bereavement group, {place}'],
  about: [
    'A bereavement café for anyone who has lost someone, however long ago. Trained volunteers are there to listen.',
    'An informal group for people who are grieving: tea, understanding and no pressure to talk.',
  ],
  more: ['One-to-one support can be arranged.'],
  when: [mo(1, 'TU', '14:00', '16:00'), mo(3, 'SA', '10:30', '12:30'), fn('WE', '18:30', '20:00')],
  languages: 'auto',
  path: 'groups',
};

const gentleExercise: Template = {
  key: 'gentle-exercise',
  type: 'gentle-exercise',
  support: 'community-group',
  places: [
    'Borchester',
    'Felpersham',
    'Hollerton',
    'Aberwen',
    'Astley Marsh',
    'Ashcombe St Mary',
    'Onnybrook',
    'Bryn-y-Groes',
    'Llanfihangel-y-Waun',
  ],
  at: ['village-hall', 'community-centre', 'church'],
  org: ({ venue }) => (venue.kind === 'village-hall' ? 'village-halls' : 'age-matters'),
  names: ['{place} Chair Exercise', 'Move More, {place}', 'Seated Exercise, {place}', 'Tea Dance and Gentle Movement, {place}'],
  welshNames: ['Ymarfer yn y Gadair {lle} / Chair Exercise'],
  about: [
    'A gentle exercise class you can do sitting down, led by a qualified instructor. Good for joints, balance and a laugh.',
    'Seated and standing exercises to music, at whatever level suits you, followed by tea.',
    'Gentle movement to music from the forties to the eighties. No special kit needed; wear something comfortable.',
  ],
  more: ['Tell the instructor about any health conditions.', 'Suitable for people who use a wheelchair.'],
  when: [wk(['TU'], '10:30', '11:30'), wk(['TH'], '14:00', '15:00'), wk(['MO'], '11:00', '12:00')],
  fees: ['£3 a session', '£2.50 a session', '£4 including tea'],
  languages: 'auto',
};

const fallsPrevention: Template = {
  key: 'falls-prevention',
  type: 'falls-prevention',
  support: 'specialist',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Aberwen', 'Pont-y-Castell', 'Edgeley Cross', 'Marchbrook', 'Llanfair Dyffryn'],
  at: ['leisure-centre', 'health-centre', 'community-centre', 'village-hall'],
  org: 'leisure-trust',
  names: ['Steady Steps strength and balance, {place}', 'Stay Steady class, {place}'],
  welshNames: ['Camau Cadarn {lle} / Steady Steps'],
  about: [
    'A 12-week strength and balance course proven to reduce falls, led by a specialist instructor. Exercises to practise at home too.',
    'If you have had a fall or are worried about falling, this course builds strength, balance and confidence, one step at a time.',
  ],
  more: ['The first session includes a short assessment.', 'Many people go on to a gentle exercise class afterwards.'],
  when: [wk(['TU'], '13:30', '14:30', SUMMER_TERM), wk(['TH'], '10:00', '11:00', SPRING_COURSE), wk(['MO'], '14:00', '15:00', AUTUMN_COURSE)],
  fees: ['£3 a session; the first session is free', '£30 for the 12-week course'],
  eligibility: 'Adults who have fallen or are at risk of falling. Referral from a GP, physiotherapist or talking point, or ring to check it is right for you.',
  languages: 'auto',
  path: 'steady-steps',
};

const socialPrescribing: Template = {
  key: 'social-prescribing',
  type: 'gp-social-prescribing',
  support: 'universal-service',
  places: TOWNS,
  at: ['health-centre'],
  org: ({ nation }) => (nation === 'Wales' ? 'pcn-west' : 'pcn-east'),
  names: ['Social prescribing link worker, {venue}'],
  about: [
    'A link worker spends time with you on what matters to you, and connects you with groups, activities and support in the community.',
    'Feeling isolated, stressed or stuck? The link worker can help you find local activities, advice and support, and go with you the first time.',
  ],
  more: ['Ask at reception or ask your GP, nurse or pharmacist to refer you.'],
  when: [wk(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00', { note: 'Appointments through reception.' })],
  eligibility: 'Patients registered with a practice in the network.',
  languages: 'auto',
};

const strokeClub: Template = {
  key: 'stroke-club',
  type: 'health-support-group',
  support: 'community-group',
  places: ['Borchester', 'Aberwen'],
  at: ['community-centre', 'church'],
  org: 'stroke-club',
  names: ['{place} Stroke Club'],
  about: ['A social club for stroke survivors and their families: speech and communication games, gentle exercise, outings and friendship.'],
  more: ['Transport can be arranged.'],
  when: [wk(['WE'], '13:30', '15:30'), fn('TU', '13:30', '15:30')],
  fees: ['£2 a session'],
};

const breathing: Template = {
  key: 'better-breathing',
  type: 'health-support-group',
  support: 'voluntary-sector',
  places: ['Felpersham', 'Pont-y-Castell'],
  at: ['leisure-centre', 'community-centre'],
  org: 'age-matters',
  names: ['Better Breathing Group, {place}'],
  about: ['For people living with COPD, asthma or other lung conditions: breathing exercises, singing for lung health, and a chat.'],
  more: ['Run with the NHS respiratory team.', 'Bring your inhaler.'],
  when: [mo(2, 'MO', '14:00', '15:30'), mo(4, 'WE', '14:00', '15:30')],
};

const hearingClinic: Template = {
  key: 'hearing-aid-clinic',
  type: 'sensory-support',
  support: 'voluntary-sector',
  places: TOWNS,
  at: ['library', 'health-centre'],
  org: 'sight-hearing',
  names: ['Hearing aid drop-in, {place}'],
  about: [
    'Trained volunteers clean and retube NHS hearing aids, replace batteries and give advice on equipment for the home.',
    'Free hearing aid maintenance: new tubes, batteries and a check that everything is working.',
  ],
  more: [
    'Bring your brown NHS book if you have one.',
    'Demonstrations of amplified phones and doorbells.',
    'Volunteers can help you contact audiology for a new assessment.',
  ],
  when: [mo(1, 'FR', '10:00', '12:00'), mo(2, 'MO', '10:00', '12:00'), mo(3, 'TH', '14:00', '16:00')],
};

const sightGroup: Template = {
  key: 'sight-loss-group',
  type: 'sensory-support',
  support: 'voluntary-sector',
  places: ['Borchester', 'Aberwen'],
  at: ['library', 'community-centre'],
  org: 'sight-hearing',
  names: ['Sight Loss Support Group, {place}'],
  about: ['Meet others living with sight loss, try magnifiers and talking gadgets, and hear about services that can help.'],
  more: ['Volunteers can meet you at the bus stop.', 'Talking books and newspapers to try.'],
  when: [mo(-1, 'TU', '10:30', '12:30'), mo(2, 'TH', '13:30', '15:30')],
};

const gardening: Template = {
  key: 'community-garden',
  type: 'gardening',
  support: 'community-group',
  places: ['Hollybrook', 'Borchester', 'Aberwen'],
  at: { Hollybrook: 'hollybrook-garden', Borchester: 'borchester-quarry-park', Aberwen: 'aberwen-parc' },
  org: ({ place }) => (place === 'Hollybrook' ? 'gardeners' : place === 'Aberwen' ? 'menter-iaith' : 'borchester-town-council'),
  names: { Hollybrook: 'Hollybrook Community Garden', Borchester: 'Quarry Park Volunteer Gardeners', Aberwen: 'Gardd Gymunedol Parc yr Afon' },
  about: [
    'Grow fruit, vegetables and flowers alongside friendly volunteers. Raised beds at wheelchair height, and produce to take home.',
    'Get outdoors and get your hands dirty: planting, weeding and tidying, with plenty of tea breaks.',
  ],
  more: ['Gloves and tools provided.', 'No gardening experience needed.'],
  when: [wk(['WE'], '10:00', '13:00'), wk(['SA'], '10:00', '12:30')],
  languages: 'auto',
};

const communityTransport: Template = {
  key: 'community-transport',
  type: 'community-transport',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham', 'Pont-y-Castell'],
  at: { Borchester: 'borchester-transport-depot', Felpersham: 'felpersham-dialaride', 'Pont-y-Castell': 'pont-y-castell-cludiant' },
  org: ({ place }) => (place === 'Borchester' ? 'transport-east' : place === 'Felpersham' ? 'transport-south' : 'transport-west'),
  names: {
    Borchester: 'Borchester Dial-a-Ride',
    Felpersham: 'Hollerton and Felpersham Dial-a-Ride',
    'Pont-y-Castell': 'Cludiant Cymunedol / Community Transport, Pont-y-Castell',
  },
  about: [
    'Door-to-door minibus for shopping, appointments and visiting friends, for people who find buses hard to use. Wheelchair accessible.',
    'Book a minibus seat or a volunteer driver for journeys to the shops, the surgery, hospital appointments and social clubs.',
  ],
  more: ['Book at least two working days ahead.', 'Escorts and carers travel free.'],
  when: [wk(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '16:00', { note: 'Phone to book.', attendingType: 'phone' })],
  fees: ['Membership £10 a year; journeys from £3 each way', 'From £2.50 a single journey; volunteer cars 45p a mile'],
  eligibility: 'People who cannot easily use public transport because of age, disability or where they live.',
  languages: 'auto',
  path: 'book',
};

const shopmobility: Template = {
  key: 'shopmobility',
  type: 'mobility-hire',
  support: 'voluntary-sector',
  places: ['Borchester', 'Felpersham'],
  at: { Borchester: 'borchester-market', Felpersham: 'felpersham-hub-high-street' },
  org: 'age-matters',
  names: ['Shopmobility {place}'],
  about: ['Borrow a manual or powered wheelchair or a mobility scooter to get around the town centre, shops and market.'],
  more: ['Bring photo ID the first time you use it.'],
  when: [wk(['TU', 'WE', 'FR', 'SA'], '09:30', '16:00')],
  fees: ['Free to borrow; membership £5 a year'],
};

const leisureCentre: Template = {
  key: 'leisure-centre',
  type: 'leisure-centre',
  support: 'universal-service',
  places: ['Borchester', 'Felpersham', 'Aberwen', 'Pont-y-Castell'],
  at: ['leisure-centre'],
  org: 'leisure-trust',
  names: ['{venue}'],
  about: [
    'Swimming, gym, fitness classes and sports hall, with quiet swims and over-60s sessions each week.',
    'Pool, gym and classes, including aqua fit, walking netball and seated exercise. Concessions for people on benefits, carers and over-60s.',
  ],
  more: [
    'Quiet swim sessions for people who prefer fewer people around.',
    'Carers get in free when they come with the person they support.',
    'Ask about the GP exercise referral scheme.',
  ],
  when: [both(wk(['MO', 'TU', 'WE', 'TH', 'FR'], '07:00', '21:30'), wk(['SA', 'SU'], '08:00', '17:00'))],
  fees: ['Pay as you go from £4.20; concessions available', 'Swim £4.50, or £3 with a concession card'],
  languages: 'auto',
  path: 'centres',
};

const over60sSwim: Template = {
  key: 'over-60s-swim',
  type: 'leisure-centre',
  support: 'universal-service',
  places: ['Borchester', 'Aberwen', 'Pont-y-Castell'],
  at: ['leisure-centre'],
  org: 'leisure-trust',
  names: ['Over-60s Swim and Social, {place}'],
  about: ['A quieter swim with lanes for steady swimmers and the shallow end for walking in water, followed by coffee in the café.'],
  more: ['Free with a carer\'s concession card.', 'Lifeguards can help you in and out of the pool.'],
  when: [wk(['WE'], '10:00', '11:00'), wk(['TU'], '11:00', '12:00')],
  fees: ['£3', '£2.80 with a concession card'],
  minimumAge: 60,
};

const sportClubs: Template = {
  key: 'sport-club',
  type: 'sport-and-leisure',
  support: 'community-group',
  places: ['Borchester', 'Hollerton', 'Felpersham', 'Dykeside', 'Marchbrook', 'Aberwen'],
  at: {
    Borchester: 'borchester-leisure',
    Hollerton: 'hollerton-rec',
    Felpersham: 'felpersham-pool',
    Dykeside: 'dykeside-hall',
    Marchbrook: 'marchbrook-hall',
    Aberwen: 'aberwen-leisure',
  },
  org: ({ venue }) => hostOf(venue, 'leisure-trust'),
  names: {
    Borchester: 'Walking Football, Borchester',
    Hollerton: 'Hollerton Walking Football',
    Felpersham: 'Felpersham Short Mat Bowls',
    Dykeside: 'Dykeside Indoor Bowls',
    Marchbrook: 'Marchbrook Table Tennis Club',
    Aberwen: 'Pêl-rwyd Cerdded Aberwen / Walking Netball',
  },
  about: [
    'The game at walking pace: no running, no contact, lots of laughs. Kit not needed, just trainers.',
    'A friendly club for all abilities. Equipment provided, and plenty of chat between games.',
    'A gentle team game for people who want to stay active, whatever their age or fitness.',
  ],
  more: ['Beginners welcome.', 'Tea and biscuits afterwards.', 'Come and watch first if you are unsure.'],
  when: [wk(['TH'], '10:00', '11:30'), wk(['TU'], '14:00', '16:00'), wk(['FR'], '13:30', '15:00')],
  fees: ['£3 a session', '£2 a session', '£15 a year plus £1 a session'],
  languages: 'auto',
};

const libraryDigital: Template = {
  key: 'digital-drop-in',
  type: 'digital-help',
  support: 'universal-service',
  places: TOWNS,
  at: ['library'],
  org: 'council-libraries',
  names: ['Digital Drop-in, {place} Library', 'Get Online Help, {place} Library'],
  about: [
    'Help with phones, tablets and laptops: email, video calls, online shopping, NHS app, and staying safe online.',
    'Bring your device and your questions. Library staff and volunteers help you at your own pace, one to one.',
  ],
  more: ['Tablets to borrow if you do not have one.', 'Help with Universal Credit journals and online forms.'],
  when: [wk(['TU'], '14:00', '16:00'), wk(['FR'], '10:00', '12:00'), wk(['WE'], '14:00', '16:00')],
  languages: 'auto',
  path: 'digital',
};

const villageDigital: Template = {
  key: 'tech-help-cafe',
  type: 'digital-help',
  support: 'voluntary-sector',
  places: ['Astley Marsh', 'Onnybrook', 'Cwm Eithin', 'Llanfihangel-y-Waun', 'Dykeside'],
  at: ['village-hall'],
  org: 'digital-buddies',
  names: ['Tech Help Café, {place}'],
  welshNames: ['Help gyda Thechnoleg {lle} / Tech Help Café'],
  about: [
    'Digital buddies help with phones, tablets and computers over a cup of tea. No question is too basic.',
    'Stuck with a smartphone? Volunteers help you set it up, send photos, make video calls and more.',
  ],
  when: [mo(1, 'MO', '14:00', '16:00'), mo(2, 'WE', '10:00', '12:00'), mo(3, 'FR', '14:00', '16:00')],
  languages: 'auto',
};

const volunteeringDropIn: Template = {
  key: 'volunteering-drop-in',
  type: 'volunteering',
  support: 'voluntary-sector',
  places: TOWNS,
  at: ['library', 'community-centre'],
  org: 'volunteer',
  names: ['Volunteering drop-in, {place}'],
  about: [
    'Find a volunteering role that suits you: driving, befriending, gardening, shop work, or helping at a lunch club.',
    'A chat about what you enjoy and the time you have, and a match with local groups looking for help.',
  ],
  more: ['Volunteering can help with confidence and getting back to work.'],
  when: [mo(1, 'TH', '10:00', '12:00'), mo(2, 'FR', '13:00', '15:00')],
  minimumAge: 16,
  languages: 'auto',
  path: 'opportunities',
};

const adultLearning: Template = {
  key: 'adult-learning',
  type: 'adult-learning',
  support: 'universal-service',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Aberwen', 'Pont-y-Castell', 'Marchbrook'],
  at: ['library', 'community-centre', 'village-hall'],
  org: 'council-learning',
  names: {
    Borchester: 'English and Maths for Adults, Borchester',
    Felpersham: 'Cooking on a Budget, Felpersham',
    Hollerton: 'Computers for Beginners, Hollerton',
    Aberwen: 'Cymraeg i Oedolion / Welsh for Adults, Aberwen',
    'Pont-y-Castell': 'Family History for Beginners, Pont-y-Castell',
    Marchbrook: 'Watercolour Painting, Marchbrook',
  },
  about: [
    'A friendly course for adults in a small group, with a tutor who takes things at the group\'s pace.',
    'Weekly classes for adults who want to learn something new, build confidence or brush up their skills.',
  ],
  more: ['Free if you get certain benefits.', 'Enrol online or at the library.'],
  when: [wk(['TU'], '10:00', '12:00', SUMMER_TERM), wk(['WE'], '18:30', '20:30', AUTUMN_COURSE), wk(['TH'], '13:00', '15:00', SPRING_COURSE)],
  fees: ['£45 for the course; free if you get certain benefits', '£30 for ten weeks, concessions available'],
  minimumAge: 19,
  languages: 'auto',
  path: 'courses',
};

const library: Template = {
  key: 'library',
  type: 'library-service',
  support: 'universal-service',
  places: TOWNS,
  at: ['library'],
  org: 'council-libraries',
  names: ['{venue}'],
  about: [
    'Books, audiobooks, newspapers, free computers and Wi-Fi, printing, and help to find information. Free to join.',
    'Borrow books and audiobooks, use a computer, join a reading group, or just sit somewhere warm and quiet.',
  ],
  more: ['Large-print and talking books.', 'Ask about the home library service if you cannot get in.'],
  when: [
    both(wk(['TU', 'TH', 'FR'], '09:30', '17:00'), wk(['SA'], '09:30', '13:00')),
    both(wk(['MO', 'WE', 'FR'], '10:00', '17:00'), wk(['SA'], '10:00', '13:00')),
  ],
  languages: 'auto',
  path: 'branches',
};

const mobileLibrary: Template = {
  key: 'mobile-library',
  type: 'library-service',
  support: 'universal-service',
  places: ['Astley Marsh', 'Hollybrook', 'Ashcombe St Mary', 'Edgeley Cross', 'Onnybrook', 'Llanfair Dyffryn', 'Bryn-y-Groes', 'Llanddewi Fach'],
  at: ['village-hall'],
  org: 'council-libraries',
  names: ['Mobile library stop: {place}'],
  welshNames: ['Llyfrgell Deithiol / Mobile library stop: {lle}'],
  about: [
    'The mobile library parks outside {venue}. Borrow and return books, order titles from other libraries, and collect bin bags and bus pass forms.',
    'A library on wheels, with large print, audiobooks and books for children. Staff can order anything from the county stock.',
    'The mobile library calls at {place} every other week. Choose from a few hundred books on board, or ask staff to bring something next time.',
  ],
  more: ['The van has a lift for wheelchairs and walkers.'],
  when: [fn('WE', '10:15', '10:45'), fn('TH', '14:00', '14:45'), fn('TU', '11:00', '11:30')],
  languages: 'auto',
  path: 'mobile',
};

const jobClub: Template = {
  key: 'job-club',
  type: 'job-club',
  support: 'universal-service',
  places: ['Borchester', 'Felpersham', 'Aberwen'],
  at: ['library', 'community-centre'],
  org: 'council-learning',
  names: ['Job Club, {place}'],
  about: ['Help with CVs, job searches, application forms and interview practice. Computers and printing free.'],
  more: ['Carers returning to work welcome.'],
  when: [wk(['MO'], '10:00', '12:00'), wk(['TH'], '13:30', '15:30')],
  minimumAge: 16,
  languages: 'auto',
};

const scamsTalk: Template = {
  key: 'scams-awareness',
  type: 'scams-awareness',
  support: 'universal-service',
  places: ['Borchester', 'Felpersham', 'Hollerton', 'Pont-y-Castell'],
  at: ['library'],
  org: 'council-trading-standards',
  names: ['Scams Awareness Session, {place}'],
  about: [
    'How to spot scam calls, texts, emails and doorstep callers, and what to do if it happens to you. Free call blockers for people who are targeted.',
  ],
  more: ['Relatives and carers are welcome too.', 'Bring any suspicious letters and officers will look at them.'],
  when: [mo(-1, 'WE', '14:00', '15:00'), mo(2, 'TU', '10:30', '11:30')],
};

const domesticAbuseOutreach: Template = {
  key: 'domestic-abuse-outreach',
  type: 'domestic-abuse-support',
  support: 'specialist',
  places: ['Borchester', 'Aberwen'],
  at: ['health-centre'],
  org: 'safer-borders',
  names: ['Safer Borders confidential drop-in, {place}'],
  about: [
    'Talk in confidence to a domestic abuse worker, in a private room at the health centre. Nobody needs to know why you are there.',
  ],
  more: ['If you are in danger now, call 999.'],
  when: [wk(['WE'], '10:00', '13:00'), wk(['TU'], '13:00', '16:00')],
  languages: 'auto',
};

const kinshipCarers: Template = {
  key: 'kinship-carers',
  type: 'kinship-carers',
  support: 'family-and-friends',
  places: ['Borchester'],
  at: ['community-centre'],
  org: 'carers',
  names: ['Grandparents and Kinship Carers Group, {place}'],
  about: [
    'For grandparents, aunts, uncles and friends bringing up a child who cannot live with their parents. Share experiences and get advice on support and allowances.',
  ],
  when: [mo(2, 'TH', '10:00', '12:00', TERM)],
};

const templates: readonly Template[] = [
  lunchClub,
  coffeeMorning,
  carersGroup,
  carersPeerSupport,
  kinshipCarers,
  parentToddler,
  mensShed,
  craftGroup,
  singing,
  merched,
  panedASgwrs,
  goodNeighbours,
  benefitsAdvice,
  debtAdvice,
  foodbank,
  creditUnion,
  housingOptions,
  tenancySupport,
  warmSpace,
  energyAdvice,
  walkingGroup,
  dementiaCafe,
  peerSupport,
  bereavementGroup,
  gentleExercise,
  fallsPrevention,
  socialPrescribing,
  strokeClub,
  breathing,
  hearingClinic,
  sightGroup,
  gardening,
  communityTransport,
  shopmobility,
  leisureCentre,
  over60sSwim,
  sportClubs,
  libraryDigital,
  villageDigital,
  volunteeringDropIn,
  adultLearning,
  library,
  mobileLibrary,
  jobClub,
  scamsTalk,
  domesticAbuseOutreach,
];

/** Services paused for now, with the reason given in their description. */
const CLOSED: Readonly<Record<string, string>> = {
  'lunch-club:cwm-eithin': 'Temporarily closed while Neuadd Cwm Eithin has a new kitchen fitted.',
  'mens-shed:borchester': 'Temporarily closed while the shed moves to a bigger workshop. Ring for news.',
  'walking-group:dykeside': 'Paused until a new walk leader is found. Could it be you?',
  'craft-group:bryn-y-groes': 'Taking a break for the summer; back in the autumn.',
  'dementia-cafe:onnybrook': 'Temporarily closed while volunteers are recruited.',
};

// ---------------------------------------------------------------------------
// Building services

/** The short name of a venue for sentences: the English half of a bilingual name. */
const shortName = (v: Venue) => v.name.split(' / ')[0] ?? v.name;

function fill(text: string, c: Ctx): string {
  return text.replaceAll('{place}', c.place).replaceAll('{lle}', welshNameOf(c.place)).replaceAll('{venue}', shortName(c.venue));
}

function chooseVenue(t: Template, place: string, key: string): Venue {
  if (!Array.isArray(t.at)) {
    const venueKey = (t.at as Readonly<Record<string, string>>)[place];
    if (!venueKey) throw new Error(`No venue for ${key}`);
    return venueByKey(venueKey);
  }
  const here = venuesIn(place);
  for (const kind of [...(t.at as readonly VenueKind[]), 'village-hall', 'community-centre'] as const) {
    const candidates = here.filter((v) => v.kind === kind);
    if (candidates.length > 0) return pick(`venue:${key}`, candidates);
  }
  throw new Error(`No venue for ${key}`);
}

/** A physical location: the venue, with the same id wherever it is used. */
export function locationAt(v: Venue): Location {
  return {
    id: stableId('location', v.key),
    name: v.name,
    address: { line1: v.line1, city: v.place, region: 'Borsetshire', postcode: v.postcode, country: 'United Kingdom' },
    coordinates: { ...v.coordinates },
    accessibility: [...v.accessibility],
    stepFree: v.stepFree,
  };
}

/** When the record was last checked: a date in early 2026. */
function lastModified(key: string): string {
  const n = hashInt(`modified:${key}`);
  const month = 1 + (n % 5);
  const day = 1 + (Math.floor(n / 5) % 28);
  const hour = 8 + (Math.floor(n / 140) % 9);
  return `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
}

interface ServiceSpec {
  key: string;
  name: string;
  description: string;
  org: OrgKey;
  /** The life area, when the service has no finer type. */
  area?: LifeArea;
  type?: ServiceType;
  support: SupportType;
  locations: Location[];
  schedules: Schedule[];
  fees?: string;
  free: boolean;
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  languages: string[];
  path?: string;
  email?: boolean;
  status?: Service['status'];
}

function build(spec: ServiceSpec): Service {
  const org = organization(spec.org);
  const area = spec.type ? lifeAreaOf(spec.type) : spec.area;
  if (!area) throw new Error(`No life area for ${spec.key}`);
  const terms: TaxonomyTerm[] = [lifeAreas[area], supportTypes[spec.support], ...(spec.type ? [serviceTypes[spec.type]] : [])];
  const url = spec.path && org.website ? `${org.website}${spec.path}` : undefined;
  return {
    id: stableId('service', spec.key),
    name: spec.name,
    description: spec.description,
    status: spec.status ?? 'active',
    organization: org,
    ...(url ? { url } : {}),
    ...(spec.email && org.email ? { email: org.email } : {}),
    ...(spec.fees ? { fees: spec.fees } : {}),
    free: spec.free,
    ...(spec.eligibility ? { eligibility: spec.eligibility } : {}),
    ...(spec.minimumAge === undefined ? {} : { minimumAge: spec.minimumAge }),
    ...(spec.maximumAge === undefined ? {} : { maximumAge: spec.maximumAge }),
    languages: spec.languages,
    taxonomyTerms: terms.map((t) => ({ ...t })),
    locations: spec.locations,
    schedules: spec.schedules.map((s, i) => ({ id: stableId('schedule', `${spec.key}:${i}`), ...s })),
    lastModified: lastModified(spec.key),
  };
}

/**
 * The `index`th place's turn through a template's variants, from a start
 * chosen by hash: neighbouring places get different names, descriptions
 * and days rather than whatever the hash happens to cluster on.
 */
function turn<T>(t: Template, what: string, index: number, items: readonly T[]): T {
  const item = items[(hashInt(`${what}:${t.key}`) + index) % items.length];
  if (item === undefined) throw new RangeError(`No ${what} for ${t.key}`);
  return item;
}

function fromTemplate(t: Template, place: string, index: number): Service {
  const key = `${t.key}:${slug(place)}`;
  const nation = nationOf(place);
  const venue = chooseVenue(t, place, key);
  const c: Ctx = { place, nation, venue };
  const name = Array.isArray(t.names)
    ? fill(turn(t, 'name', index, nation === 'Wales' && t.welshNames ? t.welshNames : (t.names as readonly string[])), c)
    : (t.names as Readonly<Record<string, string>>)[place];
  if (!name) throw new Error(`No name for ${key}`);
  const closed = CLOSED[key];
  const description = [
    fill(turn(t, 'about', index, t.about), c),
    t.more && chance(`more?:${key}`, 0.75) ? fill(pick(`more:${key}`, t.more), c) : undefined,
    closed,
  ]
    .filter((s) => s !== undefined)
    .join(' ');
  const charges = t.fees !== undefined && chance(`charges?:${key}`, t.feeChance ?? 1);
  const fees = t.fees && charges ? pick(`fees:${key}`, t.fees) : undefined;
  const languages =
    t.languages === 'bilingual' || ((t.languages ?? 'auto') === 'auto' && nation === 'Wales') ? ['English', 'Welsh'] : ['English'];
  return build({
    key,
    name,
    description,
    org: typeof t.org === 'function' ? t.org(c) : t.org,
    type: t.type,
    support: typeof t.support === 'function' ? t.support(c) : t.support,
    locations: [locationAt(venue)],
    schedules: turn(t, 'when', index, t.when)(key),
    // "Donations welcome" is still free.
    ...(fees ? { fees } : {}),
    free: fees === undefined || /^donations/i.test(fees),
    ...(t.eligibility ? { eligibility: t.eligibility } : {}),
    ...(t.minimumAge === undefined ? {} : { minimumAge: t.minimumAge }),
    ...(t.maximumAge === undefined ? {} : { maximumAge: t.maximumAge }),
    languages,
    ...(t.path ? { path: t.path } : {}),
    email: chance(`email?:${key}`, 0.4),
    ...(closed ? { status: 'temporarily closed' as const } : {}),
  });
}

// ---------------------------------------------------------------------------
// Phone and online services: no venue, so no address or coordinates.

interface RemoteSpec extends Omit<ServiceSpec, 'locations' | 'languages' | 'free' | 'key'> {
  key: string;
  how: string;
  free?: boolean;
  languages?: string[];
  accessibility?: string[];
}

function remote(spec: RemoteSpec): Service {
  const { how, accessibility = [], languages = ['English'], free = spec.fees === undefined, ...rest } = spec;
  const key = `remote:${spec.key}`;
  return build({
    ...rest,
    key,
    free,
    languages,
    locations: [{ id: stableId('location', key), name: how, description: 'Not a place to visit: contact the service by phone or online.', accessibility }],
  });
}

const RELAY = 'Relay UK text calls welcome';
const phoneHours = (days: Day[], opensAt: string, closesAt: string, note?: string) =>
  weekly(days, opensAt, closesAt, { attendingType: 'phone', ...(note ? { note } : {}) });
const WEEKDAYS: Day[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

const remoteServices: Service[] = [
  remote({
    key: 'cls-phone',
    how: 'By phone',
    name: 'Talk to a community connector by phone',
    description:
      'Cannot get to a talking point? A community connector will ring you back for a conversation about what matters to you and what might help, and can book you into a session near you.',
    org: 'council-cls',
    area: 'health-and-wellbeing',
    support: 'universal-service',
    schedules: [phoneHours(WEEKDAYS, '09:00', '17:00')],
    languages: ['English', 'Welsh'],
    accessibility: [RELAY, 'British Sign Language video calls on request'],
    email: true,
  }),
  remote({
    key: 'befriending-phone',
    how: 'By phone',
    name: 'Age Matters Telephone Befriending',
    description: 'A weekly friendly phone call from the same trained volunteer, at a time that suits you. For anyone over 60 who would like more company.',
    org: 'age-matters',
    type: 'befriending',
    support: 'voluntary-sector',
    schedules: [inWords('Calls at a time agreed with your volunteer, usually once a week.', { attendingType: 'phone' })],
    eligibility: 'People aged 60 and over living in Borsetshire.',
    minimumAge: 60,
    path: 'befriending',
  }),
  remote({
    key: 'befriending-welsh',
    how: 'By phone',
    name: 'Galwadau Cyfeillgar / Friendly Calls in Welsh',
    description: 'Sgwrs wythnosol yn Gymraeg. A weekly phone chat in Welsh with a volunteer, for Welsh speakers who would like more company in their own language.',
    org: 'age-matters',
    type: 'befriending',
    support: 'voluntary-sector',
    schedules: [inWords('Weekly calls, on a day agreed with your volunteer.', { attendingType: 'phone' })],
    languages: ['English', 'Welsh'],
    path: 'befriending',
  }),
  remote({
    key: 'home-visit-befriending',
    how: 'Visits at home',
    name: 'Age Matters Home Befriending',
    description: 'A volunteer visits you at home every week or two for a cup of tea and a chat, and sometimes a trip out together.',
    org: 'age-matters',
    type: 'befriending',
    support: 'voluntary-sector',
    schedules: [inWords('Visits arranged with your volunteer, weekly or fortnightly.', { attendingType: 'home visit' })],
    eligibility: 'Older people who are lonely or cut off. Referral by phone from you, a relative or a professional.',
    path: 'befriending',
  }),
  remote({
    key: 'carers-line',
    how: 'By phone and online',
    name: "Carers' Support Line",
    description: 'Information, a listening ear and help to plan for emergencies, from workers who understand caring. Also books carers into groups and assessments.',
    org: 'carers',
    type: 'carers-group',
    support: 'voluntary-sector',
    schedules: [phoneHours(WEEKDAYS, '09:00', '16:30'), phoneHours(['WE'], '17:00', '19:00', 'Late line for working carers.')],
    languages: ['English', 'Welsh'],
    accessibility: [RELAY],
    email: true,
    path: 'support-line',
  }),
  remote({
    key: 'young-adult-carers',
    how: 'Online and by phone',
    name: 'Young Adult Carers Support',
    description: 'One-to-one support, online meet-ups and days out for young people who look after someone at home, with help to keep up with college or work.',
    org: 'carers',
    type: 'carers-peer-support',
    support: 'voluntary-sector',
    schedules: [inWords('Online meet-up every other Thursday evening; one-to-one support by arrangement.', { attendingType: 'online' })],
    eligibility: 'Carers aged 16 to 25.',
    minimumAge: 16,
    maximumAge: 25,
    path: 'young-adult-carers',
  }),
  remote({
    key: 'carers-emergency-card',
    how: 'By phone and online',
    name: 'Carers Emergency Card',
    description:
      'A card you carry that tells people you are a carer. If something happens to you, one call puts an agreed emergency plan into action for the person you look after.',
    org: 'carers',
    area: 'caring',
    support: 'voluntary-sector',
    schedules: [inWords('Apply at any time by phone or online. The emergency line answers day and night.', { attendingType: 'phone' })],
    eligibility: 'Unpaid carers living in Borsetshire.',
    path: 'emergency-card',
  }),
  remote({
    key: 'advice-line',
    how: 'By phone and online',
    name: 'Borsetshire Advice Line',
    description: 'Free, confidential advice by phone or webchat on benefits, work, consumer problems and family matters. Advisers can book you a face-to-face appointment.',
    org: 'advice',
    type: 'benefits-advice',
    support: 'voluntary-sector',
    schedules: [phoneHours(WEEKDAYS, '09:30', '16:00')],
    languages: ['English', 'Welsh'],
    accessibility: [RELAY, 'Interpreters for other languages on request'],
    email: true,
    path: 'contact',
  }),
  remote({
    key: 'debt-line',
    how: 'By phone',
    name: 'Debt Advice by Phone',
    description: 'Specialist debt advice over the phone, including help with breathing space, debt relief orders and dealing with bailiffs.',
    org: 'advice',
    type: 'debt-advice',
    support: 'voluntary-sector',
    schedules: [phoneHours(['MO', 'TU', 'TH'], '10:00', '15:00')],
    path: 'debt',
  }),
  remote({
    key: 'housing-line',
    how: 'By phone',
    name: 'Housing Options Line',
    description: 'Ring the council\'s housing team if you are homeless or about to lose your home. Out of hours, the line passes urgent calls to the duty officer.',
    org: 'council-housing',
    type: 'housing-advice',
    support: 'universal-service',
    schedules: [phoneHours(WEEKDAYS, '09:00', '17:00', 'Urgent calls answered out of hours.')],
    languages: ['English', 'Welsh'],
    accessibility: [RELAY],
    path: 'homeless',
  }),
  remote({
    key: 'handyperson',
    how: 'Visits at home',
    name: 'Handyperson Service',
    description: 'Small jobs that make home safer: fitting grab rails and key safes, securing loose carpets, changing bulbs and fixing dripping taps.',
    org: 'care-and-repair',
    type: 'home-repairs',
    support: 'voluntary-sector',
    schedules: [inWords('Visits Monday to Friday; ring to book. Waiting time is usually two to three weeks.', { attendingType: 'home visit' })],
    fees: 'Labour £20 an hour, materials at cost; small safety jobs are free for people over 75',
    free: false,
    eligibility: 'Homeowners and private tenants aged 60 and over, or disabled people of any age.',
    path: 'handyperson',
  }),
  remote({
    key: 'adaptations',
    how: 'Visits at home',
    name: 'Help with Home Adaptations',
    description: 'Caseworkers help you apply for a Disabled Facilities Grant for a stairlift, level-access shower or ramp, and oversee the work.',
    org: 'care-and-repair',
    type: 'home-repairs',
    support: 'specialist',
    schedules: [inWords('Caseworkers visit by appointment.', { attendingType: 'home visit' })],
    eligibility: 'Disabled people and their families; the grant is means-tested.',
    path: 'adaptations',
  }),
  remote({
    key: 'energy-line',
    how: 'By phone and online',
    name: 'Warm Homes Advice Line',
    description: 'Free, impartial advice on energy bills, heating controls, grants for insulation and new boilers, and what to do if you cannot afford to heat your home.',
    org: 'warm-homes',
    type: 'energy-advice',
    support: 'voluntary-sector',
    schedules: [phoneHours(WEEKDAYS, '09:00', '17:00')],
    languages: ['English', 'Welsh'],
    email: true,
    path: 'advice-line',
  }),
  remote({
    key: 'safe-and-well',
    how: 'Visits at home',
    name: 'Safe and Well Visits',
    description: 'Free home visits from the fire service: smoke alarms fitted, advice on escape plans, electric blankets, heaters and preventing falls.',
    org: 'fire-service',
    type: 'fire-safety',
    support: 'universal-service',
    schedules: [inWords('Book a visit by phone or online; visits on weekdays.', { attendingType: 'home visit' })],
    languages: ['English', 'Welsh'],
    path: 'safe-and-well',
  }),
  remote({
    key: 'scams-line',
    how: 'By phone',
    name: 'Scams and Doorstep Crime Advice',
    description: 'Report a scam or a rogue trader, get advice if you have been targeted, and ask about free call blockers. If someone is at your door now, call 999.',
    org: 'council-trading-standards',
    type: 'scams-awareness',
    support: 'universal-service',
    schedules: [phoneHours(WEEKDAYS, '09:00', '17:00')],
    accessibility: [RELAY],
    path: 'scams',
  }),
  remote({
    key: 'domestic-abuse-helpline',
    how: 'By phone and online',
    name: 'Safer Borders Helpline',
    description: 'Confidential support for anyone affected by domestic abuse, including safety planning, refuge and outreach. If you are in danger now, call 999.',
    org: 'safer-borders',
    type: 'domestic-abuse-support',
    support: 'specialist',
    schedules: [inWords('Helpline open 24 hours a day, every day.', { attendingType: 'phone' })],
    languages: ['English', 'Welsh'],
    accessibility: [RELAY, 'Interpreters for other languages'],
  }),
  remote({
    key: 'bereavement-helpline',
    how: 'By phone',
    name: 'Bereavement Support Line',
    description: 'Talk to a trained volunteer after someone has died, whenever it happened. Can also arrange one-to-one support near you.',
    org: 'bereavement',
    type: 'bereavement-support',
    support: 'voluntary-sector',
    schedules: [phoneHours(['MO', 'WE', 'FR'], '10:00', '16:00'), phoneHours(['TU', 'TH'], '18:00', '20:00')],
    path: 'helpline',
  }),
  remote({
    key: 'open-minds-online',
    how: 'Online',
    name: 'Open Minds Online Peer Group',
    description: 'A peer support group on video call for people who cannot get to a group in person. Camera on or off, as you prefer.',
    org: 'open-minds',
    type: 'mental-health-peer-support',
    support: 'voluntary-sector',
    schedules: [weekly(['TU'], '19:00', '20:30', { attendingType: 'online' })],
    eligibility: 'Adults aged 18 and over in Borsetshire.',
    minimumAge: 18,
    path: 'online',
  }),
  remote({
    key: 'digital-buddies-home',
    how: 'Visits at home',
    name: 'Digital Buddies at Home',
    description: 'A volunteer visits you at home to help with your phone, tablet or computer, for people who cannot get to a library or drop-in.',
    org: 'digital-buddies',
    type: 'digital-help',
    support: 'voluntary-sector',
    schedules: [inWords('Up to six visits, arranged with your buddy.', { attendingType: 'home visit' })],
    path: 'home-visits',
  }),
  remote({
    key: 'volunteer-online',
    how: 'Online',
    name: 'Find Volunteering Online',
    description: 'Search hundreds of local volunteering roles, from one-off events to regular commitments, and apply online.',
    org: 'volunteer',
    type: 'volunteering',
    support: 'voluntary-sector',
    schedules: [inWords('Online at any time; staff reply within two working days.', { attendingType: 'online' })],
    languages: ['English', 'Welsh'],
    path: 'search',
  }),
  remote({
    key: 'credit-union-online',
    how: 'Online and by phone',
    name: 'Borderlands Credit Union Savings and Loans',
    description: 'Join, save and apply for a loan online or by phone. Loans from £100, with repayments taken from wages or benefits if you like.',
    org: 'credit-union',
    type: 'credit-union',
    support: 'voluntary-sector',
    schedules: [phoneHours(WEEKDAYS, '09:30', '16:30')],
    eligibility: 'Anyone who lives or works in the Marches.',
    path: 'loans',
  }),
  remote({
    key: 'home-library',
    how: 'Delivered to your home',
    name: 'Home Library Service',
    description: 'Books, audiobooks and large print chosen for you and delivered by a volunteer every three weeks, for people who cannot get to a library.',
    org: 'council-libraries',
    type: 'library-service',
    support: 'universal-service',
    schedules: [inWords('Deliveries every three weeks, on a day agreed with you.', { attendingType: 'home visit' })],
    eligibility: 'Anyone who cannot get to a library because of illness, disability or caring.',
    languages: ['English', 'Welsh'],
    path: 'home-library',
  }),
  remote({
    key: 'elibrary',
    how: 'Online',
    name: 'Borsetshire eLibrary',
    description: 'Free eBooks, eAudiobooks, magazines and newspapers to download with your library card.',
    org: 'council-libraries',
    type: 'library-service',
    support: 'universal-service',
    schedules: [inWords('Available online at any time.', { attendingType: 'online' })],
    languages: ['English', 'Welsh'],
    path: 'elibrary',
  }),
  remote({
    key: 'volunteer-cars',
    how: 'By phone',
    name: 'Ceir Gwirfoddol / Volunteer Car Scheme',
    description: 'Volunteer drivers take you to medical appointments, shops and visits in their own cars, anywhere on the Welsh side of the county.',
    org: 'transport-west',
    type: 'community-transport',
    support: 'voluntary-sector',
    schedules: [phoneHours(WEEKDAYS, '09:00', '13:00', 'Book at least three working days ahead.')],
    fees: '45p a mile, counted from the driver\'s home',
    free: false,
    eligibility: 'People who cannot use public transport because of age, disability or where they live.',
    languages: ['English', 'Welsh'],
  }),
  remote({
    key: 'home-from-hospital',
    how: 'Visits at home',
    name: 'Home from Hospital',
    description: 'Short-term help for older people getting back on their feet after a hospital stay: shopping, a check-in call, collecting prescriptions and company.',
    org: 'age-matters',
    area: 'health-and-wellbeing',
    support: 'voluntary-sector',
    schedules: [inWords('Up to six weeks of support; referrals from hospital staff, GPs, families or yourself.', { attendingType: 'home visit' })],
    eligibility: 'People aged 60 and over leaving hospital to live in Borsetshire.',
    minimumAge: 60,
    path: 'home-from-hospital',
  }),
  remote({
    key: 'sight-line',
    how: 'By phone',
    name: 'Sight Loss Advice Line',
    description: 'Advice on living with sight loss: registering as sight impaired, equipment and benefits, and emotional support after a diagnosis.',
    org: 'sight-hearing',
    type: 'sensory-support',
    support: 'voluntary-sector',
    schedules: [phoneHours(['MO', 'TU', 'WE', 'TH'], '10:00', '15:00')],
  }),
  remote({
    key: 'talking-newspaper',
    how: 'Online and by post',
    name: 'Borsetshire Talking Newspaper',
    description: 'Local news read aloud by volunteers each week, on a memory stick by post or as a podcast. Free for people with sight loss.',
    org: 'sight-hearing',
    area: 'connections',
    support: 'voluntary-sector',
    schedules: [inWords('A new edition every Friday.', { attendingType: 'online' })],
    eligibility: 'People with sight loss or who cannot hold a newspaper.',
  }),
  remote({
    key: 'learn-welsh-online',
    how: 'Online',
    name: 'Dysgu Cymraeg Ar-lein / Learn Welsh Online',
    description: 'Evening Welsh classes for adults on video call, from complete beginners upwards, with a chat group between lessons.',
    org: 'menter-iaith',
    type: 'adult-learning',
    support: 'community-group',
    schedules: [weekly(['MO'], '19:00', '20:30', { attendingType: 'online', ...AUTUMN_COURSE })],
    fees: '£60 a course; free for people aged 16 to 25 and education staff',
    free: false,
    minimumAge: 16,
    languages: ['English', 'Welsh'],
  }),
];

export const services: Service[] = [...templates.flatMap((t) => t.places.map((place, index) => fromTemplate(t, place, index))), ...remoteServices];
