import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/core.ts';
import { AppError, conflict } from './app-error.ts';
import { erasedRows, type PersonalData } from './feature.ts';
import { prepared } from './prepared.ts';

/**
 * Offline clients replay writes they are unsure reached us, with the same `Idempotency-Key`. The first
 * request stores (user, key, request hash, answer) inside the transaction of its write, so the answer
 * exists exactly when the write does. A replay gets that answer and writes nothing; the same key
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

/** Thrown inside the transaction to roll back a duplicate's work; never leaves this module. */
class LostRace extends Error {}

const selectStored = (db: Db) =>
  db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, sql.placeholder('userId')), eq(idempotencyKeys.key, sql.placeholder('key'))))
    .limit(1)
    .prepare('idempotency_stored');

async function storedAnswer<T>(db: Db, userId: string, key: string, hash: string): Promise<StoredResponse<T> | null> {
  const [row] = await prepared(db, 'idempotency_stored', selectStored).execute({ userId, key });
  if (!row) return null;
  if (row.requestHash !== hash) {
    throw new AppError('IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was already used for a different request', [
      { path: 'headers.idempotency-key', message: 'Already used for a different request' },
    ]);
  }
  return { status: row.status, body: row.response as T, replayed: true };
}

/**
 * Runs `write` at most once per (user, key). The write goes first and the key row last, in one
 * transaction: a concurrent duplicate's INSERT of the key waits on the first transaction's uncommitted
 * row, then finds it taken and rolls its own work back. One round trip fewer while holding a pooled
 * connection than claiming the key first; a duplicate's wasted work is rare and never visible.
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
  // A replay is answered before any work: it must write nothing, even briefly, and not be re-judged
  // (yesterday's accepted check-in stays accepted when the replay arrives today).
  const earlier = await storedAnswer<T>(db, userId, key, hash);
  if (earlier) return earlier;

  try {
    const answer = await db.transaction(async (tx) => {
      const result = await write(tx as unknown as Db, true);
      const stored = await tx
        .insert(idempotencyKeys)
        .values({ userId, key, requestHash: hash, status: result.status, response: result.body as object })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (stored.length === 0) throw new LostRace();
      return result;
    });
    return { ...answer, replayed: false };
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
  }
  // Another request with this key committed first: answer as it did (or 422 if it was another request).
  const winner = await storedAnswer<T>(db, userId, key, hash);
  if (!winner) throw conflict('The same request is still being processed; try again');
  return winner;
}

/** Stored replies are the person's own answers: erased with the account, not exported (replays, not content). */
export const idempotencyMyData: PersonalData = {
  tables: [idempotencyKeys],
  erase: async ({ tx, subject }) => [
    await erasedRows(
      'saved offline replies',
      tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, subject.id)).returning({ key: idempotencyKeys.key }),
    ),
  ],
};
