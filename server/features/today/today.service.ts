import { DateTime } from 'luxon';
import type { CoachingSession } from '../../../shared/contracts/coaching-sessions.ts';
import { inRoleGroup } from '../../../shared/contracts/roles.ts';
import type { Today, TodaySession } from '../../../shared/contracts/today.ts';
import { todayIn } from '../../lib/dates.ts';
import type { Own } from '../../plugins/session.ts';
import { getCaseload } from '../caseload/caseload.public.ts';
import { ownCheckinToday } from '../checkins/checkins.public.ts';
import { listOwnClocks } from '../clocks/clocks.public.ts';
import { listUpcomingSessions } from '../coaching-sessions/coaching-sessions.public.ts';
import { nextEventOfMine } from '../events/events.public.ts';
import { unreadTotal } from '../messages/messages.public.ts';
import { listSavedMeetings } from '../my-meetings/my-meetings.public.ts';

/**
 * The home page's "today", composed from each owning feature's own reads of the actor's data. Each
 * part is asked only of the people it is for: check-ins and clocks are a member's, the caseload a
 * coach's (read, and logged, exactly as the caseload page reads it).
 */
export async function getToday({ db, actor, now = new Date() }: Own & { now?: Date }): Promise<Today> {
  const isMember = inRoleGroup(actor.roles, 'members');
  const isCoach = inRoleGroup(actor.roles, 'coaches');
  const [checkin, clocks, sessions, saved, event, unread, caseload] = await Promise.all([
    isMember ? ownCheckinToday({ db, actor, now }) : null,
    isMember ? listOwnClocks({ db, actor, now }) : null,
    listUpcomingSessions({ db, actor, now }),
    listSavedMeetings({ db, actor, now: DateTime.fromJSDate(now, { zone: 'utc' }) }),
    nextEventOfMine({ db, actor, now }),
    unreadTotal({ db, actor }),
    isCoach ? getCaseload({ db, actor, now }) : null,
  ]);
  const today = todayIn(actor.timezone, now);
  const brief = (session: CoachingSession): TodaySession => ({
    id: session.id,
    relationshipId: session.relationshipId,
    scheduledAt: session.scheduledAt,
    durationMinutes: session.durationMinutes,
    contactType: session.contactType,
    with: session.coach.id === actor.userId ? session.member : session.coach,
  });
  const [first] = sessions.sessions;
  const meeting = saved.items.find((item) => item.nextStart !== null);
  return {
    date: today,
    timezone: actor.timezone,
    checkin: checkin ? { done: checkin.done, currentStreak: checkin.currentStreak } : null,
    clocks: clocks
      ? clocks.clocks.map((c) => ({ id: c.id, label: c.label, currentDays: c.currentDays, nextMilestone: c.nextMilestone }))
      : null,
    nextSession: first ? brief(first) : null,
    nextMeeting:
      meeting?.nextStart != null
        ? {
            meetingId: meeting.meetingId,
            slug: meeting.slug,
            name: meeting.name,
            attendanceMode: meeting.attendanceMode,
            nextStart: meeting.nextStart,
          }
        : null,
    nextEvent:
      event && (event.myStatus === 'going' || event.myStatus === 'waitlisted')
        ? { id: event.id, title: event.title, startsAt: event.startsAt, myStatus: event.myStatus, status: event.status }
        : null,
    unreadMessages: unread.unread,
    coach: caseload
      ? {
          sessionsToday: sessions.sessions
            .filter((s) => s.coach.id === actor.userId && DateTime.fromISO(s.scheduledAt).setZone(actor.timezone).toISODate() === today)
            .map(brief),
          clients: caseload.clients.length,
          flaggedClients: caseload.clients.filter((c) => (c.flags?.length ?? 0) > 0).length,
        }
      : null,
  };
}
