import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingRelationships, coachProfiles } from '../../db/schema/coaching.ts';
import { coachingSessions, sessionNotes } from '../../db/schema/coaching-sessions.ts';
import { createAgent } from '../../test/agent.ts';
import { buildCoachingRelationship } from '../../test/coaching-factories.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { buildCoach, buildWaitingMember, preferences } from './coaching.fixtures.ts';
import { MATCHING_READ_PURPOSE } from './coaching.matching.ts';

/** Matching (board, suggestion, approval under concurrency) and the supervisor's overview. */

let t: TestApp;
let supervisor: Person;
let secondSupervisor: Person;
beforeAll(async () => {
  t = await buildTestApp();
  await setUpOrganization(t);
  supervisor = await buildPerson(t, { roles: ['supervisor'], alias: 'Supervisor Sol' });
  secondSupervisor = await buildPerson(t, { roles: ['admin'], alias: 'Admin Ade' });
});
afterAll(async () => t.close());

const seatsOf = async (coachId: string) =>
  (
    await t.database.db
      .select({ n: coachProfiles.seatsTaken, max: coachProfiles.maxCaseload })
      .from(coachProfiles)
      .where(eq(coachProfiles.userId, coachId))
  )[0];
const statusOf = async (id: string) =>
  (
    await t.database.db.select({ status: coachingRelationships.status }).from(coachingRelationships).where(eq(coachingRelationships.id, id))
  )[0]?.status;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function clearWaiting() {
  await t.database.db.update(coachingRelationships).set({ status: 'withdrawn' }).where(eq(coachingRelationships.status, 'requested'));
}

