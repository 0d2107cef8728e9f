// Creates (or updates) the PostgreSQL role the app should run as in production: it may read and
// write everything it needs but can only add rows to the access and audit logs — never change or
// remove them. Run it as the database owner after migrations:
//   DATABASE_URL=postgres://owner@host/kinship node scripts/db-roles.ts --role kinship_app --password '…'
// then run the app with DATABASE_URL=postgres://kinship_app:…@host/kinship and MIGRATE_ON_START=false.
import { parseArgs } from 'node:util';
import pg from 'pg';

export const APPEND_ONLY_TABLES = ['access_log', 'audit_log'] as const;

export function appRoleStatements(role: string): string[] {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error('role must be a lower-case SQL identifier');
  const logs = APPEND_ONLY_TABLES.join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${logs} FROM ${role}`,
    `GRANT SELECT, INSERT ON ${logs} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    // The migrator's bookkeeping: the app only checks it when MIGRATE_ON_START is left on.
    `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
       EXECUTE 'GRANT USAGE ON SCHEMA drizzle TO ${role}';
       EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${role}';
     END IF; END $$`,
    // The job queue (pg-boss, installed by db:migrate): rows only, its DDL stays with the owner.
    `DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
       EXECUTE 'GRANT USAGE ON SCHEMA pgboss TO ${role}';
       EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role}';
       EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${role}';
       EXECUTE 'GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${role}';
     END IF; END $$`,
  ];
}

export async function applyAppRole(client: pg.Client, role: string, password: string | null): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount === 0) await client.query(`CREATE ROLE ${role} LOGIN`);
  if (password) await client.query(`ALTER ROLE ${role} PASSWORD ${client.escapeLiteral(password)}`);
  for (const statement of appRoleStatements(role)) await client.query(statement);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { role: { type: 'string', default: 'kinship_app' }, password: { type: 'string' } } });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to the PostgreSQL database, connecting as its owner.');
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await applyAppRole(client, values.role, values.password ?? null);
    console.log(`Role ${values.role} can now run Kinship; it cannot change or delete access-log and audit-log rows.`);
  } finally {
    await client.end();
  }
}
