import { z } from 'zod';
import { crisisLineSchema } from './organization.ts';

/**
 * SOS: a member asks for help at once. Everyone the member chose (an active `sos` grant) is alerted
 * in the app and by email; the answer says how many, with the organization's crisis lines.
 */
export const sosResultSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  /** How many people were alerted (0: nobody holds an `sos` grant). */
  alerted: z.number().int().min(0),
  crisisLines: z.array(crisisLineSchema),
});
export type SosResult = z.infer<typeof sosResultSchema>;

/** Who a press would alert right now, for an honest confirmation before pressing. */
export const sosRecipientsSchema = z.object({
  /** People holding my `sos` grant in force with an active account (0: a press alerts nobody). */
  count: z.number().int().min(0),
});
export type SosRecipients = z.infer<typeof sosRecipientsSchema>;

export const sosHistorySchema = z.object({
  presses: z.array(z.object({ id: z.uuid(), at: z.iso.datetime() })),
});
export type SosHistory = z.infer<typeof sosHistorySchema>;

export const SOS_LIMITS = { historyShown: 20 } as const;
