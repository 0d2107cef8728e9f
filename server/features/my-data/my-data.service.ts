import { and, asc, count, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DeleteAccountResult } from '../../../shared/contracts/my-data.ts';
import type { AppContext } from '../../context.ts';
import { invites, passwordResets, profiles, sessions, users } from '../../db/schema/accounts.ts';
import { riskAlerts, sosEvents } from '../../db/schema/coaching.ts';
import { accessLog, auditLog, breakGlass, consentGrants } from '../../db/schema/consent.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications, pushSubscriptions, reminderPreferences } from '../../db/schema/notifications.ts';
import {
  assessments,
  checkins,
  clockRuns,
  idempotencyKeys,
  reasons,
  recoveryClocks,
  recoveryPlanVersions,
  safetyPlanVersions,
} from '../../db/schema/recovery.ts';
import { AppError } from '../../lib/app-error.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import type { Actor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { eraseBuddies } from '../buddies/buddies.my-data.ts';
import { eraseCoaching } from '../coaching/coaching.my-data.ts';
import { eraseCoachingSessions } from '../coaching-sessions/coaching-sessions.my-data.ts';
import { eraseEventRsvps } from '../events/events.my-data.ts';
import { eraseMyMeetings } from '../my-meetings/my-meetings.my-data.ts';
import { eraseConversationsAndPartnerships } from '../partners/partners.my-data.ts';

/**
 * Deleting an account (decision 005): the same tables the export reads (my-data.export.ts), erased,
 * and the account row de-identified.
 */
// ---------------------------------------------------------------------------------------------
// Account deletion
// ---------------------------------------------------------------------------------------------

export const FORMER_MEMBER = 'Former member';
export const DELETED_EMAIL_DOMAIN = 'deleted.invalid';
/** Not an argon2 hash: verification always fails, so no password can ever match again. */
const UNUSABLE_PASSWORD_HASH = '!account-deleted';

const WHY_LOGS =
  'The access log (who read your records, when and why) and the security log are kept: the law (42 CFR Part 2 accounting of ' +
  'disclosures, HIPAA audit controls) requires us to be able to show who saw health records. They hold only account ids, ' +
  'and your account no longer carries your email or name.';
const WHY_BREAK_GLASS =
  'Records of emergency (break-glass) access to your record or by you are kept with the access log, for the same legal reason.';
const WHY_INVITES = 'Invitations you sent on behalf of the organization stay in its records; they now show "Former member".';

