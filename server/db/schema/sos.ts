import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { createdAt, person } from './columns.ts';

/** A member pressed SOS: the people they granted `sos` are alerted, and their coach sees a risk flag. */
export const sosEvents = pgTable(
  'sos_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: person('user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('sos_events_user_idx').on(t.userId, t.createdAt)],
);
