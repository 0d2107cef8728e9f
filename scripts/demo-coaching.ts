// The coaching part of the demo: coach profiles, members with coaches (their consent made by accepting),
// members waiting to be matched, sessions past and coming, notes (one signed off, one awaiting
// sign-off), an open referral, a short message thread and an accountability partnership. Everything
// goes through the same service functions the app uses, so seats, grants and history agree.

import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AppContext } from '../server/context.ts';
import type { Db } from '../server/db/client.ts';
import { coachingRelationships } from '../server/db/schema/coaching.ts';
import { coachingSessions } from '../server/db/schema/coaching-sessions.ts';
import { approveMatches } from '../server/features/coaching/coaching.matching.ts';
import { putCoachProfile } from '../server/features/coaching/coaching.profiles.ts';
import { changeRelationship, createRequest } from '../server/features/coaching/coaching.service.ts';
import { createNote, signOffNote } from '../server/features/coaching-sessions/coaching-notes.service.ts';
import { scheduleSession } from '../server/features/coaching-sessions/coaching-sessions.service.ts';
import { openConversation, sendMessage } from '../server/features/messages/messages.service.ts';
import { acceptPartner, invitePartner } from '../server/features/partners/partners.service.ts';
import { onlyRow } from '../server/lib/rows.ts';
import type { Actor } from '../server/plugins/session.ts';
import type { PutCoachProfile } from '../shared/contracts/coaching.ts';
import type { CoachingPreferences } from '../shared/contracts/coaching-base.ts';
import type { CreateNote } from '../shared/contracts/coaching-sessions.ts';
import type { Scope } from '../shared/contracts/consent.ts';
import { type PersonKey, TIMEZONE } from './demo-data.ts';

const weekly = (days: number[], start = '17:00', end = '20:00') => days.map((day) => ({ day, start, end }));

export const DEMO_COACHES: readonly { key: PersonKey; profile: PutCoachProfile }[] = [
  {
    key: 'jordan',
    profile: {
      livedExperience:
        'I have been in recovery from opioids for nine years, with the help of a twelve-step home group and medication. I know how heavy the first months feel, and that there is more than one way through.',
      pathways: ['twelve_step', 'medication_assisted'],
      specialties: ['opioids', 'justice_involved', 'parents'],
      languages: ['en'],
      gender: 'man',
      availability: [...weekly([1, 3]), { day: 6, start: '10:00', end: '13:00' }],
      maxCaseload: 8,
      certification: 'Certified Peer Recovery Specialist',
      accepting: true,
    },
  },
  {
    key: 'casey',
    profile: {
      livedExperience:
        'Llevo siete años en recuperación del alcohol. Recovery Dharma me dio calma y comunidad. I coach in Spanish and English, at your pace, without judgment.',
      pathways: ['recovery_dharma'],
      specialties: ['alcohol', 'co_occurring_mental_health', 'lgbtq_affirming'],
      languages: ['es', 'en'],
      gender: 'woman',
      availability: weekly([2, 4], '18:00', '21:00'),
      maxCaseload: 10,
      certification: null,
      accepting: true,
    },
  },
  {
    key: 'rosa',
    profile: {
      livedExperience:
        'Soy madre y llevo cinco años en recuperación con tratamiento asistido con medicamentos. I remember being afraid to ask for help; I am glad to walk beside you.',
      pathways: ['medication_assisted'],
      specialties: ['opioids', 'parents', 'faith_based'],
      languages: ['es', 'en'],
      gender: 'woman',
      availability: weekly([1, 2, 4], '09:00', '12:00'),
      maxCaseload: 6,
      certification: 'Recovery Coach Academy',
      accepting: true,
    },
  },
  {
    key: 'eli',
    profile: {
      livedExperience:
        'I got sober at twenty-two with SMART Recovery and a lot of harm reduction along the way. No lectures: we work out what matters to you and take the next small step.',
      pathways: ['secular', 'harm_reduction'],
      specialties: ['young_adults', 'stimulants', 'harm_reduction', 'secular'],
      languages: ['en'],
      gender: 'man',
      availability: weekly([2, 3, 5], '16:00', '21:00'),
      maxCaseload: 8,
      certification: null,
      accepting: true,
    },
  },
];

