import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { RelationshipStatus } from '../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { Db } from '../../db/client.ts';
import { profiles, users } from '../../db/schema/accounts.ts';
import { coachingRelationships, coachingSessions, referrals, sosEvents } from '../../db/schema/coaching.ts';
import { accessLog, consentGrants } from '../../db/schema/consent.ts';
import { assessments, checkins, recoveryClocks } from '../../db/schema/recovery.ts';
import { grantIsActive } from '../consent/consent.policy.ts';
import { CASELOAD_SCOPES, type RecentCheckin } from './risk-rules.ts';

/**
 * The batched reads of the caseload and the risk sweep: one statement per part of the record for
 * every client at once (never one per client), each served by an index on (user_id, …).
 */

export interface GrantUse {
  grantId: string;
  purpose: string;
}

export interface OpenRelationship {
  relationshipId: string;
  memberId: string;
  coachId: string;
  status: RelationshipStatus;
  alias: string;
  timezone: string;
  /** When the relationship started (or was proposed, or asked for). */
  since: Date;
  /** The scopes the member grants the coach right now, each with the grant that allows it. */
  grants: Map<Scope, GrantUse>;
  /** With `records`: the next scheduled session and the open referrals. */
  nextSession: { at: Date; contactType: string } | null;
  openReferrals: number;
}

// One column per scope, each decided by the consent core's own condition (grantIsActive).
const scopeColumn = (scope: Scope, at: Date) => sql<boolean>`(${grantIsActive(scope, at)})`.mapWith(Boolean);

/**
 * Open relationships (proposed, active, paused) matching `where`, with the grants the member made
 * to the coach that are in force at `at`. A disabled or deleted member's record is shown to no one:
 * their grants count as none.
 */
export async function openRelationships(
  db: Db,
  where: SQL,
  at: Date,
  statuses: RelationshipStatus[],
  options: { records?: boolean } = {},
): Promise<OpenRelationship[]> {
  const atIso = at.toISOString();
  // The relationship's own records (sessions, referrals), for the dashboard only.
  const records = options.records
    ? {
        nextSession: sql<{ at: string; contactType: string } | null>`(
          select json_build_object('at', s.scheduled_at, 'contactType', s.contact_type) from ${coachingSessions} s
          where s.member_id = ${coachingRelationships.memberId} and s.relationship_id = ${coachingRelationships.id}
            and s.status = 'scheduled' and s.scheduled_at > ${atIso}::timestamptz
          order by s.scheduled_at limit 1)`,
        openReferrals: sql<number>`(
          select count(*)::int from ${referrals} f
          where f.member_id = ${coachingRelationships.memberId} and f.relationship_id = ${coachingRelationships.id} and f.status = 'open')`.mapWith(
          Number,
        ),
      }
    : { nextSession: sql<null>`null`, openReferrals: sql<number>`0`.mapWith(Number) };
  const rows = await db
    .select({
      ...records,
      relationshipId: coachingRelationships.id,
      memberId: coachingRelationships.memberId,
      coachId: coachingRelationships.coachId,
      status: coachingRelationships.status,
      since:
        sql<Date>`coalesce(${coachingRelationships.startedAt}, ${coachingRelationships.proposedAt}, ${coachingRelationships.requestedAt})`.mapWith(
          (value: string | Date) => new Date(value),
        ),
      alias: profiles.alias,
      timezone: profiles.timezone,
      memberStatus: users.status,
      grantId: consentGrants.id,
      purpose: consentGrants.purpose,
      s0: scopeColumn('checkins.summary', at),
      s1: scopeColumn('checkins.detail', at),
      s2: scopeColumn('clock', at),
      s3: scopeColumn('assessments', at),
      s4: scopeColumn('sos', at),
    })
    .from(coachingRelationships)
    .innerJoin(users, eq(users.id, coachingRelationships.memberId))
    .innerJoin(profiles, eq(profiles.userId, coachingRelationships.memberId))
    .leftJoin(
      consentGrants,
      and(
        eq(consentGrants.grantorId, coachingRelationships.memberId),
        eq(consentGrants.granteeId, coachingRelationships.coachId),
        isNull(consentGrants.revokedAt),
      ),
    )
    .where(and(where, inArray(coachingRelationships.status, statuses)))
    .orderBy(asc(coachingRelationships.id), asc(consentGrants.createdAt));

  const byId = new Map<string, OpenRelationship>();
  for (const row of rows) {
    if (!row.coachId) continue;
    let rel = byId.get(row.relationshipId);
    if (!rel) {
      rel = {
        relationshipId: row.relationshipId,
        memberId: row.memberId,
        coachId: row.coachId,
        status: row.status,
        alias: row.alias,
        timezone: row.timezone,
        since: row.since,
        grants: new Map(),
        nextSession: row.nextSession ? { at: new Date(row.nextSession.at), contactType: row.nextSession.contactType } : null,
        openReferrals: row.openReferrals,
      };
      byId.set(row.relationshipId, rel);
    }
    if (!row.grantId || row.purpose === null || row.memberStatus !== 'active') continue;
    const allowed = [row.s0, row.s1, row.s2, row.s3, row.s4];
    CASELOAD_SCOPES.forEach((scope, i) => {
      if (allowed[i] && !rel.grants.has(scope)) rel.grants.set(scope, { grantId: row.grantId as string, purpose: row.purpose as string });
    });
  }
  return [...byId.values()];
}

