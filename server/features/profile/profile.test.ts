import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
});
afterAll(async () => t.close());

describe('GET /api/me/profile', () => {
  it('returns my own profile, including what only I see', async () => {
    const person = await buildPerson(t, { alias: 'Own Olive' });
    const response = await person.agent.get('/api/me/profile');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: person.id,
      email: person.email,
      legalName: null,
      alias: 'Own Olive',
      pronouns: null,
      languages: [],
      timezone: 'America/Chicago',
      pathways: [],
      pathwaysVisibility: 'private',
      updatedAt: expect.any(String),
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).get('/api/me/profile')).status).toBe(401);
  });
});

describe('PATCH /api/me/profile', () => {
  it('changes only the fields sent, trims text and drops duplicates', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.patch('/api/me/profile', {
      legalName: '  Olivia Example  ',
      pronouns: 'she/her',
      languages: ['en', 'es-MX', 'en'],
      timezone: 'Europe/Madrid',
      pathways: ['twelve_step', 'secular', 'twelve_step'],
      pathwaysVisibility: 'shared',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      legalName: 'Olivia Example',
      pronouns: 'she/her',
      languages: ['en', 'es-MX'],
      timezone: 'Europe/Madrid',
      pathways: ['twelve_step', 'secular'],
      pathwaysVisibility: 'shared',
      alias: person.alias,
    });

    const partial = await person.agent.patch('/api/me/profile', { pronouns: 'they/them' });
    expect(partial.body).toMatchObject({ pronouns: 'they/them', legalName: 'Olivia Example', timezone: 'Europe/Madrid' });
    expect((await person.agent.get('/api/me/profile')).body).toEqual(partial.body);
  });

  it('clears optional text with an empty string or null', async () => {
    const person = await buildPerson(t);
    await person.agent.patch('/api/me/profile', { legalName: 'Somebody', pronouns: 'he/him' });
    const response = await person.agent.patch('/api/me/profile', { legalName: '', pronouns: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ legalName: null, pronouns: null });
  });

  it('changes the alias, and refuses one already taken in any letter case (409 naming the field)', async () => {
    await buildPerson(t, { alias: 'Unique Uri' });
    const person = await buildPerson(t);
    const taken = await person.agent.patch('/api/me/profile', { alias: 'uNIQUE uRI', pronouns: 'xe/xem' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CONFLICT');
    expect(taken.body.error.fields).toEqual([{ path: 'body.alias', message: expect.any(String) }]);
    // Nothing of the refused change was written.
    expect((await person.agent.get('/api/me/profile')).body).toMatchObject({ alias: person.alias, pronouns: null });

    const renamed = await person.agent.patch('/api/me/profile', { alias: '  New Name  ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.alias).toBe('New Name');
    // Changing only the letter case of my own alias is fine.
    expect((await person.agent.patch('/api/me/profile', { alias: 'new name' })).status).toBe(200);
  });

  it('refuses an unknown time zone with a 400 naming body.timezone', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.patch('/api/me/profile', { timezone: 'Atlantis/Lost_City' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields[0].path).toBe('body.timezone');
    expect(response.body.error.message).toContain('body.timezone');
  });

  it('refuses an unknown pathway with a 400 naming it', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.patch('/api/me/profile', { pathways: ['twelve_step', 'willpower_only'] });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe('body.pathways.1');
  });

  it('refuses unknown fields (strict body), including ones that exist elsewhere', async () => {
    const person = await buildPerson(t);
    for (const body of [{ nickname: 'x' }, { email: 'new@example.org' }, { roles: ['admin'] }, { alias: 'Fine Name', id: person.id }]) {
      const response = await person.agent.patch('/api/me/profile', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await person.agent.get('/api/session')).body.user).toMatchObject({
      email: person.email,
      roles: ['member'],
      alias: person.alias,
    });
  });

  it('refuses malformed values', async () => {
    const person = await buildPerson(t);
    for (const body of [
      { alias: 'x' },
      { alias: ' <b>bold</b>' },
      { alias: 'a'.repeat(41) },
      { languages: ['english'] },
      { legalName: 'n'.repeat(121) },
      { pathwaysVisibility: 'public' },
      { timezone: 42 },
    ]) {
      const response = await person.agent.patch('/api/me/profile', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.fields.length).toBeGreaterThan(0);
    }
  });

  it('needs a signed-in person', async () => {
    expect((await createAgent(t.app).patch('/api/me/profile', { pronouns: 'x' })).status).toBe(401);
  });
});