const wants = (overrides: Partial<CoachingPreferences>): CoachingPreferences => ({
  gender: null,
  language: null,
  pathway: null,
  specialties: null,
  times: null,
  timezone: TIMEZONE,
  ...overrides,
});

/** Members with a coach: asked, matched by the supervisor, accepted sharing these scopes. */
export const DEMO_RELATIONSHIPS: readonly { member: PersonKey; coach: PersonKey; scopes: Scope[]; preferences: CoachingPreferences }[] = [
  {
    member: 'robin',
    coach: 'jordan',
    scopes: ['profile', 'clock', 'checkins.summary', 'plan', 'safety_plan'],
    preferences: wants({ pathway: { value: ['twelve_step'], required: false } }),
  },
  {
    member: 'morgan',
    coach: 'jordan',
    scopes: ['profile', 'clock', 'checkins.summary', 'checkins.detail'],
    preferences: wants({ pathway: { value: ['medication_assisted'], required: false } }),
  },
  {
    member: 'taylor',
    coach: 'casey',
    scopes: ['profile', 'checkins.summary', 'safety_plan'],
    preferences: wants({ specialties: { value: ['lgbtq_affirming'], required: false } }),
  },
  {
    member: 'riley',
    coach: 'casey',
    scopes: ['profile', 'clock', 'checkins.summary'],
    preferences: wants({ language: { value: ['es'], required: true } }),
  },
];

/** Members waiting for the supervisor to match them, and for how many days. */
export const DEMO_WAITING: readonly { member: PersonKey; waitingDays: number; preferences: CoachingPreferences; intakeNote: string }[] = [
  {
    member: 'kai',
    waitingDays: 6,
    preferences: wants({
      specialties: { value: ['young_adults', 'harm_reduction'], required: false },
      times: { value: weekly([2, 3, 4], '17:00', '21:00'), required: false },
    }),
    intakeNote: 'I work days at a warehouse, so evenings are best. I would like someone close to my age.',
  },
  {
    member: 'lupe',
    waitingDays: 2,
    preferences: wants({
      language: { value: ['es'], required: true },
      gender: { value: ['woman'], required: false },
    }),
    intakeNote: 'Prefiero hablar en español. Tengo dos hijos y las mañanas me funcionan mejor.',
  },
];

const DAY_MS = 86_400_000;

