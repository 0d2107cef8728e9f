import { z } from 'zod';
import { timezoneSchema } from './common.ts';
import { feedFixCodeSchema, feedRejectionSchema } from './meetings-feed.ts';

/** A meeting an import adds, changes or removes, as a preview lists it. */
export const meetingImportEntrySchema = z.object({ slug: z.string().min(1), name: z.string().min(1) }).strict();
export type MeetingImportEntry = z.infer<typeof meetingImportEntrySchema>;

/** A meeting kept with something a person should check (a guessed zone, a renamed slug …): feedFixKind 'warning'. */
export const meetingImportWarningSchema = z
  .object({ slug: z.string().min(1), name: z.string().min(1), codes: z.array(feedFixCodeSchema).min(1) })
  .strict();
export type MeetingImportWarning = z.infer<typeof meetingImportWarningSchema>;

/** What importing a feed into a source would do (a preview) or did (a commit), compared by slug and content. */
export const meetingImportPreviewSchema = z
  .object({
    /** Records in the feed. */
    total: z.number().int().min(0),
    /** Meetings accepted (a record whose `day` is a list gives one per day). */
    accepted: z.number().int().min(0),
    /** Records accepted with at least one repair (not counting notes and warnings: feedFixKind). */
    normalized: z.number().int().min(0),
    rejected: z.array(feedRejectionSchema),
    /** How many records each fix code (repair, warning or note) was applied to. */
    fixes: z.partialRecord(feedFixCodeSchema, z.number().int().min(1)),
    /** The meetings with a warning, in feed order (absent from previews stored before warnings existed). */
    warnings: z.array(meetingImportWarningSchema).default([]),
    ignoredFields: z.array(z.string()),
    add: z.array(meetingImportEntrySchema),
    change: z.array(meetingImportEntrySchema),
    remove: z.array(meetingImportEntrySchema),
    unchanged: z.number().int().min(0),
  })
  .strict();
export type MeetingImportPreview = z.infer<typeof meetingImportPreviewSchema>;

/** An IANA zone name (not an offset like +05:00 or an abbreviation like EST): what the normalizer accepts. */
export const feedTimezoneSchema = timezoneSchema.refine(
  (zone) => zone === 'UTC' || /^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(zone),
  'Use an IANA time zone name such as America/New_York',
);

/** A source an administrator imports Meeting Guide feeds from (the organization's own groups are not one). */
export const MEETING_SOURCE_KINDS = ['url', 'file'] as const;
const sourceFields = {
  name: z.string().trim().min(1).max(120),
  defaultTimezone: feedTimezoneSchema,
  fellowship: z
    .string()
    .trim()
    .max(80)
    .nullish()
    .transform((value) => value || null),
};
export const meetingSourceInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('url'),
      ...sourceFields,
      url: z.url({ protocol: /^https?$/, error: 'Use an http or https address' }).max(2000),
      scheduled: z.boolean().default(false),
    })
    .strict(),
  z.object({ kind: z.literal('file'), ...sourceFields }).strict(),
]);
export type MeetingSourceInput = z.input<typeof meetingSourceInputSchema>;

export const meetingImportStatusSchema = z.enum(['checking', 'ready', 'committing', 'done', 'failed', 'discarded']);
export type MeetingImportStatusName = z.infer<typeof meetingImportStatusSchema>;

/** The last import a source stored (counts only; the meetings are in the directory). */
export const meetingSourceReportSchema = z.object({
  at: z.string(),
  total: z.number().int(),
  accepted: z.number().int(),
  normalized: z.number().int(),
  rejected: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
});

export const meetingSourceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(MEETING_SOURCE_KINDS),
  url: z.string().nullable(),
  defaultTimezone: z.string(),
  fellowship: z.string().nullable(),
  scheduled: z.boolean(),
  meetingCount: z.number().int(),
  lastImportedAt: z.iso.datetime({ offset: true }).nullable(),
  lastReport: meetingSourceReportSchema.nullable(),
  lastError: z.string().nullable(),
  /** The import being checked or waiting for a decision, if any. */
  pendingImportId: z.uuid().nullable(),
});
export type MeetingSource = z.infer<typeof meetingSourceSchema>;

export const meetingImportSchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  status: meetingImportStatusSchema,
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  preview: meetingImportPreviewSchema.nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type MeetingImport = z.infer<typeof meetingImportSchema>;
