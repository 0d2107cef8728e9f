import { getTypesForLanguage } from '@code4recovery/spec';
import { z } from 'zod';
import { isoDate, timezoneSchema } from './common.ts';
import { ATTENDANCE_MODES, FEED_LIMITS, feedMeetingSchema } from './meetings-feed.ts';

/**
 * The organization's own groups, managed by administrators (meetings without a source). The stored
 * form is the normalized feed meeting; the input is what the admin form sends, checked here for shape
 * and then cleaned by the Meeting Guide normalizer on the server (markup stripped, codes canonical).
 */

/** Fellowships offered as suggestions; the field is free text. */
export const FELLOWSHIP_SUGGESTIONS = [
  'AA',
  'NA',
  'CA',
  'SMART Recovery',
  'Recovery Dharma',
  'Refuge Recovery',
  'Celebrate Recovery',
  'Al-Anon',
  'Nar-Anon',
] as const;

/**
 * Type codes an administrator may pick: every code of the spec except "TC" (temporarily closed),
 * which follows from the attendance mode "inactive" so the two can never disagree.
 */
export const OWN_MEETING_TYPE_CODES: readonly string[] = Object.keys(getTypesForLanguage('en')).filter((code) => code !== 'TC');
const typeCodes = new Set(OWN_MEETING_TYPE_CODES);

/** Accessibility codes, shown first in the form (ASL is also a language: the normalizer tags it `ase`). */
export const ACCESSIBILITY_TYPE_CODES = ['X', 'XB', 'ASL', 'FF'] as const;

/**
 * Codes that name a meeting's language, for the form's language group. The normalizer's table
 * (server/features/meetings/feed/type-codes.ts) maps them to BCP 47 tags; a test keeps the two equal.
 */
export const LANGUAGE_TYPE_CODES = [
  'AF',
  'AM',
  'AR',
  'ASL',
  'BG',
  'DA',
  'DE',
  'EL',
  'EN',
  'FA',
  'FI',
  'FR',
  'HE',
  'HI',
  'HR',
  'HU',
  'IS',
  'ITA',
  'JA',
  'KA',
  'KOR',
  'LT',
  'ML',
  'MT',
  'NE',
  'NL',
  'NO',
  'POL',
  'POR',
  'PUN',
  'RUS',
  'S',
  'SK',
  'SL',
  'SV',
  'TH',
  'TL',
  'TUR',
  'UK',
] as const;

export const OWN_MEETINGS_PAGE_SIZE = 20;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');
const line = z.string().max(FEED_LIMITS.lineMax).nullish();
const notes = z.string().max(FEED_LIMITS.notesMax).nullish();
const webLink = (schemes: readonly string[], message: string) =>
  z
    .string()
    .max(FEED_LIMITS.urlMax)
    .refine((value) => {
      if (value.trim() === '') return true;
      try {
        return schemes.includes(new URL(value.trim()).protocol);
      } catch {
        return false;
      }
    }, message)
    .nullish();
const optionalEmail = z
  .string()
  .max(FEED_LIMITS.emailMax)
  .refine((value) => value.trim() === '' || z.email().safeParse(value.trim()).success, 'Not an e-mail address')
  .nullish();

export const ownMeetingContactSchema = z.object({ name: line, email: optionalEmail, phone: line }).strict();

export const ownMeetingInputSchema = z
  .object({
    name: z.string().min(1).max(FEED_LIMITS.lineMax),
    fellowship: line,
    /** 0 = Sunday … 6 = Saturday; null together with `time`: by appointment. */
    day: z.number().int().min(0).max(6).nullish(),
    time: clock.nullish(),
    endTime: clock.nullish(),
    timezone: timezoneSchema,
    /** `inactive`: temporarily closed (exported as the spec's "TC"). */
    attendanceMode: z.enum(ATTENDANCE_MODES),
    /** Spec codes, including accessibility (X, XB, ASL …) and language codes (S, FR …). */
    types: z
      .array(z.string().refine((code) => typeCodes.has(code), 'Unknown meeting type code'))
      .max(FEED_LIMITS.listMax)
      .default([]),
    location: line,
    locationNotes: notes,
    formattedAddress: z.string().max(FEED_LIMITS.notesMax).nullish(),
    address: line,
    city: line,
    state: line,
    postalCode: line,
    country: line,
    latitude: z.number().min(-90).max(90).nullish(),
    longitude: z.number().min(-180).max(180).nullish(),
    regions: z.array(z.string().max(FEED_LIMITS.lineMax)).max(FEED_LIMITS.listMax).default([]),
    conferenceUrl: webLink(['https:'], 'Use an https:// link'),
    conferenceUrlNotes: notes,
    conferencePhone: line,
    conferencePhoneNotes: notes,
    notes,
    group: line,
    groupNotes: notes,
    website: webLink(['https:', 'http:'], 'Use an http:// or https:// link'),
    email: optionalEmail,
    phone: line,
    contacts: z.array(ownMeetingContactSchema).max(3).default([]),
  })
  .strict();
export type OwnMeetingInput = z.input<typeof ownMeetingInputSchema>;

export const ownMeetingSchema = feedMeetingSchema.extend({ id: z.uuid(), updatedAt: isoDate });
export type OwnMeeting = z.infer<typeof ownMeetingSchema>;

export const ownMeetingSummarySchema = ownMeetingSchema.pick({
  id: true,
  slug: true,
  name: true,
  fellowship: true,
  day: true,
  time: true,
  endTime: true,
  timezone: true,
  attendanceMode: true,
  types: true,
});
export type OwnMeetingSummary = z.infer<typeof ownMeetingSummarySchema>;

export const ownMeetingListQuerySchema = z
  .object({
    q: z.string().max(100).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export const ownMeetingListSchema = z.object({
  items: z.array(ownMeetingSummarySchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type OwnMeetingList = z.infer<typeof ownMeetingListSchema>;
