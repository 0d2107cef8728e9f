import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { messagesExportSchema } from '../../../shared/contracts/messages.ts';
import type { Db } from '../../db/client.ts';
import { conversations, messages } from '../../db/schema/messages.ts';
import { profiles } from '../../db/schema/profile.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';
import { C, visibleToSql } from './messages.policy.ts';

/**
 * Conversations in "my data". Export: every conversation I can still read (a coach's closed
 * conversations are gone for the coach, as in the app) with both sides' messages. Deletion:
 * conversations I was part of are erased with every message in them (a two-person thread cannot be
 * half kept: the other side's words are replies to mine).
 */

export async function exportConversations(tx: Db, me: string): Promise<z.infer<typeof messagesExportSchema>> {
  const mine = await tx
    .select({
      id: conversations.id,
      kind: conversations.kind,
      otherId: sql<string>`CASE WHEN ${C.aId} = ${me} THEN ${C.bId} ELSE ${C.aId} END`,
    })
    .from(conversations)
    .where(and(or(eq(conversations.aId, me), eq(conversations.bId, me)), visibleToSql(me)))
    .orderBy(asc(conversations.createdAt));
  if (mine.length === 0) return [];
  const aliases = await tx
    .select({ id: profiles.userId, alias: profiles.alias })
    .from(profiles)
    .where(inArray(profiles.userId, [...new Set(mine.map((c) => c.otherId))]));
  const rows = await tx
    .select()
    .from(messages)
    .where(
      inArray(
        messages.conversationId,
        mine.map((c) => c.id),
      ),
    )
    .orderBy(asc(messages.conversationId), asc(messages.seq));
  return mine.map((c) => ({
    id: c.id,
    kind: c.kind,
    with: { id: c.otherId, alias: aliases.find((a) => a.id === c.otherId)?.alias ?? 'deleted account' },
    messages: rows
      .filter((m) => m.conversationId === c.id)
      .map((m) => ({
        seq: m.seq,
        mine: m.senderId === me,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        readAt: isoOrNull(m.readAt),
      })),
  }));
}

export const messagesMyData: PersonalData = {
  tables: [conversations, messages],
  export: async (tx, { id }) => ({ conversations: await exportConversations(tx, id) }),
  async erase({ tx, subject }) {
    const mine = or(eq(conversations.aId, subject.id), eq(conversations.bId, subject.id));
    const gone = await erasedRows(
      'messages',
      tx
        .delete(messages)
        .where(inArray(messages.conversationId, tx.select({ id: conversations.id }).from(conversations).where(mine)))
        .returning({ id: messages.id }),
    );
    await tx.delete(conversations).where(mine);
    return [gone];
  },
};
