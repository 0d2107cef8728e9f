import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/recovery.ts';
import { AppError } from './app-error.ts';

/**
 * Offline clients replay writes they are unsure reached us, with the same `Idempotency-Key`. The first
 * request claims (user, key) inside the transaction of its write and stores its answer there, so the
 * answer exists exactly when the write does. A replay gets that answer and writes nothing; the same key
 * with another request is refused (422), because the client is confused and guessing would lose data.
 */

export interface IdempotentRequest {
  userId: string;
  /**
   * The validated `Idempotency-Key` header. Without one the write runs directly on `db`, outside any
   * transaction: a single-statement write needs none, and a write of several statements opens its own.
   */
  key: string | undefined;
  method: string;
  /** The path as requested (with its parameters): the same key on another day's URL is another request. */
  path: string;
  body: unknown;
}

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this answer was stored by an earlier request. */
  replayed: boolean;
}

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(request: Pick<IdempotentRequest, 'method' | 'path' | 'body'>): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.path}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

// A claim not yet answered: never visible to others, since it commits together with its answer.
const PENDING_STATUS = 0;

async function storedAnswer<T>(db: Db, userId: string, key: string, hash: string): Promise<StoredResponse<T> | null> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .limit(1);
  if (!row) return null;
  if (row.requestHash !== hash) {
    throw new AppError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used for a different request', [
      { path: 'headers.idempotency-key', message: 'Already used for a different request' },
    ]);
  }
  return { status: row.status, body: row.response as T, replayed: true };
}

/**
 * Runs `write` in a transaction at most once per (user, key). Concurrent duplicates are safe: the
 * second INSERT of the claim waits on the first transaction's uncommitted row, then finds it taken.
 */
export async function runIdempotent<T>(
  db: Db,
  request: IdempotentRequest,
  write: (tx: Db, inTransaction: boolean) => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  const { userId, key } = request;
  if (!key) {
    const answer = await write(db, false);
    return { ...answer, replayed: false };
  }
  const hash = requestHash(request);
  // A replay (the common case for a key seen before) costs one read and no transaction.
  const earlier = await storedAnswer<T>(db, userId, key, hash);
  if (earlier) return earlier;

  const outcome = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId, key, requestHash: hash, status: PENDING_STATUS, response: sql`'null'::jsonb` })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return null;
    const answer = await write(tx as unknown as Db, true);
    await tx
      .update(idempotencyKeys)
      .set({ status: answer.status, response: answer.body as object })
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    return answer;
  });
  if (outcome) return { ...outcome, replayed: false };
  // Another request with this key committed while we waited for its claim: answer as it did.
  const winner = await storedAnswer<T>(db, userId, key, hash);
  if (!winner) throw new AppError('CONFLICT', 'The same request is still being processed; try again');
  return winner;
}
