import type { Hub, HubKind, HubSessionPlan, Schedule, SessionKind } from '../../src/contract/directory.ts';
import { stableId } from './ids.ts';
import { organization } from './organizations.ts';
import { venue } from './places.ts';
import { fortnightly, monthly, weekly } from './schedules.ts';

/**
 * Borsetshire's Community Led Support talking points: the libraries,
 * leisure centres, supermarkets, pharmacies, market stall, shop fronts,
 * halls and health centres where community connectors hold drop-in and
 * bookable sessions.
 */

type SessionSpec = ({ mode: 'drop-in'; schedule: Schedule } | { mode: 'bookable'; capacity: number; schedule: Schedule }) & { kind?: SessionKind };

interface HubSpec {
  key: string;
  venue: string;
  name: string;
  kind: HubKind;
  description: string;
  /** The Welsh name and description, for hubs in Wales that have them. */
  cy?: { name: string; description: string };
  sessions: SessionSpec[];
}

const IN_PERSON = { attendingType: 'in person' };
const dropIn = (schedule: Schedule): SessionSpec => ({ mode: 'drop-in', schedule });
const bookable = (capacity: number, schedule: Schedule): SessionSpec => ({ mode: 'bookable', capacity, schedule });
/** A session of another kind than the usual talking point conversation. */
const as = (kind: SessionKind, session: SessionSpec): SessionSpec => ({ ...session, kind });

