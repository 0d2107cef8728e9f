import { asc, eq, or } from 'drizzle-orm';
import { auditLog } from '../../db/schema/audit.ts';
import type { PersonalData } from '../../lib/feature.ts';

/**
 * My security events in "my data": what I did, and what was done to my account (the keyed email hash
 * stays out). Kept on deletion, like the access log (decision 005): the feature declares the table kept.
 */
export const auditMyData: PersonalData = {
  tables: [],
  async export(tx, { id: me }) {
    const events = await tx
      .select({ at: auditLog.at, event: auditLog.event, actorId: auditLog.actorId, subjectId: auditLog.subjectId, detail: auditLog.detail })
      .from(auditLog)
      .where(or(eq(auditLog.actorId, me), eq(auditLog.subjectId, me)))
      .orderBy(asc(auditLog.id));
    return { securityEvents: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
  },
  erase: async () => [],
};
