/**
 * What other features use of sos; nothing else in this folder is imported from outside it.
 */
export { alertMessages } from './sos.wording.ts';
