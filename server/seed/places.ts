import type { Coordinates } from '../../src/contract/directory.ts';
import { hashInt, round, unit } from './random.ts';

/**
 * The geography of Borsetshire, an invented county on the England–Wales
 * border (the Welsh Marches): its towns and villages, the venues where
 * things happen, and the postcodes and outcodes the hub finder can look up.
 *
 * Every name, street and postcode here is made up. Postcodes have the real
 * shape of the SY and LD areas (`SY7 9QT`), and each place keeps to one
 * outcode whose places are close together; coordinates fall inside
 * latitude 52.35–53.05, longitude −3.45 to −2.65.
 */

export interface Place {
  name: string;
  welshName?: string;
  kind: 'town' | 'village';
  outcode: string;
  coordinates: Coordinates;
}

export interface PostcodePoint {
  postcode: string;
  coordinates: Coordinates;
}

export interface OutcodePoint {
  outcode: string;
  coordinates: Coordinates;
}

/** Which side of the border a place is on; Welsh places get Welsh names and bilingual groups. */
export type Nation = 'England' | 'Wales';

interface PlaceSpec extends Place {
  nation: Nation;
  /** The postcode sector digit the place's postcodes use (`SY7 9..`). */
  sector: number;
}

const placeSpecs: PlaceSpec[] = [
  { name: 'Borchester', kind: 'town', outcode: 'SY4', sector: 5, nation: 'England', coordinates: { lat: 52.781, lng: -2.792 } },
  { name: 'Astley Marsh', kind: 'village', outcode: 'SY4', sector: 3, nation: 'England', coordinates: { lat: 52.812, lng: -2.748 } },
  { name: 'Hollybrook', kind: 'village', outcode: 'SY5', sector: 0, nation: 'England', coordinates: { lat: 52.655, lng: -2.905 } },
  { name: 'Ashcombe St Mary', kind: 'village', outcode: 'SY5', sector: 8, nation: 'England', coordinates: { lat: 52.628, lng: -2.87 } },
  { name: 'Hollerton', kind: 'town', outcode: 'SY9', sector: 5, nation: 'England', coordinates: { lat: 52.505, lng: -2.96 } },
  { name: 'Edgeley Cross', kind: 'village', outcode: 'SY9', sector: 3, nation: 'England', coordinates: { lat: 52.478, lng: -2.925 } },
  { name: 'Felpersham', kind: 'town', outcode: 'SY8', sector: 1, nation: 'England', coordinates: { lat: 52.395, lng: -2.745 } },
  { name: 'Onnybrook', kind: 'village', outcode: 'SY8', sector: 2, nation: 'England', coordinates: { lat: 52.43, lng: -2.79 } },
  { name: 'Dykeside', welshName: 'Glan Clawdd', kind: 'village', outcode: 'SY10', sector: 7, nation: 'England', coordinates: { lat: 52.905, lng: -3.09 } },
  { name: 'Llangwynfor', kind: 'village', outcode: 'SY10', sector: 9, nation: 'Wales', coordinates: { lat: 52.93, lng: -3.16 } },
  { name: 'Llanfair Dyffryn', kind: 'village', outcode: 'LD7', sector: 1, nation: 'Wales', coordinates: { lat: 52.372, lng: -3.12 } },
  { name: 'Bryn-y-Groes', kind: 'village', outcode: 'LD7', sector: 2, nation: 'Wales', coordinates: { lat: 52.388, lng: -3.18 } },
  { name: 'Marchbrook', welshName: 'Nant y Mers', kind: 'village', outcode: 'SY15', sector: 6, nation: 'Wales', coordinates: { lat: 52.565, lng: -3.12 } },
  { name: 'Aberwen', kind: 'town', outcode: 'SY16', sector: 1, nation: 'Wales', coordinates: { lat: 52.54, lng: -3.33 } },
  { name: 'Cwm Eithin', kind: 'village', outcode: 'SY16', sector: 4, nation: 'Wales', coordinates: { lat: 52.515, lng: -3.385 } },
  { name: 'Pont-y-Castell', kind: 'town', outcode: 'SY21', sector: 7, nation: 'Wales', coordinates: { lat: 52.693, lng: -3.175 } },
  { name: 'Llanfihangel-y-Waun', kind: 'village', outcode: 'SY21', sector: 0, nation: 'Wales', coordinates: { lat: 52.72, lng: -3.23 } },
  { name: 'Llanddewi Fach', kind: 'village', outcode: 'SY22', sector: 5, nation: 'Wales', coordinates: { lat: 52.79, lng: -3.28 } },
];

