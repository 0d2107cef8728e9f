import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { passwordResets, signInLocks } from '../../db/schema/auth.ts';
import { hashToken } from '../../lib/crypto.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, PASSWORD, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { ACCOUNT_CEILING, SOURCE_FIRST_LOCK_MS, SOURCE_FREE_FAILURES } from './auth.throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

/** One sign-in attempt from a fresh browser at the given address. */
async function signInFrom(ip: string, email: string, password: string) {
  const agent = createAgent(t.app);
  const csrf = await agent.csrfToken();
  const response = await agent.raw({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    headers: { 'x-csrf-token': csrf },
    remoteAddress: ip,
  });
  return { status: response.statusCode, retryAfter: Number(response.headers['retry-after'] ?? 0), body: response.json() };
}

async function failuresRecordedFor(userId: string) {
  const rows = await t.database.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.event, 'signin.failure'), eq(auditLog.subjectId, userId)));
  return rows.length;
}

/** As if every lock had run out (the clock cannot be moved inside PostgreSQL's now()). */
async function letLocksExpire() {
  await t.database.db.update(signInLocks).set({ lockedUntil: sql`now() - interval '1 second'` });
}

describe('sign-in throttling per account and source', () => {
  it('checks only the allowed number of 100 simultaneous wrong passwords and refuses the rest', async () => {
    const victim = await buildPerson(t);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signInFrom('203.0.113.10', victim.email, `wrong password number ${i}`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SOURCE_FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - SOURCE_FREE_FAILURES);
    // Checked means the password was compared: each check that failed left one audit row.
    expect(await failuresRecordedFor(victim.id)).toBe(SOURCE_FREE_FAILURES);
    const refused = results.find((r) => r.status === 429);
    expect(refused?.body.error.code).toBe('RATE_LIMITED');
    expect(refused?.retryAfter).toBeGreaterThan(0);
  });

  it("locks the guessing address out, even with the right password, while the owner's own address still signs in", async () => {
    const owner = await buildPerson(t);
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++)
      expect((await signInFrom('198.51.100.66', owner.email, `guess ${i} wrong`)).status).toBe(401);
    expect((await signInFrom('198.51.100.66', owner.email, PASSWORD)).status).toBe(429);
    expect((await signInFrom('192.0.2.20', owner.email, PASSWORD)).status).toBe(200);
    // And the attacker is still locked out afterwards.
    expect((await signInFrom('198.51.100.66', owner.email, PASSWORD)).status).toBe(429);
  });

  it('locks again after each expired lock, each time for twice as long', async () => {
    const person = await buildPerson(t);
    const ip = '198.51.100.77';
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++) await signInFrom(ip, person.email, `guess ${i} wrong`);
    const first = await signInFrom(ip, person.email, 'another guess');
    expect(first.status).toBe(429);
    const firstSeconds = SOURCE_FIRST_LOCK_MS / 1000;
    expect(first.retryAfter).toBeGreaterThan(firstSeconds - 30);
    expect(first.retryAfter).toBeLessThanOrEqual(firstSeconds);

    const locks: number[] = [first.retryAfter];
    for (let round = 0; round < 3; round++) {
      await letLocksExpire();
      // One try is allowed when a lock ends; it earns the next, longer lock at once.
      expect((await signInFrom(ip, person.email, `after lock ${round}`)).status).toBe(401);
      const refused = await signInFrom(ip, person.email, `refused ${round}`);
      expect(refused.status).toBe(429);
      locks.push(refused.retryAfter);
    }
    for (let i = 1; i < locks.length; i++) {
      expect(locks[i]).toBeGreaterThan((locks[i - 1] ?? 0) * 1.9);
      expect(locks[i]).toBeLessThanOrEqual((locks[i - 1] ?? 0) * 2 + 30);
    }
  });

  it('starts a source over after the right password', async () => {
    const person = await buildPerson(t);
    const ip = '198.51.100.88';
    for (let i = 0; i < SOURCE_FREE_FAILURES - 1; i++) expect((await signInFrom(ip, person.email, `typo ${i} here`)).status).toBe(401);
    expect((await signInFrom(ip, person.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < SOURCE_FREE_FAILURES - 1; i++) expect((await signInFrom(ip, person.email, `typo ${i} again`)).status).toBe(401);
    expect((await signInFrom(ip, person.email, PASSWORD)).status).toBe(200);
  });

  it('locks an unknown address the same way, so the lock does not reveal which accounts exist', async () => {
    const ghost = 'ghost-throttle@example.org';
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++) expect((await signInFrom('203.0.113.99', ghost, `guess ${i} wrong`)).status).toBe(401);
    const locked = await signInFrom('203.0.113.99', ghost, 'guess again');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
  });

  it('keeps a generous ceiling per account from everywhere, which a password reset lifts', async () => {
    const person = await buildPerson(t);
    const sources = Math.ceil(ACCOUNT_CEILING / (SOURCE_FREE_FAILURES - 1));
    const attempts = [];
    for (let s = 0; s < sources; s++) {
      for (let i = 0; i < SOURCE_FREE_FAILURES - 1; i++) attempts.push(signInFrom(`10.1.${s}.1`, person.email, `spread guess ${s}-${i}`));
    }
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_CEILING);
    expect(await failuresRecordedFor(person.id)).toBe(ACCOUNT_CEILING);
    // Past the ceiling even a new address with the right password waits.
    expect((await signInFrom('192.0.2.200', person.email, PASSWORD)).status).toBe(429);

    const token = 'a-reset-token-for-the-throttle-test-000000';
    await t.database.db
      .insert(passwordResets)
      .values({ userId: person.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60_000) });
    const agent = createAgent(t.app);
    expect((await agent.post('/api/auth/password-reset/complete', { token, password: 'a new passphrase for me' })).status).toBe(200);
    expect((await signInFrom('192.0.2.200', person.email, 'a new passphrase for me')).status).toBe(200);
  });
});
