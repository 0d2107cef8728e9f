import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema/auth.ts';
import { invites } from '../../db/schema/invites.ts';
import { profiles } from '../../db/schema/profile.ts';
import { hashToken } from '../../lib/crypto.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, lastEmailTo, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

let counter = 0;
const uniqueEmail = () => `invitee${++counter}@example.org`;

/** An admin invites an address; returns the invite and the token from the email. */
async function invite(email: string, roles: string[] = ['member']) {
  const response = await admin.agent.post('/api/admin/invites', { email, roles });
  expect(response.status).toBe(201);
  const mail = await lastEmailTo(admin.agent, email);
  if (!mail.token) throw new Error('no token in the invitation email');
  return { invite: response.body, token: mail.token, mail };
}

async function usersWithEmail(email: string) {
  return t.database.db.select().from(users).where(eq(users.email, email));
}

describe('POST /api/admin/invites', () => {
  it('creates a pending invitation and emails a link with the token in the fragment', async () => {
    const email = uniqueEmail();
    const response = await admin.agent.post('/api/admin/invites', {
      email: ` ${email.toUpperCase()} `,
      roles: ['coach', 'member', 'coach'],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email, roles: ['coach', 'member'], status: 'pending' });
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000);

    const mail = await lastEmailTo(admin.agent, email);
    expect(mail.subject).toContain('Harbor Recovery Community');
    expect(mail.text).toContain('Admin Ada invited you');
    expect(mail.text).toContain(`http://localhost:3000/accept-invite#token=${mail.token}`);
    // Only the hash is stored.
    const [row] = await t.database.db.select().from(invites).where(eq(invites.id, response.body.id));
    expect(row?.tokenHash).toBe(hashToken(mail.token ?? ''));
  });

  it('refuses an address that already has an account (409 naming the field)', async () => {
    const person = await buildPerson(t);
    const response = await admin.agent.post('/api/admin/invites', { email: person.email, roles: ['member'] });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
    expect(response.body.error.fields[0].path).toBe('body.email');
  });

  it('refuses unknown roles and an empty role list', async () => {
    expect((await admin.agent.post('/api/admin/invites', { email: uniqueEmail(), roles: ['overlord'] })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/invites', { email: uniqueEmail(), roles: [] })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/invites', { email: 'not an email', roles: ['member'] })).status).toBe(400);
  });

  it('is hidden from non-admins (404) and closed to anonymous visitors (401)', async () => {
    const coach = await buildPerson(t, { roles: ['coach', 'supervisor', 'member'] });
    const asCoach = await coach.agent.post('/api/admin/invites', { email: uniqueEmail(), roles: ['admin'] });
    expect(asCoach.status).toBe(404);
    expect(asCoach.body.error.code).toBe('NOT_FOUND');
    expect((await createAgent(t.app).post('/api/admin/invites', { email: uniqueEmail(), roles: ['member'] })).status).toBe(401);
  });
});

describe('GET /api/admin/invites', () => {
  it('lists invitations with their status, newest first', async () => {
    const email = uniqueEmail();
    const { invite: created } = await invite(email);
    const response = await admin.agent.get('/api/admin/invites');
    expect(response.status).toBe(200);
    expect(response.body[0]).toMatchObject({ id: created.id, email, status: 'pending' });
  });

  it('is hidden from non-admins (404) and closed to anonymous visitors (401)', async () => {
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/admin/invites')).status).toBe(404);
    expect((await createAgent(t.app).get('/api/admin/invites')).status).toBe(401);
  });
});

describe('POST /api/invites/preview', () => {
  it('shows what a link is for without using it up', async () => {
    const email = uniqueEmail();
    const { token } = await invite(email, ['ally']);
    const visitor = createAgent(t.app);
    for (let i = 0; i < 2; i++) {
      const response = await visitor.post('/api/invites/preview', { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ kind: 'invite', email, roles: ['ally'], organizationName: 'Harbor Recovery Community' });
    }
  });

  it('answers 410 for an unknown token', async () => {
    const response = await createAgent(t.app).post('/api/invites/preview', { token: 'q'.repeat(43) });
    expect(response.status).toBe(410);
    expect(response.body.error.code).toBe('GONE');
  });
});

