// The demo's past: about six weeks of check-ins per member (each with a pattern of its own, varied by a
// seeded random source so every seed is the same), recovery clocks with milestones and a non-shaming
// reset, BARC-10 results over time, meetings attended on the days they meet, a recovery plan and a
// safety plan (shared with the coach), and messages, some still unread. A newcomer signing in as any
// role then finds every page alive: trends with a line, a caseload with a risk flag, a home page with
// something to say. Writes go through the features' own functions; only what no service lets anyone
// backdate (when a check-in or a BARC-10 was made) is written by the owner's function, then dated.

import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AppContext } from '../server/context.ts';
import type { Db } from '../server/db/client.ts';
import { assessments } from '../server/db/schema/assessments.ts';
import { takeBarc10 } from '../server/features/assessments/assessments.service.ts';
import { upsertCheckin } from '../server/features/checkins/checkins.sql.ts';
import { createClock, resetClock } from '../server/features/clocks/clocks.service.ts';
import { openConversation, sendMessage } from '../server/features/messages/messages.service.ts';
import { codeTries } from '../server/features/my-meetings/my-meetings.codes.ts';
import { logAttendance } from '../server/features/my-meetings/my-meetings.service.ts';
import { saveOwnPlan } from '../server/features/plans/plans.service.ts';
import { saveOwnSafetyPlan } from '../server/features/plans/safety-plan.service.ts';
import type { Actor } from '../server/plugins/session.ts';
import type { ClockKind } from '../shared/contracts/clocks.ts';
import type { PlanContent } from '../shared/contracts/plans.ts';
import type { SafetyPlanContent } from '../shared/contracts/safety-plan.ts';
import { type PersonKey, TIMEZONE } from './demo-data.ts';

/** How many days of check-ins the demo's members have behind them. */
export const HISTORY_DAYS = 42;

/** A small seeded random source (mulberry32): the same seed gives the same demo every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));

/** One member's pattern: `daysAgo` 0 is today in the demo's zone. */
interface CheckinPattern {
  member: PersonKey;
  /** Mood (1–5) and craving (0–10) before noise, by how many days ago. */
  mood(daysAgo: number): number;
  craving(daysAgo: number): number;
  sleep: [number, number];
  /** Chance of a day without a check-in. */
  skip: number;
  /** Days ago with no check-in whatever the dice say (a gap the caseload notices). */
  gapUntil?: number;
  /** Days ago the member said they used. */
  used?: readonly number[];
  notes?: Readonly<Record<number, string>>;
  /** Today's answers exactly, when the story needs them (a craving the caseload must flag). */
  today?: { mood: number; craving: number };
}

const GRATITUDE = [
  'Coffee with my sister',
  'A good night of sleep',
  'My home group',
  'Walked by the lake',
  'Paid a bill on time',
  'Laughed at dinner',
  'My coach called back',
  'Sunshine on the way to work',
];

const CHECKIN_PATTERNS: readonly CheckinPattern[] = [
  {
    // Steady and improving; has not checked in yet today (her home page offers the button).
    member: 'robin',
    mood: (d) => 4.2 - d / 40,
    craving: (d) => 1 + d / 14,
    sleep: [6.5, 8],
    skip: 0.08,
    gapUntil: 0,
    notes: { 9: 'Hard day at work, went to a meeting instead of the bar.', 3: 'Called the housing collaborative.' },
  },
  {
    // Fine for weeks, then cravings climbing since moving into the sober house: the caseload flags it.
    member: 'morgan',
    mood: (d) => (d > 7 ? 3.6 : 2.4),
    craving: (d) => (d > 7 ? 3 : 8 - d / 3),
    sleep: [4.5, 7],
    skip: 0.1,
    today: { mood: 2, craving: 9 },
    notes: { 0: 'New roommate drinks. Craving hard tonight.', 2: 'Could not sleep. Thought about using.' },
  },
  {
    // Ups and downs, weekends harder.
    member: 'taylor',
    mood: (d) => (DateTime.now().setZone(TIMEZONE).minus({ days: d }).weekday >= 6 ? 2.8 : 3.8),
    craving: (d) => (DateTime.now().setZone(TIMEZONE).minus({ days: d }).weekday >= 6 ? 5 : 3),
    sleep: [5.5, 8.5],
    skip: 0.15,
    used: [19],
  },
  {
    // Checked in most days, then stopped four days ago (the break-glass story): "no check-in" flag.
    member: 'riley',
    mood: () => 3.2,
    craving: () => 3,
    sleep: [6, 8],
    skip: 0.12,
    gapUntil: 3,
  },
  { member: 'jordan', mood: () => 4.3, craving: () => 0.6, sleep: [7, 8.5], skip: 0.2 },
  { member: 'alex', mood: () => 3.9, craving: () => 1, sleep: [6, 7.5], skip: 0.35 },
  { member: 'drew', mood: () => 4, craving: () => 1.2, sleep: [6.5, 8], skip: 0.3 },
  { member: 'parker', mood: () => 3.7, craving: () => 1.5, sleep: [6, 8], skip: 0.4 },
  { member: 'kai', mood: (d) => 2.8 + (HISTORY_DAYS - d) / 60, craving: () => 5, sleep: [5, 7.5], skip: 0.45 },
];

