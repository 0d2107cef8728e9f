import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/auth.ts';
import { decrypt, deriveKeys } from '../../lib/crypto.ts';
import { type Agent, createAgent } from '../../test/agent.ts';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

const STEP_SECONDS = 30;

/**
 * An authenticator app that never repeats a time step. The server accepts the previous, current and
 * next 30-second step and refuses any step at or before the last one it accepted, so each code is for
 * the earliest step that is still safely inside the window and after the last one used.
 */
function authenticator(secret: string) {
  let lastStep = Number.NEGATIVE_INFINITY;
  return {
    async next(): Promise<string> {
      const now = Date.now() / 1000;
      const current = Math.floor(now / STEP_SECONDS);
      const secondsLeftInStep = (current + 1) * STEP_SECONDS - now;
      // The previous step leaves the window when the current one ends: only use it with time to spare.
      const earliest = secondsLeftInStep > 3 ? current - 1 : current;
      const step = Math.max(lastStep + 1, earliest);
      if (step > current + 1) throw new Error('no unused time step left in the window; use a recovery code');
      lastStep = step;
      return generate({ secret, epoch: step * STEP_SECONDS + 1 });
    },
  };
}

/** Six-digit codes that no step in the server's window (previous, current, next) accepts. */
async function wrongCodes(secret: string, count: number): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((offset) => generate({ secret, epoch: now + offset * STEP_SECONDS }))));
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n++) {
    // 7919 is prime to 10^6, so these are all different.
    const code = String((n * 7_919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

async function enrol(agent: Agent) {
  const setup = await agent.post('/api/auth/totp/setup');
  expect(setup.status).toBe(200);
  const app = authenticator(setup.body.secret);
  const enabled = await agent.post('/api/auth/totp/enable', { code: await app.next() });
  expect(enabled.status).toBe(200);
  return { secret: setup.body.secret as string, app, recoveryCodes: enabled.body.recoveryCodes as string[] };
}

/** Password step only: the browser now holds a pending session. */
async function signInWithPassword(email: string) {
  const agent = createAgent(t.app);
  const response = await agent.post('/api/auth/sign-in', { email, password: PASSWORD });
  return { agent, response };
}

describe('POST /api/auth/totp/setup', () => {
  it('returns a secret, an otpauth URI and a QR code, and keeps the secret encrypted', async () => {
    const person = await buildPerson(t, { roles: ['coach'] });
    const response = await person.agent.post('/api/auth/totp/setup');
    expect(response.status).toBe(200);
    expect(response.body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(response.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(response.body.otpauthUri).toContain(`secret=${response.body.secret}`);
    expect(response.body.otpauthUri).toContain('issuer=Harbor');
    expect(response.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const [row] = await t.database.db.select().from(users).where(eq(users.id, person.id));
    expect(row?.totpSecretEnc).toBeTruthy();
    expect(row?.totpSecretEnc).not.toContain(response.body.secret);
    expect(row?.totpEnabledAt).toBeNull();
    // Sealed with the instance key, not merely encoded.
    expect(() => decrypt(deriveKeys('some other secret'), row?.totpSecretEnc ?? '')).toThrow();
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).post('/api/auth/totp/setup')).status).toBe(401);
  });
});

describe('POST /api/auth/totp/enable', () => {
  it('refuses a wrong code with a 400 naming the field, and leaves two-factor off', async () => {
    const person = await buildPerson(t);
    const setup = await person.agent.post('/api/auth/totp/setup');
    const [wrong] = await wrongCodes(setup.body.secret, 1);
    const response = await person.agent.post('/api/auth/totp/enable', { code: wrong });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields[0].path).toBe('body.code');
    expect((await person.agent.get('/api/session')).body.user.mfaEnabled).toBe(false);
  });

  it('refuses a code that is not six digits', async () => {
    const person = await buildPerson(t);
    await person.agent.post('/api/auth/totp/setup');
    const response = await person.agent.post('/api/auth/totp/enable', { code: '12345a' });
    expect(response.status).toBe(400);
  });

  it('refuses to enable before setup', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.post('/api/auth/totp/enable', { code: '123456' });
    expect(response.status).toBe(409);
  });

  it('turns two-factor on with a right code and returns eight distinct one-time recovery codes', async () => {
    const person = await buildPerson(t);
    const { recoveryCodes } = await enrol(person.agent);
    expect(recoveryCodes).toHaveLength(8);
    expect(new Set(recoveryCodes).size).toBe(8);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect((await person.agent.get('/api/session')).body.user.mfaEnabled).toBe(true);
    // Stored hashed only.
    const [row] = await t.database.db.select().from(users).where(eq(users.id, person.id));
    expect(row?.recoveryCodeHashes).toHaveLength(8);
    expect(JSON.stringify(row?.recoveryCodeHashes)).not.toContain(recoveryCodes[0]);
    // Setup cannot silently replace an active secret.
    expect((await person.agent.post('/api/auth/totp/setup')).status).toBe(409);
  });
});

describe('POST /api/auth/mfa (sign-in with two-factor)', () => {
  it('stops at mfa_required, and the pending session reaches nothing until the code is given', async () => {
    const person = await buildPerson(t);
    const { app } = await enrol(person.agent);

    const { agent, response } = await signInWithPassword(person.email);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'mfa_required', user: null });
    const session = await agent.get('/api/session');
    expect(session.body).toMatchObject({ user: null, mfaPending: true });
    expect((await agent.get('/api/me/profile')).status).toBe(401);
    expect((await agent.get('/api/me/grants')).status).toBe(401);
    const pendingToken = agent.cookies.get('__Host-kinship');

    const done = await agent.post('/api/auth/mfa', { code: await app.next() });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: person.id, mfaEnabled: true });
    expect(agent.cookies.get('__Host-kinship')).not.toBe(pendingToken);
    expect((await agent.get('/api/me/profile')).status).toBe(200);
    expect((await agent.get('/api/session')).body.mfaPending).toBe(false);

    // The pending session was replaced, not upgraded.
    const stale = createAgent(t.app);
    stale.cookies.set('__Host-kinship', pendingToken ?? '');
    expect((await stale.get('/api/session')).body.mfaPending).toBe(false);
  });

  it('refuses a code that was already used (replay), then accepts a newer one', async () => {
    const person = await buildPerson(t);
    const setup = await person.agent.post('/api/auth/totp/setup');
    const app = authenticator(setup.body.secret);
    const enableCode = await app.next();
    expect((await person.agent.post('/api/auth/totp/enable', { code: enableCode })).status).toBe(200);

    const { agent } = await signInWithPassword(person.email);
    const replay = await agent.post('/api/auth/mfa', { code: enableCode });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('UNAUTHENTICATED');
    expect((await agent.get('/api/me/profile')).status).toBe(401);

    const fresh = await app.next();
    expect((await agent.post('/api/auth/mfa', { code: fresh })).status).toBe(200);

    // And the code just used cannot finish a second sign-in either.
    const second = await signInWithPassword(person.email);
    expect((await second.agent.post('/api/auth/mfa', { code: fresh })).status).toBe(401);
  });

  it('accepts a recovery code once, in any letter case', async () => {
    const person = await buildPerson(t);
    const { recoveryCodes } = await enrol(person.agent);
    const [code, other] = recoveryCodes;

    const first = await signInWithPassword(person.email);
    expect((await first.agent.post('/api/auth/mfa', { code })).status).toBe(200);
    expect((await first.agent.get('/api/me/profile')).status).toBe(200);

    const second = await signInWithPassword(person.email);
    const reused = await second.agent.post('/api/auth/mfa', { code });
    expect(reused.status).toBe(401);

    const third = await signInWithPassword(person.email);
    expect((await third.agent.post('/api/auth/mfa', { code: other?.toUpperCase() })).status).toBe(200);

    const [row] = await t.database.db.select().from(users).where(eq(users.id, person.id));
    expect(row?.recoveryCodeHashes).toHaveLength(6);
  });

  it('is refused for a session that is not waiting for a code', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.post('/api/auth/mfa', { code: '123456' });
    expect(response.status).toBe(409);
  });

  it('is refused without a pending session', async () => {
    expect((await createAgent(t.app).post('/api/auth/mfa', { code: '123456' })).status).toBe(401);
  });

  it('locks the pending sign-in after 10 wrong codes', async () => {
    const person = await buildPerson(t);
    const { app, secret } = await enrol(person.agent);
    const { agent } = await signInWithPassword(person.email);
    for (const code of await wrongCodes(secret, 10)) {
      const wrong = await agent.post('/api/auth/mfa', { code });
      expect(wrong.status).toBe(401);
    }
    const locked = await agent.post('/api/auth/mfa', { code: await app.next() });
    expect(locked.status).toBe(429);
    // The pending session was ended: starting again needs the password.
    expect((await agent.get('/api/session')).body.mfaPending).toBe(false);
  });
});

