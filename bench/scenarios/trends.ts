import { availableParallelism } from 'node:os';
import type pg from 'pg';
import { addDays, todayIn } from '../../server/lib/dates.ts';
import { resetDatabase, seedPool } from '../lib/database.ts';
import { measureLoad, percentile } from '../lib/load.ts';
import { insertPeople, insertSessions, setUpOrganization } from '../lib/seed.ts';
import { startKinship } from '../lib/servers.ts';
import type { Scenario } from '../lib/types.ts';

/**
 * Members with three years of daily check-ins (a day missed now and then, so streaks have gaps) read
 * their trends. Latency is the goal (p95 < 20 ms), so the load is a handful of members at once rather
 * than a saturating crowd, whose queueing would measure the machine, not the query.
 */
const MEMBERS = 200;
const YEARS_OF_DAYS = 3 * 365 + 1;
const CONNECTIONS = 10;
/** The same two statements the service runs (checkins.sql.ts), timed alone from this process. */
const SERIES_SQL = 'select local_date, mood, craving, sleep_hours from checkins where user_id = $1 and local_date between $2 and $3';
const STREAKS_SQL =
  'select coalesce(max(run_length), 0)::int, max(run_start)::text, max(run_end)::text from (select min(day) as run_start, ' +
  'max(day) as run_end, count(*) as run_length from (select local_date as day, local_date - (row_number() over ' +
  '(order by local_date))::int as run from checkins where user_id = $1) numbered group by run) runs';

/** p95 of the two trends queries over every member, one after the other (no HTTP, no queueing). */
async function queryLatency(pool: pg.Pool, ids: string[], today: string, days: number) {
  const client = await pool.connect();
  const timings: number[] = [];
  try {
    for (let round = 0; round < 3; round++) {
      for (const id of ids) {
        const started = performance.now();
        await Promise.all([
          client.query({ name: 'bench_series', text: SERIES_SQL, values: [id, addDays(today, -(days - 1)), today] }),
          client.query({ name: 'bench_streaks', text: STREAKS_SQL, values: [id] }),
        ]);
        if (round > 0) timings.push(performance.now() - started);
      }
    }
  } finally {
    client.release();
  }
  const sorted = Float64Array.from(timings).sort();
  return { p50: round2(percentile(sorted, 0.5)), p95: round2(percentile(sorted, 0.95)) };
}
const round2 = (value: number) => Math.round(value * 100) / 100;
const ZONE = 'America/Chicago';
const WINDOWS = [365, 30] as const;

export const trends: Scenario = {
  name: 'trends',
  summary: `GET /api/me/trends (365 and 30 days) for ${MEMBERS} members with 3 years of daily check-ins each, ${CONNECTIONS} at once`,
  async run(bench) {
    bench.log('resetting the bench database');
    await resetDatabase(bench.databaseUrl);
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    const pool = seedPool(bench, bench.databaseUrl);
    await setUpOrganization(kinship.url);
    const members = await insertPeople(pool, { count: MEMBERS, prefix: 'trend' });
    const sessions = await insertSessions(pool, members);
    const today = todayIn(ZONE);
    // Roughly one day in 13 missed, at a different rhythm per member.
    await pool.query(
      `INSERT INTO checkins (user_id, local_date, mood, craving, sleep_hours, used, backfilled)
       SELECT m.id::uuid, $2::date - d, 1 + (d + m.n) % 5, (d * 7 + m.n) % 11, 4 + ((d + m.n) % 9) * 0.5, 'no', false
       FROM unnest($1::text[]) WITH ORDINALITY AS m(id, n), generate_series(0, $3::int - 1) AS d
       WHERE (d + m.n) % 13 <> 5`,
      [members.map((m) => m.id), today, YEARS_OF_DAYS],
    );
    await pool.query('ANALYZE');
    const [{ count = '0' } = {}] = (await pool.query<{ count: string }>('SELECT count(*) FROM checkins')).rows;
    bench.log(`seeded ${MEMBERS} members, ${count} check-ins (${YEARS_OF_DAYS} days each, some missed)`);

    const first = members[0];
    if (!first) throw new Error('no members seeded');
    // The numbers must be right before their speed means anything.
    const check = await fetch(`${kinship.url}/api/me/trends?days=365`, { headers: sessions.get(first.id) });
    const body = (await check.json()) as { daysCheckedIn?: number; series?: unknown[]; longestStreak?: number };
    const [{ expected = '0' } = {}] = (
      await pool.query<{ expected: string }>(
        'SELECT count(*) AS expected FROM checkins WHERE user_id = $1 AND local_date BETWEEN $2 AND $3',
        [first.id, addDays(today, -364), today],
      )
    ).rows;
    if (check.status !== 200 || body.series?.length !== 365 || body.daysCheckedIn !== Number(expected) || !body.longestStreak) {
      throw new Error(`trends of the first member look wrong: HTTP ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
    }

    for (const days of WINDOWS) {
      let next = 0;
      const target = (connections: number) => ({
        bench: { ...bench, settings: { ...bench.settings, connections } },
        target: {
          label: `trends ${days} days, ${connections} at once`,
          url: `${kinship.url}/api/me/trends?days=${days}`,
          setupClient: (client: { setHeaders(headers: Record<string, string>): void }) => {
            const member = members[next++ % members.length] as (typeof members)[number];
            client.setHeaders(sessions.get(member.id) ?? {});
          },
        },
      });
      const loaded = target(CONNECTIONS);
      const figures = await measureLoad(loaded.bench, loaded.target);
      const lone = target(1);
      const serial = await measureLoad(lone.bench, lone.target);
      const query = await queryLatency(
        pool,
        members.map((m) => m.id),
        today,
        days,
      );
      bench.report({
        scenario: `trends.${days}d`,
        rps: figures.rps,
        p50_ms: figures.p50_ms,
        p95_ms: figures.p95_ms,
        p99_ms: figures.p99_ms,
        connections: CONNECTIONS,
        single_connection_p50_ms: serial.p50_ms,
        single_connection_p95_ms: serial.p95_ms,
        query_p50_ms: query.p50,
        query_p95_ms: query.p95,
        checkins_per_member: Math.round(Number(count) / MEMBERS),
        cpus: availableParallelism(),
      });
    }
  },
};
