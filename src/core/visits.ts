/**
 * The rules of a recorded conversation ("visit") at a hub that do not need
 * a DOM or a database: what may be stored about a person (an outcode, never
 * a postcode; a reference, never a name), the edit window, the labels and
 * option lists a council may configure, and the CLS shift (resolved in the
 * community, or onward to formal services).
 *
 * The contract (`src/contract/staff.ts`) validates with these, so the
 * element and the server apply exactly the same rules.
 */
import { parsePostcode } from './geo.ts';

// ---------------------------------------------------------------- outcode

/**
 * The outcode of a postcode or outcode as typed (`'sy4 5jd'` → `'SY4'`,
 * `'sy4'` → `'SY4'`), or undefined when it is neither. A full postcode is
 * never kept: only its first half is.
 */
export function outcodeOf(input: string): string | undefined {
  const parsed = parsePostcode(input);
  return parsed.kind === 'invalid' ? undefined : parsed.outcode;
}

// ---------------------------------------------------------------- person reference

/** Letters of self-assessment and booking references (no look-alikes). */
const REFERENCE_LETTERS = 'ACDEFGHJKMNPQRTUVWXY34679';
const SELF_ASSESSMENT_REFERENCE = new RegExp(`^CLS-[${REFERENCE_LETTERS}]{6}$`);
const BOOKING_REFERENCE = new RegExp(`^[${REFERENCE_LETTERS}]{4}-[${REFERENCE_LETTERS}]{4}$`);
/** A card number: 4–20 letters, digits and dashes, at least 3 of them digits. */
const CARD_NUMBER = /^(?=(?:[^\d]*\d){3})[A-Z0-9](?:[A-Z0-9-]{2,18})[A-Z0-9]$/;

export type PersonReferenceKind = 'self-assessment' | 'booking' | 'card';

/** A reference as stored: upper case, trimmed; a card number's spaces removed. */
export function normalisePersonReference(input: string): string {
  const trimmed = input.normalize('NFKC').trim().toUpperCase();
  // "1234 5678" on a card: the spaces are layout, not part of the number.
  return /^[\d\s]+$/.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed;
}

/**
 * What a person reference is, or undefined when it is not one: a
 * self-assessment reference (`CLS-XXXXXX`), a booking reference
 * (`XXXX-XXXX`) or a card number. Names, email addresses and phone numbers
 * are never references: anything with a space between words, an `@`, or
 * the digits of a UK phone number is refused.
 */
export function personReferenceKind(input: string): PersonReferenceKind | undefined {
  const value = normalisePersonReference(input);
  if (SELF_ASSESSMENT_REFERENCE.test(value)) return 'self-assessment';
  if (BOOKING_REFERENCE.test(value)) return 'booking';
  if (looksLikePhone(value)) return undefined;
  if (CARD_NUMBER.test(value)) return 'card';
  return undefined;
}

/** 10 or more digits starting 0, 44 or +44, however punctuated: a phone number, not a card. */
export function looksLikePhone(input: string): boolean {
  const digits = input.replace(/[\s().-]/g, '');
  return /^(?:\+?44|0)\d{8,}$/.test(digits);
}

/**
 * Whether a booking-shaped reference is only letters: such a value ("MARY-JANE")
 * may be a name, so the server stores it only when a booking has it.
 */
export function mustMatchBooking(reference: string): boolean {
  return personReferenceKind(reference) === 'booking' && !/\d/.test(reference);
}

// ---------------------------------------------------------------- initials

/** A worker's initials: 1–4 letters, stored upper case. */
export const INITIALS = /^[A-Z]{1,4}$/;

// ---------------------------------------------------------------- outcomes

/** What happened in a conversation (several may apply). */
export const VISIT_OUTCOMES = [
  'information-advice',
  'community-activity',
  'peer-support',
  'health-referral',
  'adult-social-care',
  'carers-assessment',
  'housing',
  'benefits',
  'invited-back',
  'closed',
] as const;
export type VisitOutcomeId = (typeof VISIT_OUTCOMES)[number];

/** Resolved with information, community or peer support: the CLS shift. */
export const COMMUNITY_OUTCOMES: readonly VisitOutcomeId[] = ['information-advice', 'community-activity', 'peer-support'];
/** Onward to formal services. */
export const FORMAL_OUTCOMES: readonly VisitOutcomeId[] = ['health-referral', 'adult-social-care', 'carers-assessment', 'housing', 'benefits'];

export type Resolution = 'community' | 'formal' | 'other';

/**
 * Which side of the CLS shift one conversation falls on: `formal` when it
 * led onward to any formal service, else `community` when it was resolved
 * with information, community or peer support, else `other` (only invited
 * back or closed). Every conversation is exactly one of the three.
 */
export function resolutionOf(outcomes: readonly string[]): Resolution {
  if (outcomes.some((outcome) => (FORMAL_OUTCOMES as readonly string[]).includes(outcome))) return 'formal';
  if (outcomes.some((outcome) => (COMMUNITY_OUTCOMES as readonly string[]).includes(outcome))) return 'community';
  return 'other';
}

// ---------------------------------------------------------------- edit window

/** Hours after recording in which a worker may still change or delete a visit. */
export const EDIT_WINDOW_HOURS = 24;
const EDIT_WINDOW_MS = EDIT_WINDOW_HOURS * 3_600_000;