describe('the matching board and suggestions', () => {
  let spanish: Person;
  let english: Person;
  let rosa: { member: Person; requestId: string };
  let ken: { member: Person; requestId: string };
  let farsi: { member: Person; requestId: string };

  beforeAll(async () => {
    spanish = await buildCoach(t, 'Coach Lucia', { languages: ['es', 'en'], gender: 'woman', maxCaseload: 3 });
    english = await buildCoach(t, 'Coach Ben', { languages: ['en'], gender: 'man', pathways: ['twelve_step'], maxCaseload: 1 });
    await buildCoach(t, 'Coach Paused', { languages: ['fa'], accepting: false });
    rosa = await buildWaitingMember(t, 'Member Rosa', {
      preferences: preferences({ language: { value: ['es-MX'], required: true }, gender: { value: ['woman'], required: false } }),
      intakeNote: 'I work nights.',
    });
    ken = await buildWaitingMember(t, 'Member Ken', {
      preferences: preferences({ pathway: { value: ['twelve_step'], required: false } }),
      requestedCoachId: english.id,
    });
    farsi = await buildWaitingMember(t, 'Member Dara', { preferences: preferences({ language: { value: ['fa'], required: true } }) });
    // Dara has waited longest.
    await t.database.db
      .update(coachingRelationships)
      .set({ requestedAt: daysAgo(9) })
      .where(eq(coachingRelationships.id, farsi.requestId));
  });

  it('supervisors and admins see who waits (longest first) and every coach’s seats; others 404', async () => {
    const board = await supervisor.agent.get('/api/coaching/matching');
    expect(board.status).toBe(200);
    expect(board.body.waiting.map((w: { member: { alias: string } }) => w.member.alias)).toEqual([
      'Member Dara',
      'Member Rosa',
      'Member Ken',
    ]);
    expect(board.body.waiting[0]).toMatchObject({ waitingDays: 9 });
    expect(board.body.waiting[1]).toMatchObject({
      intakeNote: 'I work nights.',
      preferences: { language: { value: ['es-mx'], required: true } },
    });
    expect(board.body.waiting[2].requestedCoach).toEqual({ id: english.id, alias: 'Coach Ben' });
    const lucia = board.body.coaches.find((c: { id: string }) => c.id === spanish.id);
    expect(lucia).toMatchObject({ alias: 'Coach Lucia', seatsTaken: 0, maxCaseload: 3, freeSeats: 3, accepting: true });
    expect(JSON.stringify(board.body)).not.toContain('@example.org');
    expect((await secondSupervisor.agent.get('/api/coaching/matching')).status).toBe(200);
    for (const role of ['member', 'coach', 'ally'] as const) {
      const someone = await buildPerson(t, { roles: [role] });
      expect((await someone.agent.get('/api/coaching/matching')).status).toBe(404);
      expect((await someone.agent.post('/api/coaching/matching/suggest', {})).status).toBe(404);
      expect(
        (await someone.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId: rosa.requestId, coachId: spanish.id }] }))
          .status,
      ).toBe(404);
    }
    expect((await createAgent(t.app).get('/api/coaching/matching')).status).toBe(401);
  });

  it('each view of the board is in every waiting member’s access log: their wishes and note were read', async () => {
    const log = async () =>
      (await rosa.member.agent.get('/api/me/access-log')).body.entries.filter(
        (e: { purpose: string }) => e.purpose === MATCHING_READ_PURPOSE,
      );
    const before = (await log()).length;
    await supervisor.agent.get('/api/coaching/matching');
    const after = await log();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ actor: { alias: supervisor.alias }, scope: 'coaching_notes', breakGlass: false });
  });

  it('suggests pairs with each component explained, and says per person why no one fits', async () => {
    const response = await supervisor.agent.post('/api/coaching/matching/suggest', {});
    expect(response.status).toBe(200);
    const { pairs, unmatched, options, total } = response.body;
    const pairOf = (requestId: string) => pairs.find((p: { requestId: string }) => p.requestId === requestId);
    expect(pairOf(rosa.requestId)).toMatchObject({ member: { alias: 'Member Rosa' }, coach: { id: spanish.id, alias: 'Coach Lucia' } });
    const language = pairOf(rosa.requestId).components.find((c: { key: string }) => c.key === 'language');
    expect(language).toMatchObject({ required: true, detail: { asked: ['es-mx'], matched: ['es-mx'] } });
    expect(language.points).toBe(language.maxPoints);
    const gender = pairOf(rosa.requestId).components.find((c: { key: string }) => c.key === 'gender');
    expect(gender).toMatchObject({ required: false, points: gender.maxPoints });
    // Ken named Coach Ben: the named coach weighs in.
    expect(pairOf(ken.requestId).coach.id).toBe(english.id);
    const named = pairOf(ken.requestId).components.find((c: { key: string }) => c.key === 'named_coach');
    expect(named.points).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair.total).toBe(pair.components.reduce((sum: number, c: { points: number }) => sum + c.points, 0));
    }
    expect(total).toBe(pairs.reduce((sum: number, p: { total: number }) => sum + p.total, 0));
    // Nobody with a free seat who is taking people speaks Farsi (the paused coach does, but is not taking people).
    expect(unmatched).toEqual([
      {
        requestId: farsi.requestId,
        member: { id: farsi.member.id, alias: 'Member Dara' },
        reason: 'no_feasible_coach',
        unmetBy: { language: 2 },
        feasibleCoaches: null,
      },
    ]);
    // The override choices: only coaches meeting every hard requirement.
    const rosaOptions = options.find((o: { requestId: string }) => o.requestId === rosa.requestId);
    expect(rosaOptions.coaches.map((c: { coach: { alias: string } }) => c.coach.alias)).toEqual(['Coach Lucia']);
    const daraOptions = options.find((o: { requestId: string }) => o.requestId === farsi.requestId);
    expect(daraOptions.coaches).toEqual([]);
    // Suggesting changed nothing.
    expect(await statusOf(rosa.requestId)).toBe('requested');
  });

  it('approval re-checks hard requirements, whatever the screen sent (409 naming the member, nothing changed)', async () => {
    const refused = await supervisor.agent.post('/api/coaching/matching/approve', {
      pairs: [
        { requestId: ken.requestId, coachId: english.id },
        { requestId: rosa.requestId, coachId: english.id },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Member Rosa: Coach Ben does not meet what they require (language)');
    // All or nothing: Ken is still waiting too.
    expect(await statusOf(ken.requestId)).toBe('requested');
    expect((await seatsOf(english.id))?.n).toBe(0);
    const duplicate = await supervisor.agent.post('/api/coaching/matching/approve', {
      pairs: [
        { requestId: ken.requestId, coachId: english.id },
        { requestId: ken.requestId, coachId: spanish.id },
      ],
    });
    expect(duplicate.status).toBe(400);
  });

  it('approves edited pairs; capacity is never exceeded; an approved member is no longer waiting', async () => {
    // Two people to Coach Ben, who has one seat: refused, nothing changed.
    const over = await supervisor.agent.post('/api/coaching/matching/approve', {
      pairs: [
        { requestId: ken.requestId, coachId: english.id },
        { requestId: (await buildWaitingMember(t, 'Member Extra')).requestId, coachId: english.id },
      ],
    });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toBe('Coach Ben has no free seat');
    expect((await seatsOf(english.id))?.n).toBe(0);

    // The supervisor overrides Ken's suggestion with Lucia; Rosa as suggested.
    const approved = await supervisor.agent.post('/api/coaching/matching/approve', {
      pairs: [
        { requestId: ken.requestId, coachId: spanish.id },
        { requestId: rosa.requestId, coachId: spanish.id },
      ],
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approved).toHaveLength(2);
    expect((await seatsOf(spanish.id))?.n).toBe(2);
    const [row] = await t.database.db.select().from(coachingRelationships).where(eq(coachingRelationships.id, rosa.requestId));
    expect(row).toMatchObject({ status: 'proposed', coachId: spanish.id, proposedBy: supervisor.id });
    expect(row?.match).toMatchObject({ components: expect.any(Array) });
    const again = await supervisor.agent.post('/api/coaching/matching/approve', {
      pairs: [{ requestId: rosa.requestId, coachId: spanish.id }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Member Rosa is no longer waiting for a coach; suggest again');
    const paused = await t.database.db.select().from(coachProfiles);
    expect(paused.every((p) => p.seatsTaken <= p.maxCaseload)).toBe(true);
  });

  it('a coach who is not taking people cannot be approved', async () => {
    const closed = await buildCoach(t, 'Coach Away', { accepting: false });
    const { requestId } = await buildWaitingMember(t, 'Member Away');
    const response = await supervisor.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId, coachId: closed.id }] });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('Member Away: Coach Away is not taking new people');
  });
});

describe('two approvals at the same moment', () => {
  it('for the last seat: exactly one succeeds and the caseload never exceeds its maximum', async () => {
    await clearWaiting();
    const coach = await buildCoach(t, 'Coach Last Seat', { maxCaseload: 1 });
    const a = await buildWaitingMember(t, 'Member Race A');
    const b = await buildWaitingMember(t, 'Member Race B');
    const [first, second] = await Promise.all([
      supervisor.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId: a.requestId, coachId: coach.id }] }),
      secondSupervisor.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId: b.requestId, coachId: coach.id }] }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([200, 409]);
    const loser = first?.status === 409 ? first : second;
    expect(loser?.body.error.message).toBe('Coach Last Seat has no free seat');
    expect(await seatsOf(coach.id)).toEqual({ n: 1, max: 1 });
    const statuses = [await statusOf(a.requestId), await statusOf(b.requestId)].sort();
    expect(statuses).toEqual(['proposed', 'requested']);
  });

  it('for the same member: one proposal, the other told the member is no longer waiting', async () => {
    const one = await buildCoach(t, 'Coach Race One');
    const two = await buildCoach(t, 'Coach Race Two');
    const { requestId } = await buildWaitingMember(t, 'Member Race Same');
    const [first, second] = await Promise.all([
      supervisor.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId, coachId: one.id }] }),
      secondSupervisor.agent.post('/api/coaching/matching/approve', { pairs: [{ requestId, coachId: two.id }] }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([200, 409]);
    const seats = [(await seatsOf(one.id))?.n, (await seatsOf(two.id))?.n].sort();
    expect(seats).toEqual([0, 1]);
  });
});

