import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { messagesExportSchema } from '../../../shared/contracts/messages.ts';
import type { partnershipsExportSchema } from '../../../shared/contracts/partners.ts';
import type { Db } from '../../db/client.ts';
import { profiles } from '../../db/schema/accounts.ts';
import { conversations, messages, partnerships } from '../../db/schema/coaching.ts';
import { C, visibleToSql } from '../messages/messages.policy.ts';
import { endPartnershipRow, listPartnerships } from './partners.service.ts';

/**
 * What the people features add to "my data". Export: every conversation I can still read (a coach's
 * closed conversations are gone for the coach, as in the app) with both sides' messages, and every
 * partnership. Deletion: conversations I was part of are erased with every message in them (a
 * two-person thread cannot be half kept: the other side's words are replies to mine), my open
 * partnerships end (both grants revoked) and invitations are withdrawn or declined.
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
        readAt: m.readAt?.toISOString() ?? null,
      })),
  }));
}

export async function exportPartnerships(tx: Db, me: string): Promise<z.infer<typeof partnershipsExportSchema>> {
  const list = await listPartnerships({ db: tx, actor: { userId: me } as Parameters<typeof listPartnerships>[0]['actor'] });
  return [...list.invitedByMe, ...list.invitationsToMe, ...list.active, ...list.ended];
}

/** Runs inside the account deletion's transaction; returns what it erased, for the receipt. */
export async function eraseConversationsAndPartnerships(tx: Db, me: string) {
  const erasedMessages = await tx
    .delete(messages)
    .where(
      inArray(
        messages.conversationId,
        tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(or(eq(conversations.aId, me), eq(conversations.bId, me))),
      ),
    )
    .returning({ id: messages.id });
  const erasedConversations = await tx
    .delete(conversations)
    .where(or(eq(conversations.aId, me), eq(conversations.bId, me)))
    .returning({ id: conversations.id });
  const open = await tx
    .select()
    .from(partnerships)
    .where(and(or(eq(partnerships.inviterId, me), eq(partnerships.inviteeId, me)), inArray(partnerships.status, ['invited', 'active'])))
    .for('update');
  for (const row of open) {
    if (row.status === 'active') await endPartnershipRow(tx, row, me);
    else {
      await tx
        .update(partnerships)
        .set(
          row.inviterId === me
            ? { status: 'cancelled', endedAt: sql`now()`, endedBy: me }
            : { status: 'declined', respondedAt: sql`now()` },
        )
        .where(eq(partnerships.id, row.id));
    }
  }
  return { messages: erasedMessages.length, conversations: erasedConversations.length, partnerships: open.length };
}
