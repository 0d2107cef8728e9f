import { and, count, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { SESSION_WEEKS, type Supervision } from '../../../shared/contracts/coaching.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { coachingSessions, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { profiles } from '../../db/schema/profile.ts';
import { iso } from '../../lib/dates.ts';
import { waitingDaysOf } from './coaching.relationships.ts';

/**
 * The supervisor's overview: caseloads, who waits and for how long, sessions per coach per week,
 * and notes awaiting sign-off. Counts only: no member's recovery data is read here.
 */

const WEEK_MS = 7 * 86_400_000;

export async function supervisionOverview({ db, now = new Date() }: { db: Db; now?: Date }): Promise<Supervision> {
  const since = new Date(now.getTime() - SESSION_WEEKS * WEEK_MS);
  const [coachRows, statusRows, sessionRows, noteRows, waitingRows] = await Promise.all([
    db
      .select({ coach: coachProfiles, alias: profiles.alias })
      .from(coachProfiles)
      .innerJoin(users, eq(users.id, coachProfiles.userId))
      .innerJoin(profiles, eq(profiles.userId, coachProfiles.userId))
      .where(eq(users.status, 'active'))
      .orderBy(profiles.alias),
    db
      .select({ coachId: coachingRelationships.coachId, status: coachingRelationships.status, n: count() })
      .from(coachingRelationships)
      .where(inArray(coachingRelationships.status, ['proposed', 'active', 'paused']))
      .groupBy(coachingRelationships.coachId, coachingRelationships.status),
    // Held sessions: completed, or scheduled and already in the past (not yet marked).
    db
      .select({
        coachId: coachingSessions.coachId,
        week: sql<number>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${coachingSessions.scheduledAt})) / ${WEEK_MS / 1000})::int`,
        n: count(),
      })
      .from(coachingSessions)
      .where(
        and(
          gte(coachingSessions.scheduledAt, since),
          lt(coachingSessions.scheduledAt, now),
          or(eq(coachingSessions.status, 'completed'), eq(coachingSessions.status, 'scheduled')),
        ),
      )
      .groupBy(sql`1`, sql`2`),
    db
      .select({ authorId: sessionNotes.authorId, n: count() })
      .from(sessionNotes)
      .where(isNull(sessionNotes.signedOffAt))
      .groupBy(sessionNotes.authorId),
    db
      .select({
        id: coachingRelationships.id,
        memberId: coachingRelationships.memberId,
        alias: profiles.alias,
        requestedAt: coachingRelationships.requestedAt,
      })
      .from(coachingRelationships)
      .innerJoin(users, eq(users.id, coachingRelationships.memberId))
      .innerJoin(profiles, eq(profiles.userId, coachingRelationships.memberId))
      .where(and(eq(coachingRelationships.status, 'requested'), eq(users.status, 'active')))
      .orderBy(coachingRelationships.requestedAt),
  ]);

  const statusCount = (coachId: string, status: string) =>
    statusRows.find((row) => row.coachId === coachId && row.status === status)?.n ?? 0;
  const coaches = coachRows.map(({ coach, alias }) => {
    const byWeek = Array.from({ length: SESSION_WEEKS }, () => 0);
    for (const row of sessionRows) {
      // week 0 is the latest 7 days; the table lists the oldest first.
      if (row.coachId !== coach.userId || row.week < 0 || row.week >= SESSION_WEEKS) continue;
      const slot = SESSION_WEEKS - 1 - row.week;
      byWeek[slot] = (byWeek[slot] ?? 0) + row.n;
    }
    const held = byWeek.reduce((sum, n) => sum + n, 0);
    return {
      coach: { id: coach.userId, alias },
      seatsTaken: coach.seatsTaken,
      maxCaseload: coach.maxCaseload,
      accepting: coach.accepting,
      proposed: statusCount(coach.userId, 'proposed'),
      active: statusCount(coach.userId, 'active'),
      paused: statusCount(coach.userId, 'paused'),
      sessionsByWeek: byWeek,
      sessionsPerWeek: Math.round((held / SESSION_WEEKS) * 10) / 10,
      notesAwaitingSignOff: noteRows.find((row) => row.authorId === coach.userId)?.n ?? 0,
    };
  });
  const unassigned = waitingRows.map((row) => ({
    requestId: row.id,
    member: { id: row.memberId, alias: row.alias },
    requestedAt: iso(row.requestedAt),
    waitingDays: waitingDaysOf(row.requestedAt, now),
  }));
  const sum = (pick: (c: (typeof coaches)[number]) => number) => coaches.reduce((total, c) => total + pick(c), 0);
  return {
    coaches,
    unassigned,
    totals: {
      coaches: coaches.length,
      seatsTaken: sum((c) => c.seatsTaken),
      maxCaseload: sum((c) => c.maxCaseload),
      active: sum((c) => c.active),
      paused: sum((c) => c.paused),
      unassigned: unassigned.length,
      longestWaitDays: unassigned[0]?.waitingDays ?? 0,
      sessionsLastWeeks: sum((c) => c.sessionsByWeek.reduce((a, b) => a + b, 0)),
      // Every note awaiting sign-off, including those of people no longer coaching.
      notesAwaitingSignOff: noteRows.reduce((total, row) => total + row.n, 0),
    },
  };
}
