import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENDERS, PREFERENCE_KEYS, type PreferenceKey, type WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';
import { greedyAssignment, suggestAssignment } from './assign.ts';
import type { Assignment, MatchCoach, MatchMember } from './matching.types.ts';
import { scorePair } from './score.ts';

const WEEK = { referenceDate: '2026-01-05' };

function member(id: string, extra: Partial<MatchMember> = {}, preferences: Partial<MatchMember['preferences']> = {}): MatchMember {
  return {
    requestId: `request-${id}`,
    memberId: `member-${id}`,
    preferences: {
      gender: null,
      language: null,
      pathway: null,
      specialties: null,
      times: null,
      timezone: 'America/Chicago',
      ...preferences,
    },
    waitingDays: 0,
    requestedCoachId: null,
    ...extra,
  };
}
function coach(id: string, extra: Partial<MatchCoach> = {}): MatchCoach {
  return {
    coachId: `coach-${id}`,
    freeSeats: 1,
    gender: 'woman',
    languages: ['en'],
    pathways: [],
    specialties: [],
    timezone: 'America/Chicago',
    availability: [],
    ...extra,
  };
}
const pairsOf = (assignment: Assignment) => Object.fromEntries(assignment.pairs.map((pair) => [pair.memberId, pair.coachId]));

describe('suggestAssignment', () => {
  it('gives a scarce seat to the member who has waited longer', () => {
    const result = suggestAssignment([member('a', { waitingDays: 3 }), member('b', { waitingDays: 20 })], [coach('1')], WEEK);
    expect(pairsOf(result)).toEqual({ 'member-b': 'coach-1' });
    expect(result.total).toBe(20);
    expect(result.unmatched).toEqual([{ requestId: 'request-a', memberId: 'member-a', reason: 'no_free_seat', feasibleCoaches: 1 }]);
  });

  it('finds the better whole where best-pair-first does not', () => {
    // a fits both coaches (Spanish coach a little better); b needs Spanish. Greedy gives a the Spanish coach and strands b.
    const a = member('a', {}, { language: { value: ['es', 'en'], required: false }, gender: { value: ['woman'], required: false } });
    const b = member('b', {}, { language: { value: ['es'], required: true } });
    const coaches = [coach('es', { languages: ['es'] }), coach('en', { languages: ['en'] })];
    const greedy = greedyAssignment([a, b], coaches, WEEK);
    expect(pairsOf(greedy)).toEqual({ 'member-a': 'coach-es' });
    const best = suggestAssignment([a, b], coaches, WEEK);
    expect(pairsOf(best)).toEqual({ 'member-a': 'coach-en', 'member-b': 'coach-es' });
    expect(best.total).toBe(45 + 25);
    expect(best.unmatched).toEqual([]);
  });

  it('prefers one more member matched over any gain in total fit', () => {
    const keen = member('keen', { waitingDays: 60, requestedCoachId: 'coach-1' }, { language: { value: ['en'], required: false } });
    const other = member('other', {}, { language: { value: ['en'], required: true } });
    const coaches = [coach('1', { freeSeats: 1 }), coach('2', { freeSeats: 1, languages: ['fr'] })];
    const result = suggestAssignment([keen, other], coaches, WEEK);
    expect(pairsOf(result)).toEqual({ 'member-keen': 'coach-2', 'member-other': 'coach-1' });
  });

  it('puts the member with the coach they asked for when that coach qualifies', () => {
    const asks = member('a', { requestedCoachId: 'coach-2' });
    const result = suggestAssignment([asks], [coach('1'), coach('2'), coach('3')], WEEK);
    expect(result.pairs).toMatchObject([{ coachId: 'coach-2', total: 40 }]);
    expect(result.pairs[0]?.components.map((c) => [c.key, c.points])).toEqual([
      ['named_coach', 40],
      ['waiting', 0],
    ]);
  });

  it('says per member which requirement no coach with a free seat could meet', () => {
    const picky = member('a', {}, { language: { value: ['es'], required: true }, gender: { value: ['man'], required: true } });
    const coaches = [
      coach('1', { gender: 'woman', languages: ['en'] }),
      coach('2', { gender: 'man', languages: ['en'] }),
      coach('3', { gender: 'woman', languages: ['es'] }),
      // Would qualify, but has no seat: not counted.
      coach('4', { gender: 'man', languages: ['es'], freeSeats: 0 }),
    ];
    const result = suggestAssignment([picky], coaches, WEEK);
    expect(result.pairs).toEqual([]);
    expect(result.unmatched).toEqual([
      { requestId: 'request-a', memberId: 'member-a', reason: 'no_feasible_coach', unmetBy: { gender: 2, language: 2 } },
    ]);
  });

  it('reports no free seat when no coach has one at all', () => {
    const result = suggestAssignment([member('a')], [coach('1', { freeSeats: 0 })], WEEK);
    expect(result).toEqual({
      pairs: [],
      total: 0,
      unmatched: [{ requestId: 'request-a', memberId: 'member-a', reason: 'no_free_seat', feasibleCoaches: 0 }],
    });
    expect(suggestAssignment([], [], WEEK)).toEqual({ pairs: [], unmatched: [], total: 0 });
  });

  it('never matches a coach with themself', () => {
    const result = suggestAssignment([member('x', { memberId: 'same-person' })], [coach('1', { coachId: 'same-person' })], WEEK);
    expect(result.pairs).toEqual([]);
    expect(result.unmatched[0]).toMatchObject({ reason: 'no_free_seat', feasibleCoaches: 0 });
  });

  it('fills every seat a coach has and no more, and gives the same answer for the same input', () => {
    const members = Array.from({ length: 7 }, (_, i) => member(String(i), { waitingDays: i }));
    const coaches = [coach('1', { freeSeats: 2 }), coach('2', { freeSeats: 3 })];
    const first = suggestAssignment(members, coaches, WEEK);
    expect(first.pairs.filter((p) => p.coachId === 'coach-1')).toHaveLength(2);
    expect(first.pairs.filter((p) => p.coachId === 'coach-2')).toHaveLength(3);
    expect(first.total).toBe(2 + 3 + 4 + 5 + 6);
    expect(suggestAssignment(members, coaches, WEEK)).toEqual(first);
  });
});

