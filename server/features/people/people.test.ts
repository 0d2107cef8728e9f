import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
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

const UNKNOWN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

async function signIn(email: string) {
  const agent = createAgent(t.app);
  const response = await agent.post('/api/auth/sign-in', { email, password: PASSWORD });
  return { agent, response };
}

describe('GET /api/admin/people', () => {
  it('lists everyone with email, roles, status and two-factor state', async () => {
    const person = await buildPerson(t, { alias: 'Listed Lee', roles: ['coach', 'member'] });
    const response = await admin.agent.get('/api/admin/people');
    expect(response.status).toBe(200);
    expect(response.body).toContainEqual({
      id: person.id,
      email: person.email,
      alias: 'Listed Lee',
      roles: ['coach', 'member'],
      status: 'active',
      mfaEnabled: false,
      createdAt: expect.any(String),
    });
    expect(response.body.find((p: { id: string }) => p.id === admin.id)).toMatchObject({ roles: ['admin', 'member'] });
    // No password hashes, TOTP secrets or recovery codes, whatever the table holds.
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|passwordHash|totpSecret|recovery/i);
  });

  it('is hidden from every non-admin role (404) and closed to anonymous visitors (401)', async () => {
    const staff = await buildPerson(t, { roles: ['member', 'coach', 'supervisor', 'ally', 'house_manager', 'moderator'] });
    const response = await staff.agent.get('/api/admin/people');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    expect((await createAgent(t.app).get('/api/admin/people')).status).toBe(401);
  });
});

describe('PUT /api/admin/people/:id/roles', () => {
  it('sets roles (deduplicated) and records roles.changed with before and after', async () => {
    const person = await buildPerson(t);
    const response = await admin.agent.put(`/api/admin/people/${person.id}/roles`, { roles: ['coach', 'member', 'coach'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: person.id, roles: ['coach', 'member'] });
    expect((await person.agent.get('/api/session')).body.user.roles).toEqual(['coach', 'member']);

    const events = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'roles.changed'), eq(auditLog.subjectId, person.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, detail: { before: ['member'], after: ['coach', 'member'] } });
    const audit = await admin.agent.get('/api/admin/audit');
    expect(audit.body.events[0]).toMatchObject({ event: 'roles.changed', actor: { id: admin.id }, subject: { id: person.id } });
  });

  it('refuses to remove the last admin (409) and keeps the roles', async () => {
    const response = await admin.agent.put(`/api/admin/people/${admin.id}/roles`, { roles: ['member'] });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
    expect((await admin.agent.get('/api/session')).body.user.roles).toEqual(['admin', 'member']);
  });

  it('lets an admin step down once another admin exists', async () => {
    const second = await buildPerson(t, { roles: ['admin'] });
    const response = await second.agent.put(`/api/admin/people/${second.id}/roles`, { roles: ['member'] });
    expect(response.status).toBe(200);
    expect((await second.agent.get('/api/admin/people')).status).toBe(404);
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const a = await buildPerson(t, { roles: ['admin'] });
    const b = await buildPerson(t, { roles: ['admin'] });
    // Demote the setup admin first so a and b are the only admins.
    expect((await a.agent.put(`/api/admin/people/${admin.id}/roles`, { roles: ['member'] })).status).toBe(200);
    const results = await Promise.all([
      a.agent.put(`/api/admin/people/${b.id}/roles`, { roles: ['member'] }),
      b.agent.put(`/api/admin/people/${a.id}/roles`, { roles: ['member'] }),
    ]);
    // One wins; the other is refused, either by the last-admin rule (409) or, when it arrives after the
    // first one finished, because its sender is no longer an admin (404).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    const people = await a.agent.get('/api/admin/people');
    const remaining = (people.status === 200 ? people : await b.agent.get('/api/admin/people')).body.filter(
      (p: { roles: string[]; status: string }) => p.roles.includes('admin') && p.status === 'active',
    );
    expect(remaining).toHaveLength(1);
    // Restore the setup admin for the rest of the file.
    const survivor = remaining[0].id === a.id ? a : b;
    expect((await survivor.agent.put(`/api/admin/people/${admin.id}/roles`, { roles: ['admin', 'member'] })).status).toBe(200);
  });

  it('answers 404 for an unknown person and 400 for bad roles or ids', async () => {
    expect((await admin.agent.put(`/api/admin/people/${UNKNOWN_ID}/roles`, { roles: ['member'] })).status).toBe(404);
    const person = await buildPerson(t);
    expect((await admin.agent.put(`/api/admin/people/${person.id}/roles`, { roles: [] })).status).toBe(400);
    expect((await admin.agent.put(`/api/admin/people/${person.id}/roles`, { roles: ['root'] })).status).toBe(400);
    expect((await admin.agent.put('/api/admin/people/123/roles', { roles: ['member'] })).status).toBe(400);
  });

  it('is hidden from non-admins (404)', async () => {
    const coach = await buildPerson(t, { roles: ['coach', 'supervisor'] });
    const response = await coach.agent.put(`/api/admin/people/${coach.id}/roles`, { roles: ['admin'] });
    expect(response.status).toBe(404);
    expect((await coach.agent.get('/api/session')).body.user.roles).toEqual(['coach', 'supervisor']);
  });
});

