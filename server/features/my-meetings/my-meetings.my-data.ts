import { asc, eq } from 'drizzle-orm';
import type { MyMeetingsExport } from '../../../shared/contracts/my-meetings.ts';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/meetings.ts';
import { calendarSubscriptions, meetingAttendance, meetingSecretaries, savedMeetings } from '../../db/schema/my-meetings.ts';
import type { PersonalData } from '../../lib/feature.ts';

/** "My data" for meetings: what the export includes and what deleting an account erases. */

export async function exportMyMeetings(tx: Db, me: string): Promise<MyMeetingsExport> {
  const saved = await tx
    .select({ meetingId: savedMeetings.meetingId, name: meetings.name, savedAt: savedMeetings.createdAt })
    .from(savedMeetings)
    .innerJoin(meetings, eq(meetings.id, savedMeetings.meetingId))
    .where(eq(savedMeetings.personId, me))
    .orderBy(asc(savedMeetings.createdAt));
  const attendance = await tx
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.personId, me))
    .orderBy(asc(meetingAttendance.attendedOn));
  const secretaryOf = await tx
    .select({ meetingId: meetingSecretaries.meetingId, name: meetings.name, since: meetingSecretaries.createdAt })
    .from(meetingSecretaries)
    .innerJoin(meetings, eq(meetings.id, meetingSecretaries.meetingId))
    .where(eq(meetingSecretaries.personId, me));
  const [subscription] = await tx
    .select({ createdAt: calendarSubscriptions.createdAt })
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.personId, me));
  return {
    saved: saved.map((s) => ({ ...s, savedAt: s.savedAt.toISOString() })),
    attendance: attendance.map((a) => ({
      id: a.id,
      meetingId: a.meetingId,
      meetingName: a.meetingName,
      attendedOn: a.attendedOn,
      verified: a.verified,
      createdAt: a.createdAt.toISOString(),
    })),
    secretaryOf: secretaryOf.map((s) => ({ ...s, since: s.since.toISOString() })),
    calendarSubscription: subscription ? { createdAt: subscription.createdAt.toISOString() } : null,
  };
}

/** Erases saved meetings, attendance, secretary roles and the calendar address; returns what went. */
export async function eraseMyMeetings(tx: Db, me: string) {
  const gone = async (query: Promise<unknown[]>) => (await query).length;
  return {
    saved: await gone(tx.delete(savedMeetings).where(eq(savedMeetings.personId, me)).returning({ id: savedMeetings.meetingId })),
    attendance: await gone(tx.delete(meetingAttendance).where(eq(meetingAttendance.personId, me)).returning({ id: meetingAttendance.id })),
    secretary: await gone(
      tx.delete(meetingSecretaries).where(eq(meetingSecretaries.personId, me)).returning({ id: meetingSecretaries.meetingId }),
    ),
    subscription: await gone(
      tx.delete(calendarSubscriptions).where(eq(calendarSubscriptions.personId, me)).returning({ id: calendarSubscriptions.personId }),
    ),
  };
}

/** My meetings' part of "my data" (lib/feature.ts). */
export const myMeetingsMyData: PersonalData = {
  tables: [savedMeetings, meetingAttendance, meetingSecretaries, calendarSubscriptions],
  export: async (tx, { id }) => ({ meetings: await exportMyMeetings(tx, id) }),
  async erase({ tx, subject }) {
    const gone = await eraseMyMeetings(tx, subject.id);
    return [
      { what: 'saved meetings', count: gone.saved },
      { what: 'meeting attendance', count: gone.attendance },
      { what: 'meeting secretary roles', count: gone.secretary },
      { what: 'meetings calendar address', count: gone.subscription },
    ];
  },
};
