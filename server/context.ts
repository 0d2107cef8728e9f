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
  /** The organization row, cached briefly so several app processes agree within seconds. */
  organization(): Promise<OrganizationRow | null>;
  forgetOrganization(): void;
  requireStaffMfa(): Promise<boolean>;
  rateLimitMultiplier: number;
  /** Every feature (server/features/registry.ts): "my data" exports and erases through their descriptors. */
  features: readonly Feature[];
}

const ORGANIZATION_CACHE_MS = 5_000;

export function organizationCache(db: Db) {
  let cached: { row: OrganizationRow | null; at: number } | null = null;
  return {
    async get(): Promise<OrganizationRow | null> {
      if (cached && Date.now() - cached.at < ORGANIZATION_CACHE_MS) return cached.row;
      const [row] = await db.select().from(organization).limit(1);
      cached = { row: row ?? null, at: Date.now() };
      return cached.row;
    },
    forget() {
      cached = null;
    },
  };
}
