import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type {
  AttendanceEntry,
  AttendancePage,
  LogAttendance,
  MyMeetingStatus,
  SavedMeetingList,
} from '../../../shared/contracts/my-meetings.ts';
import { MY_MEETINGS_LIMITS } from '../../../shared/contracts/my-meetings.ts';
import type { MeetingGoalProgress } from '../../../shared/contracts/plans.ts';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { meetingAttendance, savedMeetings } from '../../db/schema/my-meetings.ts';
import { profiles } from '../../db/schema/profile.ts';
import { badRequest, conflict, notFound } from '../../lib/app-error.ts';
import { todayIn } from '../../lib/dates.ts';
import type { Own } from '../../plugins/session.ts';
import { nextOccurrence } from '../meetings/meetings.public.ts';
import { type CodeTries, canIssueCode, checkAttendanceCode } from './my-meetings.codes.ts';
import { meetsOn, weekdayName } from './my-meetings.days.ts';

/** Today (YYYY-MM-DD) in a zone, read at the current moment. */

async function meetingOrNotFound(db: Db, meetingId: string) {
  const [row] = await db
    .select({
      id: meetings.id,
      name: meetings.name,
      timezone: meetings.timezone,
      types: meetings.types,
      day: meetings.day,
      time: meetings.time,
      endTime: meetings.endTime,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!row) throw notFound('No such meeting');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Saved meetings
// ---------------------------------------------------------------------------------------------

/** My saved meetings, soonest first (by-appointment ones last), each start also given in my zone. */
export async function listSavedMeetings({ db, actor, now = DateTime.utc() }: Own & { now?: DateTime }): Promise<SavedMeetingList> {
  const rows = await db
    .select({ meeting: meetings, savedAt: savedMeetings.createdAt })
    .from(savedMeetings)
    .innerJoin(meetings, eq(meetings.id, savedMeetings.meetingId))
    .where(eq(savedMeetings.personId, actor.userId));
  const items = rows.map(({ meeting: m, savedAt }) => {
    const start = m.day === null || m.time === null ? null : nextOccurrence(m.timezone, m.day, m.time, m.endTime, now);
    const mine = start?.setZone(actor.timezone);
    return {
      meetingId: m.id,
      name: m.name,
      slug: m.slug,
      attendanceMode: m.attendanceMode,
      types: m.types,
      day: m.day,
      time: m.time,
      timezone: m.timezone,
      nextStart: start ? (start.toUTC().toISO({ suppressMilliseconds: true }) as string) : null,
      startsLocal: mine ? { date: mine.toISODate() as string, time: mine.toFormat('HH:mm'), weekday: mine.weekday % 7 } : null,
      savedAt: savedAt.toISOString(),
    };
  });
  items.sort((a, b) => (a.nextStart ?? '\uffff').localeCompare(b.nextStart ?? '\uffff') || a.name.localeCompare(b.name));
  return { timezone: actor.timezone, items };
}

/** Saving twice is saving once. */
export async function saveMeeting({ db, actor, meetingId }: Own & { meetingId: string }) {
  await meetingOrNotFound(db, meetingId);
  await db.insert(savedMeetings).values({ personId: actor.userId, meetingId }).onConflictDoNothing();
}

/** A meeting I had not saved is 404, like any id that names nothing of mine. */
export async function unsaveMeeting({ db, actor, meetingId }: Own & { meetingId: string }) {
  const gone = await db
    .delete(savedMeetings)
    .where(and(eq(savedMeetings.personId, actor.userId), eq(savedMeetings.meetingId, meetingId)))
    .returning({ id: savedMeetings.meetingId });
  if (gone.length === 0) throw notFound();
}

/** For a meeting's page: saved or not, "I went" today, and whether I may hand out today's code. */
export async function myMeetingStatus({ db, actor, meetingId }: Own & { meetingId: string }): Promise<MyMeetingStatus> {
  const meeting = await meetingOrNotFound(db, meetingId);
  const today = todayIn(meeting.timezone);
  const [saved] = await db
    .select({ id: savedMeetings.meetingId })
    .from(savedMeetings)
    .where(and(eq(savedMeetings.personId, actor.userId), eq(savedMeetings.meetingId, meetingId)));
  const [attended] = await db
    .select({ id: meetingAttendance.id, verified: meetingAttendance.verified })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.personId, actor.userId),
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.attendedOn, today),
      ),
    );
  return { saved: Boolean(saved), today, attendedToday: attended ?? null, canIssueCode: await canIssueCode(db, actor, meetingId) };
}

// ---------------------------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------------------------

const present = (row: typeof meetingAttendance.$inferSelect): AttendanceEntry => ({
  id: row.id,
  meetingId: row.meetingId,
  meetingName: row.meetingName,
  attendedOn: row.attendedOn,
  verified: row.verified,
  createdAt: row.createdAt.toISOString(),
});

/**
 * "I went" to a meeting on one of its local days (today there by default; never a day not yet begun,
 * never more than 30 days back, never a day it does not meet: my-meetings.days.ts). Once per meeting and day: a repeat answers 200 with the entry already
 * there, upgraded to verified when it now brings the right code. A code proves only today's meeting.
 */
