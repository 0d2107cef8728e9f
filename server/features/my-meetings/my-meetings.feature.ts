import { meetingAttendanceCodes } from '../../db/schema/my-meetings.ts';
import type { Feature } from '../../lib/feature.ts';
import { myMeetingsMyData } from './my-meetings.my-data.ts';
import { myMeetingRoutes } from './my-meetings.routes.ts';

/** Saved meetings, attendance, proof of attendance, a private calendar. */
export const myMeetingsFeature: Feature = {
  name: 'my-meetings',
  routes: [myMeetingRoutes],
  tables: [...myMeetingsMyData.tables, meetingAttendanceCodes],
  myData: myMeetingsMyData,
  kept: [
    {
      table: meetingAttendanceCodes,
      why: "A meeting's code for the day, hashed: it belongs to the meeting, not to the secretary who issued it.",
    },
  ],
};
