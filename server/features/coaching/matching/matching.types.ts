import type { CoachingPreferences, Gender, PreferenceKey, Specialty, WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';
import type { RecoveryPathway } from '../../../../shared/contracts/people.ts';

/**
 * The inputs and outputs of matching: plain data, no database. The coaching service loads these from
 * the tables, calls `suggestAssignment`, and shows the result to a supervisor.
 */

export interface MatchMember {
  /** The open request's relationship id (status `requested`). */
  requestId: string;
  memberId: string;
  preferences: CoachingPreferences;
  /** Whole days since the request; longer waits weigh in. */
  waitingDays: number;
  /** A coach the member asked for by name, if any. */
  requestedCoachId: string | null;
}

export interface MatchCoach {
  coachId: string;
  /** Seats still free (max caseload − seats taken); 0 means the coach can take no one now. */
  freeSeats: number;
  gender: Gender | null;
  languages: string[];
  pathways: RecoveryPathway[];
  specialties: Specialty[];
  timezone: string;
  availability: WeeklySlot[];
}

export type ComponentKey = PreferenceKey | 'named_coach' | 'waiting';

/** One line of a pair's explanation: what was asked, what the coach offers, the points it earned. */
export interface ScoreComponent {
  key: ComponentKey;
  /** For preferences: whether it was a hard requirement. */
  required: boolean;
  points: number;
  maxPoints: number;
  /** Machine-readable facts a screen can phrase: e.g. { asked: ['es'], offered: ['en','es'], matched: ['es'] } or { overlapMinutes: 180 }. */
  detail: Record<string, unknown>;
}

export type PairScore =
  | { feasible: true; total: number; components: ScoreComponent[] }
  /** Every hard requirement this coach fails, so a screen can say which. */
  | { feasible: false; unmet: PreferenceKey[] };

export interface SuggestedPair {
  requestId: string;
  memberId: string;
  coachId: string;
  total: number;
  components: ScoreComponent[];
}

/** Why a waiting member got no suggestion. */
export type Unmatched =
  /** No coach meets every hard requirement; `unmetBy` counts, per requirement, how many coaches with free seats fail it. */
  | { requestId: string; memberId: string; reason: 'no_feasible_coach'; unmetBy: Partial<Record<PreferenceKey, number>> }
  /** Some coaches qualify, but their seats went to others for a larger total fit. */
  | { requestId: string; memberId: string; reason: 'no_free_seat'; feasibleCoaches: number };

export interface Assignment {
  pairs: SuggestedPair[];
  unmatched: Unmatched[];
  /** Sum of the pairs' totals. */
  total: number;
}