/** Raw SQL's rows: node-postgres and PGlite both answer `{ rows }`. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const uuidArray = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

/** Days of history the streak query reads: three 32-day words of bits. */
export const STREAK_WINDOW_DAYS = 96;

/**
 * Each member's last check-in day and the current run of consecutive days ending on it, counted up to
 * STREAK_WINDOW_DAYS. The last day comes from the index (one tuple); the days of the window become
 * bits (bit k of word w: the day last − 32w − k has a check-in), so the run is the first zero bit,
 * found in JS (three words: 96 days). Only the window is read, never the whole history: a coach's dashboard reads 60
 * clients' streaks on every view.
 */
export async function checkinRecency(db: Db, memberIds: readonly string[]) {
  const result = new Map<string, { last: string; runDays: number }>();
  if (memberIds.length === 0) return result;
  const rows = await rowsOf<{ id: string; last: string; w0: number | null; w1: number | null; w2: number | null }>(
    db,
    sql`
    select m.id::text as id, l.last::text as last, w.w0, w.w1, w.w2
    from unnest(${uuidArray(memberIds)}) as m(id)
    cross join lateral (select max(local_date) as last from ${checkins} where user_id = m.id) l
    cross join lateral (
      select bit_or(1 << d.ago) filter (where d.ago < 32) as w0,
             bit_or(1 << (d.ago - 32)) filter (where d.ago >= 32 and d.ago < 64) as w1,
             bit_or(1 << (d.ago - 64)) filter (where d.ago >= 64) as w2
      from (
        select l.last - c.local_date as ago from ${checkins} c
        where c.user_id = m.id and c.local_date > l.last - ${STREAK_WINDOW_DAYS}::int and c.local_date <= l.last
      ) d
    ) w
    where l.last is not null`,
  );
  for (const row of rows) {
    const words = new Map<number, number>();
    [row.w0, row.w1, row.w2].forEach((bits, word) => {
      if (bits !== null) words.set(word, Number(bits));
    });
    result.set(row.id, { last: row.last, runDays: runFromBits(words) });
  }
  return result;
}

/** Consecutive set bits from bit 0 of word 0 on: the length of the run ending on the last day. */
export function runFromBits(words: ReadonlyMap<number, number>): number {
  let run = 0;
  for (let word = 0; word * 32 < STREAK_WINDOW_DAYS; word++) {
    const bits = words.get(word) ?? 0;
    for (let bit = 0; bit < 32; bit++) {
      if ((bits & (1 << bit)) === 0) return run;
      run += 1;
    }
  }
  return run;
}

/**
 * Check-ins on or after `from` (the earliest of the clients' trend windows): one row per member with
 * the days as arrays, which spares decoding hundreds of rows.
 */
export async function recentCheckins(db: Db, memberIds: readonly string[], from: string) {
  const result = new Map<string, RecentCheckin[]>();
  if (memberIds.length === 0) return result;
  const rows = await rowsOf<{ id: string; dates: string[]; cravings: number[]; used: RecentCheckin['used'][] }>(
    db,
    sql`
    select c.user_id::text as id, array_agg(c.local_date::text) as dates, array_agg(c.craving) as cravings, array_agg(c.used) as used
    from ${checkins} c
    where c.user_id = any(${uuidArray(memberIds)}) and c.local_date >= ${from}::date
    group by c.user_id`,
  );
  for (const row of rows) {
    result.set(
      row.id,
      row.dates.map((date, i) => ({ date, craving: Number(row.cravings[i]), used: row.used[i] as RecentCheckin['used'] })),
    );
  }
  return result;
}