describe('POST /api/admin/people/:id/disable', () => {
  it('ends the person’s sessions at once, and sign-in then gets the same 401 as a wrong password', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.get('/api/me/profile')).status).toBe(200);

    const response = await admin.agent.post(`/api/admin/people/${person.id}/disable`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: person.id, status: 'disabled' });

    const afterwards = await person.agent.get('/api/me/profile');
    expect(afterwards.status).toBe(401);
    const disabled = await signIn(person.email);
    const wrong = await signIn('nobody-at-all@example.org');
    expect(disabled.response.status).toBe(401);
    expect(disabled.response.body).toEqual(wrong.response.body);
    // The card vanishes from the community too.
    expect((await admin.agent.get(`/api/people/${person.id}`)).status).toBe(404);
    const events = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'account.disabled'), eq(auditLog.subjectId, person.id)));
    expect(events).toHaveLength(1);
  });

  it('refuses to disable oneself (409)', async () => {
    const response = await admin.agent.post(`/api/admin/people/${admin.id}/disable`);
    expect(response.status).toBe(409);
    expect((await admin.agent.get('/api/admin/people')).status).toBe(200);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await admin.agent.post(`/api/admin/people/${UNKNOWN_ID}/disable`)).status).toBe(404);
  });

  it('is hidden from non-admins (404)', async () => {
    const member = await buildPerson(t);
    const target = await buildPerson(t);
    expect((await member.agent.post(`/api/admin/people/${target.id}/disable`)).status).toBe(404);
    expect((await target.agent.get('/api/me/profile')).status).toBe(200);
  });
});

describe('POST /api/admin/people/:id/enable', () => {
  it('lets a disabled person sign in again (old sessions stay ended)', async () => {
    const person = await buildPerson(t);
    await admin.agent.post(`/api/admin/people/${person.id}/disable`);
    const response = await admin.agent.post(`/api/admin/people/${person.id}/enable`);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('active');
    expect((await person.agent.get('/api/me/profile')).status).toBe(401);
    expect((await signIn(person.email)).response.status).toBe(200);
    // Enabling an active person changes nothing and records nothing.
    expect((await admin.agent.post(`/api/admin/people/${person.id}/enable`)).status).toBe(200);
    const events = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'account.enabled'), eq(auditLog.subjectId, person.id)));
    expect(events).toHaveLength(1);
  });

  it('is hidden from non-admins (404)', async () => {
    const member = await buildPerson(t);
    expect((await member.agent.post(`/api/admin/people/${member.id}/enable`)).status).toBe(404);
  });
});

