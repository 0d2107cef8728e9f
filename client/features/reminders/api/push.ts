import { okSchema } from '../../../../shared/contracts/common.ts';
import { pushKeySchema } from '../../../../shared/contracts/reminders.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** Whether this browser can receive Web Push at all (not, for example, Safari outside an installed app on iOS). */
export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export type PushOutcome = 'subscribed' | 'denied' | 'unsupported';

/** Asks permission, subscribes this browser and tells the server where to send reminders. */
export async function subscribeThisDevice(): Promise<PushOutcome> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const { publicKey } = await apiRequest('/api/me/push/key', { schema: pushKeySchema });
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  const json = subscription.toJSON();
  await apiRequest('/api/me/push-subscriptions', {
    method: 'PUT',
    body: { endpoint: json.endpoint, keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth } },
    schema: okSchema,
  });
  return 'subscribed';
}

/** Stops reminders to this browser (the server forgets it, the browser drops the subscription). */
export async function unsubscribeThisDevice(): Promise<void> {
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) return;
  await apiRequest('/api/me/push-subscriptions/remove', { method: 'POST', body: { endpoint: subscription.endpoint }, schema: okSchema });
  await subscription.unsubscribe();
}
