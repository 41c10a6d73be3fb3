import type { TaxonomyTerm } from '../../src/contract/directory.ts';
import { stableId } from './ids.ts';

/**
 * The seed's vocabularies. The resource wheel's segments (life areas) and
 * rings (support types) are configuration in the widgets; these are the
 * default wheel, plus a finer list of service types filed under life areas.
 */

export const LIFE_AREA = 'cls-life-area';
export const SUPPORT_TYPE = 'cls-support-type';
export const SERVICE_TYPE = 'cls-service-type';

export const vocabularies = [
  { id: stableId('taxonomy', LIFE_AREA), name: LIFE_AREA, description: 'Areas of life: the segments of the CLS resource wheel.' },
  { id: stableId('taxonomy', SUPPORT_TYPE), name: SUPPORT_TYPE, description: 'Kinds of support: the rings of the CLS resource wheel, from the person outwards.' },
  { id: stableId('taxonomy', SERVICE_TYPE), name: SERVICE_TYPE, description: 'Types of community resource, each filed under an area of life.' },
] as const;

const lifeAreaSpecs = {
  'health-and-wellbeing': ['Health and wellbeing', 'Staying well in body and mind.'],
  home: ['Home', 'Somewhere safe, warm and suitable to live.'],
  money: ['Money', 'Having enough, and help with benefits, bills and debt.'],
  connections: ['Connections', 'Friends, family, and feeling less lonely.'],
  'getting-out': ['Getting out and about', 'Transport, leisure and things to do.'],
  caring: ['Caring', 'Looking after someone, and looking after yourself while you do.'],
  'work-learning-volunteering': ['Work, learning and volunteering', 'Jobs, courses and giving your time.'],
  safety: ['Safety', 'Feeling safe at home and out, and staying safe from harm.'],
} as const satisfies Record<string, readonly [string, string]>;

const supportTypeSpecs = {
  'family-and-friends': ['Family and friends', 'The people around you: family, friends and neighbours.'],
  'community-group': ['Community group', 'Groups and clubs run by local people.'],
  'universal-service': ['Universal service', 'Services open to everyone, like libraries, leisure centres and GPs.'],
  'voluntary-sector': ['Voluntary sector', 'Charities and voluntary organisations.'],
  specialist: ['Specialist or paid support', 'Support for particular needs, sometimes paid for or by referral.'],
} as const satisfies Record<string, readonly [string, string]>;

export type LifeArea = keyof typeof lifeAreaSpecs;
export type SupportType = keyof typeof supportTypeSpecs;

