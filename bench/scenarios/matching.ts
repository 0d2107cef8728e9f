import { greedyAssignment, suggestAssignment } from '../../server/features/coaching/matching/assign.ts';
import type { MatchCoach, MatchMember } from '../../server/features/coaching/matching/matching.types.ts';
import type { CoachingPreferences, Gender, Specialty, WeeklySlot } from '../../shared/contracts/coaching-base.ts';
import type { RecoveryPathway } from '../../shared/contracts/people.ts';
import type { BenchContext, Scenario } from '../lib/types.ts';

/**
 * A supervisor presses "suggest matches" with 2,000 members waiting and 300 coaches: the optimal
 * assignment (assign.ts) timed against the best-pair-first greedy baseline on the same input, and
 * how much more total fit it finds. Pure computation, no server or database. Two seat supplies:
 * `matching` (5–10 seats a coach, more seats than members) and `matching.scarce` (2–8, fewer).
 */
const MEMBERS = 2000;
const COACHES = 300;
const RUNS = 5;
const GOAL_SECONDS = 2;
/** The week US clocks spring forward (Sunday 8 March 2026), so the daylight-saving path is part of what is timed. */
const REFERENCE_DATE = '2026-03-02';

/** mulberry32: small, fast, and the same numbers on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof prng>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** Picks by weight: [[item, weight], …]. */
function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const sum = table.reduce((total, [, weight]) => total + weight, 0);
  let roll = random() * sum;
  for (const [item, weight] of table) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}
function some<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

const ZONES = [
  ['America/New_York', 40],
  ['America/Chicago', 25],
  ['America/Denver', 10],
  ['America/Los_Angeles', 22],
  ['America/Phoenix', 3],
] as const;
const GENDER_SHARE = [
  ['woman', 48],
  ['man', 45],
  ['non_binary', 5],
  ['another', 2],
] as const satisfies readonly (readonly [Gender, number])[];
const PATHWAYS: RecoveryPathway[] = [
  'twelve_step',
  'smart_recovery',
  'recovery_dharma',
  'celebrate_recovery',
  'medication_assisted',
  'harm_reduction',
  'secular',
];
const SPECIALTIES: Specialty[] = [
  'opioids',
  'alcohol',
  'stimulants',
  'young_adults',
  'lgbtq_affirming',
  'faith_based',
  'parents',
  'veterans',
  'justice_involved',
];
const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** A few windows a week: weekday evenings, lunchtimes, weekend mornings. */
function weeklySlots(random: Random, count: number): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    const day = kind < 0.7 ? 1 + Math.floor(random() * 5) : 6 + Math.floor(random() * 2);
    const start = kind < 0.5 ? 17 + Math.floor(random() * 3) : kind < 0.7 ? 11 + Math.floor(random() * 2) : 9 + Math.floor(random() * 4);
    slots.push({ day, start: clock(start), end: clock(Math.min(24, start + 1 + Math.floor(random() * 3))) });
  }
  return slots;
}

