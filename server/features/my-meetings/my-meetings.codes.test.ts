import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENDANCE_CODE_ALPHABET } from '../../../shared/contracts/my-meetings.ts';
import type { Role } from '../../../shared/contracts/roles.ts';
import { meetingAttendanceCodes } from '../../db/schema/my-meetings.ts';
import type { Actor } from '../../plugins/session.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { codeTries, issueCode } from './my-meetings.codes.ts';
import { loadMeetings, meetingIdBySlug, todayIn, went } from './my-meetings.fixtures.ts';
import { logAttendance } from './my-meetings.service.ts';

let t: TestApp;
let admin: Person;
let id: (slug: string) => string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
  id = meetingIdBySlug(await loadMeetings(t));
});
afterAll(async () => t.close());

describe('proof of attendance', () => {
  it('only administrators name secretaries; only secretaries and administrators issue codes (404 otherwise)', async () => {
    const secretary = await buildPerson(t, { alias: 'Sam Secretary' });
    const member = await buildPerson(t);
    const coach = await buildPerson(t, { roles: ['coach'] });
    const meeting = id('chicago-poa');
    for (const who of [member, coach]) {
      expect((await who.agent.put(`/api/meetings/${meeting}/secretaries/${secretary.id}`)).status).toBe(404);
      expect((await who.agent.get(`/api/meetings/${meeting}/secretaries`)).status).toBe(404);
    }
    expect((await createAgent(t.app).put(`/api/meetings/${meeting}/secretaries/${secretary.id}`)).status).toBe(401);
    expect((await admin.agent.put(`/api/meetings/${meeting}/secretaries/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await admin.agent.put(`/api/meetings/${meeting}/secretaries/${secretary.id}`)).status).toBe(204);
    const list = await admin.agent.get(`/api/meetings/${meeting}/secretaries`);
    expect(list.body.items).toMatchObject([{ personId: secretary.id, alias: 'Sam Secretary' }]);

    expect((await member.agent.post(`/api/meetings/${meeting}/attendance-code`)).status).toBe(404);
    expect((await secretary.agent.post(`/api/meetings/${id('ny-monday')}/attendance-code`)).status).toBe(404);
    expect((await createAgent(t.app).post(`/api/meetings/${meeting}/attendance-code`)).status).toBe(401);
    expect((await secretary.agent.get(`/api/me/meetings/${meeting}`)).body.canIssueCode).toBe(true);
    expect((await member.agent.get(`/api/me/meetings/${meeting}`)).body.canIssueCode).toBe(false);

    const issued = await secretary.agent.post(`/api/meetings/${meeting}/attendance-code`);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ validOn: todayIn('America/Chicago'), timezone: 'America/Chicago' });
    expect(issued.body.code).toMatch(new RegExp(`^[${ATTENDANCE_CODE_ALPHABET}]{6}$`));
    const [stored] = await t.database.db.select().from(meetingAttendanceCodes).where(eq(meetingAttendanceCodes.meetingId, meeting));
    expect(stored?.codeHash).not.toContain(issued.body.code);
    expect((await admin.agent.post(`/api/meetings/${meeting}/attendance-code`)).status).toBe(201);

    expect((await member.agent.delete(`/api/meetings/${meeting}/secretaries/${secretary.id}`)).status).toBe(404);
    expect((await admin.agent.delete(`/api/meetings/${meeting}/secretaries/${secretary.id}`)).status).toBe(204);
    expect((await admin.agent.delete(`/api/meetings/${meeting}/secretaries/${secretary.id}`)).status).toBe(404);
    expect((await secretary.agent.post(`/api/meetings/${meeting}/attendance-code`)).status).toBe(404);
  });

  it('the right code verifies (also an entry already logged); a wrong or replaced one is 422', async () => {
    const meeting = id('chicago-poa');
    const ana = await buildPerson(t);
    const code = (await admin.agent.post(`/api/meetings/${meeting}/attendance-code`)).body.code as string;
    const wrong = await went(ana, { meetingId: meeting, code: code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'WRONG_CODE', message: expect.stringContaining('not today’s code') });
    expect((await went(ana, { meetingId: meeting, code: '!!' })).status).toBe(400);

    expect((await went(ana, { meetingId: meeting })).body.verified).toBe(false);
    // Spaces, a dash and lower case are forgiven.
    const upgraded = await went(ana, { meetingId: meeting, code: `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}` });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.verified).toBe(true);
    expect((await ana.agent.get(`/api/me/meetings/${meeting}`)).body.attendedToday).toMatchObject({ verified: true });
    // A later self-report does not undo the proof.
    expect((await went(ana, { meetingId: meeting })).body.verified).toBe(true);

    const ben = await buildPerson(t);
    const replacement = (await admin.agent.post(`/api/meetings/${meeting}/attendance-code`)).body.code as string;
    if (replacement !== code) expect((await went(ben, { meetingId: meeting, code })).status).toBe(422);
    const fresh = await went(ben, { meetingId: meeting, code: replacement });
    expect(fresh.status).toBe(201);
    expect(fresh.body.verified).toBe(true);
    // A code proves only today's meeting.
    const yesterday = await went(ben, { meetingId: meeting, code: replacement, attendedOn: todayIn('America/Chicago', -1) });
    expect(yesterday.status).toBe(400);
    expect(yesterday.body.error.fields).toEqual([{ path: 'body.code', message: 'Only for today' }]);
  });

  it('a code is valid only on its local day in the meeting’s zone (UTC+14)', async () => {
    // The clock is passed in: sessions and the database keep real time.
    const db = t.database.db;
    const zone = 'Pacific/Kiritimati';
    const evening = DateTime.fromISO('2026-06-06T23:50', { zone });
    const actor = (person: Person, roles: Role[] = ['member']) => ({ userId: person.id, roles }) as Actor;
    const secretary = await buildPerson(t);
    const early = await buildPerson(t);
    const late = await buildPerson(t);
    const meeting = id('line-islands');
    const tries = codeTries(100, 60_000);
    const issued = await issueCode({ db, actor: actor(secretary, ['member', 'admin']), meetingId: meeting, now: evening });
    // Still Friday afternoon in the Americas, already Saturday night there.
    expect(issued).toMatchObject({ validOn: '2026-06-06', timezone: zone });
    const ok = await logAttendance({ db, actor: actor(early), input: { meetingId: meeting, code: issued.code }, tries, now: evening });
    expect(ok).toMatchObject({ created: true, entry: { attendedOn: '2026-06-06', verified: true } });

    const afterMidnight = evening.plus({ minutes: 15 });
    await expect(
      logAttendance({ db, actor: actor(late), input: { meetingId: meeting, code: issued.code }, tries, now: afterMidnight }),
    ).rejects.toMatchObject({ code: 'WRONG_CODE', status: 422 });
    await expect(
      logAttendance({
        db,
        actor: actor(late),
        input: { meetingId: meeting, code: issued.code, attendedOn: '2026-06-06' },
        tries,
        now: afterMidnight,
      }),
    ).rejects.toMatchObject({ status: 400 });
    const selfReport = await logAttendance({
      db,
      actor: actor(late),
      input: { meetingId: meeting, attendedOn: '2026-06-06' },
      tries,
      now: afterMidnight,
    });
    expect(selfReport.entry).toMatchObject({ verified: false, attendedOn: '2026-06-06' });
    // The next day's code is a new one, valid on the new day only.
    const sunday = await issueCode({ db, actor: actor(secretary, ['admin']), meetingId: meeting, now: afterMidnight });
    expect(sunday.validOn).toBe('2026-06-07');
    const verified = await logAttendance({
      db,
      actor: actor(late),
      input: { meetingId: meeting, code: sunday.code },
      tries,
      now: afterMidnight,
    });
    expect(verified.entry).toMatchObject({ attendedOn: '2026-06-07', verified: true });
  });
});
describe('code tries are limited per person', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await buildTestApp({ rateLimitMultiplier: 1 });
    await setUpOrganization(strict);
  });
  afterAll(async () => strict.close());

  it('ten tries in 15 minutes, then 429 even for the right code; another person is not affected', async () => {
    const local = await loadMeetings(strict);
    const meeting = local.get('chicago-poa') as string;
    const ana = await buildPerson(strict);
    const ben = await buildPerson(strict);
    const manager = await buildPerson(strict, { roles: ['member', 'admin'] });
    const code = (await manager.agent.post(`/api/meetings/${meeting}/attendance-code`)).body.code as string;
    const wrong = code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
    for (let i = 0; i < 10; i += 1) expect((await went(ana, { meetingId: meeting, code: wrong })).status).toBe(422);
    const limited = await went(ana, { meetingId: meeting, code });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('15 minutes');
    expect((await went(ben, { meetingId: meeting, code })).status).toBe(201);
    // Without a code, "I went" still works.
    expect((await went(ana, { meetingId: meeting })).status).toBe(201);
  });
});
