import { z } from 'zod';

/**
 * Two-person messaging: coach ↔ client and accountability partners. Every message is stored first
 * with a per-conversation sequence number (1, 2, 3 … without gaps); a client keeps the last one it
 * saw and asks for what came after (`after=<seq>`), so short polling today and a live push later
 * resync the same way.
 */

export const MESSAGE_LIMITS = {
  bodyMax: 2000,
  /** Messages in one page of a thread. */
  page: 50,
  /** Sends per person per minute. */
  perMinute: 30,
} as const;

/** 'buddy': a first-meeting buddy and the member they go with (opened when a volunteer accepts). */
export const CONVERSATION_KINDS = ['coaching', 'partners', 'buddy'] as const;
export const conversationKindSchema = z.enum(CONVERSATION_KINDS);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

export const openConversationSchema = z.object({ kind: conversationKindSchema, with: z.uuid() }).strict();

export const conversationSummarySchema = z.object({
  id: z.uuid(),
  kind: conversationKindSchema,
  other: z.object({ id: z.uuid(), alias: z.string() }),
  unread: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  lastMessage: z.object({ preview: z.string(), at: z.iso.datetime(), mine: z.boolean() }).nullable(),
  /** False once the coaching relationship or partnership has ended: the thread is read-only. */
  canSend: z.boolean(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
export const conversationListSchema = z.object({
  conversations: z.array(conversationSummarySchema),
  /** People I am linked to now (my coach, my clients, my partners) with whom no conversation exists yet. */
  available: z.array(z.object({ kind: conversationKindSchema, other: z.object({ id: z.uuid(), alias: z.string() }) })),
});
export type ConversationList = z.infer<typeof conversationListSchema>;

export const messageSchema = z.object({
  seq: z.number().int().min(1),
  mine: z.boolean(),
  /** Plain text, stored and returned exactly as written; clients render it as text, never HTML. */
  body: z.string(),
  createdAt: z.iso.datetime(),
  /** When the other person read it (the sender's read receipt). */
  readAt: z.iso.datetime().nullable(),
});
export type Message = z.infer<typeof messageSchema>;

const seqParam = z.coerce.number().int().min(0).max(2_147_483_647);
export const threadQuery = z
  .object({
    /** Messages with a sequence number above this one, oldest first (polling). */
    after: seqParam.optional(),
    /** Messages below this one, for paging back through a long history. */
    before: seqParam.optional(),
  })
  .strict();

export const threadSchema = z.object({
  conversation: conversationSummarySchema,
  messages: z.array(messageSchema),
  /** True when older messages exist before the first one returned. */
  hasOlder: z.boolean(),
  /** The highest sequence number of my messages the other person has read (0: none): "Seen". */
  readUpTo: z.number().int().min(0),
});
export type Thread = z.infer<typeof threadSchema>;

export const sendMessageSchema = z.object({ body: z.string().trim().min(1, 'Write a message').max(MESSAGE_LIMITS.bodyMax) }).strict();
export const markReadSchema = z.object({ upTo: z.number().int().min(0).max(2_147_483_647) }).strict();
export const markReadResultSchema = z.object({ unread: z.number().int().min(0) });
export const unreadTotalSchema = z.object({ unread: z.number().int().min(0) });

/** My conversations in the "my data" export: every message I can still read in them, both sides. */
export const messagesExportSchema = z.array(
  z.object({
    id: z.uuid(),
    kind: z.string(),
    with: z.object({ id: z.uuid(), alias: z.string() }),
    messages: z.array(
      z.object({
        seq: z.number().int(),
        mine: z.boolean(),
        body: z.string(),
        createdAt: z.iso.datetime(),
        readAt: z.iso.datetime().nullable(),
      }),
    ),
  }),
);
