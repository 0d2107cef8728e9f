import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Every setting Kinship reads from the environment, in one place (the README's table mirrors this). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  sessionSecret: string | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  production: boolean;
  trustProxy: boolean;
  /** Off when the app runs as a role without DDL rights and migrations run separately (npm run db:migrate). */
  migrateOnStart: boolean;
  /** Background jobs (reminders) in this process: off for a process that should only serve HTTP. */
  jobs: boolean;
  /** A map tile server URL template ({z}/{x}/{y}); the finder shows a map only when it is set. */
  mapTileUrl: string | null;
  mapAttribution: string | null;
  /**
   * Let administrators import meeting feeds from private, loopback and link-local addresses. Off: a
   * feed URL that resolves to one is refused, so the importer cannot be aimed at the internal network.
   */
  feedsFromPrivateHosts: boolean;
  /**
   * Scales every per-IP and per-person rate limit. Raise it when many people share one address (a
   * house's Wi-Fi behind one NAT without TRUST_PROXY) or for load tests from one machine.
   */
  rateLimitMultiplier: number;
  version: string;
}

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const VERSION: string = packageJson.version;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive whole number`);
  return parsed;
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${name} must be on or off`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = positiveInt('PORT', env.PORT, 3000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new Error('PUBLIC_URL must be an absolute URL such as https://kinship.example.org');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.KINSHIP_DATA_DIR ?? './data'),
    publicUrl,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Kinship <no-reply@localhost>',
    sessionSecret: env.SESSION_SECRET || null,
    sessionIdleMinutes: positiveInt('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: positiveInt('SESSION_ABSOLUTE_HOURS', env.SESSION_ABSOLUTE_HOURS, 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    production: env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    migrateOnStart: env.MIGRATE_ON_START !== 'false',
    jobs: onOff('JOBS', env.JOBS, true),
    mapTileUrl: env.MAP_TILE_URL || null,
    mapAttribution: env.MAP_ATTRIBUTION || null,
    feedsFromPrivateHosts: onOff('MEETING_FEEDS_FROM_PRIVATE_HOSTS', env.MEETING_FEEDS_FROM_PRIVATE_HOSTS, false),
    rateLimitMultiplier: positiveInt('RATE_LIMIT_MULTIPLIER', env.RATE_LIMIT_MULTIPLIER, 1),
    version: VERSION,
  };
}
