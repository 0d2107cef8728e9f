import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, PASSWORD, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('first run', () => {
  it('reports that setup is needed, with a CSRF token even before anyone signs in', async () => {
    const agent = createAgent(t.app);
    const session = await agent.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ needsSetup: true, user: null, organization: null, mfaPending: false });
    expect(session.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('refuses a setup with an unknown time zone and writes nothing', async () => {
    const agent = createAgent(t.app);
    const response = await agent.post('/api/setup', {
      organization: { name: 'Harbor', timezone: 'Mars/Olympus_Mons', crisisLines: [] },
      admin: { email: 'admin@example.org', password: PASSWORD, alias: 'Admin Ada' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields[0].path).toBe('body.organization.timezone');
    expect((await agent.get('/api/session')).body.needsSetup).toBe(true);
  });

  it('creates the organization and signs its first admin in', async () => {
    const admin = await setUpOrganization(t);
    const session = await admin.agent.get('/api/session');
    expect(session.body.needsSetup).toBe(false);
    expect(session.body.user).toMatchObject({ alias: 'Admin Ada', roles: ['admin', 'member'], mfaEnabled: false });
    expect(session.body.organization).toMatchObject({ name: 'Harbor Recovery Community', timezone: 'America/New_York', openSignup: false });
  });

  it('cannot be run twice', async () => {
    const again = await createAgent(t.app).post('/api/setup', {
      organization: { name: 'Takeover', timezone: 'UTC', crisisLines: [] },
      admin: { email: 'evil@example.org', password: PASSWORD, alias: 'Mallory' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });
});

describe('organization settings', () => {
  it('lets an admin read and change settings, and hides them from everyone else', async () => {
    const admin = createAgent(t.app);
    await admin.post('/api/auth/sign-in', { email: 'admin@example.org', password: PASSWORD });
    const changed = await admin.patch('/api/admin/settings', { openSignup: true, requireStaffMfa: false, name: 'Harbor RCO' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ openSignup: true, name: 'Harbor RCO' });
    expect((await admin.get('/api/admin/settings')).body.name).toBe('Harbor RCO');

    const member = await buildPerson(t);
    expect((await member.agent.get('/api/admin/settings')).status).toBe(404);
    expect((await member.agent.patch('/api/admin/settings', { openSignup: false })).status).toBe(404);
    expect((await createAgent(t.app).get('/api/admin/settings')).status).toBe(401);
  });

  it('rejects unknown settings fields', async () => {
    const admin = createAgent(t.app);
    await admin.post('/api/auth/sign-in', { email: 'admin@example.org', password: PASSWORD });
    const response = await admin.patch('/api/admin/settings', { plan: 'enterprise' });
    expect(response.status).toBe(400);
  });
});