function synthesize(seatRange: readonly [number, number]): { members: MatchMember[]; coaches: MatchCoach[] } {
  const random = prng(20_261_126);
  const coaches: MatchCoach[] = Array.from({ length: COACHES }, (_, i) => {
    const languages = ['en'];
    if (random() < 0.22) languages.push(random() < 0.5 ? 'es' : 'es-MX');
    if (random() < 0.04) languages.push(pick(random, ['vi', 'zh', 'ht', 'fr']));
    if (random() < 0.03) languages.splice(0, 1, 'es');
    return {
      coachId: `coach-${i}`,
      freeSeats: seatRange[0] + Math.floor(random() * (seatRange[1] - seatRange[0] + 1)),
      gender: random() < 0.05 ? null : weighted(random, GENDER_SHARE),
      languages,
      pathways: some(random, PATHWAYS, 1 + Math.floor(random() * 3)),
      specialties: some(random, SPECIALTIES, 1 + Math.floor(random() * 4)),
      timezone: weighted(random, ZONES),
      availability: weeklySlots(random, 4 + Math.floor(random() * 8)),
    };
  });
  const members: MatchMember[] = Array.from({ length: MEMBERS }, (_, i) => {
    // Most state a few wishes; half are strict and make some of them musts, so about 30% carry a hard requirement.
    const strict = random() < 0.5;
    const must = (share: number) => strict && random() < share;
    const spanish = random() < 0.25;
    const preferences: CoachingPreferences = {
      gender: random() < 0.45 ? { value: [weighted(random, GENDER_SHARE)], required: must(0.45) } : null,
      language:
        spanish || random() < 0.15
          ? {
              value: spanish ? (random() < 0.4 ? ['es'] : ['es-MX', 'en']) : [pick(random, ['en', 'vi', 'zh'])],
              required: must(spanish ? 0.6 : 0.2),
            }
          : null,
      pathway: random() < 0.5 ? { value: some(random, PATHWAYS, 1 + Math.floor(random() * 2)), required: must(0.2) } : null,
      specialties: random() < 0.5 ? { value: some(random, SPECIALTIES, 1 + Math.floor(random() * 2)), required: must(0.15) } : null,
      times: random() < 0.6 ? { value: weeklySlots(random, 1 + Math.floor(random() * 4)), required: must(0.35) } : null,
      timezone: weighted(random, ZONES),
    };
    return {
      requestId: `request-${i}`,
      memberId: `member-${i}`,
      preferences,
      waitingDays: Math.floor(random() * 61),
      requestedCoachId: random() < 0.03 ? `coach-${Math.floor(random() * COACHES)}` : null,
    };
  });
  return { members, coaches };
}

const median = (values: number[]) => Math.round((values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number) * 1000) / 1000;

/** Median wall-clock and CPU seconds of RUNS calls after one warm-up call (CPU time is less swayed by a busy machine). */
function timed<T>(run: () => T): { seconds: number; cpuSeconds: number; result: T } {
  let result = run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(cpuStarted);
    wall.push((performance.now() - started) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { seconds: median(wall), cpuSeconds: median(cpu), result };
}

function measure(bench: BenchContext, scenario: string, seatRange: readonly [number, number]) {
  const { members, coaches } = synthesize(seatRange);
  const seats = coaches.reduce((sum, coach) => sum + coach.freeSeats, 0);
  bench.log(`${members.length} members waiting, ${coaches.length} coaches with ${seats} free seats`);
  const options = { referenceDate: REFERENCE_DATE };
  const optimal = timed(() => suggestAssignment(members, coaches, options));
  const greedy = timed(() => greedyAssignment(members, coaches, options));
  const matched = optimal.result.pairs.length;
  const greedyMatched = greedy.result.pairs.length;
  // Figures only count once the answer is sound: seats and feasibility hold, and greedy never wins.
  const taken = new Map<string, number>();
  for (const pair of optimal.result.pairs) taken.set(pair.coachId, (taken.get(pair.coachId) ?? 0) + 1);
  for (const coach of coaches) {
    if ((taken.get(coach.coachId) ?? 0) > coach.freeSeats) throw new Error(`${coach.coachId} got more members than seats`);
  }
  if (matched < greedyMatched || (matched === greedyMatched && optimal.result.total < greedy.result.total)) {
    throw new Error(`greedy did better: ${greedyMatched}/${greedy.result.total} against ${matched}/${optimal.result.total}`);
  }
  bench.report({
    scenario,
    members: members.length,
    coaches: coaches.length,
    seats,
    seconds: optimal.seconds,
    greedy_seconds: greedy.seconds,
    cpu_seconds: optimal.cpuSeconds,
    greedy_cpu_seconds: greedy.cpuSeconds,
    matched,
    greedy_matched: greedyMatched,
    total_score: optimal.result.total,
    greedy_total_score: greedy.result.total,
    score_ratio: Math.round((optimal.result.total / greedy.result.total) * 10_000) / 10_000,
    rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
    goal_seconds: GOAL_SECONDS,
  });
}

export const matching: Scenario = {
  name: 'matching',
  summary: `"suggest matches" for ${MEMBERS} waiting members and ${COACHES} coaches (no database): optimal vs greedy, time and total fit`,
  async run(bench) {
    measure(bench, 'matching', [5, 10]);
    measure(bench, 'matching.scarce', [2, 8]);
  },
};
