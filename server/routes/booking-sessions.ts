import type { BookingCreated } from '../../src/contract/bookings.ts';
import { BOOKING_WINDOW_DAYS } from '../../src/contract/bookings.ts';
import type { Hub, HubSessionPlan } from '../../src/contract/directory.ts';
import type { Language } from '../../src/contract/language.ts';
import type { Session } from '../../src/contract/places.ts';
import { hubText } from '../../src/core/hubs.ts';
import { londonInstant } from '../../src/core/schedule.ts';
import { expandSessions, parseSessionId } from '../../src/core/sessions.ts';
import { formatDay, formatTime } from '../../src/i18n/format.ts';
import type { Queryable } from '../db/database.ts';
import type { OnOffered, SettleOptions } from '../db/waiting-list.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { HttpProblem } from '../http/problem.ts';
import { channelFor, enqueue, manageUrlFor, type NotifyOptions, type Personalisation } from '../notify/outbox.ts';
import type { WebhookSender } from '../webhook.ts';

/*
 * What booking a place and waiting for one share: finding the session a
 * booking names, the rules on which can be booked, what the answers say
 * about the hub, and the messages and staff event a booking makes.
 */

const DAY = 86_400_000;

export interface FoundSession {
  hub: Hub;
  plan: HubSessionPlan;
  session: Session;
}

/**
 * The session occurrence `id` names (`<plan id>@<London date>T<HH:MM>`), if
 * the hub's plan really has an occurrence then: the plan is found in the
 * directory and expanded around that date, exactly as `GET /api/v1/sessions` does.
 */
export async function findSession(directory: DirectoryCache, id: string): Promise<FoundSession | undefined> {
  const named = parseSessionId(id);
  if (!named) return undefined;
  const { planId, date } = named;
  let midnight: Date;
  try {
    midnight = londonInstant(date, '00:00');
  } catch {
    return undefined;
  }
  const { hubs } = await directory.get();
  for (const hub of hubs) {
    const plan = hub.sessions.find((candidate) => candidate.id === planId);
    if (!plan) continue;
    const session = expandSessions([{ ...hub, sessions: [plan] }], new Date(midnight.getTime() - DAY), new Date(midnight.getTime() + 2 * DAY)).find(
      (candidate) => candidate.id === id,
    );
    return session ? { hub, plan, session } : undefined;
  }
  return undefined;
}

/** What a booking's answer says about its hub: enough for the confirmation, the calendar file and the messages. */
export const bookingHub = (hub: Hub): BookingCreated['hub'] => ({
  id: hub.id,
  name: hub.name,
  address: hub.address,
  coordinates: hub.coordinates,
  ...(hub.phone ? { phone: hub.phone } : {}),
  ...(hub.translations ? { translations: hub.translations } : {}),
});

/** Why `found` cannot be booked now, if it cannot: the same rules for a booking and for a move. */
export function refusalFor(found: FoundSession | undefined): HttpProblem | undefined {
  if (!found) return new HttpProblem(404, 'not-found', 'No such session', 'There is no session with this id. It may have been changed or removed: look again at the hub’s sessions.');
  const start = new Date(found.session.start).getTime();
  if (found.session.mode !== 'bookable') return new HttpProblem(422, 'session-not-bookable', 'This session is a drop-in', 'There is no need to book: just turn up.');
  if (start <= Date.now()) return new HttpProblem(409, 'session-past', 'This session has already started', 'Choose a later session.');
  if (start > Date.now() + BOOKING_WINDOW_DAYS * DAY) {
    return new HttpProblem(
      422,
      'session-not-open',
      'Bookings for this session are not open',
      `Sessions can be booked up to ${BOOKING_WINDOW_DAYS} days ahead. Choose an earlier session.`,
    );
  }
  return undefined;
}


/** What every booking message says: the reference, the hub (in the booking's language), its address and phone, when, and the manage link. */
export function personalisation(
  notify: NotifyOptions | undefined,
  lang: Language,
  reference: string,
  key: string,
  hub: Pick<Hub, 'name' | 'description' | 'translations' | 'address' | 'phone'>,
  session: Pick<Session, 'start' | 'end'>,
): Personalisation {
  const start = new Date(session.start);
  const time = `${formatDay(lang, start)}, ${formatTime(lang, start)} ${lang === 'cy' ? 'i' : 'to'} ${formatTime(lang, new Date(session.end))}`;
  return {
    reference,
    hub: hubText(hub, lang).name,
    address: [hub.address.line1, hub.address.city, hub.address.postcode].filter(Boolean).join(', '),
    phone: hub.phone ?? '',
    time,
    manage_link: manageUrlFor(notify, reference, key) ?? '',
  };
}

