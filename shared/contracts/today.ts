import { z } from 'zod';
import { milestoneSchema } from './clocks.ts';
import { contactTypeSchema } from './coaching-base.ts';
import { isoDate } from './common.ts';
import { attendanceModeSchema } from './meetings-feed.ts';

/**
 * The home page's "today": one read composed from the features that own each part, the person's own
 * data only (a coach's caseload counts come from the caseload read, access-logged like the page). A
 * part that is not for this person's roles is null (an ally has no check-in, a member no caseload).
 */

const personRef = z.object({ id: z.uuid(), alias: z.string() });

export const todaySessionSchema = z.object({
  id: z.uuid(),
  relationshipId: z.uuid(),
  scheduledAt: isoDate,
  durationMinutes: z.number().int(),
  contactType: contactTypeSchema,
  /** The other person of the session: the coach for a member, the client for a coach. */
  with: personRef,
});
export type TodaySession = z.infer<typeof todaySessionSchema>;

export const todaySchema = z.object({
  /** Today in my zone (YYYY-MM-DD), and that zone. */
  date: z.iso.date(),
  timezone: z.string(),
  /** Members: whether today's check-in is done, and the streak of days in a row. */
  checkin: z.object({ done: z.boolean(), currentStreak: z.number().int() }).nullable(),
  /** My active clocks (empty: none started; null: not for this person's roles). */
  clocks: z.array(z.object({ id: z.uuid(), label: z.string(), currentDays: z.number().int(), nextMilestone: milestoneSchema })).nullable(),
  /** My next coaching session, as member or coach. */
  nextSession: todaySessionSchema.nullable(),
  /** My next saved meeting that has a schedule. */
  nextMeeting: z
    .object({
      meetingId: z.uuid(),
      slug: z.string(),
      name: z.string(),
      attendanceMode: attendanceModeSchema,
      nextStart: isoDate,
    })
    .nullable(),
  /** The next event I am going to or waiting for. */
  nextEvent: z
    .object({
      id: z.uuid(),
      title: z.string(),
      startsAt: isoDate,
      myStatus: z.enum(['going', 'waitlisted']),
      status: z.enum(['scheduled', 'cancelled']),
    })
    .nullable(),
  unreadMessages: z.number().int().min(0),
  /** Coaches: today's sessions (in my zone), the open caseload and how many of it carry a risk flag. */
  coach: z
    .object({
      sessionsToday: z.array(todaySessionSchema),
      clients: z.number().int().min(0),
      flaggedClients: z.number().int().min(0),
    })
    .nullable(),
});
export type Today = z.infer<typeof todaySchema>;