/* Random small instances against a brute-force optimum. */

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Pacific/Honolulu'];
const subset = <T>(items: readonly T[]) => fc.subarray([...items], { minLength: 1 });
/** Stated half the time; a hard requirement one time in four. */
const preference = <T>(value: fc.Arbitrary<T>) =>
  fc.option(fc.record({ value, required: fc.integer({ min: 0, max: 3 }).map((roll) => roll === 0) }), { nil: null, freq: 2 });
const slotArb: fc.Arbitrary<WeeklySlot> = fc
  .record({ day: fc.constantFrom(1, 2, 7), start: fc.constantFrom(8, 18, 22), hours: fc.integer({ min: 1, max: 3 }) })
  .map(({ day, start, hours }) => ({ day, start: `${start}:00`.padStart(5, '0'), end: `${Math.min(24, start + hours)}:00` }));
const LANGUAGES = ['en', 'es', 'es-mx', 'fr'];
const PATHWAYS = ['twelve_step', 'smart_recovery', 'secular'] as const;
const SPECIALTIES = ['opioids', 'alcohol', 'parents'] as const;

const coachArb = fc.record({
  freeSeats: fc.integer({ min: 0, max: 3 }),
  gender: fc.option(fc.constantFrom(...GENDERS), { nil: null, freq: 5 }),
  languages: subset(LANGUAGES),
  pathways: fc.subarray([...PATHWAYS]),
  specialties: fc.subarray([...SPECIALTIES]),
  timezone: fc.constantFrom(...ZONES),
  availability: fc.array(slotArb, { maxLength: 3 }),
});
const memberArb = fc.record({
  preferences: fc.record({
    gender: preference(subset(GENDERS)),
    language: preference(subset(LANGUAGES)),
    pathway: preference(subset(PATHWAYS)),
    specialties: preference(subset(SPECIALTIES)),
    times: preference(fc.array(slotArb, { minLength: 1, maxLength: 2 })),
    timezone: fc.constantFrom(...ZONES),
  }),
  waitingDays: fc.integer({ min: 0, max: 40 }),
  requestedCoachId: fc.option(fc.constantFrom('coach-0', 'coach-1', 'coach-9'), { nil: null, freq: 3 }),
});
/** Up to 6 members and 4 coaches with 0–3 seats each, drawn from a small vocabulary so requirements often clash. */
const instanceArb = fc
  .record({ coaches: fc.array(coachArb, { maxLength: 4 }), members: fc.array(memberArb, { maxLength: 6 }) })
  .map(({ coaches, members }) => ({
    coaches: coaches.map((c, i): MatchCoach => ({ ...c, coachId: `coach-${i}` })),
    members: members.map((m, i): MatchMember => ({ ...m, requestId: `request-${i}`, memberId: `member-${i}` })),
  }));