const hubSpecs: HubSpec[] = [
  {
    key: 'borchester-library',
    venue: 'borchester-library',
    name: 'Borchester Library Talking Point',
    kind: 'library',
    description:
      'Talk to a community connector in the ground-floor meeting room. Drop in on Thursdays, or book a longer conversation on Tuesday mornings.',
    sessions: [dropIn(weekly(['TH'], '12:00', '15:00', IN_PERSON)), bookable(8, fortnightly('2026-01-06', '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'borchester-leisure',
    venue: 'borchester-leisure',
    name: 'Talking Point at Borchester Sports and Leisure Centre',
    kind: 'leisure-centre',
    description: 'A table in the café area on Monday mornings. No need to be a member of the centre.',
    sessions: [dropIn(weekly(['MO'], '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'borchester-market',
    venue: 'borchester-market',
    name: 'Borchester Market Talking Point stall',
    kind: 'market',
    description:
      'Look for the green gazebo in the middle aisle of the Market Hall on market day. Pick up leaflets or sit down for a chat.',
    sessions: [
      dropIn(weekly(['WE'], '09:30', '13:00', IN_PERSON)),
      as('peer-support', dropIn(monthly(1, 'SA', '09:30', '12:30', { ...IN_PERSON, note: 'Saturday stall for people who work in the week, with the carers’ peer support group.' }))),
    ],
  },
  {
    key: 'borchester-marches-fresh',
    venue: 'borchester-marches-fresh',
    name: 'Talking Point at Marches Fresh, Borchester',
    kind: 'supermarket',
    description: 'In the community room by the customer toilets. Come in while you do your shopping; we can keep an eye on your trolley.',
    sessions: [dropIn(weekly(['FR'], '10:00', '13:00', IN_PERSON))],
  },
  {
    key: 'borchester-riverside',
    venue: 'borchester-riverside',
    name: 'Riverside Community Centre Talking Point',
    kind: 'community-centre',
    description:
      'Bookable community contact sessions on Monday afternoons, and a monthly drop-in with the carers centre and Borsetshire Advice.',
    sessions: [
      bookable(10, weekly(['MO'], '13:30', '16:00', IN_PERSON)),
      as('carers-clinic', dropIn(monthly(1, 'WE', '10:00', '12:00', { ...IN_PERSON, note: 'Carers centre and advice workers join us.' }))),
    ],
  },
  {
    key: 'felpersham-library',
    venue: 'felpersham-library',
    name: 'Felpersham Library Talking Point',
    kind: 'library',
    description: 'Book a 30-minute conversation with a community connector in the library study room.',
    sessions: [bookable(6, weekly(['WE'], '10:00', '13:00', IN_PERSON))],
  },
  {
    key: 'felpersham-hub-high-street',
    venue: 'felpersham-hub-high-street',
    name: 'The Hub on High Street, Felpersham',
    kind: 'shop',
    description:
      'A shop front on the high street where you can walk in and talk to someone. Tea and coffee always on. Friday mornings are for booked appointments.',
    sessions: [dropIn(weekly(['TU', 'TH'], '10:00', '16:00', IN_PERSON)), bookable(4, weekly(['FR'], '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'felpersham-greenbank',
    venue: 'felpersham-greenbank',
    name: 'Talking Point at Greenbank Supermarket, Felpersham',
    kind: 'supermarket',
    description: 'A stand by the entrance every other Saturday, for people who cannot get to a weekday session.',
    sessions: [dropIn(fortnightly('2026-01-10', '10:00', '13:00', IN_PERSON))],
  },
  {
    key: 'hollerton-library',
    venue: 'hollerton-library',
    name: 'Hollerton Library Talking Point',
    kind: 'library',
    description: 'Drop in on Tuesday mornings. A digital buddy is often there too if you need help with a phone or tablet.',
    sessions: [dropIn(weekly(['TU'], '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'hollerton-health-centre',
    venue: 'hollerton-health-centre',
    name: 'Hollerton Health Centre Talking Point',
    kind: 'health-centre',
    description:
      'Bookable sessions with a community connector and the social prescribing link worker. Book at reception or ask your GP.',
    sessions: [bookable(6, weekly(['MO'], '09:30', '12:30', IN_PERSON))],
  },
  {
    key: 'hollerton-pharmacy',
    venue: 'hollerton-pharmacy',
    name: 'Talking Point at Hollerton Pharmacy',
    kind: 'pharmacy',
    description: 'A private chat in the consultation room while you wait for your prescription.',
    sessions: [dropIn(fortnightly('2026-01-08', '14:00', '16:00', IN_PERSON))],
  },
  {
    key: 'astley-marsh-pharmacy',
    venue: 'astley-marsh-pharmacy',
    name: 'Talking Point at Astley Marsh Pharmacy',
    kind: 'pharmacy',
    description: 'The village\'s only regular talking point. A connector uses the consultation room every other Wednesday morning.',
    sessions: [dropIn(fortnightly('2026-01-14', '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'aberwen-library',
    venue: 'aberwen-library',
    name: 'Aberwen Library Talking Point',
    kind: 'library',
    description:
      'Drop in on Thursdays or book a Monday appointment. Our connectors speak Welsh and English: ask for the language you prefer.',
    cy: {
      name: 'Man Siarad Llyfrgell Aberwen',
      description:
        'Galwch heibio ar ddydd Iau neu drefnu apwyntiad ar ddydd Llun. Mae ein cysylltwyr yn siarad Cymraeg a Saesneg: gofynnwch am yr iaith sydd orau gennych.',
    },
    sessions: [dropIn(weekly(['TH'], '12:00', '15:00', IN_PERSON)), bookable(8, fortnightly('2026-01-12', '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'aberwen-leisure',
    venue: 'aberwen-leisure',
    name: 'Talking Point at Aberwen Leisure Centre',
    kind: 'leisure-centre',
    description: 'A summer pilot in the leisure centre foyer, timed to match the over-60s swim.',
    sessions: [dropIn(weekly(['WE'], '10:00', '12:00', { ...IN_PERSON, validFrom: '2026-04-01', validTo: '2026-09-30' }))],
  },
  {
    key: 'aberwen-siop',
    venue: 'aberwen-siop',
    name: 'Aberwen Community Shop Talking Point',
    kind: 'shop',
    description: 'In the quiet corner of the community shop on Stryd Fawr. Welsh or English, whichever you like.',
    cy: {
      name: 'Man Siarad Siop Gymunedol Aberwen',
      description: 'Yng nghornel dawel y siop gymunedol ar Stryd Fawr. Siaradwch Gymraeg neu Saesneg, fel y mynnwch.',
    },
    sessions: [dropIn(weekly(['TU'], '14:00', '16:00', IN_PERSON)), dropIn(weekly(['SA'], '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'aberwen-health-centre',
    venue: 'aberwen-health-centre',
    name: 'Aberwen Health Centre Talking Point',
    kind: 'health-centre',
    description: 'Bookable appointments on Friday mornings with a connector and the link worker. Ask at reception.',
    sessions: [bookable(6, weekly(['FR'], '09:30', '12:00', IN_PERSON))],
  },
  {
    key: 'pont-y-castell-library',
    venue: 'pont-y-castell-library',
    name: 'Pont-y-Castell Library Talking Point',
    kind: 'library',
    description:
      'Drop in on Monday afternoons or book a conversation every other Wednesday. Sessions are upstairs; tell us if you need us to come down to the ground floor.',
    sessions: [dropIn(weekly(['MO'], '13:00', '16:00', IN_PERSON)), bookable(5, fortnightly('2026-01-07', '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'pont-y-castell-leisure',
    venue: 'pont-y-castell-leisure',
    name: 'Talking Point at Pont-y-Castell Leisure Centre',
    kind: 'leisure-centre',
    description: 'In the foyer on Friday mornings, next to the café.',
    sessions: [dropIn(weekly(['FR'], '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'pont-y-castell-pharmacy',
    venue: 'pont-y-castell-pharmacy',
    name: "Talking Point at Fferyllfa'r Bont, Pont-y-Castell",
    kind: 'pharmacy',
    description: 'A new talking point in the pharmacy consultation room, started in February 2026.',
    sessions: [dropIn(weekly(['TU'], '10:00', '12:00', { ...IN_PERSON, validFrom: '2026-02-03' }))],
  },
  {
    key: 'llanfair-dyffryn-neuadd',
    venue: 'llanfair-dyffryn-neuadd',
    name: 'Talking Point at Neuadd Bentref Llanfair Dyffryn',
    kind: 'community-centre',
    description: 'Every other Tuesday in the village hall, alongside the lunch club. Welsh-speaking connector.',
    sessions: [dropIn(fortnightly('2026-01-13', '10:00', '12:30', IN_PERSON))],
  },
  {
    key: 'marchbrook-hall',
    venue: 'marchbrook-hall',
    name: 'Marchbrook Community Hall Talking Point',
    kind: 'community-centre',
    description: 'Every other Thursday morning. Community transport can bring you from outlying farms: book two days ahead.',
    sessions: [dropIn(fortnightly('2026-01-15', '10:00', '12:00', IN_PERSON))],
  },
  {
    key: 'llanddewi-neuadd',
    venue: 'llanddewi-neuadd',
    name: 'Talking Point at Neuadd Llanddewi Fach',
    kind: 'community-centre',
    description: 'Once a month in the village hall. There are steps at the entrance; phone us and we can arrange to meet you somewhere else nearby.',
    sessions: [dropIn(monthly(3, 'FR', '10:00', '13:00', IN_PERSON))],
  },
  {
    key: 'onnybrook-hall',
    venue: 'onnybrook-hall',
    name: 'Onnybrook Village Hall Talking Point',
    kind: 'community-centre',
    description: 'A drop-in on the first Tuesday of the month, and booked half-hour conversations on the third Tuesday.',
    sessions: [dropIn(monthly(1, 'TU', '10:00', '12:00', IN_PERSON)), as('support-planning', bookable(4, monthly(3, 'TU', '10:00', '12:00', IN_PERSON)))],
  },
  {
    key: 'edgeley-cross-hall',
    venue: 'edgeley-cross-hall',
    name: 'Edgeley Cross Memorial Hall Talking Point',
    kind: 'community-centre',
    description: 'Every other Monday afternoon in the small meeting room.',
    sessions: [dropIn(fortnightly('2026-01-12', '14:00', '16:00', IN_PERSON))],
  },
  {
    key: 'llangwynfor-neuadd',
    venue: 'llangwynfor-neuadd',
    name: 'Talking Point at Neuadd Llangwynfor',
    kind: 'community-centre',
    description: 'A six-month pilot on Wednesday afternoons. Tell us if you would like it to carry on.',
    sessions: [
      bookable(
        12,
        weekly(['WE'], '13:00', '15:00', { ...IN_PERSON, validFrom: '2026-01-07', validTo: '2026-07-15', note: 'Book a place, or just turn up if there is space.' }),
      ),
    ],
  },
];

const cls = organization('council-cls');

function toHub(spec: HubSpec): Hub {
  const place = venue(spec.venue);
  const sessions: HubSessionPlan[] = spec.sessions.map((session, i) => {
    const id = stableId('hub-session', `${spec.key}:${i}`);
    const schedule: Schedule = { id: stableId('schedule', `hub:${spec.key}:${i}`), ...session.schedule };
    const kind = session.kind ? { kind: session.kind } : {};
    return session.mode === 'bookable' ? { id, mode: 'bookable', capacity: session.capacity, schedule, ...kind } : { id, mode: 'drop-in', schedule, ...kind };
  });
  return {
    id: stableId('hub', spec.key),
    name: spec.name,
    kind: spec.kind,
    description: spec.description,
    address: { line1: place.line1, city: place.place, region: 'Borsetshire', postcode: place.postcode, country: 'United Kingdom' },
    coordinates: { ...place.coordinates },
    accessibility: [...place.accessibility],
    stepFree: place.stepFree,
    ...(cls.phone ? { phone: cls.phone } : {}),
    sessions,
    ...(spec.cy ? { translations: { cy: { ...spec.cy } } } : {}),
  };
}

export const hubs: Hub[] = hubSpecs.map(toHub);
