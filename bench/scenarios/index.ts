import type { Scenario } from '../lib/types.ts';
import { checkinsScenario } from './checkins.ts';
import { reads } from './reads.ts';
import { trends } from './trends.ts';

/** Every scenario `npm run bench` knows, in the order a full run takes them. Add new ones here. */
export const scenarios: Scenario[] = [reads, checkinsScenario, trends];
