import { readFileSync } from 'node:fs';
import { and, sql as drizzleSql, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingRelationships } from '../../db/schema/coaching.ts';
import { conversations, messages } from '../../db/schema/messages.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { partnerships } from '../../db/schema/partners.ts';
import { createAgent } from '../../test/agent.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };
const url = (id: string) => `/api/messages/conversations/${id}`;

async function open(person: Person, withId: string, kind: 'coaching' | 'partners' = 'coaching') {
  return person.agent.post('/api/messages/conversations', { kind, with: withId });
}

async function send(person: Person, id: string, body: string) {
  return person.agent.post(url(id), { body });
}

async function sendWithKey(person: Person, id: string, body: unknown, key: string) {
  const response = await person.agent.raw({
    method: 'POST',
    url: url(id),
    headers: { 'x-csrf-token': await person.agent.csrfToken(), 'idempotency-key': key },
    payload: body as object,
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** A coach and a client with an active relationship, and their conversation. */
async function pair(status: 'active' | 'paused' = 'active') {
  const coach = await buildPerson(t, { roles: ['coach'] });
  const member = await buildPerson(t);
  const relationship = await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: ['checkins.summary'], status });
  const opened = await open(member, coach.id);
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return { coach, member, relationship, id: opened.body.id as string };
}

describe('messages between a coach and a client', () => {
  it('lists the people I may message before any conversation exists', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    const member = await buildPerson(t);
    const former = await buildPerson(t, { roles: ['coach'] });
    await buildCoachingRelationship(t, { coachId: former.id, memberId: member.id, scopes: [], status: 'closed' });
    await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: [] });
    const before = await member.agent.get('/api/messages/conversations');
    expect(before.body).toEqual({ conversations: [], available: [{ kind: 'coaching', other: { id: coach.id, alias: coach.alias } }] });
    expect((await coach.agent.get('/api/messages/conversations')).body.available).toEqual([
      { kind: 'coaching', other: { id: member.id, alias: member.alias } },
    ]);
    await open(coach, member.id);
    const after = await member.agent.get('/api/messages/conversations');
    expect(after.body.available).toEqual([]);
    expect(after.body.conversations).toHaveLength(1);
  });

  it('opens one conversation per pair: the second open (from either side) returns the same one', async () => {
    const { coach, member, id } = await pair();
    const again = await open(coach, member.id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    expect(again.body).toMatchObject({
      kind: 'coaching',
      other: { id: member.id, alias: member.alias },
      canSend: true,
      unread: 0,
      lastSeq: 0,
    });
    const rows = await t.database.db.select().from(conversations).where(eq(conversations.id, id));
    expect(rows).toHaveLength(1);
  });

  it('sends and receives, with read receipts and unread counts', async () => {
    const { coach, member, id } = await pair();
    const first = await send(member, id, '  Hi, it has been a hard week.  ');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ seq: 1, mine: true, body: 'Hi, it has been a hard week.', readAt: null });
    expect((await send(member, id, 'Can we talk Thursday?')).body.seq).toBe(2);

    const list = await coach.agent.get('/api/messages/conversations');
    expect(list.status).toBe(200);
    const mine = list.body.conversations.find((c: { id: string }) => c.id === id);
    expect(mine).toMatchObject({ unread: 2, lastSeq: 2, canSend: true, other: { alias: member.alias } });
    expect(mine.lastMessage).toMatchObject({ preview: 'Can we talk Thursday?', mine: false });
    expect((await coach.agent.get('/api/messages/unread')).body.unread).toBe(2);

    const thread = await coach.agent.get(url(id));
    expect(thread.status).toBe(200);
    expect(thread.body.messages.map((m: { seq: number; mine: boolean }) => [m.seq, m.mine])).toEqual([
      [1, false],
      [2, false],
    ]);

    expect((await member.agent.get(url(id))).body.readUpTo).toBe(0);
    // The coach reads up to 1: the member sees a receipt on 1 only.
    const read = await coach.agent.post(`${url(id)}/read`, { upTo: 1 });
    expect(read.body).toEqual({ unread: 1 });
    const seen = await member.agent.get(url(id));
    expect(seen.body.messages[0].readAt).not.toBeNull();
    expect(seen.body.messages[1].readAt).toBeNull();
    expect(seen.body.readUpTo).toBe(1);
    expect((await coach.agent.get(url(id))).body.readUpTo).toBe(0);
    // Marking my own messages read does nothing to them.
    await member.agent.post(`${url(id)}/read`, { upTo: 2 });
    expect((await member.agent.get(url(id))).body.messages[1].readAt).toBeNull();

    const reply = await send(coach, id, 'Thursday at 3 works.');
    expect(reply.body.seq).toBe(3);
    expect((await member.agent.get('/api/messages/conversations')).body.conversations[0]).toMatchObject({ id, unread: 1 });
  });

  it('polling with after returns only newer messages; before pages backwards', async () => {
    const { coach, member, id } = await pair();
    for (let i = 1; i <= 55; i++) expect((await send(i % 2 ? member : coach, id, `message ${i}`)).status).toBe(201);
    const latest = await member.agent.get(url(id));
    expect(latest.body.messages).toHaveLength(50);
    expect(latest.body.messages[0].seq).toBe(6);
    expect(latest.body.messages.at(-1).seq).toBe(55);
    expect(latest.body.hasOlder).toBe(true);
    const older = await member.agent.get(`${url(id)}?before=6`);
    expect(older.body.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(older.body.hasOlder).toBe(false);

    expect((await member.agent.get(`${url(id)}?after=55`)).body.messages).toEqual([]);
    await send(coach, id, 'new one');
    const polled = await member.agent.get(`${url(id)}?after=55`);
    expect(polled.body.messages).toHaveLength(1);
    expect(polled.body.messages[0]).toMatchObject({ seq: 56, body: 'new one', mine: false });
    expect(polled.body.conversation.lastSeq).toBe(56);
  });

  it('numbers concurrent sends 1…N with no gaps and no repeats', async () => {
    const { coach, member, id } = await pair();
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 ? coach : member, id, `at once ${i}`)));
    expect(sent.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(sent.map((r) => r.body.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const rows = await t.database.db.select({ seq: messages.seq }).from(messages).where(eq(messages.conversationId, id));
    expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [conversation] = await t.database.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conversation?.lastSeq).toBe(10);
  });

  it('a retried send with the same Idempotency-Key creates one message; another body with it is refused', async () => {
    const { member, id } = await pair();
    const first = await sendWithKey(member, id, { body: 'Only once please' }, 'send-key-00001');
    const retry = await sendWithKey(member, id, { body: 'Only once please' }, 'send-key-00001');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const rows = await t.database.db.select().from(messages).where(eq(messages.conversationId, id));
    expect(rows).toHaveLength(1);
    expect((await sendWithKey(member, id, { body: 'Something else' }, 'send-key-00001')).status).toBe(422);
  });

  it('stores plain text verbatim (HTML too) and refuses empty or oversized bodies', async () => {
    const { member, id } = await pair();
    const html = '<img src=x onerror="alert(1)"> <b>bold</b> & "quotes"';
    const sent = await send(member, id, html);
    expect(sent.status).toBe(201);
    expect((await member.agent.get(url(id))).body.messages[0].body).toBe(html);
    for (const body of ['', '   \n  ', 'x'.repeat(2001)]) {
      const refused = await send(member, id, body);
      expect(refused.status, JSON.stringify(body.slice(0, 5))).toBe(400);
      expect(refused.body.error.fields[0].path).toBe('body.body');
    }
    expect((await send(member, id, 'x'.repeat(2000))).status).toBe(201);
    expect((await member.agent.post(url(id), { body: 'hi', extra: 1 })).status).toBe(400);
  });

  it('notifies the recipient in-app once per unread batch, never with the message text', async () => {
    const { coach, member, id } = await pair();
    await send(member, id, 'private words one');
    await send(member, id, 'private words two');
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, coach.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'message', link: `/messages/${id}` });
    expect(rows[0]?.title).toContain(member.alias);
    expect(JSON.stringify(rows)).not.toContain('private words');
    // Reading the thread clears it.
    await coach.agent.post(`${url(id)}/read`, { upTo: 2 });
    const [after] = await t.database.db.select().from(notifications).where(eq(notifications.userId, coach.id));
    expect(after?.readAt).not.toBeNull();
    const list = await coach.agent.get('/api/me/notifications');
    expect(list.status).toBe(200);
  });

  it('stores the notice as a key and the sender’s alias, so the reader’s page words it; old notices are converted by the migration', async () => {
    const { coach, member, id } = await pair();
    await send(member, id, 'hello');
    const list = await coach.agent.get('/api/me/notifications');
    const notice = list.body.notifications.find((n: { link: string }) => n.link === `/messages/${id}`);
    expect(notice).toMatchObject({ kind: 'message', message: { key: 'message', params: { alias: member.alias } } });

    // A notice stored before keys, in either language, gets its key from the migration's UPDATE.
    const legacy = await t.database.db
      .insert(notifications)
      .values([
        {
          userId: coach.id,
          kind: 'message',
          title: 'New message from Old Friend',
          body: 'Open your messages to read it.',
          dedupeKey: `legacy-en-${id}`,
        },
        {
          userId: coach.id,
          kind: 'message',
          title: 'Nuevo mensaje de Vieja Amiga',
          body: 'Abre tus mensajes para leerlo.',
          dedupeKey: `legacy-es-${id}`,
        },
        { userId: coach.id, kind: 'checkin', title: 'Time to check in', body: 'How is today?', dedupeKey: `legacy-other-${id}` },
      ])
      .returning({ id: notifications.id });
    const sql = readFileSync(new URL('../../db/migrations/0011_note_corrections_notice_keys.sql', import.meta.url), 'utf8');
    const update = sql.split('--> statement-breakpoint').find((statement) => statement.includes('UPDATE "notifications"'));
    await t.database.db.execute(drizzleSql.raw(update ?? 'no statement'));
    const after = await coach.agent.get('/api/me/notifications');
    const byId = new Map(after.body.notifications.map((n: { id: string }) => [n.id, n]));
    expect(byId.get(legacy[0]?.id)).toMatchObject({ message: { key: 'message', params: { alias: 'Old Friend' } } });
    expect(byId.get(legacy[1]?.id)).toMatchObject({ message: { key: 'message', params: { alias: 'Vieja Amiga' } } });
    expect(byId.get(legacy[2]?.id)).toMatchObject({ message: null, title: 'Time to check in' });
  });

  it('refuses everyone else: another coach, an ally, a stranger get 404; anonymous 401', async () => {
    const { coach, member, id } = await pair();
    await send(member, id, 'for my coach only');
    const otherCoach = await buildPerson(t, { roles: ['coach'] });
    const ally = await buildPerson(t, { roles: ['ally'] });
    const supervisor = await buildPerson(t, { roles: ['supervisor'] });
    for (const outsider of [otherCoach, ally, supervisor]) {
      expect((await outsider.agent.get(url(id))).body).toEqual(NOT_FOUND);
      expect((await outsider.agent.post(url(id), { body: 'hello' })).status).toBe(404);
      expect((await outsider.agent.post(`${url(id)}/read`, { upTo: 1 })).status).toBe(404);
      expect((await outsider.agent.get('/api/messages/conversations')).body.conversations).toEqual([]);
      // No link: cannot open a conversation with either of them.
      expect((await open(outsider, member.id)).body).toEqual(NOT_FOUND);
      expect((await open(outsider, coach.id)).status).toBe(404);
    }
    expect((await open(member, member.id)).status).toBe(404);
    expect((await open(member, coach.id, 'partners')).status).toBe(404);
    const anonymous = createAgent(t.app);
    expect((await anonymous.get(url(id))).status).toBe(401);
    expect((await anonymous.get('/api/messages/conversations')).status).toBe(401);
    const unread = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, id)));
    expect(unread[0]?.readAt).toBeNull();
  });

  it('a paused relationship still talks; a proposed one cannot open a conversation', async () => {
    const paused = await pair('paused');
    expect((await send(paused.coach, paused.id, 'Still here while we pause')).status).toBe(201);
    const coach = await buildPerson(t, { roles: ['coach'] });
    const member = await buildPerson(t);
    await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: [], status: 'proposed' });
    expect((await open(member, coach.id)).status).toBe(404);
  });

  it('after the relationship closes: the member keeps a read-only history (409 on send), the coach loses it (404)', async () => {
    const { coach, member, relationship, id } = await pair();
    await send(member, id, 'Thank you for everything');
    await send(coach, id, 'Proud of you');
    await t.database.db
      .update(coachingRelationships)
      .set({ status: 'closed', endedAt: new Date() })
      .where(eq(coachingRelationships.id, relationship.id));

    const refused = await send(member, id, 'One more thing');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    const history = await member.agent.get(url(id));
    expect(history.status).toBe(200);
    expect(history.body.conversation.canSend).toBe(false);
    expect(history.body.messages).toHaveLength(2);
    expect((await member.agent.get('/api/messages/conversations')).body.conversations[0]).toMatchObject({ id, canSend: false });

    expect((await coach.agent.get(url(id))).body).toEqual(NOT_FOUND);
    expect((await send(coach, id, 'Are you there?')).status).toBe(404);
    expect((await coach.agent.get('/api/messages/conversations')).body.conversations).toEqual([]);
    expect((await open(coach, member.id)).status).toBe(404);
    expect(await t.database.db.select().from(messages).where(eq(messages.conversationId, id))).toHaveLength(2);
  });
});

