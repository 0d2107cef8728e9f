import { availableParallelism, loadavg } from 'node:os';
import { todayIn } from '../../server/lib/dates.ts';
import { resetDatabase, seedPool } from '../lib/database.ts';
import { compareLoad } from '../lib/load.ts';
import { insertPeople, insertSessions, setUpOrganization } from '../lib/seed.ts';
import { startKinship } from '../lib/servers.ts';
import type { Scenario } from '../lib/types.ts';

/**
 * A coach's morning screen: GET /api/caseload for a coach with 60 active clients, each with two
 * years of daily check-ins (unbroken, so every streak is as long as it gets: shown as 90+), a clock, BARC-10s,
 * sessions and referrals, and a grant of every scope (so every part is read, every rule evaluated
 * and every scope logged: the first view writes 300 access-log rows, refreshes within 10 minutes
 * none, decision 006). Goal: p95 < 50 ms at a modest 10 connections; also measured at 1 and 4. Baseline
 * at each level in the same run: the coach's own profile (GET /api/me/profile), the cheapest
 * signed-in read, measured A B B A.
 */
const CLIENTS = 60;
const DAYS = 2 * 365;
const CONNECTIONS = 10;
/** Measured in this order; the goal is at CONNECTIONS. */
const LEVELS = [1, 4, CONNECTIONS];
const ZONE = 'America/Chicago';
const SCOPES = ['checkins.summary', 'checkins.detail', 'clock', 'assessments', 'sos'];

