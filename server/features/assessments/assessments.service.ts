import { and, desc, eq } from 'drizzle-orm';
import { BARC10_HISTORY_MAX, BARC10_THRESHOLD } from '../../../shared/contracts/assessments.ts';
import type { Db } from '../../db/client.ts';
import { assessments } from '../../db/schema/assessments.ts';
import type { Actor } from '../../plugins/session.ts';
import { accessSummary, authorizeRecordRead } from '../consent/consent.public.ts';
import { scoreBarc10 } from './barc10.ts';

type Row = { id: string; total: number; takenAt: Date; answers: number[] };

function present(row: Row) {
  // From the stored total: a history must still load even if an old row was written by other means.
  const meetsThreshold = row.total >= BARC10_THRESHOLD;
  return { id: row.id, total: row.total, takenAt: row.takenAt.toISOString(), meetsThreshold, answers: row.answers };
}

/** One statement per answer, one row per taking: a single INSERT, so nothing is ever half-written. */
export async function takeBarc10({ db, actor, answers }: { db: Db; actor: Actor; answers: number[] }) {
  const { total, meetsThreshold } = scoreBarc10(answers);
  const [row] = await db
    .insert(assessments)
    .values({ userId: actor.userId, instrument: 'barc10', answers, total })
    .returning({ id: assessments.id, takenAt: assessments.takenAt });
  if (!row) throw new Error('insert returned nothing');
  return { id: row.id, total, takenAt: row.takenAt.toISOString(), meetsThreshold };
}

async function historyOf(db: Db, userId: string) {
  const rows = await db
    .select({ id: assessments.id, total: assessments.total, takenAt: assessments.takenAt, answers: assessments.answers })
    .from(assessments)
    .where(and(eq(assessments.userId, userId), eq(assessments.instrument, 'barc10')))
    .orderBy(desc(assessments.takenAt), desc(assessments.id))
    .limit(BARC10_HISTORY_MAX);
  return { results: rows.map(present) };
}

export async function listOwnBarc10({ db, actor }: { db: Db; actor: Actor }) {
  return historyOf(db, actor.userId);
}

/** Another person's BARC-10 history: only through the `assessments` scope (or break-glass), and logged. */
export async function listSharedBarc10({ db, actor, subjectId }: { db: Db; actor: Actor; subjectId: string }) {
  const access = await authorizeRecordRead(db, actor, subjectId, 'assessments');
  return { ...(await historyOf(db, subjectId)), access: accessSummary(access) };
}
