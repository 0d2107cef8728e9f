import { PREFERENCE_KEYS, type PreferenceKey } from '../../../../shared/contracts/coaching-base.ts';
import type { Assignment, MatchCoach, MatchMember, SuggestedPair, Unmatched } from './matching.types.ts';
import {
  evaluatePair,
  explainPair,
  KEY_BIT,
  MAX_PAIR_POINTS,
  type MatchOptions,
  type PreparedCoach,
  type PreparedMember,
  prepareCoach,
  prepareMember,
} from './score.ts';
import { type ReferenceWeek, referenceWeek } from './weekly-times.ts';

/**
 * Suggested matches for everyone waiting, and the greedy baseline they are compared with.
 *
 * The goal is lexicographic: first as many members matched as the seats and hard requirements allow,
 * then the largest total score among those. It is solved as a min-cost flow (source → member → coach
 * → sink, coach capacity = free seats) in which every member may also go to a "nobody" node at a
 * cost of UNMATCHED = MAX_PAIR_POINTS × members + 1 while a pair costs −score. Leaving one more
 * member unmatched therefore always costs more than any score the others could gain, which is the
 * lexicographic order expressed with one large per-match constant.
 *
 * Successive shortest paths, one member at a time (the Hungarian method with capacities): after each
 * member the assignment is optimal for the members seen so far. Paths alternate member → coach →
 * (a member already there moves) → coach …, so the search runs over coaches only: the edge coach a →
 * coach b costs the cheapest move of one of a's members to b, a row kept up to date for the coaches a
 * path touched. Dijkstra on that dense graph of coaches (+ nobody + sink) with node potentials
 * keeps costs non-negative. A member never moves out of "nobody": with an optimal assignment so far,
 * such a path is never shorter (it would close a negative cycle). Cost per member: O(coaches²).
 *
 * Determinism: same input, same output. Members are taken best pair first (then in the order given),
 * which keeps the searches short; ties go to the lower index (coach order, then member order).
 * A member who is also a coach is never matched with themself; a coach's seats beyond the number of
 * members waiting change nothing and are not counted.
 */

/** A pair that may not be matched at all (a person with themself); not a missed requirement. */
const SELF = -1024;

interface Prepared {
  week: ReferenceWeek;
  members: PreparedMember[];
  /** Coaches with at least one free seat, in input order, and their seats. */
  coaches: PreparedCoach[];
  seats: Int32Array;
  /** members × coaches: the total (≥ 0), minus the bits of the requirements missed, or SELF. */
  scores: Int16Array;
}

function prepare(members: readonly MatchMember[], coaches: readonly MatchCoach[], options: MatchOptions): Prepared {
  const week = referenceWeek(options.referenceDate);
  const open = coaches.filter((coach) => coach.freeSeats >= 1);
  const prepared = {
    week,
    members: members.map((member) => prepareMember(member, week)),
    coaches: open.map((coach) => prepareCoach(coach, week)),
    seats: Int32Array.from(open, (coach) => Math.min(Math.floor(coach.freeSeats), members.length)),
    scores: new Int16Array(members.length * open.length),
  };
  const width = open.length;
  prepared.members.forEach((member, i) => {
    prepared.coaches.forEach((coach, c) => {
      prepared.scores[i * width + c] = coach.coach.coachId === member.member.memberId ? SELF : evaluatePair(member, coach);
    });
  });
  return prepared;
}

