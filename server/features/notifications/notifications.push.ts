import { and, eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { PushSubscriptionInput } from '../../../shared/contracts/reminders.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { pushSubscriptions } from '../../db/schema/notifications.ts';
import { storedSecret } from '../../lib/instance-secret.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * Web Push. The VAPID key pair is generated once (at first start, or first use) and stored in
 * `instance_secrets` as one row, so every app process signs with the same pair and browsers'
 * subscriptions survive restarts.
 */

const VAPID_ROW = 'vapid_keys';

export async function vapidKeys(db: Db): Promise<{ publicKey: string; privateKey: string }> {
  const stored = await storedSecret(db, VAPID_ROW, () => JSON.stringify(webpush.generateVAPIDKeys()));
  return JSON.parse(stored) as { publicKey: string; privateKey: string };
}

export interface PushMessage {
  title: string;
  body: string;
  link: string;
}

export interface PushSender {
  /** 'gone' when the browser unsubscribed (the subscription should be deleted). Never throws. */
  send(subscription: PushSubscriptionInput, message: PushMessage): Promise<'sent' | 'gone' | 'failed'>;
}

export function createPushSender({ db, config }: { db: Db; config: Pick<Config, 'publicUrl' | 'mailFrom'> }): PushSender {
  // Push services want a way to reach the sender: the site if it is https, else the mail address.
  const address = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
  const subject = config.publicUrl.startsWith('https:') ? config.publicUrl : `mailto:${address}`;
  return {
    async send(subscription, message) {
      const keys = await vapidKeys(db);
      try {
        await webpush.sendNotification(subscription, JSON.stringify(message), {
          vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          // A reminder a day late is no reminder.
          TTL: 12 * 3600,
          timeout: 10_000,
        });
        return 'sent';
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        return status === 404 || status === 410 ? 'gone' : 'failed';
      }
    },
  };
}

/**
 * Sends one message to each of a person's browsers and forgets every browser that unsubscribed.
 * Returns how many browsers it reached.
 */
export async function pushToPerson(db: Db, sender: PushSender, userId: string, message: PushMessage): Promise<number> {
  const subscriptions = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  let pushed = 0;
  for (const subscription of subscriptions) {
    const outcome = await sender.send(subscription, message);
    if (outcome === 'sent') pushed += 1;
    if (outcome === 'gone') await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscription.id));
  }
  return pushed;
}

export async function getPushKey({ db }: { db: Db }) {
  return { publicKey: (await vapidKeys(db)).publicKey };
}

/** One browser's subscription; a browser that changes hands (another person signs in) moves with it. */
export async function savePushSubscription({ db, actor, subscription }: { db: Db; actor: Actor; subscription: PushSubscriptionInput }) {
  await db
    .insert(pushSubscriptions)
    .values({ userId: actor.userId, endpoint: subscription.endpoint, keys: subscription.keys })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: actor.userId, keys: subscription.keys } });
  return { ok: true as const };
}

export async function removePushSubscription({ db, actor, endpoint }: { db: Db; actor: Actor; endpoint: string }) {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, actor.userId), eq(pushSubscriptions.endpoint, endpoint)));
  return { ok: true as const };
}