export async function logAttendance({
  db,
  actor,
  input,
  tries,
  now = DateTime.utc(),
}: Own & { input: LogAttendance & { code?: string }; tries: CodeTries; now?: DateTime }): Promise<{
  created: boolean;
  entry: AttendanceEntry;
}> {
  const meeting = await meetingOrNotFound(db, input.meetingId);
  const today = todayIn(meeting.timezone, now.toJSDate());
  const day = input.attendedOn ?? today;
  if (day > today) {
    throw badRequest(`body.attendedOn: ${day} has not started yet where the meeting is`, [
      { path: 'body.attendedOn', message: `Must not be after ${today}` },
    ]);
  }
  const oldest = DateTime.fromISO(today).minus({ days: MY_MEETINGS_LIMITS.backfillDays }).toISODate() as string;
  if (day < oldest) {
    throw badRequest(`body.attendedOn: a meeting can be logged up to ${MY_MEETINGS_LIMITS.backfillDays} days later`, [
      { path: 'body.attendedOn', message: `Must be ${oldest} or later` },
    ]);
  }
  let verified = false;
  if (input.code !== undefined) {
    if (day !== today) {
      throw badRequest('A code proves only today’s meeting: leave the code out for an earlier day', [
        { path: 'body.code', message: 'Only for today' },
      ]);
    }
  }
  if (!meetsOn(meeting, day)) {
    // Only on a day it meets: a Friday meeting logged on a Sunday would count towards a weekly goal.
    const message = `${meeting.name} meets on ${weekdayName(meeting.day as number)}; ${day} is a ${DateTime.fromISO(day).toFormat('cccc')}`;
    throw badRequest(`body.attendedOn: ${message}`, [{ path: 'body.attendedOn', message: 'Not a day this meeting meets' }]);
  }
  if (input.code !== undefined) {
    await checkAttendanceCode({ db, actor, meetingId: meeting.id, validOn: today, code: input.code, tries });
    verified = true;
  }
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(meetingAttendance)
      .values({ personId: actor.userId, meetingId: meeting.id, meetingName: meeting.name, attendedOn: day, verified })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { created: true, entry: present(inserted) };
    const mine = and(
      eq(meetingAttendance.personId, actor.userId),
      eq(meetingAttendance.meetingId, meeting.id),
      eq(meetingAttendance.attendedOn, day),
    );
    const [existing] = verified
      ? await tx.update(meetingAttendance).set({ verified: true }).where(mine).returning()
      : await tx.select().from(meetingAttendance).where(mine);
    if (!existing) throw conflict('That entry just changed: try again');
    return { created: false, entry: present(existing) };
  });
}

/** Cursor: the last entry's day and id ("YYYY-MM-DD_uuid"), newest first. */
const CURSOR = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/;

export async function listAttendance({ db, actor, cursor }: Own & { cursor?: string }): Promise<AttendancePage> {
  let after: SQL | undefined;
  if (cursor !== undefined) {
    const match = CURSOR.exec(cursor);
    if (!match) throw badRequest('query.cursor: not a cursor from this list', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
    const [, day, id] = match as unknown as [string, string, string];
    after = or(lt(meetingAttendance.attendedOn, day), and(eq(meetingAttendance.attendedOn, day), lt(meetingAttendance.id, id)));
  }
  const size = MY_MEETINGS_LIMITS.pageSize;
  const rows = await db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.personId, actor.userId), after))
    .orderBy(desc(meetingAttendance.attendedOn), desc(meetingAttendance.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return { items: page.map(present), nextCursor: rows.length > size && last ? `${last.attendedOn}_${last.id}` : null };
}

/** Only my own entries; anyone else's is 404. */
export async function deleteAttendance({ db, actor, id }: Own & { id: string }) {
  const gone = await db
    .delete(meetingAttendance)
    .where(and(eq(meetingAttendance.id, id), eq(meetingAttendance.personId, actor.userId)))
    .returning({ id: meetingAttendance.id });
  if (gone.length === 0) throw notFound();
}

// ---------------------------------------------------------------------------------------------
// Counts for plans and the shared summary
// ---------------------------------------------------------------------------------------------

async function attendedBetween(db: Db, personId: string, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.personId, personId), gte(meetingAttendance.attendedOn, from), lte(meetingAttendance.attendedOn, to)));
  return row?.n ?? 0;
}

/** Meetings attended in the last 7 local days of `zone`, today included. */
export async function meetingsLast7Days(db: Db, personId: string, zone: string, now: DateTime = DateTime.utc()) {
  const today = now.setZone(zone).startOf('day');
  return attendedBetween(db, personId, today.minus({ days: 6 }).toISODate() as string, today.toISODate() as string);
}

/**
 * Progress of each recovery-plan goal with a weekly meeting target: meetings attended this week,
 * Monday to Sunday in the person's zone (their profile's). Goals without a target are left out.
 */
export async function meetingGoalProgress(
  db: Db,
  personId: string,
  goals: readonly { id: string; meetingsPerWeek?: number | null }[],
  now: DateTime = DateTime.utc(),
): Promise<MeetingGoalProgress[]> {
  const targets = goals.filter((g): g is { id: string; meetingsPerWeek: number } => typeof g.meetingsPerWeek === 'number');
  if (targets.length === 0) return [];
  const [profile] = await db.select({ timezone: profiles.timezone }).from(profiles).where(eq(profiles.userId, personId));
  const zone = profile?.timezone ?? 'UTC';
  // Luxon weeks are ISO weeks: they start on Monday.
  const monday = now.setZone(zone).startOf('week');
  const weekStart = monday.toISODate() as string;
  const attended = await attendedBetween(db, personId, weekStart, monday.plus({ days: 6 }).toISODate() as string);
  return targets.map((g) => ({ goalId: g.id, target: g.meetingsPerWeek, attended, weekStart }));
}

/** The names of meetings by id (for secretaries' and export lists). */
export async function meetingNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: meetings.id, name: meetings.name })
    .from(meetings)
    .where(inArray(meetings.id, ids))
    .orderBy(asc(meetings.name));
  return new Map(rows.map((r) => [r.id, r.name]));
}