export const REMINDER_BEFORE_MS = DAY;


/** The slot a found session's bookings are counted in. */
export const slotOf = ({ hub, plan, session }: FoundSession) => ({
  sessionId: session.id,
  hubId: hub.id,
  planId: plan.id,
  start: new Date(session.start),
  capacity: session.capacity,
});

/** Whoever a booking or waiting-list place is for, as its messages need them. */
export interface Recipient {
  reference: string;
  /** The manage key (put in the manage link). */
  key: string;
  contact: { method: 'phone' | 'email'; value: string };
  lang: Language | undefined;
}

const channelOf = (recipient: Recipient) => channelFor(recipient.contact.method);

/**
 * The confirmation of a booking and its reminder the day before, written in
 * the booking's transaction: none is lost, none is sent for a booking rolled
 * back. Whether a confirmation is sent (its template is set).
 */
export async function confirmBooking(tx: Queryable, notify: NotifyOptions | undefined, recipient: Recipient, found: Pick<FoundSession, 'hub' | 'session'>): Promise<boolean> {
  const { session } = found;
  const words = personalisation(notify, recipient.lang ?? 'en', recipient.reference, recipient.key, found.hub, session);
  const base = { reference: recipient.reference, channel: channelOf(recipient), recipient: recipient.contact.value, personalisation: words } as const;
  const confirming = await enqueue(tx, notify, { ...base, kind: 'confirmation', dedupe: `confirmation:${recipient.reference}:${session.id}` });
  const reminderAt = new Date(new Date(session.start).getTime() - REMINDER_BEFORE_MS);
  if (reminderAt.getTime() > Date.now()) {
    await enqueue(tx, notify, { ...base, kind: 'reminder', dedupe: `reminder:${recipient.reference}:${session.id}`, sendAfter: reminderAt });
  }
  return confirming;
}

/** Tells the council's webhook of a new booking (made, or an offered place taken), in its transaction. */
export async function bookingCreatedEvent(
  tx: Queryable,
  webhook: WebhookSender | undefined,
  booking: { reference: string; name: string; contact: { method: 'phone' | 'email'; value: string }; notes?: string | undefined },
  session: Session,
): Promise<void> {
  await webhook?.enqueue(tx, 'booking.created', {
    reference: booking.reference,
    sessionId: session.id,
    hubId: session.hubId,
    start: session.start,
    name: booking.name,
    contact: booking.contact,
    ...(booking.notes !== undefined ? { notes: booking.notes } : {}),
  });
}

/**
 * What a freed place offered to someone on the waiting list sends them
 * (when Notify is set up and the session was found): the place, until when
 * it is held, and the manage link to take it.
 */
export function offerMessages(notify: NotifyOptions | undefined, found: FoundSession | undefined, keyFor: (reference: string) => string): OnOffered | undefined {
  if (!notify || !found) return undefined;
  return async (tx, entry) => {
    const lang = entry.lang ?? 'en';
    const recipient: Recipient = { reference: entry.reference, key: keyFor(entry.reference), contact: { method: entry.contactMethod, value: entry.contactValue }, lang };
    const ends = new Date(entry.offerExpiresAt ?? found.session.start);
    await enqueue(tx, notify, {
      reference: entry.reference,
      kind: 'waiting-offer',
      channel: channelOf(recipient),
      recipient: entry.contactValue,
      dedupe: `waiting-offer:${entry.reference}`,
      personalisation: {
        ...personalisation(notify, lang, entry.reference, recipient.key, found.hub, found.session),
        offer_ends: `${formatDay(lang, ends)}, ${formatTime(lang, ends)}`,
      },
    });
  };
}

/** How a session's waiting list is settled: offers told by Notify, and the capacity its plan has now. */
export function settling(notify: NotifyOptions | undefined, found: FoundSession | undefined, keyFor: (reference: string) => string): SettleOptions {
  return { onOffered: offerMessages(notify, found, keyFor), capacity: found ? (found.session.capacity ?? null) : undefined };
}
