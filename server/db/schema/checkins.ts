import { sql } from 'drizzle-orm';
import { boolean, check, date, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, owner } from './columns.ts';

/** One check-in per member per local day (in the member's time zone). */
export const checkins = pgTable(
  'checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    mood: smallint('mood').notNull(),
    craving: smallint('craving').notNull(),
    sleepHours: numeric('sleep_hours', { precision: 3, scale: 1, mode: 'number' }),
    used: text('used', { enum: ['no', 'yes', 'prefer_not_to_say'] }).notNull(),
    substances: text('substances').array().notNull().default(sql`'{}'::text[]`),
    gratitude: text('gratitude'),
    note: text('note'),
    /** Made after its day had passed. */
    backfilled: boolean('backfilled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkins_user_day_unique').on(t.userId, t.localDate),
    check('checkins_mood_range', sql`${t.mood} BETWEEN 1 AND 5`),
    check('checkins_craving_range', sql`${t.craving} BETWEEN 0 AND 10`),
    check('checkins_sleep_range', sql`${t.sleepHours} IS NULL OR ${t.sleepHours} BETWEEN 0 AND 24`),
  ],
);