const CLOCKS: readonly {
  member: PersonKey;
  label: string;
  kind: ClockKind;
  goal?: string;
  daysAgo: number;
  /** An earlier run that ended `daysAgo` days ago after this many days. */
  earlierRun?: number;
}[] = [
  { member: 'robin', label: 'Alcohol-free', kind: 'abstinence', daysAgo: 97, earlierRun: 41 },
  { member: 'robin', label: 'No cigarettes', kind: 'abstinence', daysAgo: 8 },
  { member: 'morgan', label: 'Opioid-free', kind: 'abstinence', daysAgo: 47, earlierRun: 130 },
  { member: 'taylor', label: 'Recovery', kind: 'recovery', daysAgo: 190 },
  {
    member: 'taylor',
    label: 'Weekends with a plan',
    kind: 'harm_reduction',
    goal: 'No more than two drinks, never alone',
    daysAgo: 30,
  },
  { member: 'riley', label: 'Sobriedad', kind: 'abstinence', daysAgo: 62 },
  { member: 'jordan', label: 'Clean time', kind: 'recovery', daysAgo: 3296 },
  { member: 'alex', label: 'Sober', kind: 'abstinence', daysAgo: 1130 },
  { member: 'drew', label: 'Sober', kind: 'abstinence', daysAgo: 1460 },
  { member: 'parker', label: 'Sober', kind: 'abstinence', daysAgo: 400 },
  { member: 'kai', label: 'Fresh start', kind: 'harm_reduction', goal: 'Only on weekends, and never alone', daysAgo: 19 },
];

/** BARC-10 answers (1–6 each) taken weeks ago: recovery capital rising, or (Morgan) slipping lately. */
const BARC10: readonly { member: PersonKey; weeksAgo: number; level: number }[] = [
  { member: 'robin', weeksAgo: 6, level: 3.6 },
  { member: 'robin', weeksAgo: 4, level: 4.1 },
  { member: 'robin', weeksAgo: 2, level: 4.6 },
  { member: 'robin', weeksAgo: 0, level: 5 },
  { member: 'morgan', weeksAgo: 5, level: 4.6 },
  { member: 'morgan', weeksAgo: 1, level: 3.7 },
  { member: 'taylor', weeksAgo: 5, level: 4 },
  { member: 'taylor', weeksAgo: 1, level: 4.4 },
  { member: 'riley', weeksAgo: 3, level: 4.2 },
];

/** Who goes to which of the demo's meetings (by name), and how often they make it. */
const ATTENDANCE: readonly { member: PersonKey; meeting: string; chance: number }[] = [
  { member: 'robin', meeting: 'Daily Reflections', chance: 0.55 },
  { member: 'robin', meeting: 'Hope on Halsted', chance: 0.8 },
  { member: 'morgan', meeting: 'Hope on Halsted', chance: 0.5 },
  { member: 'taylor', meeting: 'SMART Recovery Chicago', chance: 0.85 },
  { member: 'riley', meeting: 'Nuevo Amanecer', chance: 0.7 },
  { member: 'jordan', meeting: 'Kinship Peer Circle', chance: 0.9 },
];

