import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { coachingRelationshipEvents, coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { coachingSessions } from '../../db/schema/coaching-sessions.ts';
import { consentGrants } from '../../db/schema/consent.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, lastEmailTo, PASSWORD, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { buildCoach, buildWaitingMember, NO_PREFERENCES, PROFILE, preferences } from './coaching.fixtures.ts';

/** The relationship's life after matching (acceptance, consent, pause, close, transfer) and my data, over HTTP on a real database. */

let t: TestApp;
let admin: Person;
let supervisor: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  supervisor = await buildPerson(t, { roles: ['supervisor'], alias: 'Supervisor Sol' });
});
afterAll(async () => t.close());

const seatsOf = async (coachId: string) =>
  (await t.database.db.select({ n: coachProfiles.seatsTaken }).from(coachProfiles).where(eq(coachProfiles.userId, coachId)))[0]?.n;

async function propose(requestId: string, coachId: string) {
  const response = await supervisor.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId, coachId }] });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

describe('acceptance, consent and the lifecycle', () => {
  it('nothing is visible to the coach before acceptance; accepting grants exactly the ticked scopes', async () => {
    const coach = await buildCoach(t, 'Coach Accept');
    const { member, requestId } = await buildWaitingMember(t, 'Member Accept');
    await member.agent.post('/api/me/clocks', {
      label: 'Alcohol',
      kind: 'abstinence',
      startedAt: new Date(Date.now() - 86_400_000 * 40).toISOString(),
    });
    await propose(requestId, coach.id);
    expect(await seatsOf(coach.id)).toBe(1);

    // Proposed: the member sees the coach's card and may accept, decline or withdraw.
    const mine = await member.agent.get('/api/coaching/mine');
    expect(mine.body.current).toMatchObject({ status: 'proposed', coach: { id: coach.id, alias: 'Coach Accept', certification: 'CPRS' } });
    expect(mine.body.current.allowed).toEqual(['withdraw', 'accept', 'decline']);
    // In-app notification and a neutral email.
    const [note] = await t.database.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(note).toMatchObject({ kind: 'coaching', link: '/coaching' });
    const email = await lastEmailTo(admin.agent, member.email);
    expect(email.text).toContain('/coaching');
    expect(email.text).not.toContain('Coach Accept');
    expect(email.subject).not.toMatch(/coach|recovery/i);

    // The coach learns nothing yet: not the relationship, not the clocks.
    expect((await coach.agent.get(`/api/coaching/relationships/${requestId}`)).status).toBe(404);
    expect((await coach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(404);

    const accepted = await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: ['clock', 'clock'] });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', scopes: ['clock'] });
    const grants = await t.database.db.select().from(consentGrants).where(eq(consentGrants.grantorId, member.id));
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      granteeId: coach.id,
      scopes: ['clock'],
      purpose: 'Peer coaching with Coach Accept',
      revokedAt: null,
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'grant.created'), eq(auditLog.actorId, member.id)));
    expect(audit).toHaveLength(1);

    // Now the coach sees the clocks (the ticked scope) and only that.
    expect((await coach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(200);
    expect((await coach.agent.get(`/api/people/${member.id}/profile`)).status).toBe(404);
    const seen = await coach.agent.get(`/api/coaching/relationships/${requestId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ member: { id: member.id, alias: 'Member Accept' }, preferences: null, intakeNote: null });
    expect(seen.body.allowed).toEqual(['pause', 'close']);
    expect(seen.body.history.at(-1)).toMatchObject({ fromStatus: 'proposed', toStatus: 'active', scopes: ['clock'] });

    // Closing revokes the grant in the same step: the very next read is 404; the seat is free again.
    const closed = await coach.agent.post(`/api/coaching/relationships/${requestId}/close`, { reason: 'Goals met, moving on' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', endReason: 'Goals met, moving on', scopes: [] });
    expect((await coach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(404);
    expect(await seatsOf(coach.id)).toBe(0);
    const history = (await member.agent.get('/api/coaching/mine')).body.past[0].history;
    expect(history.map((e: { toStatus: string }) => e.toStatus)).toEqual(['requested', 'proposed', 'active', 'closed']);
  });

  it('accepting with no scopes makes no grant: the coach sees alias and status only', async () => {
    const coach = await buildCoach(t, 'Coach Nothing');
    const { member, requestId } = await buildWaitingMember(t, 'Member Nothing');
    await propose(requestId, coach.id);
    const accepted = await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: [] });
    expect(accepted.body).toMatchObject({ status: 'active', scopes: [] });
    expect(await t.database.db.select().from(consentGrants).where(eq(consentGrants.grantorId, member.id))).toHaveLength(0);
    const seen = await coach.agent.get(`/api/coaching/relationships/${requestId}`);
    expect(seen.body).toMatchObject({ status: 'active', member: { alias: 'Member Nothing' }, scopes: [] });
    expect((await coach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(404);
  });

  it('pause, resume; illegal transitions are 409 naming what is allowed; outsiders 404, anonymous 401', async () => {
    const coach = await buildCoach(t, 'Coach Cycle');
    const otherCoach = await buildCoach(t, 'Coach Other');
    const ally = await buildPerson(t, { roles: ['ally'] });
    const { member, requestId } = await buildWaitingMember(t, 'Member Cycle');
    const url = (action: string) => `/api/coaching/relationships/${requestId}/${action}`;

    // Before proposal: only withdraw.
    const early = await member.agent.post(url('accept'), { scopes: [] });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Cannot accept a relationship that is requested; allowed now: withdraw');

    await propose(requestId, coach.id);
    // The proposed coach is not a party yet.
    expect((await coach.agent.post(url('pause'), {})).status).toBe(404);
    await member.agent.post(url('accept'), { scopes: ['clock'] });

    expect((await member.agent.post(url('resume'), {})).status).toBe(409);
    const paused = await member.agent.post(url('pause'), { reason: 'Travelling for a month' });
    expect(paused.body.status).toBe('paused');
    expect(paused.body.allowed).toEqual(['resume', 'close']);
    const resumed = await coach.agent.post(url('resume'), {});
    expect(resumed.body.status).toBe('active');
    // A coach may not transfer (the route is for supervisors).
    expect((await coach.agent.post(url('transfer'), { coachId: otherCoach.id, reason: 'Better fit elsewhere' })).status).toBe(404);
    // Members cannot withdraw an active relationship; they close it.
    const withdraw = await member.agent.post(url('withdraw'), {});
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.message).toContain('allowed now: pause, close');
    // Close needs a reason.
    expect((await member.agent.post(url('close'), {})).status).toBe(400);

    for (const outsider of [otherCoach, ally]) {
      expect((await outsider.agent.get(`/api/coaching/relationships/${requestId}`)).status).toBe(404);
      expect((await outsider.agent.post(url('pause'), {})).status).toBe(404);
      expect((await outsider.agent.post(url('close'), { reason: 'not mine to close' })).status).toBe(404);
    }
    expect((await createAgent(t.app).get(`/api/coaching/relationships/${requestId}`)).status).toBe(401);
    expect((await member.agent.get(`/api/coaching/relationships/${randomUUID()}`)).status).toBe(404);
    // A supervisor sees the wishes and note.
    const supervised = await supervisor.agent.get(`/api/coaching/relationships/${requestId}`);
    expect(supervised.body.preferences).toEqual(NO_PREFERENCES);
  });

  it('declining frees the seat and ends the row; the member can ask again', async () => {
    const coach = await buildCoach(t, 'Coach Declined');
    const { member, requestId } = await buildWaitingMember(t, 'Member Declines');
    await propose(requestId, coach.id);
    expect(await seatsOf(coach.id)).toBe(1);
    const declined = await member.agent.post(`/api/coaching/relationships/${requestId}/decline`, { reason: 'Not the right fit' });
    expect(declined.body.status).toBe('declined');
    expect(await seatsOf(coach.id)).toBe(0);
    // The coach never became a party.
    expect((await coach.agent.get(`/api/coaching/relationships/${requestId}`)).status).toBe(404);
    expect((await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES })).status).toBe(201);
  });

  it('withdrawing a proposal frees the seat', async () => {
    const coach = await buildCoach(t, 'Coach Withdrawn');
    const { member, requestId } = await buildWaitingMember(t, 'Member Withdraws Proposal');
    await propose(requestId, coach.id);
    await member.agent.post(`/api/coaching/relationships/${requestId}/withdraw`, {});
    expect(await seatsOf(coach.id)).toBe(0);
  });

  it('transfer: old row transferred and its grant revoked, seat moved, new coach sees nothing until the member accepts again', async () => {
    const oldCoach = await buildCoach(t, 'Coach Before');
    const newCoach = await buildCoach(t, 'Coach After');
    const { member, requestId } = await buildWaitingMember(t, 'Member Moves', {
      preferences: preferences({ language: { value: ['en'], required: true } }),
    });
    await member.agent.post('/api/me/clocks', {
      label: 'Opioids',
      kind: 'abstinence',
      startedAt: new Date(Date.now() - 86_400_000 * 3).toISOString(),
    });
    await propose(requestId, oldCoach.id);
    await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: ['clock'] });
    expect((await oldCoach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(200);

    expect(
      (
        await supervisor.agent.post(`/api/coaching/relationships/${requestId}/transfer`, {
          coachId: oldCoach.id,
          reason: 'Same coach again',
        })
      ).status,
    ).toBe(400);
    const moved = await supervisor.agent.post(`/api/coaching/relationships/${requestId}/transfer`, {
      coachId: newCoach.id,
      reason: 'Coach Before is leaving',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'transferred', endReason: 'Coach Before is leaving', scopes: [] });
    const newId = moved.body.transferredTo as string;
    expect(newId).toBeTruthy();
    expect((await oldCoach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(404);
    expect(await seatsOf(oldCoach.id)).toBe(0);
    expect(await seatsOf(newCoach.id)).toBe(1);

    expect((await newCoach.agent.get(`/api/coaching/relationships/${newId}`)).status).toBe(404);
    expect((await newCoach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(404);
    const mine = await member.agent.get('/api/coaching/mine');
    expect(mine.body.current).toMatchObject({
      id: newId,
      status: 'proposed',
      coach: { id: newCoach.id },
      preferences: { language: { value: ['en'], required: true } },
    });
    expect(mine.body.past[0]).toMatchObject({ id: requestId, status: 'transferred' });
    await member.agent.post(`/api/coaching/relationships/${newId}/accept`, { scopes: ['clock'] });
    expect((await newCoach.agent.get(`/api/people/${member.id}/clocks`)).status).toBe(200);
    // The old coach still sees the ended relationship's status (their own history), nothing more.
    expect((await oldCoach.agent.get(`/api/coaching/relationships/${requestId}`)).body.status).toBe('transferred');
    const events = await t.database.db
      .select()
      .from(coachingRelationshipEvents)
      .where(eq(coachingRelationshipEvents.relationshipId, newId));
    expect(events.map((e) => e.toStatus)).toEqual(['proposed', 'active']);
  });

  it('two transfers crossing between the same two coaches at once both succeed (no deadlock) and the seats add up', async () => {
    const coachA = await buildCoach(t, 'Coach Cross A');
    const coachB = await buildCoach(t, 'Coach Cross B');
    const rounds = 4;
    const moves: Promise<{ status: number; body: unknown }>[] = [];
    for (let i = 0; i < rounds; i++) {
      const first = await buildWaitingMember(t, `Cross A${i}`);
      const second = await buildWaitingMember(t, `Cross B${i}`);
      await propose(first.requestId, coachA.id);
      await propose(second.requestId, coachB.id);
      moves.push(
        supervisor.agent.post(`/api/coaching/relationships/${first.requestId}/transfer`, { coachId: coachB.id, reason: 'Swap' }),
        admin.agent.post(`/api/coaching/relationships/${second.requestId}/transfer`, { coachId: coachA.id, reason: 'Swap' }),
      );
    }
    const answers = await Promise.all(moves);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect([await seatsOf(coachA.id), await seatsOf(coachB.id)]).toEqual([rounds, rounds]);
  });

  it('a transfer to a coach with no free seat is 409 and changes nothing', async () => {
    const coach = await buildCoach(t, 'Coach Keeps');
    const full = await buildCoach(t, 'Coach Brimful', { maxCaseload: 0 });
    const { member, requestId } = await buildWaitingMember(t, 'Member Stays');
    await propose(requestId, coach.id);
    await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: [] });
    const refused = await supervisor.agent.post(`/api/coaching/relationships/${requestId}/transfer`, {
      coachId: full.id,
      reason: 'Trying a full coach',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Coach Brimful has no free seat');
    expect((await member.agent.get('/api/coaching/mine')).body.current).toMatchObject({ id: requestId, status: 'active' });
    expect(await seatsOf(coach.id)).toBe(1);
  });
});

describe('my data', () => {
  it('the export holds my requests and relationships with their history, and my coach profile', async () => {
    const coach = await buildCoach(t, 'Coach Exported');
    const { member, requestId } = await buildWaitingMember(t, 'Member Exports', { intakeNote: 'Mornings please' });
    await propose(requestId, coach.id);
    await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: [] });
    const exported = await member.agent.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.coaching.coachProfile).toBeNull();
    expect(exported.body.coaching.relationships).toEqual([
      expect.objectContaining({
        id: requestId,
        status: 'active',
        coach: { id: coach.id, alias: 'Coach Exported' },
        intakeNote: 'Mornings please',
        history: [
          expect.objectContaining({ toStatus: 'requested' }),
          expect.objectContaining({ toStatus: 'proposed' }),
          expect.objectContaining({ toStatus: 'active', scopes: [] }),
        ],
      }),
    ]);
    const coachExport = await coach.agent.get('/api/me/export');
    expect(coachExport.body.coaching.coachProfile).toMatchObject({ livedExperience: PROFILE.livedExperience, seatsTaken: 1 });
    expect(coachExport.body.coaching.relationships).toEqual([]);
  });

  it('deleting a member erases their relationships and history and gives the seat back', async () => {
    const coach = await buildCoach(t, 'Coach Loses Seat');
    const { member, requestId } = await buildWaitingMember(t, 'Member Leaves');
    await propose(requestId, coach.id);
    await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: ['clock'] });
    expect(await seatsOf(coach.id)).toBe(1);
    const deleted = await member.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.erased).toContainEqual({ what: 'coaching requests and relationships', count: 1 });
    expect(await seatsOf(coach.id)).toBe(0);
    expect(await t.database.db.select().from(coachingRelationships).where(eq(coachingRelationships.memberId, member.id))).toEqual([]);
    expect(
      await t.database.db.select().from(coachingRelationshipEvents).where(eq(coachingRelationshipEvents.relationshipId, requestId)),
    ).toEqual([]);
  });

  it('deleting a coach erases their profile, closes the relationships they coach and cancels their booked sessions', async () => {
    const coach = await buildCoach(t, 'Coach Leaves');
    const { member, requestId } = await buildWaitingMember(t, 'Member Left Behind');
    await propose(requestId, coach.id);
    await member.agent.post(`/api/coaching/relationships/${requestId}/accept`, { scopes: [] });
    const inTwoDays = new Date(Math.ceil((Date.now() + 48 * 3_600_000) / 60_000) * 60_000).toISOString();
    const booked = await coach.agent.post(`/api/coaching/relationships/${requestId}/sessions`, {
      scheduledAt: inTwoDays,
      durationMinutes: 45,
      contactType: 'phone',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const deleted = await coach.agent.post('/api/me/delete-account', { password: PASSWORD, confirm: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.erased).toContainEqual({ what: 'coach profile', count: 1 });
    const mine = await member.agent.get('/api/coaching/mine');
    expect(mine.body.current).toBeNull();
    expect(mine.body.past[0]).toMatchObject({ status: 'closed', endReason: 'The coach left Kinship' });
    // Nobody is reminded of a meeting with someone who has left.
    const [session] = await t.database.db.select().from(coachingSessions).where(eq(coachingSessions.id, booked.body.id));
    expect(session?.status).toBe('cancelled');
    expect((await member.agent.get('/api/coaching/sessions/upcoming')).body.sessions).toEqual([]);
    expect((await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES })).status).toBe(201);
  });
});
