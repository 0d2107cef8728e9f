import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordResets, sessions, users } from '../../db/schema/auth.ts';
import { invites } from '../../db/schema/invites.ts';
import { hashToken } from '../../lib/crypto.ts';
import { type Agent, createAgent } from '../../test/agent.ts';
import { buildPerson, lastEmailTo, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

const SESSION_COOKIE = '__Host-kinship';
const CSRF_COOKIE = '__Host-kinship-csrf';
const NEW_PASSWORD = 'a brand new passphrase 2';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

type Cookie = {
  name: string;
  value: string;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
  maxAge?: number;
  domain?: string;
};
const cookieNamed = (response: LightMyRequestResponse, name: string) => (response.cookies as Cookie[]).find((c) => c.name === name);

/** Posts as a browser would, returning the raw response so Set-Cookie attributes can be inspected. */
async function rawPost(agent: Agent, url: string, payload: object) {
  return agent.raw({ method: 'POST', url, payload, headers: { 'x-csrf-token': await agent.csrfToken() } });
}

/** A fresh browser holding only the given session cookie (and a matching anonymous CSRF pair). */
function browserWithSession(token: string) {
  const agent = createAgent(t.app);
  agent.cookies.set(SESSION_COOKIE, token);
  return agent;
}

async function signInFresh(email: string, password = PASSWORD) {
  const agent = createAgent(t.app);
  const response = await agent.post('/api/auth/sign-in', { email, password });
  return { agent, response, token: agent.cookies.get(SESSION_COOKIE) ?? null };
}

async function countUsersWithEmail(email: string) {
  return (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email))).length;
}

describe('GET /api/session', () => {
  it('gives an anonymous visitor a CSRF token in an HttpOnly __Host- cookie and no user', async () => {
    const agent = createAgent(t.app);
    const response = await agent.raw({ method: 'GET', url: '/api/session' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ needsSetup: false, user: null, mfaPending: false, organization: { name: 'Harbor Recovery Community' } });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = cookieNamed(response, CSRF_COOKIE);
    expect(cookie).toMatchObject({ value: body.csrfToken, path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(cookie?.domain).toBeUndefined();
  });

  it('keeps the same anonymous CSRF token for the same browser', async () => {
    const agent = createAgent(t.app);
    const first = await agent.get('/api/session');
    const second = await agent.get('/api/session');
    expect(second.body.csrfToken).toBe(first.body.csrfToken);
  });

  it('shows the signed-in person and their session CSRF token', async () => {
    const person = await buildPerson(t, { alias: 'Session Sam' });
    const response = await person.agent.get('/api/session');
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: person.id,
      email: person.email,
      alias: 'Session Sam',
      roles: ['member'],
      mfaEnabled: false,
      mfaSetupRequired: false,
    });
    const [row] = await t.database.db.select({ csrf: sessions.csrfToken }).from(sessions).where(eq(sessions.userId, person.id));
    expect(response.body.csrfToken).toBe(row?.csrf);
  });
});