/**
 * One access-log row per client and scope shown, in one INSERT (the consent core's logAccess writes
 * the same columns one row at a time).
 */
export async function logAccessBatch(
  db: Db,
  actorId: string,
  rows: readonly { subjectId: string; scope: Scope; purpose: string; grantId: string }[],
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into ${accessLog} (actor_id, subject_id, scope, purpose, grant_id, break_glass)
    select ${actorId}::uuid, r.subject_id, r.scope, r.purpose, r.grant_id, false
    from unnest(${uuidArray(rows.map((r) => r.subjectId))}, ${sql.param(rows.map((r) => r.scope))}::text[],
                ${sql.param(rows.map((r) => r.purpose))}::text[], ${uuidArray(rows.map((r) => r.grantId))})
      as r(subject_id, scope, purpose, grant_id)`);
}

/**
 * Each member's first active clock (the one their own clock page shows first) and its whole days at
 * `now`, by the clock's day rule (clocks/milestones.ts runLength): calendar days between the start and
 * now in the member's zone, less one while now's wall-clock time has not yet reached the start's.
 * Worked out by PostgreSQL for every clock at once; around a DST change it can differ from the clock
 * page for the hour the change shifts.
 */
export async function primaryClocks(db: Db, memberIds: readonly string[], now: Date) {
  const result = new Map<string, { label: string; days: number }>();
  if (memberIds.length === 0) return result;
  const rows = await rowsOf<{ id: string; label: string; days: number }>(
    db,
    sql`
    select distinct on (k.user_id) k.user_id::text as id, k.label,
      greatest(0, (n.local::date - s.local::date) - case when n.local::time < s.local::time then 1 else 0 end) as days
    from ${recoveryClocks} k
    join ${profiles} p on p.user_id = k.user_id
    cross join lateral (select (${now.toISOString()}::timestamptz at time zone p.timezone) as local) n
    cross join lateral (select (k.started_at at time zone p.timezone) as local) s
    where k.user_id = any(${uuidArray(memberIds)}) and k.archived_at is null
    order by k.user_id, k.created_at, k.id`,
  );
  for (const row of rows) result.set(row.id, { label: row.label, days: Number(row.days) });
  return result;
}

/** The two latest BARC-10 totals of each member, newest first, with the local day the latest was taken. */
export async function latestBarcs(db: Db, memberIds: readonly string[]) {
  const result = new Map<string, { total: number; takenOn: string }[]>();
  if (memberIds.length === 0) return result;
  const rows = await rowsOf<{ user_id: string; total: number; taken_on: string }>(
    db,
    sql`
    select m.id::text as user_id, a.total, (a.taken_at at time zone p.timezone)::date::text as taken_on
    from unnest(${uuidArray(memberIds)}) as m(id)
    join ${profiles} p on p.user_id = m.id
    cross join lateral (
      select total, taken_at from ${assessments}
      where user_id = m.id and instrument = 'barc10'
      order by taken_at desc limit 2
    ) a
    order by m.id, a.taken_at desc`,
  );
  for (const row of rows) {
    const list = result.get(row.user_id) ?? [];
    list.push({ total: Number(row.total), takenOn: row.taken_on });
    result.set(row.user_id, list);
  }
  return result;
}

/** Each member's latest SOS after `after`. */
export async function latestSos(db: Db, memberIds: readonly string[], after: Date) {
  const result = new Map<string, Date>();
  if (memberIds.length === 0) return result;
  const rows = await db
    .select({ userId: sosEvents.userId, at: sql<string>`max(${sosEvents.createdAt})`.mapWith((v: string | Date) => new Date(v)) })
    .from(sosEvents)
    .where(and(inArray(sosEvents.userId, [...memberIds]), gt(sosEvents.createdAt, after)))
    .groupBy(sosEvents.userId);
  for (const row of rows) result.set(row.userId, row.at as unknown as Date);
  return result;
}
