import pg from 'pg';
import type { Config } from './config.ts';
import type { DatabaseHandle, Db } from './db/client.ts';
import { organization } from './db/schema/organization.ts';
import type { Mailer } from './features/mail/mail.public.ts';
import type { InstanceKeys } from './lib/crypto.ts';
import type { Feature } from './lib/feature.ts';

export type OrganizationRow = typeof organization.$inferSelect;

/** What every route and service may need besides its input: built once per app by buildApp. */
export interface AppContext {
  db: Db;
  database: DatabaseHandle;
  config: Config;
  keys: InstanceKeys;
  mailer: Mailer;
  /** Cookies get Secure and the __Host- prefix unless the public URL is plain http on a non-local host. */
  cookieSecure: boolean;
  /** The organization row, cached per process and dropped on every change any process makes (LISTEN/NOTIFY). */
  organization(): Promise<OrganizationRow | null>;
  forgetOrganization(): void;
  requireStaffMfa(): Promise<boolean>;
  rateLimitMultiplier: number;
  /** Every feature (server/features/registry.ts): "my data" exports and erases through their descriptors. */
  features: readonly Feature[];
}

/** How long a copy is trusted while no change notifications arrive (before listening, or while reconnecting). */
const ORGANIZATION_CACHE_MS = 5_000;
const RECONNECT_MS = 1_000;
/** Raised by a trigger on every write to the organization row (migration 0010). */
const CHANNEL = 'organization_changed';

/**
 * The organization row, cached per process. Once `listen` runs, every process hears the database's
 * NOTIFY of each change and drops its copy at once, so several processes agree within milliseconds
 * and the cache can be kept until a change; without it, a copy is trusted for 5 seconds.
 */
export function organizationCache(db: Db) {
  let cached: { row: OrganizationRow | null; at: number } | null = null;
  // A change heard while a read is in flight must not let that read cache the old row.
  let generation = 0;
  let listening = false;
  let stopped = false;
  let stopListening: (() => Promise<void>) | null = null;

  const forget = () => {
    generation += 1;
    cached = null;
  };

  async function listenPostgres(pool: pg.Pool) {
    const client = new pg.Client(pool.options);
    const lost = () => {
      listening = false;
      forget();
      client.removeAllListeners();
      client.end().catch(() => {});
      if (!stopped) setTimeout(() => listenPostgres(pool).catch(lost), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('notification', forget);
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listening = true;
    // What changed while no one listened is not known: start from the database again.
    forget();
    stopListening = async () => {
      client.removeAllListeners();
      await client.end().catch(() => {});
    };
  }

  return {
    async get(): Promise<OrganizationRow | null> {
      if (cached && (listening || Date.now() - cached.at < ORGANIZATION_CACHE_MS)) return cached.row;
      const seen = generation;
      const [row] = await db.select().from(organization).limit(1);
      if (seen === generation) cached = { row: row ?? null, at: Date.now() };
      return row ?? null;
    },
    forget,
    /** Hears every process's changes from now on (PostgreSQL: its own connection; PGlite: its listener). */
    async listen(database: DatabaseHandle) {
      if (database.pool) await listenPostgres(database.pool);
      else if (database.pglite) {
        const unsubscribe = await database.pglite.listen(CHANNEL, forget);
        listening = true;
        stopListening = unsubscribe;
      }
    },
    async stop() {
      stopped = true;
      listening = false;
      await stopListening?.();
    },
  };
}