/** Pairs and per-member reasons for a choice of coach per member (`choice[i]` a coach index, or −1). */
function present(prepared: Prepared, choice: Int32Array): Assignment {
  const { members, coaches, scores } = prepared;
  const width = coaches.length;
  const pairs: SuggestedPair[] = [];
  const unmatched: Unmatched[] = [];
  let total = 0;
  members.forEach((member, i) => {
    const { requestId, memberId } = member.member;
    const c = choice[i] ?? -1;
    const coach = coaches[c];
    if (coach) {
      const score = explainPair(member, coach, prepared.week);
      if (!score.feasible) throw new Error('matching chose an infeasible pair');
      pairs.push({ requestId, memberId, coachId: coach.coach.coachId, total: score.total, components: score.components });
      total += score.total;
      return;
    }
    let feasibleCoaches = 0;
    const unmetBy: Partial<Record<PreferenceKey, number>> = {};
    for (let k = 0; k < width; k++) {
      const value = scores[i * width + k] as number;
      if (value >= 0) feasibleCoaches++;
      else if (value !== SELF) {
        for (const key of PREFERENCE_KEYS) if (-value & KEY_BIT[key]) unmetBy[key] = (unmetBy[key] ?? 0) + 1;
      }
    }
    // No coach with a free seat meets every requirement: say which ones failed. Otherwise the seats went to others
    // (feasibleCoaches of them qualified), or no coach has a free seat at all (feasibleCoaches 0).
    if (feasibleCoaches === 0 && Object.keys(unmetBy).length > 0) {
      unmatched.push({ requestId, memberId, reason: 'no_feasible_coach', unmetBy });
    } else {
      unmatched.push({ requestId, memberId, reason: 'no_free_seat', feasibleCoaches });
    }
  });
  return { pairs, unmatched, total };
}

/** The optimal choice of coach per member (see the comment at the top). */
function optimalChoice({ scores, seats, members }: Prepared): Int32Array {
  const n = members.length;
  const width = seats.length;
  const NOBODY = width;
  const SINK = width + 1;
  const nodes = width + 2;
  const stride = width + 1;
  const UNMATCHED = MAX_PAIR_POINTS * n + 1;
  // step[a × stride + b]: cost of moving the cheapest of coach a's members to b (b = NOBODY: unmatching one), and who.
  const step = new Float64Array(width * stride).fill(Number.POSITIVE_INFINITY);
  const stepWho = new Int32Array(width * stride).fill(-1);
  const holding: number[][] = Array.from({ length: width }, () => []);
  const used = new Int32Array(width);
  const choice = new Int32Array(n).fill(-1);
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const prev = new Int32Array(nodes);
  const who = new Int32Array(nodes);
  const done = new Uint8Array(nodes);

  const refreshRow = (a: number) => {
    const base = a * stride;
    step.fill(Number.POSITIVE_INFINITY, base, base + stride);
    stepWho.fill(-1, base, base + stride);
    for (const v of holding[a] as number[]) {
      const row = v * width;
      const here = scores[row + a] as number;
      for (let b = 0; b < width; b++) {
        const there = scores[row + b] as number;
        if (b === a || there < 0) continue;
        const cost = here - there;
        if (cost < (step[base + b] as number)) {
          step[base + b] = cost;
          stepWho[base + b] = v;
        }
      }
      const leave = UNMATCHED + here;
      if (leave < (step[base + NOBODY] as number)) {
        step[base + NOBODY] = leave;
        stepWho[base + NOBODY] = v;
      }
    }
  };

  // Members with the best pairs first: they mostly take free seats outright, and later searches meet settled prices.
  const order = Array.from({ length: n }, (_, i) => i);
  const bestScore = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < width; c++) bestScore[i] = Math.max(bestScore[i] as number, scores[i * width + c] as number);
  }
  order.sort((a, b) => (bestScore[b] as number) - (bestScore[a] as number) || a - b);

  for (const u of order) {
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    prev.fill(-2);
    // Dijkstra from u over coaches, "nobody" and the sink; the sink wins ties, so an equally good free seat ends it.
    let x = SINK;
    let best = Number.POSITIVE_INFINITY;
    for (let c = 0; c < width; c++) {
      const score = scores[u * width + c] as number;
      if (score < 0) continue;
      const d = -score - (potential[c] as number);
      dist[c] = d;
      prev[c] = -1;
      who[c] = u;
      if (d < best) {
        best = d;
        x = c;
      }
    }
    if (x === SINK) continue; // no feasible coach: nobody it is, and no path can change that
    dist[NOBODY] = UNMATCHED - (potential[NOBODY] as number);
    prev[NOBODY] = -1;
    who[NOBODY] = u;

    while (x !== SINK) {
      done[x] = 1;
      const reach = (dist[x] as number) + (potential[x] as number);
      if (x === NOBODY || (used[x] as number) < (seats[x] as number)) {
        const toSink = reach - (potential[SINK] as number);
        if (toSink < (dist[SINK] as number)) {
          dist[SINK] = toSink;
          prev[SINK] = x;
        }
        // As near as the nearest node: the sink is next, so x's row need not be read.
        if (toSink === dist[x]) break;
      }
      // One pass relaxes the moves out of x and finds the next nearest node.
      const relax = x !== NOBODY && (holding[x] as number[]).length > 0;
      const base = x * stride;
      let next = SINK;
      let nearest = dist[SINK] as number;
      for (let y = 0; y <= width; y++) {
        if (done[y]) continue;
        let d = dist[y] as number;
        if (relax) {
          const through = reach + (step[base + y] as number) - (potential[y] as number);
          if (through < d) {
            d = through;
            dist[y] = d;
            prev[y] = x;
            who[y] = stepWho[base + y] as number;
          }
        }
        if (d < nearest) {
          nearest = d;
          next = y;
        }
      }
      x = next;
    }

    const toSink = dist[SINK] as number;
    for (let k = 0; k < nodes; k++) potential[k] = (potential[k] as number) + Math.min(dist[k] as number, toSink);

    // Walk the path back from the sink: each coach on it takes the member that arrives and loses the one that leaves.
    let y = prev[SINK] as number;
    if (y !== NOBODY) used[y] = (used[y] as number) + 1;
    const touched: number[] = [];
    for (;;) {
      const x = prev[y] as number;
      const v = who[y] as number;
      if (x >= 0) {
        const list = holding[x] as number[];
        list.splice(list.indexOf(v), 1);
      }
      if (y === NOBODY) choice[v] = -1;
      else {
        (holding[y] as number[]).push(v);
        choice[v] = y;
        touched.push(y);
      }
      if (x < 0) break;
      y = x;
    }
    for (const a of touched) refreshRow(a);
  }
  return choice;
}

