import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreateNote, NOTE_REVIEW_PURPOSE } from '../../../shared/contracts/coaching-sessions.ts';
import { coachingRelationships } from '../../db/schema/coaching.ts';
import { accessLog } from '../../db/schema/consent.ts';
import type { Actor } from '../../plugins/session.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { updateNote } from './coaching-notes.corrections.ts';
import { createNote } from './coaching-notes.service.ts';

let t: TestApp;
let admin: Person;
let coach: Person;
let member: Person;
let otherCoach: Person;
let ally: Person;
let supervisor: Person;
let relationshipId: string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  coach = await buildPerson(t, { roles: ['coach'], alias: 'Coach Lee' });
  member = await buildPerson(t, { alias: 'Juniper' });
  otherCoach = await buildPerson(t, { roles: ['coach'] });
  ally = await buildPerson(t, { roles: ['ally'] });
  supervisor = await buildPerson(t, { roles: ['supervisor'] });
  relationshipId = (await buildCoachingRelationship(t, { coachId: coach.id, memberId: member.id, scopes: ['plan'] })).id;
  // The ally has every grantable scope of the member: none of them opens coaching notes.
  const grant = await member.agent.post('/api/me/grants', {
    granteeId: ally.id,
    scopes: ['profile', 'clock', 'checkins.summary', 'checkins.detail', 'plan', 'safety_plan', 'assessments', 'sos'],
    purpose: 'My sister supports me',
  });
  expect(grant.status).toBe(201);
});
afterAll(async () => t.close());

// The coach profile made by the factory is in America/Chicago.
const today = () => DateTime.now().setZone('America/Chicago').toISODate() as string;
const notesUrl = (id = relationshipId) => `/api/coaching/relationships/${id}/notes`;
const note = (extra: Record<string, unknown> = {}) => ({
  occurredOn: today(),
  durationMinutes: 50,
  contactType: 'in_person',
  lifeDomains: ['housing', 'work_education'],
  goalsMoved: ['Applied for two jobs'],
  summary: 'Talked through the housing application.',
  nextSteps: 'Call the landlord on Monday.',
  ...extra,
});
async function write(body: Record<string, unknown> = note(), by = coach, url = notesUrl()) {
  const response = await by.agent.post(url, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}
const reviewRows = (subject: Person) =>
  t.database.db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.subjectId, subject.id), eq(accessLog.scope, 'coaching_notes')));

