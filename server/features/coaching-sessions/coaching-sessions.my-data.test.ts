import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingSessions, referrals, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let coach: Person;
let member: Person;
let relationshipId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  coach = await buildPerson(t, { roles: ['coach'], alias: 'Coach Ray' });
  member = await buildPerson(t, { alias: 'Wren' });
  relationshipId = (await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: [] })).id;
  const session = await coach.agent.post(`/api/coaching/relationships/${relationshipId}/sessions`, {
    scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    durationMinutes: 60,
    contactType: 'in_person',
    location: 'Community room',
  });
  expect(session.status).toBe(201);
  const note = await coach.agent.post(`/api/coaching/relationships/${relationshipId}/notes`, {
    occurredOn: DateTime.now().setZone('America/Chicago').toISODate(),
    durationMinutes: 20,
    contactType: 'phone',
    lifeDomains: ['legal'],
    goalsMoved: ['Court date prepared'],
    summary: 'Went over the court letter.',
    nextSteps: 'Meet before the hearing.',
    referrals: [{ service: 'Legal aid clinic', reason: 'Hearing next month' }],
  });
  expect(note.status).toBe(201);
});
afterAll(async () => t.close());

describe('my data: coaching sessions', () => {
  it('exports my sessions, the notes about me and my referrals', async () => {
    const response = await member.agent.get('/api/me/export');
    expect(response.status).toBe(200);
    const mine = response.body.coachingSessions;
    expect(mine.sessions).toHaveLength(1);
    expect(mine.sessions[0]).toMatchObject({ contactType: 'in_person', location: 'Community room', coach: { alias: 'Coach Ray' } });
    expect(mine.notes).toHaveLength(1);
    expect(mine.notes[0]).toMatchObject({
      summary: 'Went over the court letter.',
      lifeDomains: ['legal'],
      goalsMoved: ['Court date prepared'],
    });
    expect(mine.referrals.map((r: { service: string }) => r.service)).toEqual(['Legal aid clinic']);
    // The coach's own export holds no member's notes.
    const coachExport = await coach.agent.get('/api/me/export');
    expect(coachExport.body.coachingSessions).toEqual({ sessions: [], notes: [], referrals: [] });
  });

  it('erases them when I delete my account', async () => {
    const response = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const erased = Object.fromEntries(response.body.erased.map((e: { what: string; count: number }) => [e.what, e.count]));
    expect(erased).toMatchObject({ 'coaching sessions': 1, 'coaching notes about you': 1, referrals: 1 });
    const db = t.database.db;
    expect(await db.select().from(coachingSessions).where(eq(coachingSessions.memberId, member.id))).toEqual([]);
    expect(await db.select().from(sessionNotes).where(eq(sessionNotes.memberId, member.id))).toEqual([]);
    expect(await db.select().from(referrals).where(eq(referrals.memberId, member.id))).toEqual([]);
  });
});
