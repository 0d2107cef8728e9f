import { and, asc, eq, inArray, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { RelationshipStatus } from '../../../shared/contracts/coaching-base.ts';
import type { Scope } from '../../../shared/contracts/consent.ts';
import type { Db } from '../../db/client.ts';
import { assessments } from '../../db/schema/assessments.ts';
import { users } from '../../db/schema/auth.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { recoveryClocks } from '../../db/schema/clocks.ts';
import { coachingRelationships } from '../../db/schema/coaching.ts';
import { coachingSessions, referrals } from '../../db/schema/coaching-sessions.ts';
import { consentGrants } from '../../db/schema/consent.ts';
import { profiles } from '../../db/schema/profile.ts';
import { sosEvents } from '../../db/schema/sos.ts';
import { prepared } from '../../lib/prepared.ts';
import { grantIsActive } from '../consent/consent.public.ts';
import { CASELOAD_SCOPES, type RecentCheckin } from './risk-rules.ts';

/**
 * The batched reads of the caseload and the risk sweep, for every client at once (never one per
 * client): the relationships with their grants, then every part of the record in one statement, each
 * part served by an index on (user_id, …).
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
const scopeColumn = (scope: Scope, at: Date | Placeholder) => sql<boolean>`(${grantIsActive(scope, at)})`.mapWith(Boolean);

/** Whose relationships: one coach's (the dashboard: a prepared statement) or everyone's (the sweep). */
export type RelationshipFilter = { coachId: string } | 'all';

function selectRelationships(db: Db, where: SQL, at: Date | Placeholder, statuses: readonly RelationshipStatus[], withRecords: boolean) {
  const atValue = at instanceof Date ? at.toISOString() : at;
  // The relationship's own records (sessions, referrals), for the dashboard only.
  const records = withRecords
    ? {
        nextSession: sql<{ at: string; contactType: string } | null>`(
          select json_build_object('at', s.scheduled_at, 'contactType', s.contact_type) from ${coachingSessions} s
          where s.member_id = ${coachingRelationships.memberId} and s.relationship_id = ${coachingRelationships.id}
            and s.status = 'scheduled' and s.scheduled_at > ${atValue}::timestamptz
          order by s.scheduled_at limit 1)`,
        openReferrals: sql<number>`(
          select count(*)::int from ${referrals} f
          where f.member_id = ${coachingRelationships.memberId} and f.relationship_id = ${coachingRelationships.id} and f.status = 'open')`.mapWith(
          Number,
        ),
      }
    : { nextSession: sql<null>`null`, openReferrals: sql<number>`0`.mapWith(Number) };
  return db
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
    .where(and(where, inArray(coachingRelationships.status, [...statuses])))
    .orderBy(asc(coachingRelationships.id), asc(consentGrants.createdAt));
}

/**
 * Open relationships (proposed, active, paused) matching `filter`, with the grants the member made
 * to the coach that are in force at `at`. A disabled or deleted member's record is shown to no one:
 * their grants count as none.
 */
export async function openRelationships(
  db: Db,
  filter: RelationshipFilter,
  at: Date,
  statuses: readonly RelationshipStatus[],
  options: { records?: boolean } = {},
): Promise<OpenRelationship[]> {
  const withRecords = options.records ?? false;
  let rows: Awaited<ReturnType<typeof selectRelationships>>;
  if (filter === 'all') rows = await selectRelationships(db, sql`true`, at, statuses, withRecords);
  else {
    const name = `caseload_relationships_${statuses.join('_')}${withRecords ? '_records' : ''}`;
    const statement = prepared(db, name, (handle) =>
      selectRelationships(
        handle,
        eq(coachingRelationships.coachId, sql.placeholder('coachId')),
        sql.placeholder('at'),
        statuses,
        withRecords,
      ).prepare(name),
    );
    rows = await statement.execute({ coachId: filter.coachId, at: at.toISOString() });
  }

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

const ids = (name: string) => sql`${sql.placeholder(name)}::uuid[]`;

/** Days of history the streak query reads: three 32-day words of bits. */
export const STREAK_WINDOW_DAYS = 96;

/** What the facts query is asked: for each part of the record, the members whose grant covers it. */
export interface FactParts {
  /** `checkins.summary` or `checkins.detail`: the last check-in day and the run ending on it. */
  recency: readonly string[];
  /** `checkins.detail`: the check-ins on or after `recentFrom`. */
  recent: readonly string[];
  recentFrom: string;
  /** `clock`: the first active clock and its whole days at `now`. */
  clock: readonly string[];
  /** `assessments`: the two latest BARC-10 totals. */
  barc: readonly string[];
  /** `sos`: the latest SOS after `sosAfter`. */
  sos: readonly string[];
  sosAfter: Date;
  now: Date;
}

export interface MemberFacts {
  last: string | null;
  runDays: number;
  recent: RecentCheckin[] | null;
  clock: { label: string; days: number } | null;
  /** Newest first, at most two, with the local day each was taken. */
  barcs: { total: number; takenOn: string }[];
  lastSos: Date | null;
}

const numbers = (values: unknown) => (values as (number | string)[] | null)?.map(Number) ?? null;

/**
 * Every part of the record of every member, in one statement (one round trip, one plan kept by the
 * connection): a row per member, each part a lateral read of its own index, run only for the members
 * listed for that part (`m.id = any(…)` is a one-time filter: a part a member did not grant is
 * never read). Prepared once per database handle.
 *
 * - Recency: the last check-in day from the index (one tuple); the days of the window before it become
 *   bits (bit k of word w: the day last − 32w − k has a check-in), so the run is the first zero bit,
 *   found in JS (three words: 96 days). Only the window is read, never the whole history.
 * - Clock: the clock page's day rule (clocks/milestones.ts runLength): calendar days between the start
 *   and now in the member's zone, less one while now's wall-clock time has not yet reached the
 *   start's. Around a DST change it can differ from the clock page for the hour the change shifts.
 */
const selectFacts = (db: Db) =>
  db
    .select({
      id: sql<string>`f.id`,
      last: sql<string | null>`f.last`,
      w0: sql<number | null>`f.w0`,
      w1: sql<number | null>`f.w1`,
      w2: sql<number | null>`f.w2`,
      dates: sql<string[] | null>`f.dates`,
      cravings: sql<number[] | null>`f.cravings`,
      used: sql<RecentCheckin['used'][] | null>`f.used`,
      clockLabel: sql<string | null>`f.clock_label`,
      clockDays: sql<number | null>`f.clock_days`,
      barcTotals: sql<number[] | null>`f.barc_totals`,
      barcDays: sql<string[] | null>`f.barc_days`,
      sosMs: sql<number | null>`f.sos_ms`,
    })
    .from(sql`(
      select m.id::text as id, l.last::text as last, w.w0, w.w1, w.w2, r.dates, r.cravings, r.used,
             k.label as clock_label, k.days as clock_days, b.totals as barc_totals, b.days as barc_days, s.ms as sos_ms
      from unnest(${ids('members')}) as m(id)
      join ${profiles} p on p.user_id = m.id
      left join lateral (
        select max(local_date) as last from ${checkins} where user_id = m.id and m.id = any(${ids('recency')})
      ) l on true
      left join lateral (
        select bit_or(1 << d.ago) filter (where d.ago < 32) as w0,
               bit_or(1 << (d.ago - 32)) filter (where d.ago >= 32 and d.ago < 64) as w1,
               bit_or(1 << (d.ago - 64)) filter (where d.ago >= 64) as w2
        from (
          select l.last - c.local_date as ago from ${checkins} c
          where c.user_id = m.id and c.local_date > l.last - ${STREAK_WINDOW_DAYS}::int and c.local_date <= l.last
        ) d
        where l.last is not null
      ) w on true
      left join lateral (
        select array_agg(c.local_date::text) as dates, array_agg(c.craving) as cravings, array_agg(c.used) as used
        from ${checkins} c
        where c.user_id = m.id and c.local_date >= ${sql.placeholder('recentFrom')}::date and m.id = any(${ids('recent')})
      ) r on true
      left join lateral (
        select c.label, greatest(0, (n.local::date - st.local::date) - case when n.local::time < st.local::time then 1 else 0 end) as days
        from ${recoveryClocks} c
        cross join lateral (select (${sql.placeholder('now')}::timestamptz at time zone p.timezone) as local) n
        cross join lateral (select (c.started_at at time zone p.timezone) as local) st
        where c.user_id = m.id and c.archived_at is null and m.id = any(${ids('clock')})
        order by c.created_at, c.id
        limit 1
      ) k on true
      left join lateral (
        select array_agg(a.total order by a.taken_at desc) as totals,
               array_agg((a.taken_at at time zone p.timezone)::date::text order by a.taken_at desc) as days
        from (
          select total, taken_at from ${assessments}
          where user_id = m.id and instrument = 'barc10' and m.id = any(${ids('barc')})
          order by taken_at desc limit 2
        ) a
      ) b on true
      left join lateral (
        select (extract(epoch from max(created_at)) * 1000)::float8 as ms from ${sosEvents}
        where user_id = m.id and created_at > ${sql.placeholder('sosAfter')}::timestamptz and m.id = any(${ids('sos')})
      ) s on true
    ) f`)
    .prepare('caseload_facts');

export async function memberFacts(db: Db, parts: FactParts): Promise<Map<string, MemberFacts>> {
  const result = new Map<string, MemberFacts>();
  const members = [...new Set([...parts.recency, ...parts.recent, ...parts.clock, ...parts.barc, ...parts.sos])];
  if (members.length === 0) return result;
  const rows = await prepared(db, 'caseload_facts', selectFacts).execute({
    members,
    recency: parts.recency,
    recent: parts.recent,
    recentFrom: parts.recentFrom,
    clock: parts.clock,
    barc: parts.barc,
    sos: parts.sos,
    sosAfter: parts.sosAfter.toISOString(),
    now: parts.now.toISOString(),
  });
  for (const row of rows) {
    const words = new Map<number, number>();
    [row.w0, row.w1, row.w2].forEach((bits, word) => {
      if (bits !== null) words.set(word, Number(bits));
    });
    const cravings = numbers(row.cravings);
    const totals = numbers(row.barcTotals) ?? [];
    result.set(row.id, {
      last: row.last,
      runDays: row.last ? runFromBits(words) : 0,
      recent: row.dates
        ? row.dates.map((date, i) => ({
            date,
            craving: cravings?.[i] ?? 0,
            used: (row.used as RecentCheckin['used'][])[i] as RecentCheckin['used'],
          }))
        : null,
      clock: row.clockLabel !== null ? { label: row.clockLabel, days: Number(row.clockDays) } : null,
      barcs: totals.map((total, i) => ({ total, takenOn: (row.barcDays as string[])[i] as string })),
      lastSos: row.sosMs !== null ? new Date(Number(row.sosMs)) : null,
    });
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
