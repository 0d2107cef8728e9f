import { z } from 'zod';

/** "My reasons": why recovery matters to the member, shown back to them when it helps. Never shared. */
export const REASON_LIMITS = { itemsMax: 20, textMax: 200 } as const;

export const reasonsSchema = z.object({
  reasons: z.array(z.string().trim().min(1).max(REASON_LIMITS.textMax)).max(REASON_LIMITS.itemsMax),
});
/** The whole ordered list: what is sent replaces what was there. */
export const putReasonsSchema = reasonsSchema.strict();
export type Reasons = z.infer<typeof reasonsSchema>;
