// Applies the committed migrations to the configured database and exits. The server does this at
// start unless MIGRATE_ON_START=false (for an app role without DDL rights; see scripts/db-roles.ts).
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { installJobSchema } from '../server/jobs.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  // The job queue's own tables (pg-boss), so an app role without DDL rights can run jobs.
  if (config.databaseUrl) await installJobSchema(config.databaseUrl);
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
