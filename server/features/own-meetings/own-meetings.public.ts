/** What scripts/ use of the organization's own groups; nothing else in this folder is imported from outside it. */

// scripts/demo-meetings.ts: the demo's own groups are made the way the admin form makes them (cleaned, audited).
export { createOwnMeeting } from './own-meetings.service.ts';
