import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/** Columns many tables share, defined once so every table spells them alike. */

/** A person the row belongs to or names; the row goes when the account row does. */
export const person = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
/** The owner of a person's own record (`user_id`). */
export const owner = () => person('user_id');
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