/** Each pair's total, or −1 when the pair cannot be matched (a requirement missed, or the coach has no seat). */
const scoreTable = (members: MatchMember[], coaches: MatchCoach[]) =>
  members.map((m) =>
    coaches.map((c) => {
      const result = scorePair(m, c, WEEK);
      return result.feasible && c.freeSeats > 0 ? result.total : -1;
    }),
  );

/** The best (matched, total) over every way of giving each member one coach with a seat, or none. */
function bruteForce(members: MatchMember[], coaches: MatchCoach[]) {
  const scores = scoreTable(members, coaches);
  const left = coaches.map((c) => c.freeSeats);
  let best = { matched: 0, total: 0 };
  const visit = (i: number, matched: number, total: number) => {
    if (i === members.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    visit(i + 1, matched, total);
    scores[i]?.forEach((score, c) => {
      if (score < 0 || !left[c]) return;
      left[c] = (left[c] as number) - 1;
      visit(i + 1, matched + 1, total + score);
      left[c] = (left[c] as number) + 1;
    });
  };
  visit(0, 0, 0);
  return best;
}

/**
 * A textbook min-cost max-flow (Bellman–Ford shortest paths on the whole member/coach graph, one unit at
 * a time): an independent (matched, total) optimum for instances too large to enumerate.
 */
function textbookFlow(members: MatchMember[], coaches: MatchCoach[]) {
  const scores = scoreTable(members, coaches);
  const source = members.length + coaches.length;
  const sink = source + 1;
  const edges: { from: number; to: number; capacity: number; cost: number }[] = [];
  const link = (from: number, to: number, capacity: number, cost: number) => {
    edges.push({ from, to, capacity, cost }, { from: to, to: from, capacity: 0, cost: -cost });
  };
  members.forEach((_, i) => {
    link(source, i, 1, 0);
    scores[i]?.forEach((score, c) => {
      if (score >= 0) link(i, members.length + c, 1, -score);
    });
  });
  coaches.forEach((c, k) => {
    link(members.length + k, sink, Math.max(0, c.freeSeats), 0);
  });
  let matched = 0;
  let total = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      edges.forEach((e, index) => {
        const d = (dist[e.from] as number) + e.cost;
        if (e.capacity > 0 && d < (dist[e.to] as number)) {
          dist[e.to] = d;
          via[e.to] = index;
        }
      });
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) return { matched, total };
    for (let node = sink; node !== source; ) {
      const index = via[node] as number;
      (edges[index] as { capacity: number }).capacity -= 1;
      (edges[index ^ 1] as { capacity: number }).capacity += 1;
      node = (edges[index] as { from: number }).from;
    }
    matched += 1;
    total -= dist[sink] as number;
  }
}