export const places: Place[] = placeSpecs.map(({ name, welshName, kind, outcode, coordinates }) =>
  welshName ? { name, welshName, kind, outcode, coordinates } : { name, kind, outcode, coordinates },
);

/** `Pont-y-Castell` → `pont-y-castell`: the key of a place in other seed keys. */
export const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function placeSpec(name: string): PlaceSpec {
  const spec = placeSpecs.find((p) => p.name === name);
  if (!spec) throw new Error(`Unknown place: ${name}`);
  return spec;
}

export const nationOf = (name: string): Nation => placeSpec(name).nation;

/** What a venue is, for choosing where a kind of activity happens. */
export type VenueKind =
  | 'library'
  | 'leisure-centre'
  | 'supermarket'
  | 'pharmacy'
  | 'market'
  | 'shop'
  | 'community-centre'
  | 'health-centre'
  | 'village-hall'
  | 'church'
  | 'cafe'
  | 'office'
  | 'workshop'
  | 'park';

/** A building or meeting point where a hub or a service is. */
export interface Venue {
  key: string;
  name: string;
  kind: VenueKind;
  place: string;
  line1: string;
  postcode: string;
  coordinates: Coordinates;
  stepFree: boolean;
  accessibility: string[];
}

type VenueSpec = Omit<Venue, 'postcode' | 'coordinates'>;

// Notes that recur, in the words a venue would use.
const LEVEL = 'Level access from the street';
const CAR_PARK = 'Step-free entrance from the car park';
const LOOP = 'Hearing loop at reception';
const TOILET = 'Accessible toilet';
const BLUE_BADGE = 'Blue badge parking by the entrance';
const DOGS = 'Assistance dogs welcome';

const v = (
  place: string,
  key: string,
  name: string,
  kind: VenueKind,
  line1: string,
  stepFree: boolean,
  accessibility: string[],
): VenueSpec => ({ key, name, kind, place, line1, stepFree, accessibility });

