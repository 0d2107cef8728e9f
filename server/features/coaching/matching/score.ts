import { GENDERS, PREFERENCE_KEYS, type PreferenceKey, SPECIALTIES } from '../../../../shared/contracts/coaching-base.ts';
import { RECOVERY_PATHWAYS } from '../../../../shared/contracts/people.ts';
import type { MatchCoach, MatchMember, PairScore, ScoreComponent } from './matching.types.ts';
import { overlapMinutes, type ReferenceWeek, referenceWeek, weeklyIntervals } from './weekly-times.ts';

/**
 * How well a coach fits a waiting member, in whole points a supervisor can check by hand.
 *
 * | component   | max | earns                                                                 | as a hard requirement                         |
 * | ----------- | --- | --------------------------------------------------------------------- | --------------------------------------------- |
 * | gender      |  20 | all, when the coach's gender is one the member named                  | the coach's gender is one of them             |
 * | language    |  25 | all, when the coach speaks one of the member's languages (es-MX = es) | the coach speaks at least one                 |
 * | pathway     |  20 | all, when the coach knows one of the member's pathways                | the coach knows at least one                  |
 * | specialties |  20 | 20 × share of the member's specialties the coach has, rounded down    | the coach has every one                       |
 * | times       |  15 | 15 × weekly overlap / 180 min (full marks at 3 h), rounded down       | at least 60 min of weekly overlap             |
 * | named_coach |  40 | all, for the one coach the member asked for by name; 0 for the others | –                                             |
 * | waiting     |  30 | 1 per whole day waited, at most 30; the same with every coach         | –                                             |
 *
 * A wish not met earns 0, never less; a preference the member left empty is not listed. A hard
 * requirement not met makes the pair infeasible, and the result lists every requirement missed.
 * Waiting adds the same points to each of the member's pairs, so it does not change which coach
 * suits a member best; it decides who gets a seat when seats are scarce. Languages compare primary
 * subtags (es-MX matches es). Times are compared as instants in a reference week (weekly-times.ts).
 * A coach with no free seat is scored like any other; only the assignment leaves them out.
 */
export const POINTS = {
  gender: 20,
  language: 25,
  pathway: 20,
  specialties: 20,
  times: 15,
  named_coach: 40,
  waiting: 30,
} as const;
/** Weekly overlap for full marks on times. */
export const TIMES_FULL_MARKS_MINUTES = 180;
/** Weekly overlap a required `times` needs. */
export const TIMES_REQUIRED_MINUTES = 60;
export const WAITING_POINTS_PER_DAY = 1;
/** The most one pair can earn. */
export const MAX_PAIR_POINTS = Object.values(POINTS).reduce((sum, points) => sum + points, 0);

export interface MatchOptions {
  /** Any day (`YYYY-MM-DD`) of the week weekly times are read in; default the coming week (weekly-times.ts). */
  referenceDate?: string;
}

/** One bit per preference key, in PREFERENCE_KEYS order (gender 1, language 2, pathway 4, specialties 8, times 16). */
export const KEY_BIT: Record<PreferenceKey, number> = { gender: 1, language: 2, pathway: 4, specialties: 8, times: 16 };

const bitsOf = <T extends string>(vocabulary: readonly T[]) => new Map(vocabulary.map((word, index) => [word as string, 1 << index]));
const GENDER_BIT = bitsOf(GENDERS);
const PATHWAY_BIT = bitsOf(RECOVERY_PATHWAYS);
const SPECIALTY_BIT = bitsOf(SPECIALTIES);
const maskOf = (bits: Map<string, number>, words: readonly string[]) => words.reduce((mask, word) => mask | (bits.get(word) ?? 0), 0);
/** The primary subtag: `es-MX` → `es`. */
const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split('-')[0] ?? '';

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
}