export async function deleteMyAccount({
  ctx,
  actor,
  password,
}: {
  ctx: AppContext;
  actor: Actor;
  password: string;
}): Promise<DeleteAccountResult> {
  const db = ctx.db;
  const me = actor.userId;
  const [current] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me));
  if (!current || !(await verifyPassword(current.passwordHash, password))) {
    throw new AppError('VALIDATION_FAILED', 'Your password is not right', [{ path: 'body.password', message: 'Not your password' }]);
  }

  return db.transaction(async (tx) => {
    // Same lock order as role and status changes (people.service): this row and every admin row, by id,
    // so two admins deleting themselves at once cannot both believe the other remains.
    const locked = await tx
      .select({ id: users.id, roles: users.roles, email: users.email })
      .from(users)
      .where(or(eq(users.id, me), sql`'admin' = any(${users.roles})`))
      .orderBy(asc(users.id))
      .for('update');
    const self = locked.find((row) => row.id === me);
    if (!self) throw new AppError('NOT_FOUND', 'Not found');
    if (self.roles.includes('admin')) {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(ne(users.id, me), eq(users.status, 'active'), sql`'admin' = any(${users.roles})`));
      if ((others?.n ?? 0) === 0) {
        throw new AppError(
          'CONFLICT',
          'You are the only active admin. Make someone else an admin first, so the organization is not left without one; then you can delete your account.',
        );
      }
    }
    const email = self.email;

    const erased: DeleteAccountResult['erased'] = [];
    const erase = async (what: string, run: Promise<unknown[]>) => {
      erased.push({ what, count: (await run).length });
    };
    const myClocks = tx.select({ id: recoveryClocks.id }).from(recoveryClocks).where(eq(recoveryClocks.userId, me));

    // Recovery content.
    await erase('check-ins', tx.delete(checkins).where(eq(checkins.userId, me)).returning({ id: checkins.id }));
    await erase('recovery clock runs', tx.delete(clockRuns).where(inArray(clockRuns.clockId, myClocks)).returning({ id: clockRuns.id }));
    await erase('recovery clocks', tx.delete(recoveryClocks).where(eq(recoveryClocks.userId, me)).returning({ id: recoveryClocks.id }));
    await erase('reasons', tx.delete(reasons).where(eq(reasons.userId, me)).returning({ id: reasons.id }));
    await erase(
      'recovery plan versions',
      tx.delete(recoveryPlanVersions).where(eq(recoveryPlanVersions.userId, me)).returning({ id: recoveryPlanVersions.id }),
    );
    await erase(
      'safety plan versions',
      tx.delete(safetyPlanVersions).where(eq(safetyPlanVersions.userId, me)).returning({ id: safetyPlanVersions.id }),
    );
    await erase('assessments', tx.delete(assessments).where(eq(assessments.userId, me)).returning({ id: assessments.id }));
    // SOS presses, and the risk alerts coaches were sent about me.
    await erase('SOS presses', tx.delete(sosEvents).where(eq(sosEvents.userId, me)).returning({ id: sosEvents.id }));
    await erase('risk alerts', tx.delete(riskAlerts).where(eq(riskAlerts.memberId, me)).returning({ id: riskAlerts.id }));
    // Conversations (both sides' messages) and accountability partnerships (ended, grants revoked).
    const people = await eraseConversationsAndPartnerships(tx, me);
    // Coaching sessions, the notes about me and the referrals made for me (before the relationships they hang on).
    const sessionsGone = await eraseCoachingSessions(tx, me);
    erased.push(
      { what: 'coaching sessions', count: sessionsGone.sessions },
      { what: 'coaching notes about you', count: sessionsGone.notes },
      { what: 'referrals', count: sessionsGone.referrals },
    );
    // Saved meetings, attendance, secretary roles and the private calendar address.
    const myMeetings = await eraseMyMeetings(tx, me);
    erased.push(
      { what: 'saved meetings', count: myMeetings.saved },
      { what: 'meeting attendance', count: myMeetings.attendance },
      { what: 'meeting secretary roles', count: myMeetings.secretary },
      { what: 'meetings calendar address', count: myMeetings.subscription },
    );
    // First-meeting buddies: my offer and my requests; requests I had accepted go back to others.
    const buddies = await eraseBuddies(tx, me);
    erased.push(
      { what: 'buddy volunteering', count: buddies.volunteer },
      { what: 'buddy requests', count: buddies.requests },
      { what: 'buddy requests you had accepted (released)', count: buddies.accompanied },
    );
    // Coaching requests and relationships (seats given back), and a coach's own profile.
    const coaching = await eraseCoaching(tx, me);
    erased.push(
      { what: 'coaching requests and relationships', count: coaching.relationships },
      { what: 'coach profile', count: coaching.coachProfile },
    );
    erased.push({ what: 'messages', count: people.messages }, { what: 'partnerships ended or withdrawn', count: people.partnerships });
    // Event answers: a place I held goes to the next person waiting.
    erased.push({ what: 'event answers', count: await eraseEventRsvps(ctx, tx, me) });
    // Sharing, both ways: nobody sees anything of theirs any more, and they see nobody's.
    await erase(
      'consent grants',
      tx
        .delete(consentGrants)
        .where(or(eq(consentGrants.grantorId, me), eq(consentGrants.granteeId, me)))
        .returning({ id: consentGrants.id }),
    );
    // Reminders and the notification centre.
    await erase(
      'reminder preferences',
      tx.delete(reminderPreferences).where(eq(reminderPreferences.userId, me)).returning({ id: reminderPreferences.userId }),
    );
    await erase('notifications', tx.delete(notifications).where(eq(notifications.userId, me)).returning({ id: notifications.id }));
    await erase(
      'push subscriptions',
      tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, me)).returning({ id: pushSubscriptions.id }),
    );
    // Credentials and pending links: every session ends here, this one included.
    await erase(
      'saved offline replies',
      tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, me)).returning({ key: idempotencyKeys.key }),
    );
    await erase('sessions', tx.delete(sessions).where(eq(sessions.userId, me)).returning({ id: sessions.tokenHash }));
    await erase(
      'password reset links',
      tx.delete(passwordResets).where(eq(passwordResets.userId, me)).returning({ id: passwordResets.id }),
    );
    await erase(
      'pending invitations',
      tx
        .delete(invites)
        .where(and(eq(invites.email, email), isNull(invites.acceptedAt)))
        .returning({ id: invites.id }),
    );
    // Emails to them (held bodies can hold links and names).
    await erase('emails sent to you', tx.delete(outbox).where(eq(outbox.to, email)).returning({ id: outbox.id }));

    // The account row stays (the logs, break-glass records and invitations refer to it by id) but
    // nothing in it names the person or lets anyone sign in.
    const deletedEmail = `deleted-${me}@${DELETED_EMAIL_DOMAIN}`;
    await tx
      .update(users)
      .set({
        email: deletedEmail,
        passwordHash: UNUSABLE_PASSWORD_HASH,
        roles: [],
        status: 'disabled',
        totpSecretEnc: null,
        totpEnabledAt: null,
        totpLastStep: null,
        recoveryCodeHashes: [],
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, me));
    // An accepted invitation names the address it was sent to.
    await tx
      .update(invites)
      .set({ email: deletedEmail })
      .where(or(eq(invites.email, email), eq(invites.acceptedBy, me)));
    // Aliases are unique; a short piece of the id keeps two former members apart (and apart from anyone's chosen alias).
    let formerAlias = `${FORMER_MEMBER} ${me.slice(0, 8)}`;
    const [taken] = await tx
      .select({ id: profiles.userId })
      .from(profiles)
      .where(and(ne(profiles.userId, me), sql`lower(${profiles.alias}) = lower(${formerAlias})`));
    if (taken) formerAlias = `${FORMER_MEMBER} ${me}`;
    await tx
      .update(profiles)
      .set({
        alias: formerAlias,
        legalName: null,
        pronouns: null,
        languages: [],
        pathways: [],
        pathwaysVisibility: 'private',
        updatedAt: sql`now()`,
      })
      .where(eq(profiles.userId, me));

    const [reads] = await tx
      .select({ n: count() })
      .from(accessLog)
      .where(or(eq(accessLog.subjectId, me), eq(accessLog.actorId, me)));
    const [windows] = await tx
      .select({ n: count() })
      .from(breakGlass)
      .where(or(eq(breakGlass.subjectId, me), eq(breakGlass.actorId, me)));
    const [sent] = await tx.select({ n: count() }).from(invites).where(eq(invites.invitedBy, me));

    await recordAudit(tx, {
      event: 'account.deleted',
      actorId: me,
      subjectId: me,
      detail: { rowsErased: erased.reduce((sum, e) => sum + e.count, 0) },
    });
    const [events] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(or(eq(auditLog.subjectId, me), eq(auditLog.actorId, me)));

    return {
      deleted: true as const,
      erased,
      deidentified: [
        {
          what: 'account',
          how: 'Your email is replaced by a placeholder, your password and two-factor sign-in are removed, your roles are emptied and the account is closed.',
        },
        { what: 'profile', how: `Your alias becomes "${formerAlias}"; legal name, pronouns, languages and recovery pathways are cleared.` },
      ],
      kept: [
        { what: 'access log', count: reads?.n ?? 0, why: WHY_LOGS },
        { what: 'security log', count: events?.n ?? 0, why: WHY_LOGS },
        { what: 'break-glass records', count: windows?.n ?? 0, why: WHY_BREAK_GLASS },
        { what: 'invitations you sent', count: sent?.n ?? 0, why: WHY_INVITES },
      ],
    };
  });
}
