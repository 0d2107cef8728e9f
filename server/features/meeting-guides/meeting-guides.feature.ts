import { meetingGuides } from '../../db/schema/meeting-guides.ts';
import type { Feature } from '../../lib/feature.ts';
import { meetingGuideRoutes } from './meeting-guides.routes.ts';

/** "What to expect" guides. */
export const meetingGuidesFeature: Feature = {
  name: 'meeting-guides',
  routes: [meetingGuideRoutes],
  tables: [meetingGuides],
  kept: [{ table: meetingGuides, why: '"What to expect" guides the organization writes: no person’s data.' }],
};
