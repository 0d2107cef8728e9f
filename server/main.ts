import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirectoryLockedError } from './db/lock.ts';
import { type Jobs, startJobs } from './jobs.ts';

const clientDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');

async function main() {
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: Number(process.env.PG_POOL_MAX ?? 10),
    });
  } catch (error) {
    if (error instanceof DataDirectoryLockedError) {
      console.error(`kinship: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (config.migrateOnStart) await database.migrate();
  const app = await buildApp({ database, config, clientDir });

  if (database.kind === 'pglite') {
    app.log.warn(
      `Using the embedded database in ${config.dataDir} (PGlite): one process only, and a power cut can lose the latest writes. ` +
        'For production, set DATABASE_URL to a PostgreSQL server.',
    );
  }
  if (config.production && !config.smtpUrl) app.log.warn('SMTP_URL is not set: emails are held in the admin outbox and not delivered');

  // Requests whose handler has not answered yet. Closing the HTTP server waits for open connections,
  // but a handler whose client hung up keeps running: the database must stay open until it is done.
  let inFlight = 0;
  const counted = new WeakSet<object>();
  app.addHook('onRequest', async (request) => {
    counted.add(request);
    inFlight += 1;
  });
  app.addHook('onSend', async (request) => {
    if (counted.delete(request)) inFlight -= 1;
  });

  // Reminders and other background work; off for HTTP-only processes (JOBS=off).
  const jobs: Jobs | null = config.jobs ? await startJobs({ ctx: app.ctx, log: app.log }) : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop background jobs and taking requests, let in-flight work finish, then close the database (and release its lock).
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      // Jobs first: a sweep in progress finishes while the database is still open.
      await jobs?.stop().catch((error: unknown) => app.log.warn({ err: error }, 'stopping background jobs failed'));
      await app.close();
      for (let waited = 0; inFlight > 0 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Kinship ${config.version} at ${config.publicUrl} (database: ${database.kind})`);
}

main().catch((error: unknown) => {
  console.error('kinship: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
