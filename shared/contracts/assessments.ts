import { z } from 'zod';
import { isoDate } from './common.ts';
import { accessSummarySchema } from './plans.ts';

/** BARC-10 (Vilsaint et al., 2017): the ten statements, exactly as published, in order. */
export const BARC10_ITEMS = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
] as const;

/** Each statement is answered on this six-point scale; 1 is "strongly disagree", 6 "strongly agree". */
export const BARC10_SCALE = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Somewhat disagree' },
  { value: 4, label: 'Somewhat agree' },
  { value: 5, label: 'Agree' },
  { value: 6, label: 'Strongly agree' },
] as const;
export const BARC10_MIN_ANSWER = 1;
export const BARC10_MAX_ANSWER = 6;
/** The published total associated with sustained remission. */
export const BARC10_THRESHOLD = 47;
/** How many past results a history returns (ten years of monthly check-ups). */
export const BARC10_HISTORY_MAX = 120;

export const barc10AnswerSchema = z
  .number()
  .int('Each answer is a whole number from 1 to 6')
  .min(BARC10_MIN_ANSWER, 'Each answer is from 1 to 6')
  .max(BARC10_MAX_ANSWER, 'Each answer is from 1 to 6');
export const barc10AnswersSchema = z.array(barc10AnswerSchema).length(BARC10_ITEMS.length, 'Answer all ten statements');
export const takeBarc10Schema = z.object({ answers: barc10AnswersSchema }).strict();

export const barc10ResultSchema = z.object({
  id: z.uuid(),
  /** Plain sum of the answers, 10–60. */
  total: z.number().int(),
  takenAt: isoDate,
  meetsThreshold: z.boolean(),
});
export const barc10EntrySchema = barc10ResultSchema.extend({ answers: z.array(z.number().int()) });
export const barc10HistorySchema = z.object({ results: z.array(barc10EntrySchema) });
export const sharedBarc10HistorySchema = barc10HistorySchema.extend({ access: accessSummarySchema });