const serviceTypeSpecs = {
  'carers-group': ["Carers' group", 'caring', 'Meeting other carers for support and a break.'],
  'carers-peer-support': ["Carers' peer support", 'caring', 'Carers who have been there helping with forms and planning.'],
  'kinship-carers': ['Kinship carers', 'caring', 'Grandparents and relatives bringing up a child.'],
  'parent-and-toddler': ['Parent and toddler group', 'caring', 'Play and a chat for under-fives and the grown-ups who look after them.'],
  befriending: ['Befriending', 'connections', 'A regular visit or call from a volunteer.'],
  'lunch-club': ['Lunch club', 'connections', 'A hot meal in good company.'],
  'coffee-morning': ['Coffee morning', 'connections', 'Tea, coffee and a chat.'],
  'mens-shed': ["Men's shed", 'connections', 'Making, mending and talking shoulder to shoulder.'],
  'craft-group': ['Craft group', 'connections', 'Knitting, sewing and making things together.'],
  'singing-group': ['Singing group', 'connections', 'Singing together, no experience needed.'],
  'welsh-language-group': ['Welsh-language group', 'connections', 'Meeting and chatting in Welsh, for speakers and learners.'],
  'good-neighbours': ['Good neighbour scheme', 'connections', 'Neighbours helping with small everyday things.'],
  'benefits-advice': ['Benefits advice', 'money', 'Checking what you are entitled to and help to claim it.'],
  'debt-advice': ['Debt advice', 'money', 'Free, confidential help to deal with debts.'],
  foodbank: ['Foodbank', 'money', 'Emergency food parcels.'],
  'credit-union': ['Credit union', 'money', 'Saving and fair loans.'],
  'housing-advice': ['Housing advice', 'home', 'Help to find, keep or adapt a home.'],
  'warm-space': ['Warm space', 'home', 'A warm, welcoming place to spend time in winter.'],
  'home-repairs': ['Home repairs and adaptations', 'home', 'Small repairs, grab rails and help to stay at home.'],
  'energy-advice': ['Energy advice', 'home', 'Help with heating, bills and keeping warm.'],
  'walking-group': ['Walking group', 'health-and-wellbeing', 'Short, friendly walks at an easy pace.'],
  'dementia-cafe': ['Dementia café', 'health-and-wellbeing', 'A relaxed café for people living with dementia and their families.'],
  'mental-health-peer-support': ['Mental health peer support', 'health-and-wellbeing', 'People with lived experience supporting each other.'],
  'bereavement-support': ['Bereavement support', 'health-and-wellbeing', 'Support after someone has died.'],
  'gentle-exercise': ['Gentle exercise', 'health-and-wellbeing', 'Seated and gentle exercise classes.'],
  'gp-social-prescribing': ['GP social prescribing', 'health-and-wellbeing', 'A link worker at your GP practice who connects you with local support.'],
  'health-support-group': ['Health support group', 'health-and-wellbeing', 'Groups for people living with a health condition.'],
  'sensory-support': ['Sight and hearing support', 'health-and-wellbeing', 'Help with sight loss, hearing aids and equipment.'],
  gardening: ['Community gardening', 'health-and-wellbeing', 'Growing things together outdoors.'],
  'community-transport': ['Community transport', 'getting-out', 'Door-to-door transport and volunteer drivers.'],
  'leisure-centre': ['Leisure centre', 'getting-out', 'Swimming, gym and classes.'],
  'sport-and-leisure': ['Sport and leisure club', 'getting-out', 'Clubs for games and sport at your own pace.'],
  'mobility-hire': ['Mobility equipment hire', 'getting-out', 'Borrowing wheelchairs and scooters to get around town.'],
  'digital-help': ['Digital help', 'work-learning-volunteering', 'Help with phones, tablets and getting online.'],
  volunteering: ['Volunteering', 'work-learning-volunteering', 'Finding a way to give your time.'],
  'adult-learning': ['Adult learning', 'work-learning-volunteering', 'Courses and classes for adults.'],
  'library-service': ['Library service', 'work-learning-volunteering', 'Books, computers, information and events.'],
  'job-club': ['Job club', 'work-learning-volunteering', 'Help with CVs, applications and finding work.'],
  'falls-prevention': ['Falls prevention exercise', 'safety', 'Strength and balance classes to prevent falls.'],
  'scams-awareness': ['Scams awareness', 'safety', 'Spotting and stopping scams and doorstep crime.'],
  'fire-safety': ['Home fire safety', 'safety', 'Free home safety visits and smoke alarms.'],
  'domestic-abuse-support': ['Domestic abuse support', 'safety', 'Confidential help for anyone affected by domestic abuse.'],
} as const satisfies Record<string, readonly [string, LifeArea, string]>;

export type ServiceType = keyof typeof serviceTypeSpecs;

const term = (taxonomy: string, key: string, name: string, description: string, parentId?: string): TaxonomyTerm =>
  parentId === undefined
    ? { id: stableId('taxonomy-term', `${taxonomy}:${key}`), name, description, taxonomy }
    : { id: stableId('taxonomy-term', `${taxonomy}:${key}`), name, description, parentId, taxonomy };

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as Array<[K, V]>;

export const lifeAreas: Record<LifeArea, TaxonomyTerm> = Object.fromEntries(
  entries(lifeAreaSpecs).map(([key, [name, description]]) => [key, term(LIFE_AREA, key, name, description)]),
) as Record<LifeArea, TaxonomyTerm>;

export const supportTypes: Record<SupportType, TaxonomyTerm> = Object.fromEntries(
  entries(supportTypeSpecs).map(([key, [name, description]]) => [key, term(SUPPORT_TYPE, key, name, description)]),
) as Record<SupportType, TaxonomyTerm>;

export const serviceTypes: Record<ServiceType, TaxonomyTerm> = Object.fromEntries(
  entries(serviceTypeSpecs).map(([key, [name, area, description]]) => [
    key,
    term(SERVICE_TYPE, key, name, description, lifeAreas[area].id),
  ]),
) as Record<ServiceType, TaxonomyTerm>;

/** The life area a service type is filed under. */
export const lifeAreaOf = (type: ServiceType): LifeArea => serviceTypeSpecs[type][1];

/** Every term, life areas first, then support types, then service types. */
export const taxonomyTerms: TaxonomyTerm[] = [
  ...Object.values(lifeAreas),
  ...Object.values(supportTypes),
  ...Object.values(serviceTypes),
];