describe('writing a note', () => {
  it('documents a contact with domains, goals moved and referrals (created open)', async () => {
    const created = await write(
      note({ referrals: [{ service: 'Harbor Housing', reason: 'Needs a place by March' }, { service: 'Job center' }] }),
    );
    expect(created).toMatchObject({
      relationshipId,
      sessionId: null,
      author: { id: coach.id, alias: 'Coach Lee' },
      member: { id: member.id, alias: 'Juniper' },
      occurredOn: today(),
      lifeDomains: ['housing', 'work_education'],
      goalsMoved: ['Applied for two jobs'],
      signedOff: null,
    });
    expect(
      created.referrals.map((r: { service: string; status: string; reason: string | null }) => [r.service, r.status, r.reason]),
    ).toEqual([
      ['Harbor Housing', 'open', 'Needs a place by March'],
      ['Job center', 'open', null],
    ]);
  });

  it('refuses a future day, unknown domains and over-long text', async () => {
    // Tomorrow in the latest zone on Earth is nobody's today.
    const tomorrow = DateTime.now().setZone('Etc/GMT-14').plus({ days: 1 }).toISODate();
    const future = await coach.agent.post(notesUrl(), note({ occurredOn: tomorrow }));
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('body.occurredOn');
    expect((await coach.agent.post(notesUrl(), note({ lifeDomains: ['astrology'] }))).status).toBe(400);
    expect((await coach.agent.post(notesUrl(), note({ lifeDomains: ['housing', 'housing'] }))).status).toBe(400);
    expect((await coach.agent.post(notesUrl(), note({ summary: 'x'.repeat(4001) }))).status).toBe(400);
    expect((await coach.agent.post(notesUrl(), note({ occurredOn: '2026-02-30' }))).status).toBe(400);
  });

  it('accepts the day a device anywhere calls today, though the coach profile’s zone is still on the day before', async () => {
    // 03:00 UTC on 27 November: 21:00 on the 26th for the coach's profile (America/Chicago), 04:00 on
    // the 27th on a phone set to Madrid, 17:00 on the 27th in Kiritimati (UTC+14).
    const now = new Date('2026-11-27T03:00:00Z');
    const actor: Actor = {
      userId: coach.id,
      email: coach.email,
      alias: 'Coach Lee',
      timezone: 'America/Chicago',
      roles: ['coach'],
      mfaEnabled: false,
      session: { tokenHash: 'test', csrfToken: 'test', state: 'active' },
    };
    const written = await createNote({
      db: t.database.db,
      actor,
      relationshipId,
      input: note({ occurredOn: '2026-11-27' }) as CreateNote,
      now,
    });
    expect(written.occurredOn).toBe('2026-11-27');
    const corrected = await updateNote({ db: t.database.db, actor, id: written.id, changes: { occurredOn: '2026-11-27' }, now });
    expect(corrected.occurredOn).toBe('2026-11-27');
    await expect(
      createNote({ db: t.database.db, actor, relationshipId, input: note({ occurredOn: '2026-11-28' }) as CreateNote, now }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is the relationship’s coach’s alone', async () => {
    for (const other of [otherCoach, supervisor, member]) expect((await other.agent.post(notesUrl(), note())).status).toBe(404);
  });

  it('documents a session once: a second note for it is 409; a session of another relationship is refused', async () => {
    const session = await coach.agent.post(`/api/coaching/relationships/${relationshipId}/sessions`, {
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 30,
      contactType: 'phone',
    });
    expect(session.status).toBe(201);
    const first = await write(note({ sessionId: session.body.id }));
    expect(first.sessionId).toBe(session.body.id);
    const second = await coach.agent.post(notesUrl(), note({ sessionId: session.body.id }));
    expect(second.status).toBe(409);
    const listed = await coach.agent.get(`/api/coaching/relationships/${relationshipId}/sessions`);
    expect(listed.body.sessions.find((s: { id: string }) => s.id === session.body.id).noteId).toBe(first.id);

    const elsewhereMember = await buildPerson(t);
    const elsewhere = await buildCoachingRelationship(t, { coachId: otherCoach.id, memberId: elsewhereMember.id, scopes: [] });
    const foreign = await otherCoach.agent.post(`/api/coaching/relationships/${elsewhere.id}/sessions`, {
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 30,
      contactType: 'phone',
    });
    const refused = await coach.agent.post(notesUrl(), note({ sessionId: foreign.body.id }));
    expect(refused.status).toBe(400);
  });

  it('refuses a note with nothing in it (400 naming the summary), and writes nothing', async () => {
    const before = (await coach.agent.get(notesUrl())).body.notes.length;
    const empty: Record<string, unknown> = {
      occurredOn: today(),
      durationMinutes: 30,
      contactType: 'in_person',
      lifeDomains: [],
      goalsMoved: [],
      summary: '',
      nextSteps: '',
    };
    for (const body of [
      empty,
      { ...empty, summary: '   ', nextSteps: '\n' },
      { ...empty, lifeDomains: ['housing'] },
      { ...empty, referrals: [] },
    ]) {
      const refused = await coach.agent.post(notesUrl(), body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'body.summary' })]);
    }
    expect((await coach.agent.get(notesUrl())).body.notes).toHaveLength(before);
    expect(
      (await supervisor.agent.get('/api/coaching/notes/awaiting-sign-off')).body.notes.every((n: { summary: string }) => n.summary),
    ).toBe(true);
    // Any one of them is enough.
    await write({ ...empty, nextSteps: 'Meet again Friday' });
    await write({ ...empty, referrals: [{ service: 'Food bank' }] });
  });

  it('can be corrected by its author, keeping the earlier text; it cannot be emptied', async () => {
    const created = await write();
    expect((await otherCoach.agent.patch(`/api/coaching/notes/${created.id}`, { summary: 'Hijack' })).status).toBe(404);
    const fixed = await coach.agent.patch(`/api/coaching/notes/${created.id}`, { summary: 'Corrected summary', goalsMoved: [] });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      summary: 'Corrected summary',
      goalsMoved: [],
      nextSteps: 'Call the landlord on Monday.',
      revision: 2,
      corrected: null,
      status: 'awaiting_sign_off',
    });
    const emptied = await coach.agent.patch(`/api/coaching/notes/${created.id}`, { summary: '', nextSteps: '' });
    expect(emptied.status).toBe(400);
    // Named with a stable key the client words in the reader's language; the English message stays.
    expect(emptied.body.error).toMatchObject({
      key: 'notes.empty',
      message: expect.stringContaining('Write what happened'),
      fields: [{ path: 'body.summary', key: 'notes.empty' }],
    });
    const history = await coach.agent.get(`/api/coaching/notes/${created.id}/revisions`);
    expect(history.status).toBe(200);
    expect(history.body.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        summary: 'Talked through the housing application.',
        goalsMoved: ['Applied for two jobs'],
        signedOff: null,
        replaced: expect.objectContaining({ by: { id: coach.id, alias: 'Coach Lee' }, reason: null }),
      }),
    ]);
  });

  it('a signed-off note is corrected only with a reason; it is marked corrected, keeps the signed text, and is signed off again', async () => {
    const created = await write();
    expect((await supervisor.agent.post(`/api/coaching/notes/${created.id}/sign-off`)).status).toBe(200);
    const noReason = await coach.agent.patch(`/api/coaching/notes/${created.id}`, { summary: 'Fixed a wrong day' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const fixed = await coach.agent.patch(`/api/coaching/notes/${created.id}`, {
      occurredOn: DateTime.fromISO(today()).minus({ days: 1 }).toISODate(),
      reason: 'Wrong day',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'awaiting_sign_off', signedOff: null, revision: 2, corrected: { at: expect.any(String) } });
    const queue = await supervisor.agent.get('/api/coaching/notes/awaiting-sign-off');
    expect(queue.body.notes.map((n: { id: string }) => n.id)).toContain(created.id);
    const history = (await member.agent.get(`/api/coaching/notes/${created.id}/revisions`)).body.revisions;
    expect(history).toEqual([
      expect.objectContaining({
        revision: 1,
        occurredOn: today(),
        signedOff: expect.objectContaining({ by: expect.objectContaining({ id: supervisor.id }) }),
        replaced: expect.objectContaining({ reason: 'Wrong day' }),
      }),
    ]);
    const resigned = await supervisor.agent.post(`/api/coaching/notes/${created.id}/sign-off`);
    expect(resigned.body).toMatchObject({ status: 'signed_off', corrected: { at: expect.any(String) } });
    for (const outsider of [otherCoach, ally])
      expect((await outsider.agent.get(`/api/coaching/notes/${created.id}/revisions`)).status).toBe(404);
  });
});