describe('POST /api/auth/sign-in', () => {
  it('signs in with the right password and sets a Secure, HttpOnly, SameSite=Lax __Host- session cookie', async () => {
    const person = await buildPerson(t);
    const agent = createAgent(t.app);
    const response = await rawPost(agent, '/api/auth/sign-in', { email: person.email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'signed_in', user: { id: person.id, email: person.email } });
    const cookie = cookieNamed(response, SESSION_COOKIE);
    expect(cookie).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 12 * 3600 });
    expect(cookie?.domain).toBeUndefined();
    expect(cookie?.value).toMatch(/^[\w-]{40,}$/);
    // Only a hash of the token is stored: a copy of the table cannot be replayed as cookies.
    const stored = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(cookie?.value ?? '')));
    expect(stored).toHaveLength(1);
    expect(
      await t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.tokenHash, cookie?.value ?? '')),
    ).toHaveLength(0);
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const person = await buildPerson(t);
    const { response } = await signInFresh(`  ${person.email.toUpperCase()} `);
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(person.id);
  });

  it('gives the identical 401 for a wrong password, an unknown email and a disabled account', async () => {
    const person = await buildPerson(t);
    const wrongPassword = await signInFresh(person.email, 'not the password at all');
    const unknown = await signInFresh('nobody-here@example.org', 'not the password at all');

    const disabledPerson = await buildPerson(t);
    expect((await admin.agent.post(`/api/admin/people/${disabledPerson.id}/disable`)).status).toBe(200);
    const disabled = await signInFresh(disabledPerson.email, PASSWORD);

    for (const response of [wrongPassword, unknown, disabled]) {
      expect(response.response.status).toBe(401);
      expect(response.token).toBeNull();
    }
    expect(wrongPassword.response.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' } });
    expect(unknown.response.body).toEqual(wrongPassword.response.body);
    expect(disabled.response.body).toEqual(wrongPassword.response.body);
  });

  it('locks an account after 10 failures from one address, even for the right password, and only that account', async () => {
    const victim = await buildPerson(t);
    const bystander = await buildPerson(t);
    for (let i = 0; i < 10; i++) expect((await signInFresh(victim.email, `wrong password ${i}`)).response.status).toBe(401);
    const locked = await signInFresh(victim.email, PASSWORD);
    expect(locked.response.status).toBe(429);
    expect(locked.response.body.error.code).toBe('RATE_LIMITED');
    expect(Number(locked.response.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.token).toBeNull();
    // Someone else from the same address still signs in (auth.throttle.test.ts: the owner from another address too).
    expect((await signInFresh(bystander.email)).response.status).toBe(200);
  });

  it('records failures in the audit log without the email address', async () => {
    await signInFresh('audit-probe@example.org', 'wrong password here');
    const audit = await admin.agent.get('/api/admin/audit');
    const failure = audit.body.events.find((e: { event: string }) => e.event === 'signin.failure');
    expect(failure).toBeDefined();
    expect(JSON.stringify(audit.body.events)).not.toContain('audit-probe@example.org');
  });

  it('issues a new session token at every sign-in and ends the one the browser held before', async () => {
    const person = await buildPerson(t);
    const agent = createAgent(t.app);
    await agent.post('/api/auth/sign-in', { email: person.email, password: PASSWORD });
    const first = agent.cookies.get(SESSION_COOKIE);
    await agent.post('/api/auth/sign-in', { email: person.email, password: PASSWORD });
    const second = agent.cookies.get(SESSION_COOKIE);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await agent.get('/api/me/profile')).status).toBe(200);
    expect((await browserWithSession(first ?? '').get('/api/me/profile')).status).toBe(401);
  });

  it('does not adopt a session token planted in the browser before sign-in (no fixation)', async () => {
    const person = await buildPerson(t);
    const planted = 'attacker-chosen-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const agent = browserWithSession(planted);
    await agent.post('/api/auth/sign-in', { email: person.email, password: PASSWORD });
    expect(agent.cookies.get(SESSION_COOKIE)).not.toBe(planted);
    expect((await browserWithSession(planted).get('/api/me/profile')).status).toBe(401);
  });

  it('refuses a malformed body with a 400 naming the field', async () => {
    const response = await createAgent(t.app).post('/api/auth/sign-in', { email: 'a@example.org' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields[0].path).toBe('body.password');
  });
});

