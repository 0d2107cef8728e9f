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

export const okSchema = z.object({ ok: z.literal(true) });
export const isoDate = z.string().describe('ISO 8601 timestamp');