describe('returning a note for changes', () => {
  it('a supervisor returns it with a comment; the coach is told and sees why; the member sees it as awaiting; a correction resubmits it', async () => {
    const created = await write(note({ summary: 'Short' }));
    const noComment = await supervisor.agent.post(`/api/coaching/notes/${created.id}/return`, { comment: '  ' });
    expect(noComment.status).toBe(400);
    for (const notReviewer of [coach, member, otherCoach]) {
      expect((await notReviewer.agent.post(`/api/coaching/notes/${created.id}/return`, { comment: 'No' })).status).toBe(404);
    }
    const before = (await reviewRows(member)).length;
    const returned = await supervisor.agent.post(`/api/coaching/notes/${created.id}/return`, { comment: 'Say what you agreed on housing' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returned: { by: { id: supervisor.id }, comment: 'Say what you agreed on housing' },
    });
    expect(await reviewRows(member)).toHaveLength(before + 1);
    expect((await supervisor.agent.post(`/api/coaching/notes/${created.id}/return`, { comment: 'Again' })).status).toBe(409);
    const whileReturned = await admin.agent.post(`/api/coaching/notes/${created.id}/sign-off`);
    expect(whileReturned.status).toBe(409);
    expect(whileReturned.body.error).toEqual({
      code: 'CONFLICT',
      key: 'notes.withCoach',
      message: 'This note is back with its coach for changes',
    });
    const queue = await supervisor.agent.get('/api/coaching/notes/awaiting-sign-off');
    expect(queue.body.notes.map((n: { id: string }) => n.id)).not.toContain(created.id);

    const notices = await coach.agent.get('/api/me/notifications');
    expect(JSON.stringify(notices.body)).toContain(`/coaching/relationships/${relationshipId}`);
    expect(JSON.stringify(notices.body)).not.toContain('Say what you agreed');

    const coachView = (await coach.agent.get(notesUrl())).body.notes.find((n: { id: string }) => n.id === created.id);
    expect(coachView).toMatchObject({ status: 'returned', returned: { comment: 'Say what you agreed on housing' } });
    const memberView = (await member.agent.get(notesUrl())).body.notes.find((n: { id: string }) => n.id === created.id);
    expect(memberView).toMatchObject({ status: 'awaiting_sign_off', returned: null });
    expect(JSON.stringify(memberView)).not.toContain('Say what you agreed');

    const resubmitted = await coach.agent.patch(`/api/coaching/notes/${created.id}`, {
      summary: 'Agreed to apply for the Oak Street flat.',
    });
    expect(resubmitted.body).toMatchObject({ status: 'awaiting_sign_off', returned: null, revision: 2 });
    const again = await supervisor.agent.get('/api/coaching/notes/awaiting-sign-off');
    expect(again.body.notes.map((n: { id: string }) => n.id)).toContain(created.id);
    expect((await supervisor.agent.post(`/api/coaching/notes/${created.id}/sign-off`)).status).toBe(200);
    expect((await supervisor.agent.post(`/api/coaching/notes/${created.id}/return`, { comment: 'Too late' })).status).toBe(409);
  });

  it('nobody returns their own note (403)', async () => {
    const both = await buildPerson(t, { roles: ['coach', 'supervisor'] });
    const theirMember = await buildPerson(t);
    const theirs = await buildCoachingRelationship(t, { coachId: both.id, memberId: theirMember.id, scopes: [] });
    const own = await write(note(), both, notesUrl(theirs.id));
    expect((await both.agent.post(`/api/coaching/notes/${own.id}/return`, { comment: 'Mine' })).status).toBe(403);
  });
});

