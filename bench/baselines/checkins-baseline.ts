// The bare baseline of the `checkins` scenario: Fastify and `pg` running the same upsert the real
// route runs (server/features/checkins/checkins.sql.ts, as Drizzle prints it), with the same pool
// size, and nothing else: no session, no validation, no time zone, no response schema. The person is
// named by the x-user-id header, which the load generator sets per connection.
import Fastify from 'fastify';
import pg from 'pg';

const UPSERT_SQL =
  'insert into "checkins" ("id", "user_id", "local_date", "mood", "craving", "sleep_hours", "used", "substances", "gratitude", ' +
  '"note", "backfilled", "created_at", "updated_at") values (default, $1, $2, $3, $4, $5::numeric, $6, $7, $8, $9, $10, default, ' +
  'default) on conflict ("user_id","local_date") do update set "mood" = excluded.mood, "craving" = excluded.craving, ' +
  '"sleep_hours" = excluded.sleep_hours, "used" = excluded.used, "substances" = excluded.substances, "gratitude" = ' +
  'excluded.gratitude, "note" = excluded.note, "updated_at" = now() returning "local_date", "mood", "craving", "sleep_hours", ' +
  '"used", "substances", "gratitude", "note", "backfilled", "created_at", "updated_at", (xmax = 0) as "created"';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('checkins-baseline: DATABASE_URL is required');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.PG_POOL_MAX ?? 10) });
pool.on('error', () => {});
const app = Fastify({ logger: false });

app.get('/api/health', async () => ({ status: 'ok' }));

interface Body {
  mood: number;
  craving: number;
  sleepHours?: number | null;
  used: string;
  substances?: string[];
  gratitude?: string | null;
  note?: string | null;
}

app.put<{ Params: { localDate: string }; Body: Body }>('/api/me/checkins/:localDate', async (request, reply) => {
  const b = request.body;
  const { rows } = await pool.query(UPSERT_SQL, [
    request.headers['x-user-id'],
    request.params.localDate,
    b.mood,
    b.craving,
    b.sleepHours ?? null,
    b.used,
    b.substances ?? [],
    b.gratitude ?? null,
    b.note ?? null,
    false,
  ]);
  return reply.status(rows[0]?.created ? 201 : 200).send(rows[0]);
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
