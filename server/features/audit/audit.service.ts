import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { profiles } from '../../db/schema/profile.ts';

/** Security events, named `area.action`. The detail never holds personal data. */
export type AuditEvent =
  | 'organization.created'
  | 'organization.settings_changed'
  | 'signin.success'
  | 'signin.failure'
  | 'signin.mfa_failure'
  | 'signout'
  | 'signup'
  | 'password.reset_requested'
  | 'password.reset'
  | 'password.changed'
  | 'mfa.enabled'
  | 'mfa.disabled'
  | 'mfa.recovery_code_used'
  | 'invite.created'
  | 'invite.revoked'
  | 'invite.accepted'
  | 'roles.changed'
  | 'account.disabled'
  | 'account.enabled'
  | 'account.deleted'
  | 'grant.created'
  | 'grant.revoked'
  | 'break_glass.opened'
  | 'meeting.created'
  | 'meeting.updated'
  | 'meeting.deleted'
  | 'guide.created'
  | 'guide.updated'
  | 'guide.deleted';

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

export async function listAudit({ db }: { db: Db }) {
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
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    event: row.event,
    detail: row.detail,
    actor: row.actorId ? { id: row.actorId, alias: row.actorAlias ?? 'deleted account' } : null,
    subject: row.subjectId ? { id: row.subjectId, alias: row.subjectAlias ?? 'deleted account' } : null,
  }));
}
