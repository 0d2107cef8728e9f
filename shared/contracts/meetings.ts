import { z } from 'zod';
import { attendanceModeSchema, feedMeetingSchema } from './meetings-feed.ts';

/** The finder's page size limit and the largest "near me" radius. */
export const MEETING_FINDER_LIMITS = { pageMax: 50, pageDefault: 20, radiusKmMax: 500, radiusKmDefault: 25, searchMax: 100 } as const;

/** now: in progress · soon: starting within 60 min · today: later today · window: a day and time span. */
export const MEETING_WHEN = ['now', 'soon', 'today', 'window'] as const;
export const MEETING_STATUS = ['in_progress', 'starting_soon', 'later'] as const;

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');
/** A comma list in a query string ("X,W"); an empty list is absent. */
const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0),
    )
    .pipe(z.array(item).max(20));

export const meetingFinderQuerySchema = z
  .object({
    when: z.enum(MEETING_WHEN).optional(),
    /** The viewer's IANA zone: times are shown in it, and `window`/`today` are read in it. */
    tz: z.string().min(1).max(64),
    /** With `when=window`: 0 = Sunday … 6 = Saturday (the next such day, in the viewer's zone). */
    day: z.coerce.number().int().min(0).max(6).optional(),
    from: hhmm.optional(),
    to: hhmm.optional(),
    mode: commaList(attendanceModeSchema).optional(),
    /** Meeting Guide type codes, all required. */
    types: commaList(z.string().min(1).max(10)).optional(),
    /** BCP 47 language tag (as stored: es, ase …). */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional(),
    /** Words of a meeting's or group's name, all of them, anywhere in it (case and accents ignored). */
    q: z.string().trim().max(MEETING_FINDER_LIMITS.searchMax).optional(),
    /** As named in the directory's facets (AA, NA, SMART Recovery, …); exact match. */
    fellowship: z.string().trim().min(1).max(60).optional(),
    /** Accessibility codes (X wheelchair access, XB wheelchair-accessible bathroom, ASL), all required. */
    access: commaList(z.enum(['X', 'XB', 'ASL'])).optional(),
    /** "lat,lng" */
    near: z.string().max(60).optional(),
    radiusKm: z.coerce.number().positive().max(MEETING_FINDER_LIMITS.radiusKmMax).optional(),
    limit: z.coerce.number().int().min(1).max(MEETING_FINDER_LIMITS.pageMax).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type MeetingFinderQuery = z.infer<typeof meetingFinderQuerySchema>;

export const meetingListItemSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  types: z.array(z.string()),
  customTypes: z.array(z.string()),
  languages: z.array(z.string()),
  attendanceMode: attendanceModeSchema,
  location: z.string().nullable(),
  formattedAddress: z.string().nullable(),
  /** For the finder's map (when the organization configured one); null when the meeting has no place. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  regions: z.array(z.string()),
  fellowship: z.string().nullable(),
  hasConferenceUrl: z.boolean(),
  hasConferencePhone: z.boolean(),
  /** Kilometres from `near`, when given. */
  distanceKm: z.number().nullable(),
  /** The meeting's own schedule: day 0–6, 'HH:MM', zone (null day/time: by appointment). */
  day: z.number().int().nullable(),
  time: z.string().nullable(),
  endTime: z.string().nullable(),
  timezone: z.string(),
  /** The current or next occurrence (ISO instant); null: by appointment. */
  nextStart: z.string().nullable(),
  /** That start in the viewer's zone. */
  startsLocal: z.object({ time: hhmm, weekday: z.number().int().min(0).max(6) }).nullable(),
  status: z.enum(MEETING_STATUS).nullable(),
  /** Minutes until `nextStart`; negative while in progress (minutes since it started). */
  minutesUntilStart: z.number().int().nullable(),
});
export type MeetingListItem = z.infer<typeof meetingListItemSchema>;

export const meetingListSchema = z.object({ items: z.array(meetingListItemSchema), nextCursor: z.string().nullable() });
export type MeetingList = z.infer<typeof meetingListSchema>;

export const meetingDetailSchema = feedMeetingSchema.extend({ id: z.uuid() });
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

/**
 * What the finder's filters can offer, from the directory itself: fellowships and languages present,
 * and each region with the middle of its meetings' coordinates, so "near" needs no geocoding service.
 */
export const meetingFacetsSchema = z.object({
  fellowships: z.array(z.object({ name: z.string(), meetings: z.number().int() })),
  languages: z.array(z.object({ code: z.string(), meetings: z.number().int() })),
  regions: z.array(z.object({ name: z.string(), latitude: z.number(), longitude: z.number(), meetings: z.number().int() })),
  /** A tile server URL template ({z}/{x}/{y}) when the organization configured one; no map otherwise. */
  mapTileUrl: z.string().nullable(),
  mapAttribution: z.string().nullable(),
});
export type MeetingFacets = z.infer<typeof meetingFacetsSchema>;
