import type { Scenario } from '../lib/types.ts';
import { caseload } from './caseload.ts';
import { checkinsScenario } from './checkins.ts';
import { coachingSuggest } from './coaching-suggest.ts';
import { firstLoad } from './first-load.ts';
import { matching } from './matching.ts';
import { exportScenario, finder, importScenario } from './meetings.ts';
import { reads } from './reads.ts';
import { trends } from './trends.ts';

/** Every scenario `npm run bench` knows, in the order a full run takes them. Add new ones here. */
export const scenarios: Scenario[] = [
  reads,
  checkinsScenario,
  trends,
  matching,
  coachingSuggest,
  caseload,
  finder,
  importScenario,
  exportScenario,
  firstLoad,
];
