/**
 * What other features use of check-ins; nothing else in this folder is imported from outside it.
 */

// today: the home page says whether today's check-in is done, and the streak.
export { ownCheckinToday } from './checkins.service.ts';
