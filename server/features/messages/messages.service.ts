import { and, asc, desc, eq, gt, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import {
  type ConversationKind,
  type ConversationList,
  type ConversationSummary,
  MESSAGE_LIMITS,
  type Message,
  type Thread,
} from '../../../shared/contracts/messages.ts';
import type { Db } from '../../db/client.ts';
import { conversations, messages } from '../../db/schema/messages.ts';
import { notFound } from '../../lib/app-error.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { runIdempotent, type StoredResponse } from '../../lib/idempotency.ts';
import { onlyRow } from '../../lib/rows.ts';
import type { Own } from '../../plugins/session.ts';
import { markNoticesRead } from '../notifications/notifications.public.ts';
import { notifyNewMessage } from './messages.notify.ts';
import { C, conversationAccess, linkIsOpen, linkOpenSql, openLinks, orderedPair, visibleToSql } from './messages.policy.ts';

const PREVIEW_CHARS = 80;
const UNKNOWN = 'deleted account';

const otherIdSql = (me: string) => sql<string>`CASE WHEN ${C.aId} = ${me} THEN ${C.bId} ELSE ${C.aId} END`;

/** Summaries of the actor's conversations (or one of them), newest activity first. */
async function summaries(db: Db, me: string, onlyId?: string): Promise<ConversationSummary[]> {
  const rows = await db
    .select({
      id: conversations.id,
      kind: conversations.kind,
      otherId: otherIdSql(me),
      otherAlias: sql<string | null>`(SELECT p.alias FROM profiles p WHERE p.user_id = ${otherIdSql(me)})`,
      lastSeq: conversations.lastSeq,
      canSend: sql<boolean>`${linkOpenSql}`,
      unread: sql<number>`(SELECT count(*)::int FROM messages m
        WHERE m.conversation_id = ${C.id} AND m.sender_id <> ${me} AND m.read_at IS NULL)`,
      lastBody: sql<string | null>`(SELECT left(m.body, ${PREVIEW_CHARS}) FROM messages m
        WHERE m.conversation_id = ${C.id} ORDER BY m.seq DESC LIMIT 1)`,
      lastAt: sql<string | null>`(SELECT m.created_at FROM messages m
        WHERE m.conversation_id = ${C.id} ORDER BY m.seq DESC LIMIT 1)`,
      lastMine: sql<boolean | null>`(SELECT m.sender_id = ${me} FROM messages m
        WHERE m.conversation_id = ${C.id} ORDER BY m.seq DESC LIMIT 1)`,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .where(
      and(or(eq(conversations.aId, me), eq(conversations.bId, me)), onlyId ? eq(conversations.id, onlyId) : undefined, visibleToSql(me)),
    );
  return rows
    .map((row) => ({
      id: row.id,
      kind: row.kind as ConversationKind,
      other: { id: row.otherId, alias: row.otherAlias ?? UNKNOWN },
      unread: Number(row.unread),
      lastSeq: row.lastSeq,
      lastMessage:
        row.lastAt && row.lastBody !== null
          ? { preview: row.lastBody, at: new Date(row.lastAt).toISOString(), mine: Boolean(row.lastMine) }
          : null,
      canSend: Boolean(row.canSend),
      sortAt: row.lastAt ? new Date(row.lastAt).getTime() : row.createdAt.getTime(),
    }))
    .sort((x, y) => y.sortAt - x.sortAt)
    .map(({ sortAt: _sortAt, ...summary }) => summary);
}

export async function listConversations({ db, actor }: Own): Promise<ConversationList> {
  const [list, links] = await Promise.all([summaries(db, actor.userId), openLinks(db, actor.userId)]);
  const started = new Set(list.map((c) => `${c.kind}:${c.other.id}`));
  return { conversations: list, available: links.filter((link) => !started.has(`${link.kind}:${link.other.id}`)) };
}

export async function unreadTotal({ db, actor }: Own): Promise<{ unread: number }> {
  const list = await summaries(db, actor.userId);
  return { unread: list.reduce((sum, c) => sum + c.unread, 0) };
}

async function summaryOf(db: Db, me: string, id: string): Promise<ConversationSummary> {
  const [summary] = await summaries(db, me, id);
  if (!summary) throw notFound();
  return summary;
}

/** Gets or creates the conversation with `withId`; 404 unless the two are linked in `kind` now. */
/**
 * The one conversation of this kind between two people, created if it is not there yet. Buddies open
 * theirs when a request is matched; whether the link allows messaging is checked on every read and send.
 */
export async function conversationBetween(db: Db, kind: ConversationKind, oneId: string, otherId: string) {
  const [aId, bId] = orderedPair(oneId, otherId);
  const created = await db.insert(conversations).values({ kind, aId, bId }).onConflictDoNothing().returning({ id: conversations.id });
  if (created[0]) return { id: created[0].id, created: true };
  const existing = onlyRow(
    await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.kind, kind), eq(conversations.aId, aId), eq(conversations.bId, bId))),
  );
  return { id: existing.id, created: false };
}

