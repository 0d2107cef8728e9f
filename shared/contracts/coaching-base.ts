import { z } from 'zod';
import { timezoneSchema } from './common.ts';
import { pathwaySchema } from './people.ts';

/**
 * The vocabulary coaching shares between the coach profile, the member's intake and matching.
 * Kept apart from the feature contracts so the pure matching code and every coaching screen
 * speak the same words.
 */

export const SPECIALTIES = [
  'opioids',
  'alcohol',
  'stimulants',
  'young_adults',
  'lgbtq_affirming',
  'faith_based',
  'secular',
  'justice_involved',
  'parents',
  'veterans',
  'co_occurring_mental_health',
  'harm_reduction',
] as const;
export const specialtySchema = z.enum(SPECIALTIES);
export type Specialty = z.infer<typeof specialtySchema>;

/** A coach's gender as the coach states it; members may ask for one or several. */
export const GENDERS = ['woman', 'man', 'non_binary', 'another'] as const;
export const genderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof genderSchema>;

export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'A language tag such as en or es-MX')
  .transform((tag) => tag.toLowerCase());

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time such as 18:30');

/**
 * One weekly window in a stated time zone: ISO weekday (1 = Monday … 7 = Sunday), start and end
 * as HH:MM with end after start (24:00 allowed as end of day).
 */
export const weeklySlotSchema = z
  .object({ day: z.number().int().min(1).max(7), start: clockTime, end: clockTime })
  .strict()
  .refine((slot) => slot.end > slot.start, { message: 'The end must be after the start', path: ['end'] });
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;
export const MAX_WEEKLY_SLOTS = 21;

/** A member's preference: `required` makes it a hard requirement, otherwise it is a wish that adds to the fit. */
function preference<T extends z.ZodType>(value: T) {
  return z.object({ value, required: z.boolean() }).strict().nullable();
}

export const coachingPreferencesSchema = z
  .object({
    gender: preference(z.array(genderSchema).min(1).max(GENDERS.length)),
    language: preference(z.array(languageTagSchema).min(1).max(10)),
    pathway: preference(z.array(pathwaySchema).min(1).max(12)),
    specialties: preference(z.array(specialtySchema).min(1).max(SPECIALTIES.length)),
    /** Times that suit the member, in `timezone`. */
    times: preference(z.array(weeklySlotSchema).min(1).max(MAX_WEEKLY_SLOTS)),
    timezone: timezoneSchema,
  })
  .strict();
export type CoachingPreferences = z.infer<typeof coachingPreferencesSchema>;
export type PreferenceKey = Exclude<keyof CoachingPreferences, 'timezone'>;
export const PREFERENCE_KEYS: readonly PreferenceKey[] = ['gender', 'language', 'pathway', 'specialties', 'times'];

/** Where a coaching relationship is in its life. Open ones hold one of the coach's seats. */
export const RELATIONSHIP_STATUSES = [
  'requested',
  'proposed',
  'active',
  'paused',
  'transferred',
  'closed',
  'declined',
  'withdrawn',
] as const;
export const relationshipStatusSchema = z.enum(RELATIONSHIP_STATUSES);
export type RelationshipStatus = z.infer<typeof relationshipStatusSchema>;
/** Statuses that take one of the coach's seats. */
export const SEAT_STATUSES: readonly RelationshipStatus[] = ['proposed', 'active', 'paused'];
/** Statuses of a member's one open request or relationship. */
export const OPEN_STATUSES: readonly RelationshipStatus[] = ['requested', 'proposed', 'active', 'paused'];

export const CONTACT_TYPES = ['in_person', 'phone', 'video'] as const;
export const contactTypeSchema = z.enum(CONTACT_TYPES);
export type ContactType = z.infer<typeof contactTypeSchema>;