describe('who reads notes', () => {
  it('the member, the author, and supervisors (logged under coaching_notes); no one else', async () => {
    const created = await write();
    const before = (await reviewRows(member)).length;
    for (const reader of [member, coach]) {
      const response = await reader.agent.get(notesUrl());
      expect(response.status).toBe(200);
      expect(response.body.notes.map((n: { id: string }) => n.id)).toContain(created.id);
    }
    expect(await reviewRows(member)).toHaveLength(before);

    const review = await supervisor.agent.get(notesUrl());
    expect(review.status).toBe(200);
    expect(review.body.notes.map((n: { id: string }) => n.id)).toContain(created.id);
    const rows = await reviewRows(member);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorId: supervisor.id, purpose: NOTE_REVIEW_PURPOSE, grantId: null, breakGlass: false });

    // The member sees the review in their access log, named as coaching notes.
    const log = await member.agent.get('/api/me/access-log');
    expect(log.status).toBe(200);
    expect(log.body.entries[0]).toMatchObject({ actor: { id: supervisor.id }, scope: 'coaching_notes', purpose: NOTE_REVIEW_PURPOSE });

    for (const outsider of [otherCoach, ally]) {
      expect((await outsider.agent.get(notesUrl())).status).toBe(404);
      expect((await outsider.agent.get(`/api/coaching/relationships/${relationshipId}/referrals`)).status).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: notesUrl() })).statusCode).toBe(401);
    expect(await reviewRows(member)).toHaveLength(before + 1);
  });

  it('coaching_notes cannot be granted', async () => {
    const response = await member.agent.post('/api/me/grants', {
      granteeId: ally.id,
      scopes: ['coaching_notes'],
      purpose: 'Try to share notes',
    });
    expect(response.status).toBe(400);
  });

  it('the author no longer reads them once the relationship has ended; the member still does', async () => {
    const endedMember = await buildPerson(t);
    const ended = await buildCoachingRelationship(t, { coachId: coach.id, memberId: endedMember.id, scopes: [] });
    await write(note(), coach, notesUrl(ended.id));
    await t.database.db
      .update(coachingRelationships)
      .set({ status: 'closed', endedAt: new Date() })
      .where(eq(coachingRelationships.id, ended.id));
    expect((await coach.agent.get(notesUrl(ended.id))).status).toBe(404);
    expect((await coach.agent.post(notesUrl(ended.id), note())).status).toBe(404);
    const own = await endedMember.agent.get(notesUrl(ended.id));
    expect(own.status).toBe(200);
    expect(own.body.notes).toHaveLength(1);
  });
});

