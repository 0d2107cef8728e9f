import { z } from 'zod';

/** Reminders a member chose, and the in-app notification centre. */
export const REMINDER_LIMITS = { barcEveryDaysMin: 7, barcEveryDaysMax: 90, barcEveryDaysDefault: 30, notificationsPage: 50 } as const;

export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 08:30');

export const reminderPreferencesSchema = z.object({
  /** Local time of the daily check-in reminder, in the member's time zone; null: no reminder. */
  checkinTime: localTimeSchema.nullable(),
  /** A message when a recovery clock reaches a milestone. */
  milestones: z.boolean(),
  /** Days between BARC-10 reminders; null: none. */
  barcEveryDays: z.number().int().min(REMINDER_LIMITS.barcEveryDaysMin).max(REMINDER_LIMITS.barcEveryDaysMax).nullable(),
  /** Include one of "my reasons" in the check-in reminder. */
  showReasons: z.boolean(),
  byEmail: z.boolean(),
  byPush: z.boolean(),
});
/** The whole set: what is sent replaces what was there. */
export const putReminderPreferencesSchema = reminderPreferencesSchema.strict();
export type ReminderPreferences = z.infer<typeof reminderPreferencesSchema>;

export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = {
  checkinTime: null,
  milestones: true,
  barcEveryDays: REMINDER_LIMITS.barcEveryDaysDefault,
  showReasons: false,
  byEmail: false,
  byPush: false,
};

export const NOTIFICATION_KINDS = [
  'checkin',
  'milestone',
  'barc10',
  'message',
  'partner',
  'coaching_session',
  'coaching',
  'sos',
  'risk',
  'event',
] as const;

/** Notices stored as a key and parameters, rendered in the reader's language by the client. */
export const NOTICE_KEYS = ['message', 'partner_invite', 'partner_accepted', 'partner_nudge', 'sos', 'note_returned'] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];
export const noticeMessageSchema = z.object({ key: z.enum(NOTICE_KEYS), params: z.record(z.string(), z.string()) });
export type NoticeMessage = z.infer<typeof noticeMessageSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** An app path such as /check-in. */
  link: z.string().nullable(),
  /** The notice as a key and parameters when it has one: the client words it; otherwise title and body as stored. */
  message: noticeMessageSchema.nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int().min(0),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });

/**
 * Browsers' push services only: the server POSTs to this address, so anything else (an internal
 * host, an IP address) is refused rather than fetched.
 */
export const PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'push.services.mozilla.com', 'notify.windows.com', 'push.apple.com'] as const;

export const pushEndpointSchema = z
  .url({ protocol: /^https$/ })
  .max(2000)
  .refine((value) => {
    // Zod runs this even after the URL check failed: an unparsable value is simply not allowed.
    let host = '';
    try {
      host = new URL(value).hostname;
    } catch {
      return false;
    }
    return PUSH_SERVICE_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  }, 'Not a browser push service address');

export const pushSubscriptionSchema = z
  .object({
    endpoint: pushEndpointSchema,
    keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }).strict(),
  })
  .strict();
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const removePushSubscriptionSchema = z.object({ endpoint: z.string().max(2000) }).strict();

export const pushKeySchema = z.object({ publicKey: z.string() });
