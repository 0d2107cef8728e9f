import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { instanceSecrets } from '../db/schema/organization.ts';

/**
 * The secret that keys encryption and identifier hashes when SESSION_SECRET is not set: generated
 * once, stored in the database so every app process and every restart uses the same one.
 */
export async function instanceSecret(db: Db): Promise<string> {
  await db
    .insert(instanceSecrets)
    .values({ name: 'instance_key', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, 'instance_key'));
  if (!row) throw new Error('instance secret missing after insert');
  return row.value;
}
