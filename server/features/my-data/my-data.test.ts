import { eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myDataExportSchema } from '../../../shared/contracts/my-data.ts';
import { assessments } from '../../db/schema/assessments.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { passwordResets, sessions, users } from '../../db/schema/auth.ts';
import { checkins } from '../../db/schema/checkins.ts';
import { clockRuns, recoveryClocks } from '../../db/schema/clocks.ts';
import { accessLog, consentGrants } from '../../db/schema/consent.ts';
import { idempotencyKeys } from '../../db/schema/core.ts';
import { invites } from '../../db/schema/invites.ts';
import { outbox } from '../../db/schema/mail.ts';
import { notifications, pushSubscriptions } from '../../db/schema/notifications.ts';
import { recoveryPlanVersions, safetyPlanVersions } from '../../db/schema/plans.ts';
import { profiles } from '../../db/schema/profile.ts';
import { reasons } from '../../db/schema/reasons.ts';
import { reminderPreferences } from '../../db/schema/reminders.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

const db = () => t.database.db;

/** Markers that must never leave the server in an export. */
const SECRETS = {
  totp: 'TOTP-SECRET-MARKER-7f3a',
  recoveryCode: 'RECOVERY-HASH-MARKER-91be',
  idempotentReply: 'IDEMPOTENT-REPLY-MARKER-22c4',
  pushKey: 'PUSH-AUTH-MARKER-5d0e',
};

/** A member with something in every table, written directly (the features have their own tests). */
async function seedRecoveryData(person: Person, tag: string) {
  const d = db();
  await d.insert(checkins).values({
    userId: person.id,
    localDate: '2026-11-20',
    mood: 4,
    craving: 2,
    sleepHours: 7.5,
    used: 'no',
    gratitude: `grateful ${tag}`,
    note: `note ${tag}`,
  });
  const [clock] = await d
    .insert(recoveryClocks)
    .values({ userId: person.id, label: `clock ${tag}`, kind: 'recovery', startedAt: new Date('2026-06-01T00:00:00Z') })
    .returning();
  if (!clock) throw new Error('no clock');
  await d
    .insert(clockRuns)
    .values({ clockId: clock.id, startedAt: new Date('2026-01-01T00:00:00Z'), endedAt: new Date('2026-05-31T00:00:00Z') });
  await d.insert(reasons).values({ userId: person.id, text: `reason ${tag}`, position: 0 });
  await d.insert(recoveryPlanVersions).values([
    { userId: person.id, version: 1, content: { goals: [`plan v1 ${tag}`] } },
    { userId: person.id, version: 2, content: { goals: [`plan v2 ${tag}`] } },
  ]);
  await d.insert(safetyPlanVersions).values({ userId: person.id, version: 1, content: { mostImportant: `safety ${tag}` } });
  await d.insert(assessments).values({ userId: person.id, instrument: 'barc10', answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], total: 50 });
  await d.insert(reminderPreferences).values({ userId: person.id, checkinTime: '20:30', byEmail: true });
  await d.insert(notifications).values({
    userId: person.id,
    kind: 'milestone',
    title: `milestone ${tag}`,
    body: 'Thirty days',
    dedupeKey: `${person.id}:milestone:${tag}`,
  });
  await d.insert(pushSubscriptions).values({
    userId: person.id,
    endpoint: `https://push.example/${person.id}`,
    keys: { p256dh: 'p256dh-key', auth: `${SECRETS.pushKey}-${tag}` },
  });
  await d.insert(idempotencyKeys).values({
    userId: person.id,
    key: `key-${tag}`,
    requestHash: 'h',
    status: 201,
    response: { secret: `${SECRETS.idempotentReply}-${tag}` },
  });
  await d
    .update(users)
    .set({ totpSecretEnc: `${SECRETS.totp}-${tag}`, recoveryCodeHashes: [`${SECRETS.recoveryCode}-${tag}`] })
    .where(eq(users.id, person.id));
  await d.insert(passwordResets).values({ userId: person.id, tokenHash: `reset-hash-${tag}`, expiresAt: new Date(Date.now() + 3_600_000) });
}

