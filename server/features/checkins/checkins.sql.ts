import { and, between, desc, eq, sql } from 'drizzle-orm';
import type { Checkin } from '../../../shared/contracts/checkins.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { profiles } from '../../db/schema/profile.ts';
import { prepared } from '../../lib/prepared.ts';

/**
 * The SQL of check-ins, as named prepared statements: trends and the caseload summary run on every
 * page view, so PostgreSQL plans them once per connection.
 */

export const checkinColumns = {
  localDate: checkins.localDate,
  mood: checkins.mood,
  craving: checkins.craving,
  sleepHours: checkins.sleepHours,
  used: checkins.used,
  substances: checkins.substances,
  gratitude: checkins.gratitude,
  note: checkins.note,
  backfilled: checkins.backfilled,
  createdAt: checkins.createdAt,
  updatedAt: checkins.updatedAt,
};

type CheckinRow = { [K in keyof typeof checkinColumns]: (typeof checkins.$inferSelect)[K] };

export function presentCheckin(row: CheckinRow): Checkin {
  return {
    localDate: row.localDate,
    mood: row.mood,
    craving: row.craving,
    sleepHours: row.sleepHours === null ? null : Number(row.sleepHours),
    used: row.used,
    substances: row.substances,
    gratitude: row.gratitude,
    note: row.note,
    backfilled: row.backfilled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface CheckinValues {
  userId: string;
  localDate: string;
  mood: number;
  craving: number;
  sleepHours: number | null;
  used: 'no' | 'yes' | 'prefer_not_to_say';
  substances: string[];
  gratitude: string | null;
  note: string | null;
  backfilled: boolean;
}

/**
 * Create or replace the day's check-in in one statement (so concurrent writes of one day leave one row).
 * `backfilled` is decided when the row is created and kept on edits: editing yesterday's on-time
 * check-in does not make it a backfill. `xmax = 0` tells a fresh insert from an update.
 */
const buildUpsert = (db: Db) =>
  db
    .insert(checkins)
    .values({
      userId: sql.placeholder('userId'),
      localDate: sql.placeholder('localDate'),
      mood: sql.placeholder('mood'),
      craving: sql.placeholder('craving'),
      // Raw, not the column's encoder: numeric-as-number would send null as the string 'null'.
      sleepHours: sql`${sql.placeholder('sleepHours')}::numeric`,
      used: sql.placeholder('used'),
      substances: sql.placeholder('substances'),
      gratitude: sql.placeholder('gratitude'),
      note: sql.placeholder('note'),
      backfilled: sql.placeholder('backfilled'),
    })
    .onConflictDoUpdate({
      target: [checkins.userId, checkins.localDate],
      set: {
        mood: sql`excluded.mood`,
        craving: sql`excluded.craving`,
        sleepHours: sql`excluded.sleep_hours`,
        used: sql`excluded.used`,
        substances: sql`excluded.substances`,
        gratitude: sql`excluded.gratitude`,
        note: sql`excluded.note`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ ...checkinColumns, created: sql<boolean>`(xmax = 0)`.as('created') })
    .prepare('checkin_upsert');

/** Outside a transaction the cached statement is used; inside one it must be built on `tx`. */
export async function upsertCheckin(db: Db, values: CheckinValues, inTransaction: boolean) {
  const statement = inTransaction ? buildUpsert(db) : prepared(db, 'checkin_upsert', buildUpsert);
  const [row] = await statement.execute(values as unknown as Record<string, unknown>);
  if (!row) throw new Error('upsert returned no row');
  return row;
}

const buildOne = (db: Db) =>
  db
    .select(checkinColumns)
    .from(checkins)
    .where(and(eq(checkins.userId, sql.placeholder('userId')), eq(checkins.localDate, sql.placeholder('localDate'))))
    .limit(1)
    .prepare('checkin_one');

export async function findCheckin(db: Db, userId: string, localDate: string) {
  const [row] = await prepared(db, 'checkin_one', buildOne).execute({ userId, localDate });
  return row ?? null;
}

const buildRange = (db: Db) =>
  db
    .select(checkinColumns)
    .from(checkins)
    .where(and(eq(checkins.userId, sql.placeholder('userId')), between(checkins.localDate, sql.placeholder('from'), sql.placeholder('to'))))
    .orderBy(desc(checkins.localDate))
    .prepare('checkin_range');

/** Check-ins of the days from `from` to `to`, newest first. */
export function checkinsBetween(db: Db, userId: string, from: string, to: string) {
  return prepared(db, 'checkin_range', buildRange).execute({ userId, from, to });
}

const buildSeries = (db: Db) =>
  db
    .select({ localDate: checkins.localDate, mood: checkins.mood, craving: checkins.craving, sleepHours: checkins.sleepHours })
    .from(checkins)
    .where(and(eq(checkins.userId, sql.placeholder('userId')), between(checkins.localDate, sql.placeholder('from'), sql.placeholder('to'))))
    .prepare('checkin_series');

/** Only the charted values of a window (the index on (user_id, local_date) serves it). */
export function seriesBetween(db: Db, userId: string, from: string, to: string) {
  return prepared(db, 'checkin_series', buildSeries).execute({ userId, from, to });
}

/**
 * Gaps and islands over all of a member's days: subtracting the row number from each date gives one
 * value per run of consecutive days. Returns the longest run and the latest one (which has both the
 * greatest start and the greatest end, as runs never overlap).
 */
const buildStreaks = (db: Db) => {
  const numbered = db
    .select({
      day: checkins.localDate,
      run: sql<string>`${checkins.localDate} - (row_number() over (order by ${checkins.localDate}))::int`.as('run'),
    })
    .from(checkins)
    .where(eq(checkins.userId, sql.placeholder('userId')))
    .as('numbered');
  const runs = db
    .select({
      start: sql<string>`min(${numbered.day})`.as('run_start'),
      end: sql<string>`max(${numbered.day})`.as('run_end'),
      length: sql<number>`count(*)`.as('run_length'),
    })
    .from(numbered)
    .groupBy(numbered.run)
    .as('runs');
  return db
    .select({
      longest: sql<number>`coalesce(max(${runs.length}), 0)::int`,
      lastStart: sql<string | null>`max(${runs.start})::text`,
      lastEnd: sql<string | null>`max(${runs.end})::text`,
    })
    .from(runs)
    .prepare('checkin_streaks');
};

export async function streakFacts(db: Db, userId: string) {
  const [row] = await prepared(db, 'checkin_streaks', buildStreaks).execute({ userId });
  const longest = Number(row?.longest ?? 0);
  const lastRun = row?.lastStart && row.lastEnd ? { start: row.lastStart, end: row.lastEnd } : null;
  return { longest, lastRun };
}

const buildSubject = (db: Db) =>
  db
    .select({ timezone: profiles.timezone, status: users.status })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(profiles.userId, sql.placeholder('userId')))
    .prepare('checkin_subject');

/** The time zone of an active person, or null when there is no such active person. */
export async function activeSubjectZone(db: Db, userId: string): Promise<string | null> {
  const [row] = await prepared(db, 'checkin_subject', buildSubject).execute({ userId });
  return row?.status === 'active' ? row.timezone : null;
}
