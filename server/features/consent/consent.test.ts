import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../../shared/contracts/consent.ts';
import type { Role } from '../../../shared/contracts/roles.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { accessLog, breakGlass, consentGrants } from '../../db/schema/consent.ts';
import { createAgent } from '../../test/agent.ts';
import { buildPerson, type Person, setUpOrganization } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { accessLogOf, actorFor, DAY, grant, NOT_FOUND, REASON } from './consent.fixtures.ts';
import { decideRecordRead, grantedSubjects, logAccess } from './consent.policy.ts';

let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setUpOrganization(t);
});
afterAll(async () => t.close());

describe('GET /api/people/:id/profile — the permission matrix', () => {
  let subject: Person;
  let grantee: Person;
  let wrongScope: Person;
  let revoked: Person;
  let expired: Person;
  let scheduled: Person;
  let stranger: Person;
  let supervisor: Person;
  let breakGlassSupervisor: Person;
  let revokedGrantId: string;
  const url = () => `/api/people/${subject.id}/profile`;

  beforeAll(async () => {
    subject = await buildPerson(t, { alias: 'Subject Sol' });
    await subject.agent.patch('/api/me/profile', { legalName: 'Solomon Private', pathways: ['smart_recovery'] });
    grantee = await buildPerson(t, { alias: 'Grantee Gil', roles: ['coach'] });
    wrongScope = await buildPerson(t, { alias: 'Clock Only Cy' });
    revoked = await buildPerson(t, { alias: 'Revoked Rue' });
    expired = await buildPerson(t, { alias: 'Expired Eve' });
    scheduled = await buildPerson(t, { alias: 'Scheduled Sky' });
    stranger = await buildPerson(t, { alias: 'Stranger Stu' });
    supervisor = await buildPerson(t, { alias: 'Supervisor Sue', roles: ['supervisor'] });
    breakGlassSupervisor = await buildPerson(t, { alias: 'Supervisor Bo', roles: ['supervisor', 'coach'] });

    await grant(subject, grantee, { scopes: ['profile', 'clock'], purpose: 'Weekly coaching sessions' });
    await grant(subject, wrongScope, { scopes: ['clock', 'checkins.summary'] });
    revokedGrantId = (await grant(subject, revoked, { purpose: 'Sponsor support' })).id;
    await t.database.db.insert(consentGrants).values({
      grantorId: subject.id,
      granteeId: expired.id,
      scopes: ['profile'],
      purpose: 'Old arrangement',
      startsAt: new Date(Date.now() - 30 * DAY),
      expiresAt: new Date(Date.now() - DAY),
    });
    const future = await grant(subject, scheduled, { startsAt: new Date(Date.now() + 7 * DAY).toISOString() });
    expect(future.status).toBe('scheduled');
  });

  it('owner: 200, and not logged', async () => {
    const response = await subject.agent.get(url());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: subject.id,
      alias: 'Subject Sol',
      legalName: 'Solomon Private',
      pathways: ['smart_recovery'],
    });
    expect((await accessLogOf(subject)).entries).toHaveLength(0);
  });

  it('grantee with the profile scope: 200, logged with the grant’s purpose', async () => {
    const response = await grantee.agent.get(url());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: subject.id,
      alias: 'Subject Sol',
      legalName: 'Solomon Private',
      pronouns: null,
      languages: [],
      timezone: 'America/Chicago',
      // The subject keeps pathways private: a profile grant alone does not reveal them.
      pathways: [],
      access: { via: 'grant', until: null },
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const [entry] = (await accessLogOf(subject)).entries;
    expect(entry).toMatchObject({
      actor: { id: grantee.id, alias: 'Grantee Gil' },
      scope: 'profile',
      purpose: 'Weekly coaching sessions',
      breakGlass: false,
    });
  });

  it('grantee without the profile scope: 404', async () => {
    const response = await wrongScope.agent.get(url());
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  it('revoked grantee: 200 before, 404 on the very next request after revocation', async () => {
    expect((await revoked.agent.get(url())).status).toBe(200);
    const revocation = await subject.agent.post(`/api/me/grants/${revokedGrantId}/revoke`);
    expect(revocation.status).toBe(200);
    expect(revocation.body.status).toBe('revoked');
    const after = await revoked.agent.get(url());
    expect(after.status).toBe(404);
    expect(after.body).toEqual(NOT_FOUND);
  });

  it('expired grant: 404', async () => {
    expect((await expired.agent.get(url())).status).toBe(404);
  });

  it('scheduled grant (starts in the future): 404', async () => {
    expect((await scheduled.agent.get(url())).status).toBe(404);
  });

  it('another person: 404, identical to a person that does not exist', async () => {
    const existing = await stranger.agent.get(url());
    const missing = await stranger.agent.get(`/api/people/${randomUUID()}/profile`);
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(existing.body).toEqual(NOT_FOUND);
    expect(missing.body).toEqual(existing.body);
  });

  it('staff without break-glass: 404, identical to a person that does not exist', async () => {
    const existing = await supervisor.agent.get(url());
    const missing = await supervisor.agent.get(`/api/people/${randomUUID()}/profile`);
    expect(existing.status).toBe(404);
    expect(existing.body).toEqual(missing.body);
    expect((await admin.agent.get(url())).status).toBe(404);
  });

  it('staff with break-glass: 200, flagged in the access log, audited, and reviewers emailed', async () => {
    const opened = await breakGlassSupervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ actor: { id: breakGlassSupervisor.id }, subject: { id: subject.id }, reason: REASON });
    const expiresIn = new Date(opened.body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(55 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);

    const response = await breakGlassSupervisor.agent.get(url());
    expect(response.status).toBe(200);
    expect(response.body.legalName).toBe('Solomon Private');
    expect(response.body.access).toEqual({ via: 'break_glass', until: opened.body.expiresAt });

    const [entry] = (await accessLogOf(subject)).entries;
    expect(entry).toMatchObject({ actor: { id: breakGlassSupervisor.id }, scope: 'profile', breakGlass: true });
    expect(entry?.purpose).toBe(`Break-glass: ${REASON}`);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'break_glass.opened'), eq(auditLog.subjectId, subject.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: breakGlassSupervisor.id, detail: { breakGlassId: opened.body.id } });

    // Every other supervisor and admin is told; the one who opened it is not.
    const outbox = (await admin.agent.get('/api/admin/outbox')).body as { to: string; subject: string; text: string }[];
    const alerts = outbox.filter((m) => m.subject === 'Break-glass access was opened in Kinship');
    expect(alerts.map((m) => m.to).sort()).toEqual([admin.email, supervisor.email].sort());
    for (const alert of alerts) {
      expect(alert.text).toContain('Supervisor Bo');
      // Reviewers read the reason in the app, not in their inbox.
      expect(alert.text).not.toContain(REASON);
      expect(alert.text).not.toContain('Subject Sol');
    }
    const list = await supervisor.agent.get('/api/admin/break-glass');
    expect(list.body[0]).toMatchObject({ id: opened.body.id, reason: REASON });
  });

  it('break-glass reaches only the person it was opened for', async () => {
    expect((await breakGlassSupervisor.agent.get(`/api/people/${stranger.id}/profile`)).status).toBe(404);
  });

  it('anonymous: 401', async () => {
    const response = await createAgent(t.app).get(url());
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('leaves exactly the permitted reads by others in the subject’s access log', async () => {
    const log = await accessLogOf(subject);
    expect(log.nextBefore).toBeNull();
    expect(log.entries.map((e) => [e.actor.id, e.breakGlass])).toEqual([
      [breakGlassSupervisor.id, true],
      [revoked.id, false],
      [grantee.id, false],
    ]);
    expect(log.entries.every((e) => e.scope === 'profile')).toBe(true);
    expect(log.entries.map((e) => e.purpose)).toEqual([`Break-glass: ${REASON}`, 'Sponsor support', 'Weekly coaching sessions']);
    // Nothing was logged against the readers themselves, nor for refused reads of the random ids.
    const total = await t.database.db.select().from(accessLog);
    expect(total).toHaveLength(3);
    expect((await accessLogOf(grantee)).entries).toHaveLength(0);
  });

  it('is answered the same by decideRecordRead, grantedSubjects and HTTP for every case and scope', async () => {
    const cases: [Person, Role[]][] = [
      [subject, ['member']],
      [grantee, ['coach']],
      [wrongScope, ['member']],
      [revoked, ['member']],
      [expired, ['member']],
      [scheduled, ['member']],
      [stranger, ['member']],
      [supervisor, ['supervisor']],
      [breakGlassSupervisor, ['supervisor', 'coach']],
    ];
    const db = t.database.db;
    const moments = [new Date(), new Date(Date.now() + 8 * DAY), new Date(Date.now() - 2 * DAY)];
    for (const [person, roles] of cases) {
      const actor = actorFor(person, roles);
      for (const at of moments) {
        for (const scope of SCOPES) {
          const single = await decideRecordRead(db, actor, subject.id, scope, at);
          const listed = (await grantedSubjects(db, actor, scope, at)).some((row) => row.subjectId === subject.id);
          // Lists come from grants only; self and break-glass are single-record paths.
          expect(single?.via === 'grant', `${person.alias} ${scope} ${at.toISOString()}`).toBe(listed);
        }
      }
      const decision = await decideRecordRead(db, actor, subject.id, 'profile');
      const http = await person.agent.get(url());
      expect(http.status, person.alias).toBe(decision ? 200 : 404);
    }
    const expectations: [Person, string | undefined][] = [
      [subject, 'self'],
      [grantee, 'grant'],
      [wrongScope, undefined],
      [revoked, undefined],
      [expired, undefined],
      [scheduled, undefined],
      [stranger, undefined],
      [supervisor, undefined],
      [breakGlassSupervisor, 'break_glass'],
    ];
    for (const [person, via] of expectations) {
      const roles = cases.find(([p]) => p === person)?.[1] ?? ['member'];
      expect((await decideRecordRead(db, actorFor(person, roles), subject.id, 'profile'))?.via, person.alias).toBe(via);
    }
    // A grant in the future is listed once it has started; an expired one was listed while it ran.
    const later = new Date(Date.now() + 8 * DAY);
    expect((await grantedSubjects(db, actorFor(scheduled, ['member']), 'profile', later)).map((r) => r.subjectId)).toEqual([subject.id]);
    const earlier = new Date(Date.now() - 2 * DAY);
    expect((await grantedSubjects(db, actorFor(expired, ['member']), 'profile', earlier)).map((r) => r.subjectId)).toEqual([subject.id]);
  });

  it('answers 404 when the subject’s account is disabled, even to a grantee', async () => {
    const other = await buildPerson(t);
    await grant(other, grantee);
    expect((await grantee.agent.get(`/api/people/${other.id}/profile`)).status).toBe(200);
    expect((await admin.agent.post(`/api/admin/people/${other.id}/disable`)).status).toBe(200);
    expect((await grantee.agent.get(`/api/people/${other.id}/profile`)).status).toBe(404);
  });
});

