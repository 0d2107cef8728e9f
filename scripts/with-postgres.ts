// Runs a command with DATABASE_URL pointing at the local PostgreSQL server (unless already set),
// so `npm run test:pg` runs the same suites against a real server.
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.ts <command> [args…]');
  process.exit(2);
}
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres' };
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: false });
process.exit(result.status ?? 1);