describe('POST /api/invites/accept', () => {
  it('creates the account with the invited roles and signs the person in', async () => {
    const email = uniqueEmail();
    const { invite: created, token } = await invite(email, ['coach', 'member']);
    const browser = createAgent(t.app);
    const response = await browser.post('/api/invites/accept', { token, password: PASSWORD, alias: 'Coach Carmen' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email, alias: 'Coach Carmen', roles: ['coach', 'member'], mfaEnabled: false });

    const session = await browser.get('/api/session');
    expect(session.body.user).toMatchObject({ id: response.body.id, email, roles: ['coach', 'member'] });
    expect((await browser.get('/api/me/profile')).body.timezone).toBe('America/New_York');

    const list = await admin.agent.get('/api/admin/invites');
    expect(list.body.find((i: { id: string }) => i.id === created.id).status).toBe('accepted');
    // The new person can sign in again with the chosen password.
    expect((await createAgent(t.app).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  });

  it('works once: a second use answers 410 and creates nothing', async () => {
    const email = uniqueEmail();
    const { token } = await invite(email);
    expect((await createAgent(t.app).post('/api/invites/accept', { token, password: PASSWORD, alias: 'Once Only' })).status).toBe(201);
    const again = await createAgent(t.app).post('/api/invites/accept', { token, password: PASSWORD, alias: 'Twice Tried' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('GONE');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await createAgent(t.app).post('/api/invites/preview', { token })).status).toBe(410);
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it('refuses a revoked invitation (410)', async () => {
    const email = uniqueEmail();
    const { invite: created, token } = await invite(email);
    const revoked = await admin.agent.post(`/api/admin/invites/${created.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await createAgent(t.app).post('/api/invites/preview', { token })).status).toBe(410);
    const response = await createAgent(t.app).post('/api/invites/accept', { token, password: PASSWORD, alias: 'Revoked Rae' });
    expect(response.status).toBe(410);
    expect(await usersWithEmail(email)).toHaveLength(0);
    // Revoking twice finds no pending invitation.
    expect((await admin.agent.post(`/api/admin/invites/${created.id}/revoke`)).status).toBe(404);
  });

  it('refuses an expired invitation (410) and lists it as expired', async () => {
    const email = uniqueEmail();
    const { invite: created, token } = await invite(email);
    await t.database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, created.id));
    const response = await createAgent(t.app).post('/api/invites/accept', { token, password: PASSWORD, alias: 'Late Lou' });
    expect(response.status).toBe(410);
    expect(await usersWithEmail(email)).toHaveLength(0);
    const list = await admin.agent.get('/api/admin/invites');
    expect(list.body.find((i: { id: string }) => i.id === created.id).status).toBe('expired');
  });

  it('refuses a taken alias (409, case-insensitive) and writes nothing: the link still works afterwards', async () => {
    await buildPerson(t, { alias: 'Taken Tam' });
    const email = uniqueEmail();
    const { invite: created, token } = await invite(email);
    const sessionsBefore = (await t.database.db.select().from(sessions)).length;
    const profilesBefore = (await t.database.db.select().from(profiles)).length;

    const browser = createAgent(t.app);
    const response = await browser.post('/api/invites/accept', { token, password: PASSWORD, alias: 'taken TAM' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
    expect(response.body.error.fields[0].path).toBe('body.alias');
    expect(response.headers['set-cookie']).toBeUndefined();

    expect(await usersWithEmail(email)).toHaveLength(0);
    expect((await t.database.db.select().from(sessions)).length).toBe(sessionsBefore);
    expect((await t.database.db.select().from(profiles)).length).toBe(profilesBefore);
    const [row] = await t.database.db.select().from(invites).where(eq(invites.id, created.id));
    expect(row).toMatchObject({ acceptedAt: null, acceptedBy: null });

    const retry = await browser.post('/api/invites/accept', { token, password: PASSWORD, alias: 'Untaken Uma' });
    expect(retry.status).toBe(201);
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it('creates exactly one account when the same link is accepted twice at once', async () => {
    const email = uniqueEmail();
    const { token } = await invite(email);
    const results = await Promise.all(
      ['Racer One', 'Racer Two', 'Racer Three'].map((alias) =>
        createAgent(t.app).post('/api/invites/accept', { token, password: PASSWORD, alias }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 410, 410]);
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it('refuses a weak password and a malformed alias with 400', async () => {
    const { token } = await invite(uniqueEmail());
    const weak = await createAgent(t.app).post('/api/invites/accept', { token, password: 'short', alias: 'Fine Alias' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('body.password');
    const alias = await createAgent(t.app).post('/api/invites/accept', { token, password: PASSWORD, alias: '<script>' });
    expect(alias.status).toBe(400);
    expect(alias.body.error.fields[0].path).toBe('body.alias');
  });
});

describe('POST /api/admin/invites/:id/revoke', () => {
  it('is hidden from non-admins (404), closed to anonymous visitors (401), and 404 for an unknown id', async () => {
    const { invite: created } = await invite(uniqueEmail());
    const member = await buildPerson(t);
    expect((await member.agent.post(`/api/admin/invites/${created.id}/revoke`)).status).toBe(404);
    expect((await createAgent(t.app).post(`/api/admin/invites/${created.id}/revoke`)).status).toBe(401);
    expect((await admin.agent.post('/api/admin/invites/6b1f3a52-6d0c-4a53-9b0a-2f2b8c1c9e77/revoke')).status).toBe(404);
    expect((await admin.agent.post('/api/admin/invites/not-a-uuid/revoke')).status).toBe(400);
    const list = await admin.agent.get('/api/admin/invites');
    expect(list.body.find((i: { id: string }) => i.id === created.id).status).toBe('pending');
  });
});