describe('POST /api/break-glass', () => {
  it('is hidden from members and coaches (404)', async () => {
    const subject = await buildPerson(t);
    for (const roles of [['member'], ['coach', 'member'], ['moderator', 'house_manager']] as Role[][]) {
      const person = await buildPerson(t, { roles });
      const response = await person.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON });
      expect(response.status, roles.join()).toBe(404);
      expect((await person.agent.get('/api/admin/break-glass')).status).toBe(404);
    }
    const opened = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'break_glass.opened'), eq(auditLog.subjectId, subject.id)));
    expect(opened).toHaveLength(0);
  });

  it('needs a reason of at least 15 characters (400)', async () => {
    const subject = await buildPerson(t);
    const supervisor = await buildPerson(t, { roles: ['supervisor'] });
    const response = await supervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: '   too short   ' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe('body.reason');
    expect((await supervisor.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(404);
  });

  it('answers 404 for an unknown person and 400 for oneself', async () => {
    const supervisor = await buildPerson(t, { roles: ['supervisor'] });
    expect((await supervisor.agent.post('/api/break-glass', { subjectId: randomUUID(), reason: REASON })).status).toBe(404);
    expect((await supervisor.agent.post('/api/break-glass', { subjectId: supervisor.id, reason: REASON })).status).toBe(400);
  });

  it('expires: an hour later the read is refused again', async () => {
    const subject = await buildPerson(t);
    const supervisor = await buildPerson(t, { roles: ['supervisor'] });
    const opened = await supervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON });
    expect(opened.status).toBe(201);
    expect((await supervisor.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(200);
    await t.database.db
      .update(breakGlass)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(breakGlass.id, opened.body.id));
    expect((await supervisor.agent.get(`/api/people/${subject.id}/profile`)).status).toBe(404);
  });

  it('is closed to anonymous visitors (401)', async () => {
    expect((await createAgent(t.app).post('/api/break-glass', { subjectId: randomUUID(), reason: REASON })).status).toBe(401);
  });
});

