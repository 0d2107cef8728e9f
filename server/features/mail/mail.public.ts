/**
 * What other features use of mail; nothing else in this folder is imported from outside it.
 */
export { createMailer, type Mailer } from './mail.service.ts';
