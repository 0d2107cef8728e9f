/**
 * What other features use of my-meetings; nothing else in this folder is imported from outside it.
 */
export { meetingGoalProgress, meetingsLast7Days } from './my-meetings.service.ts';