describe('POST /api/me/grants', () => {
  it('creates an active grant and records grant.created', async () => {
    const grantor = await buildPerson(t, { alias: 'Grantor Gia' });
    const granteePerson = await buildPerson(t, { alias: 'Grantee Hal' });
    const response = await grantor.agent.post('/api/me/grants', {
      granteeId: granteePerson.id,
      scopes: ['clock', 'profile', 'clock'],
      purpose: '  My sponsor  ',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      grantor: { id: grantor.id, alias: 'Grantor Gia' },
      grantee: { id: granteePerson.id, alias: 'Grantee Hal' },
      scopes: ['clock', 'profile'],
      purpose: 'My sponsor',
      status: 'active',
      expiresAt: null,
      revokedAt: null,
    });
    const events = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'grant.created'), eq(auditLog.actorId, grantor.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectId: granteePerson.id, detail: { grantId: response.body.id } });
  });

  it('refuses a grant to oneself (400 naming the field)', async () => {
    const person = await buildPerson(t);
    const response = await person.agent.post('/api/me/grants', { granteeId: person.id, scopes: ['profile'], purpose: 'Me, myself' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe('body.granteeId');
  });

  it('refuses an unknown or disabled grantee (404)', async () => {
    const person = await buildPerson(t);
    expect((await person.agent.post('/api/me/grants', { granteeId: randomUUID(), scopes: ['profile'], purpose: 'Nobody' })).status).toBe(
      404,
    );
    const disabled = await buildPerson(t);
    await admin.agent.post(`/api/admin/people/${disabled.id}/disable`);
    expect((await person.agent.post('/api/me/grants', { granteeId: disabled.id, scopes: ['profile'], purpose: 'Gone' })).status).toBe(404);
    const given = await person.agent.get('/api/me/grants');
    expect(given.body.given).toHaveLength(0);
  });

  it('refuses an end before the start (400 naming expiresAt)', async () => {
    const [grantor, granteePerson] = [await buildPerson(t), await buildPerson(t)];
    const startsAt = new Date(Date.now() + 2 * DAY).toISOString();
    const expiresAt = new Date(Date.now() + DAY).toISOString();
    const response = await grantor.agent.post('/api/me/grants', {
      granteeId: granteePerson.id,
      scopes: ['profile'],
      purpose: 'Backwards',
      startsAt,
      expiresAt,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe('body.expiresAt');
    const past = await grantor.agent.post('/api/me/grants', {
      granteeId: granteePerson.id,
      scopes: ['profile'],
      purpose: 'Already over',
      expiresAt: new Date(Date.now() - DAY).toISOString(),
    });
    expect(past.status).toBe(400);
  });

  it('refuses unknown scopes, no scopes, a short purpose and extra fields', async () => {
    const [grantor, granteePerson] = [await buildPerson(t), await buildPerson(t)];
    for (const body of [
      { granteeId: granteePerson.id, scopes: ['everything'], purpose: 'Valid purpose' },
      { granteeId: granteePerson.id, scopes: [], purpose: 'Valid purpose' },
      { granteeId: granteePerson.id, scopes: ['profile'], purpose: 'ab' },
      { granteeId: granteePerson.id, scopes: ['profile'], purpose: 'Valid purpose', grantorId: granteePerson.id },
      { granteeId: granteePerson.id, scopes: ['profile'], purpose: 'Valid purpose', startsAt: 'tomorrow' },
    ]) {
      const response = await grantor.agent.post('/api/me/grants', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('GET /api/me/grants', () => {
  it('lists grants given and received, each with its status', async () => {
    const grantor = await buildPerson(t);
    const [a, b, c, d] = [await buildPerson(t), await buildPerson(t), await buildPerson(t), await buildPerson(t)];
    const active = await grant(grantor, a);
    const scheduledGrant = await grant(grantor, b, { startsAt: new Date(Date.now() + DAY).toISOString() });
    const toRevoke = await grant(grantor, c);
    await grantor.agent.post(`/api/me/grants/${toRevoke.id}/revoke`);
    const [expiredRow] = await t.database.db
      .insert(consentGrants)
      .values({
        grantorId: grantor.id,
        granteeId: d.id,
        scopes: ['clock'],
        purpose: 'Past',
        startsAt: new Date(Date.now() - 3 * DAY),
        expiresAt: new Date(Date.now() - DAY),
      })
      .returning({ id: consentGrants.id });
    const received = await grant(a, grantor, { scopes: ['sos'] });

    const response = await grantor.agent.get('/api/me/grants');
    expect(response.status).toBe(200);
    const statusOf = (id: string | undefined) => response.body.given.find((g: { id: string }) => g.id === id)?.status;
    expect(response.body.given).toHaveLength(4);
    expect(statusOf(active.id)).toBe('active');
    expect(statusOf(scheduledGrant.id)).toBe('scheduled');
    expect(statusOf(toRevoke.id)).toBe('revoked');
    expect(statusOf(expiredRow?.id)).toBe('expired');
    expect(response.body.received).toEqual([
      expect.objectContaining({ id: received.id, status: 'active', scopes: ['sos'], grantee: expect.objectContaining({ id: grantor.id }) }),
    ]);

    // The grantee sees the same grant from the other side.
    const theirs = await a.agent.get('/api/me/grants');
    expect(theirs.body.received.map((g: { id: string }) => g.id)).toEqual([active.id]);
    expect(theirs.body.given.map((g: { id: string }) => g.id)).toEqual([received.id]);
  });

  it('is closed to anonymous visitors (401)', async () => {
    expect((await createAgent(t.app).get('/api/me/grants')).status).toBe(401);
  });
});

describe('POST /api/me/grants/:id/revoke', () => {
  it('can only be done by the grantor: the grantee and others get 404 and the grant stays', async () => {
    const grantor = await buildPerson(t);
    const granteePerson = await buildPerson(t);
    const other = await buildPerson(t);
    const created = await grant(grantor, granteePerson);
    for (const person of [granteePerson, other, admin]) {
      const response = await person.agent.post(`/api/me/grants/${created.id}/revoke`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
    }
    expect((await granteePerson.agent.get(`/api/people/${grantor.id}/profile`)).status).toBe(200);
    expect((await grantor.agent.post(`/api/me/grants/${randomUUID()}/revoke`)).status).toBe(404);
  });

  it('revokes, records grant.revoked, and a second revoke changes nothing', async () => {
    const grantor = await buildPerson(t);
    const granteePerson = await buildPerson(t);
    const created = await grant(grantor, granteePerson);
    const first = await grantor.agent.post(`/api/me/grants/${created.id}/revoke`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('revoked');
    expect(first.body.revokedAt).not.toBeNull();

    const second = await grantor.agent.post(`/api/me/grants/${created.id}/revoke`);
    expect(second.status).toBe(200);
    // The moment consent ended is evidence: it is not moved by a repeated click.
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
    const events = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'grant.revoked'), eq(auditLog.actorId, grantor.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectId: granteePerson.id, detail: { grantId: created.id } });
  });
});

describe('GET /api/me/access-log', () => {
  it('pages newest first with `before`, 50 entries a page, without gaps or repeats', async () => {
    const subject = await buildPerson(t);
    const reader = await buildPerson(t, { alias: 'Frequent Fay' });
    const { id: grantId } = await grant(subject, reader, { purpose: 'Daily support' });
    // 53 reads more than ACCESS_LOG_COALESCE_MINUTES apart: 53 rows (repeated reads within minutes are one).
    const access = { via: 'grant' as const, grantId, purpose: 'Daily support', until: null };
    const start = Date.now();
    for (let i = 0; i < 53; i++)
      await logAccess(t.database.db, actorFor(reader, []), subject.id, 'profile', access, new Date(start + i * 11 * 60_000));

    const first = await accessLogOf(subject);
    expect(first.entries).toHaveLength(50);
    expect(first.nextBefore).toBe(Number(first.entries.at(-1)?.id));
    const second = await accessLogOf(subject, `?before=${first.nextBefore}`);
    expect(second.entries).toHaveLength(3);
    expect(second.nextBefore).toBeNull();

    const ids = [...first.entries, ...second.entries].map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(53);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(first.entries.every((e) => e.actor.alias === 'Frequent Fay' && e.purpose === 'Daily support')).toBe(true);
  });

  it('refuses a malformed `before` and unknown query parameters (400)', async () => {
    const person = await buildPerson(t);
    for (const query of ['?before=abc', '?before=-1', '?before=1.5', '?before=0', '?limit=5']) {
      expect((await person.agent.get(`/api/me/access-log${query}`)).status, query).toBe(400);
    }
  });

  it('treats a `before` beyond any id as the first page, never a server error', async () => {
    const person = await buildPerson(t);
    for (const before of ['9007199254740991', '1e20', '99999999999999999999999']) {
      const response = await person.agent.get(`/api/me/access-log?before=${before}`);
      expect(response.status, before).toBeLessThan(500);
    }
  });

  it('is closed to anonymous visitors (401)', async () => {
    expect((await createAgent(t.app).get('/api/me/access-log')).status).toBe(401);
  });
});
