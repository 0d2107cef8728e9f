import { z } from 'zod';
import { videoUrlSchema } from './coaching-sessions.ts';
import { idSchema, isoDate, timezoneSchema } from './common.ts';

/**
 * Sober social events and workshops the organization runs: places, RSVPs, a waitlist that moves up
 * by itself, reminders, a calendar file and cancellation notices. Events are for the community (any
 * signed-in person), never public: their places and times would say who gathers where.
 */
export const EVENT_LIMITS = {
  titleMax: 120,
  descriptionMax: 4000,
  locationMax: 200,
  addressMax: 300,
  capacityMax: 10_000,
  noteMax: 500,
  /** How far ahead an event can be set. */
  aheadDays: 366,
  /** Longest event: a whole-day retreat fits, a typo in the end date does not. */
  durationHoursMax: 72,
  pageDefault: 20,
  pageMax: 50,
} as const;
const L = EVENT_LIMITS;

export const EVENT_KINDS = ['social', 'workshop'] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export const eventStatusSchema = z.enum(EVENT_STATUSES);

/** The viewer's answer: `none` when they never answered or took their answer back. */
export const MY_RSVP_STATUSES = ['none', 'going', 'waitlisted'] as const;
export const myRsvpStatusSchema = z.enum(MY_RSVP_STATUSES);
export type MyRsvpStatus = z.infer<typeof myRsvpStatusSchema>;

/** A wall-clock time in the event's zone, as typed in a form: 2026-12-05T18:30. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'Use a date and time such as 2026-12-05T18:30');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const eventFields = {
  kind: eventKindSchema,
  title: z.string().trim().min(1).max(L.titleMax),
  description: z.string().trim().max(L.descriptionMax).default(''),
  /** Start and end as local times in `timezone`; the server turns them into instants (DST-aware). */
  startsAt: localDateTimeSchema,
  endsAt: localDateTimeSchema,
  timezone: timezoneSchema,
  location: optionalText(L.locationMax),
  address: optionalText(L.addressMax),
  conferenceUrl: videoUrlSchema.nullish().transform((value) => value ?? null),
  /** Null or absent: no limit. */
  capacity: z
    .number()
    .int()
    .min(1)
    .max(L.capacityMax)
    .nullish()
    .transform((value) => value ?? null),
};

export const createEventSchema = z.object(eventFields).strict();
export type CreateEvent = z.input<typeof createEventSchema>;
/** An edit sends the whole event again (the form has every field). */
export const updateEventSchema = createEventSchema;
export type UpdateEvent = z.input<typeof updateEventSchema>;

export const cancelEventSchema = z.object({ note: z.string().trim().min(1).max(L.noteMax) }).strict();
export type CancelEvent = z.infer<typeof cancelEventSchema>;

export const eventListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(L.pageMax).optional(),
    /** Opaque: the last event of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const eventSchema = z.object({
  id: idSchema,
  kind: eventKindSchema,
  title: z.string(),
  description: z.string(),
  startsAt: isoDate,
  endsAt: isoDate,
  timezone: z.string(),
  /** The same times as local wall-clock values in `timezone`, for the edit form. */
  localStartsAt: z.string(),
  localEndsAt: z.string(),
  location: z.string().nullable(),
  address: z.string().nullable(),
  conferenceUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  going: z.number().int(),
  /** Null: no limit. */
  placesLeft: z.number().int().nullable(),
  waitlisted: z.number().int(),
  status: eventStatusSchema,
  cancellationNote: z.string().nullable(),
  cancelledAt: isoDate.nullable(),
  myStatus: myRsvpStatusSchema,
  /** 1 for the first person waiting; null unless I am waiting. */
  myWaitlistPosition: z.number().int().nullable(),
  /** Whether the viewer may edit and cancel it and see who is coming. */
  canManage: z.boolean(),
});
export type Event = z.infer<typeof eventSchema>;

export const eventPageSchema = z.object({
  events: z.array(eventSchema),
  nextCursor: z.string().nullable(),
  canCreate: z.boolean(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

export const myRsvpSchema = z.object({
  status: myRsvpStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  event: eventSchema,
});
export type MyRsvp = z.infer<typeof myRsvpSchema>;

/** Organizers only: who answered, by alias (nothing else about them). */
export const attendeeListSchema = z.object({
  going: z.array(z.object({ alias: z.string(), since: isoDate })),
  waitlisted: z.array(z.object({ alias: z.string(), position: z.number().int(), since: isoDate })),
});
export type AttendeeList = z.infer<typeof attendeeListSchema>;

/** "My data": every answer I gave, with the event it was for. */
export const eventRsvpsExportSchema = z.array(
  z.object({
    event: z.object({ id: idSchema, title: z.string(), startsAt: isoDate, status: eventStatusSchema }),
    status: z.enum(['going', 'waitlisted', 'cancelled']),
    waitlistedAt: isoDate.nullable(),
    promotedAt: isoDate.nullable(),
    reminded24hAt: isoDate.nullable(),
    reminded1hAt: isoDate.nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  }),
);