describe('sign-off', () => {
  it('lists unsigned notes oldest first for supervisors (logged), signs once, never one’s own', async () => {
    const first = await write(note({ summary: 'First of two' }));
    const second = await write(note({ summary: 'Second of two' }));
    expect((await coach.agent.get('/api/coaching/notes/awaiting-sign-off')).status).toBe(404);
    expect((await member.agent.get('/api/coaching/notes/awaiting-sign-off')).status).toBe(404);
    const before = (await reviewRows(member)).length;
    const queue = await supervisor.agent.get('/api/coaching/notes/awaiting-sign-off');
    expect(queue.status).toBe(200);
    const ids = queue.body.notes.map((n: { id: string }) => n.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.body.notes.every((n: { signedOff: unknown }) => n.signedOff === null)).toBe(true);
    expect((await reviewRows(member)).length).toBe(before + 1);

    expect((await coach.agent.post(`/api/coaching/notes/${first.id}/sign-off`)).status).toBe(404);
    const signed = await supervisor.agent.post(`/api/coaching/notes/${first.id}/sign-off`);
    expect(signed.status).toBe(200);
    expect(signed.body.signedOff).toMatchObject({ by: { id: supervisor.id } });
    expect((await admin.agent.post(`/api/coaching/notes/${first.id}/sign-off`)).status).toBe(409);
    const after = await supervisor.agent.get('/api/coaching/notes/awaiting-sign-off');
    expect(after.body.notes.map((n: { id: string }) => n.id)).not.toContain(first.id);

    // A supervisor who also coaches does not sign off their own notes.
    const both = await buildPerson(t, { roles: ['coach', 'supervisor'] });
    const theirMember = await buildPerson(t);
    const theirs = await buildCoachingRelationship(t, { coachId: both.id, memberId: theirMember.id, scopes: [] });
    const own = await write(note(), both, notesUrl(theirs.id));
    expect((await both.agent.post(`/api/coaching/notes/${own.id}/sign-off`)).status).toBe(403);
  });
});

describe('referrals', () => {
  it('go from open to connected or closed by the coach; the member reads them', async () => {
    const created = await write(note({ referrals: [{ service: 'Peer support group' }] }));
    const referral = created.referrals[0];
    expect((await member.agent.patch(`/api/coaching/referrals/${referral.id}`, { status: 'closed' })).status).toBe(404);
    expect((await otherCoach.agent.patch(`/api/coaching/referrals/${referral.id}`, { status: 'closed' })).status).toBe(404);
    const connected = await coach.agent.patch(`/api/coaching/referrals/${referral.id}`, { status: 'connected' });
    expect(connected.body).toMatchObject({ status: 'connected' });
    expect(connected.body.closedAt).not.toBeNull();
    const closed = await coach.agent.patch(`/api/coaching/referrals/${referral.id}`, { status: 'closed' });
    expect(closed.body.status).toBe('closed');
    expect((await coach.agent.patch(`/api/coaching/referrals/${referral.id}`, { status: 'pending' })).status).toBe(400);
    const list = await member.agent.get(`/api/coaching/relationships/${relationshipId}/referrals`);
    expect(list.status).toBe(200);
    expect(list.body.referrals.find((r: { id: string }) => r.id === referral.id).status).toBe('closed');
  });
});
