import { randomInt } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { IssuedCode, Secretary } from '../../../shared/contracts/my-meetings.ts';
import { ATTENDANCE_CODE_ALPHABET, MY_MEETINGS_LIMITS } from '../../../shared/contracts/my-meetings.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { meetingAttendanceCodes, meetingSecretaries } from '../../db/schema/my-meetings.ts';
import { profiles } from '../../db/schema/profile.ts';
import { notFound, rateLimited, wrongCode } from '../../lib/app-error.ts';
import { hashToken, safeEqual } from '../../lib/crypto.ts';
import type { Actor, Own } from '../../plugins/session.ts';

/**
 * Proof of attendance (Meeting Guide type POA): an administrator names a meeting's secretaries; a
 * secretary issues the code of the day and reads it out; a member who types it gets a verified entry.
 */

const isAdmin = (actor: Actor) => actor.roles.includes('admin');

export async function canIssueCode(db: Db, actor: Actor, meetingId: string): Promise<boolean> {
  if (isAdmin(actor)) return true;
  const [row] = await db
    .select({ id: meetingSecretaries.personId })
    .from(meetingSecretaries)
    .where(and(eq(meetingSecretaries.meetingId, meetingId), eq(meetingSecretaries.personId, actor.userId)));
  return Boolean(row);
}

async function meetingZone(db: Db, meetingId: string): Promise<string> {
  const [row] = await db.select({ timezone: meetings.timezone }).from(meetings).where(eq(meetings.id, meetingId));
  if (!row) throw notFound('No such meeting');
  return row.timezone;
}

// ---------------------------------------------------------------------------------------------
// Secretaries (administrators only; the routes make a role miss 404)
// ---------------------------------------------------------------------------------------------

export async function listSecretaries(db: Db, meetingId: string): Promise<{ items: Secretary[] }> {
  await meetingZone(db, meetingId);
  const rows = await db
    .select({ personId: meetingSecretaries.personId, alias: profiles.alias, since: meetingSecretaries.createdAt })
    .from(meetingSecretaries)
    .innerJoin(profiles, eq(profiles.userId, meetingSecretaries.personId))
    .where(eq(meetingSecretaries.meetingId, meetingId))
    .orderBy(asc(profiles.alias));
  return { items: rows.map((r) => ({ ...r, since: r.since.toISOString() })) };
}

/** Naming someone twice is naming them once; a disabled or unknown account is 404. */
export async function addSecretary(db: Db, meetingId: string, personId: string) {
  await meetingZone(db, meetingId);
  const [person] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, personId), eq(users.status, 'active')));
  if (!person) throw notFound('No such person');
  await db.insert(meetingSecretaries).values({ meetingId, personId }).onConflictDoNothing();
}

/** Someone who is not a secretary of the meeting is 404. */
export async function removeSecretary(db: Db, meetingId: string, personId: string) {
  const gone = await db
    .delete(meetingSecretaries)
    .where(and(eq(meetingSecretaries.meetingId, meetingId), eq(meetingSecretaries.personId, personId)))
    .returning({ id: meetingSecretaries.personId });
  if (gone.length === 0) throw notFound();
}

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

/** The hash is bound to the meeting and the day, so one day's code says nothing about another's. */
const codeHash = (meetingId: string, validOn: string, code: string) => hashToken(`${meetingId}:${validOn}:${code}`);

function newCode(): string {
  let code = '';
  for (let i = 0; i < MY_MEETINGS_LIMITS.codeLength; i += 1) code += ATTENDANCE_CODE_ALPHABET[randomInt(ATTENDANCE_CODE_ALPHABET.length)];
  return code;
}

/**
 * Today's code of a meeting (today in the meeting's zone), shown once: issuing again replaces it.
 * Anyone but a secretary of the meeting or an administrator gets 404.
 */
export async function issueCode({
  db,
  actor,
  meetingId,
  now = DateTime.utc(),
}: Own & {
  meetingId: string;
  now?: DateTime;
}): Promise<IssuedCode> {
  const zone = await meetingZone(db, meetingId);
  if (!(await canIssueCode(db, actor, meetingId))) throw notFound('No such meeting');
  const validOn = now.setZone(zone).toISODate() as string;
  const code = newCode();
  const values = { meetingId, validOn, codeHash: codeHash(meetingId, validOn, code), issuedBy: actor.userId, createdAt: new Date() };
  await db
    .insert(meetingAttendanceCodes)
    .values(values)
    .onConflictDoUpdate({
      target: [meetingAttendanceCodes.meetingId, meetingAttendanceCodes.validOn],
      set: { codeHash: values.codeHash, issuedBy: actor.userId, createdAt: values.createdAt },
    });
  return { code, validOn, timezone: zone };
}

/** Counts a person's code tries in a sliding window (per process, like the other rate limits). */
export interface CodeTries {
  /** false once the person has used up the window's tries. */
  take(personId: string): boolean;
}

export function codeTries(max: number, windowMs: number, clock: () => number = Date.now): CodeTries {
  const seen = new Map<string, number[]>();
  return {
    take(personId) {
      const now = clock();
      const recent = (seen.get(personId) ?? []).filter((at) => now - at < windowMs);
      if (recent.length >= max) {
        seen.set(personId, recent);
        return false;
      }
      recent.push(now);
      seen.set(personId, recent);
      // Forget people whose window has passed, so the map does not grow without end.
      if (seen.size > 10_000) for (const [key, times] of seen) if (times.every((at) => now - at >= windowMs)) seen.delete(key);
      return true;
    },
  };
}

/** Throws 429 past the tries allowed and 422 for a code that is not today's; returns when it is. */
export async function checkAttendanceCode({
  db,
  actor,
  meetingId,
  validOn,
  code,
  tries,
}: Own & {
  meetingId: string;
  validOn: string;
  code: string;
  tries: CodeTries;
}) {
  if (!tries.take(actor.userId)) {
    throw rateLimited(`Too many codes tried: wait ${MY_MEETINGS_LIMITS.codeTriesMinutes} minutes, or log the meeting without a code`);
  }
  const [row] = await db
    .select({ codeHash: meetingAttendanceCodes.codeHash })
    .from(meetingAttendanceCodes)
    .where(and(eq(meetingAttendanceCodes.meetingId, meetingId), eq(meetingAttendanceCodes.validOn, validOn)));
  if (!row || !safeEqual(row.codeHash, codeHash(meetingId, validOn, code))) {
    throw wrongCode('That is not today’s code for this meeting: check it with the secretary', [
      { path: 'body.code', message: 'Not today’s code' },
    ]);
  }
}