async function grant(from: Person, to: Person, scopes: string[], purpose = 'Peer support') {
  const response = await from.agent.post('/api/me/grants', { granteeId: to.id, scopes, purpose });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

async function countRows(userId: string) {
  const d = db();
  const mine = async (table: any, column: any) => (await d.select().from(table).where(eq(column, userId))).length;
  return {
    checkins: await mine(checkins, checkins.userId),
    clocks: await mine(recoveryClocks, recoveryClocks.userId),
    reasons: await mine(reasons, reasons.userId),
    plans: await mine(recoveryPlanVersions, recoveryPlanVersions.userId),
    safetyPlans: await mine(safetyPlanVersions, safetyPlanVersions.userId),
    assessments: await mine(assessments, assessments.userId),
    reminders: await mine(reminderPreferences, reminderPreferences.userId),
    notifications: await mine(notifications, notifications.userId),
    push: await mine(pushSubscriptions, pushSubscriptions.userId),
    idempotency: await mine(idempotencyKeys, idempotencyKeys.userId),
    sessions: await mine(sessions, sessions.userId),
    resets: await mine(passwordResets, passwordResets.userId),
    grants: (
      await d
        .select()
        .from(consentGrants)
        .where(or(eq(consentGrants.grantorId, userId), eq(consentGrants.granteeId, userId)))
    ).length,
  };
}

describe('GET /api/me/export', () => {
  it('downloads everything of mine across features, as a versioned JSON file', async () => {
    const member = await buildPerson(t, { alias: 'Export Ellie' });
    const coach = await buildPerson(t, { alias: 'Coach Cass', roles: ['coach'] });
    await seedRecoveryData(member, 'ellie');
    await grant(member, coach, ['profile', 'clock'], 'Coaching');
    await grant(coach, member, ['profile'], 'Mutual support');
    expect((await coach.agent.get(`/api/people/${member.id}/profile`)).status).toBe(200);

    const response = await member.agent.get('/api/me/export');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="kinship-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const body = myDataExportSchema.parse(response.body);

    expect(body.format).toBe('kinship-export');
    expect(body.version).toBe(1);
    expect(body.account).toMatchObject({ id: member.id, email: member.email, roles: ['member'], status: 'active' });
    expect(body.profile).toMatchObject({ alias: 'Export Ellie', timezone: 'America/Chicago' });
    expect(body.consent.given).toEqual([expect.objectContaining({ grantee: { id: coach.id, alias: 'Coach Cass' }, purpose: 'Coaching' })]);
    expect(body.consent.received).toEqual([expect.objectContaining({ grantor: { id: coach.id, alias: 'Coach Cass' } })]);
    expect(body.accessLog).toEqual([
      expect.objectContaining({ reader: { id: coach.id, alias: 'Coach Cass' }, scope: 'profile', purpose: 'Coaching', breakGlass: false }),
    ]);
    expect(body.securityEvents.map((e) => e.event)).toEqual(expect.arrayContaining(['signin.success', 'grant.created']));
    expect(body.checkins).toEqual([
      expect.objectContaining({
        localDate: '2026-11-20',
        mood: 4,
        craving: 2,
        sleepHours: 7.5,
        note: 'note ellie',
        gratitude: 'grateful ellie',
      }),
    ]);
    expect(body.clocks).toEqual([
      expect.objectContaining({ label: 'clock ellie', runs: [expect.objectContaining({ startedAt: '2026-01-01T00:00:00.000Z' })] }),
    ]);
    expect(body.reasons.map((r) => r.text)).toEqual(['reason ellie']);
    expect(body.recoveryPlan.map((v) => v.version)).toEqual([1, 2]);
    expect(body.recoveryPlan[0]?.content).toEqual({ goals: ['plan v1 ellie'] });
    expect(body.safetyPlan).toEqual([expect.objectContaining({ version: 1, content: { mostImportant: 'safety ellie' } })]);
    expect(body.assessments).toEqual([expect.objectContaining({ instrument: 'barc10', total: 50 })]);
    expect(body.reminderPreferences).toMatchObject({ checkinTime: '20:30', byEmail: true });
    expect(body.notifications).toEqual([expect.objectContaining({ title: 'milestone ellie' })]);
  });

  it('never contains a secret: password hash, two-factor secret, recovery codes, session tokens, stored replies', async () => {
    const member = await buildPerson(t, { alias: 'Secret Sam' });
    await seedRecoveryData(member, 'sam');
    const [row] = await db().select().from(users).where(eq(users.id, member.id));
    const sessionRows = await db().select().from(sessions).where(eq(sessions.userId, member.id));
    const response = await member.agent.raw({ method: 'GET', url: '/api/me/export' });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(text).toContain('note sam');
    const forbidden = [
      row?.passwordHash ?? 'missing',
      '$argon2',
      `${SECRETS.totp}-sam`,
      `${SECRETS.recoveryCode}-sam`,
      `${SECRETS.idempotentReply}-sam`,
      `${SECRETS.pushKey}-sam`,
      'reset-hash-sam',
      member.agent.cookies.get('__Host-kinship') ?? 'missing',
      ...sessionRows.flatMap((s) => [s.tokenHash, s.csrfToken]),
    ];
    for (const secret of forbidden) expect(text, secret).not.toContain(secret);
    for (const key of ['passwordHash', 'totpSecretEnc', 'recoveryCodeHashes', 'tokenHash', 'csrfToken', 'subjectHash', 'requestHash']) {
      expect(text).not.toContain(`"${key}"`);
    }
  });

  it('never contains another person’s data', async () => {
    const member = await buildPerson(t, { alias: 'Own Oona' });
    const other = await buildPerson(t, { alias: 'Other Otto' });
    await seedRecoveryData(member, 'oona');
    await seedRecoveryData(other, 'otto');
    const text = (await member.agent.raw({ method: 'GET', url: '/api/me/export' })).body;
    expect(text).toContain('note oona');
    expect(text).not.toContain('otto');
    expect(text).not.toContain('Other Otto');
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(other.id);
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get('/api/me/export')).status).toBe(401);
  });

  it('is rate-limited per person', async () => {
    const limited = await buildTestApp({ rateLimitMultiplier: 1 });
    try {
      await setUpOrganization(limited);
      const first = await buildPerson(limited);
      const second = await buildPerson(limited);
      for (let i = 0; i < 10; i += 1) expect((await first.agent.get('/api/me/export')).status).toBe(200);
      const refused = await first.agent.get('/api/me/export');
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      // Someone else (same address) still gets theirs.
      expect((await second.agent.get('/api/me/export')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('POST /api/me/delete-account', () => {
  it('refuses a wrong password with a 400 naming the field, and changes nothing', async () => {
    const member = await buildPerson(t, { alias: 'Careful Cleo' });
    await seedRecoveryData(member, 'cleo');
    const before = await countRows(member.id);
    const response = await member.agent.post('/api/me/delete-account', { password: 'not the password at all', confirm: 'DELETE' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: 'body.password', message: 'Not your password' }]);
    const again = await member.agent.post('/api/me/delete-account', { password: 'another wrong one', confirm: 'DELETE' });
    expect(again.body).toEqual(response.body);
    expect(await countRows(member.id)).toEqual(before);
    expect((await member.agent.get('/api/me/profile')).body.alias).toBe('Careful Cleo');
  });

  it('needs DELETE typed to confirm', async () => {
    const member = await buildPerson(t);
    const response = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'delete' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([expect.objectContaining({ path: 'body.confirm' })]);
    expect((await member.agent.get('/api/me/profile')).status).toBe(200);
  });

  it('erases my content, de-identifies my account, keeps the logs, and signs me out everywhere', async () => {
    const member = await buildPerson(t, { alias: 'Leaving Lee', email: 'leaving.lee@example.org' });
    const coach = await buildPerson(t, { alias: 'Coach Kit', roles: ['coach'] });
    await seedRecoveryData(member, 'lee');
    await db()
      .update(profiles)
      .set({ legalName: 'Lee Legalname', pronouns: 'they/them', pathways: ['secular'] })
      .where(eq(profiles.userId, member.id));
    await db().insert(outbox).values({ to: member.email, subject: 'Hello Lee', text: 'A held email', transport: 'outbox', status: 'held' });
    await db()
      .insert(invites)
      .values({ email: member.email, roles: ['member'], tokenHash: 'pending-invite-lee', expiresAt: new Date(Date.now() + 3_600_000) });
    await grant(member, coach, ['profile'], 'Coaching');
    await grant(coach, member, ['profile'], 'Mutual support');
    // The coach reads the member's record, and the member reads the coach's: both land in access logs.
    expect((await coach.agent.get(`/api/people/${member.id}/profile`)).status).toBe(200);
    expect((await member.agent.get(`/api/people/${coach.id}/profile`)).status).toBe(200);
    const coachLogBefore = await coach.agent.get('/api/me/access-log');
    expect(coachLogBefore.body.entries[0].actor.alias).toBe('Leaving Lee');

    const clockIds = (await db().select().from(recoveryClocks).where(eq(recoveryClocks.userId, member.id))).map((c) => c.id);
    expect(await db().select().from(clockRuns).where(inArray(clockRuns.clockId, clockIds))).toHaveLength(1);
    const oldCookie = member.agent.cookies.get('__Host-kinship');
    const secondDevice = createAgent(t.app);
    expect((await secondDevice.post('/api/auth/sign-in', { email: member.email, password: PASSWORD })).status).toBe(200);
    const logRowsBefore = await db()
      .select()
      .from(accessLog)
      .where(or(eq(accessLog.subjectId, member.id), eq(accessLog.actorId, member.id)));
    const auditRowsBefore = await db()
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.subjectId, member.id), eq(auditLog.actorId, member.id)));
    expect(logRowsBefore).toHaveLength(2);

    const response = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.deleted).toBe(true);
    const erased = Object.fromEntries(response.body.erased.map((e: { what: string; count: number }) => [e.what, e.count]));
    expect(erased).toMatchObject({
      'check-ins': 1,
      'recovery clocks': 1,
      'recovery clock runs': 1,
      reasons: 1,
      'recovery plan versions': 2,
      'safety plan versions': 1,
      assessments: 1,
      'consent grants': 2,
      notifications: 1,
      'push subscriptions': 1,
      'reminder preferences': 1,
      'saved offline replies': 1,
      sessions: 2,
      'password reset links': 1,
      'pending invitations': 1,
      'emails sent to you': 1,
    });
    expect(response.body.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'access log', count: 2, why: expect.stringContaining('42 CFR Part 2') }),
        expect.objectContaining({ what: 'security log' }),
      ]),
    );
    // The cookie is cleared in the answer.
    expect(member.agent.cookies.has('__Host-kinship')).toBe(false);

    // Every session is dead: this one and the other device.
    const stale = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: `__Host-kinship=${oldCookie}` } });
    expect(stale.statusCode).toBe(401);
    expect((await secondDevice.get('/api/me/profile')).status).toBe(401);

    // Signing in again fails exactly like an unknown account.
    const visitor = createAgent(t.app);
    const signIn = await visitor.post('/api/auth/sign-in', { email: member.email, password: PASSWORD });
    const unknown = await visitor.post('/api/auth/sign-in', { email: 'nobody-here@example.org', password: PASSWORD });
    expect(signIn.status).toBe(401);
    expect(signIn.body).toEqual(unknown.body);

    // Content rows are gone; grants both ways are gone.
    expect(await countRows(member.id)).toEqual({
      checkins: 0,
      clocks: 0,
      reasons: 0,
      plans: 0,
      safetyPlans: 0,
      assessments: 0,
      reminders: 0,
      notifications: 0,
      push: 0,
      idempotency: 0,
      sessions: 0,
      resets: 0,
      grants: 0,
    });
    expect(await db().select().from(clockRuns).where(inArray(clockRuns.clockId, clockIds))).toEqual([]);
    expect((await coach.agent.get('/api/me/grants')).body).toEqual({ given: [], received: [] });
    expect(await db().select().from(outbox).where(eq(outbox.to, 'leaving.lee@example.org'))).toEqual([]);
    expect(await db().select().from(invites).where(eq(invites.email, 'leaving.lee@example.org'))).toEqual([]);

    // The account row stays, naming nobody and opening nothing.
    const [account] = await db().select().from(users).where(eq(users.id, member.id));
    expect(account).toMatchObject({
      email: `deleted-${member.id}@deleted.invalid`,
      status: 'disabled',
      roles: [],
      totpSecretEnc: null,
      totpEnabledAt: null,
      recoveryCodeHashes: [],
    });
    expect(account?.passwordHash).not.toMatch(/^\$argon2/);
    const [profile] = await db().select().from(profiles).where(eq(profiles.userId, member.id));
    expect(profile).toMatchObject({ legalName: null, pronouns: null, languages: [], pathways: [] });
    expect(profile?.alias).toMatch(/^Former member /);

    // The logs are kept, untouched, plus the deletion itself.
    const logRowsAfter = await db()
      .select()
      .from(accessLog)
      .where(or(eq(accessLog.subjectId, member.id), eq(accessLog.actorId, member.id)));
    expect(logRowsAfter).toEqual(logRowsBefore);
    const auditRowsAfter = await db()
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.subjectId, member.id), eq(auditLog.actorId, member.id)));
    expect(auditRowsAfter.slice(0, auditRowsBefore.length)).toEqual(auditRowsBefore);
    expect(auditRowsAfter.map((r) => r.event)).toContain('account.deleted');

    // The coach's "who saw my data" still lists the read, by a former member, not by name.
    const coachLog = await coach.agent.get('/api/me/access-log');
    expect(coachLog.body.entries).toHaveLength(1);
    expect(coachLog.body.entries[0].actor.id).toBe(member.id);
    expect(coachLog.body.entries[0].actor.alias).toMatch(/^Former member/);
    expect(JSON.stringify(coachLog.body)).not.toContain('Leaving Lee');

    // Admins see a former member, not the person.
    const people = await admin.agent.get('/api/admin/people');
    expect(JSON.stringify(people.body)).not.toContain('leaving.lee@example.org');
    expect(JSON.stringify(people.body)).not.toContain('Leaving Lee');
    const enable = await admin.agent.post(`/api/admin/people/${member.id}/enable`);
    expect(enable.status).toBe(409);
    expect(enable.body.error.message).toMatch(/deleted their account/);
    const audit = await admin.agent.get('/api/admin/audit');
    expect(audit.body.events).toContainEqual(
      expect.objectContaining({ event: 'account.deleted', actor: { id: member.id, alias: profile?.alias } }),
    );
  });

  it('gives two former members different aliases (aliases are unique)', async () => {
    const first = await buildPerson(t);
    const second = await buildPerson(t);
    for (const person of [first, second]) {
      expect((await person.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' })).status).toBe(200);
    }
    const rows = await db()
      .select({ alias: profiles.alias })
      .from(profiles)
      .where(or(eq(profiles.userId, first.id), eq(profiles.userId, second.id)));
    expect(new Set(rows.map((r) => r.alias)).size).toBe(2);
  });

  it('rolls everything back when any step fails', async () => {
    const member = await buildPerson(t, { alias: 'Rollback Rae' });
    await seedRecoveryData(member, 'rae');
    // Both aliases the deletion could give are taken, so its last update fails.
    const blockers = [`Former member ${member.id.slice(0, 8)}`, `Former member ${member.id}`];
    for (const [i, alias] of blockers.entries()) {
      const [u] = await db()
        .insert(users)
        .values({ email: `blocker${i}-${member.id}@example.org`, passwordHash: 'x', roles: ['member'] })
        .returning();
      await db()
        .insert(profiles)
        .values({ userId: u?.id ?? '', alias, timezone: 'UTC' });
    }
    const before = await countRows(member.id);
    const response = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(response.status).toBe(500);
    expect(await countRows(member.id)).toEqual(before);
    const [account] = await db().select().from(users).where(eq(users.id, member.id));
    expect(account).toMatchObject({ email: member.email, status: 'active', roles: ['member'] });
    expect((await member.agent.get('/api/me/profile')).body.alias).toBe('Rollback Rae');
    const events = await db().select().from(auditLog).where(eq(auditLog.subjectId, member.id));
    expect(events.map((e) => e.event)).not.toContain('account.deleted');
  });

  it('refuses the last active admin, and says why', async () => {
    const own = await buildTestApp();
    try {
      const onlyAdmin = await setUpOrganization(own);
      const refused = await onlyAdmin.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/only active admin/);
      expect((await onlyAdmin.agent.get('/api/me/profile')).status).toBe(200);

      // Once someone else is an admin, the first may leave.
      const second = await buildPerson(own, { roles: ['admin'] });
      const done = await onlyAdmin.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
      expect(done.status).toBe(200);
      const last = await second.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
      expect(last.status).toBe(409);
    } finally {
      await own.close();
    }
  });

  it('needs a signed-in person', async () => {
    const visitor = createAgent(t.app);
    expect((await visitor.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' })).status).toBe(401);
  });
});