/** Every property an assignment must have whatever the algorithm: seats, feasibility, one coach each, honest reasons. */
function checkSound(assignment: Assignment, members: MatchMember[], coaches: MatchCoach[]) {
  const seen = new Set<string>();
  for (const pair of assignment.pairs) {
    expect(seen.has(pair.memberId)).toBe(false);
    seen.add(pair.memberId);
    const m = members.find((x) => x.memberId === pair.memberId) as MatchMember;
    const c = coaches.find((x) => x.coachId === pair.coachId) as MatchCoach;
    expect(scorePair(m, c, WEEK)).toEqual({ feasible: true, total: pair.total, components: pair.components });
  }
  for (const c of coaches) expect(assignment.pairs.filter((p) => p.coachId === c.coachId).length).toBeLessThanOrEqual(c.freeSeats);
  expect(assignment.total).toBe(assignment.pairs.reduce((sum, p) => sum + p.total, 0));
  expect(assignment.pairs.length + assignment.unmatched.length).toBe(members.length);
  for (const reason of assignment.unmatched) {
    expect(seen.has(reason.memberId)).toBe(false);
    const m = members.find((x) => x.memberId === reason.memberId) as MatchMember;
    const open = coaches.filter((c) => c.freeSeats > 0);
    const results = open.map((c) => scorePair(m, c, WEEK));
    const feasibleCoaches = results.filter((r) => r.feasible).length;
    const unmetBy: Partial<Record<PreferenceKey, number>> = {};
    for (const r of results) if (!r.feasible) for (const key of r.unmet) unmetBy[key] = (unmetBy[key] ?? 0) + 1;
    if (reason.reason === 'no_feasible_coach') {
      expect(feasibleCoaches).toBe(0);
      expect(reason.unmetBy).toEqual(unmetBy);
      expect(Object.keys(unmetBy).every((key) => PREFERENCE_KEYS.includes(key as PreferenceKey))).toBe(true);
    } else {
      expect(reason.feasibleCoaches).toBe(feasibleCoaches);
      expect(feasibleCoaches > 0 || open.length === 0).toBe(true);
    }
  }
}

describe('matching properties on random instances', () => {
  it('respects seats and requirements, equals the brute-force optimum, and never loses to greedy', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const { members, coaches } = instance;
        const best = suggestAssignment(members, coaches, WEEK);
        const greedy = greedyAssignment(members, coaches, WEEK);
        checkSound(best, members, coaches);
        checkSound(greedy, members, coaches);
        expect({ matched: best.pairs.length, total: best.total }).toEqual(bruteForce(members, coaches));
        const beatsGreedy =
          best.pairs.length > greedy.pairs.length || (best.pairs.length === greedy.pairs.length && best.total >= greedy.total);
        expect(beatsGreedy).toBe(true);
        // Seats left free only when no one still waiting could take them.
        for (const reason of best.unmatched) {
          if (reason.reason !== 'no_free_seat') continue;
          for (const c of coaches) {
            const m = members.find((x) => x.memberId === reason.memberId) as MatchMember;
            if (!scorePair(m, c, WEEK).feasible) continue;
            expect(best.pairs.filter((p) => p.coachId === c.coachId).length).toBe(Math.max(0, c.freeSeats));
          }
        }
      }),
      { seed: 20_261_126, numRuns: 600 },
    );
  });

  it('matches as many as the brute force when many members compete for few seats', () => {
    const crowded = instanceArb.filter((instance) => instance.members.length >= 5 && instance.coaches.length >= 2);
    fc.assert(
      fc.property(crowded, (instance) => {
        const { members, coaches } = instance;
        const best = suggestAssignment(members, coaches, WEEK);
        expect({ matched: best.pairs.length, total: best.total }).toEqual(bruteForce(members, coaches));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('equals a textbook min-cost flow on larger instances', () => {
    const larger = fc
      .record({
        coaches: fc.array(coachArb, { minLength: 3, maxLength: 8 }),
        members: fc.array(memberArb, { minLength: 10, maxLength: 30 }),
      })
      .map(({ coaches, members }) => ({
        coaches: coaches.map((c, i): MatchCoach => ({ ...c, coachId: `coach-${i}` })),
        members: members.map((m, i): MatchMember => ({ ...m, requestId: `request-${i}`, memberId: `member-${i}` })),
      }));
    fc.assert(
      fc.property(larger, ({ members, coaches }) => {
        const best = suggestAssignment(members, coaches, WEEK);
        checkSound(best, members, coaches);
        expect({ matched: best.pairs.length, total: best.total }).toEqual(textbookFlow(members, coaches));
      }),
      { seed: 11, numRuns: 60 },
    );
  });
});