describe('POST /api/auth/sign-out', () => {
  it('revokes the session: the old cookie no longer works anywhere', async () => {
    const person = await buildPerson(t);
    const token = person.agent.cookies.get(SESSION_COOKIE) ?? '';
    expect((await browserWithSession(token).get('/api/me/profile')).status).toBe(200);

    const response = await person.agent.raw({
      method: 'POST',
      url: '/api/auth/sign-out',
      payload: {},
      headers: { 'x-csrf-token': await person.agent.csrfToken() },
    });
    expect(response.statusCode).toBe(204);
    expect(cookieNamed(response, SESSION_COOKIE)?.value).toBe('');

    expect((await person.agent.get('/api/session')).body.user).toBeNull();
    expect((await browserWithSession(token).get('/api/me/profile')).status).toBe(401);
    const [row] = await t.database.db
      .select({ revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });

  it('needs a signed-in person', async () => {
    const response = await createAgent(t.app).post('/api/auth/sign-out');
    expect(response.status).toBe(401);
  });
});

describe('session timeouts', () => {
  it('ends a session idle for longer than the idle timeout', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.get('/api/me/profile')).status).toBe(200);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, person.id));
    const response = await person.agent.get('/api/me/profile');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
    expect((await person.agent.get('/api/session')).body.user).toBeNull();
  });

  it('keeps a session that was used recently enough, and records the use', async () => {
    const person = await buildPerson(t);
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    await t.database.db.update(sessions).set({ lastSeenAt: twentyMinutesAgo }).where(eq(sessions.userId, person.id));
    expect((await person.agent.get('/api/me/profile')).status).toBe(200);
    const [row] = await t.database.db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, person.id));
    expect(row?.lastSeenAt.getTime()).toBeGreaterThan(twentyMinutesAgo.getTime() + 60_000);
  });

  it('ends a session past its absolute lifetime even while in use', async () => {
    const person = await buildPerson(t);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
      .where(eq(sessions.userId, person.id));
    expect((await person.agent.get('/api/me/profile')).status).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses an unsafe request without the x-csrf-token header', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.raw({ method: 'PATCH', url: '/api/me/profile', payload: { pronouns: 'they/them' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
    expect((await person.agent.get('/api/me/profile')).body.pronouns).toBeNull();
  });

  it('refuses a wrong token', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.raw({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { pronouns: 'they/them' },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses the anonymous token of the same browser once signed in (the session token is required)', async () => {
    const person = await buildPerson(t);
    const anonymous = person.agent.cookies.get(CSRF_COOKIE) ?? '';
    expect(anonymous).not.toBe('');
    const response = await person.agent.raw({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { pronouns: 'they/them' },
      headers: { 'x-csrf-token': anonymous },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a cross-site Origin even with the right token', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.raw({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { pronouns: 'they/them' },
      headers: { 'x-csrf-token': await person.agent.csrfToken(), origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses an Origin matching a forged Host header: only PUBLIC_URL counts', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.raw({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { pronouns: 'they/them' },
      headers: { 'x-csrf-token': await person.agent.csrfToken(), host: 'evil.example', origin: 'http://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses the same host on another port or scheme', async () => {
    const person = await buildPerson(t);
    for (const origin of ['http://localhost:5173', 'https://localhost:3000', 'http://localhost']) {
      const response = await person.agent.raw({
        method: 'PATCH',
        url: '/api/me/profile',
        payload: { pronouns: 'they/them' },
        headers: { 'x-csrf-token': await person.agent.csrfToken(), host: new URL(origin).host, origin },
      });
      expect(response.statusCode, origin).toBe(403);
    }
  });

  it('accepts the same-site Origin', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.raw({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { pronouns: 'she/her' },
      headers: { 'x-csrf-token': await person.agent.csrfToken(), origin: 'http://localhost:3000' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('protects anonymous forms with the double-submit cookie', async () => {
    const person = await buildPerson(t);
    const agent = createAgent(t.app);
    const token = await agent.csrfToken();
    // Header and cookie agree: accepted.
    expect((await agent.post('/api/auth/sign-in', { email: person.email, password: PASSWORD })).status).toBe(200);

    // A header without the cookie (another site cannot read or set it) is refused.
    const noCookie = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: person.email, password: PASSWORD },
      headers: { 'x-csrf-token': token },
    });
    expect(noCookie.statusCode).toBe(403);

    // A cookie and a header that differ are refused.
    const mismatch = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: person.email, password: PASSWORD },
      headers: { cookie: `${CSRF_COOKIE}=${token}`, 'x-csrf-token': `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
    });
    expect(mismatch.statusCode).toBe(403);
    expect(mismatch.json().error.code).toBe('CSRF_FAILED');
  });

  it('does not need a token for safe methods', async () => {
    const person = await buildPerson(t);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me/profile',
      headers: { cookie: `${SESSION_COOKIE}=${person.agent.cookies.get(SESSION_COOKIE)}` },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('POST /api/auth/sign-up', () => {
  it('is refused while open sign-up is off', async () => {
    await admin.agent.patch('/api/admin/settings', { openSignup: false });
    const response = await createAgent(t.app).post('/api/auth/sign-up', { email: 'closed-door@example.org' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect((await admin.agent.get('/api/admin/outbox')).body.some((m: { to: string }) => m.to === 'closed-door@example.org')).toBe(false);
  });

  it('emails a link when open, and accepting it creates a member who is signed in', async () => {
    await admin.agent.patch('/api/admin/settings', { openSignup: true });
    const email = 'newcomer@example.org';
    const response = await createAgent(t.app).post('/api/auth/sign-up', { email: ' NewComer@Example.org ' });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ ok: true });

    const mail = await lastEmailTo(admin.agent, email);
    expect(mail.subject).toContain('Finish joining');
    expect(mail.text).toContain('http://localhost:3000/accept-invite#token=');
    expect(mail.token).toMatch(/^[\w-]{40,}$/);
    expect(await countUsersWithEmail(email)).toBe(0);

    const browser = createAgent(t.app);
    const accepted = await browser.post('/api/invites/accept', { token: mail.token, password: PASSWORD, alias: 'Newcomer Nia' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ email, alias: 'Newcomer Nia', roles: ['member'] });
    expect((await browser.get('/api/session')).body.user.email).toBe(email);
    expect(await countUsersWithEmail(email)).toBe(1);
    await admin.agent.patch('/api/admin/settings', { openSignup: false });
  });

  it('answers the same for an address that already has an account, and sends a different email', async () => {
    await admin.agent.patch('/api/admin/settings', { openSignup: true });
    const person = await buildPerson(t);
    const response = await createAgent(t.app).post('/api/auth/sign-up', { email: person.email });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ ok: true });

    const mail = await lastEmailTo(admin.agent, person.email);
    expect(mail.subject).toContain('account on Kinship');
    expect(mail.text).toContain('you already have one');
    expect(mail.token).toBeNull();
    expect(await countUsersWithEmail(person.email)).toBe(1);
    const pending = await t.database.db
      .select()
      .from(invites)
      .where(and(eq(invites.email, person.email), eq(invites.kind, 'signup')));
    expect(pending).toHaveLength(0);
    await admin.agent.patch('/api/admin/settings', { openSignup: false });
  });
});

describe('password reset', () => {
  it('answers the same for known and unknown addresses, and emails only the known one', async () => {
    const person = await buildPerson(t);
    const known = await createAgent(t.app).post('/api/auth/password-reset/request', { email: person.email });
    const unknown = await createAgent(t.app).post('/api/auth/password-reset/request', { email: 'no-such-person@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const mail = await lastEmailTo(admin.agent, person.email);
    expect(mail.text).toContain('http://localhost:3000/reset-password#token=');
    expect(mail.token).toMatch(/^[\w-]{40,}$/);
    const outbox = await admin.agent.get('/api/admin/outbox');
    expect(outbox.body.some((m: { to: string }) => m.to === 'no-such-person@example.org')).toBe(false);
  });

  it('sets the new password, ends every session, and works only once', async () => {
    const person = await buildPerson(t);
    const otherDevice = await signInFresh(person.email);
    await createAgent(t.app).post('/api/auth/password-reset/request', { email: person.email });
    const { token } = await lastEmailTo(admin.agent, person.email);

    const done = await createAgent(t.app).post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ ok: true });

    expect((await person.agent.get('/api/me/profile')).status).toBe(401);
    expect((await otherDevice.agent.get('/api/me/profile')).status).toBe(401);
    expect((await signInFresh(person.email, PASSWORD)).response.status).toBe(401);
    expect((await signInFresh(person.email, NEW_PASSWORD)).response.status).toBe(200);

    const again = await createAgent(t.app).post('/api/auth/password-reset/complete', { token, password: 'yet another passphrase 3' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('GONE');
    expect((await signInFresh(person.email, NEW_PASSWORD)).response.status).toBe(200);
  });

  it('refuses an expired token and changes nothing', async () => {
    const person = await buildPerson(t);
    await createAgent(t.app).post('/api/auth/password-reset/request', { email: person.email });
    const { token } = await lastEmailTo(admin.agent, person.email);
    await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.tokenHash, hashToken(token ?? '')));
    const response = await createAgent(t.app).post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(response.status).toBe(410);
    expect(response.body.error.code).toBe('GONE');
    expect((await person.agent.get('/api/me/profile')).status).toBe(200);
    expect((await signInFresh(person.email, PASSWORD)).response.status).toBe(200);
  });

  it('refuses a made-up token with the same 410', async () => {
    const response = await createAgent(t.app).post('/api/auth/password-reset/complete', { token: 'z'.repeat(43), password: NEW_PASSWORD });
    expect(response.status).toBe(410);
  });

  it('refuses a password that is too short with a 400 naming the field', async () => {
    const response = await createAgent(t.app).post('/api/auth/password-reset/complete', { token: 'z'.repeat(43), password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe('body.password');
  });
});

describe('POST /api/auth/password', () => {
  it('refuses a wrong current password with a 400 naming the field', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.post('/api/auth/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields).toEqual([{ path: 'body.currentPassword', message: expect.any(String) }]);
    expect((await signInFresh(person.email, PASSWORD)).response.status).toBe(200);
  });

  it('changes the password, signs out other devices and keeps this one', async () => {
    const person = await buildPerson(t);
    const otherDevice = await signInFresh(person.email);
    const response = await person.agent.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.status).toBe(200);
    expect((await person.agent.get('/api/me/profile')).status).toBe(200);
    expect((await otherDevice.agent.get('/api/me/profile')).status).toBe(401);
    expect((await signInFresh(person.email, PASSWORD)).response.status).toBe(401);
    expect((await signInFresh(person.email, NEW_PASSWORD)).response.status).toBe(200);
  });

  it('needs a signed-in person', async () => {
    const response = await createAgent(t.app).post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.status).toBe(401);
  });
});

describe('IP rate limit on sign-in', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ rateLimitMultiplier: 1 });
  });
  afterAll(async () => limited.close());

  it('answers 429 with retry-after and x-ratelimit headers once the limit is reached', async () => {
    const agent = createAgent(limited.app);
    const attempt = (i: number) => agent.post('/api/auth/sign-in', { email: `visitor-${i}@example.org`, password: 'wrong password here' });
    const first = await attempt(0);
    expect(first.status).toBe(401);
    expect(first.headers['x-ratelimit-limit']).toBe('20');
    expect(first.headers['x-ratelimit-remaining']).toBe('19');
    for (let i = 1; i < 20; i++) expect((await attempt(i)).status).toBe(401);

    const blocked = await attempt(20);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(blocked.body.error.message).not.toBe('');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['x-ratelimit-limit']).toBe('20');
    expect(blocked.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(blocked.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
  });
});
