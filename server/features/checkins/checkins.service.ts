import { and, eq } from 'drizzle-orm';
import type { Checkin, CheckinBody, Trends } from '../../../shared/contracts/checkins.ts';
import { CHECKIN_LIMITS } from '../../../shared/contracts/checkins.ts';
import type { Db } from '../../db/client.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { type AppError, badRequest, notFound } from '../../lib/app-error.ts';
import { daysBetween, todayIn, windowEndingOn } from '../../lib/dates.ts';
import { runIdempotent, type StoredResponse } from '../../lib/idempotency.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { authorizeRecordRead } from '../consent/consent.public.ts';
import { meetingsLast7Days } from '../my-meetings/my-meetings.public.ts';
import { classifyDay, currentStreak, dailySeries } from './checkins.days.ts';
import {
  activeSubjectZone,
  checkinsBetween,
  findCheckin,
  presentCheckin,
  seriesBetween,
  streakFacts,
  upsertCheckin,
} from './checkins.sql.ts';

function dayNotAllowed(localDate: string, today: string): AppError | null {
  const kind = classifyDay(localDate, today);
  if (kind === 'future') {
    return badRequest(`params.localDate: ${localDate} has not started yet in your time zone`, [
      { path: 'params.localDate', message: `Must not be after today (${today})` },
    ]);
  }
  if (kind === 'too_old') {
    return badRequest(`params.localDate: a missed day can be filled in up to ${CHECKIN_LIMITS.backfillDays} days later`, [
      { path: 'params.localDate', message: `Must be ${CHECKIN_LIMITS.backfillDays} days ago or later` },
    ]);
  }
  return null;
}

/**
 * Creates (201) or replaces (200) the check-in of one local day. Today is a normal check-in, an earlier
 * day within the backfill limit is marked backfilled, a day not yet begun in the member's zone is refused.
 */
export async function putCheckin({
  db,
  actor,
  localDate,
  body,
  request,
}: Own & {
  localDate: string;
  body: CheckinBody;
  request: { key: string | undefined; method: string; path: string; rawBody: unknown };
}): Promise<StoredResponse<Checkin>> {
  if (body.localDate !== undefined && body.localDate !== localDate) {
    throw badRequest('body.localDate: must match the day in the URL', [{ path: 'body.localDate', message: `Must be ${localDate}` }]);
  }
  const today = todayIn(actor.timezone);
  return runIdempotent<Checkin>(
    db,
    { userId: actor.userId, key: request.key, method: request.method, path: request.path, body: request.rawBody },
    async (tx, inTransaction) => {
      // Checked inside: a replay of yesterday's accepted check-in still gets its stored answer.
      const refused = dayNotAllowed(localDate, today);
      if (refused) throw refused;
      const row = await upsertCheckin(
        tx,
        {
          userId: actor.userId,
          localDate,
          mood: body.mood,
          craving: body.craving,
          sleepHours: body.sleepHours ?? null,
          used: body.used,
          substances: body.used === 'yes' ? [...new Set(body.substances ?? [])] : [],
          gratitude: body.gratitude ?? null,
          note: body.note ?? null,
          backfilled: localDate < today,
        },
        inTransaction,
      );
      return { status: row.created ? 201 : 200, body: presentCheckin(row) };
    },
  );
}

export async function getOwnCheckin({ db, actor, localDate }: Own & { localDate: string }): Promise<Checkin> {
  const row = await findCheckin(db, actor.userId, localDate);
  if (!row) throw notFound();
  return presentCheckin(row);
}

export async function deleteOwnCheckin({ db, actor, localDate }: Own & { localDate: string }) {
  const deleted = await db
    .delete(checkins)
    .where(and(eq(checkins.userId, actor.userId), eq(checkins.localDate, localDate)))
    .returning({ localDate: checkins.localDate });
  if (deleted.length === 0) throw notFound();
  return { ok: true as const };
}

