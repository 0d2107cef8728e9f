/**
 * What other features use of notifications; nothing else in this folder is imported from outside it.
 * This feature owns the `notifications` and `push_subscriptions` tables: others write them only
 * through these functions.
 */

// Notices and emails of every feature are written in the recipient's language, chosen one way.
export { localDateTime, type MessageLanguage, messageLanguage } from './notifications.language.ts';
// Every feature that announces something (buddies, caseload risk alerts, coaching, coaching sessions,
// events, messages and partners, reminders, SOS) adds its in-app notice here, once per dedupe key, and
// sends the matching email only when the notice was new. The reminder sweep first skips keys used before.
export { type Notice, notifyOnce, usedDedupeKeys } from './notifications.notify.ts';
// The reminder sweep delivers by Web Push too (tests pass a fake sender).
export { createPushSender, type PushSender, pushToPerson, vapidKeys } from './notifications.push.ts';
// messages: opening a thread marks its "new message" notices read, and no second one is added while
// one is unread.
export { hasUnreadNotice, markNoticesRead } from './notifications.service.ts';
