import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CLOCK_LIMITS, type Clock, type CreateClock, type MilestoneView, type UpdateClock } from '../../../shared/contracts/clocks.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { clockRuns, recoveryClocks } from '../../db/schema/clocks.ts';
import { profiles } from '../../db/schema/profile.ts';
import { type AppError, badRequest, conflict, notFound } from '../../lib/app-error.ts';
import type { Actor, Own } from '../../plugins/session.ts';
import { accessSummary, authorizeRecordRead } from '../consent/consent.public.ts';
import { clockTotals, type Milestone, milestonesOf, runLength } from './milestones.ts';

type ClockRow = typeof recoveryClocks.$inferSelect;
type RunRow = typeof clockRuns.$inferSelect;

/** A phone's clock can run a little ahead of ours: "I started just now" must not be refused as the future. */
const CLOCK_SKEW_MS = 60_000;
const EARLIEST_START = new Date(CLOCK_LIMITS.earliestStart);

function fieldError(path: string, message: string): AppError {
  return badRequest(`${path}: ${message}`, [{ path, message }]);
}

/** An instant a member gave for a start: not before 1900, not in the future (a little skew is taken as now). */
function pastInstant(value: string, path: string, now: Date): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw fieldError(path, 'Not a date and time');
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS) throw fieldError(path, 'Cannot be in the future');
  if (instant.getTime() < EARLIEST_START.getTime()) throw fieldError(path, 'Must be in 1900 or later');
  return instant.getTime() > now.getTime() ? now : instant;
}

async function timezoneOf(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ timezone: profiles.timezone }).from(profiles).where(eq(profiles.userId, userId)).limit(1);
  return row?.timezone ?? 'UTC';
}

function milestoneView(milestone: Milestone): MilestoneView {
  return {
    key: milestone.key,
    amount: milestone.amount,
    unit: milestone.unit,
    at: milestone.at.toUTC().toISO() as string,
    localDate: milestone.at.toISODate() as string,
  };
}

/** The clock as the member sees it, computed at `now` in `zone` from the clock and all its earlier runs. */
export function presentClock(clock: ClockRow, runs: readonly RunRow[], zone: string, now: Date): Clock {
  const current = { startedAt: clock.startedAt, endedAt: now };
  const totals = clockTotals([...runs, current], zone);
  const { reached, next } = milestonesOf(clock.startedAt, now, zone);
  const newestFirst = [...runs].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  return {
    id: clock.id,
    label: clock.label,
    kind: clock.kind,
    goal: clock.goal,
    timezone: zone,
    startedAt: clock.startedAt.toISOString(),
    currentDays: runLength(clock.startedAt, now, zone).days,
    totalDays: totals.totalDays,
    longestRunDays: totals.longestRunDays,
    reachedMilestones: reached.map(milestoneView),
    nextMilestone: milestoneView(next),
    pastRuns: newestFirst.slice(0, CLOCK_LIMITS.pastRunsShown).map((run) => ({
      startedAt: run.startedAt.toISOString(),
      endedAt: run.endedAt.toISOString(),
      days: runLength(run.startedAt, run.endedAt, zone).days,
    })),
    createdAt: clock.createdAt.toISOString(),
  };
}

async function activeClocksOf(db: Db, userId: string): Promise<ClockRow[]> {
  return db
    .select()
    .from(recoveryClocks)
    .where(and(eq(recoveryClocks.userId, userId), isNull(recoveryClocks.archivedAt)))
    .orderBy(asc(recoveryClocks.createdAt), asc(recoveryClocks.id));
}

async function runsOf(db: Db, clockIds: string[]): Promise<Map<string, RunRow[]>> {
  const byClock = new Map<string, RunRow[]>(clockIds.map((id) => [id, []]));
  if (clockIds.length === 0) return byClock;
  const rows = await db.select().from(clockRuns).where(inArray(clockRuns.clockId, clockIds));
  for (const row of rows) byClock.get(row.clockId)?.push(row);
  return byClock;
}

async function presentClocks(db: Db, userId: string, now: Date): Promise<Clock[]> {
  const clocks = await activeClocksOf(db, userId);
  const zone = await timezoneOf(db, userId);
  const runs = await runsOf(
    db,
    clocks.map((c) => c.id),
  );
  return clocks.map((clock) => presentClock(clock, runs.get(clock.id) ?? [], zone, now));
}

async function presentOne(db: Db, clock: ClockRow, now: Date): Promise<Clock> {
  const runs = await runsOf(db, [clock.id]);
  return presentClock(clock, runs.get(clock.id) ?? [], await timezoneOf(db, clock.userId), now);
}

/**
 * The member's own active clock, locked for the rest of the transaction so two resets cannot close
 * the same run twice. Someone else's clock, an archived one or an unknown id: 404 alike.
 */
async function lockOwnClock(tx: Db, actor: Actor, id: string): Promise<ClockRow> {
  const [clock] = await tx
    .select()
    .from(recoveryClocks)
    .where(and(eq(recoveryClocks.id, id), eq(recoveryClocks.userId, actor.userId), isNull(recoveryClocks.archivedAt)))
    .for('update');
  if (!clock) throw notFound();
  return clock;
}

export async function listOwnClocks({ db, actor, now = new Date() }: { db: Db; actor: Actor; now?: Date }) {
  return { clocks: await presentClocks(db, actor.userId, now) };
}

