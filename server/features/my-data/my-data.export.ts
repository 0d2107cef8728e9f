import { asc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MyDataExport } from '../../../shared/contracts/my-data.ts';
import type { Db } from '../../db/client.ts';
import { profiles, users } from '../../db/schema/accounts.ts';
import { sosEvents } from '../../db/schema/coaching.ts';
import { accessLog, auditLog, breakGlass, consentGrants } from '../../db/schema/consent.ts';
import { notifications, reminderPreferences } from '../../db/schema/notifications.ts';
import {
  assessments,
  checkins,
  clockRuns,
  reasons,
  recoveryClocks,
  recoveryPlanVersions,
  safetyPlanVersions,
} from '../../db/schema/recovery.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Actor } from '../../plugins/session.ts';
import { exportBuddies } from '../buddies/buddies.my-data.ts';
import { exportCoaching } from '../coaching/coaching.my-data.ts';
import { exportCoachingSessions } from '../coaching-sessions/coaching-sessions.my-data.ts';
import { exportEventRsvps } from '../events/events.my-data.ts';
import { exportMyMeetings } from '../my-meetings/my-meetings.my-data.ts';
import { exportConversations, exportPartnerships } from '../partners/partners.my-data.ts';

/**
 * Export of "my data": the person's own rows, read straight from their tables (the actor is the owner,
 * so no consent policy applies), table by table so what leaves can be read at a glance.
 * my-data.service.ts erases the same tables when the account is deleted.
 */
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
/** A person whose profile is gone (should not happen: accounts are de-identified, never deleted). */
const UNKNOWN = 'deleted account';

const grantorProfile = alias(profiles, 'export_grantor_profile');
const granteeProfile = alias(profiles, 'export_grantee_profile');
const readerProfile = alias(profiles, 'export_reader_profile');

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