describe('GET /api/people (search by alias)', () => {
  beforeAll(async () => {
    for (const alias of ['Zed Alpha', 'zed beta', 'Zedd Gamma', 'Zed_Under', 'Zed%Pct', 'Yolanda Zed']) await buildPerson(t, { alias });
  });

  it('finds people by any part of their alias, case-insensitively, starts first', async () => {
    const member = await buildPerson(t);
    const response = await member.agent.get('/api/people?q=zed');
    expect(response.status).toBe(200);
    const aliases = response.body.map((p: { alias: string }) => p.alias);
    // Order within a rank follows the database collation, which differs between installs: compare as sets.
    expect(aliases.slice(0, 5).sort()).toEqual(['Zed Alpha', 'Zed%Pct', 'Zed_Under', 'Zedd Gamma', 'zed beta'].sort());
    expect(aliases[5]).toBe('Yolanda Zed');
  });

  it('finds a word in the middle of an alias, and every word of the query', async () => {
    await buildPerson(t, { alias: 'Demo Casey' });
    await buildPerson(t, { alias: 'Demo Robin' });
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/people?q=Casey')).body.map((p: { alias: string }) => p.alias)).toEqual(['Demo Casey']);
    expect((await member.agent.get('/api/people?q=ase')).body.map((p: { alias: string }) => p.alias)).toEqual(['Demo Casey']);
    expect((await member.agent.get('/api/people?q=casey%20demo')).body.map((p: { alias: string }) => p.alias)).toEqual(['Demo Casey']);
    expect((await member.agent.get('/api/people?q=robin%20casey')).body).toEqual([]);
  });

  it('treats % and _ literally', async () => {
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/people?q=Zed_')).body.map((p: { alias: string }) => p.alias)).toEqual(['Zed_Under']);
    expect((await member.agent.get(`/api/people?q=${encodeURIComponent('Zed%')}`)).body.map((p: { alias: string }) => p.alias)).toEqual([
      'Zed%Pct',
    ]);
    // Anywhere in the alias, but still literally: only the alias that has the character.
    expect((await member.agent.get(`/api/people?q=${encodeURIComponent('%')}`)).body.map((p: { alias: string }) => p.alias)).toEqual([
      'Zed%Pct',
    ]);
    expect((await member.agent.get('/api/people?q=_')).body.map((p: { alias: string }) => p.alias)).toEqual(['Zed_Under']);
    expect((await member.agent.get(`/api/people?q=${encodeURIComponent('\\')}`)).status).toBe(200);
  });

  it('never finds people by email or legal name', async () => {
    const hidden = await buildPerson(t, { alias: 'Quiet Quinn', email: 'findme-secret@example.org' });
    await hidden.agent.patch('/api/me/profile', { legalName: 'Rumpelstiltskin Legal' });
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/people?q=findme')).body).toEqual([]);
    expect((await member.agent.get('/api/people?q=Rumpel')).body).toEqual([]);
    const found = await member.agent.get('/api/people?q=Quiet');
    expect(found.body).toHaveLength(1);
    expect(JSON.stringify(found.body)).not.toMatch(/findme|Rumpelstiltskin/);
  });

  it('needs a query of 1–40 characters and nothing else', async () => {
    const member = await buildPerson(t);
    expect((await member.agent.get('/api/people')).status).toBe(400);
    expect((await member.agent.get('/api/people?q=')).status).toBe(400);
    expect((await member.agent.get(`/api/people?q=${'a'.repeat(41)}`)).status).toBe(400);
    expect((await member.agent.get('/api/people?q=zed&limit=1000')).status).toBe(400);
    expect((await createAgent(t.app).get('/api/people?q=zed')).status).toBe(401);
  });
});

describe('GET /api/people/:id (person card)', () => {
  it('shows alias, pronouns and languages, never legal name or email', async () => {
    const person = await buildPerson(t, { alias: 'Card Cass' });
    await person.agent.patch('/api/me/profile', { legalName: 'Cassandra Legalname', pronouns: 'she/her', languages: ['en', 'es'] });
    const viewer = await buildPerson(t);
    const response = await viewer.agent.get(`/api/people/${person.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: person.id, alias: 'Card Cass', pronouns: 'she/her', languages: ['en', 'es'] });
    expect(JSON.stringify(response.body)).not.toMatch(/Legalname|@example\.org/);
  });

  it('never shows pathways on a card; through a profile grant only when the person chose to include them', async () => {
    const person = await buildPerson(t);
    await person.agent.patch('/api/me/profile', { pathways: ['smart_recovery', 'medication_assisted'], pathwaysVisibility: 'private' });
    const viewer = await buildPerson(t);
    const profileUrl = `/api/people/${person.id}/profile`;
    await person.agent.post('/api/me/grants', { granteeId: viewer.id, scopes: ['profile'], purpose: 'Peer support' });

    for (const visibility of ['private', 'shared'] as const) {
      await person.agent.patch('/api/me/profile', { pathwaysVisibility: visibility });
      expect((await viewer.agent.get(`/api/people/${person.id}`)).body).not.toHaveProperty('pathways');
      expect((await viewer.agent.get(`/api/people?q=${encodeURIComponent(person.alias)}`)).body[0]).not.toHaveProperty('pathways');
      const shared = await viewer.agent.get(profileUrl);
      expect(shared.body.pathways).toEqual(visibility === 'shared' ? ['smart_recovery', 'medication_assisted'] : []);
      // The person always sees their own.
      expect((await person.agent.get(profileUrl)).body.pathways).toEqual(['smart_recovery', 'medication_assisted']);
    }
  });

  it('answers 404 for an unknown person, 400 for a malformed id and 401 for anonymous visitors', async () => {
    const viewer = await buildPerson(t);
    expect((await viewer.agent.get(`/api/people/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await viewer.agent.get('/api/people/not-a-uuid')).status).toBe(400);
    expect((await createAgent(t.app).get(`/api/people/${viewer.id}`)).status).toBe(401);
  });
});
