import { meetingDirectoryVersion, meetings } from '../../db/schema/meetings.ts';
import type { Feature } from '../../lib/feature.ts';
import { meetingRoutes } from './meetings.routes.ts';

/** The public meeting directory and finder, detail, calendar files and the Meeting Guide export. */
export const meetingsFeature: Feature = {
  name: 'meetings',
  routes: [meetingRoutes],
  tables: [meetings, meetingDirectoryVersion],
  kept: [
    { table: meetings, why: 'The public meeting directory: public data, not a person’s.' },
    { table: meetingDirectoryVersion, why: 'A counter that tells processes to reload the directory.' },
  ],
};
