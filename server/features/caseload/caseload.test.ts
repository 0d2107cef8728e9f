import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../../shared/contracts/consent.ts';
import { riskAlerts } from '../../db/schema/caseload.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { recoveryClocks } from '../../db/schema/clocks.ts';
import { coachingSessions, referrals } from '../../db/schema/coaching-sessions.ts';
import { accessLog } from '../../db/schema/consent.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { addDays, todayIn } from '../../lib/dates.ts';
import type { Actor } from '../../plugins/session.ts';
import { createAgent } from '../../test/agent.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { runLength } from '../clocks/milestones.ts';
import { ACCESS_LOG_COALESCE_MINUTES } from '../consent/consent.policy.ts';
import { getCaseload } from './caseload.service.ts';
import { runRiskSweep } from './caseload.sweep.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

const ALL: Scope[] = ['checkins.summary', 'checkins.detail', 'clock', 'assessments', 'sos'];
// Test people live in America/Chicago (factories.ts).
const today = () => todayIn('America/Chicago');
const CHECKIN = { mood: 3, craving: 2, used: 'no' };

async function checkIn(member: Person, daysAgo: number, values: Partial<typeof CHECKIN> = {}) {
  const date = addDays(today(), -daysAgo);
  const response = await member.agent.put(`/api/me/checkins/${date}`, { ...CHECKIN, ...values });
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
}

async function client(coach: Person, relationshipId: string) {
  const response = await coach.agent.get('/api/caseload');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.clients.find((c: { relationshipId: string }) => c.relationshipId === relationshipId);
}

async function pair(scopes: Scope[], status: 'active' | 'paused' | 'proposed' = 'active', coach?: Person) {
  const theCoach = coach ?? (await buildPerson(t, { roles: ['coach'] }));
  const member = await buildPerson(t);
  const rel = await buildCoachingRelationship(t, { coachId: theCoach.id, memberId: member.id, scopes, status });
  return { coach: theCoach, member, rel };
}

const NOTHING_SHARED = { shared: [], checkins: null, cravingTrend: null, clock: null, flags: null };

describe('GET /api/caseload — who may call it', () => {
  it('answers coaches only: 401 signed out, 404 to members and allies', async () => {
    expect((await createAgent(t.app).get('/api/caseload')).status).toBe(401);
    expect((await (await buildPerson(t)).agent.get('/api/caseload')).status).toBe(404);
    expect((await (await buildPerson(t, { roles: ['ally'] })).agent.get('/api/caseload')).status).toBe(404);
    expect((await (await buildPerson(t, { roles: ['ally'] })).agent.get('/api/caseload/rules')).status).toBe(404);
    const coach = await buildPerson(t, { roles: ['coach'] });
    expect(await coach.agent.get('/api/caseload')).toMatchObject({ status: 200, body: { clients: [] } });
  });

  it('lists proposed, active and paused relationships, not another coach’s clients', async () => {
    const { coach, member, rel } = await pair(ALL);
    const paused = await pair([], 'paused', coach);
    const proposed = await pair([], 'proposed', coach);
    await checkIn(member, 0);
    const other = await buildPerson(t, { roles: ['coach'] });
    expect((await other.agent.get('/api/caseload')).body.clients).toEqual([]);
    const ids = (await coach.agent.get('/api/caseload')).body.clients.map((c: { relationshipId: string }) => c.relationshipId);
    expect(ids.sort()).toEqual([rel.id, paused.rel.id, proposed.rel.id].sort());
    expect(await client(coach, paused.rel.id)).toMatchObject({
      status: 'paused',
      memberId: paused.member.id,
      alias: paused.member.alias,
      ...NOTHING_SHARED,
    });
    expect(await client(coach, proposed.rel.id)).toMatchObject({ status: 'proposed', ...NOTHING_SHARED });
  });
});

