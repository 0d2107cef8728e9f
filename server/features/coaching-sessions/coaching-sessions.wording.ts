import { DateTime } from 'luxon';
import type { ContactType } from '../../../shared/contracts/coaching-base.ts';
import { localDateTime, type MessageLanguage } from '../notifications/notifications.public.ts';

/**
 * Texts of session notifications and reminder emails, in the recipient's language (English or
 * Spanish, chosen by messageLanguage of notifications). They name the time and the kind of contact
 * only: never a note, a goal or a referral, because a notification can show on a lock screen and an
 * email can be read by anyone with the inbox.
 */
export type SessionEvent = 'scheduled' | 'changed' | 'cancelled' | 'reminder_24h' | 'reminder_1h';

const TYPES: Record<MessageLanguage, Record<ContactType, string>> = {
  en: { in_person: 'in person', phone: 'phone', video: 'video' },
  es: { in_person: 'en persona', phone: 'por teléfono', video: 'por video' },
};

export function sessionMessage(
  event: SessionEvent,
  language: MessageLanguage,
  facts: { at: Date; zone: string; contactType: ContactType },
): { title: string; body: string } {
  const when = localDateTime(facts.at, facts.zone, language);
  const type = TYPES[language][facts.contactType];
  if (language === 'es') {
    switch (event) {
      case 'scheduled':
        return { title: 'Nueva sesión de coaching', body: `Sesión ${type}: ${when}.` };
      case 'changed':
        return { title: 'Sesión de coaching cambiada', body: `Ahora la sesión es ${type}: ${when}.` };
      case 'cancelled':
        return { title: 'Sesión de coaching cancelada', body: `Se canceló la sesión ${type} del ${when}.` };
      case 'reminder_24h':
        return { title: 'Sesión de coaching mañana', body: `Sesión ${type}: ${when}.` };
      case 'reminder_1h':
        return { title: 'Sesión de coaching en una hora', body: `Sesión ${type}: ${when}.` };
    }
  }
  switch (event) {
    case 'scheduled':
      return { title: 'New coaching session', body: `Session (${type}): ${when}.` };
    case 'changed':
      return { title: 'Coaching session changed', body: `The session is now (${type}): ${when}.` };
    case 'cancelled':
      return { title: 'Coaching session cancelled', body: `The session (${type}) on ${when} was cancelled.` };
    case 'reminder_24h':
      return { title: 'Coaching session tomorrow', body: `Session (${type}): ${when}.` };
    case 'reminder_1h':
      return { title: 'Coaching session in an hour', body: `Session (${type}): ${when}.` };
  }
}

export function reminderEmail(language: MessageLanguage, body: string, link: string) {
  return language === 'es'
    ? { subject: 'Recordatorio de Kinship', text: `${body}\n\nDetalles: ${link}` }
    : { subject: 'A reminder from Kinship', text: `${body}\n\nDetails: ${link}` };
}

/** The member's few words to go with a new session: shown in the app only. */
export function withMessage(body: string, message: string | null | undefined, language: MessageLanguage) {
  if (!message) return body;
  return language === 'es' ? `${body}\nMensaje de tu coach: ${message}` : `${body}\nFrom your coach: ${message}`;
}

/** The coach's notice that a supervisor returned a note: the day only, never the comment or the note. */
export function noteReturnedMessage(language: MessageLanguage, occurredOn: string): { title: string; body: string } {
  const day = DateTime.fromISO(occurredOn, { zone: 'UTC' }).setLocale(language).toLocaleString(DateTime.DATE_FULL);
  return language === 'es'
    ? { title: 'Una nota volvió para cambios', body: `Tu supervisor pidió cambios en la nota del ${day}.` }
    : { title: 'A note was returned for changes', body: `Your supervisor asked for changes to the note of ${day}.` };
}
