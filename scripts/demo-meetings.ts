// The meetings part of the demo: the organization's own groups across fellowships (in person, online,
// hybrid, by appointment) around Chicago, two events with RSVPs, a coach volunteering as a
// first-meeting buddy, and members' saved meetings (attendance is in demo-history.ts). Everything goes
// through the same service functions the app uses.

import { DateTime } from 'luxon';
import type { AppContext } from '../server/context.ts';
import type { Db } from '../server/db/client.ts';
import { volunteer } from '../server/features/buddies/buddies.service.ts';
import { answerGoing } from '../server/features/events/events.rsvp.ts';
import { createEvent } from '../server/features/events/events.service.ts';
import { saveMeeting } from '../server/features/my-meetings/my-meetings.service.ts';
import { createOwnMeeting } from '../server/features/own-meetings/own-meetings.public.ts';
import type { Actor } from '../server/plugins/session.ts';
import { type OwnMeetingInput, ownMeetingInputSchema } from '../shared/contracts/own-meetings.ts';
import { type PersonKey, TIMEZONE } from './demo-data.ts';
import type { SeededMeeting } from './demo-history.ts';

const place = (location: string, address: string, latitude: number, longitude: number, region: string) => ({
  location,
  address,
  city: 'Chicago',
  state: 'IL',
  postalCode: null,
  country: 'US',
  latitude,
  longitude,
  regions: [region],
});
const online = { conferenceUrl: 'https://meet.example.org/kinship-demo', conferenceUrlNotes: 'Cameras optional.' };

export const DEMO_MEETINGS: readonly OwnMeetingInput[] = [
  ...[1, 3, 5].map((day) => ({
    name: 'Daily Reflections',
    fellowship: 'AA',
    day,
    time: '07:00',
    endTime: '08:00',
    timezone: TIMEZONE,
    attendanceMode: 'in_person' as const,
    types: ['O', 'D', 'X'],
    ...place('Kinship Community Room', '1200 W Lake St', 41.8857, -87.6582, 'West Loop'),
  })),
  {
    name: 'Hope on Halsted',
    fellowship: 'NA',
    day: 2,
    time: '19:00',
    endTime: '20:30',
    timezone: TIMEZONE,
    attendanceMode: 'hybrid',
    types: ['O', 'X', 'XB'],
    ...place('Halsted Church Hall', '3200 N Halsted St', 41.9405, -87.6493, 'Lakeview'),
    ...online,
  },
  {
    name: 'SMART Recovery Chicago',
    fellowship: 'SMART Recovery',
    day: 4,
    time: '18:30',
    endTime: '20:00',
    timezone: TIMEZONE,
    attendanceMode: 'online',
    types: ['O'],
    regions: ['Online'],
    ...online,
  },
  {
    name: 'Sunday Sangha',
    fellowship: 'Recovery Dharma',
    day: 0,
    time: '10:00',
    endTime: '11:30',
    timezone: TIMEZONE,
    attendanceMode: 'in_person',
    types: ['O', 'MED'],
    ...place('Pilsen Yoga Loft', '1800 S Halsted St', 41.8578, -87.6466, 'Pilsen'),
  },
  {
    name: 'Kinship Peer Circle',
    fellowship: 'Kinship',
    day: 6,
    time: '11:00',
    endTime: '12:00',
    timezone: TIMEZONE,
    attendanceMode: 'in_person',
    types: ['O', 'POA', 'X'],
    notes: 'Any pathway welcome. Ask the secretary for a proof-of-attendance code.',
    ...place('Kinship Community Room', '1200 W Lake St', 41.8857, -87.6582, 'West Loop'),
  },
  {
    name: 'Al-Anon Family Group',
    fellowship: 'Al-Anon',
    day: 3,
    time: '19:30',
    endTime: '20:30',
    timezone: TIMEZONE,
    attendanceMode: 'in_person',
    types: ['C'],
    ...place('Uptown Library Room B', '929 W Buena Ave', 41.9585, -87.6526, 'Uptown'),
  },
  {
    name: 'Nuevo Amanecer',
    fellowship: 'NA',
    day: 5,
    time: '20:00',
    endTime: '21:00',
    timezone: TIMEZONE,
    attendanceMode: 'in_person',
    types: ['S', 'O'],
    ...place('Centro Comunitario', '2700 S Kedzie Ave', 41.8425, -87.7052, 'Little Village'),
  },
  {
    name: 'Peer support by appointment',
    fellowship: 'Kinship',
    timezone: TIMEZONE,
    attendanceMode: 'online',
    regions: ['Online'],
    notes: 'Write to us and a peer coach will find a time with you.',
    ...online,
  },
];

const atLocal = (days: number, hour: number) =>
  DateTime.now().setZone(TIMEZONE).plus({ days }).set({ hour, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");

/** Seeds the meetings part and returns each own group as made, for the history's attendance. */
export async function seedMeetings(tx: Db, ctx: AppContext, actor: (key: PersonKey) => Actor): Promise<SeededMeeting[]> {
  const admin = actor('alex');
  const ids: string[] = [];
  for (const input of DEMO_MEETINGS)
    ids.push((await createOwnMeeting({ db: tx, actor: admin, input: ownMeetingInputSchema.parse(input) })).id);

  const coach = actor('jordan');
  const bowling = await createEvent({
    db: tx,
    actor: coach,
    input: {
      kind: 'social',
      title: 'Sober bowling night',
      description: 'Shoes are on us. Bring a friend in recovery, or come and make one.',
      startsAt: atLocal(10, 19),
      endsAt: atLocal(10, 21),
      timezone: TIMEZONE,
      location: 'Lucky Strike Lanes',
      address: '322 E Illinois St, Chicago',
      capacity: 20,
    },
  });
  const workshop = await createEvent({
    db: tx,
    actor: coach,
    input: {
      kind: 'workshop',
      title: 'Budgeting in early recovery',
      description: 'A practical hour on money, debt and the first paychecks, with a peer coach.',
      startsAt: atLocal(5, 18),
      endsAt: atLocal(5, 19),
      timezone: TIMEZONE,
      location: 'Kinship Community Room',
      address: '1200 W Lake St, Chicago',
      capacity: 12,
    },
  });
  for (const key of ['robin', 'taylor'] as const) await answerGoing({ ctx, actor: actor(key), eventId: bowling.id });
  await answerGoing({ ctx, actor: actor('morgan'), eventId: workshop.id });

  await volunteer({ db: tx, actor: coach, about: 'Happy to meet you outside and sit with you the first time.' });

  const idOf = (name: string) => ids[DEMO_MEETINGS.findIndex((m) => m.name === name)];
  const saved: readonly [PersonKey, string][] = [
    ['robin', 'Daily Reflections'],
    ['robin', 'Hope on Halsted'],
    ['morgan', 'Hope on Halsted'],
    ['taylor', 'SMART Recovery Chicago'],
    ['riley', 'Nuevo Amanecer'],
    ['jordan', 'Kinship Peer Circle'],
  ];
  for (const [key, name] of saved) {
    const meetingId = idOf(name);
    if (meetingId) await saveMeeting({ db: tx, actor: actor(key), meetingId });
  }
  return DEMO_MEETINGS.map((m, index) => ({ id: ids[index] as string, name: m.name, day: m.day ?? null }));
}