export const caseload: Scenario = {
  name: 'caseload',
  summary: `GET /api/caseload for a coach with ${CLIENTS} clients × 2 years of daily check-ins, all scopes granted, 1/4/${CONNECTIONS} at once; baseline GET /api/me/profile`,
  async run(bench) {
    bench.log('resetting the bench database');
    await resetDatabase(bench.databaseUrl);
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    const pool = seedPool(bench, bench.databaseUrl);
    await setUpOrganization(kinship.url);
    const [coach] = await insertPeople(pool, { count: 1, prefix: 'coach', roles: ['coach'] });
    if (!coach) throw new Error('no coach seeded');
    const clients = await insertPeople(pool, { count: CLIENTS, prefix: 'client' });
    const ids = clients.map((c) => c.id);
    const sessions = await insertSessions(pool, [coach]);
    const today = todayIn(ZONE);

    await pool.query(
      `INSERT INTO coach_profiles (user_id, timezone, max_caseload, seats_taken, languages) VALUES ($1, $2, $3, $3, '{en}')`,
      [coach.id, ZONE, CLIENTS],
    );
    await pool.query(
      `WITH g AS (
         INSERT INTO consent_grants (grantor_id, grantee_id, scopes, purpose)
         SELECT m::uuid, $2::uuid, $3::text[], 'Peer coaching' FROM unnest($1::text[]) AS m
         RETURNING id, grantor_id)
       INSERT INTO coaching_relationships (member_id, coach_id, status, preferences, grant_id, proposed_at, started_at)
       SELECT g.grantor_id, $2::uuid, 'active',
         '{"gender":null,"language":null,"pathway":null,"specialties":null,"times":null,"timezone":"America/Chicago"}'::jsonb,
         g.id, now() - interval '400 days', now() - interval '400 days'
       FROM g`,
      [ids, coach.id, SCOPES],
    );
    // Two years of daily check-ins each; cravings and use vary so some clients carry flags.
    await pool.query(
      `INSERT INTO checkins (user_id, local_date, mood, craving, sleep_hours, used, backfilled)
       SELECT m.id::uuid, $2::date - d, 1 + (d + m.n) % 5, (d * 3 + m.n) % 8 + CASE WHEN d = 0 AND m.n % 7 = 0 THEN 2 ELSE 0 END,
              6 + ((d + m.n) % 5) * 0.5, CASE WHEN d = 2 AND m.n % 11 = 0 THEN 'yes' ELSE 'no' END, false
       FROM unnest($1::text[]) WITH ORDINALITY AS m(id, n), generate_series(0, $3::int - 1) AS d`,
      [ids, today, DAYS],
    );
    await pool.query(
      `INSERT INTO recovery_clocks (user_id, label, kind, started_at)
       SELECT m::uuid, 'Alcohol', 'abstinence', now() - (n * 9 || ' days')::interval FROM unnest($1::text[]) WITH ORDINALITY AS t(m, n)`,
      [ids],
    );
    // A BARC-10 every ~90 days (8 each); every fifth client's latest dropped by 6.
    await pool.query(
      `INSERT INTO assessments (user_id, instrument, answers, total, taken_at)
       SELECT m::uuid, 'barc10', array_fill(CASE WHEN k = 0 AND n % 5 = 0 THEN 4 ELSE 5 END::smallint, ARRAY[10]) ||
         '{}'::smallint[], CASE WHEN k = 0 AND n % 5 = 0 THEN 40 ELSE 50 END, now() - (k * 90 + 1 || ' days')::interval
       FROM unnest($1::text[]) WITH ORDINALITY AS t(m, n), generate_series(0, 7) AS k`,
      [ids],
    );
    await pool.query(
      `INSERT INTO coaching_sessions (relationship_id, coach_id, member_id, scheduled_at, duration_minutes, contact_type, status)
       SELECT r.id, r.coach_id, r.member_id, now() + (k * 7 - 21 || ' days')::interval + (row_number() over () || ' minutes')::interval,
              45, 'phone', CASE WHEN k < 3 THEN 'completed' ELSE 'scheduled' END
       FROM coaching_relationships r, generate_series(0, 5) AS k WHERE r.coach_id = $1`,
      [coach.id],
    );
    await pool.query(
      `INSERT INTO referrals (relationship_id, coach_id, member_id, service, status)
       SELECT r.id, r.coach_id, r.member_id, 'Housing support', CASE WHEN k = 0 THEN 'open' ELSE 'closed' END
       FROM coaching_relationships r, generate_series(0, 2) AS k WHERE r.coach_id = $1`,
      [coach.id],
    );
    await pool.query(`INSERT INTO sos_events (user_id) SELECT m::uuid FROM unnest($1::text[]) AS m LIMIT 2`, [ids]);
    await pool.query('VACUUM ANALYZE');
    const [{ count = '0' } = {}] = (await pool.query<{ count: string }>('SELECT count(*) FROM checkins')).rows;
    bench.log(`seeded 1 coach, ${CLIENTS} clients, ${count} check-ins`);

    const headers = sessions.get(coach.id) ?? {};
    // The answer must be right before its speed means anything.
    const check = await fetch(`${kinship.url}/api/caseload`, { headers });
    const body = (await check.json()) as {
      clients?: {
        checkins?: { currentStreak: number; streakCapped: boolean } | null;
        clock?: unknown;
        flags?: { rule: string }[] | null;
        nextSession?: unknown;
      }[];
    };
    const first = body.clients?.[0];
    const capped = body.clients?.filter((c) => c.checkins?.streakCapped && c.checkins.currentStreak === 90).length;
    if (
      check.status !== 200 ||
      body.clients?.length !== CLIENTS ||
      !first?.clock ||
      !first.nextSession ||
      first.flags?.[0]?.rule !== 'sos' ||
      capped !== CLIENTS
    ) {
      throw new Error(`the caseload looks wrong: HTTP ${check.status} ${JSON.stringify(body).slice(0, 400)}`);
    }

    // 1, 4 and 10 at once, each against the baseline in the same run (A B B A); the load average is
    // recorded because the figures mean little on a machine busy with other work.
    const atOnce = (connections: number) => ({ ...bench, settings: { ...bench.settings, connections } });
    const target = (connections: number) => ({ label: `caseload, ${connections} at once`, url: `${kinship.url}/api/caseload`, headers });
    const baselineTarget = (connections: number) => ({
      label: `own profile, ${connections} at once`,
      url: `${kinship.url}/api/me/profile`,
      headers,
    });
    const [loadBefore = 0] = loadavg();
    const figures: Record<string, number> = {};
    let main: Awaited<ReturnType<typeof compareLoad>> | null = null;
    for (const connections of LEVELS) {
      const compared = await compareLoad(atOnce(connections), target(connections), baselineTarget(connections));
      if (connections === CONNECTIONS) main = compared;
      else {
        const { real, baseline } = compared;
        Object.assign(figures, {
          [`c${connections}_rps`]: real.rps,
          [`c${connections}_p50_ms`]: real.p50_ms,
          [`c${connections}_p95_ms`]: real.p95_ms,
          [`c${connections}_p99_ms`]: real.p99_ms,
          [`c${connections}_baseline_p50_ms`]: baseline.p50_ms,
          [`c${connections}_baseline_p95_ms`]: baseline.p95_ms,
        });
      }
    }
    if (!main) throw new Error("no run at the goal's connections");
    const [loadAfter = 0] = loadavg();
    // Coalescing (decision 006): a dashboard refreshed for minutes logs each client's scopes once.
    const [{ rows: logRows = '0' } = {}] = (await pool.query<{ rows: string }>('SELECT count(*) AS rows FROM access_log')).rows;
    const { real, baseline, ratio } = main;
    bench.report({
      scenario: 'caseload',
      rps: real.rps,
      p50_ms: real.p50_ms,
      p95_ms: real.p95_ms,
      p99_ms: real.p99_ms,
      baseline_rps: baseline.rps,
      baseline_p50_ms: baseline.p50_ms,
      baseline_p95_ms: baseline.p95_ms,
      baseline_p99_ms: baseline.p99_ms,
      ratio,
      goal_p95_ms: 50,
      connections: CONNECTIONS,
      ...figures,
      requests: real.requests,
      access_log_rows: Number(logRows),
      clients: CLIENTS,
      checkins_per_client: Math.round(Number(count) / CLIENTS),
      cpus: availableParallelism(),
      loadavg_1m_before: Math.round(loadBefore * 100) / 100,
      loadavg_1m_after: Math.round(loadAfter * 100) / 100,
    });
  },
};