const ROBIN_PLAN: PlanContent = {
  goals: [
    {
      id: 'housing',
      domain: 'housing',
      title: 'A place of my own before the lease ends',
      status: 'in_progress',
      targetDate: DateTime.now().setZone(TIMEZONE).plus({ months: 4 }).toISODate(),
      steps: [
        { id: 'call', text: 'Call the housing collaborative', done: true },
        { id: 'papers', text: 'Gather pay stubs and ID', done: false },
        { id: 'budget', text: 'Go to the budgeting workshop', done: false },
      ],
    },
    {
      id: 'meetings',
      domain: 'community',
      title: 'Three meetings a week',
      status: 'in_progress',
      meetingsPerWeek: 3,
      steps: [{ id: 'home-group', text: 'Keep Hope on Halsted as my home group', done: true }],
    },
    {
      id: 'health',
      domain: 'physical_health',
      title: 'Sleep and eat like I matter',
      status: 'not_started',
      steps: [{ id: 'doctor', text: 'Book a check-up', done: false }],
    },
  ],
  triggers: [
    { id: 'payday', text: 'Friday paydays', copingIds: ['plan-evening', 'call'] },
    { id: 'conflict', text: 'Arguments with my ex', copingIds: ['walk', 'call'] },
  ],
  copingStrategies: [
    { id: 'plan-evening', text: 'Plan Friday evening ahead: a meeting, then dinner with Avery' },
    { id: 'walk', text: 'A walk by the lake before answering' },
    { id: 'call', text: 'Call Jordan or my sister' },
  ],
  supportPeople: [
    { id: 'avery', name: 'Avery', relationship: 'Sister', phone: '(312) 555-0142' },
    { id: 'jordan', name: 'Jordan', relationship: 'Peer coach', phone: '(312) 555-0107' },
  ],
};

const ROBIN_SAFETY_PLAN: SafetyPlanContent = {
  warningSigns: ['Skipping meals and meetings', 'Staying in bed all weekend', 'Thinking "one drink will not matter"'],
  copingOnMyOwn: ['Shower and go for a walk', 'Play the playlist Avery made me', 'Write in my journal'],
  distractions: [{ name: 'Kinship Community Room' }, { name: 'Avery', phone: '(312) 555-0142' }],
  helpers: [
    { name: 'Avery (sister)', phone: '(312) 555-0142' },
    { name: 'Jordan (coach)', phone: '(312) 555-0107' },
  ],
  professionals: [{ name: 'Dr. Example, Lakeside Clinic', phone: '(312) 555-0199' }],
  safeEnvironment: ['No alcohol in the apartment', 'Give my car keys to Avery on hard nights'],
  mostImportant: 'Being there for my nephew.',
};

const TAYLOR_SAFETY_PLAN: SafetyPlanContent = {
  warningSigns: ['Cancelling plans', 'Scrolling all night'],
  copingOnMyOwn: ['Cold water on my face', 'Ten slow breaths'],
  distractions: [{ name: 'The climbing gym' }],
  helpers: [{ name: 'Quinn', phone: '(773) 555-0163' }],
  professionals: [{ name: 'Casey (coach)' }],
  safeEnvironment: ['Keep nothing in the house on weekends'],
  mostImportant: 'My cat and my band.',
};

/** Messages between people already linked (coaching or partners), oldest first; the last ones stay unread. */
const THREADS: readonly { kind: 'coaching' | 'partners'; a: PersonKey; b: PersonKey; lines: readonly [PersonKey, string][] }[] = [
  {
    kind: 'coaching',
    a: 'robin',
    b: 'jordan',
    lines: [['jordan', 'Saw you kept your streak going. Want to move Thursday to 6?']],
  },
  {
    kind: 'coaching',
    a: 'morgan',
    b: 'jordan',
    lines: [
      ['morgan', 'The new house is loud. Roommate drinks on the porch.'],
      ['jordan', 'Thanks for telling me. Can we talk tomorrow? Call me tonight if it gets heavy.'],
      ['morgan', 'OK. Tomorrow works.'],
    ],
  },
  {
    kind: 'coaching',
    a: 'taylor',
    b: 'casey',
    lines: [
      ['casey', '¿Cómo fue el fin de semana? How did the plan for Saturday go?'],
      ['taylor', 'Better than last time. Went climbing instead.'],
    ],
  },
  {
    kind: 'partners',
    a: 'taylor',
    b: 'morgan',
    lines: [
      ['taylor', 'Meeting tonight?'],
      ['morgan', 'Yes. Save me a seat.'],
    ],
  },
];

async function checkinsOf(tx: Db, actor: Actor, pattern: CheckinPattern, random: () => number) {
  const today = DateTime.now().setZone(TIMEZONE).startOf('day');
  for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo -= 1) {
    const roll = random();
    const noise = random() - 0.5;
    if (pattern.gapUntil !== undefined && daysAgo <= pattern.gapUntil) continue;
    // The latest two days are always there for the patterns the caseload shows (a flag needs them).
    if (daysAgo > 1 && roll < pattern.skip) continue;
    const [sleepLow, sleepHigh] = pattern.sleep;
    const used = pattern.used?.includes(daysAgo) ?? false;
    await upsertCheckin(
      tx,
      {
        userId: actor.userId,
        localDate: today.minus({ days: daysAgo }).toISODate() as string,
        mood: daysAgo === 0 && pattern.today ? pattern.today.mood : clamp(pattern.mood(daysAgo) + noise * 1.6, 1, 5),
        craving: daysAgo === 0 && pattern.today ? pattern.today.craving : clamp(pattern.craving(daysAgo) + noise * 2.4, 0, 10),
        sleepHours: Math.round((sleepLow + random() * (sleepHigh - sleepLow)) * 2) / 2,
        used: used ? 'yes' : 'no',
        substances: used ? ['alcohol'] : [],
        gratitude: random() < 0.4 ? (GRATITUDE[Math.floor(random() * GRATITUDE.length)] ?? null) : null,
        note: pattern.notes?.[daysAgo] ?? null,
        backfilled: false,
      },
      true,
    );
  }
}

