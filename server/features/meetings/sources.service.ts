import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { MeetingSource, meetingSourceInputSchema } from '../../../shared/contracts/meetings-import.ts';
import type { Db } from '../../db/client.ts';
import { meetingImports, meetingSources, meetings } from '../../db/schema/meetings.ts';
import { AppError, conflict, notFound } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { canonicalTimeZone } from './feed/values.ts';
import { forgetMeetingZones } from './meetings.finder.ts';

/**
 * Meeting sources an administrator manages: Meeting Guide feeds at a URL, or uploaded files. The
 * organization's own groups (kind `own`) are not managed here and stay invisible to these routes.
 */

type SourceInput = z.output<typeof meetingSourceInputSchema>;
export type SourceRow = typeof meetingSources.$inferSelect;

const MANAGED = ['url', 'file'] as const;
/** Imports that hold a place: being checked, or waiting for an administrator's decision. */
export const PENDING_STATUSES = ['checking', 'ready'] as const;

/** A managed source by id, or 404. */
export async function managedSource(db: Db, id: string): Promise<SourceRow & { kind: 'url' | 'file' }> {
  const [row] = await db
    .select()
    .from(meetingSources)
    .where(and(eq(meetingSources.id, id), inArray(meetingSources.kind, [...MANAGED])));
  if (!row || row.kind === 'own') throw notFound('No such meeting source');
  return row as SourceRow & { kind: 'url' | 'file' };
}

function present(row: SourceRow, meetingCount: number, pendingImportId: string | null): MeetingSource {
  const report = row.lastReport;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'url' ? 'url' : 'file',
    url: row.url,
    defaultTimezone: row.defaultTimezone,
    fellowship: row.fellowship,
    scheduled: row.scheduled,
    meetingCount,
    lastImportedAt: row.lastImportedAt?.toISOString() ?? null,
    lastReport: report
      ? {
          at: report.at,
          total: report.total,
          accepted: report.accepted,
          normalized: report.normalized,
          rejected: report.rejected.length,
          added: report.added,
          changed: report.changed,
          removed: report.removed,
          unchanged: report.unchanged,
        }
      : null,
    lastError: row.lastError,
    pendingImportId,
  };
}

export async function listSources(db: Db): Promise<MeetingSource[]> {
  const rows = await db
    .select()
    .from(meetingSources)
    .where(inArray(meetingSources.kind, [...MANAGED]))
    .orderBy(meetingSources.name);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts = await db
    .select({ sourceId: meetings.sourceId, n: count() })
    .from(meetings)
    .where(inArray(meetings.sourceId, ids))
    .groupBy(meetings.sourceId);
  const pending = await db
    .select({ id: meetingImports.id, sourceId: meetingImports.sourceId })
    .from(meetingImports)
    .where(and(inArray(meetingImports.sourceId, ids), inArray(meetingImports.status, [...PENDING_STATUSES])))
    .orderBy(desc(meetingImports.createdAt));
  const countOf = new Map(counts.map((c) => [c.sourceId, c.n]));
  const pendingOf = new Map<string, string>();
  for (const p of pending) if (!pendingOf.has(p.sourceId)) pendingOf.set(p.sourceId, p.id);
  return rows.map((row) => present(row, countOf.get(row.id) ?? 0, pendingOf.get(row.id) ?? null));
}

export async function getSource(db: Db, id: string): Promise<MeetingSource> {
  await managedSource(db, id);
  const all = await listSources(db);
  const found = all.find((source) => source.id === id);
  if (!found) throw notFound('No such meeting source');
  return found;
}

function columnsOf(input: SourceInput) {
  // The contract accepts what Intl knows; the normalizer's canonical name is what gets stored.
  const zone = canonicalTimeZone(input.defaultTimezone);
  if (!zone) {
    throw new AppError('VALIDATION_FAILED', 'body.defaultTimezone: Unknown time zone', [
      { path: 'body.defaultTimezone', message: 'Unknown time zone' },
    ]);
  }
  return {
    name: input.name,
    kind: input.kind,
    url: input.kind === 'url' ? input.url : null,
    defaultTimezone: zone,
    fellowship: input.fellowship ?? null,
    scheduled: input.kind === 'url' ? input.scheduled : false,
  };
}

const nameTaken = () => conflict('A source with this name already exists', [{ path: 'body.name', message: 'Already used' }]);

export async function createSource(db: Db, input: SourceInput): Promise<MeetingSource> {
  try {
    const [row] = await db.insert(meetingSources).values(columnsOf(input)).returning({ id: meetingSources.id });
    if (!row) throw new Error('source not created');
    return getSource(db, row.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Edits a source; its kind stays (a file source's meetings did not come from a URL). */
export async function updateSource(db: Db, id: string, input: SourceInput): Promise<MeetingSource> {
  const existing = await managedSource(db, id);
  if (existing.kind !== input.kind) {
    throw new AppError('VALIDATION_FAILED', 'body.kind: A source cannot change kind; add a new source instead', [
      { path: 'body.kind', message: 'Cannot change' },
    ]);
  }
  try {
    await db
      .update(meetingSources)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(eq(meetingSources.id, id));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return getSource(db, id);
}

/** Deletes a source with its meetings and imports (foreign keys cascade). */
export async function deleteSource(db: Db, id: string): Promise<void> {
  await managedSource(db, id);
  await db.delete(meetingSources).where(eq(meetingSources.id, id));
  forgetMeetingZones(db);
}
