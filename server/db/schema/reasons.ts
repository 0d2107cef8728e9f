import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, owner } from './columns.ts';

/** "Why recovery matters to me", shown when it helps. */
export const reasons = pgTable(
  'reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reasons_user_idx').on(t.userId, t.position)],
);
