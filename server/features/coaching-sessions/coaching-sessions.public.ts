/**
 * What other features use of coaching sessions; nothing else in this folder is imported from outside
 * it. This feature owns `coaching_sessions`, `session_notes` and `referrals`: others write them only
 * through these functions.
 */

// Coaching ends a relationship (close, transfer, a coach's account deleted) and cancels its booked
// sessions in the same transaction.
export { cancelBookedSessions } from './coaching-sessions.cancel.ts';
// today: the home page shows my next session (and a coach's sessions of the day).
export { listUpcomingSessions } from './coaching-sessions.service.ts';
