// The bare baseline of the `reads` scenario: Fastify and `pg`, the same SQL the real routes run
// (server/features/profile/profile.service.ts loadProfileRow, server/features/consent/consent.service.ts
// accessLogPage, as Drizzle prints them), with the same pool size, and nothing else: no session lookup,
// no policy, no logging, no helmet, no response schema. The person is fixed by BENCH_USER_ID.
import Fastify from 'fastify';
import pg from 'pg';
import { LIMITS } from '../../shared/limits.ts';

const PROFILE_SQL =
  'select "profiles"."user_id", "profiles"."legal_name", "profiles"."alias", "profiles"."pronouns", "profiles"."languages", ' +
  '"profiles"."timezone", "profiles"."pathways", "profiles"."pathways_visibility", "profiles"."updated_at", "users"."email", ' +
  '"users"."status" from "profiles" inner join "users" on "users"."id" = "profiles"."user_id" where "profiles"."user_id" = $1';

const ACCESS_LOG_SQL =
  'select "access_log"."id", "access_log"."at", "access_log"."actor_id", "profiles"."alias", "access_log"."scope", ' +
  '"access_log"."purpose", "access_log"."break_glass" from "access_log" left join "profiles" on "profiles"."user_id" = ' +
  '"access_log"."actor_id" where "access_log"."subject_id" = $1 order by "access_log"."id" desc limit $2';

const databaseUrl = process.env.DATABASE_URL;
const userId = process.env.BENCH_USER_ID;
if (!databaseUrl || !userId) {
  console.error('reads-baseline: DATABASE_URL and BENCH_USER_ID are required');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.PG_POOL_MAX ?? 10) });
pool.on('error', () => {});
const app = Fastify({ logger: false });

app.get('/api/health', async () => ({ status: 'ok' }));

app.get('/api/me/profile', async (_request, reply) => {
  const { rows } = await pool.query(PROFILE_SQL, [userId]);
  if (!rows[0]) return reply.status(404).send({ error: 'not found' });
  return rows[0];
});

app.get('/api/me/access-log', async () => {
  const { rows } = await pool.query(ACCESS_LOG_SQL, [userId, LIMITS.pageSize + 1]);
  const entries = rows.slice(0, LIMITS.pageSize);
  return { entries, nextBefore: rows.length > LIMITS.pageSize ? (entries.at(-1)?.id ?? null) : null };
});

const shutdown = () => {
  app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await app.listen({ port: Number(process.env.PORT ?? 3999), host: process.env.HOST ?? '127.0.0.1' });
