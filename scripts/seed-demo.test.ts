import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import type { FastifyZod } from '../server/http.ts';
import { createAgent } from '../server/test/agent.ts';
import { setUpOrganization } from '../server/test/factories.ts';
import { buildTestApp, createTestDatabase } from '../server/test/harness.ts';
import { ROLES } from '../shared/contracts/roles.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data.ts';
import { seededRandom } from './demo-history.ts';
import { DEMO_MEETINGS } from './demo-meetings.ts';
import { NotADemoError, seedDemo, seedSummary } from './seed-demo.ts';

// Not the port the server defaults to: every link the demo writes must use the configured address.
const PUBLIC_URL = 'https://kinship-demo.example.org:8443';
const DAY_MS = 86_400_000;

describe('seedDemo', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: FastifyZod;

  beforeAll(async () => {
    database = await createTestDatabase();
    const result = await seedDemo(database, { publicUrl: PUBLIC_URL });
    expect(result.status).toBe('seeded');
    app = await buildApp({
      database,
      logger: false,
      rateLimitMultiplier: 100,
      config: { publicUrl: 'http://localhost:3000', smtpUrl: null },
    });
    await app.ready();
    // Six weeks of history go through the services one write at a time: seconds, more on a busy machine.
  }, 180_000);
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
    expect(overview.body.totals).toMatchObject({ active: 4, notesAwaitingSignOff: 1 });

    const robin = await signIn('member@demo.kinship.invalid');
    const mine = await robin.get<{ current: { id: string; status: string; coach: { alias: string }; scopes: string[] } }>(
      '/api/coaching/mine',
    );
    expect(mine.body.current).toMatchObject({ status: 'active', coach: { alias: 'Demo Jordan' } });
    expect(mine.body.current.scopes.sort()).toEqual(['checkins.summary', 'clock', 'plan', 'profile', 'safety_plan']);
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
    expect(conversations.body.conversations.map((c) => [c.other.alias, c.lastSeq])).toEqual([['Demo Jordan', 4]]);

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
    const went = await robin.get<{ items: { meetingName: string; attendedOn: string }[] }>('/api/me/meeting-attendance');
    expect(went.body.items.length).toBeGreaterThan(8);
    // Only on days the meeting meets (0 = Sunday).
    const meets = (name: string) => DEMO_MEETINGS.filter((m) => m.name === name).map((m) => m.day);
    for (const entry of went.body.items) expect(meets(entry.meetingName)).toContain(new Date(`${entry.attendedOn}T12:00:00Z`).getUTCDay());
    const jordan = await signIn('coach@demo.kinship.invalid');
    expect((await jordan.get<{ volunteer: { active: boolean } | null }>('/api/buddies')).body.volunteer?.active).toBe(true);
  });

  it('writes every link with the configured public URL, and prints it', async () => {
    const admin = await signIn(DEMO_ADMIN_EMAIL);
    const outbox = await admin.get<{ text: string }[]>('/api/admin/outbox');
    const links = outbox.body.flatMap((m) => m.text.match(/https?:\/\/[^\s"]+/g) ?? []);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`${PUBLIC_URL}/`), link).toBe(true);
    const summary = seedSummary(await seedDemo(database, { publicUrl: PUBLIC_URL }), PUBLIC_URL);
    expect(summary).toContain(`sign in at ${PUBLIC_URL}`);
    expect(summary).not.toContain('localhost');
  });

  it('gives members weeks of varied check-ins, clocks with milestones and BARC-10 results over time', async () => {
    const robin = await signIn('member@demo.kinship.invalid');
    const trends = await robin.get<{ daysCheckedIn: number; series: { craving: number | null; mood: number | null }[] }>(
      '/api/me/trends?days=90',
    );
    expect(trends.body.daysCheckedIn).toBeGreaterThanOrEqual(30);
    const cravings = new Set(trends.body.series.map((p) => p.craving).filter((c) => c !== null));
    expect(cravings.size).toBeGreaterThanOrEqual(3);
    const clocks = await robin.get<{ clocks: { label: string; currentDays: number; reachedMilestones: unknown[]; pastRuns: unknown[] }[] }>(
      '/api/me/clocks',
    );
    const alcohol = clocks.body.clocks.find((c) => c.label === 'Alcohol-free');
    expect(alcohol).toMatchObject({ currentDays: 97, pastRuns: [expect.anything()] });
    expect(alcohol?.reachedMilestones.length).toBeGreaterThanOrEqual(5);
    const barc = await robin.get<{ results: { total: number; takenAt: string }[] }>('/api/me/assessments/barc10');
    expect(barc.body.results).toHaveLength(4);
    const oldest = barc.body.results.at(-1);
    expect(Date.now() - new Date(oldest?.takenAt ?? '').getTime()).toBeGreaterThan(35 * DAY_MS);
    expect(barc.body.results[0]?.total).toBeGreaterThan(oldest?.total ?? 60);

    const today = await robin.get<{ checkin: { done: boolean; currentStreak: number }; unreadMessages: number; nextEvent: unknown }>(
      '/api/me/today',
    );
    expect(today.body).toMatchObject({ checkin: { done: false }, unreadMessages: 2, nextEvent: { title: 'Sober bowling night' } });
    expect(today.body.checkin.currentStreak).toBeGreaterThan(0);
  });

  it("shows coaches risk flags from what clients share, and Robin's plans to her coach", async () => {
    const jordan = await signIn('coach@demo.kinship.invalid');
    const caseload = await jordan.get<{ clients: { alias: string; memberId: string; flags: { rule: string }[] | null }[] }>(
      '/api/caseload',
    );
    const flagsOf = (alias: string) => caseload.body.clients.find((c) => c.alias === alias)?.flags?.map((f) => f.rule);
    expect(flagsOf('Demo Morgan')).toContain('craving_high');
    expect(flagsOf('Demo Robin')).toEqual([]);
    const robinId = caseload.body.clients.find((c) => c.alias === 'Demo Robin')?.memberId;
    const plan = await jordan.get<{ content: { goals: unknown[] } }>(`/api/people/${robinId}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.content.goals.length).toBeGreaterThan(0);
    const safety = await jordan.get<{ content: { warningSigns: string[] } }>(`/api/people/${robinId}/safety-plan`);
    expect(safety.status).toBe(200);
    expect(safety.body.content.warningSigns.length).toBeGreaterThan(0);
    const home = await jordan.get<{ coach: { clients: number; flaggedClients: number } }>('/api/me/today');
    expect(home.body.coach).toMatchObject({ clients: 2, flaggedClients: 1 });

    const casey = await signIn('casey@demo.kinship.invalid');
    const hers = await casey.get<{ clients: { alias: string; flags: { rule: string }[] | null }[] }>('/api/caseload');
    expect(hers.body.clients.find((c) => c.alias === 'Demo Riley')?.flags?.map((f) => f.rule)).toEqual(['no_checkin']);
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
  }, 120_000);
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, so every demo is the same', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
