import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DEFAULT_REMINDER_PREFERENCES, type ReminderPreferences } from '../../../shared/contracts/reminders.ts';
import type { AppContext } from '../../context.ts';
import { assessments } from '../../db/schema/assessments.ts';
import { users } from '../../db/schema/auth.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { recoveryClocks } from '../../db/schema/clocks.ts';
import { profiles } from '../../db/schema/profile.ts';
import { reasons } from '../../db/schema/reasons.ts';
import { reminderPreferences } from '../../db/schema/reminders.ts';
import { localDateAt } from '../../lib/dates.ts';
import type { Own } from '../../plugins/session.ts';
import { milestonesOf } from '../clocks/clocks.public.ts';
import {
  createPushSender,
  type MessageLanguage,
  messageLanguage,
  notifyOnce,
  type PushSender,
  pushToPerson,
  usedDedupeKeys,
} from '../notifications/notifications.public.ts';
import { dedupeKey, dueReminder } from './reminders.schedule.ts';
import { messagesFor, milestoneAmount, type ReminderKind } from './reminders.wording.ts';

// ---------------------------------------------------------------------------------------------
// Preferences

export async function getReminderPreferences({ db, actor }: Own): Promise<ReminderPreferences> {
  const [row] = await db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, actor.userId)).limit(1);
  if (!row) return DEFAULT_REMINDER_PREFERENCES;
  const { checkinTime, milestones, barcEveryDays, showReasons, byEmail, byPush } = row;
  return { checkinTime, milestones, barcEveryDays, showReasons, byEmail, byPush };
}

export async function putReminderPreferences({ db, actor, preferences }: Own & { preferences: ReminderPreferences }) {
  const values = { ...preferences, updatedAt: new Date() };
  await db
    .insert(reminderPreferences)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: reminderPreferences.userId, set: values });
  return getReminderPreferences({ db, actor });
}

// ---------------------------------------------------------------------------------------------
// The sweep

/**
 * A milestone is announced only if it was reached this recently: a sweep that missed a few minutes
 * (a restart, a deploy) still sends it, but a clock entered with a start date years ago does not
 * flood the member with every milestone it already passed.
 */
const MILESTONE_WINDOW_MS = 48 * 3600_000;
const DAY_MS = 86_400_000;
/** A new member is first offered the BARC-10 after a week. */
const BARC_FIRST_AFTER_DAYS = 7;

interface Candidate {
  userId: string;
  email: string;
  byEmail: boolean;
  byPush: boolean;
  kind: ReminderKind;
  language: MessageLanguage;
  dedupeKey: string;
  title: string;
  body: string;
  link: string;
}

/** One of the member's reasons, a different one each day. */
function reasonFor(list: readonly string[], localDate: string): string | null {
  if (list.length === 0) return null;
  const day = Math.floor(Date.parse(`${localDate}T00:00:00Z`) / DAY_MS);
  return list[day % list.length] ?? null;
}

/**
 * Finds every reminder due at `now` and records it once: the notification's unique dedupe key
 * (member, kind, local day; for milestones, clock run and milestone) decides, in the database,
 * whether this sweep is the one that sends it. Only the sweep whose INSERT went through sends the
 * email, so a retried or concurrent sweep (a second app instance, a pg-boss retry) never sends twice.
 * The cost is at-most-once email: a crash between the insert and the send loses that email, which
 * for a reminder is the right side to err on.
 */
