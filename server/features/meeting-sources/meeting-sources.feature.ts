import { meetingImports, meetingSources } from '../../db/schema/meeting-sources.ts';
import type { Feature } from '../../lib/feature.ts';
import { meetingSourceRoutes } from './meeting-sources.routes.ts';
import { runMeetingFeedSweep } from './meeting-sources.sweep.ts';

/** Meeting Guide feed sources, background imports with preview, the daily re-import. */
export const meetingSourcesFeature: Feature = {
  name: 'meeting-sources',
  routes: [meetingSourceRoutes],
  sweeps: [{ queue: 'meeting-feeds-sweep', run: runMeetingFeedSweep }],
  tables: [meetingSources, meetingImports],
  kept: [
    { table: meetingSources, why: 'Feed sources an admin set up: the organization’s configuration.' },
    { table: meetingImports, why: 'Import runs and their previews: public feed data.' },
  ],
};