describe('messages between accountability partners', () => {
  it('opens only while the partnership is active; both keep a read-only history after it ends', async () => {
    const a = await buildPerson(t);
    const b = await buildPerson(t);
    expect((await open(a, b.id, 'partners')).status).toBe(404);
    const [row] = await t.database.db
      .insert(partnerships)
      .values({ inviterId: a.id, inviteeId: b.id, status: 'active', inviterScopes: ['clock'], inviteeScopes: ['clock'] })
      .returning();
    const opened = await open(b, a.id, 'partners');
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect((await send(a, id, 'You got this')).status).toBe(201);
    expect((await open(a, b.id)).status).toBe(404);
    await t.database.db
      .update(partnerships)
      .set({ status: 'ended' })
      .where(eq(partnerships.id, row?.id ?? ''));
    expect((await send(b, id, 'Thanks')).status).toBe(409);
    for (const person of [a, b]) {
      const thread = await person.agent.get(url(id));
      expect(thread.status).toBe(200);
      expect(thread.body.conversation.canSend).toBe(false);
    }
  });
});

describe('rate limit on sending', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ rateLimitMultiplier: 1 });
    await setUpOrganization(limited);
  });
  afterAll(async () => limited.close());

  it('answers 429 with headers after 30 messages a minute from one person', async () => {
    const coach = await buildPerson(limited, { roles: ['coach'] });
    const member = await buildPerson(limited);
    await buildCoachingRelationship(limited, { coachId: coach.id, memberId: member.id, scopes: [] });
    const id = (await open(member, coach.id)).body.id;
    for (let i = 0; i < 30; i++) expect((await send(member, id, `m${i}`)).status).toBe(201);
    const blocked = await send(member, id, 'too many');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['x-ratelimit-limit']).toBe('30');
    // Per person: the coach can still answer.
    expect((await send(coach, id, 'slow down, I am here')).status).toBe(201);
    const rows = await limited.database.db.select().from(messages).where(eq(messages.conversationId, id));
    expect(rows).toHaveLength(31);
  });
});
