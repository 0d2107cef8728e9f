/**
 * What other features use of clocks; nothing else in this folder is imported from outside it.
 */
export { milestonesOf, runLength } from './milestones.ts';
