import { z } from 'zod';
import { feedFixCodeSchema, feedRejectionSchema } from './meetings-feed.ts';

/** A meeting an import adds, changes or removes, as a preview lists it. */
export const meetingImportEntrySchema = z.object({ slug: z.string().min(1), name: z.string().min(1) }).strict();
export type MeetingImportEntry = z.infer<typeof meetingImportEntrySchema>;

/** What importing a feed into a source would do (a preview) or did (a commit), compared by slug and content. */
export const meetingImportPreviewSchema = z
  .object({
    /** Records in the feed. */
    total: z.number().int().min(0),
    /** Meetings accepted (a record whose `day` is a list gives one per day). */
    accepted: z.number().int().min(0),
    /** Records accepted with at least one fix. */
    normalized: z.number().int().min(0),
    rejected: z.array(feedRejectionSchema),
    /** How many records each fix was applied to. */
    fixes: z.partialRecord(feedFixCodeSchema, z.number().int().min(1)),
    ignoredFields: z.array(z.string()),
    add: z.array(meetingImportEntrySchema),
    change: z.array(meetingImportEntrySchema),
    remove: z.array(meetingImportEntrySchema),
    unchanged: z.number().int().min(0),
  })
  .strict();
export type MeetingImportPreview = z.infer<typeof meetingImportPreviewSchema>;
