import { eq } from 'drizzle-orm';
import type { NoticeKey } from '../../../shared/contracts/reminders.ts';
import type { Db } from '../../db/client.ts';
import { profiles } from '../../db/schema/profile.ts';
import { hasUnreadNotice, messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';

/**
 * In-app notifications of the people features (messages, accountability partners). They name who, never
 * what: no message text leaves the thread, and nothing is emailed.
 */

const WORDS = {
  en: {
    message: (alias: string) => ({ title: `New message from ${alias}`, body: 'Open your messages to read it.' }),
    invite: (alias: string) => ({
      title: `${alias} invited you to be accountability partners`,
      body: 'Open Partners to see what they would share and to accept or decline.',
    }),
    accepted: (alias: string) => ({
      title: `${alias} accepted your partner invitation`,
      body: 'You can now see what each of you chose to share.',
    }),
    nudge: (alias: string) => ({
      title: `${alias} is thinking of you`,
      body: 'Your accountability partner sent you a little encouragement.',
    }),
  },
  es: {
    message: (alias: string) => ({ title: `Nuevo mensaje de ${alias}`, body: 'Abre tus mensajes para leerlo.' }),
    invite: (alias: string) => ({
      title: `${alias} te invitó a ser compañeros de responsabilidad`,
      body: 'Abre Compañeros para ver lo que compartiría y aceptar o rechazar.',
    }),
    accepted: (alias: string) => ({
      title: `${alias} aceptó tu invitación de compañero`,
      body: 'Ahora cada uno puede ver lo que el otro eligió compartir.',
    }),
    nudge: (alias: string) => ({
      title: `${alias} está pensando en ti`,
      body: 'Tu compañero de responsabilidad te envió un poco de ánimo.',
    }),
  },
} as const;

export type PeopleNotice = 'message' | 'invite' | 'accepted' | 'nudge';
const NOTICE_KEY = {
  message: 'message',
  invite: 'partner_invite',
  accepted: 'partner_accepted',
  nudge: 'partner_nudge',
} as const satisfies Record<PeopleNotice, NoticeKey>;

async function languageOf(db: Db, userId: string) {
  const [row] = await db.select({ languages: profiles.languages }).from(profiles).where(eq(profiles.userId, userId)).limit(1);
  return messageLanguage(row?.languages ?? []);
}

/** Creates one notification unless `dedupeKey` was used before; returns whether it was created. */
export async function notify(
  db: Db,
  options: { userId: string; notice: PeopleNotice; alias: string; link: string; dedupeKey: string; extra?: string },
): Promise<boolean> {
  const words = WORDS[await languageOf(db, options.userId)][options.notice](options.alias);
  return notifyOnce(db, {
    userId: options.userId,
    kind: options.notice === 'message' ? 'message' : 'partner',
    title: words.title,
    body: options.extra ? `${words.body}\n\n“${options.extra}”` : words.body,
    link: options.link,
    dedupeKey: options.dedupeKey,
    message: {
      key: NOTICE_KEY[options.notice],
      params: { alias: options.alias, ...(options.extra ? { extra: options.extra } : {}) },
    },
  });
}

/**
 * At most one unread "new message" notification per conversation: while the recipient has not opened
 * the last one, further messages add nothing; after that, at most one an hour.
 */
export async function notifyNewMessage(db: Db, options: { conversationId: string; senderAlias: string; recipientId: string; at: Date }) {
  const link = `/messages/${options.conversationId}`;
  if (await hasUnreadNotice(db, { userId: options.recipientId, link })) return;
  await notify(db, {
    userId: options.recipientId,
    notice: 'message',
    alias: options.senderAlias,
    link,
    dedupeKey: `message:${options.conversationId}:${options.recipientId}:${options.at.toISOString().slice(0, 13)}`,
  });
}
