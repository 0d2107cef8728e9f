import type { Scenario } from '../lib/types.ts';
import { reads } from './reads.ts';

/** Every scenario `npm run bench` knows, in the order a full run takes them. Add new ones here. */
export const scenarios: Scenario[] = [reads];
