/**
 * What other features use of my-meetings; nothing else in this folder is imported from outside it.
 */
// today: the home page shows my next saved meeting.
export { listSavedMeetings, meetingGoalProgress, meetingsLast7Days } from './my-meetings.service.ts';
