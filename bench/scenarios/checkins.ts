import { availableParallelism } from 'node:os';
import { todayIn } from '../../server/lib/dates.ts';
import { resetDatabase, seedPool } from '../lib/database.ts';
import { compareLoad } from '../lib/load.ts';
import { insertPeople, insertSessions, setUpOrganization } from '../lib/seed.ts';
import { type RunningServer, startKinship, startNodeServer } from '../lib/servers.ts';
import type { Scenario } from '../lib/types.ts';

/** One connection per member: 200 members checking in at once, each editing their own day. */
const MEMBERS = 200;
const ZONE = 'America/Chicago'; // the zone insertPeople gives everyone
const BODY = JSON.stringify({
  mood: 4,
  craving: 3,
  sleepHours: 7.5,
  used: 'no',
  gratitude: 'Coffee with my sponsor',
  note: 'Went to the evening meeting and stayed for the fellowship after.',
});

async function checkTargets(
  kinship: RunningServer,
  baseline: RunningServer,
  path: string,
  headers: Record<string, string>,
  userId: string,
) {
  for (const [server, extra] of [
    [kinship, headers],
    [baseline, { 'x-user-id': userId }],
  ] as const) {
    const response = await fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...extra },
      body: BODY,
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`${server.name} PUT ${path}: HTTP ${response.status} ${await response.text()}`);
    }
  }
}

export const checkinsScenario: Scenario = {
  name: 'checkins',
  summary: `Check-in PUT by ${MEMBERS} members at once (one connection each, PostgreSQL) vs a bare Fastify route running the same upsert`,
  async run(bench) {
    bench.log('resetting the bench database');
    await resetDatabase(bench.databaseUrl);
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    const pool = seedPool(bench, bench.databaseUrl);
    await setUpOrganization(kinship.url);
    const members = await insertPeople(pool, { count: MEMBERS, prefix: 'checkin' });
    const sessions = await insertSessions(pool, members);
    const baseline = await startNodeServer(bench, {
      name: 'checkins-baseline',
      script: 'bench/baselines/checkins-baseline.ts',
      env: { DATABASE_URL: bench.databaseUrl },
      healthPath: '/api/health',
    });

    const path = `/api/me/checkins/${todayIn(ZONE)}`;
    const first = members[0];
    if (!first) throw new Error('no members seeded');
    await checkTargets(kinship, baseline, path, sessions.get(first.id) ?? {}, first.id);
    bench.log(`seeded ${MEMBERS} members with sessions; PUT ${path}`);

    // Each connection is one member; the counter keeps handing out members across warm-up and halves.
    const perConnection = (headersOf: (id: string) => Record<string, string>) => {
      let next = 0;
      return (client: { setHeaders(headers: Record<string, string>): void }) => {
        const member = members[next++ % members.length] as (typeof members)[number];
        client.setHeaders({ 'content-type': 'application/json', ...headersOf(member.id) });
      };
    };
    const settings = { ...bench.settings, connections: MEMBERS };
    // Online check-ins carry no key; offline replays do (a fresh one per request here: first sends, not replays).
    const variants: { scenario: string; extra: Record<string, string> }[] = [
      { scenario: 'checkins.put', extra: {} },
      { scenario: 'checkins.put_idempotent', extra: { 'idempotency-key': 'bench-[<id>]' } },
    ];
    for (const variant of variants) {
      bench.log(`${variant.scenario}: PUT ${path}`);
      const {
        real,
        baseline: bare,
        ratio,
      } = await compareLoad(
        { ...bench, settings },
        {
          label: 'kinship',
          url: `${kinship.url}${path}`,
          method: 'PUT',
          body: BODY,
          idReplacement: Object.keys(variant.extra).length > 0,
          setupClient: perConnection((id) => ({ ...(sessions.get(id) ?? {}), ...variant.extra })),
        },
        {
          label: 'baseline',
          url: `${baseline.url}${path}`,
          method: 'PUT',
          body: BODY,
          setupClient: perConnection((id) => ({ 'x-user-id': id })),
        },
      );
      const [{ rows = '0' } = {}] = (await pool.query<{ rows: string }>('SELECT count(*) AS rows FROM checkins')).rows;
      if (Number(rows) !== MEMBERS) throw new Error(`expected one check-in per member (${MEMBERS}), found ${rows}`);
      bench.report({
        scenario: variant.scenario,
        rps: real.rps,
        baseline_rps: bare.rps,
        ratio,
        p50_ms: real.p50_ms,
        p95_ms: real.p95_ms,
        p99_ms: real.p99_ms,
        baseline_p50_ms: bare.p50_ms,
        baseline_p99_ms: bare.p99_ms,
        connections: MEMBERS,
        cpus: availableParallelism(),
        rss_mb: kinship.rssMb() ?? undefined,
      });
    }
  },
};
