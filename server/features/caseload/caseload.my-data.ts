import { eq } from 'drizzle-orm';
import { riskAlerts } from '../../db/schema/caseload.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/**
 * The risk alerts coaches were sent about a member: part of the member's data, erased with the account.
 * Not exported: the member sees the facts they rest on (check-ins, SOS presses) in their own export.
 */
export const caseloadMyData: PersonalData = {
  tables: [riskAlerts],
  erase: async ({ tx, subject }) => [
    await erasedRows('risk alerts', tx.delete(riskAlerts).where(eq(riskAlerts.memberId, subject.id)).returning({ id: riskAlerts.id })),
  ],
};
