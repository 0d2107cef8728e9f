/**
 * What other features use of invites; nothing else in this folder is imported from outside it. This
 * feature owns `invites`: others write it only through these functions.
 */
// Auth: open sign-up emails the person a link of their own.
export { createSignupLink } from './invites.service.ts';
