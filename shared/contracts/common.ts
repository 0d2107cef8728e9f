import { z } from 'zod';
import { LIMITS } from '../limits.ts';

export const idSchema = z.uuid();
export const idParams = z.object({ id: idSchema });

export const emailSchema = z
  .string()
  .trim()
  .max(LIMITS.emailMax)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());
export const passwordSchema = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
export const aliasSchema = z
  .string()
  .trim()
  .min(LIMITS.aliasMin)
  .max(LIMITS.aliasMax)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, 'Use letters, numbers, spaces, dots, dashes or apostrophes');

/** IANA time zone name, checked against the runtime's zone database. */
export const timezoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, 'Unknown time zone; use an IANA name such as America/New_York');

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'MFA_REQUIRED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GONE',
  'IDEMPOTENCY_MISMATCH',
  'WRONG_CODE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SETUP_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Parameters of an error's words: short values such as a count or a day, never personal data. */
const errorParams = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * The one error body. `key` and `params`, when present, name the refusal in a stable way the client
 * words in the reader's language (apiErrors.keys.<key>); `message` is the same in English, the
 * fallback for a client that does not know the key.
 */
export const errorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    key: z.string().optional(),
    params: errorParams.optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string(), key: z.string().optional() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorSchema>;

/**
 * The years a date sent to the server may fall in. PostgreSQL has no year 0 and JavaScript writes
 * years past 9999 as "+010000", which it cannot read: outside this range a date is refused with a
 * 400 naming the field instead of failing in the database. No record of a person needs others.
 */
export const DATE_RANGE = { minYear: 1900, maxYear: 9999 } as const;
const EARLIEST = Date.UTC(DATE_RANGE.minYear, 0, 1);
const LATEST = Date.UTC(DATE_RANGE.maxYear, 11, 31, 23, 59, 59, 999);
const OUT_OF_RANGE = `Use a date between ${DATE_RANGE.minYear} and ${DATE_RANGE.maxYear}`;

/** Whether an instant (after its offset is applied) falls in DATE_RANGE. */
export function instantInRange(at: Date): boolean {
  const time = at.getTime();
  return !Number.isNaN(time) && time >= EARLIEST && time <= LATEST;
}

/** An ISO 8601 instant with its offset (2026-03-01T18:30:00-06:00 or …Z) inside DATE_RANGE: every instant a request carries. */
export const instantSchema = z.iso.datetime({ offset: true }).refine((value) => instantInRange(new Date(value)), OUT_OF_RANGE);

/** A calendar day (YYYY-MM-DD) that exists, inside DATE_RANGE unless a later first year is given: every day a request carries. */
export function calendarDaySchema(minYear: number = DATE_RANGE.minYear) {
  return z.iso
    .date('Use a date like 2026-01-31 (a day that exists)')
    .refine((value) => Number(value.slice(0, 4)) >= minYear, `Use a date between ${minYear} and ${DATE_RANGE.maxYear}`);
}

export const okSchema = z.object({ ok: z.literal(true) });
export const isoDate = z.string().describe('ISO 8601 timestamp');
