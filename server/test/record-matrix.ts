import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../shared/contracts/consent.ts';
import { accessLog } from '../db/schema/consent.ts';
import { createAgent } from './agent.ts';
import { buildPerson, type Person } from './factories.ts';
import type { TestApp } from './harness.ts';

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };
const REASON = 'Member wrote a crisis message and cannot be reached by phone';
/** Every scope but the one under test: a grant of all of them still must not open this one. */
const OTHER_SCOPES: Scope[] = ['profile', 'clock', 'checkins.summary', 'checkins.detail', 'plan', 'safety_plan', 'assessments', 'sos'];

/**
 * The permission matrix every record read by another person must pass: owner, grantee with the
 * scope, grantee with every other scope, revoked grantee, another person, supervisor without and
 * with break-glass, anonymous, a disabled subject; and exactly the permitted reads by others in the
 * access log. `fill` writes the subject's record; `expectRecord` checks what a permitted reader got.
 */
export function describeRecordMatrix(options: {
  name: string;
  app: () => TestApp;
  scope: Scope;
  url: (subjectId: string) => string;
  fill: (subject: Person) => Promise<void>;
  expectRecord: (body: any) => void;
}) {
  const { scope, url } = options;
  describe(`${options.name} — the permission matrix of scope ${scope}`, () => {
    let subject: Person;
    let grantee: Person;
    let otherScopes: Person;
    let revoked: Person;
    let stranger: Person;
    let supervisor: Person;
    let breakGlassSupervisor: Person;
    let revokedGrantId: string;

    async function grant(to: Person, scopes: Scope[], purpose: string) {
      const response = await subject.agent.post('/api/me/grants', { granteeId: to.id, scopes, purpose });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    }
    const logRows = () =>
      options
        .app()
        .database.db.select()
        .from(accessLog)
        .where(and(eq(accessLog.subjectId, subject.id), eq(accessLog.scope, scope)));

    beforeAll(async () => {
      const t = options.app();
      subject = await buildPerson(t, { alias: `Subject ${scope}` });
      grantee = await buildPerson(t, { roles: ['coach'] });
      otherScopes = await buildPerson(t);
      revoked = await buildPerson(t);
      stranger = await buildPerson(t);
      supervisor = await buildPerson(t, { roles: ['supervisor'] });
      breakGlassSupervisor = await buildPerson(t, { roles: ['supervisor'] });
      await options.fill(subject);
      await grant(grantee, [scope], 'Weekly coaching sessions');
      await grant(
        otherScopes,
        OTHER_SCOPES.filter((s) => s !== scope),
        'Everything else',
      );
      revokedGrantId = await grant(revoked, [scope], 'Sponsor support');
    });

    it('owner: 200 through the shared route too, and not logged', async () => {
      const response = await subject.agent.get(url(subject.id));
      expect(response.status).toBe(200);
      expect(response.body.access).toEqual({ via: 'self', until: null });
      options.expectRecord(response.body);
      expect(await logRows()).toHaveLength(0);
    });

    it('grantee with the scope: 200, no-store, logged with the grant’s purpose', async () => {
      const response = await grantee.agent.get(url(subject.id));
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body.access).toEqual({ via: 'grant', until: null });
      options.expectRecord(response.body);
      const rows = await logRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId: grantee.id, purpose: 'Weekly coaching sessions', breakGlass: false });
      expect(rows[0]?.grantId).toEqual(expect.any(String));
    });

    it('grantee holding every other scope: 404, not logged', async () => {
      const response = await otherScopes.agent.get(url(subject.id));
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
      expect((await logRows()).filter((row) => row.actorId === otherScopes.id)).toHaveLength(0);
    });

    it('revoked grantee: 200 before, 404 on the very next request', async () => {
      expect((await revoked.agent.get(url(subject.id))).status).toBe(200);
      expect((await subject.agent.post(`/api/me/grants/${revokedGrantId}/revoke`)).status).toBe(200);
      const after = await revoked.agent.get(url(subject.id));
      expect(after.status).toBe(404);
      expect(after.body).toEqual(NOT_FOUND);
    });

    it('another person: 404, identical to a person that does not exist', async () => {
      const existing = await stranger.agent.get(url(subject.id));
      const missing = await stranger.agent.get(url(randomUUID()));
      expect(existing.status).toBe(404);
      expect(existing.body).toEqual(NOT_FOUND);
      expect(missing.body).toEqual(existing.body);
    });

    it('supervisor without break-glass: 404', async () => {
      const response = await supervisor.agent.get(url(subject.id));
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
    });

    it('supervisor with break-glass: 200, flagged in the access log with the reason', async () => {
      const opened = await breakGlassSupervisor.agent.post('/api/break-glass', { subjectId: subject.id, reason: REASON });
      expect(opened.status).toBe(201);
      const response = await breakGlassSupervisor.agent.get(url(subject.id));
      expect(response.status).toBe(200);
      expect(response.body.access).toEqual({ via: 'break_glass', until: opened.body.expiresAt });
      options.expectRecord(response.body);
      const rows = (await logRows()).filter((row) => row.actorId === breakGlassSupervisor.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ breakGlass: true, purpose: `Break-glass: ${REASON}`, breakGlassId: opened.body.id, grantId: null });
      // Break-glass opens only the person it was opened for.
      expect((await breakGlassSupervisor.agent.get(url(stranger.id))).status).toBe(404);
    });

    it('anonymous: 401', async () => {
      const response = await createAgent(options.app().app).get(url(subject.id));
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('leaves exactly the permitted reads by others in the access log, visible to the subject', async () => {
      const rows = await logRows();
      expect(rows.map((row) => [row.actorId, row.breakGlass]).sort()).toEqual(
        [
          [grantee.id, false],
          [revoked.id, false],
          [breakGlassSupervisor.id, true],
        ].sort(),
      );
      const mine = await subject.agent.get('/api/me/access-log');
      expect(mine.status).toBe(200);
      const entries = (mine.body.entries as { actor: { id: string }; scope: string }[]).filter((e) => e.scope === scope);
      expect(entries.map((e) => e.actor.id).sort()).toEqual([grantee.id, revoked.id, breakGlassSupervisor.id].sort());
    });
  });
}
