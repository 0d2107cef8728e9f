import type { FastifyBaseLogger } from 'fastify';
import { fromPglite, PgBoss } from 'pg-boss';
import type { AppContext } from './context.ts';
import { runReminderSweep } from './features/reminders/reminders.service.ts';

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
 * The sweep itself is idempotent (see runReminderSweep): a retried or duplicated job sends nothing twice.
 */

export const REMINDER_QUEUE = 'reminders-sweep';

export interface Jobs {
  /** Lets a running sweep finish, then stops; the database stays open for the caller to close. */
  stop(): Promise<void>;
  /** For tests: queue one sweep now instead of waiting for the minute. */
  runNow(): Promise<void>;
}

export async function startJobs({
  ctx,
  log,
  sweep = runReminderSweep,
}: {
  ctx: AppContext;
  log: FastifyBaseLogger;
  sweep?: typeof runReminderSweep;
}): Promise<Jobs> {
  const database = ctx.database;
  let boss: PgBoss;
  if (database.kind === 'postgres') {
    // The app pool's own connection string: the jobs use exactly the database the app opened.
    const connectionString = database.pool?.options.connectionString;
    if (!connectionString) throw new Error('jobs on PostgreSQL need a connection string');
    boss = new PgBoss({ connectionString, max: 2, application_name: 'kinship-jobs' });
  } else {
    if (!database.pglite) throw new Error('jobs on the embedded database need its connection');
    boss = new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite' });
  }
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE, { policy: 'exclusive', retryLimit: 2, expireInSeconds: 300 });
  await boss.schedule(REMINDER_QUEUE, '* * * * *');
  await boss.work(REMINDER_QUEUE, async (jobs) => {
    for (const _job of jobs) {
      // The current time, not the job's: a sweep that runs late still sees what is due now.
      const result = await sweep({ ctx, now: new Date() });
      if (result.created > 0) log.info(result, 'reminders sent');
    }
  });
  log.info('background jobs started (reminders every minute)');
  return {
    stop: () => boss.stop({ graceful: true, timeout: 5_000, close: true }),
    runNow: async () => {
      await boss.send(REMINDER_QUEUE, {});
    },
  };
}