describe('POST /api/auth/totp/disable', () => {
  it('needs the password', async () => {
    const person = await buildPerson(t);
    await enrol(person.agent);
    const wrong = await person.agent.post('/api/auth/totp/disable', { password: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('body.password');
    expect((await person.agent.get('/api/session')).body.user.mfaEnabled).toBe(true);

    const right = await person.agent.post('/api/auth/totp/disable', { password: PASSWORD });
    expect(right.status).toBe(200);
    expect((await person.agent.get('/api/session')).body.user.mfaEnabled).toBe(false);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null, recoveryCodeHashes: [] });
    // Sign-in no longer asks for a code.
    expect((await signInWithPassword(person.email)).response.body.status).toBe('signed_in');
  });
});

describe('organization requires two-factor for staff', () => {
  beforeAll(async () => {
    const response = await admin.agent.patch('/api/admin/settings', { requireStaffMfa: true });
    expect(response.status).toBe(200);
  });

  it('confines a coach without two-factor to setting it up', async () => {
    const coach = await buildPerson(t, { roles: ['coach', 'member'] });
    const session = await coach.agent.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ id: coach.id, mfaEnabled: false, mfaSetupRequired: true });

    expect((await coach.agent.get('/api/me/profile')).status).toBe(200);
    for (const [method, url] of [
      ['GET', '/api/me/grants'],
      ['GET', '/api/me/access-log'],
      ['GET', `/api/people/${admin.id}`],
      ['PATCH', '/api/me/profile'],
    ] as const) {
      const response = method === 'GET' ? await coach.agent.get(url) : await coach.agent.patch(url, { pronouns: 'he/him' });
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.body.error.code).toBe('MFA_REQUIRED');
    }

    const setup = await coach.agent.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    const app = authenticator(setup.body.secret);
    expect((await coach.agent.post('/api/auth/totp/enable', { code: await app.next() })).status).toBe(200);

    expect((await coach.agent.get('/api/session')).body.user).toMatchObject({ mfaEnabled: true, mfaSetupRequired: false });
    expect((await coach.agent.get('/api/me/grants')).status).toBe(200);
  });

  it('confines the admin who turned it on too, until they enrol', async () => {
    const response = await admin.agent.get('/api/admin/settings');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('MFA_REQUIRED');
  });

  it('does not confine a member, who is not staff', async () => {
    const member = await buildPerson(t, { roles: ['member'] });
    expect((await member.agent.get('/api/session')).body.user.mfaSetupRequired).toBe(false);
    expect((await member.agent.get('/api/me/grants')).status).toBe(200);
  });

  it('refuses to turn two-factor off for staff (409)', async () => {
    const supervisor = await buildPerson(t, { roles: ['supervisor'] });
    await enrol(supervisor.agent);
    const response = await supervisor.agent.post('/api/auth/totp/disable', { password: PASSWORD });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
    expect((await supervisor.agent.get('/api/session')).body.user.mfaEnabled).toBe(true);
  });

  it('still lets a member turn two-factor off', async () => {
    const member = await buildPerson(t, { roles: ['member'] });
    await enrol(member.agent);
    expect((await member.agent.post('/api/auth/totp/disable', { password: PASSWORD })).status).toBe(200);
  });
});
