import { describe, expect, it } from 'vitest';
import { BARC10_ITEMS, barc10AnswersSchema, takeBarc10Schema } from '../../../shared/contracts/assessments.ts';
import { barc10Problem, scoreBarc10 } from './barc10.ts';

const tenOf = (value: number) => Array.from({ length: 10 }, () => value);

describe('scoreBarc10', () => {
  it('scores the lowest possible answers as 10', () => {
    expect(scoreBarc10(tenOf(1))).toEqual({ total: 10, meetsThreshold: false });
  });

  it('scores the highest possible answers as 60', () => {
    expect(scoreBarc10(tenOf(6))).toEqual({ total: 60, meetsThreshold: true });
  });

  it('is a plain sum with no reversed items', () => {
    expect(scoreBarc10([1, 2, 3, 4, 5, 6, 1, 2, 3, 4]).total).toBe(31);
    expect(scoreBarc10([6, 5, 4, 3, 2, 1, 6, 5, 4, 3]).total).toBe(39);
  });

  it('puts the threshold at 47: 46 is below, 47 meets it', () => {
    const fortySix = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4];
    const fortySeven = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4];
    expect(scoreBarc10(fortySix)).toEqual({ total: 46, meetsThreshold: false });
    expect(scoreBarc10(fortySeven)).toEqual({ total: 47, meetsThreshold: true });
  });

  it('refuses 9 items, 11 items, and answers of 7, 0 or 2.5, naming the answer', () => {
    const cases: [number[], string][] = [
      [tenOf(3).slice(0, 9), 'answers'],
      [[...tenOf(3), 3], 'answers'],
      [[3, 3, 3, 7, 3, 3, 3, 3, 3, 3], 'answers.3'],
      [[0, 3, 3, 3, 3, 3, 3, 3, 3, 3], 'answers.0'],
      [[3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5], 'answers.9'],
      [[3, 3, Number.NaN, 3, 3, 3, 3, 3, 3, 3], 'answers.2'],
    ];
    for (const [answers, path] of cases) {
      expect(barc10Problem(answers)?.path, JSON.stringify(answers)).toBe(path);
      expect(() => scoreBarc10(answers)).toThrow(RangeError);
    }
    expect(barc10Problem(tenOf(4))).toBeNull();
  });
});

describe('the BARC-10 contract', () => {
  it('carries the ten published statements', () => {
    expect(BARC10_ITEMS).toHaveLength(10);
    expect(BARC10_ITEMS[0]).toBe('There are more important things to me in life than using substances.');
    expect(BARC10_ITEMS[9]).toBe('I am making good progress on my recovery journey.');
  });

  it('accepts exactly ten whole answers from 1 to 6 and names the field of anything else', () => {
    expect(barc10AnswersSchema.safeParse(tenOf(1)).success).toBe(true);
    expect(barc10AnswersSchema.safeParse(tenOf(6)).success).toBe(true);
    const cases: [unknown, (string | number)[]][] = [
      [tenOf(3).slice(0, 9), []],
      [[...tenOf(3), 3], []],
      [[3, 3, 3, 7, 3, 3, 3, 3, 3, 3], [3]],
      [[3, 0, 3, 3, 3, 3, 3, 3, 3, 3], [1]],
      [[3, 3, 3, 3, 3, 3, 3, 3, 2.5, 3], [8]],
      [[3, 3, 3, 3, 3, 3, 3, 3, 3, '3'], [9]],
    ];
    for (const [answers, path] of cases) {
      const result = barc10AnswersSchema.safeParse(answers);
      expect(result.success, JSON.stringify(answers)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(path);
    }
    expect(takeBarc10Schema.safeParse({ answers: tenOf(3), total: 60 }).success).toBe(false);
  });
});
