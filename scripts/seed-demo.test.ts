import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import type { FastifyZod } from '../server/http.ts';
import { createAgent } from '../server/test/agent.ts';
import { setUpOrganization } from '../server/test/factories.ts';
import { buildTestApp, createTestDatabase } from '../server/test/harness.ts';
import { ROLES } from '../shared/contracts/roles.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data.ts';
import { DEMO_MEETINGS } from './demo-meetings.ts';
import { NotADemoError, seedDemo } from './seed-demo.ts';

describe('seedDemo', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: FastifyZod;

  beforeAll(async () => {
    database = await createTestDatabase();
    const result = await seedDemo(database);
    expect(result.status).toBe('seeded');
    app = await buildApp({
      database,
      logger: false,
      rateLimitMultiplier: 100,
      config: { publicUrl: 'http://localhost:3000', smtpUrl: null },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const signIn = async (email: string) => {
    const agent = createAgent(app);
    const response = await agent.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD });
    expect(response.status, `sign-in of ${email}`).toBe(200);
    return agent;
  };

  it('gives every role someone, and the admin can sign in and see them all', async () => {
    const admin = await signIn(DEMO_ADMIN_EMAIL);
    const people = await admin.get<{ email: string; roles: string[] }[]>('/api/admin/people');
    expect(people.status).toBe(200);
    for (const role of ROLES)
      expect(
        people.body.some((p) => p.roles.includes(role)),
        role,
      ).toBe(true);
    expect(people.body.some((p) => p.roles.length > 1 && p.roles.includes('coach') && p.roles.includes('member'))).toBe(true);
    expect(people.body).toHaveLength(DEMO_PEOPLE.length);
    expect(people.body.every((p) => p.email.endsWith('@demo.kinship.invalid'))).toBe(true);

    const invites = await admin.get<{ status: string }[]>('/api/admin/invites');
    expect(invites.body.filter((i) => i.status === 'pending')).toHaveLength(1);
  });

  it('leaves access-log entries from real reads, one of them break-glass', async () => {
    const robin = await signIn('member@demo.kinship.invalid');
    const robinLog = await robin.get<{ entries: { actor: { alias: string }; purpose: string }[] }>('/api/me/access-log');
    expect(robinLog.body.entries.length).toBeGreaterThan(0);
    expect(robinLog.body.entries[0]?.actor.alias).toBe('Demo Jordan');

    const riley = await signIn('riley@demo.kinship.invalid');
    const rileyLog = await riley.get<{ entries: { breakGlass: boolean }[] }>('/api/me/access-log');
    expect(rileyLog.body.entries.some((e) => e.breakGlass)).toBe(true);

    const grants = await robin.get<{ given: { grantee: { alias: string }; purpose: string }[] }>('/api/me/grants');
    expect(grants.body.given.map((g) => g.grantee.alias).sort()).toEqual(['Demo Avery', 'Demo Jordan']);
  });

  it('shows coaching: coaches with free seats, members with coaches and consent, people waiting to be matched', async () => {
    const sam = await signIn('supervisor@demo.kinship.invalid');
    const board = await sam.get<{
      waiting: { member: { alias: string }; waitingDays: number }[];
      coaches: { alias: string; freeSeats: number }[];
    }>('/api/coaching/matching');
    expect(board.body.waiting.map((w) => [w.member.alias, w.waitingDays])).toEqual([
      ['Demo Kai', 6],
      ['Demo Lupe', 2],
    ]);
    expect(board.body.coaches.map((c) => c.alias)).toEqual(['Demo Casey', 'Demo Eli', 'Demo Jordan', 'Demo Rosa']);
    const suggestion = await sam.post<{ pairs: { member: { alias: string }; coach: { alias: string } }[] }>(
      '/api/coaching/matching/suggest',
      {},
    );
    expect(suggestion.body.pairs.map((p) => p.member.alias).sort()).toEqual(['Demo Kai', 'Demo Lupe']);
    const lupe = suggestion.body.pairs.find((p) => p.member.alias === 'Demo Lupe');
    expect(['Demo Casey', 'Demo Rosa']).toContain(lupe?.coach.alias);
    const overview = await sam.get<{ totals: { active: number; notesAwaitingSignOff: number } }>('/api/coaching/supervision');
    expect(overview.body.totals).toMatchObject({ active: 3, notesAwaitingSignOff: 1 });

    const robin = await signIn('member@demo.kinship.invalid');
    const mine = await robin.get<{ current: { id: string; status: string; coach: { alias: string }; scopes: string[] } }>(
      '/api/coaching/mine',
    );
    expect(mine.body.current).toMatchObject({ status: 'active', coach: { alias: 'Demo Jordan' } });
    expect(mine.body.current.scopes.sort()).toEqual(['checkins.summary', 'clock', 'plan', 'profile']);
    const relationship = `/api/coaching/relationships/${mine.body.current.id}`;
    const notes = await robin.get<{ notes: { signedOff: unknown; referrals: { status: string }[] }[] }>(`${relationship}/notes`);
    expect(notes.body.notes).toHaveLength(1);
    expect(notes.body.notes[0]?.signedOff).not.toBeNull();
    expect(notes.body.notes[0]?.referrals.map((r) => r.status)).toEqual(['open']);
    const sessions = await robin.get<{ sessions: { status: string }[] }>(`${relationship}/sessions`);
    expect(sessions.body.sessions.map((s) => s.status)).toEqual(['scheduled', 'completed']);
    const conversations = await robin.get<{ conversations: { other: { alias: string }; lastSeq: number }[] }>(
      '/api/messages/conversations',
    );
    expect(conversations.body.conversations.map((c) => [c.other.alias, c.lastSeq])).toEqual([['Demo Jordan', 3]]);

    const jordan = await signIn('coach@demo.kinship.invalid');
    expect((await jordan.get<{ sessions: unknown[] }>('/api/coaching/sessions/upcoming')).body.sessions).toHaveLength(1);
    const awaiting = await sam.get<{ notes: { member: { alias: string } }[] }>('/api/coaching/notes/awaiting-sign-off');
    expect(awaiting.body.notes.map((n) => n.member.alias)).toEqual(['Demo Riley']);

    const taylor = await signIn('taylor@demo.kinship.invalid');
    const partners = await taylor.get<{ active: { partner: { alias: string } }[] }>('/api/partners');
    expect(partners.body.active.map((p) => p.partner.alias)).toEqual(['Demo Morgan']);
  });

  it('shows meetings: own groups in the public finder and feed, events with answers, a buddy, saved meetings', async () => {
    const feed = await app.inject({ method: 'GET', url: '/api/meetings/feed.json' });
    const records = feed.json() as { name: string; fellowship?: string; day?: number }[];
    expect(records).toHaveLength(DEMO_MEETINGS.length);
    expect(new Set(records.map((r) => r.fellowship))).toEqual(
      new Set(['AA', 'NA', 'SMART Recovery', 'Recovery Dharma', 'Kinship', 'Al-Anon']),
    );
    expect(records.filter((r) => r.day === undefined).map((r) => r.name)).toEqual(['Peer support by appointment']);
    const found = await app.inject({ method: 'GET', url: '/api/meetings?tz=America/Chicago&near=41.8857,-87.6582&radiusKm=5' });
    expect((found.json() as { items: { name: string }[] }).items[0]?.name).toMatch(/^(Daily Reflections|Kinship Peer Circle)$/);

    const robin = await signIn('member@demo.kinship.invalid');
    const events = await robin.get<{ events: { title: string; myStatus: string | null }[] }>('/api/events');
    expect(events.body.events.map((e) => [e.title, e.myStatus])).toEqual([
      ['Budgeting in early recovery', 'none'],
      ['Sober bowling night', 'going'],
    ]);
    const saved = await robin.get<{ items: { name: string }[] }>('/api/me/meetings');
    expect(saved.body.items.map((m) => m.name).sort()).toEqual(['Daily Reflections', 'Hope on Halsted']);
    const went = await robin.get<{ items: unknown[] }>('/api/me/meeting-attendance');
    expect(went.body.items).toHaveLength(2);
    const jordan = await signIn('coach@demo.kinship.invalid');
    expect((await jordan.get<{ volunteer: { active: boolean } | null }>('/api/buddies')).body.volunteer?.active).toBe(true);
  });

  it('says "already seeded" the second time and changes nothing', async () => {
    const again = await seedDemo(database);
    expect(again.status).toBe('already_seeded');
    const admin = await signIn(DEMO_ADMIN_EMAIL);
    expect((await admin.get<unknown[]>('/api/admin/people')).body).toHaveLength(DEMO_PEOPLE.length);
  });
});

describe('seedDemo on a real organization', () => {
  it('refuses and changes nothing', async () => {
    const t = await buildTestApp();
    try {
      const admin = await setUpOrganization(t);
      await expect(seedDemo(t.database)).rejects.toBeInstanceOf(NotADemoError);
      expect((await admin.agent.get<unknown[]>('/api/admin/people')).body).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