/** Own check-ins between two days (default: the 30 days ending today), newest first. */
export async function listOwnCheckins({ db, actor, from, to }: Own & { from?: string; to?: string }) {
  const end = to ?? todayIn(actor.timezone);
  const start = from ?? windowEndingOn(end, CHECKIN_LIMITS.detailDefaultDays).from;
  const span = daysBetween(start, end) + 1;
  if (span < 1) throw badRequest('query.from: must not be after query.to', [{ path: 'query.from', message: 'Must not be after to' }]);
  if (span > CHECKIN_LIMITS.rangeMaxDays) {
    throw badRequest(`query.from: ask for at most ${CHECKIN_LIMITS.rangeMaxDays} days at once`, [
      { path: 'query.from', message: `The range may cover at most ${CHECKIN_LIMITS.rangeMaxDays} days` },
    ]);
  }
  const rows = await checkinsBetween(db, actor.userId, start, end);
  return { from: start, to: end, items: rows.map(presentCheckin) };
}

/** Charts of the window ending today, adherence and streaks: two indexed queries, run side by side. */
export async function getTrends({ db, actor, days }: Own & { days: number }): Promise<Trends> {
  return trendsOf(db, actor.userId, actor.timezone, days);
}

/** One person's trends over the `days` ending today in their zone: the member's own page and the person view draw the same. */
async function trendsOf(db: Db, userId: string, zone: string, days: number): Promise<Trends> {
  const today = todayIn(zone);
  const window = windowEndingOn(today, days);
  const [rows, streaks] = await Promise.all([seriesBetween(db, userId, window.from, window.to), streakFacts(db, userId)]);
  const series = dailySeries(
    window,
    rows.map((row) => ({ ...row, sleepHours: row.sleepHours === null ? null : Number(row.sleepHours) })),
  );
  const daysCheckedIn = rows.length;
  return {
    days,
    ...window,
    series,
    daysCheckedIn,
    adherence: Math.round((daysCheckedIn / days) * 10_000) / 10_000,
    currentStreak: currentStreak(streaks.lastRun, today),
    longestStreak: streaks.longest,
  };
}

/** The subject's zone, after making sure the reader may see `scope` (logged); 404 for anything else. */
async function authorizedSubjectZone(db: Db, actor: Actor, subjectId: string, scope: 'checkins.summary' | 'checkins.detail') {
  const zone = await activeSubjectZone(db, subjectId);
  if (!zone) throw notFound();
  await authorizeRecordRead(db, actor, subjectId, scope);
  return zone;
}

/** `checkins.summary`: done today or not, the current streak, the last day and meetings of the last 7 days; nothing of the content. */
export async function getCheckinSummary({ db, actor, subjectId }: Own & { subjectId: string }) {
  const zone = await authorizedSubjectZone(db, actor, subjectId, 'checkins.summary');
  const today = todayIn(zone);
  const { lastRun } = await streakFacts(db, subjectId);
  return {
    checkedInToday: lastRun !== null && lastRun.end >= today,
    currentStreak: currentStreak(lastRun, today),
    lastCheckinDate: lastRun?.end ?? null,
    meetingsLast7Days: await meetingsLast7Days(db, subjectId, zone),
  };
}

/** `checkins.detail`: the subject's check-ins of the last `days` days in their zone, newest first. */
export async function listSharedCheckins({ db, actor, subjectId, days }: Own & { subjectId: string; days: number }) {
  const zone = await authorizedSubjectZone(db, actor, subjectId, 'checkins.detail');
  const window = windowEndingOn(todayIn(zone), days);
  const rows = await checkinsBetween(db, subjectId, window.from, window.to);
  return { ...window, items: rows.map(presentCheckin) };
}

/** `checkins.detail`: the same trends the person sees of themselves, in their zone (logged like every detail read). */
export async function getSharedTrends({ db, actor, subjectId, days }: Own & { subjectId: string; days: number }) {
  const zone = await authorizedSubjectZone(db, actor, subjectId, 'checkins.detail');
  return trendsOf(db, subjectId, zone, days);
}

/** Whether I checked in today (my zone) and my current streak: the home page's first line. */
export async function ownCheckinToday({ db, actor, now = new Date() }: Own & { now?: Date }) {
  const today = todayIn(actor.timezone, now);
  const [row, streaks] = await Promise.all([findCheckin(db, actor.userId, today), streakFacts(db, actor.userId)]);
  return { localDate: today, done: row !== null, currentStreak: currentStreak(streaks.lastRun, today) };
}
