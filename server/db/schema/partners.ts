import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Scope } from '../../../shared/contracts/consent.ts';
import { users } from './auth.ts';
import { createdAt, person } from './columns.ts';
import { consentGrants } from './consent.ts';

/**
 * Two members who keep each other accountable. Each side's grant is its own consent grant with the
 * scopes that side chose; ending the partnership revokes both.
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inviterId: person('inviter_id'),
    inviteeId: person('invitee_id'),
    status: text('status', { enum: ['invited', 'active', 'declined', 'cancelled', 'ended'] }).notNull(),
    inviterScopes: text('inviter_scopes').array().$type<Scope[]>().notNull(),
    inviteeScopes: text('invitee_scopes').array().$type<Scope[]>(),
    inviterGrantId: uuid('inviter_grant_id').references(() => consentGrants.id, { onDelete: 'set null' }),
    inviteeGrantId: uuid('invitee_grant_id').references(() => consentGrants.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('partnerships_one_open_per_pair')
      .on(sql`least(${t.inviterId}, ${t.inviteeId})`, sql`greatest(${t.inviterId}, ${t.inviteeId})`)
      .where(sql`${t.status} IN ('invited', 'active')`),
    index('partnerships_invitee_idx').on(t.inviteeId, t.status),
    index('partnerships_inviter_idx').on(t.inviterId, t.status),
    check('partnerships_two_people', sql`${t.inviterId} <> ${t.inviteeId}`),
  ],
);
