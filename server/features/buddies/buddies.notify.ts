import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { profiles } from '../../db/schema/profile.ts';
import { messageLanguage, notifyOnce } from '../notifications/notifications.public.ts';

/**
 * "Someone will come with you": in-app with the buddy's alias, by email in neutral words only (an email
 * can be read over a shoulder or on a shared computer: it names no meeting, no fellowship, no person).
 */
const WORDS = {
  en: {
    title: (alias: string) => `${alias} will come with you`,
    body: 'Someone answered your request to have company at a meeting. Say hello in your messages.',
    subject: 'You have an update',
    email: (url: string) => `Someone answered a request you made.\n\nSign in to see it: ${url}\n`,
  },
  es: {
    title: (alias: string) => `${alias} irá contigo`,
    body: 'Alguien respondió a tu pedido de compañía para una reunión. Salúdale en tus mensajes.',
    subject: 'Tienes una novedad',
    email: (url: string) => `Alguien respondió a un pedido que hiciste.\n\nInicia sesión para verlo: ${url}\n`,
  },
} as const;

/** The in-app notice, in the request's transaction; true when it was created (never twice a request). */
export async function noticeMatched(db: Db, options: { requestId: string; requesterId: string; buddyAlias: string; link: string }) {
  const [person] = await db.select({ languages: profiles.languages }).from(profiles).where(eq(profiles.userId, options.requesterId));
  const words = WORDS[messageLanguage(person?.languages ?? [])];
  return notifyOnce(db, {
    userId: options.requesterId,
    kind: 'buddy',
    title: words.title(options.buddyAlias),
    body: words.body,
    link: options.link,
    dedupeKey: `buddy-matched:${options.requestId}`,
  });
}

/** The email, after the transaction committed (a rolled-back match sends nothing). */
export async function emailMatched(ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>, requesterId: string) {
  const [person] = await ctx.db
    .select({ email: users.email, status: users.status, languages: profiles.languages })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, requesterId));
  if (person?.status !== 'active') return;
  const words = WORDS[messageLanguage(person.languages)];
  await ctx.mailer.send(ctx.db, { to: person.email, subject: words.subject, text: words.email(`${ctx.config.publicUrl}/buddies`) });
}