export async function createClock({ db, actor, input, now = new Date() }: { db: Db; actor: Actor; input: CreateClock; now?: Date }) {
  const startedAt = pastInstant(input.startedAt, 'body.startedAt', now);
  const goal = input.goal ?? null;
  if (input.kind === 'harm_reduction' && !goal) throw fieldError('body.goal', 'Say the goal in your own words');
  const clock = await db.transaction(async (tx) => {
    // Counting and inserting under a per-member lock: two devices cannot both add the 20th clock.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`clocks:${actor.userId}`}, 0))`);
    const [active] = await tx
      .select({ n: count() })
      .from(recoveryClocks)
      .where(and(eq(recoveryClocks.userId, actor.userId), isNull(recoveryClocks.archivedAt)));
    if ((active?.n ?? 0) >= CLOCK_LIMITS.clocksMax) {
      throw conflict(`You can keep up to ${CLOCK_LIMITS.clocksMax} clocks; archive one to start another`);
    }
    const [row] = await tx
      .insert(recoveryClocks)
      .values({ userId: actor.userId, label: input.label, kind: input.kind, goal, startedAt })
      .returning();
    return row as ClockRow;
  });
  return presentOne(db, clock, now);
}

export async function updateClock({
  db,
  actor,
  id,
  changes,
  now = new Date(),
}: Own & {
  id: string;
  changes: UpdateClock;
  now?: Date;
}) {
  const updated = await db.transaction(async (tx) => {
    const clock = await lockOwnClock(tx, actor, id);
    const goal = changes.goal === undefined ? clock.goal : changes.goal;
    if (clock.kind === 'harm_reduction' && !goal) throw fieldError('body.goal', 'A harm-reduction clock needs its goal');
    let startedAt = clock.startedAt;
    if (changes.startedAt !== undefined) {
      startedAt = pastInstant(changes.startedAt, 'body.startedAt', now);
      // Runs follow one another: the current one cannot begin before the previous one ended.
      const [previous] = await tx
        .select({ endedAt: clockRuns.endedAt })
        .from(clockRuns)
        .where(eq(clockRuns.clockId, clock.id))
        .orderBy(desc(clockRuns.endedAt))
        .limit(1);
      if (previous && startedAt.getTime() < previous.endedAt.getTime()) {
        throw fieldError('body.startedAt', `Cannot be before your previous run ended (${previous.endedAt.toISOString()})`);
      }
    }
    const [row] = await tx
      .update(recoveryClocks)
      .set({ label: changes.label ?? clock.label, goal, startedAt })
      .where(eq(recoveryClocks.id, clock.id))
      .returning();
    return row as ClockRow;
  });
  return presentOne(db, updated, now);
}

/**
 * A non-shaming reset: nothing is asked, nothing is lost. The current run is kept in `clock_runs`
 * (totals and the longest run still count it) and a new one starts at `restartedAt` (default now).
 */
export async function resetClock({
  db,
  actor,
  id,
  restartedAt,
  now = new Date(),
}: Own & {
  id: string;
  restartedAt?: string;
  now?: Date;
}) {
  const updated = await db.transaction(async (tx) => {
    const clock = await lockOwnClock(tx, actor, id);
    // "Now" was read before waiting for the lock: if another reset got in first, this one restarts at
    // the same instant, which keeps nothing (below) rather than refusing a member who asked nothing.
    const restart =
      restartedAt === undefined
        ? new Date(Math.max(now.getTime(), clock.startedAt.getTime()))
        : pastInstant(restartedAt, 'body.restartedAt', now);
    if (restart.getTime() < clock.startedAt.getTime()) {
      throw fieldError('body.restartedAt', `Cannot be before the current run started (${clock.startedAt.toISOString()})`);
    }
    // Restarting at the very instant the run began changes nothing: keep no empty run (a double tap).
    if (restart.getTime() === clock.startedAt.getTime()) return clock;
    await tx.insert(clockRuns).values({ clockId: clock.id, startedAt: clock.startedAt, endedAt: restart });
    const [row] = await tx.update(recoveryClocks).set({ startedAt: restart }).where(eq(recoveryClocks.id, clock.id)).returning();
    return row as ClockRow;
  });
  return presentOne(db, updated, now);
}

/** Archiving hides a clock from every view; its rows stay (the member's export still has them). */
export async function archiveClock({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  await db.transaction(async (tx) => {
    const clock = await lockOwnClock(tx, actor, id);
    await tx.update(recoveryClocks).set({ archivedAt: new Date() }).where(eq(recoveryClocks.id, clock.id));
  });
  return { ok: true as const };
}

/** Another person's clocks: only through their `clock` grant (or break-glass), logged; 404 otherwise. */
export async function getSharedClocks({ db, actor, subjectId, now = new Date() }: { db: Db; actor: Actor; subjectId: string; now?: Date }) {
  const [person] = await db
    .select({ id: users.id, status: users.status, alias: profiles.alias })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, subjectId))
    .limit(1);
  if (person?.status !== 'active') throw notFound();
  const access = await authorizeRecordRead(db, actor, subjectId, 'clock');
  const clocks = await presentClocks(db, subjectId, now);
  return {
    person: { id: person.id, alias: person.alias },
    // The response schema drops pastRuns; spelled out here too so nothing depends on that alone.
    clocks: clocks.map(({ pastRuns: _omitted, ...shared }) => shared),
    access: accessSummary(access),
  };
}
