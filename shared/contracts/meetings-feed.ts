import { z } from 'zod';

/**
 * A meeting as the Meeting Guide feed normalizer produces it (server/features/meetings/feed), and the
 * report an import preview shows. Every Meeting Guide field is kept, in camelCase; values are plain
 * text (no markup), checked and bounded. `day` follows the Meeting Guide convention: 0 = Sunday … 6 =
 * Saturday. A meeting with neither day nor time is "by appointment"; day and time are both set or both null.
 */

export const FEED_LIMITS = {
  /** A slug of a record whose `day` is an array, so that "-<day>" (and, on a clash, "-<n>") fits. */
  slugMax: 128,
  /** Any other slug, and every slug the normalizer produces. */
  slugOutMax: 160,
  lineMax: 255,
  notesMax: 8000,
  urlMax: 4096,
  emailMax: 254,
  listMax: 50,
  typeCodeMax: 32,
} as const;

export const ATTENDANCE_MODES = ['in_person', 'online', 'hybrid', 'inactive'] as const;
export const attendanceModeSchema = z.enum(ATTENDANCE_MODES);
export type AttendanceMode = z.infer<typeof attendanceModeSchema>;

/** What the normalizer did to a record it accepted (a record may carry several). */
export const FEED_FIX_CODES = [
  'number_as_string', // a number sent as a string: day "1", latitude "37.3"
  'number_to_text', // a number where text is expected: postal_code 64113, conference_phone
  'day_array_expanded', // `day` was an array: one meeting per day, slug suffixed "-<day>"
  'day_name', // "Monday", "mon"
  'day_7_as_sunday', // ISO weekday 7
  'time_12h', // "11:00 AM", "7pm"
  'time_reformatted', // "7:00", "19:00:00", "1900", "24:00"
  'end_time_missing', // left null: a default duration is a display matter
  'end_time_invalid_dropped',
  'end_time_same_as_start_dropped',
  'crosses_midnight', // end before start: kept and flagged
  'schedule_incomplete', // a day without a time or a time without a day: kept as by appointment
  'timezone_defaulted', // no `timezone`: the source's default zone
  'timezone_canonicalized', // "america/new_york", "US/Eastern"
  'timezone_abbreviation', // "EST", "Central": read as the zone it most likely means (the source's when it fits)
  'timezone_unknown_defaulted', // not a zone name at all: the source's default zone
  'types_from_string', // "O, D" or "O"
  'type_code_case', // "onl", "b"
  'type_code_from_name', // "[open]", "Closed", "Big Book": a type's name instead of its code
  'type_code_online_derived', // ONL / HY removed: attendance mode is derived from conference fields and address
  'type_code_custom', // an unknown code: kept in customTypes
  'type_code_invalid_dropped', // empty, too long, or not text
  'html_stripped', // tags removed, entities decoded
  'text_truncated', // longer than FEED_LIMITS: cut with "…"
  'slug_cleaned', // whitespace or < > " ' ` in the slug replaced by "-"
  'slug_duplicate_renamed', // a slug an earlier record already uses: kept as "<slug>-2", "-3" …
  'address_as_formatted', // `address` held a whole formatted address
  'coordinates_invalid_dropped', // out of range, only one of the pair, or 0,0
  'conference_url_invalid_dropped', // not an http(s) URL
  'conference_phone_cleaned', // characters other than digits and + , * # removed
  'conference_phone_invalid_dropped',
  'online_without_valid_link', // marked ONL / HY, but its conference link or phone is unusable: kept online
  'length_implausible', // longer than FEED_PLAUSIBLE_HOURS (12:30–01:30 is surely 12:30–13:30)
  'url_invalid_dropped',
  'email_invalid_dropped',
  'updated_reformatted', // "8/25/2022 11:17:07 AM" and other forms than "YYYY-MM-DD HH:MM:SS"
  'updated_invalid_dropped',
  'field_type_invalid_dropped', // an object or list where text is expected, and similar
] as const;
export const feedFixCodeSchema = z.enum(FEED_FIX_CODES);
export type FeedFixCode = z.infer<typeof feedFixCodeSchema>;

/**
 * What a fix is. A `repair` changed or dropped a value the feed gave; a `warning` kept a meeting a
 * person should look at (a guessed zone, a renamed slug, an unlikely length); a `note` read the feed
 * as given or filled in a default, and is not counted as a fix (`normalized`).
 */
export type FeedFixKind = 'repair' | 'warning' | 'note';
const NOTE_CODES: readonly FeedFixCode[] = [
  'number_as_string',
  'number_to_text',
  'day_array_expanded',
  'end_time_missing',
  'crosses_midnight',
  'timezone_defaulted',
  'type_code_online_derived',
  'type_code_custom',
];
/** The fix codes that are warnings. */
export const FEED_WARNING_CODES = [
  'timezone_abbreviation',
  'timezone_unknown_defaulted',
  'slug_duplicate_renamed',
  'online_without_valid_link',
  'length_implausible',
] as const satisfies readonly FeedFixCode[];
export type FeedWarningCode = (typeof FEED_WARNING_CODES)[number];
/** The kind of each fix code. */
export function feedFixKind(code: FeedFixCode): FeedFixKind {
  if ((FEED_WARNING_CODES as readonly FeedFixCode[]).includes(code)) return 'warning';
  return NOTE_CODES.includes(code) ? 'note' : 'repair';
}
/** A meeting longer than this is reported (`length_implausible`): all-day marathons are rare, typos are not. */
export const FEED_PLAUSIBLE_HOURS = 12;

