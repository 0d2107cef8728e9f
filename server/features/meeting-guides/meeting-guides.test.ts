import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { anonymous, loadTestMeetings } from '../buddies/buddies.fixtures.ts';

let t: TestApp;
let admin: Person;
let meetingIds: Map<string, string>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  meetingIds = await loadTestMeetings(t);
});
afterAll(async () => t.close());

const guideOf = async (slug: string, language?: string) => {
  const response = await anonymous(t).get(`/api/meetings/${meetingIds.get(slug)}/guide${language ? `?language=${language}` : ''}`);
  expect(response.status).toBe(200);
  return response.body.guide;
};

describe('what to expect: matching', () => {
  it('the seeded guides come in English and Spanish, public to read', async () => {
    const all = await anonymous(t).get('/api/meeting-guides');
    expect(all.status).toBe(200);
    const slugs = all.body.guides.map((g: { slug: string }) => g.slug);
    for (const slug of [
      'first-meeting',
      'open-meeting',
      'closed-meeting',
      'online-meeting',
      'twelve-step-meeting',
      'smart-recovery',
      'speaker-meeting',
    ]) {
      expect(slugs).toContain(slug);
      expect(slugs).toContain(`${slug}-es`);
    }
    const spanish = await anonymous(t).get('/api/meeting-guides?language=es');
    expect(spanish.body.guides.every((g: { language: string }) => g.language === 'es')).toBe(true);
  });

  it('fellowship beats type code beats general; the viewer’s language when there is one', async () => {
    // AA, open: the AA guide (fellowship) wins over the open-meeting guide (type).
    expect((await guideOf('tuesday-open')).slug).toBe('twelve-step-meeting');
    expect((await guideOf('tuesday-open', 'es')).slug).toBe('twelve-step-meeting-es');
    // No fellowship, closed speaker meeting: whether one may attend (closed) comes before the format.
    expect((await guideOf('sunday-speakers')).slug).toBe('closed-meeting');
    expect((await guideOf('smart-online', 'es')).slug).toBe('smart-recovery-es');
    // NA with no types: the general guide.
    expect((await guideOf('by-appointment', 'es')).slug).toBe('first-meeting-es');
  });

  it('a guide for fellowship and type wins; one only in English is used for Spanish readers', async () => {
    const created = await admin.agent.post('/api/admin/meeting-guides', {
      slug: 'aa-open',
      language: 'en',
      title: 'An open AA meeting',
      fellowship: 'aa',
      typeCode: 'O',
      body: 'Anyone may come. <b>Not bold</b>',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.body).toBe('Anyone may come. <b>Not bold</b>');
    expect((await guideOf('tuesday-open', 'es')).slug).toBe('aa-open');
    const edited = await admin.agent.put(`/api/admin/meeting-guides/${created.body.id}`, {
      slug: 'aa-open',
      language: 'es',
      title: 'Una reunión abierta de AA',
      fellowship: 'AA',
      typeCode: 'O',
      body: 'Puede venir cualquiera.',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await guideOf('tuesday-open', 'en')).slug).toBe('twelve-step-meeting');
    expect((await guideOf('tuesday-open', 'es')).title).toBe('Una reunión abierta de AA');
    expect((await admin.agent.delete(`/api/admin/meeting-guides/${created.body.id}`)).status).toBe(204);
    expect((await guideOf('tuesday-open', 'es')).slug).toBe('twelve-step-meeting-es');
    // Each change is in the security audit log, by whom and which guide.
    const audited = await t.database.db.select().from(auditLog).where(like(auditLog.event, 'guide.%')).orderBy(auditLog.id);
    expect(audited.map((row) => row.event)).toEqual(['guide.created', 'guide.updated', 'guide.deleted']);
    expect(audited.every((row) => row.actorId === admin.id && (row.detail as { guideId?: string }).guideId === created.body.id)).toBe(true);
  });

  it('an unknown meeting is 404 whatever its id looks like; a bad language is 400', async () => {
    expect((await anonymous(t).get('/api/meetings/00000000-0000-4000-8000-000000000000/guide')).status).toBe(404);
    expect((await anonymous(t).get(`/api/meetings/${meetingIds.get('tuesday-open')}/guide?language=fr`)).status).toBe(400);
    expect((await anonymous(t).get('/api/meetings/nope/guide')).status).toBe(404);
  });
});

describe('what to expect: editing', () => {
  const input = { slug: 'test-guide', language: 'en', title: 'Test', fellowship: null, typeCode: null, body: 'Body' };

  it('only admins write guides; others get 404, visitors 401', async () => {
    const member = await buildPerson(t);
    const coach = await buildPerson(t, { roles: ['coach'] });
    for (const person of [member, coach]) {
      expect((await person.agent.get('/api/admin/meeting-guides')).status).toBe(404);
      expect((await person.agent.post('/api/admin/meeting-guides', input)).status).toBe(404);
    }
    expect((await anonymous(t).post('/api/admin/meeting-guides', input)).status).toBe(401);
    expect((await admin.agent.get('/api/admin/meeting-guides')).status).toBe(200);
  });

  it('a taken slug is 409; bad input is 400; an unknown id is 404', async () => {
    expect((await admin.agent.post('/api/admin/meeting-guides', input)).status).toBe(201);
    expect((await admin.agent.post('/api/admin/meeting-guides', input)).status).toBe(409);
    expect((await admin.agent.post('/api/admin/meeting-guides', { ...input, slug: 'Bad Slug' })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/meeting-guides', { ...input, slug: 'other', language: 'fr' })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/meeting-guides', { ...input, slug: 'other', body: '   ' })).status).toBe(400);
    expect((await admin.agent.post('/api/admin/meeting-guides', { ...input, slug: 'other', body: 'x'.repeat(8001) })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.agent.put(`/api/admin/meeting-guides/${unknown}`, input)).status).toBe(404);
    expect((await admin.agent.delete(`/api/admin/meeting-guides/${unknown}`)).status).toBe(404);
  });
});