const venueSpecs: VenueSpec[] = [
  // Borchester: the county town.
  v('Borchester', 'borchester-library', 'Borchester Library', 'library', 'Castle Gates', true, [
    'Step-free entrance from Castle Gates',
    'Lift to all floors',
    'Hearing loop at the main desk',
    'Accessible toilet on the ground floor',
  ]),
  v('Borchester', 'borchester-leisure', 'Borchester Sports and Leisure Centre', 'leisure-centre', 'Meadow Road', true, [
    CAR_PARK,
    BLUE_BADGE,
    'Changing Places toilet',
    'Pool hoist',
  ]),
  v('Borchester', 'borchester-market', 'Borchester Market Hall', 'market', 'Market Square', true, [
    'Level access through the Market Square doors; the cobbles outside are uneven',
    'The stall is in the central aisle, with seating',
    'Nearest accessible toilet is in the library, 200 metres away',
  ]),
  v('Borchester', 'borchester-riverside', 'Riverside Community Centre', 'community-centre', 'Mill Lane', true, [CAR_PARK, LOOP, TOILET, 'Baby changing']),
  v('Borchester', 'borchester-st-michaels', "St Michael's Church Hall", 'church', 'Church Street', false, [
    'Two steps at the side door; a portable ramp is available on request',
    TOILET,
  ]),
  v('Borchester', 'borchester-methodist', 'Northgate Methodist Church', 'church', '41 Northgate', true, [LEVEL, LOOP, TOILET]),
  v('Borchester', 'borchester-copper-kettle', 'The Copper Kettle Café', 'cafe', '9 High Street', true, [
    LEVEL,
    'Quiet back room, away from the counter',
    DOGS,
  ]),
  v('Borchester', 'borchester-marches-fresh', 'Marches Fresh Supermarket, Abbey Retail Park', 'supermarket', 'Abbey Retail Park, Abbey Road', true, [
    CAR_PARK,
    'Community room is next to the customer toilets, on the ground floor',
    TOILET,
  ]),
  v('Borchester', 'borchester-shirehall', 'Shirehall', 'office', 'Shire Street', true, [CAR_PARK, LOOP, TOILET]),
  v('Borchester', 'borchester-advice-centre', 'Borsetshire Advice Centre', 'office', '5 Swan Hill', false, [
    'One step at the front door; ring the bell and an adviser will meet you at the side entrance',
    'Private interview rooms on the ground floor',
  ]),
  v('Borchester', 'borchester-old-school', 'The Old School', 'office', 'College Hill', true, [CAR_PARK, LOOP, TOILET]),
  v('Borchester', 'borchester-health-centre', 'Borchester Health Centre', 'health-centre', 'Abbey Walk', true, [
    CAR_PARK,
    LOOP,
    TOILET,
    'Wheelchairs to borrow at reception',
  ]),
  v('Borchester', 'borchester-shed', "Borchester Men's Shed workshop", 'workshop', 'Unit 7, Tannery Yard', true, [
    'Level workshop floor; the yard is gravel',
    'Toilet is not wheelchair accessible',
  ]),
  v('Borchester', 'borchester-transport-depot', 'Community Transport Depot', 'office', 'Station Approach', true, [
    'Level access to the booking office',
    'Minibuses have passenger lifts',
  ]),
  v('Borchester', 'borchester-quarry-park', 'Quarry Park bandstand', 'park', 'Quarry Park, Victoria Avenue', true, [
    'Tarmac paths; one steep slope down to the river',
    'Public toilets by the main gate',
  ]),
  // Astley Marsh.
  v('Astley Marsh', 'astley-marsh-hall', 'Astley Marsh Village Hall', 'village-hall', 'School Lane', true, [CAR_PARK, TOILET]),
  v('Astley Marsh', 'astley-marsh-pharmacy', 'Astley Marsh Pharmacy', 'pharmacy', '2 The Green', true, [
    LEVEL,
    'Private consultation room',
    'Seating while you wait',
  ]),
  v('Astley Marsh', 'astley-marsh-church', "All Saints' Church", 'church', 'Church Road', false, [
    'Three steps at the porch; level access through the vestry door on request',
  ]),
  // Hollybrook.
  v('Hollybrook', 'hollybrook-hall', 'Hollybrook Village Hall', 'village-hall', 'Ford Road', true, [CAR_PARK, TOILET, LOOP]),
  v('Hollybrook', 'hollybrook-garden', 'Hollybrook Community Garden', 'park', 'Back Lane', true, [
    'Firm paths and raised beds at wheelchair height',
    'Compost toilet only',
  ]),
  // Ashcombe St Mary.
  v('Ashcombe St Mary', 'ashcombe-parish-hall', 'Ashcombe Parish Hall', 'village-hall', 'The Street', true, [LEVEL, TOILET]),
  v('Ashcombe St Mary', 'ashcombe-church', "St Mary's Church", 'church', 'Church Lane', false, ['One step into the church; a ramp is kept inside']),
  // Hollerton.
  v('Hollerton', 'hollerton-library', 'Hollerton Library', 'library', '12 Church Street', true, [LEVEL, LOOP, TOILET, 'Large-print and audio books']),
  v('Hollerton', 'hollerton-health-centre', 'Hollerton Health Centre', 'health-centre', 'Bishop Road', true, [CAR_PARK, LOOP, TOILET]),
  v('Hollerton', 'hollerton-pharmacy', 'Hollerton Pharmacy', 'pharmacy', '3 The Square', false, [
    'One step at the door; ring the bell and the pharmacist will come out to you',
    'Private consultation room',
  ]),
  v('Hollerton', 'hollerton-town-hall', 'Hollerton Town Hall', 'community-centre', 'The Square', false, [
    'Stairs to the upstairs meeting room; the ground-floor room can be used on request',
    TOILET,
  ]),
  v('Hollerton', 'hollerton-baptist', 'Hollerton Baptist Chapel', 'church', 'Welsh Street', true, [LEVEL, LOOP]),
  v('Hollerton', 'hollerton-shed', "Hollerton Men's Shed", 'workshop', 'Station Yard', true, ['Level access', TOILET]),
  v('Hollerton', 'hollerton-rec', 'Hollerton Recreation Ground', 'park', 'Kerry Lane', true, ['Meet in the car park', 'Grass and gravel paths']),
  // Edgeley Cross.
  v('Edgeley Cross', 'edgeley-cross-hall', 'Edgeley Cross Memorial Hall', 'village-hall', 'Main Road', true, [CAR_PARK, TOILET, LOOP]),
  v('Edgeley Cross', 'edgeley-cross-chapel', 'Edgeley Cross Methodist Chapel', 'church', 'Chapel Bank', false, ['Two steps at the entrance, with a handrail']),
  // Felpersham.
  v('Felpersham', 'felpersham-library', 'Felpersham Library', 'library', 'Broad Street', true, [LEVEL, 'Lift to the first floor', LOOP, TOILET]),
  v('Felpersham', 'felpersham-hub-high-street', 'The Hub on High Street', 'shop', '14 High Street', true, [
    LEVEL,
    'Wide door and space for a wheelchair or mobility scooter',
    'Chairs with arms',
    'No public toilet; the library opposite has one',
  ]),
  v('Felpersham', 'felpersham-greenbank', 'Greenbank Supermarket', 'supermarket', 'Station Road', true, [CAR_PARK, BLUE_BADGE, TOILET]),
  v('Felpersham', 'felpersham-community-centre', 'Felpersham Community Centre', 'community-centre', 'Bell Lane', true, [CAR_PARK, LOOP, TOILET]),
  v('Felpersham', 'felpersham-methodist', 'Felpersham Methodist Church', 'church', 'Tower Street', true, [LEVEL, LOOP, TOILET]),
  v('Felpersham', 'felpersham-pool', 'Felpersham Swimming Pool and Fitness Centre', 'leisure-centre', 'Castle Meadows', true, [
    CAR_PARK,
    'Pool hoist',
    'Accessible changing room',
  ]),
  v('Felpersham', 'felpersham-medical', 'Felpersham Medical Practice', 'health-centre', 'Sandpits Road', true, [CAR_PARK, LOOP, TOILET]),
  v('Felpersham', 'felpersham-tea-rooms', 'Castle Tea Rooms', 'cafe', '2 Castle Square', false, [
    'Two steps down into the tea room',
    'Outdoor tables on the square are level',
  ]),
  v('Felpersham', 'felpersham-dialaride', 'Dial-a-Ride Office', 'office', 'Unit 2, Station Road', true, [CAR_PARK, TOILET]),
  v('Felpersham', 'felpersham-castle-meadows', 'Castle Meadows car park', 'park', 'Castle Meadows', true, ['Flat riverside path', 'Public toilets in the car park']),
  // Onnybrook.
  v('Onnybrook', 'onnybrook-hall', 'Onnybrook Village Hall', 'village-hall', 'Bridge Road', true, [CAR_PARK, TOILET]),
  v('Onnybrook', 'onnybrook-chapel', 'Onnybrook Chapel Schoolroom', 'church', 'Chapel Lane', true, [LEVEL]),
  // Dykeside.
  v('Dykeside', 'dykeside-hall', 'Dykeside Village Hall', 'village-hall', 'Offa Road', true, [CAR_PARK, TOILET, LOOP]),
  v('Dykeside', 'dykeside-church', "St Oswald's Church Room", 'church', 'Church Bank', false, ['Steep path and two steps from the lane']),
  // Llangwynfor.
  v('Llangwynfor', 'llangwynfor-neuadd', 'Neuadd Llangwynfor', 'village-hall', 'Ffordd y Llan', true, [CAR_PARK, TOILET]),
  v('Llangwynfor', 'llangwynfor-capel', 'Capel Hermon', 'church', 'Stryd y Capel', false, ['Three steps at the front; no ramp']),
  // Llanfair Dyffryn.
  v('Llanfair Dyffryn', 'llanfair-dyffryn-neuadd', 'Neuadd Bentref Llanfair Dyffryn', 'village-hall', 'Heol yr Ysgol', false, [
    'Two steps at the entrance; staff can bring the session to the ground-floor side room by the car park',
    TOILET,
  ]),
  v('Llanfair Dyffryn', 'llanfair-dyffryn-eglwys', 'Eglwys Fair', 'church', 'Llwybr yr Eglwys', false, ['Churchyard path is steep; one step at the door']),
  // Bryn-y-Groes.
  v('Bryn-y-Groes', 'bryn-y-groes-neuadd', 'Neuadd Bryn-y-Groes', 'village-hall', 'Ffordd y Bryn', true, [CAR_PARK, TOILET]),
  v('Bryn-y-Groes', 'bryn-y-groes-capel', 'Capel Seion', 'church', 'Heol Seion', true, ['Ramp at the side door']),
  // Marchbrook / Nant y Mers.
  v('Marchbrook', 'marchbrook-hall', 'Marchbrook Community Hall', 'village-hall', 'Station Road', true, [CAR_PARK, LOOP, TOILET]),
  v('Marchbrook', 'marchbrook-church', "St Nicholas' Church", 'church', 'Castle Street', false, ['One step at the south door']),
  // Aberwen.
  v('Aberwen', 'aberwen-library', 'Aberwen Library / Llyfrgell Aberwen', 'library', 'Stryd y Bont', true, [
    LEVEL,
    'Lift to the first-floor local studies room',
    LOOP,
    TOILET,
  ]),
  v('Aberwen', 'aberwen-leisure', 'Aberwen Leisure Centre / Canolfan Hamdden Aberwen', 'leisure-centre', 'Ffordd yr Afon', true, [
    CAR_PARK,
    'Changing Places toilet',
    'Pool hoist',
  ]),
  v('Aberwen', 'aberwen-bethania', 'Capel Bethania', 'church', 'Stryd Fawr', false, [
    'Four steps at the front; level entrance to the vestry at the back, from Lôn Gefn',
  ]),
  v('Aberwen', 'aberwen-neuadd-goffa', 'Neuadd Goffa Aberwen', 'community-centre', 'Heol yr Eglwys', true, [CAR_PARK, LOOP, TOILET]),
  v('Aberwen', 'aberwen-pharmacy', 'Fferyllfa Aberwen Pharmacy', 'pharmacy', '23 Stryd Fawr', true, [LEVEL, 'Private consultation room']),
  v('Aberwen', 'aberwen-siop', 'Siop Gymunedol Aberwen', 'shop', '8 Stryd Fawr', true, [
    LEVEL,
    'Quiet corner with a table at the back of the shop',
    'No toilet on site',
  ]),
  v('Aberwen', 'aberwen-health-centre', 'Aberwen Health Centre / Canolfan Iechyd Aberwen', 'health-centre', 'Ffordd yr Ysbyty', true, [
    CAR_PARK,
    LOOP,
    TOILET,
  ]),
  v('Aberwen', 'aberwen-caffi', "Caffi'r Bont", 'cafe', '1 Stryd y Bont', true, [LEVEL, DOGS]),
  v('Aberwen', 'aberwen-parc', 'Parc yr Afon', 'park', 'Ffordd yr Afon', true, ['Flat riverside path', 'Toilets in the leisure centre']),
  v('Aberwen', 'aberwen-menter', 'Canolfan Menter', 'office', '4 Sgwâr y Farchnad', false, ['Office is up one flight of stairs; meetings can be held downstairs']),
  // Cwm Eithin.
  v('Cwm Eithin', 'cwm-eithin-neuadd', 'Neuadd Cwm Eithin', 'village-hall', 'Heol y Cwm', true, [CAR_PARK, TOILET]),
  v('Cwm Eithin', 'cwm-eithin-capel', 'Capel Salem', 'church', 'Lôn Salem', false, ['Two steps at the entrance']),
  // Pont-y-Castell.
  v('Pont-y-Castell', 'pont-y-castell-library', 'Pont-y-Castell Library / Llyfrgell Pont-y-Castell', 'library', 'Heol y Castell', false, [
    'Two steps at the entrance; a portable ramp is available, ring the bell',
    'The meeting room is on the first floor (stairs only); staff can bring sessions to the ground floor on request',
    LOOP,
  ]),
  v('Pont-y-Castell', 'pont-y-castell-leisure', 'Pont-y-Castell Leisure Centre / Canolfan Hamdden Pont-y-Castell', 'leisure-centre', 'Ffordd y Gamlas', true, [
    CAR_PARK,
    BLUE_BADGE,
    TOILET,
  ]),
  v('Pont-y-Castell', 'pont-y-castell-pharmacy', "Fferyllfa'r Bont Pharmacy", 'pharmacy', '17 Stryd Fawr', true, [LEVEL, 'Private consultation room']),
  v('Pont-y-Castell', 'pont-y-castell-canolfan', 'Canolfan Gymunedol y Castell', 'community-centre', 'Ffordd yr Orsaf', true, [CAR_PARK, LOOP, TOILET]),
  v('Pont-y-Castell', 'pont-y-castell-st-marys', "St Mary's Church Hall / Neuadd Eglwys y Santes Fair", 'church', 'Heol yr Eglwys', true, [LEVEL, TOILET]),
  v('Pont-y-Castell', 'pont-y-castell-medical', 'Pont-y-Castell Medical Practice', 'health-centre', 'Ffordd y Gamlas', true, [CAR_PARK, TOILET]),
  v('Pont-y-Castell', 'pont-y-castell-cludiant', 'Swyddfa Cludiant Cymunedol / Community Transport Office', 'office', 'Ffordd yr Orsaf', true, [
    LEVEL,
    'Wheelchair-accessible car and minibus',
  ]),
  v('Pont-y-Castell', 'pont-y-castell-towpath', 'Canal wharf car park', 'park', 'Ffordd y Gamlas', true, ['Flat canal towpath', 'Toilets in the leisure centre next door']),
  // Llanfihangel-y-Waun.
  v('Llanfihangel-y-Waun', 'llanfihangel-neuadd', 'Neuadd Llanfihangel', 'village-hall', 'Heol y Waun', true, [CAR_PARK, TOILET]),
  v('Llanfihangel-y-Waun', 'llanfihangel-eglwys', 'Eglwys Sant Mihangel', 'church', 'Llwybr yr Eglwys', false, ['One step at the door; uneven churchyard path']),
  // Llanddewi Fach.
  v('Llanddewi Fach', 'llanddewi-neuadd', 'Neuadd Llanddewi Fach', 'village-hall', 'Ffordd y Mynydd', false, [
    'Three steps at the main entrance, with handrails on both sides; no ramp',
    'Toilets are up one step',
  ]),
  v('Llanddewi Fach', 'llanddewi-capel', 'Capel Moriah', 'church', 'Stryd Moriah', true, ['Level access through the schoolroom door']),
];

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** `SY7 9QT`-shaped postcodes, unique, in the place's outcode and sector, chosen by key. */
function makePostcodeFactory() {
  const used = new Set<string>();
  return (place: PlaceSpec, key: string): string => {
    for (let attempt = 0; ; attempt++) {
      const n = hashInt(`postcode:${key}:${attempt}`);
      const letters = `${INWARD_LETTERS[n % 20] ?? 'A'}${INWARD_LETTERS[Math.floor(n / 20) % 20] ?? 'A'}`;
      const postcode = `${place.outcode} ${place.sector}${letters}`;
      if (!used.has(postcode)) {
        used.add(postcode);
        return postcode;
      }
    }
  };
}

