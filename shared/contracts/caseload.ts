import { z } from 'zod';
import { relationshipStatusSchema } from './coaching-base.ts';
import { scopeSchema } from './consent.ts';

/**
 * The coach's caseload dashboard: every open relationship, with only what each client granted.
 * Risk flags come from transparent rules (server/features/caseload/risk-rules.ts); the page explains
 * each one in words.
 */

/** The rules, most urgent first: this order is also the order of need when the dashboard is sorted. */
export const RISK_RULES = ['sos', 'use_reported', 'craving_high', 'barc_drop', 'no_checkin'] as const;
export const riskRuleSchema = z.enum(RISK_RULES);
export type RiskRule = z.infer<typeof riskRuleSchema>;

/** The numbers the rules use, shown on screen with each explanation. */
export const RISK_THRESHOLDS = {
  /** No check-in for this many local days (the last one on today − 2 or earlier). */
  noCheckinDays: 2,
  /** A craving this high on the latest check-in (0–10). */
  cravingLevel: 8,
  /** …or the average of the last 3 check-ins this much above the average of the 3 before. */
  cravingRise: 3,
  /** The latest check-in counts for craving only if made today or yesterday. */
  cravingRecentDays: 2,
  /** Use reported on a check-in of the last 7 local days (today included). */
  useDays: 7,
  /** The latest BARC-10 total this much below the one before… */
  barcDrop: 5,
  /** …taken within this many days. */
  barcRecentDays: 30,
  /** SOS pressed within this many hours. */
  sosHours: 48,
} as const;

/**
 * The dashboard counts a streak up to 90 days and shows longer ones as "90+": counting further
 * would read every client's whole history on each view (the client's own screen has the exact
 * number).
 */
export const CASELOAD_LIMITS = { streakShownMax: 90, trendDays: 14 } as const;

export const riskFlagSchema = z.object({
  rule: riskRuleSchema,
  /** The local day (or, for SOS, the instant) the evidence comes from; null: no check-in ever. */
  since: z.string().nullable(),
  /** The number behind the flag: days without a check-in, the craving, the rise, the BARC-10 drop. */
  value: z.number().nullable(),
  /** For craving_high: a high level, or a rising average. */
  basis: z.enum(['level', 'rising']).nullable(),
});
export type RiskFlag = z.infer<typeof riskFlagSchema>;

export const cravingDaySchema = z.object({ date: z.iso.date(), craving: z.number().int().nullable() });

export const caseloadClientSchema = z.object({
  relationshipId: z.uuid(),
  /** The client's user id (the relationship's own data, always shown): what "Message" starts a conversation with. */
  memberId: z.uuid(),
  status: relationshipStatusSchema,
  alias: z.string(),
  /** The relationship's own records, always shown. */
  nextSession: z.object({ at: z.iso.datetime(), contactType: z.string() }).nullable(),
  openReferrals: z.number().int().min(0),
  /** The scopes of the client's record shown here (a client who granted nothing: []). */
  shared: z.array(scopeSchema),
  /** `checkins.summary`; null when not shared. */
  checkins: z
    .object({
      lastDate: z.iso.date().nullable(),
      daysSince: z.number().int().nullable(),
      /** Consecutive days up to the last check-in (while it is today or yesterday), at most 90. */
      currentStreak: z.number().int().min(0).max(CASELOAD_LIMITS.streakShownMax),
      /** The streak is longer than 90 days. */
      streakCapped: z.boolean(),
    })
    .nullable(),
  /** `checkins.detail`: the last 14 local days, oldest first, and the two 3-check-in averages. */
  cravingTrend: z
    .object({
      days: z.array(cravingDaySchema),
      recentAverage: z.number().nullable(),
      previousAverage: z.number().nullable(),
    })
    .nullable(),
  /** `clock`: the client's first active clock. */
  clock: z.object({ label: z.string(), days: z.number().int().min(0) }).nullable(),
  /** Flags of the rules the client's grant lets this coach evaluate; null when none can be. */
  flags: z.array(riskFlagSchema).nullable(),
  /** Higher needs attention sooner (see risk-rules.ts needScore). */
  need: z.number(),
});
export type CaseloadClient = z.infer<typeof caseloadClientSchema>;

export const caseloadSchema = z.object({
  clients: z.array(caseloadClientSchema),
  generatedAt: z.iso.datetime(),
});
export type Caseload = z.infer<typeof caseloadSchema>;

export const riskRuleInfoSchema = z.object({
  rule: riskRuleSchema,
  /** Any one of these scopes lets the rule be evaluated. */
  scopes: z.array(scopeSchema),
});
export const riskRulesSchema = z.object({
  rules: z.array(riskRuleInfoSchema),
  thresholds: z.object({
    noCheckinDays: z.number(),
    cravingLevel: z.number(),
    cravingRise: z.number(),
    cravingRecentDays: z.number(),
    useDays: z.number(),
    barcDrop: z.number(),
    barcRecentDays: z.number(),
    sosHours: z.number(),
  }),
});
export type RiskRulesInfo = z.infer<typeof riskRulesSchema>;
