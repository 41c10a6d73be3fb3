import {
  Location as LocationSchema,
  Organization as OrganizationSchema,
  Schedule as ScheduleSchema,
  Service as ServiceSchema,
  TaxonomyTerm as TaxonomyTermSchema,
} from '../contract/directory.ts';
import type { Address, Location, Organization, Rejection, Schedule, Service, TaxonomyTerm } from '../contract/directory.ts';
import { WEEKDAYS } from '../core/schedule.ts';
import type { PageInfo, ReadResult } from './types.ts';
import { coordinatesFrom, lineText, localDate, localTime, numberFrom, plainText, safeUrl } from './sanitise.ts';

/*
 * The mapping shared by the v1.0 and v3.0 readers. Not public API: import
 * from `v1.ts`, `v3.ts` or `feed.ts`.
 *
 * Real feeds mix shapes, so each mapper reads the union of the v1.0 and v3.0
 * field names for the same thing (the version's own name first). Nothing
 * here throws on any input; every record returned has passed its contract
 * schema.
 */

/** A parsed JSON object. */
export type Json = Record<string, unknown>;
/** The ORUK version a response is read as. */
export type Version = '1.0' | '3.0';

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `keys` that `obj` has as an own property with a non-null value. */
export function field(obj: Json, ...keys: string[]): unknown {
  for (const key of keys) {
    if (!Object.hasOwn(obj, key)) continue;
    const value = obj[key];
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
}

/** A record's nested object at `key`, if it is one. */
export function child(obj: Json, ...keys: string[]): Json | undefined {
  const value = field(obj, ...keys);
  return isRecord(value) ? value : undefined;
}

/** An array as itself, a lone object as a one-item array, anything else as empty. */
export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return isRecord(value) ? [value] : [];
}

/** Every item of the first present array among `keys`, objects only. */
export function records(obj: Json, ...keys: string[]): Json[] {
  return asArray(field(obj, ...keys)).filter(isRecord);
}

/** An identifier from a string or a finite number (numbers become strings). */
export function idFrom(value: unknown): string | undefined {
  const id = lineText(value);
  return id !== undefined && id.length <= 200 ? id : undefined;
}

