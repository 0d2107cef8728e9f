/**
 * What other features use of messages; nothing else in this folder is imported from outside it. This
 * feature owns `conversations` and `messages`: others write them only through these functions.
 */
// Buddies: a matched request opens the pair's buddy conversation.

// Partners: its invitation, acceptance and nudge notices share the wording of the people notices.
export { notify } from './messages.notify.ts';
// today: the home page shows how many messages to me are unread.
export { conversationBetween, unreadTotal } from './messages.service.ts';
