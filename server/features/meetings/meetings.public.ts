/**
 * What other features (and scripts/, bench/) use of the meetings directory; nothing else in this
 * folder is imported from outside it.
 */

// The Meeting Guide format: imports (meeting-sources) and the admin form (own-meetings) clean records
// with the same normalizer, so every meeting is stored as a feed would give it.
export { isFeedError, NOT_AN_ARRAY, normalizeFeed } from './feed/normalize.ts';
// A source's default zone is stored under the normalizer's canonical name.
export { canonicalTimeZone } from './feed/values.ts';
export { mapTileImageSource } from './map-tiles.ts';
// What a write compares (the content hash) and reads back (a row as its normalized meeting); bench/
// writes the same columns with a bare INSERT for its baseline.
export { contentHashOf, meetingColumns } from './meeting-rows.ts';
// my-meetings: a saved meeting's next start, and its weekly event in the member's private calendar.
export { addWeeklyMeeting } from './meetings.calendar.ts';
// A write this process made outside commitSourceMeetings (an own group, a deleted source): the
// finder's next read reloads.
export { forgetMeetingZones } from './meetings.finder.ts';
export { feedMeetingOf } from './meetings.service.ts';
export { nextOccurrence } from './meetings.window.ts';
// This feature owns the `meetings` table: imports and own groups write it only through these.
export {
  commitSourceMeetings,
  insertOwnMeeting,
  lockOwnGroups,
  type MeetingChanges,
  removeOwnMeeting,
  replaceOwnMeeting,
  sourceMeetings,
} from './meetings.writes.ts';