/** Best-pair-first: the highest-scoring feasible pair whose member is still waiting and whose coach has a seat, again and again. */
function greedyChoice({ scores, seats, members }: Prepared): Int32Array {
  const width = seats.length;
  const left = Int32Array.from(seats);
  const choice = new Int32Array(members.length).fill(-1);
  const byScore: number[][] = Array.from({ length: MAX_PAIR_POINTS + 1 }, () => []);
  scores.forEach((score, pair) => {
    if (score >= 0) byScore[score]?.push(pair);
  });
  for (let score = MAX_PAIR_POINTS; score >= 0; score--) {
    for (const pair of byScore[score] as number[]) {
      const i = Math.floor(pair / width);
      const c = pair % width;
      if (choice[i] !== -1 || !left[c]) continue;
      choice[i] = c;
      left[c] = (left[c] as number) - 1;
    }
  }
  return choice;
}

/** The suggested matches: most members matched, then the largest total fit; every hard requirement and seat count respected. */
export function suggestAssignment(members: readonly MatchMember[], coaches: readonly MatchCoach[], options: MatchOptions = {}): Assignment {
  const prepared = prepare(members, coaches, options);
  return present(prepared, optimalChoice(prepared));
}

/** The greedy baseline (benchmark and tests): never better than `suggestAssignment` in (matched, total). */
export function greedyAssignment(members: readonly MatchMember[], coaches: readonly MatchCoach[], options: MatchOptions = {}): Assignment {
  const prepared = prepare(members, coaches, options);
  return present(prepared, greedyChoice(prepared));
}
