import { sql } from 'drizzle-orm';
import { bigserial, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, person } from './columns.ts';

/**
 * A two-person conversation (coach and client, accountability partners, first-meeting buddies).
 * `a_id < b_id` so a pair has one row per kind. Messages carry a per-conversation sequence number so
 * a client can resync from the last one it saw.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['coaching', 'partners', 'buddy'] }).notNull(),
    aId: person('a_id'),
    bId: person('b_id'),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('conversations_pair_unique').on(t.kind, t.aId, t.bId), check('conversations_pair_order', sql`${t.aId} < ${t.bId}`)],
);

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    senderId: person('sender_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('messages_conversation_seq_unique').on(t.conversationId, t.seq)],
);
