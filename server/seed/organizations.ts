import type { Organization } from '../../src/contract/directory.ts';
import { stableId } from './ids.ts';

/**
 * The organisations behind Borsetshire's hubs and community resources. All
 * invented: websites and email addresses use the reserved `.example`
 * top-level domain, and phone numbers are from Ofcom's range kept for
 * drama (01632 960000–960999), so nothing here reaches a real person.
 */

interface OrgSpec {
  name: string;
  description: string;
  /** The host name under `.example`; none for groups without a website. */
  site?: string;
  /** The mailbox at the site's domain; none for groups without email. */
  mailbox?: string;
}

const orgSpecs = {
  // The council and other public bodies.
  'council-cls': {
    name: 'Borsetshire County Council: Community Led Support',
    description:
      'The council\'s adult social care front door. Community connectors hold talking points across the county, where you can talk about what matters to you and find support close to home.',
    site: 'borsetshire-council',
    mailbox: 'talkingpoints',
  },
  'council-libraries': {
    name: 'Borsetshire Libraries',
    description: 'The county\'s public library service: five town libraries, a mobile library for the villages, and help to get online.',
    site: 'borsetshire-libraries',
    mailbox: 'libraries',
  },
  'council-learning': {
    name: 'Borsetshire Adult and Community Learning',
    description: 'Low-cost courses for adults in libraries and community centres, from English and maths to cookery and computing.',
    site: 'learn-borsetshire',
    mailbox: 'courses',
  },
  'council-housing': {
    name: 'Borsetshire Housing Options',
    description: 'The council\'s housing team: advice if you are homeless or at risk of losing your home, and help to find somewhere suitable to live.',
    site: 'borsetshire-council',
    mailbox: 'housing',
  },
  'council-trading-standards': {
    name: 'Borsetshire Trading Standards',
    description: 'Protecting residents from scams, rogue traders and doorstep crime.',
    site: 'borsetshire-council',
    mailbox: 'tradingstandards',
  },
  'council-health-walks': {
    name: 'Borsetshire Health Walks',
    description: 'Free, short walks led by trained volunteers, run by the council\'s public health team.',
    site: 'borsetshire-health-walks',
    mailbox: 'walks',
  },
  'fire-service': {
    name: 'Marches Fire and Rescue Service',
    description: 'The fire and rescue service for Borsetshire and its neighbours. Offers free Safe and Well visits at home.',
    site: 'marches-fire',
    mailbox: 'safeandwell',
  },
  'pcn-east': {
    name: 'Borchester and Felpersham Primary Care Network',
    description: 'GP practices in the east of the county working together, including social prescribing link workers.',
    site: 'bf-pcn',
    mailbox: 'linkworkers',
  },
  'pcn-west': {
    name: 'Dyffryn Wen Primary Care Network',
    description: 'GP practices in the Wen valley and the west of the county, with bilingual social prescribing link workers.',
    site: 'dyffryn-wen-pcn',
    mailbox: 'cyswllt',
  },
  'leisure-trust': {
    name: 'Marches Leisure Trust',
    description: 'A charitable trust running the county\'s leisure centres and pools, with concessions for older and disabled people and carers.',
    site: 'marches-leisure',
    mailbox: 'info',
  },
  'borchester-town-council': {
    name: 'Borchester Town Council',
    description: 'Runs Borchester Market Hall and the town\'s parks and events.',
    site: 'borchester-town',
    mailbox: 'clerk',
  },
  // Charities and voluntary organisations.
  'age-matters': {
    name: 'Age Matters Borsetshire',
    description: 'A local charity for older people: lunch clubs, befriending, information and advice, and help at home.',
    site: 'age-matters-borsetshire',
    mailbox: 'hello',
  },
  carers: {
    name: 'Borsetshire Carers Centre',
    description: 'Support for unpaid carers of all ages: groups, peer supporters, information, and help with carers\' assessments.',
    site: 'borsetshire-carers',
    mailbox: 'support',
  },
  advice: {
    name: 'Borsetshire Advice',
    description: 'Free, independent, confidential advice on benefits, debt, housing, work and consumer problems.',
    site: 'borsetshire-advice',
    mailbox: 'advice',
  },
  'transport-east': {
    name: 'Borchester and District Community Transport',
    description: 'Door-to-door minibus and volunteer car scheme for people who cannot easily use buses, in the north and east of the county.',
    site: 'borchester-community-transport',
    mailbox: 'bookings',
  },
  'transport-south': {
    name: 'Hollerton and Felpersham Dial-a-Ride',
    description: 'A bookable minibus and volunteer drivers for the south of the county, for shopping, appointments and social trips.',
    site: 'hf-dialaride',
    mailbox: 'bookings',
  },
  'transport-west': {
    name: 'Cludiant Cymunedol Dyffryn Wen / Wen Valley Community Transport',
    description: 'Community transport for the Welsh side of the county: minibus trips, volunteer cars and a wheelchair-accessible car. Welsh-speaking drivers.',
    site: 'cludiant-dyffryn-wen',
    mailbox: 'archebu',
  },
  volunteer: {
    name: 'Volunteer Borsetshire',
    description: 'The county volunteer centre: matching people with volunteering roles and supporting local groups.',
    site: 'volunteer-borsetshire',
    mailbox: 'volunteer',
  },
  'housing-association': {
    name: 'Marches Homes',
    description: 'A housing association with homes across Borsetshire, including sheltered and extra-care housing, and tenancy support.',
    site: 'marches-homes',
    mailbox: 'tenancysupport',
  },
  'care-and-repair': {
    name: 'Borders Care and Repair',
    description: 'Helps older and disabled people stay safe and warm at home: a handyperson service, grab rails and help with adaptations.',
    site: 'borders-care-repair',
    mailbox: 'enquiries',
  },
  'credit-union': {
    name: 'Borderlands Credit Union',
    description: 'A not-for-profit savings and loans co-operative for people who live or work in the Marches.',
    site: 'borderlands-cu',
    mailbox: 'members',
  },
  foodbank: {
    name: 'Marches Foodbank',
    description: 'Emergency food, and help with the reasons people need it, from distribution centres across the county.',
    site: 'marches-foodbank',
    mailbox: 'info',
  },
  'open-minds': {
    name: 'Open Minds Borsetshire',
    description: 'Mental health peer support: groups run by and for people with lived experience.',
    site: 'open-minds-borsetshire',
    mailbox: 'groups',
  },
  'forget-me-not': {
    name: 'Forget-Me-Not Cafés',
    description: 'Dementia-friendly cafés for people living with dementia or memory problems and the people who care for them.',
    site: 'forget-me-not-cafes',
    mailbox: 'cafes',
  },
  bereavement: {
    name: 'Borders Bereavement Support',
    description: 'Free support after someone has died: trained volunteers, groups and a helpline.',
    site: 'borders-bereavement',
    mailbox: 'support',
  },
  'digital-buddies': {
    name: 'Digital Buddies Borsetshire',
    description: 'Volunteers who help people use phones, tablets and computers, at their own pace.',
    site: 'digital-buddies',
    mailbox: 'help',
  },
  'safer-borders': {
    name: 'Safer Borders',
    description: 'Confidential support for anyone affected by domestic abuse, including outreach, refuge and help through the courts.',
    site: 'safer-borders',
    mailbox: 'help',
  },
  'sight-hearing': {
    name: 'Marches Sight and Hearing Support',
    description: 'Practical help for people living with sight or hearing loss: equipment, hearing aid clinics and support groups.',
    site: 'marches-sight-hearing',
    mailbox: 'info',
  },
  'warm-homes': {
    name: 'Warm Homes Marches',
    description: 'Free, impartial energy advice: cutting bills, grants for insulation and heating, and dealing with suppliers.',
    site: 'warm-homes-marches',
    mailbox: 'advice',
  },
  'community-council': {
    name: 'Community Council for Borsetshire',
    description: 'The rural community council: supports village halls, good neighbour schemes and community-led projects.',
    site: 'ccb-borsetshire',
    mailbox: 'info',
  },
  'stroke-club': {
    name: 'Marches Stroke Club',
    description: 'A friendly club for stroke survivors and their families, run by volunteers.',
  },
  'hollerton-shed': {
    name: 'Hollerton Men\'s Shed',
    description: 'A community workshop in Hollerton where people make, mend and chat.',
    site: 'hollerton-shed',
    mailbox: 'shed',
  },
  'borchester-shed': {
    name: 'Borchester Men\'s Shed',
    description: 'A workshop for woodwork, repairs and company in Borchester.',
  },
  'aberwen-shed': {
    name: 'Sied Dynion Aberwen / Aberwen Men\'s Shed',
    description: 'A bilingual community workshop in Aberwen.',
    site: 'sied-aberwen',
    mailbox: 'sied',
  },
  'merched-y-fro': {
    name: 'Merched y Fro',
    description: 'A Welsh-language movement for women, with branches in villages and towns across the Welsh side of the county. Learners welcome.',
    site: 'merched-y-fro',
    mailbox: 'swyddfa',
  },
  'menter-iaith': {
    name: 'Menter Iaith Dyffryn Wen',
    description: 'Promotes the Welsh language in the community: social events, learners\' chat groups and Welsh-language activities.',
    site: 'menter-dyffryn-wen',
    mailbox: 'post',
  },
  cylchoedd: {
    name: 'Cylchoedd y Gororau',
    description: 'Welsh-medium parent and toddler groups (Cylch Ti a Fi) on the Welsh side of the county. Every family welcome, whatever language you speak at home.',
    site: 'cylchoedd-gororau',
    mailbox: 'helo',
  },
  'little-acorns': {
    name: 'Little Acorns Family Groups',
    description: 'Volunteer-run parent, carer and toddler groups in church and village halls.',
    site: 'little-acorns-groups',
    mailbox: 'hello',
  },
  'st-michaels': {
    name: 'St Michael\'s Church, Borchester',
    description: 'A town-centre parish church with a busy hall: coffee mornings, a lunch club and a warm space in winter.',
    site: 'st-michaels-borchester',
    mailbox: 'office',
  },
  'capel-bethania': {
    name: 'Capel Bethania, Aberwen',
    description: 'A Welsh chapel in the centre of Aberwen with a vestry open to community groups.',
  },
  'felpersham-methodist': {
    name: 'Felpersham Methodist Church',
    description: 'A church at the heart of Felpersham with community groups through the week.',
    site: 'felpersham-methodist',
    mailbox: 'minister',
  },
  'churches-together': {
    name: 'Churches Together in Borsetshire',
    description: 'Churches and chapels of every denomination, in English and Welsh, opening their halls and vestries to the community.',
    site: 'churches-together-borsetshire',
    mailbox: 'secretary',
  },
  'village-halls': {
    name: 'Borsetshire Village Halls Network',
    description: 'The committees of the county\'s village and community halls, working together through the Community Council for Borsetshire.',
    site: 'ccb-borsetshire',
    mailbox: 'halls',
  },
  gardeners: {
    name: 'Hollybrook Community Garden Group',
    description: 'Volunteers growing fruit, vegetables and flowers on the old allotments in Hollybrook.',
  },
} as const satisfies Record<string, OrgSpec>;

export type OrgKey = keyof typeof orgSpecs;

const keys = Object.keys(orgSpecs) as OrgKey[];

function toOrganization(key: OrgKey, index: number): Organization {
  const spec: OrgSpec = orgSpecs[key];
  // Ofcom's drama range: 01632 960000–960999.
  const phone = `01632 960${String(100 + index * 17).padStart(3, '0')}`;
  return {
    id: stableId('organization', key),
    name: spec.name,
    description: spec.description,
    ...(spec.site ? { website: `https://${spec.site}.example/` } : {}),
    ...(spec.site && spec.mailbox ? { email: `${spec.mailbox}@${spec.site}.example` } : {}),
    phone,
  };
}

const byKey = new Map<OrgKey, Organization>(keys.map((key, index) => [key, toOrganization(key, index)]));

export const organizations: Organization[] = [...byKey.values()];

export function organization(key: OrgKey): Organization {
  const found = byKey.get(key);
  if (!found) throw new Error(`Unknown organisation: ${key}`);
  return found;
}
