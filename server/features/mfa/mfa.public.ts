/**
 * What other features use of mfa; nothing else in this folder is imported from outside it.
 */
export { verifySecondFactor } from './mfa.service.ts';