/** Drops keys whose value is `undefined` (the contract omits absent values). */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** Counts occurrences per reason, in first-seen order. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(reason: string, count = 1): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  addAll(list: readonly Rejection[]): void {
    for (const { reason, count } of list) this.add(reason, count);
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  list(): Rejection[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

/** What a mapper is reading for, and where it writes its repair notes. */
export interface Context {
  version: Version;
  notes: Tally;
}

/** A record mapped, or the reason it was dropped. */
export type Mapped<T> = { ok: true; record: T } | { ok: false; reason: string };

const drop = <T>(reason: string): Mapped<T> => ({ ok: false, reason });

// ---------------------------------------------------------------------------
// Envelopes

/** A list response's items and pagination, whichever version's keys it uses. */
export interface Envelope {
  /** `undefined` when the response is not a list at all. */
  items: unknown[] | undefined;
  page: PageInfo;
  /** True when the response said where it sits (a last-page flag or a page count). */
  paged: boolean;
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function count(value: unknown): number | undefined {
  const n = numberFrom(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Reads a v3.0 (`contents`, `page_number`, …) or v1.0 (`content`, `number`, …)
 * envelope, a bare array, or an object with only the items key. Without any
 * paging keys the response counts as the last (and only) page.
 */
export function readEnvelope(json: unknown): Envelope {
  if (Array.isArray(json)) return { items: json, page: { page: 1, last: true }, paged: false };
  if (!isRecord(json)) return { items: undefined, page: { page: 1, last: true }, paged: false };
  const rawItems = field(json, 'contents', 'content');
  const items = Array.isArray(rawItems) ? rawItems : rawItems === undefined && flag(json.empty) === true ? [] : undefined;
  // v1.0 servers built on Spring number pages from 0; ORUK numbers them from 1.
  const v3Number = count(json.page_number);
  const v1Number = count(json.number);
  const page = v3Number !== undefined ? Math.max(v3Number, 1) : v1Number !== undefined ? (v1Number === 0 ? 1 : v1Number) : 1;
  const totalPages = count(field(json, 'total_pages', 'totalPages'));
  const totalItems = count(field(json, 'total_items', 'totalElements'));
  const lastFlag = flag(field(json, 'last_page', 'last'));
  const paged = lastFlag !== undefined || totalPages !== undefined;
  const last = lastFlag ?? (totalPages !== undefined ? page >= totalPages : true);
  return { items, page: compact({ page, totalPages, totalItems, last }), paged };
}

/**
 * Reads every item of a list response with `map`, dropping (and counting)
 * unusable and repeated records. Never throws.
 */
export function readList<T extends { id: string }>(
  json: unknown,
  version: Version,
  map: (raw: unknown, ctx: Context) => Mapped<T>,
): ReadResult<T> & { page: PageInfo; notes: Rejection[] } {
  const notes = new Tally();
  const reasons = new Tally();
  const ctx: Context = { version, notes };
  let envelope: Envelope;
  try {
    envelope = readEnvelope(json);
  } catch {
    envelope = { items: undefined, page: { page: 1, last: true }, paged: false };
  }
  if (envelope.items === undefined) notes.add('not a list response');
  const out: T[] = [];
  const seen = new Set<string>();
  for (const raw of envelope.items ?? []) {
    const mapped = safely(() => map(raw, ctx));
    if (!mapped.ok) {
      reasons.add(mapped.reason);
    } else if (seen.has(mapped.record.id)) {
      reasons.add('duplicate id');
    } else {
      seen.add(mapped.record.id);
      out.push(mapped.record);
    }
  }
  return { records: out, rejected: reasons.total, reasons: reasons.list(), notes: notes.list(), page: envelope.page };
}

/** Reads one record (a detail response): zero or one record. Never throws. */
export function readOne<T>(json: unknown, version: Version, map: (raw: unknown, ctx: Context) => Mapped<T>): ReadResult<T> & { notes: Rejection[] } {
  const notes = new Tally();
  const ctx: Context = { version, notes };
  // A detail wrapped in a one-item array is still that detail.
  const raw = Array.isArray(json) && json.length === 1 ? json[0] : json;
  const mapped = safely(() => map(raw, ctx));
  if (mapped.ok) return { records: [mapped.record], rejected: 0, reasons: [], notes: notes.list() };
  return { records: [], rejected: 1, reasons: [{ reason: mapped.reason, count: 1 }], notes: notes.list() };
}

/** Runs a mapper; an exception (which should not happen) drops the record instead of escaping. */
export function safely<T>(run: () => Mapped<T>): Mapped<T> {
  try {
    return run();
  } catch {
    return drop('unreadable record');
  }
}

// ---------------------------------------------------------------------------
// Small fields

/** Identity of a record: `missing id` / `invalid id` / `missing name`, or both values. */
function identity(raw: Json): Mapped<{ id: string; name: string }> {
  const rawId = field(raw, 'id');
  if (rawId === undefined || (typeof rawId === 'string' && rawId.trim() === '')) return drop('missing id');
  const id = idFrom(rawId);
  if (id === undefined) return drop('invalid id');
  const name = lineText(field(raw, 'name'));
  if (name === undefined) return drop('missing name');
  return { ok: true, record: { id, name } };
}

/** A web address: `safeUrl`, plus bare `www.` host names taken as https (noted). */
function webUrl(value: unknown, ctx: Context, what: string): string | undefined {
  if (value === undefined) return undefined;
  const url = safeUrl(value);
  if (url !== undefined) return url;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if (/^www\.[a-z0-9-]+(\.[a-z0-9-]+)+([/?#][^\s]*)?$/i.test(text)) {
    const assumed = safeUrl(`https://${text}`);
    if (assumed !== undefined) {
      ctx.notes.add('url assumed https');
      return assumed;
    }
  }
  ctx.notes.add(`${what} dropped`);
  return undefined;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

function emailFrom(value: unknown, ctx: Context): string | undefined {
  const text = lineText(value)?.replace(/^mailto:/i, '');
  if (text === undefined) return undefined;
  if (EMAIL.test(text)) return text;
  ctx.notes.add('email dropped');
  return undefined;
}

function phoneFrom(value: unknown): string | undefined {
  const text = lineText(value);
  return text !== undefined && (text.match(/\d/g)?.length ?? 0) >= 3 ? text : undefined;
}

/** The first usable phone number among `phones` items and `contacts[].phones` items. */
function firstPhone(raw: Json): string | undefined {
  const phones = [...records(raw, 'phones'), ...records(raw, 'contacts').flatMap((contact) => records(contact, 'phones'))];
  for (const phone of phones) {
    const number = phoneFrom(field(phone, 'number', 'phone'));
    if (number !== undefined) return number;
  }
  return undefined;
}

function age(value: unknown): number | undefined {
  const n = numberFrom(value);
  return n !== undefined && n >= 0 && n <= 130 ? n : undefined;
}

const STATUSES = new Set(['active', 'inactive', 'defunct', 'temporarily closed']);

function statusFrom(value: unknown, ctx: Context): Service['status'] {
  if (value === undefined) return 'active';
  const status = lineText(value)?.toLowerCase().replace(/[_-]+/g, ' ');
  if (status !== undefined && STATUSES.has(status)) return status as Service['status'];
  ctx.notes.add('unknown status treated as active');
  return 'active';
}

/** An RFC 3339-ish timestamp, kept as given when it parses. */
function timestamp(value: unknown): string | undefined {
  const text = lineText(value);
  return text !== undefined && /^\d{4}-\d{2}-\d{2}/.test(text) && Number.isFinite(Date.parse(text)) ? text : undefined;
}

// ---------------------------------------------------------------------------
// Taxonomy terms and organizations

/** A taxonomy term from a v3.0 `taxonomy_term` or a v1.0 `taxonomy`. */
export function mapTaxonomyTerm(raw: unknown): Mapped<TaxonomyTerm> {
  if (!isRecord(raw)) return drop('not an object');
  const rawId = field(raw, 'id');
  if (rawId === undefined) return drop('missing id');
  const id = idFrom(rawId);
  if (id === undefined) return drop('invalid id');
  const name = lineText(field(raw, 'name', 'term'));
  if (name === undefined) return drop('missing name');
  const parent = field(raw, 'parent_id', 'parent');
  const vocabulary = field(raw, 'taxonomy', 'vocabulary', 'taxonomy_detail');
  const term = compact({
    id,
    name,
    description: plainText(field(raw, 'description')),
    parentId: idFrom(isRecord(parent) ? field(parent, 'id') : parent),
    taxonomy: lineText(isRecord(vocabulary) ? field(vocabulary, 'name', 'id') : vocabulary) ?? lineText(field(raw, 'taxonomy_id')),
  });
  const parsed = TaxonomyTermSchema.safeParse(term);
  return parsed.success ? { ok: true, record: parsed.data } : drop('invalid record');
}

/** An organization (v1.0 `url` or v3.0 `website`). */
export function mapOrganization(raw: unknown, ctx: Context): Mapped<Organization> {
  if (!isRecord(raw)) return drop('not an object');
  const who = identity(raw);
  if (!who.ok) return who;
  const org = compact({
    ...who.record,
    description: plainText(field(raw, 'description')),
    website: webUrl(field(raw, ctx.version === '3.0' ? 'website' : 'url', ctx.version === '3.0' ? 'url' : 'website'), ctx, 'website'),
    email: emailFrom(field(raw, 'email'), ctx),
    phone: firstPhone(raw),
  });
  const parsed = OrganizationSchema.safeParse(org);
  return parsed.success ? { ok: true, record: parsed.data } : drop('invalid record');
}

// ---------------------------------------------------------------------------
// Locations

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/i;

function addressFrom(location: Json): Address | undefined {
  const candidates = records(location, 'addresses', 'physical_addresses', 'physical_address', 'address');
  const chosen =
    candidates.find((a) => lineText(field(a, 'address_type'))?.toLowerCase() === 'physical') ??
    candidates[0] ??
    // Some feeds flatten the address into the location.
    (field(location, 'address_1', 'postal_code') !== undefined ? location : undefined);
  if (chosen === undefined) return undefined;
  const lines = [lineText(field(chosen, 'address_1')), lineText(field(chosen, 'address_2'))].filter((l) => l !== undefined);
  const postcode = lineText(field(chosen, 'postal_code', 'postcode'));
  const match = postcode === undefined ? null : POSTCODE.exec(postcode);
  const address = compact({
    line1: lines.length > 0 ? lines.join(', ') : undefined,
    city: lineText(field(chosen, 'city')),
    region: lineText(field(chosen, 'region', 'state_province')),
    postcode: match ? `${match[1]} ${match[2]}`.toUpperCase() : postcode,
    country: lineText(field(chosen, 'country')),
  });
  return Object.keys(address).length > 0 ? address : undefined;
}

function accessibilityNotes(location: Json): string[] {
  const notes: string[] = [];
  for (const entry of asArray(field(location, 'accessibility', 'accessibility_for_disabilities'))) {
    const texts = isRecord(entry) ? [field(entry, 'description', 'accessibility'), field(entry, 'details')] : [entry];
    for (const text of texts.map(plainText)) if (text !== undefined && !notes.includes(text)) notes.push(text);
  }
  return notes;
}

const STEP_FREE = /\b(step[- ]?free|level access|wheelchair[- ](access|accessible)|ramped access|fully accessible|no steps)\b/i;
const NOT_STEP_FREE = /\b(no|not|non|without|isn't|limited)\b[^.;,]{0,16}\b(step[- ]?free|level access|wheelchair|ramp|accessible)|\bsteps? (up|down) to\b|\bno lift\b/i;

/** True/false when the notes or attribute names say so; `undefined` when they are silent. */
function stepFreeFrom(texts: string[]): boolean | undefined {
  if (texts.some((text) => NOT_STEP_FREE.test(text))) return false;
  if (texts.some((text) => STEP_FREE.test(text))) return true;
  return undefined;
}

function attributeTerms(raw: Json): unknown[] {
  return records(raw, 'attributes').map((attribute) => field(attribute, 'taxonomy_term'));
}

/**
 * A location. Without an id of its own it takes `fallbackId` (noted); bad
 * coordinates are dropped (noted) and the location kept.
 */
export function mapLocation(raw: unknown, ctx: Context, fallbackId: string | undefined): Location | undefined {
  if (!isRecord(raw)) return undefined;
  let id = idFrom(field(raw, 'id'));
  if (id === undefined) {
    if (fallbackId === undefined) {
      ctx.notes.add('location dropped');
      return undefined;
    }
    id = fallbackId;
    ctx.notes.add('location id generated');
  }
  const lat = field(raw, 'latitude', 'lat');
  const lng = field(raw, 'longitude', 'lng', 'lon');
  const coordinates = coordinatesFrom(lat, lng);
  if (coordinates === undefined && (lat !== undefined || lng !== undefined)) ctx.notes.add('coordinates dropped');
  const accessibility = accessibilityNotes(raw);
  const termNames = attributeTerms(raw).flatMap((term) => (isRecord(term) ? [lineText(field(term, 'name', 'term'))] : [])).filter((n) => n !== undefined);
  const location = compact({
    id,
    name: lineText(field(raw, 'name')),
    description: plainText(field(raw, 'description')),
    address: addressFrom(raw),
    coordinates,
    accessibility,
    // A term that says it outright beats inference from free-text notes.
    stepFree: stepFreeFrom(termNames) ?? stepFreeFrom(accessibility),
  });
  const parsed = LocationSchema.safeParse(location);
  if (parsed.success) return parsed.data;
  ctx.notes.add('location dropped');
  return undefined;
}

// ---------------------------------------------------------------------------
// Schedules

const DAY_NAMES: Record<string, string> = {
  monday: 'MO', mon: 'MO',
  tuesday: 'TU', tue: 'TU', tues: 'TU',
  wednesday: 'WE', wed: 'WE',
  thursday: 'TH', thu: 'TH', thur: 'TH', thurs: 'TH',
  friday: 'FR', fri: 'FR',
  saturday: 'SA', sat: 'SA',
  sunday: 'SU', sun: 'SU',
};

function dayFromNumber(n: number): string | undefined {
  // 1–6 are Monday–Saturday both in ISO (7 = Sunday) and in JavaScript (0 = Sunday).
  if (!Number.isInteger(n) || n < 0 || n > 7) return undefined;
  return n === 0 || n === 7 ? 'SU' : WEEKDAYS[n - 1];
}

/** `MO`/`1TU`/`-1FR` tokens from `'MO,WE'`, `'Monday'`, `3`, or an array of them; `null` if any token is not a day. */
function dayTokens(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === 'number') {
    const day = dayFromNumber(value);
    return day === undefined ? null : [day];
  }
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      const days = dayTokens(item);
      if (days === null) return null;
      out.push(...days);
    }
    return out;
  }
  if (typeof value !== 'string') return null;
  const out: string[] = [];
  for (const token of value.split(/[\s,;]+/).filter((t) => t !== '')) {
    const upper = token.toUpperCase();
    const rule = /^([+-]?)([1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(upper);
    if (rule) {
      const [, sign = '', ordinal, day = ''] = rule;
      out.push(ordinal === undefined ? day : `${sign === '-' ? '-' : ''}${ordinal}${day}`);
      continue;
    }
    const named = DAY_NAMES[token.toLowerCase().replace(/s$/, '')] ?? DAY_NAMES[token.toLowerCase()];
    if (named !== undefined) {
      out.push(named);
      continue;
    }
    const numbered = /^\d$/.test(token) ? dayFromNumber(Number(token)) : undefined;
    if (numbered === undefined) return null;
    out.push(numbered);
  }
  return out;
}

/** Day-of-month numbers from `'2,3,4'`, `15`, or an array; `null` if any is not a day of month. */
function monthDays(value: unknown): number[] | null {
  if (value === undefined || value === null) return [];
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;]+/).filter((t) => t !== '') : [value];
  const out: number[] = [];
  for (const part of parts) {
    const n = numberFrom(part);
    if (n === undefined || !Number.isInteger(n) || n === 0 || n < -31 || n > 31) return null;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

const PLACEHOLDER_DATE = /^\s*(0001|9999)-/;

/**
 * A schedule from a v3.0 `schedules[]` item or a v1.0 `regular_schedules[]`
 * item (`weekday` or `byday`). A rule that cannot be represented faithfully
 * (unknown frequency, unreadable days, ordinals on a weekly rule, nothing
 * saying which day) is never guessed at: the schedule keeps only its text
 * (noted), or is dropped when it has none (noted).
 */
export function mapSchedule(raw: unknown, ctx: Context): Schedule | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') {
    const description = plainText(raw);
    return description === undefined ? undefined : { description };
  }
  if (!isRecord(raw)) {
    ctx.notes.add('schedule dropped');
    return undefined;
  }
  const description = plainText(field(raw, 'description'));
  const textual = compact({ id: idFrom(field(raw, 'id')), description, attendingType: lineText(field(raw, 'attending_type')) });
  const textOnly = (): Schedule | undefined => {
    if (description !== undefined) {
      ctx.notes.add('schedule kept as text only');
      return textual;
    }
    ctx.notes.add('schedule dropped');
    return undefined;
  };

  const freqRaw = lineText(field(raw, 'freq'))?.toUpperCase();
  const intervalRaw = field(raw, 'interval');
  const opensRaw = field(raw, 'opens_at');
  const closesRaw = field(raw, 'closes_at');
  const bydayRaw = field(raw, 'byday');
  const weekdayRaw = field(raw, 'weekday');
  const bymonthdayRaw = field(raw, 'bymonthday');
  const hasRule = [freqRaw, intervalRaw, opensRaw, closesRaw, bydayRaw, weekdayRaw, bymonthdayRaw].some((v) => v !== undefined);
  if (!hasRule) {
    if (description !== undefined) return textual;
    if (Object.keys(raw).some((key) => key !== 'id' && field(raw, key) !== undefined)) ctx.notes.add('schedule dropped');
    return undefined;
  }

  const byday0 = dayTokens(bydayRaw);
  const weekday = dayTokens(weekdayRaw);
  const bymonthday0 = monthDays(bymonthdayRaw);
  if (byday0 === null || weekday === null || bymonthday0 === null) return textOnly();
  let byday = [...new Set([...byday0, ...weekday])];
  let bymonthday = bymonthday0;
  const ordinals = byday.some((day) => day.length > 2);

  let freq: 'WEEKLY' | 'MONTHLY';
  switch (freqRaw) {
    case 'WEEKLY':
    case 'MONTHLY':
      freq = freqRaw;
      break;
    case 'DAILY':
      freq = 'WEEKLY';
      if (byday.length === 0) byday = [...WEEKDAYS];
      break;
    case undefined:
      if (ordinals || (byday.length === 0 && bymonthday.length > 0)) freq = 'MONTHLY';
      else if (byday.length > 0) freq = 'WEEKLY';
      else return textOnly();
      // A v1.0 `weekday` means weekly; a v3.0 rule should say so.
      if (ctx.version === '3.0') ctx.notes.add('schedule frequency assumed');
      break;
    default:
      return textOnly();
  }

  let interval: number | undefined;
  if (intervalRaw !== undefined) {
    const n = numberFrom(intervalRaw);
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > 52) return textOnly();
    // 0 is a common "not set".
    interval = n === 0 ? undefined : n;
  }
  if (freqRaw === 'DAILY' && interval !== undefined && interval > 1) return textOnly();

  if (freq === 'WEEKLY') {
    if (ordinals) return textOnly();
    if (bymonthday.length > 0) {
      // RFC 5545: BYMONTHDAY is not allowed with FREQ=WEEKLY.
      ctx.notes.add('bymonthday ignored on weekly schedule');
      bymonthday = [];
    }
  }

  const time = (value: unknown) => {
    const t = localTime(value);
    if (t === undefined && value !== undefined) ctx.notes.add('schedule time dropped');
    return t;
  };
  const date = (value: unknown) => {
    const d = localDate(value);
    if (d === undefined && value !== undefined && !(typeof value === 'string' && PLACEHOLDER_DATE.test(value))) ctx.notes.add('schedule date dropped');
    return d;
  };
  const dtstart = date(field(raw, 'dtstart'));
  // Without days (or a start date to take them from) the rule says nothing usable.
  if (byday.length === 0 && bymonthday.length === 0 && dtstart === undefined) return textOnly();

  const schedule = compact({
    ...textual,
    freq,
    interval,
    byday: byday.length > 0 ? byday : undefined,
    bymonthday: bymonthday.length > 0 ? bymonthday : undefined,
    opensAt: time(opensRaw),
    closesAt: time(closesRaw),
    dtstart,
    validFrom: date(field(raw, 'valid_from')),
    validTo: date(field(raw, 'valid_to')),
    until: date(field(raw, 'until')),
  });
  const parsed = ScheduleSchema.safeParse(schedule);
  return parsed.success ? parsed.data : textOnly();
}

// ---------------------------------------------------------------------------
// Services

const FREE_WORDS = /\b(free|no charge|no cost)\b/i;
const NOT_FREE = /\bnot (free|without charge)\b/i;
const FREE_FEES = /^(free|free of charge|no charge|no cost|none|nil|£ ?0(\.00)?|0(\.00)?)[.!]?$/i;

function freeFrom(raw: Json, fees: string | undefined): boolean | undefined {
  let free = fees !== undefined && FREE_FEES.test(fees);
  let paid = false;
  for (const option of records(raw, 'cost_options')) {
    const amount = numberFrom(field(option, 'amount'));
    if (amount !== undefined && amount > 0) paid = true;
    const words = [field(option, 'option'), field(option, 'amount_description')].map(lineText).filter((t) => t !== undefined);
    if (amount === 0 || words.some((w) => FREE_WORDS.test(w) && !NOT_FREE.test(w))) free = true;
  }
  if (free && !paid) return true;
  if (paid && !free) return false;
  return undefined;
}

function languagesFrom(raw: Json): string[] | undefined {
  const out: string[] = [];
  for (const item of asArray(field(raw, 'languages'))) {
    const name = isRecord(item) ? lineText(field(item, 'name', 'language', 'code')) : lineText(item);
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out.length > 0 ? out : undefined;
}

function eligibilityFrom(raw: Json): { text?: string; min?: unknown; max?: unknown } {
  const direct = plainText(field(raw, 'eligibility_description', 'eligibility'));
  const entries = asArray(field(raw, 'eligibilitys', 'eligibilities'));
  const texts = entries.map((e) => (isRecord(e) ? plainText(field(e, 'eligibility', 'description')) : plainText(e))).filter((t) => t !== undefined);
  const withAges = entries.filter(isRecord);
  return {
    text: direct ?? (texts.length > 0 ? [...new Set(texts)].join('; ') : undefined),
    min: withAges.map((e) => field(e, 'minimum_age')).find((v) => v !== undefined),
    max: withAges.map((e) => field(e, 'maximum_age')).find((v) => v !== undefined),
  };
}

function scheduleItems(raw: Json): unknown[] {
  return asArray(field(raw, 'schedules', 'regular_schedules', 'regular_schedule'));
}

/**
 * A service from a v3.0 or v1.0 service object, with its embedded
 * organization, locations (`service_at_locations[].location`), schedules
 * (the service's and its service-at-locations'), taxonomy terms and costs.
 */
export function mapService(raw: unknown, ctx: Context): Mapped<Service> {
  if (!isRecord(raw)) return drop('not an object');
  const who = identity(raw);
  if (!who.ok) return who;
  const { id } = who.record;

  let organization: Organization | undefined;
  const rawOrg = field(raw, 'organization');
  if (rawOrg !== undefined) {
    const org = mapOrganization(rawOrg, ctx);
    if (org.ok) organization = org.record;
    else ctx.notes.add('organization dropped');
  }

  const locations: Location[] = [];
  const schedules: Schedule[] = [];
  const addSchedule = (schedule: Schedule | undefined) => {
    if (schedule === undefined) return;
    if (schedule.id !== undefined && schedules.some((s) => s.id === schedule.id)) return;
    schedules.push(schedule);
  };
  for (const item of scheduleItems(raw)) addSchedule(mapSchedule(item, ctx));
  records(raw, 'service_at_locations').forEach((sal, index) => {
    const location = mapLocation(
      field(sal, 'location'),
      ctx,
      idFrom(field(sal, 'location_id')) ?? idFrom(field(sal, 'id')) ?? `${id}-location-${index + 1}`,
    );
    if (location !== undefined && !locations.some((l) => l.id === location.id)) locations.push(location);
    for (const item of scheduleItems(sal)) addSchedule(mapSchedule(item, ctx));
  });

  const taxonomyTerms: TaxonomyTerm[] = [];
  const rawTerms = [...attributeTerms(raw), ...records(raw, 'service_taxonomys', 'service_taxonomies').map((st) => field(st, 'taxonomy', 'taxonomy_term'))];
  for (const rawTerm of rawTerms) {
    if (rawTerm === undefined) continue;
    const term = mapTaxonomyTerm(rawTerm);
    if (!term.ok) ctx.notes.add('taxonomy term dropped');
    else if (!taxonomyTerms.some((t) => t.id === term.record.id && t.taxonomy === term.record.taxonomy)) taxonomyTerms.push(term.record);
  }

  const fees = plainText(field(raw, 'fees', 'fees_description'));
  const eligibility = eligibilityFrom(raw);
  let minimumAge = age(field(raw, 'minimum_age') ?? eligibility.min);
  let maximumAge = age(field(raw, 'maximum_age') ?? eligibility.max);
  if (minimumAge !== undefined && maximumAge !== undefined && minimumAge > maximumAge) {
    ctx.notes.add('ages dropped');
    minimumAge = undefined;
    maximumAge = undefined;
  }

  const service = compact({
    ...who.record,
    description: plainText(field(raw, 'description')),
    status: statusFrom(field(raw, 'status'), ctx),
    organization,
    url: webUrl(field(raw, 'url'), ctx, 'url'),
    email: emailFrom(field(raw, 'email'), ctx),
    phone: firstPhone(raw),
    fees,
    free: freeFrom(raw, fees),
    eligibility: eligibility.text,
    minimumAge,
    maximumAge,
    languages: languagesFrom(raw),
    taxonomyTerms,
    locations,
    schedules,
    lastModified: timestamp(field(raw, 'last_modified')),
    assuredDate: localDate(field(raw, 'assured_date')),
  });
  const parsed = ServiceSchema.safeParse(service);
  return parsed.success ? { ok: true, record: parsed.data } : drop('invalid record');
}

/**
 * Services from items that pair a service with one location (v3.0
 * `service_at_locations`, or v1.0 `locations[].service_at_locations`): one
 * service per id, carrying every location it was listed at.
 */
export function groupByService(
  pairs: Array<{ service: unknown; location: unknown; salId: string | undefined }>,
  ctx: Context,
  reasons: Tally,
): Service[] {
  const out: Service[] = [];
  for (const { service: rawService, location: rawLocation, salId } of pairs) {
    const mapped = safely(() => (rawService === undefined ? drop<Service>('missing service') : mapService(rawService, ctx)));
    if (!mapped.ok) {
      reasons.add(mapped.reason);
      continue;
    }
    const existing = out.find((s) => s.id === mapped.record.id);
    const service = existing ?? mapped.record;
    if (existing === undefined) out.push(service);
    const location = mapLocation(rawLocation, ctx, salId);
    if (location !== undefined && !service.locations.some((l) => l.id === location.id)) service.locations.push(location);
  }
  return out;
}