export async function runReminderSweep({
  ctx,
  now = new Date(),
  push,
}: {
  ctx: Pick<AppContext, 'db' | 'mailer' | 'config'>;
  now?: Date;
  /** Web Push delivery; tests pass a fake. */
  push?: PushSender;
}): Promise<{ created: number; emailed: number; pushed: number }> {
  const db = ctx.db;
  const nowIso = now.toISOString();
  const members = await db
    .select({
      id: users.id,
      email: users.email,
      createdAt: users.createdAt,
      timezone: profiles.timezone,
      languages: profiles.languages,
      hasPreferences: reminderPreferences.userId,
      checkinTime: reminderPreferences.checkinTime,
      milestones: reminderPreferences.milestones,
      barcEveryDays: reminderPreferences.barcEveryDays,
      showReasons: reminderPreferences.showReasons,
      byEmail: reminderPreferences.byEmail,
      byPush: reminderPreferences.byPush,
      checkedInToday: sql<boolean>`exists (select 1 from ${checkins} where ${checkins.userId} = ${users.id}
        and ${checkins.localDate} = (${nowIso}::timestamptz at time zone ${profiles.timezone})::date)`.mapWith(Boolean),
      lastBarcMs: sql<number | null>`(select extract(epoch from max(${assessments.takenAt})) * 1000 from ${assessments}
        where ${assessments.userId} = ${users.id} and ${assessments.instrument} = 'barc10')`,
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(reminderPreferences, eq(reminderPreferences.userId, users.id))
    .where(and(eq(users.status, 'active'), sql`'member' = any(${users.roles})`));

  const candidates: Candidate[] = [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const wantReasons: { userId: string; localDate: string; index: number }[] = [];

  for (const m of members) {
    // No saved preferences: the defaults (milestones and BARC-10 every 30 days, in the app only).
    const prefs = m.hasPreferences
      ? {
          checkinTime: m.checkinTime,
          barcEveryDays: m.barcEveryDays,
          byEmail: m.byEmail === true,
          byPush: m.byPush === true,
          showReasons: m.showReasons === true,
        }
      : { ...DEFAULT_REMINDER_PREFERENCES };

    if (prefs.checkinTime && !m.checkedInToday) {
      const due = dueReminder(m.timezone, prefs.checkinTime, now);
      if (due) {
        if (prefs.showReasons) wantReasons.push({ userId: m.id, localDate: due.localDate, index: candidates.length });
        candidates.push({
          userId: m.id,
          email: m.email,
          byEmail: prefs.byEmail,
          byPush: prefs.byPush,
          kind: 'checkin',
          language: messageLanguage(m.languages),
          dedupeKey: dedupeKey(m.id, 'checkin', due.localDate),
          ...messagesFor(messageLanguage(m.languages)).checkin,
          link: '/check-in',
        });
      }
    }

    if (prefs.barcEveryDays) {
      const every = prefs.barcEveryDays * DAY_MS;
      const lastMs = m.lastBarcMs === null ? null : Number(m.lastBarcMs);
      const base = lastMs === null ? m.createdAt.getTime() + BARC_FIRST_AFTER_DAYS * DAY_MS : lastMs + every;
      if (now.getTime() >= base) {
        // Not taken after a reminder: offered again one period later, never daily.
        const dueAt = base + Math.floor((now.getTime() - base) / every) * every;
        candidates.push({
          userId: m.id,
          email: m.email,
          byEmail: prefs.byEmail,
          byPush: prefs.byPush,
          kind: 'barc10',
          language: messageLanguage(m.languages),
          dedupeKey: dedupeKey(m.id, 'barc10', localDateAt(m.timezone, new Date(dueAt))),
          ...messagesFor(messageLanguage(m.languages)).barc10,
          link: '/barc-10',
        });
      }
    }
  }

  const milestoneMembers = members
    .filter((m) => (m.hasPreferences ? m.milestones : DEFAULT_REMINDER_PREFERENCES.milestones))
    .map((m) => m.id);
  if (milestoneMembers.length > 0) {
    const clocks = await db
      .select({
        id: recoveryClocks.id,
        userId: recoveryClocks.userId,
        label: recoveryClocks.label,
        startedAt: recoveryClocks.startedAt,
        createdAt: recoveryClocks.createdAt,
      })
      .from(recoveryClocks)
      .where(and(isNull(recoveryClocks.archivedAt), inArray(recoveryClocks.userId, milestoneMembers)));
    for (const clock of clocks) {
      const m = byId.get(clock.userId);
      if (!m) continue;
      const latest = milestonesOf(clock.startedAt, now, m.timezone).reached.at(-1);
      if (!latest) continue;
      const reachedMs = latest.at.toMillis();
      // Reached before the clock was entered (a start date in the past): the clock page celebrates it.
      if (reachedMs < clock.createdAt.getTime() || now.getTime() - reachedMs > MILESTONE_WINDOW_MS) continue;
      const language = messageLanguage(m.languages);
      const amount = milestoneAmount(language, latest.amount, latest.unit);
      candidates.push({
        userId: m.id,
        email: m.email,
        byEmail: m.hasPreferences ? m.byEmail === true : DEFAULT_REMINDER_PREFERENCES.byEmail,
        byPush: m.hasPreferences ? m.byPush === true : DEFAULT_REMINDER_PREFERENCES.byPush,
        kind: 'milestone',
        language,
        // Per clock run (a reset starts a new run with its own milestones) and milestone.
        dedupeKey: `${m.id}:milestone:${clock.id}:${clock.startedAt.getTime()}:${latest.key}`,
        ...messagesFor(language).milestone(amount, clock.label),
        link: '/clocks',
      });
    }
  }

  if (candidates.length === 0) return { created: 0, emailed: 0, pushed: 0 };

  // Already sent: skip without an INSERT (most candidates on most minutes).
  const keys = candidates.map((c) => c.dedupeKey);
  const existing = await usedDedupeKeys(db, keys);
  const fresh = candidates.filter((c) => !existing.has(c.dedupeKey));

  const reasonUsers = [...new Set(wantReasons.filter((w) => !existing.has(candidates[w.index]?.dedupeKey ?? '')).map((w) => w.userId))];
  if (reasonUsers.length > 0) {
    const rows = await db
      .select({ userId: reasons.userId, text: reasons.text })
      .from(reasons)
      .where(inArray(reasons.userId, reasonUsers))
      .orderBy(reasons.userId, reasons.position, reasons.createdAt);
    const lists = new Map<string, string[]>();
    for (const row of rows) lists.set(row.userId, [...(lists.get(row.userId) ?? []), row.text]);
    for (const want of wantReasons) {
      const candidate = candidates[want.index];
      const reason = reasonFor(lists.get(want.userId) ?? [], want.localDate);
      if (candidate && reason) candidate.body += messagesFor(candidate.language).reason(reason);
    }
  }

  let created = 0;
  let emailed = 0;
  let pushed = 0;
  let sender = push ?? null;
  for (const c of fresh) {
    const isNew = await notifyOnce(db, {
      userId: c.userId,
      kind: c.kind,
      title: c.title,
      body: c.body,
      link: c.link,
      dedupeKey: c.dedupeKey,
    });
    if (!isNew) continue; // another sweep got there first
    created += 1;
    if (c.byEmail) {
      await ctx.mailer.send(db, emailFor(c, ctx.config.publicUrl));
      emailed += 1;
    }
    if (c.byPush) {
      sender ??= createPushSender({ db, config: ctx.config });
      const email = emailFor(c, ctx.config.publicUrl);
      // A lock-screen banner: as neutral as the email.
      pushed += await pushToPerson(db, sender, c.userId, {
        title: email.subject,
        body: messagesFor(c.language).neutral[c.kind],
        link: c.link,
      });
    }
  }
  return { created, emailed, pushed };
}

/** Emails and push banners stay neutral (see reminders.wording.ts): no clock name, no reason. */
function emailFor(c: Candidate, publicUrl: string) {
  return {
    to: c.email,
    subject: messagesFor(c.language).subject,
    text: `${messagesFor(c.language).neutral[c.kind]}\n\n${publicUrl}${c.link}\n\n${messagesFor(c.language).manage(`${publicUrl}/profile`)}`,
  };
}
