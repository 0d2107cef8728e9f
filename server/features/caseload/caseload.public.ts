/**
 * What other features use of the caseload; nothing else in this folder is imported from outside it.
 */

// today: a coach's home page counts the clients and those with a risk flag (the same read as the
// caseload page, access-logged by the same rule).
export { getCaseload } from './caseload.service.ts';
