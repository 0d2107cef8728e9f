import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AUDIT_PAGE_SIZE, type AuditEventName, type AuditPage, type AuditQuery } from '../../../shared/contracts/admin.ts';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { profiles } from '../../db/schema/profile.ts';

/** Security events, named `area.action`. The detail never holds personal data. */
export type AuditEvent = AuditEventName;

export interface AuditEntry {
  event: AuditEvent;
  actorId?: string | null;
  subjectId?: string | null;
  subjectHash?: string | null;
  detail?: Record<string, string | number | boolean | string[] | null>;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    event: entry.event,
    actorId: entry.actorId ?? null,
    subjectId: entry.subjectId ?? null,
    subjectHash: entry.subjectHash ?? null,
    detail: entry.detail ?? {},
  });
}

const actorProfile = alias(profiles, 'actor_profile');
const subjectProfile = alias(profiles, 'subject_profile');

/**
 * One page of events, newest first, filtered in the database (an area or one event, a period), so
 * an old event is found however many came after it. Pages are cut by id (keyset), stable while new
 * events arrive.
 */
export async function listAudit({ db, query }: { db: Db; query: AuditQuery }): Promise<AuditPage> {
  const where: SQL[] = [];
  if (query.kind) {
    const kind = query.kind.includes('.')
      ? eq(auditLog.event, query.kind)
      : or(eq(auditLog.event, query.kind), like(auditLog.event, `${query.kind}.%`));
    if (kind) where.push(kind);
  }
  if (query.from) where.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) where.push(lt(auditLog.at, new Date(query.to)));
  if (query.before) where.push(lt(auditLog.id, Number(query.before)));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      event: auditLog.event,
      detail: auditLog.detail,
      actorId: auditLog.actorId,
      actorAlias: actorProfile.alias,
      subjectId: auditLog.subjectId,
      subjectAlias: subjectProfile.alias,
    })
    .from(auditLog)
    .leftJoin(actorProfile, eq(actorProfile.userId, auditLog.actorId))
    .leftJoin(subjectProfile, eq(subjectProfile.userId, auditLog.subjectId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const events = page.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    event: row.event,
    detail: row.detail,
    actor: row.actorId ? { id: row.actorId, alias: row.actorAlias ?? 'deleted account' } : null,
    subject: row.subjectId ? { id: row.subjectId, alias: row.subjectAlias ?? 'deleted account' } : null,
  }));
  return { events, next: rows.length > AUDIT_PAGE_SIZE ? (events.at(-1)?.id ?? null) : null };
}
