import { date, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, person } from './columns.ts';

/** One alert per client, coach, rule and local day: the unique index makes the alert job idempotent. */
export const riskAlerts = pgTable(
  'risk_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: person('member_id'),
    coachId: person('coach_id'),
    rule: text('rule').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('risk_alerts_once_a_day').on(t.memberId, t.coachId, t.rule, t.localDate)],
);