export async function exportMyData({ db, actor }: { db: Db; actor: Actor }): Promise<MyDataExport> {
  const me = actor.userId;
  // One snapshot: a check-in saved mid-export cannot leave the document half old, half new.
  return db.transaction(
    async (tx) => {
      // Account: never the password hash, TOTP secret or recovery code hashes.
      const [account] = await tx
        .select({
          id: users.id,
          email: users.email,
          roles: users.roles,
          status: users.status,
          totpEnabledAt: users.totpEnabledAt,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(eq(users.id, me));
      if (!account) throw new AppError('NOT_FOUND', 'Not found');

      const [profile] = await tx.select().from(profiles).where(eq(profiles.userId, me));

      // Consent grants I gave and grants others gave me.
      const grantRows = await tx
        .select({
          grant: consentGrants,
          grantorAlias: grantorProfile.alias,
          granteeAlias: granteeProfile.alias,
        })
        .from(consentGrants)
        .leftJoin(grantorProfile, eq(grantorProfile.userId, consentGrants.grantorId))
        .leftJoin(granteeProfile, eq(granteeProfile.userId, consentGrants.granteeId))
        .where(or(eq(consentGrants.grantorId, me), eq(consentGrants.granteeId, me)))
        .orderBy(asc(consentGrants.createdAt));
      const grants = grantRows.map(({ grant, grantorAlias, granteeAlias }) => ({
        id: grant.id,
        grantor: { id: grant.grantorId, alias: grantorAlias ?? UNKNOWN },
        grantee: { id: grant.granteeId, alias: granteeAlias ?? UNKNOWN },
        scopes: grant.scopes,
        purpose: grant.purpose,
        startsAt: iso(grant.startsAt),
        expiresAt: isoOrNull(grant.expiresAt),
        revokedAt: isoOrNull(grant.revokedAt),
        createdAt: iso(grant.createdAt),
      }));

      // Who read my record.
      const reads = await tx
        .select({ entry: accessLog, readerAlias: readerProfile.alias })
        .from(accessLog)
        .leftJoin(readerProfile, eq(readerProfile.userId, accessLog.actorId))
        .where(eq(accessLog.subjectId, me))
        .orderBy(asc(accessLog.id));

      const emergencies = await tx
        .select({ window: breakGlass, readerAlias: readerProfile.alias })
        .from(breakGlass)
        .leftJoin(readerProfile, eq(readerProfile.userId, breakGlass.actorId))
        .where(eq(breakGlass.subjectId, me))
        .orderBy(asc(breakGlass.createdAt));

      // My security events: what I did, and what was done to my account. The keyed email hash stays out.
      const events = await tx
        .select({
          at: auditLog.at,
          event: auditLog.event,
          actorId: auditLog.actorId,
          subjectId: auditLog.subjectId,
          detail: auditLog.detail,
        })
        .from(auditLog)
        .where(or(eq(auditLog.actorId, me), eq(auditLog.subjectId, me)))
        .orderBy(asc(auditLog.id));

      const checkinRows = await tx.select().from(checkins).where(eq(checkins.userId, me)).orderBy(asc(checkins.localDate));

      const clockRows = await tx.select().from(recoveryClocks).where(eq(recoveryClocks.userId, me)).orderBy(asc(recoveryClocks.createdAt));
      const runRows = clockRows.length
        ? await tx
            .select()
            .from(clockRuns)
            .where(
              inArray(
                clockRuns.clockId,
                clockRows.map((c) => c.id),
              ),
            )
            .orderBy(asc(clockRuns.startedAt))
        : [];

      const reasonRows = await tx.select().from(reasons).where(eq(reasons.userId, me)).orderBy(asc(reasons.position));
      const planRows = await tx
        .select()
        .from(recoveryPlanVersions)
        .where(eq(recoveryPlanVersions.userId, me))
        .orderBy(asc(recoveryPlanVersions.version));
      const safetyRows = await tx
        .select()
        .from(safetyPlanVersions)
        .where(eq(safetyPlanVersions.userId, me))
        .orderBy(asc(safetyPlanVersions.version));
      const assessmentRows = await tx.select().from(assessments).where(eq(assessments.userId, me)).orderBy(asc(assessments.takenAt));
      const [reminders] = await tx.select().from(reminderPreferences).where(eq(reminderPreferences.userId, me));
      const notificationRows = await tx
        .select()
        .from(notifications)
        .where(eq(notifications.userId, me))
        .orderBy(asc(notifications.createdAt));
      const sosRows = await tx.select().from(sosEvents).where(eq(sosEvents.userId, me)).orderBy(asc(sosEvents.createdAt));
      const conversationRows = await exportConversations(tx, me);
      const partnershipRows = await exportPartnerships(tx, me);
      const coaching = await exportCoaching(tx, me);
      const coachingSessions = await exportCoachingSessions(tx, me);
      const buddies = await exportBuddies(tx, me);
      const eventRsvpRows = await exportEventRsvps(tx, me);
      const myMeetings = await exportMyMeetings(tx, me);
      // Not exported: sessions (token hashes), idempotency keys (stored replies), push subscriptions
      // (browser keys), password resets and invites (token hashes). They are credentials, not content.

      const toVersion = (row: { version: number; content: Record<string, unknown>; createdAt: Date }) => ({
        version: row.version,
        content: row.content,
        createdAt: iso(row.createdAt),
      });

      return {
        format: 'kinship-export' as const,
        version: 1 as const,
        exportedAt: new Date().toISOString(),
        account: {
          id: account.id,
          email: account.email,
          roles: account.roles,
          status: account.status,
          twoFactorEnabled: account.totpEnabledAt !== null,
          createdAt: iso(account.createdAt),
        },
        profile: profile
          ? {
              alias: profile.alias,
              legalName: profile.legalName,
              pronouns: profile.pronouns,
              languages: profile.languages,
              timezone: profile.timezone,
              pathways: profile.pathways,
              pathwaysVisibility: profile.pathwaysVisibility,
              updatedAt: iso(profile.updatedAt),
            }
          : null,
        consent: { given: grants.filter((g) => g.grantor.id === me), received: grants.filter((g) => g.grantee.id === me) },
        accessLog: reads.map(({ entry, readerAlias }) => ({
          at: iso(entry.at),
          reader: { id: entry.actorId, alias: readerAlias ?? UNKNOWN },
          scope: entry.scope,
          purpose: entry.purpose,
          grantId: entry.grantId,
          breakGlass: entry.breakGlass,
        })),
        breakGlass: emergencies.map(({ window, readerAlias }) => ({
          openedAt: iso(window.createdAt),
          expiresAt: iso(window.expiresAt),
          openedBy: { id: window.actorId, alias: readerAlias ?? UNKNOWN },
          reason: window.reason,
        })),
        securityEvents: events.map((e) => ({
          at: iso(e.at),
          event: e.event,
          actorId: e.actorId,
          subjectId: e.subjectId,
          detail: e.detail,
        })),
        checkins: checkinRows.map((c) => ({
          localDate: c.localDate,
          mood: c.mood,
          craving: c.craving,
          sleepHours: c.sleepHours === null ? null : Number(c.sleepHours),
          used: c.used,
          substances: c.substances,
          gratitude: c.gratitude,
          note: c.note,
          backfilled: c.backfilled,
          createdAt: iso(c.createdAt),
          updatedAt: iso(c.updatedAt),
        })),
        clocks: clockRows.map((c) => ({
          id: c.id,
          label: c.label,
          kind: c.kind,
          goal: c.goal,
          startedAt: iso(c.startedAt),
          createdAt: iso(c.createdAt),
          archivedAt: isoOrNull(c.archivedAt),
          runs: runRows.filter((r) => r.clockId === c.id).map((r) => ({ startedAt: iso(r.startedAt), endedAt: iso(r.endedAt) })),
        })),
        reasons: reasonRows.map((r) => ({ text: r.text, position: r.position, createdAt: iso(r.createdAt) })),
        recoveryPlan: planRows.map(toVersion),
        safetyPlan: safetyRows.map(toVersion),
        assessments: assessmentRows.map((a) => ({ instrument: a.instrument, answers: a.answers, total: a.total, takenAt: iso(a.takenAt) })),
        reminderPreferences: reminders
          ? {
              checkinTime: reminders.checkinTime,
              milestones: reminders.milestones,
              barcEveryDays: reminders.barcEveryDays,
              showReasons: reminders.showReasons,
              byEmail: reminders.byEmail,
              byPush: reminders.byPush,
              updatedAt: iso(reminders.updatedAt),
            }
          : null,
        notifications: notificationRows.map((n) => ({
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: iso(n.createdAt),
          readAt: isoOrNull(n.readAt),
        })),
        sosPresses: sosRows.map((row) => ({ at: iso(row.createdAt) })),
        conversations: conversationRows,
        partnerships: partnershipRows,
        coaching,
        coachingSessions,
        buddies,
        eventRsvps: eventRsvpRows,
        meetings: myMeetings,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** `kinship-export-2026-11-26.json`, dated in the person's own time zone. */
export function exportFileName(timezone: string, at = new Date()): string {
  let day: string;
  try {
    day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    day = at.toISOString().slice(0, 10);
  }
  return `kinship-export-${day}.json`;
}