/** A member's preferences in the shape scoring reads fast (masks, primary subtags, absolute minutes). */
export interface PreparedMember {
  member: MatchMember;
  /** Bits of the stated preferences, and of those that are hard requirements. */
  stated: number;
  required: number;
  genders: number;
  languages: string[];
  pathways: number;
  specialties: number;
  specialtyCount: number;
  times: Float64Array;
  waitingPoints: number;
}

export interface PreparedCoach {
  coach: MatchCoach;
  gender: number;
  languages: Set<string>;
  pathways: number;
  specialties: number;
  times: Float64Array;
}

export function prepareMember(member: MatchMember, week: ReferenceWeek): PreparedMember {
  const { preferences: p } = member;
  let stated = 0;
  let required = 0;
  for (const key of PREFERENCE_KEYS) {
    const preference = p[key];
    if (!preference) continue;
    stated |= KEY_BIT[key];
    if (preference.required) required |= KEY_BIT[key];
  }
  const specialties = maskOf(SPECIALTY_BIT, p.specialties?.value ?? []);
  const days = Number.isFinite(member.waitingDays) ? Math.max(0, Math.floor(member.waitingDays)) : 0;
  return {
    member,
    stated,
    required,
    genders: maskOf(GENDER_BIT, p.gender?.value ?? []),
    languages: [...new Set((p.language?.value ?? []).map(primaryLanguage))],
    pathways: maskOf(PATHWAY_BIT, p.pathway?.value ?? []),
    specialties,
    specialtyCount: bitCount(specialties),
    times: p.times ? weeklyIntervals(week, p.timezone, p.times.value, [0]) : new Float64Array(0),
    waitingPoints: Math.min(POINTS.waiting, days * WAITING_POINTS_PER_DAY),
  };
}

export function prepareCoach(coach: MatchCoach, week: ReferenceWeek): PreparedCoach {
  return {
    coach,
    gender: coach.gender ? (GENDER_BIT.get(coach.gender) ?? 0) : 0,
    languages: new Set(coach.languages.map(primaryLanguage)),
    pathways: maskOf(PATHWAY_BIT, coach.pathways),
    specialties: maskOf(SPECIALTY_BIT, coach.specialties),
    times: weeklyIntervals(week, coach.timezone, coach.availability, [-1, 0, 1]),
  };
}

const speaksOne = (m: PreparedMember, c: PreparedCoach) => m.languages.some((language) => c.languages.has(language));
const specialtyPoints = (covered: number, asked: number) => (asked ? Math.floor((POINTS.specialties * covered) / asked) : 0);
const timesPoints = (overlap: number) =>
  Math.floor((POINTS.times * Math.min(overlap, TIMES_FULL_MARKS_MINUTES)) / TIMES_FULL_MARKS_MINUTES);
const isNamed = (m: PreparedMember, c: PreparedCoach) =>
  m.member.requestedCoachId !== null && m.member.requestedCoachId === c.coach.coachId;

/**
 * The fast path the assignment runs on every pair: the total when feasible (≥ 0), otherwise minus the
 * bits of the requirements missed (< 0). Same rules as `explainPair`, without building the explanation.
 */
export function evaluatePair(m: PreparedMember, c: PreparedCoach): number {
  let total = m.waitingPoints;
  let unmet = 0;
  if (m.stated & KEY_BIT.gender) {
    if (m.genders & c.gender) total += POINTS.gender;
    else unmet |= m.required & KEY_BIT.gender;
  }
  if (m.stated & KEY_BIT.language) {
    if (speaksOne(m, c)) total += POINTS.language;
    else unmet |= m.required & KEY_BIT.language;
  }
  if (m.stated & KEY_BIT.pathway) {
    if (m.pathways & c.pathways) total += POINTS.pathway;
    else unmet |= m.required & KEY_BIT.pathway;
  }
  if (m.stated & KEY_BIT.specialties) {
    const covered = bitCount(m.specialties & c.specialties);
    total += specialtyPoints(covered, m.specialtyCount);
    if (covered < m.specialtyCount) unmet |= m.required & KEY_BIT.specialties;
  }
  if (m.stated & KEY_BIT.times) {
    const overlap = overlapMinutes(m.times, c.times, TIMES_FULL_MARKS_MINUTES);
    total += timesPoints(overlap);
    if (overlap < TIMES_REQUIRED_MINUTES) unmet |= m.required & KEY_BIT.times;
  }
  if (isNamed(m, c)) total += POINTS.named_coach;
  return unmet ? -unmet : total;
}

