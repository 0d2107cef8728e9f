import { BARC10_ITEMS, BARC10_MAX_ANSWER, BARC10_MIN_ANSWER, BARC10_THRESHOLD } from '../../../shared/contracts/assessments.ts';

export interface Barc10Score {
  /** Plain sum of the ten answers (10–60): no reversed items, no sub-scales. */
  total: number;
  /** At or above the published threshold (47) associated with sustained remission. */
  meetsThreshold: boolean;
}

/** Why a set of answers cannot be scored, naming the answer at fault; null when it can. */
export function barc10Problem(answers: readonly unknown[]): { path: string; message: string } | null {
  if (answers.length !== BARC10_ITEMS.length) {
    return { path: 'answers', message: `Expected ${BARC10_ITEMS.length} answers, got ${answers.length}` };
  }
  for (const [index, answer] of answers.entries()) {
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < BARC10_MIN_ANSWER || answer > BARC10_MAX_ANSWER) {
      return { path: `answers.${index}`, message: `Each answer is a whole number from ${BARC10_MIN_ANSWER} to ${BARC10_MAX_ANSWER}` };
    }
  }
  return null;
}

/**
 * Scores BARC-10 answers. The route has validated them already; checking again here keeps a bad
 * total from ever being computed by another caller (an import, a job).
 */
export function scoreBarc10(answers: readonly number[]): Barc10Score {
  const problem = barc10Problem(answers);
  if (problem) throw new RangeError(`${problem.path}: ${problem.message}`);
  const total = answers.reduce((sum, answer) => sum + answer, 0);
  return { total, meetsThreshold: total >= BARC10_THRESHOLD };
}
