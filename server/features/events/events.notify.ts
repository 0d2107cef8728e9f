import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { profiles } from '../../db/schema/profile.ts';
import { reminderPreferences } from '../../db/schema/reminders.ts';
import { localDateTime, type MessageLanguage, messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';

/**
 * Notices about events, in the recipient's language: a place came free, the event was cancelled or
 * moved (new time, place or link), it starts soon. They carry the title, the time and (for a
 * cancellation) the organizer's note, and nothing about who else is coming. The place is left to the
 * app: an email can be read by anyone with the inbox, and where a recovery group gathers is not for them.
 */
export type EventNotice = 'promoted' | 'cancelled' | 'changed' | 'reminder_24h' | 'reminder_1h';

export const eventPath = (id: string) => `/events/${id}`;

const WORDS = {
  en: {
    promoted: (title: string, when: string) => ({
      title: `You have a place at ${title}`,
      body: `A place came free and it is yours: ${when}.`,
    }),
    cancelled: (title: string, when: string) => ({ title: `${title} is cancelled`, body: `The event on ${when} will not take place.` }),
    changed: (title: string, when: string) => ({
      title: `${title} has changed`,
      body: `The time, place or link changed. It is now on ${when}; see the event page for where.`,
    }),
    reminder_24h: (title: string, when: string) => ({ title: `${title} is coming up`, body: `You are going: ${when}.` }),
    reminder_1h: (title: string, when: string) => ({ title: `${title} starts within the hour`, body: `You are going: ${when}.` }),
    note: 'From the organizers',
    subject: {
      promoted: 'You have a place',
      cancelled: 'An event is cancelled',
      changed: 'An event has changed',
      reminder_24h: 'A reminder from Kinship',
      reminder_1h: 'A reminder from Kinship',
    },
    details: 'Details',
  },
  es: {
    promoted: (title: string, when: string) => ({ title: `Tienes un lugar en ${title}`, body: `Se liberó un lugar y es tuyo: ${when}.` }),
    cancelled: (title: string, when: string) => ({ title: `${title} se canceló`, body: `El evento del ${when} no se realizará.` }),
    changed: (title: string, when: string) => ({
      title: `${title} tiene cambios`,
      body: `Cambió la hora, el lugar o el enlace. Ahora es el ${when}; consulta en la página del evento dónde será.`,
    }),
    reminder_24h: (title: string, when: string) => ({ title: `${title} se acerca`, body: `Vas a ir: ${when}.` }),
    reminder_1h: (title: string, when: string) => ({ title: `${title} empieza en menos de una hora`, body: `Vas a ir: ${when}.` }),
    note: 'Mensaje de los organizadores',
    subject: {
      promoted: 'Tienes un lugar',
      cancelled: 'Se canceló un evento',
      changed: 'Un evento tiene cambios',
      reminder_24h: 'Recordatorio de Kinship',
      reminder_1h: 'Recordatorio de Kinship',
    },
    details: 'Detalles',
  },
} as const;

export function eventMessage(
  notice: EventNotice,
  language: MessageLanguage,
  facts: { title: string; at: Date; zone: string; note?: string | null },
) {
  const words = WORDS[language];
  const text = words[notice](facts.title, localDateTime(facts.at, facts.zone, language));
  return facts.note ? { title: text.title, body: `${text.body}\n${words.note}: “${facts.note}”` } : text;
}

interface Recipient {
  userId: string;
  email: string;
  timezone: string;
  language: MessageLanguage;
  /** The person chose reminders by email (reminder preferences); notices about their place always go. */
  remindByEmail: boolean;
}

/** Active accounts among `ids`, with what a notice needs. Disabled or erased accounts get nothing. */
export async function recipients(db: Db, ids: readonly string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      timezone: profiles.timezone,
      languages: profiles.languages,
      byEmail: reminderPreferences.byEmail,
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(reminderPreferences, eq(reminderPreferences.userId, users.id))
    .where(and(eq(users.status, 'active'), inArray(users.id, [...ids])));
  return rows.map((row) => ({
    userId: row.userId,
    email: row.email,
    timezone: row.timezone,
    language: messageLanguage(row.languages),
    remindByEmail: row.byEmail === true,
  }));
}

/**
 * One in-app notification and (when `email`) one email, both written with `db` — inside the caller's
 * transaction, so a notice exists exactly when the change it announces does (without SMTP the email
 * is a row of the outbox). The dedupe key makes a repeat create nothing; returns whether it was new.
 */
export async function sendEventNotice(
  ctx: Pick<AppContext, 'mailer' | 'config'>,
  db: Db,
  options: {
    to: Recipient;
    notice: EventNotice;
    event: { id: string; title: string; startsAt: Date };
    note?: string | null;
    dedupeKey: string;
    email: boolean;
  },
): Promise<boolean> {
  const { to, event } = options;
  const text = eventMessage(options.notice, to.language, { title: event.title, at: event.startsAt, zone: to.timezone, note: options.note });
  const link = eventPath(event.id);
  const created = await notifyOnce(db, {
    userId: to.userId,
    kind: 'event',
    title: text.title,
    body: text.body,
    link,
    dedupeKey: options.dedupeKey,
  });
  if (!created) return false;
  if (options.email) {
    const words = WORDS[to.language];
    await ctx.mailer.send(db, {
      to: to.email,
      subject: words.subject[options.notice],
      text: `${text.title}\n\n${text.body}\n\n${words.details}: ${ctx.config.publicUrl}${link}`,
    });
  }
  return true;
}
