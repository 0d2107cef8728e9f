// The complete schema object Drizzle needs for typed queries; tables live in schema/<area>.ts.
import * as accounts from './schema/accounts.ts';
import * as consent from './schema/consent.ts';
import * as mail from './schema/mail.ts';
import * as organization from './schema/organization.ts';

export const schema = { ...accounts, ...consent, ...mail, ...organization };
export type Schema = typeof schema;