const line = z.string().min(1).max(FEED_LIMITS.lineMax);
const notes = z.string().min(1).max(FEED_LIMITS.notesMax);
const url = z.string().min(1).max(FEED_LIMITS.urlMax);
const email = z.string().min(3).max(FEED_LIMITS.emailMax);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const feedContactSchema = z.object({ name: line.nullable(), email: email.nullable(), phone: line.nullable() }).strict();

export const feedEntitySchema = z
  .object({
    name: line.nullable(),
    email: email.nullable(),
    location: line.nullable(),
    logo: url.nullable(),
    phone: line.nullable(),
    url: url.nullable(),
  })
  .strict();

export const feedMeetingSchema = z
  .object({
    slug: z.string().min(1).max(FEED_LIMITS.slugOutMax),
    name: line,
    day: z.number().int().min(0).max(6).nullable(),
    time: clock.nullable(),
    endTime: clock.nullable(),
    /** End before start: the meeting ends on the next day. */
    crossesMidnight: z.boolean(),
    timezone: z.string().min(1).max(64),
    /** Official Meeting Guide codes (@code4recovery/spec), canonical spelling, sorted. */
    types: z.array(z.string().min(1).max(FEED_LIMITS.typeCodeMax)).max(FEED_LIMITS.listMax),
    /** Codes the spec does not define, kept as given (trimmed). */
    customTypes: z.array(z.string().min(1).max(FEED_LIMITS.typeCodeMax)).max(FEED_LIMITS.listMax),
    /** BCP 47 tags derived from language type codes (S → es, ASL → ase …). */
    languages: z.array(z.string().min(2).max(8)).max(FEED_LIMITS.listMax),
    attendanceMode: attendanceModeSchema,
    location: line.nullable(),
    locationNotes: notes.nullable(),
    formattedAddress: z.string().min(1).max(FEED_LIMITS.notesMax).nullable(),
    address: line.nullable(),
    city: line.nullable(),
    state: line.nullable(),
    postalCode: line.nullable(),
    country: line.nullable(),
    /** City-level (online meetings) rather than a street address. */
    approximate: z.boolean(),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    /** Most general first (region, sub_region … or the feed's `regions`). */
    regions: z.array(line).max(FEED_LIMITS.listMax),
    conferenceUrl: url.nullable(),
    conferenceUrlNotes: notes.nullable(),
    conferencePhone: z.string().min(1).max(FEED_LIMITS.lineMax).nullable(),
    conferencePhoneNotes: notes.nullable(),
    notes: notes.nullable(),
    group: line.nullable(),
    groupNotes: notes.nullable(),
    district: line.nullable(),
    website: url.nullable(),
    email: email.nullable(),
    phone: line.nullable(),
    url: url.nullable(),
    editUrl: url.nullable(),
    feedbackUrl: url.nullable(),
    feedbackEmails: z.array(email).max(FEED_LIMITS.listMax),
    venmo: line.nullable(),
    square: line.nullable(),
    paypal: line.nullable(),
    homegroupOnline: line.nullable(),
    /** AA, NA, SMART Recovery, …: not a Meeting Guide field; from the record's `fellowship` or the source's. */
    fellowship: line.nullable(),
    entity: feedEntitySchema.nullable(),
    contacts: z.array(feedContactSchema).max(3),
    /** ISO 8601 UTC, whole seconds. */
    updated: z.iso.datetime().nullable(),
  })
  .strict();
export type FeedMeeting = z.infer<typeof feedMeetingSchema>;

export const feedRejectionSchema = z
  .object({ index: z.number().int().min(0), slug: z.string().nullable(), reason: z.string().min(1) })
  .strict();
export type FeedRejection = z.infer<typeof feedRejectionSchema>;

export const feedRecordFixesSchema = z
  .object({ index: z.number().int().min(0), slugs: z.array(z.string()), fixes: z.array(feedFixCodeSchema).min(1) })
  .strict();
export type FeedRecordFixes = z.infer<typeof feedRecordFixesSchema>;

export const feedReportSchema = z
  .object({
    /** Records in the feed. */
    total: z.number().int().min(0),
    accepted: z.array(feedMeetingSchema),
    /** origins[i] is the index of the record accepted[i] came from (a `day` array gives several meetings). */
    origins: z.array(z.number().int().min(0)),
    /** Records accepted with at least one repair (feedFixKind); `fixes` lists every record with any fix code. */
    normalized: z.number().int().min(0),
    fixes: z.array(feedRecordFixesSchema),
    rejected: z.array(feedRejectionSchema),
    /** Field names the spec does not define, seen in the feed and ignored (sorted). */
    ignoredFields: z.array(z.string()),
  })
  .strict();
export type FeedReport = z.infer<typeof feedReportSchema>;

export const feedErrorSchema = z.object({ error: z.string().min(1) }).strict();
export type FeedError = z.infer<typeof feedErrorSchema>;
