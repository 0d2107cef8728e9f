import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { LIMITS } from '../../shared/limits.ts';
import { resetDatabase, seedPool } from '../lib/database.ts';
import type { HttpClient } from '../lib/http-client.ts';
import { compareLoad } from '../lib/load.ts';
import { sleep } from '../lib/processes.ts';
import { insertPeople, type SeededPerson, setUpOrganization, signedIn } from '../lib/seed.ts';
import { type RunningServer, startKinship, startNodeServer } from '../lib/servers.ts';
import type { BenchContext, Scenario } from '../lib/types.ts';

const MEMBERS = 300;
const READERS = 20;
/** Readers who also read the member's profile for real, over HTTP, through the consent policy. */
const LIVE_READERS = 5;
const LIVE_READS_EACH = 20;
const BULK_LOG_ROWS = 3_000;
const OTHER_LOG_ROWS_EACH = 20;
const IDLE_MS = 3_000;
const PURPOSE = 'Peer coaching (bench)';

const ENDPOINTS = [
  { scenario: 'reads.profile', path: '/api/me/profile' },
  { scenario: 'reads.access_log', path: '/api/me/access-log' },
] as const;

/** Starts Kinship on PGlite in a throwaway directory, lets it idle, and reads its RSS. */
async function idleRssOnPglite(bench: BenchContext): Promise<number | null> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kinship-bench-'));
  try {
    bench.log('idle RSS: starting Kinship on PGlite');
    const server = await startKinship(bench, { dataDir });
    await sleep(IDLE_MS);
    const rss = server.rssMb();
    await server.stop();
    return rss;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The member being read has a few thousand access-log rows: most inserted in bulk, the newest written
 * by real reads of their profile by people they granted `profile` to.
 */
async function seed(bench: BenchContext, server: RunningServer): Promise<{ member: SeededPerson; memberClient: HttpClient }> {
  const pool = seedPool(bench, bench.databaseUrl);
  await setUpOrganization(server.url);
  const people = await insertPeople(pool, { count: MEMBERS, prefix: 'member' });
  const [member, ...others] = people;
  if (!member) throw new Error('no members seeded');
  const readers = others.slice(0, READERS);
  const memberClient = await signedIn(server.url, member.email);

  const grantIds: string[] = [];
  for (const reader of readers) {
    const grant = await memberClient.expect<{ id: string }>('POST', '/api/me/grants', 201, {
      granteeId: reader.id,
      scopes: ['profile', 'checkins.summary'],
      purpose: PURPOSE,
    });
    grantIds.push(grant.id);
  }

  await pool.query(
    `INSERT INTO access_log (at, actor_id, subject_id, scope, purpose, grant_id)
     SELECT now() - make_interval(mins => $4 - i), (r.ids)[1 + i % r.n]::uuid, $1::uuid, 'profile', $5, (r.grants)[1 + i % r.n]::uuid
     FROM generate_series(1, $4::int) AS i, (SELECT $2::text[] AS ids, $3::text[] AS grants, cardinality($2::text[]) AS n) AS r`,
    [member.id, readers.map((r) => r.id), grantIds, BULK_LOG_ROWS, PURPOSE],
  );
  // Everyone else has a little history too, so the index is not all one person's.
  await pool.query(
    `INSERT INTO access_log (at, actor_id, subject_id, scope, purpose)
     SELECT now() - make_interval(mins => i), $1::uuid, s.id::uuid, 'profile', $3
     FROM unnest($2::text[]) AS s(id), generate_series(1, $4::int) AS i`,
    [member.id, others.map((p) => p.id), PURPOSE, OTHER_LOG_ROWS_EACH],
  );

  for (const reader of readers.slice(0, LIVE_READERS)) {
    const client = await signedIn(server.url, reader.email);
    for (let i = 0; i < LIVE_READS_EACH; i++) await client.expect('GET', `/api/people/${member.id}/profile`, 200);
  }
  await pool.query('ANALYZE');
  const [{ count } = { count: '0' }] = (
    await pool.query<{ count: string }>('SELECT count(*) FROM access_log WHERE subject_id = $1', [member.id])
  ).rows;
  bench.log(`seeded ${MEMBERS} members, ${READERS} grants, ${count} access-log rows for the member being read`);
  return { member, memberClient };
}

/** Both servers must give the same person's data before their speed is compared. */
async function checkTargets(kinship: RunningServer, baseline: RunningServer, cookie: string, memberId: string) {
  for (const { path: route } of ENDPOINTS) {
    const [real, bare] = await Promise.all(
      [kinship, baseline].map(async (server) => {
        const response = await fetch(`${server.url}${route}`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`${server.name} ${route}: HTTP ${response.status} ${await response.text()}`);
        return (await response.json()) as { id?: string; user_id?: string; entries?: unknown[] };
      }),
    );
    if (route === '/api/me/profile' && (real?.id !== memberId || bare?.user_id !== memberId)) {
      throw new Error(`${route}: the two servers did not return the seeded member`);
    }
    if (route === '/api/me/access-log' && (real?.entries?.length !== LIMITS.pageSize || bare?.entries?.length !== LIMITS.pageSize)) {
      throw new Error(`${route}: expected a full page of ${LIMITS.pageSize} entries from both servers`);
    }
  }
}

export const reads: Scenario = {
  name: 'reads',
  summary: 'Own profile and own access log, signed in, vs a bare Fastify route running the same SQL; idle RSS on PGlite and PostgreSQL',
  async run(bench) {
    const rssPglite = await idleRssOnPglite(bench);

    bench.log('resetting the bench database');
    await resetDatabase(bench.databaseUrl);
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    await sleep(IDLE_MS);
    const rssPostgres = kinship.rssMb();

    const { member, memberClient } = await seed(bench, kinship);
    const baseline = await startNodeServer(bench, {
      name: 'reads-baseline',
      script: 'bench/baselines/reads-baseline.ts',
      env: { DATABASE_URL: bench.databaseUrl, BENCH_USER_ID: member.id },
      healthPath: '/api/health',
    });
    const baselineIdleRss = baseline.rssMb();
    const cookie = memberClient.cookieHeader();
    await checkTargets(kinship, baseline, cookie, member.id);

    for (const endpoint of ENDPOINTS) {
      bench.log(`${endpoint.scenario}: GET ${endpoint.path}`);
      const {
        real,
        baseline: bare,
        ratio,
      } = await compareLoad(
        bench,
        { label: 'kinship', url: `${kinship.url}${endpoint.path}`, headers: { cookie } },
        { label: 'baseline', url: `${baseline.url}${endpoint.path}` },
      );
      bench.report({
        scenario: endpoint.scenario,
        rps: real.rps,
        baseline_rps: bare.rps,
        ratio,
        p50_ms: real.p50_ms,
        p95_ms: real.p95_ms,
        p99_ms: real.p99_ms,
        baseline_p50_ms: bare.p50_ms,
        baseline_p99_ms: bare.p99_ms,
        connections: bench.settings.connections,
        cpus: availableParallelism(),
      });
    }

    bench.report({
      scenario: 'reads.idle_rss',
      rss_mb_pglite: rssPglite,
      rss_mb_postgres: rssPostgres,
      baseline_rss_mb: baselineIdleRss,
      rss_mb_postgres_after_load: kinship.rssMb(),
      peak_rss_mb_postgres: kinship.peakRssMb(),
    });
  },
};