describe('the supervisor overview', () => {
  it('caseloads, people waiting and for how long, sessions per week, notes awaiting sign-off', async () => {
    await clearWaiting();
    const coach = await buildCoach(t, 'Coach Overview', { maxCaseload: 5 });
    const [first, second, third] = await Promise.all([1, 2, 3].map((n) => buildPerson(t, { alias: `Member Overview ${n}` })));
    if (!first || !second || !third) throw new Error('three members expected');
    const active = await buildCoachingRelationship(t, { coachId: coach.id, memberId: first.id, scopes: [] });
    await buildCoachingRelationship(t, { coachId: coach.id, memberId: second.id, scopes: [], status: 'paused' });
    const longWait = await buildWaitingMember(t, 'Member Long Wait');
    await t.database.db
      .update(coachingRelationships)
      .set({ requestedAt: daysAgo(12) })
      .where(eq(coachingRelationships.id, longWait.requestId));
    await buildWaitingMember(t, 'Member Short Wait');

    const session = (days: number, status: 'scheduled' | 'completed' | 'cancelled' | 'missed') => ({
      relationshipId: active.id,
      coachId: coach.id,
      memberId: first.id,
      scheduledAt: daysAgo(days),
      durationMinutes: 45,
      contactType: 'phone' as const,
      status,
    });
    await t.database.db.insert(coachingSessions).values([
      session(1, 'completed'),
      session(2, 'scheduled'), // in the past, not yet marked: counts as held
      session(3, 'cancelled'),
      session(4, 'missed'),
      session(10, 'completed'),
      session(40, 'completed'), // before the four weeks
      { ...session(0, 'scheduled'), scheduledAt: new Date(Date.now() + 86_400_000) }, // the future
    ]);
    const note = (signed: boolean) => ({
      relationshipId: active.id,
      authorId: coach.id,
      memberId: first.id,
      occurredOn: '2026-11-20',
      durationMinutes: 30,
      contactType: 'phone' as const,
      signedOffAt: signed ? new Date() : null,
    });
    await t.database.db.insert(sessionNotes).values([note(false), note(false), note(true)]);

    const response = await supervisor.agent.get('/api/coaching/supervision');
    expect(response.status).toBe(200);
    const row = response.body.coaches.find((c: { coach: { id: string } }) => c.coach.id === coach.id);
    expect(row).toEqual({
      coach: { id: coach.id, alias: 'Coach Overview' },
      seatsTaken: 2,
      maxCaseload: 5,
      accepting: true,
      proposed: 0,
      active: 1,
      paused: 1,
      sessionsByWeek: [0, 0, 1, 2],
      sessionsPerWeek: 0.8,
      notesAwaitingSignOff: 2,
    });
    expect(
      response.body.unassigned.map((u: { member: { alias: string }; waitingDays: number }) => [u.member.alias, u.waitingDays]),
    ).toEqual([
      ['Member Long Wait', 12],
      ['Member Short Wait', 0],
    ]);
    expect(response.body.totals).toMatchObject({ unassigned: 2, longestWaitDays: 12, notesAwaitingSignOff: 2 });
    expect(response.body.totals.seatsTaken).toBe(
      response.body.coaches.reduce((s: number, c: { seatsTaken: number }) => s + c.seatsTaken, 0),
    );
    expect((await coach.agent.get('/api/coaching/supervision')).status).toBe(404);
    expect((await third.agent.get('/api/coaching/supervision')).status).toBe(404);
  });
});