/** The pair's score with every component spelled out (or every requirement missed). */
export function explainPair(m: PreparedMember, c: PreparedCoach, week: ReferenceWeek): PairScore {
  const { preferences: p } = m.member;
  const { coach } = c;
  const components: ScoreComponent[] = [];
  const unmet: PreferenceKey[] = [];
  const add = (key: PreferenceKey, met: boolean, points: number, detail: Record<string, unknown>) => {
    const required = (m.required & KEY_BIT[key]) !== 0;
    if (required && !met) unmet.push(key);
    components.push({ key, required, points, maxPoints: POINTS[key], detail });
  };
  if (p.gender) {
    const met = (m.genders & c.gender) !== 0;
    add('gender', met, met ? POINTS.gender : 0, { asked: p.gender.value, offered: coach.gender, matched: met });
  }
  if (p.language) {
    const matched = p.language.value.filter((tag) => c.languages.has(primaryLanguage(tag)));
    const met = speaksOne(m, c);
    add('language', met, met ? POINTS.language : 0, { asked: p.language.value, offered: coach.languages, matched });
  }
  if (p.pathway) {
    const matched = p.pathway.value.filter((pathway) => coach.pathways.includes(pathway));
    const met = (m.pathways & c.pathways) !== 0;
    add('pathway', met, met ? POINTS.pathway : 0, { asked: p.pathway.value, offered: coach.pathways, matched });
  }
  if (p.specialties) {
    const matched = p.specialties.value.filter((specialty) => coach.specialties.includes(specialty));
    const covered = bitCount(m.specialties & c.specialties);
    add('specialties', covered >= m.specialtyCount, specialtyPoints(covered, m.specialtyCount), {
      asked: p.specialties.value,
      offered: coach.specialties,
      matched,
    });
  }
  if (p.times) {
    const overlap = overlapMinutes(m.times, c.times, Number.POSITIVE_INFINITY);
    add('times', overlap >= TIMES_REQUIRED_MINUTES, timesPoints(overlap), {
      overlapMinutes: overlap,
      requiredMinutes: TIMES_REQUIRED_MINUTES,
      fullMarksMinutes: TIMES_FULL_MARKS_MINUTES,
      memberTimezone: p.timezone,
      coachTimezone: coach.timezone,
      weekOf: week.monday,
    });
  }
  if (unmet.length) return { feasible: false, unmet };
  if (m.member.requestedCoachId !== null) {
    const named = isNamed(m, c);
    components.push({
      key: 'named_coach',
      required: false,
      points: named ? POINTS.named_coach : 0,
      maxPoints: POINTS.named_coach,
      detail: { thisCoach: named },
    });
  }
  components.push({
    key: 'waiting',
    required: false,
    points: m.waitingPoints,
    maxPoints: POINTS.waiting,
    detail: { days: m.member.waitingDays, pointsPerDay: WAITING_POINTS_PER_DAY, capDays: POINTS.waiting / WAITING_POINTS_PER_DAY },
  });
  return { feasible: true, total: components.reduce((sum, component) => sum + component.points, 0), components };
}

/** How well `coach` fits `member`, component by component (see the table above). */
export function scorePair(member: MatchMember, coach: MatchCoach, options: MatchOptions = {}): PairScore {
  const week = referenceWeek(options.referenceDate);
  return explainPair(prepareMember(member, week), prepareCoach(coach, week), week);
}
