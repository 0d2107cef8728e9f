import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rateLimited } from '../../lib/app-error.ts';
import { forgetCounters, giveBackHit, takeHit } from '../../lib/rate-counters.ts';

// Sign-in throttling (decision 009). Two limits, both taken before the slow password check and both
// shared by every app process through the database:
// - per account and source (the IP): SOURCE_FREE_FAILURES tries, then a lock of SOURCE_FIRST_LOCK_MS
//   that doubles each time it is earned again, up to 2^SOURCE_MAX_DOUBLINGS times. A stranger guessing
//   locks out the stranger's address; the owner from their own still signs in.
// - per account from anywhere: ACCOUNT_CEILING tries an hour, generous, for guesses spread over many
//   addresses. Reaching it locks the account everywhere until the hour ends or the password is reset.
// An unknown address is throttled exactly like a known one, so the locks reveal nothing.

export const SOURCE_FREE_FAILURES = 10;
export const SOURCE_FIRST_LOCK_MS = 5 * 60_000;
const SOURCE_MAX_DOUBLINGS = 6;
/** A source quiet for this long starts over with a clean slate. */
const SOURCE_FORGET_AFTER = '24 hours';
export const ACCOUNT_CEILING = 100;
const ACCOUNT_WINDOW_MS = 60 * 60_000;
/** Wrong two-factor codes per account: the code space is small, so the limit is tight. */
export const MFA_FAILURES = 10;
const MFA_WINDOW_MS = 15 * 60_000;

const accountKey = (accountHash: string) => `signin:${accountHash}`;
const sourceKey = (accountHash: string, sourceHash: string) => `${accountHash}:${sourceHash}`;

function minutesUntil(at: Date) {
  return Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
}

function refuse(message: string, retryAt: Date) {
  return rateLimited(message, Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000)));
}

/**
 * Reserves one attempt for this account from this source, or refuses it (429 with Retry-After). The
 * reservation counts as a failure until `signInSucceeded` gives it back: the count is written
 * before the password is checked, so concurrent guesses cannot slip past a limit read too early.
 */
export async function reserveSignIn(db: Db, accountHash: string, sourceHash: string): Promise<void> {
  const account = await takeHit(db, accountKey(accountHash), ACCOUNT_CEILING, ACCOUNT_WINDOW_MS);
  if (!account.taken) {
    throw refuse(
      `Too many attempts for this account; wait ${minutesUntil(account.retryAt)} minutes or reset your password`,
      account.retryAt,
    );
  }
  const key = sourceKey(accountHash, sourceHash);
  // The row lock of the upsert serializes attempts on one key; the WHERE refuses while locked. The
  // attempt that reaches the limit sets the lock itself, so none after it is checked.
  const reserved = (await db.execute(sql`
    INSERT INTO sign_in_locks AS l (key, failures, lock_level, locked_until, last_attempt_at)
    VALUES (${key}, 1, 0, NULL, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN l.last_attempt_at < now() - ${SOURCE_FORGET_AFTER}::interval THEN 1 ELSE l.failures + 1 END,
      locked_until = CASE
        WHEN l.last_attempt_at >= now() - ${SOURCE_FORGET_AFTER}::interval AND l.failures + 1 >= ${SOURCE_FREE_FAILURES}
        THEN now() + ${SOURCE_FIRST_LOCK_MS} * power(2, least(l.lock_level, ${SOURCE_MAX_DOUBLINGS})) * interval '1 millisecond'
        ELSE NULL END,
      lock_level = CASE
        WHEN l.last_attempt_at < now() - ${SOURCE_FORGET_AFTER}::interval THEN 0
        WHEN l.failures + 1 >= ${SOURCE_FREE_FAILURES} THEN l.lock_level + 1
        ELSE l.lock_level END,
      last_attempt_at = now()
    WHERE l.locked_until IS NULL OR l.locked_until <= now()
    RETURNING failures`)) as unknown as { rows: unknown[] };
  if (reserved.rows.length > 0) return;
  await giveBackHit(db, accountKey(accountHash));
  const locked = (await db.execute(sql`SELECT locked_until FROM sign_in_locks WHERE key = ${key}`)) as unknown as {
    rows: { locked_until: Date | string | null }[];
  };
  const until = new Date(locked.rows[0]?.locked_until ?? Date.now());
  throw refuse(`Too many attempts for this account from here; wait ${minutesUntil(until)} minutes or reset your password`, until);
}

/** The right password: this source starts over and the reservation no longer counts against the account. */
export async function signInSucceeded(db: Db, accountHash: string, sourceHash: string): Promise<void> {
  await db.execute(sql`DELETE FROM sign_in_locks WHERE key = ${sourceKey(accountHash, sourceHash)}`);
  await giveBackHit(db, accountKey(accountHash));
}

/** A new password ends every lock on the account: the guesses were against the old one. */
export async function forgetSignInFailures(db: Db, accountHash: string): Promise<void> {
  await db.execute(sql`DELETE FROM sign_in_locks WHERE starts_with(key, ${`${accountHash}:`})`);
  await forgetCounters(db, accountKey(accountHash));
}

/** Reserves one two-factor attempt for the account, or refuses it; given back when the code is right. */
export async function reserveMfaAttempt(db: Db, userId: string): Promise<void> {
  const taken = await takeHit(db, `mfa:${userId}`, MFA_FAILURES, MFA_WINDOW_MS);
  if (!taken.taken) throw refuse(`Too many wrong codes; wait ${minutesUntil(taken.retryAt)} minutes and sign in again`, taken.retryAt);
}

export async function mfaSucceeded(db: Db, userId: string): Promise<void> {
  await giveBackHit(db, `mfa:${userId}`);
}

/** Deletes sources quiet for a day and not locked: they would start over anyway. */
export async function pruneSignInLocks(db: Db): Promise<number> {
  const result = (await db.execute(sql`
    DELETE FROM sign_in_locks
    WHERE last_attempt_at < now() - ${SOURCE_FORGET_AFTER}::interval AND (locked_until IS NULL OR locked_until < now())
    RETURNING key`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}