/** When a visit recorded at `createdAt` stops being editable by a worker. */
export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}

/** Whether a token of `role` may change or delete a visit recorded at `createdAt`, at `now`. */
export function mayChange(role: 'worker' | 'admin', createdAt: Date, now: Date): boolean {
  return role === 'admin' || now.getTime() < editableUntil(createdAt).getTime();
}

// ---------------------------------------------------------------- configuration

/** A label in each language. */
export interface LocalLabel {
  en: string;
  cy: string;
}

/** One option of a configurable list: its stored id and its labels. */
export interface VisitOption extends LocalLabel {
  id: string;
}

/** What a council may configure about the visit form; defaults below. */
export interface VisitConfig {
  heardAbout: VisitOption[];
  ageBands: VisitOption[];
  /** Wellbeing statements scored 1–5 (optional for each visit). */
  wellbeing: VisitOption[];
  /** Labels of the outcomes (the ids are fixed: the report counts them). */
  outcomes: Record<VisitOutcomeId, LocalLabel>;
  /** Labels of the form's own fields, to replace the defaults. */
  labels: Partial<Record<string, LocalLabel>>;
}

export const DEFAULT_VISIT_CONFIG: VisitConfig = {
  heardAbout: [
    { id: 'word-of-mouth', en: 'Friend, family or neighbour', cy: 'Ffrind, teulu neu gymydog' },
    { id: 'gp-health', en: 'GP or health service', cy: 'Meddyg teulu neu wasanaeth iechyd' },
    { id: 'council', en: 'The council', cy: 'Y cyngor' },
    { id: 'community-group', en: 'A community group or charity', cy: 'Grŵp cymunedol neu elusen' },
    { id: 'poster-leaflet', en: 'Poster or leaflet', cy: 'Poster neu daflen' },
    { id: 'online', en: 'Website or social media', cy: 'Gwefan neu gyfryngau cymdeithasol' },
    { id: 'passing-by', en: 'Passing by', cy: 'Yn pasio heibio' },
    { id: 'other', en: 'Another way', cy: 'Ffordd arall' },
  ],
  ageBands: [
    { id: 'under-25', en: 'Under 25', cy: 'O dan 25' },
    { id: '25-44', en: '25 to 44', cy: '25 i 44' },
    { id: '45-64', en: '45 to 64', cy: '45 i 64' },
    { id: '65-74', en: '65 to 74', cy: '65 i 74' },
    { id: '75-84', en: '75 to 84', cy: '75 i 84' },
    { id: '85-plus', en: '85 or over', cy: '85 neu hŷn' },
    { id: 'not-said', en: 'Prefer not to say', cy: 'Gwell gennyf beidio â dweud' },
  ],
  wellbeing: [
    { id: 'in-control', en: 'I feel in control of my daily life', cy: 'Rwy’n teimlo bod gen i reolaeth dros fy mywyd bob dydd' },
    { id: 'connected', en: 'I have as much contact with people as I want', cy: 'Mae gen i gymaint o gysylltiad â phobl ag yr hoffwn' },
    { id: 'coping', en: 'I feel able to cope with what matters to me', cy: 'Rwy’n teimlo fy mod yn gallu ymdopi â’r hyn sy’n bwysig i mi' },
  ],
  outcomes: {
    'information-advice': { en: 'Information and advice', cy: 'Gwybodaeth a chyngor' },
    'community-activity': { en: 'Community activity or group', cy: 'Gweithgaredd neu grŵp cymunedol' },
    'peer-support': { en: 'Peer support', cy: 'Cymorth gan gymheiriaid' },
    'health-referral': { en: 'Health referral', cy: 'Atgyfeirio at wasanaeth iechyd' },
    'adult-social-care': { en: 'Onward to adult social care', cy: 'Ymlaen at ofal cymdeithasol oedolion' },
    'carers-assessment': { en: 'Carer’s assessment', cy: 'Asesiad gofalwr' },
    housing: { en: 'Housing', cy: 'Tai' },
    benefits: { en: 'Benefits and money', cy: 'Budd-daliadau ac arian' },
    'invited-back': { en: 'Invited back', cy: 'Gwahoddiad i ddod yn ôl' },
    closed: { en: 'Closed: nothing more needed', cy: 'Wedi cau: dim angen dim mwy' },
  },
  labels: {},
};

/** A council's configuration over the defaults: lists replace the defaults' lists, labels merge. */
export function visitConfig(overrides: Partial<VisitConfig> | undefined): VisitConfig {
  if (!overrides) return DEFAULT_VISIT_CONFIG;
  return {
    heardAbout: overrides.heardAbout?.length ? overrides.heardAbout : DEFAULT_VISIT_CONFIG.heardAbout,
    ageBands: overrides.ageBands?.length ? overrides.ageBands : DEFAULT_VISIT_CONFIG.ageBands,
    wellbeing: overrides.wellbeing ?? DEFAULT_VISIT_CONFIG.wellbeing,
    outcomes: { ...DEFAULT_VISIT_CONFIG.outcomes, ...overrides.outcomes },
    labels: { ...DEFAULT_VISIT_CONFIG.labels, ...overrides.labels },
  };
}

/** The label of an option id in a list, or the id itself when the list does not know it (an older option). */
export function optionLabel(options: readonly VisitOption[], id: string, lang: 'en' | 'cy'): string {
  return options.find((option) => option.id === id)?.[lang] ?? id;
}
