/**
 * What other features use of clocks; nothing else in this folder is imported from outside it.
 */

// today: the home page shows my clocks' days and next milestones.
export { listOwnClocks } from './clocks.service.ts';
export { milestonesOf, runLength } from './milestones.ts';
