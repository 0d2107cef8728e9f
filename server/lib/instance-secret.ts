import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { instanceSecrets } from '../db/schema/core.ts';

/**
 * A secret generated once for the whole installation and stored in the database, so every app
 * process and every restart uses the same one: the first caller's `generate()` wins a race.
 */
export async function storedSecret(db: Db, name: string, generate: () => string): Promise<string> {
  await db.insert(instanceSecrets).values({ name, value: generate() }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, name));
  if (!row) throw new Error(`instance secret ${name} missing after insert`);
  return row.value;
}

/** The secret that keys encryption and identifier hashes when SESSION_SECRET is not set. */
export const instanceSecret = (db: Db) => storedSecret(db, 'instance_key', () => randomBytes(32).toString('base64url'));
