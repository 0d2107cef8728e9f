/**
 * What other features use of events; nothing else in this folder is imported from outside it.
 */

// today: the home page shows the next event I am going to (or waiting for).
export { nextEventOfMine } from './events.service.ts';