export async function seedCoaching(tx: Db, ctx: AppContext, actor: (key: PersonKey) => Actor, supervisorKey: PersonKey) {
  const supervisor = actor(supervisorKey);
  for (const coach of DEMO_COACHES) await putCoachProfile({ db: tx, actor: actor(coach.key), input: coach.profile });

  const relationshipIds = new Map<PersonKey, string>();
  for (const rel of DEMO_RELATIONSHIPS) {
    const member = actor(rel.member);
    const asked = await createRequest({ db: tx, actor: member, input: { preferences: rel.preferences } });
    const id = asked.current?.id;
    if (!id) throw new Error(`no request for ${rel.member}`);
    await approveMatches({ ctx, actor: supervisor, pairs: [{ requestId: id, coachId: actor(rel.coach).userId }] });
    await changeRelationship({ ctx, actor: member, id, input: { action: 'accept', scopes: rel.scopes } });
    relationshipIds.set(rel.member, id);
  }
  const relationshipOf = (member: PersonKey) => {
    const id = relationshipIds.get(member);
    if (!id) throw new Error(`no relationship for ${member}`);
    return id;
  };

  for (const waiting of DEMO_WAITING) {
    const asked = await createRequest({
      db: tx,
      actor: actor(waiting.member),
      input: { preferences: waiting.preferences, intakeNote: waiting.intakeNote },
    });
    const id = asked.current?.id;
    if (!id) throw new Error(`no request for ${waiting.member}`);
    await tx
      .update(coachingRelationships)
      .set({ requestedAt: new Date(Date.now() - waiting.waitingDays * DAY_MS) })
      .where(eq(coachingRelationships.id, id));
  }

  // Past sessions, each documented. Robin's note is signed off and made a referral still open;
  // Riley's waits for the supervisor's sign-off.
  const past = async (member: PersonKey, coach: PersonKey, daysAgo: number, note: Omit<CreateNote, 'occurredOn' | 'sessionId'>) => {
    const relationshipId = relationshipOf(member);
    const at = DateTime.now().setZone(TIMEZONE).minus({ days: daysAgo }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
    const session = onlyRow(
      await tx
        .insert(coachingSessions)
        .values({
          relationshipId,
          coachId: actor(coach).userId,
          memberId: actor(member).userId,
          scheduledAt: at.toJSDate(),
          durationMinutes: note.durationMinutes,
          contactType: note.contactType,
          location: note.contactType === 'in_person' ? 'Lakeside Recovery Center, room 2' : null,
          status: 'completed',
        })
        .returning({ id: coachingSessions.id }),
    );
    return createNote({
      db: tx,
      actor: actor(coach),
      relationshipId,
      input: { ...note, sessionId: session.id, occurredOn: at.toISODate() as string },
    });
  };
  const robinNote = await past('robin', 'jordan', 6, {
    durationMinutes: 50,
    contactType: 'in_person',
    lifeDomains: ['housing', 'substance_use'],
    goalsMoved: ['Went to three meetings this week'],
    summary: 'Robin is steady and proud of a month of daily check-ins. We talked about the lease ending in spring.',
    nextSteps: 'Robin calls the housing collaborative; we meet again next week.',
    referrals: [{ service: 'Lakeside Housing Collaborative', reason: 'Lease ends in the spring' }],
  });
  await signOffNote({ db: tx, actor: supervisor, id: robinNote.id });
  await past('riley', 'casey', 3, {
    durationMinutes: 30,
    contactType: 'phone',
    lifeDomains: ['relationships_family', 'meaning_spirituality'],
    goalsMoved: ['Volvió a su grupo de oración'],
    summary: 'Llamada breve: Riley está mejor después de una semana difícil y retomó su grupo.',
    nextSteps: 'Próxima llamada el jueves.',
  });

  // Coming sessions.
  const nextAt = (days: number, hour: number) =>
    DateTime.now().setZone(TIMEZONE).plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO() as string;
  await scheduleSession({
    db: tx,
    actor: actor('jordan'),
    relationshipId: relationshipOf('robin'),
    input: { scheduledAt: nextAt(2, 18), durationMinutes: 45, contactType: 'in_person', location: 'Lakeside Recovery Center, room 2' },
  });
  await scheduleSession({
    db: tx,
    actor: actor('casey'),
    relationshipId: relationshipOf('taylor'),
    input: { scheduledAt: nextAt(4, 19), durationMinutes: 30, contactType: 'video', videoUrl: 'https://meet.example.org/demo-taylor' },
  });

  // A short thread between Robin and Jordan.
  const thread = [
    ['robin', 'Hi Jordan, I called the housing place today. They have a waiting list but I am on it!'],
    ['jordan', 'That is a big step, Robin. Proud of you. How are you feeling about it?'],
    ['robin', 'Nervous but OK. See you Thursday.'],
  ] as const;
  const conversation = await openConversation({ db: tx, actor: actor('robin'), kind: 'coaching', withId: actor('jordan').userId });
  for (const [from, body] of thread) {
    await sendMessage({
      db: tx,
      actor: actor(from),
      id: conversation.body.id,
      body,
      request: { key: undefined, method: 'POST', path: `/api/messages/conversations/${conversation.body.id}/messages`, rawBody: { body } },
    });
  }

  // Taylor and Morgan keep each other accountable.
  const invited = await invitePartner({
    db: tx,
    actor: actor('taylor'),
    input: { inviteeId: actor('morgan').userId, scopes: ['checkins.summary', 'clock'], message: 'Want to keep each other going?' },
  });
  await acceptPartner({ db: tx, actor: actor('morgan'), id: invited.id, scopes: ['clock', 'checkins.summary'] });
}