describe('GET /api/caseload — only what each client granted', () => {
  it('shows a client who granted nothing with alias and status only, and logs nothing', async () => {
    const { coach, member, rel } = await pair([]);
    await checkIn(member, 0, { craving: 9, used: 'yes' });
    await member.agent.post('/api/sos');
    const shown = await client(coach, rel.id);
    expect(shown).toEqual({
      relationshipId: rel.id,
      memberId: member.id,
      status: 'active',
      alias: member.alias,
      nextSession: null,
      openReferrals: 0,
      ...NOTHING_SHARED,
      need: 0,
    });
    const logged = await t.database.db.select().from(accessLog).where(eq(accessLog.subjectId, member.id));
    expect(logged).toEqual([]);
  });

  it('adds exactly the fields of each scope granted, and logs one row per scope shown', async () => {
    const cases: [Scope, string[]][] = [
      ['checkins.summary', ['checkins', 'flags']],
      ['checkins.detail', ['cravingTrend', 'flags']],
      ['clock', ['clock']],
      ['assessments', ['flags']],
      ['sos', ['flags']],
    ];
    for (const [scope, fields] of cases) {
      const { coach, member, rel } = await pair([scope]);
      await checkIn(member, 0);
      await t.database.db
        .insert(recoveryClocks)
        .values({ userId: member.id, label: 'Alcohol', kind: 'abstinence', startedAt: new Date(Date.now() - 10.5 * 86_400_000) });
      const shown = await client(coach, rel.id);
      expect(shown.shared, scope).toEqual([scope]);
      for (const field of ['checkins', 'cravingTrend', 'clock', 'flags']) {
        if (fields.includes(field)) expect(shown[field], `${scope} ${field}`).not.toBeNull();
        else expect(shown[field], `${scope} ${field}`).toBeNull();
      }
      const logged = await t.database.db
        .select({ scope: accessLog.scope, grantId: accessLog.grantId })
        .from(accessLog)
        .where(and(eq(accessLog.subjectId, member.id), eq(accessLog.actorId, coach.id)));
      expect(logged).toEqual([{ scope, grantId: rel.grantId }]);
    }
  });

  it('logs a refresh within minutes no more, and every scope again once the window has passed (decision 006)', async () => {
    const { coach, member, rel } = await pair(['checkins.summary', 'clock']);
    const logged = () =>
      t.database.db
        .select({ scope: accessLog.scope, at: accessLog.at })
        .from(accessLog)
        .where(and(eq(accessLog.subjectId, member.id), eq(accessLog.actorId, coach.id)))
        .orderBy(accessLog.id);
    await client(coach, rel.id);
    await client(coach, rel.id);
    expect((await logged()).map((r) => r.scope).sort()).toEqual(['checkins.summary', 'clock']);

    const actor: Actor = {
      userId: coach.id,
      email: coach.email,
      alias: coach.alias,
      timezone: 'America/Chicago',
      roles: ['coach'],
      mfaEnabled: false,
      session: { tokenHash: 'unused', csrfToken: 'unused', state: 'active' },
    };
    const within = new Date(Date.now() + (ACCESS_LOG_COALESCE_MINUTES - 1) * 60_000);
    const later = new Date(Date.now() + (ACCESS_LOG_COALESCE_MINUTES + 1) * 60_000);
    await getCaseload({ db: t.database.db, actor, now: within });
    expect(await logged()).toHaveLength(2);
    await getCaseload({ db: t.database.db, actor, now: later });
    const rows = await logged();
    expect(
      rows
        .slice(2)
        .map((r) => [r.scope, r.at.getTime()])
        .sort(),
    ).toEqual([
      ['checkins.summary', later.getTime()],
      ['clock', later.getTime()],
    ]);
  });

  it('shows the values: last check-in, streak, craving trend, clock days, next session, open referrals', async () => {
    const { coach, member, rel } = await pair(ALL);
    for (const [daysAgo, craving] of [
      [0, 4],
      [1, 3],
      [2, 2],
      [4, 1],
    ] as const)
      await checkIn(member, daysAgo, { craving });
    await t.database.db
      .insert(recoveryClocks)
      .values({ userId: member.id, label: 'Alcohol', kind: 'abstinence', startedAt: new Date(Date.now() - 10.5 * 86_400_000) });
    const soon = new Date(Date.now() + 86_400_000);
    await t.database.db.insert(coachingSessions).values([
      {
        relationshipId: rel.id,
        coachId: coach.id,
        memberId: member.id,
        scheduledAt: new Date(Date.now() + 3 * 86_400_000),
        durationMinutes: 30,
        contactType: 'phone',
      },
      { relationshipId: rel.id, coachId: coach.id, memberId: member.id, scheduledAt: soon, durationMinutes: 30, contactType: 'video' },
      {
        relationshipId: rel.id,
        coachId: coach.id,
        memberId: member.id,
        scheduledAt: new Date(Date.now() - 86_400_000),
        durationMinutes: 30,
        contactType: 'phone',
      },
    ] as never);
    await t.database.db.insert(referrals).values([
      { relationshipId: rel.id, coachId: coach.id, memberId: member.id, service: 'Housing' },
      { relationshipId: rel.id, coachId: coach.id, memberId: member.id, service: 'Dental' },
      { relationshipId: rel.id, coachId: coach.id, memberId: member.id, service: 'Food', status: 'closed' },
    ]);
    const shown = await client(coach, rel.id);
    expect(shown.checkins).toEqual({ lastDate: today(), daysSince: 0, currentStreak: 3, streakCapped: false });
    expect(shown.cravingTrend.days).toHaveLength(14);
    expect(shown.cravingTrend.days.slice(-5)).toEqual([
      { date: addDays(today(), -4), craving: 1 },
      { date: addDays(today(), -3), craving: null },
      { date: addDays(today(), -2), craving: 2 },
      { date: addDays(today(), -1), craving: 3 },
      { date: today(), craving: 4 },
    ]);
    expect(shown.cravingTrend).toMatchObject({ recentAverage: 3, previousAverage: null });
    expect(shown.clock).toEqual({ label: 'Alcohol', days: 10 });
    expect(shown.nextSession).toEqual({ at: soon.toISOString(), contactType: 'video' });
    expect(shown.openReferrals).toBe(2);
    expect(shown.flags).toEqual([]);
  });

  it('counts a streak up to 90 days and says when it is longer', async () => {
    const insertDays = (userId: string, days: number, from = 0) =>
      t.database.db.insert(checkins).values(
        Array.from({ length: days }, (_, i) => ({
          userId,
          localDate: addDays(today(), -(from + i)),
          mood: 3,
          craving: 1,
          used: 'no' as const,
        })),
      );
    const long = await pair(['checkins.summary']);
    await insertDays(long.member.id, 200);
    expect((await client(long.coach, long.rel.id)).checkins).toEqual({
      lastDate: today(),
      daysSince: 0,
      currentStreak: 90,
      streakCapped: true,
    });
    const exact = await pair(['checkins.summary']);
    await insertDays(exact.member.id, 70, 1); // yesterday and the 69 days before; a gap, then more
    await insertDays(exact.member.id, 30, 72);
    expect((await client(exact.coach, exact.rel.id)).checkins).toEqual({
      lastDate: addDays(today(), -1),
      daysSince: 1,
      currentStreak: 70,
      streakCapped: false,
    });
  });

  it('counts clock days by the clock page’s own day rule', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    const now = Date.now();
    const starts = [5 * 60_000, 23.9 * 3600_000, 24.1 * 3600_000, 40.2 * 86_400_000, 400.7 * 86_400_000, 3 * 365.25 * 86_400_000].map(
      (ago) => new Date(now - ago),
    );
    const pairs = [];
    for (const startedAt of starts) {
      const p = await pair(['clock'], 'active', coach);
      await t.database.db.insert(recoveryClocks).values({ userId: p.member.id, label: 'Recovery', kind: 'recovery', startedAt });
      pairs.push({ ...p, startedAt });
    }
    const { body } = await coach.agent.get('/api/caseload');
    for (const p of pairs) {
      const shown = body.clients.find((c: { relationshipId: string }) => c.relationshipId === p.rel.id);
      expect(shown.clock).toEqual({ label: 'Recovery', days: runLength(p.startedAt, new Date(body.generatedAt), 'America/Chicago').days });
    }
  });

  it('hides a revoked grant on the very next request', async () => {
    const { coach, member, rel } = await pair(ALL);
    await checkIn(member, 0, { craving: 9 });
    expect((await client(coach, rel.id)).flags).toEqual([expect.objectContaining({ rule: 'craving_high' })]);
    const revoked = await member.agent.post(`/api/me/grants/${rel.grantId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(await client(coach, rel.id)).toMatchObject({ alias: member.alias, status: 'active', ...NOTHING_SHARED });
  });
});

describe('GET /api/caseload — risk flags and order of need', () => {
  it('flags each rule from real records and sorts the most urgent first', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    const quiet = await pair(ALL, 'active', coach);
    await checkIn(quiet.member, 3);
    const craving = await pair(ALL, 'active', coach);
    await checkIn(craving.member, 0, { craving: 8 });
    const using = await pair(ALL, 'active', coach);
    await checkIn(using.member, 5, { used: 'yes' });
    await checkIn(using.member, 0);
    const barc = await pair(ALL, 'active', coach);
    await checkIn(barc.member, 0);
    expect((await barc.member.agent.post('/api/me/assessments/barc10', { answers: Array(10).fill(5) })).status).toBe(201);
    expect(
      (await barc.member.agent.post('/api/me/assessments/barc10', { answers: [...Array(5).fill(5), ...Array(5).fill(4)] })).status,
    ).toBe(201);
    const sos = await pair(ALL, 'active', coach);
    await checkIn(sos.member, 0);
    expect((await sos.member.agent.post('/api/sos')).status).toBe(201);
    const fine = await pair(ALL, 'active', coach);
    await checkIn(fine.member, 0);

    const { body } = await coach.agent.get('/api/caseload');
    const order = body.clients.map((c: { relationshipId: string }) => c.relationshipId);
    expect(order).toEqual([sos.rel.id, using.rel.id, craving.rel.id, barc.rel.id, quiet.rel.id, fine.rel.id]);
    const flagsOf = (id: string) => body.clients.find((c: { relationshipId: string }) => c.relationshipId === id).flags;
    expect(flagsOf(sos.rel.id)).toEqual([{ rule: 'sos', since: expect.any(String), value: null, basis: null }]);
    expect(flagsOf(using.rel.id)).toEqual([{ rule: 'use_reported', since: addDays(today(), -5), value: null, basis: null }]);
    expect(flagsOf(craving.rel.id)).toEqual([{ rule: 'craving_high', since: today(), value: 8, basis: 'level' }]);
    expect(flagsOf(barc.rel.id)).toEqual([{ rule: 'barc_drop', since: today(), value: 5, basis: null }]);
    expect(flagsOf(quiet.rel.id)).toEqual([{ rule: 'no_checkin', since: addDays(today(), -3), value: 3, basis: null }]);
    expect(flagsOf(fine.rel.id)).toEqual([]);
  });

  it('does not evaluate a rule whose scope was not granted', async () => {
    const { coach, member, rel } = await pair(['checkins.summary']);
    await checkIn(member, 0, { craving: 10, used: 'yes' });
    await member.agent.post('/api/sos');
    expect((await client(coach, rel.id)).flags).toEqual([]);
  });

  it('GET /api/caseload/rules names each rule with the scopes it needs and its numbers', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    const { body } = await coach.agent.get('/api/caseload/rules');
    expect(body.rules.map((r: { rule: string }) => r.rule)).toEqual(['sos', 'use_reported', 'craving_high', 'barc_drop', 'no_checkin']);
    expect(body.rules[4].scopes).toEqual(['checkins.summary', 'checkins.detail']);
    expect(body.thresholds).toMatchObject({ cravingLevel: 8, cravingRise: 3, barcDrop: 5, sosHours: 48, noCheckinDays: 2 });
  });
});

describe('runRiskSweep', () => {
  it('raises one alert per client, rule and day, with one in-app notification and one neutral email; a second sweep creates nothing', async () => {
    const coach = await buildPerson(t, { roles: ['coach'] });
    const flagged = await pair(ALL, 'active', coach);
    await checkIn(flagged.member, 0, { craving: 9, used: 'yes' });
    const hidden = await pair([], 'active', coach);
    await checkIn(hidden.member, 0, { craving: 9, used: 'yes' });
    const now = new Date();

    const first = await runRiskSweep({ ctx: t.app.ctx, now });
    expect(first.alerts).toBeGreaterThanOrEqual(2);
    const alerts = await t.database.db.select().from(riskAlerts).where(eq(riskAlerts.coachId, coach.id));
    expect(alerts.map((a) => [a.memberId, a.rule]).sort()).toEqual([
      [flagged.member.id, 'craving_high'],
      [flagged.member.id, 'use_reported'],
    ]);
    const inApp = await t.database.db.select().from(notifications).where(eq(notifications.userId, coach.id));
    expect(inApp).toHaveLength(2);
    expect(inApp.every((n) => n.kind === 'risk' && n.title.includes(flagged.member.alias) && n.link === '/caseload')).toBe(true);
    const emails = await t.database.db.select().from(outbox).where(eq(outbox.to, coach.email));
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain('A client on your caseload may need a check-in: open Kinship');
    expect(emails[0]?.text).not.toContain(flagged.member.alias);

    const second = await runRiskSweep({ ctx: t.app.ctx, now });
    expect(second).toEqual({ alerts: 0, emailed: 0 });
    expect(await t.database.db.select().from(riskAlerts).where(eq(riskAlerts.coachId, coach.id))).toHaveLength(2);
    expect(await t.database.db.select().from(notifications).where(eq(notifications.userId, coach.id))).toHaveLength(2);
    expect(await t.database.db.select().from(outbox).where(eq(outbox.to, coach.email))).toHaveLength(1);
  });
});