async function message(tx: Db, from: Actor, conversationId: string, body: string) {
  const path = `/api/messages/conversations/${conversationId}`;
  await sendMessage({
    db: tx,
    actor: from,
    id: conversationId,
    body,
    request: { key: undefined, method: 'POST', path, rawBody: { body } },
  });
}

/** A demo meeting as seeded: its id, name and weekday (0 = Sunday; null: by appointment). */
export interface SeededMeeting {
  id: string;
  name: string;
  day: number | null;
}

export async function seedHistory(tx: Db, ctx: AppContext, actor: (key: PersonKey) => Actor, meetings: readonly SeededMeeting[]) {
  const random = seededRandom(20_261_207);
  const now = new Date();
  // Calendar days in the demo's zone (a clock started 97 days ago shows 97 days across a DST change).
  const daysAgo = (days: number) => DateTime.fromJSDate(now).setZone(TIMEZONE).minus({ days }).toJSDate();

  for (const pattern of CHECKIN_PATTERNS) await checkinsOf(tx, actor(pattern.member), pattern, random);

  for (const clock of CLOCKS) {
    const start = clock.earlierRun ? daysAgo(clock.daysAgo + clock.earlierRun) : daysAgo(clock.daysAgo);
    const created = await createClock({
      db: tx,
      actor: actor(clock.member),
      input: { label: clock.label, kind: clock.kind, goal: clock.goal ?? null, startedAt: start.toISOString() },
      now,
    });
    if (clock.earlierRun) {
      await resetClock({ db: tx, actor: actor(clock.member), id: created.id, restartedAt: daysAgo(clock.daysAgo).toISOString(), now });
    }
  }

  for (const taken of BARC10) {
    const answers = Array.from({ length: 10 }, () => clamp(taken.level + (random() - 0.5) * 1.8, 1, 6));
    const row = await takeBarc10({ db: tx, actor: actor(taken.member), answers });
    // Taken weeks ago: no service backdates a result, so the owner's row is dated after it is written.
    await tx
      .update(assessments)
      .set({ takenAt: daysAgo(taken.weeksAgo * 7 + 1) })
      .where(and(eq(assessments.id, row.id), eq(assessments.userId, actor(taken.member).userId)));
  }

  const tries = codeTries(10, 15 * 60_000);
  for (const { member, meeting, chance } of ATTENDANCE) {
    // A meeting with several weekdays is one record per day: "I went" only to one that met that day.
    if (!meetings.some((m) => m.name === meeting)) throw new Error(`no demo meeting ${meeting}`);
    for (let back = HISTORY_DAYS - 1; back >= 1; back -= 1) {
      const day = DateTime.now().setZone(TIMEZONE).minus({ days: back }).set({ hour: 22 });
      const meetingId = meetings.find((m) => m.name === meeting && m.day === day.weekday % 7)?.id;
      if (!meetingId || random() >= chance) continue;
      // "I went", said that evening.
      await logAttendance({ db: tx, actor: actor(member), input: { meetingId }, tries, now: day.toUTC() });
    }
  }

  const robin = actor('robin');
  const firstPlan = { ...ROBIN_PLAN, goals: ROBIN_PLAN.goals.slice(0, 2) };
  await saveOwnPlan({ db: tx, actor: robin, content: firstPlan, baseVersion: 0 });
  await saveOwnPlan({ db: tx, actor: robin, content: ROBIN_PLAN, baseVersion: 1 });
  await saveOwnSafetyPlan({ db: tx, actor: robin, organization: ctx.organization, content: ROBIN_SAFETY_PLAN, baseVersion: 0 });
  await saveOwnSafetyPlan({ db: tx, actor: actor('taylor'), organization: ctx.organization, content: TAYLOR_SAFETY_PLAN, baseVersion: 0 });

  for (const thread of THREADS) {
    const opened = await openConversation({ db: tx, actor: actor(thread.a), kind: thread.kind, withId: actor(thread.b).userId });
    for (const [from, body] of thread.lines) await message(tx, actor(from), opened.body.id, body);
  }
}