/** A point near the place's centre: within about 600 m in a town, 250 m in a village. */
function near(place: PlaceSpec, key: string): Coordinates {
  const spread = place.kind === 'town' ? 0.006 : 0.0025;
  return {
    lat: round(place.coordinates.lat + (unit(`lat:${key}`) - 0.5) * 2 * spread),
    lng: round(place.coordinates.lng + (unit(`lng:${key}`) - 0.5) * 2 * spread * 1.6),
  };
}

const newPostcode = makePostcodeFactory();

export const venues: Venue[] = venueSpecs.map((spec) => {
  const place = placeSpec(spec.place);
  return { ...spec, postcode: newPostcode(place, spec.key), coordinates: near(place, spec.key) };
});

export function venue(key: string): Venue {
  const found = venues.find((x) => x.key === key);
  if (!found) throw new Error(`Unknown venue: ${key}`);
  return found;
}

export const venuesIn = (place: string): Venue[] => venues.filter((x) => x.place === place);

/** Homes' postcodes: nobody's services are there, but residents search from them. */
const homePostcodes: PostcodePoint[] = placeSpecs.flatMap((place) =>
  [1, 2, 3].slice(0, place.kind === 'town' ? 3 : 1).map((n) => {
    const key = `${slug(place.name)}:home:${n}`;
    return { postcode: newPostcode(place, key), coordinates: near(place, key) };
  }),
);

/** Every postcode in the seed (all venues' and some homes'), sorted. */
export const postcodes: PostcodePoint[] = [
  ...venues.map(({ postcode, coordinates }) => ({ postcode, coordinates })),
  ...homePostcodes,
].sort((a, b) => a.postcode.localeCompare(b.postcode));

const outcodeOf = (postcode: string) => postcode.split(' ')[0] ?? postcode;

/** Each outcode's centroid: the mean of its postcodes. */
export const outcodes: OutcodePoint[] = [...new Set(placeSpecs.map((p) => p.outcode))].sort().map((outcode) => {
  const points = postcodes.filter((p) => outcodeOf(p.postcode) === outcode).map((p) => p.coordinates);
  const mean = (pick: (c: Coordinates) => number) => round(points.reduce((sum, c) => sum + pick(c), 0) / points.length);
  return { outcode, coordinates: { lat: mean((c) => c.lat), lng: mean((c) => c.lng) } };
});