export async function openConversation({ db, actor, kind, withId }: Own & { kind: ConversationKind; withId: string }) {
  if (withId === actor.userId || !(await linkIsOpen(db, kind, actor.userId, withId))) throw notFound();
  const { id, created } = await conversationBetween(db, kind, actor.userId, withId);
  return { status: created ? 201 : 200, body: await summaryOf(db, actor.userId, id) };
}

type MessageRow = { seq: number; senderId: string; body: string; createdAt: Date; readAt: Date | null };
const presentMessage =
  (me: string) =>
  (row: MessageRow): Message => ({
    seq: row.seq,
    mine: row.senderId === me,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    readAt: isoOrNull(row.readAt),
  });
const messageColumns = {
  seq: messages.seq,
  senderId: messages.senderId,
  body: messages.body,
  createdAt: messages.createdAt,
  readAt: messages.readAt,
};

/**
 * One page of a thread. `after`: the messages after that sequence number, oldest first (what polling
 * asks for); `before`: the page before it (scrolling back); neither: the latest page.
 */
export async function getThread({ db, actor, id, after, before }: Own & { id: string; after?: number; before?: number }): Promise<Thread> {
  await conversationAccess(db, actor, id);
  const page = MESSAGE_LIMITS.page;
  const inConversation = eq(messages.conversationId, id);
  let rows: MessageRow[];
  let hasOlder: boolean;
  if (after !== undefined) {
    rows = await db
      .select(messageColumns)
      .from(messages)
      .where(and(inConversation, gt(messages.seq, after), before !== undefined ? lt(messages.seq, before) : undefined))
      .orderBy(asc(messages.seq))
      .limit(page);
    hasOlder = after > 0 || (rows[0]?.seq ?? 1) > 1;
  } else {
    const newestFirst = await db
      .select(messageColumns)
      .from(messages)
      .where(and(inConversation, before !== undefined ? lt(messages.seq, before) : undefined))
      .orderBy(desc(messages.seq))
      .limit(page + 1);
    hasOlder = newestFirst.length > page;
    rows = newestFirst.slice(0, page).reverse();
  }
  const [seen] = await db
    .select({ upTo: sql<number>`coalesce(max(${messages.seq}), 0)::int` })
    .from(messages)
    .where(and(inConversation, eq(messages.senderId, actor.userId), isNotNull(messages.readAt)));
  return {
    conversation: await summaryOf(db, actor.userId, id),
    messages: rows.map(presentMessage(actor.userId)),
    hasOlder,
    readUpTo: Number(seen?.upTo ?? 0),
  };
}

/**
 * Stores a message with the next sequence number: the UPDATE … RETURNING on the conversation row and
 * the INSERT share one transaction, so concurrent sends queue on the row lock and numbers never
 * repeat or skip. With an Idempotency-Key a retried send answers with the first message.
 */
export async function sendMessage({
  db,
  actor,
  id,
  body,
  request,
}: Own & { id: string; body: string; request: { key: string | undefined; method: string; path: string; rawBody: unknown } }): Promise<
  StoredResponse<Message>
> {
  return runIdempotent<Message>(
    db,
    { userId: actor.userId, key: request.key, method: request.method, path: request.path, body: request.rawBody },
    async (tx, inTransaction) => {
      const write = async (w: Db) => {
        const access = await conversationAccess(w, actor, id, 'send');
        const { lastSeq } = onlyRow(
          await w
            .update(conversations)
            .set({ lastSeq: sql`${conversations.lastSeq} + 1` })
            .where(eq(conversations.id, id))
            .returning({ lastSeq: conversations.lastSeq }),
        );
        const row = onlyRow(
          await w.insert(messages).values({ conversationId: id, seq: lastSeq, senderId: actor.userId, body }).returning(messageColumns),
        );
        await notifyNewMessage(w, { conversationId: id, senderAlias: actor.alias, recipientId: access.otherId, at: row.createdAt });
        return { status: 201, body: presentMessage(actor.userId)(row) };
      };
      return inTransaction ? write(tx) : db.transaction(async (t) => write(t as unknown as Db));
    },
  );
}

/** Marks the other person's messages up to `upTo` read (their read receipts), and my message notifications for this thread. */
export async function markRead({ db, actor, id, upTo }: Own & { id: string; upTo: number }) {
  await conversationAccess(db, actor, id);
  await db.transaction(async (tx) => {
    await tx
      .update(messages)
      .set({ readAt: sql`now()` })
      .where(and(eq(messages.conversationId, id), ne(messages.senderId, actor.userId), lte(messages.seq, upTo), isNull(messages.readAt)));
    await markNoticesRead(tx, { userId: actor.userId, kind: 'message', link: `/messages/${id}` });
  });
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(eq(messages.conversationId, id), ne(messages.senderId, actor.userId), isNull(messages.readAt)));
  return { unread: Number(row?.n ?? 0) };
}
