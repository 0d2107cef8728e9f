import type { FastifyBaseLogger } from 'fastify';
import { fromPglite, PgBoss } from 'pg-boss';
import type { AppContext } from './context.ts';
import { vapidKeys } from './features/notifications/notifications.public.ts';
import { FEATURES } from './features/registry.ts';
import type { Sweep } from './lib/feature.ts';

/**
 * Background jobs, on pg-boss. Started by main.ts only (never by buildApp), so tests and benchmarks
 * run none unless they ask.
 *
 * - PostgreSQL: pg-boss gets the connection string and its own small pool, and keeps its tables in
 *   the `pgboss` schema. Every app process may run it: the cron schedule creates one job a minute
 *   for the whole installation, and the `exclusive` queue policy keeps a slow sweep from piling up.
 * - PGlite: pg-boss runs on the same embedded connection through its PGlite adapter. All queries
 *   are serialized on that one connection anyway, and pg-boss's transactions are single
 *   multi-statement calls, so they cannot interleave with the app's (which hold PGlite's
 *   transaction lock).
 *
 * Each sweep is idempotent (see runReminderSweep): a retried or duplicated job sends nothing twice.
 */

/** Every minute sweep, from the features that bring one (server/features/registry.ts). */
export const SWEEPS: readonly Sweep[] = FEATURES.flatMap((feature) => feature.sweeps ?? []);

// Creating a queue is DDL (pg-boss gives it a partition): also done by db:migrate, see installJobSchema.
async function createQueues(boss: PgBoss, sweeps: readonly Sweep[] = SWEEPS) {
  for (const { queue } of sweeps) {
    if (!(await boss.getQueue(queue))) {
      await boss.createQueue(queue, { policy: 'exclusive', retryLimit: 2, expireInSeconds: 300 });
    }
  }
}

/**
 * Installs (or upgrades) pg-boss's schema and the app's queues, as the database owner: run by
 * `npm run db:migrate`, so an app role without DDL rights can run jobs (scripts/db-roles.ts grants it
 * the rows).
 */
export async function installJobSchema(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 1, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  try {
    await createQueues(boss);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

export interface Jobs {
  /** Lets a running sweep finish, then stops; the database stays open for the caller to close. */
  stop(): Promise<void>;
  /** For tests: queue every sweep now instead of waiting for the minute. */
  runNow(): Promise<void>;
}

export async function startJobs({
  ctx,
  log,
  sweeps = SWEEPS,
}: {
  ctx: AppContext;
  log: FastifyBaseLogger;
  sweeps?: readonly Sweep[];
}): Promise<Jobs> {
  const database = ctx.database;
  // Web Push keys exist from the first start on (browsers subscribe with the public one).
  await vapidKeys(ctx.db);
  let boss: PgBoss;
  if (database.kind === 'postgres') {
    // The app pool's own connection string: the jobs use exactly the database the app opened.
    const connectionString = database.pool?.options.connectionString;
    if (!connectionString) throw new Error('jobs on PostgreSQL need a connection string');
    boss = new PgBoss({
      connectionString,
      max: 2,
      application_name: 'kinship-jobs',
      // An app role without DDL rights (MIGRATE_ON_START=false) uses the schema db:migrate installed.
      migrate: ctx.config.migrateOnStart,
      createSchema: ctx.config.migrateOnStart,
    });
  } else {
    if (!database.pglite) throw new Error('jobs on the embedded database need its connection');
    boss = new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite' });
  }
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await createQueues(boss, sweeps);
  for (const sweep of sweeps) {
    await boss.schedule(sweep.queue, '* * * * *');
    await boss.work(sweep.queue, async (jobs) => {
      for (const _job of jobs) {
        // The current time, not the job's: a sweep that runs late still sees what is due now.
        const result = await sweep.run({ ctx, now: new Date() });
        const did = Object.values(result).some((n) => n > 0);
        if (did) log.info({ sweep: sweep.queue, ...result }, 'sweep done');
        else log.debug({ sweep: sweep.queue }, 'sweep: nothing due');
      }
    });
  }
  log.info({ sweeps: sweeps.map((sweep) => sweep.queue) }, 'background jobs started (every minute)');
  return {
    stop: () => boss.stop({ graceful: true, timeout: 5_000, close: true }),
    runNow: async () => {
      for (const sweep of sweeps) await boss.send(sweep.queue, {});
    },
  };
}
