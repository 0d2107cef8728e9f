import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { accessLog } from '../../db/schema/consent.ts';
import { isSqlState } from '../../lib/db-errors.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

/** The trigger raises insufficient_privilege (42501) with the table's name. */
async function expectRefused(statement: Promise<unknown>, table: string) {
  const error = await statement.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `${table}: the statement should have been refused`).not.toBeNull();
  expect(isSqlState(error, '42501')).toBe(true);
  const messages = [error, (error as { cause?: unknown }).cause].map((e) => (e instanceof Error ? e.message : ''));
  expect(messages.join(' ')).toContain(`table ${table} is append-only`);
}

describe('access_log', () => {
  let id: number;
  beforeAll(async () => {
    const [row] = await t.database.db
      .insert(accessLog)
      .values({ actorId: randomUUID(), subjectId: randomUUID(), scope: 'profile', purpose: 'Coaching' })
      .returning({ id: accessLog.id });
    if (!row) throw new Error('insert returned nothing');
    id = row.id;
  });

  it('accepts inserts', async () => {
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.id, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: 'profile', purpose: 'Coaching', breakGlass: false });
  });

  it('refuses UPDATE', async () => {
    await expectRefused(t.database.db.update(accessLog).set({ purpose: 'Nothing to see' }).where(eq(accessLog.id, id)), 'access_log');
    const [row] = await t.database.db.select().from(accessLog).where(eq(accessLog.id, id));
    expect(row?.purpose).toBe('Coaching');
  });

  it('refuses DELETE', async () => {
    await expectRefused(t.database.db.delete(accessLog).where(eq(accessLog.id, id)), 'access_log');
    await expectRefused(t.database.db.delete(accessLog), 'access_log');
    expect(await t.database.db.select().from(accessLog).where(eq(accessLog.id, id))).toHaveLength(1);
  });

  it('refuses TRUNCATE', async () => {
    await expectRefused(t.database.db.execute(sql`TRUNCATE access_log`), 'access_log');
    expect(await t.database.db.select().from(accessLog).where(eq(accessLog.id, id))).toHaveLength(1);
  });

  it('refuses a change inside a transaction and leaves nothing of that transaction behind', async () => {
    const attempt = t.database.db.transaction(async (tx) => {
      await tx.insert(accessLog).values({ actorId: randomUUID(), subjectId: randomUUID(), scope: 'clock', purpose: 'Cover-up' });
      await tx.update(accessLog).set({ purpose: 'Edited' }).where(eq(accessLog.id, id));
    });
    await expectRefused(attempt, 'access_log');
    expect(await t.database.db.select().from(accessLog).where(eq(accessLog.purpose, 'Cover-up'))).toHaveLength(0);
  });
});

describe('audit_log', () => {
  let id: number;
  beforeAll(async () => {
    const [row] = await t.database.db
      .insert(auditLog)
      .values({ event: 'roles.changed', actorId: randomUUID(), detail: { before: ['member'], after: ['admin'] } })
      .returning({ id: auditLog.id });
    if (!row) throw new Error('insert returned nothing');
    id = row.id;
  });

  it('accepts inserts', async () => {
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(row).toMatchObject({ event: 'roles.changed', detail: { before: ['member'], after: ['admin'] } });
  });

  it('refuses UPDATE', async () => {
    await expectRefused(t.database.db.update(auditLog).set({ event: 'nothing' }).where(eq(auditLog.id, id)), 'audit_log');
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(row?.event).toBe('roles.changed');
  });

  it('refuses DELETE', async () => {
    await expectRefused(t.database.db.delete(auditLog).where(eq(auditLog.id, id)), 'audit_log');
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.id, id))).toHaveLength(1);
  });

  it('refuses TRUNCATE', async () => {
    await expectRefused(t.database.db.execute(sql`TRUNCATE audit_log`), 'audit_log');
    await expectRefused(t.database.db.execute(sql`TRUNCATE audit_log, access_log`), 'audit_log');
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.id, id))).toHaveLength(1);
  });
});
