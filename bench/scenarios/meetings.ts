import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/db/client.ts';
import { meetings } from '../../server/db/schema/meetings.ts';
import { commitImport, isImportError } from '../../server/features/meeting-sources/meeting-sources.public.ts';
import { meetingColumns, normalizeFeed } from '../../server/features/meetings/meetings.public.ts';
import { resetDatabase, seedPool } from '../lib/database.ts';
import { compareLoad, measureLoad, percentile, round } from '../lib/load.ts';
import { feedOf, realRecords, seedDirectory } from '../lib/meetings-data.ts';
import { buildClient, firstLoadWeight } from '../lib/page-weight.ts';
import { startKinship } from '../lib/servers.ts';
import type { BenchContext, Scenario } from '../lib/types.ts';

const DIRECTORY = 100_000;
const FINDER_CONNECTIONS = 50;
const IMPORT_FEED = 2_000;
const ZONES = ['America/Los_Angeles', 'America/Chicago', 'America/Edmonton', 'America/New_York', 'Europe/London'];

/** A seeded pseudo-random sequence, so every run asks the same questions. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * 500 finder questions as people ask them: near a place where meetings are (a real meeting's
 * coordinates), now / soon / later today / any time, some with a mode, a type, a language or a
 * fellowship, in a handful of viewer zones.
 */
export function finderQuestions(): string[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const places = realRecords()
    .map((r) => [Number(r.latitude), Number(r.longitude)] as const)
    .filter(([lat, lng]) => Number.isFinite(lat) && Number.isFinite(lng) && lat !== 0);
  return Array.from({ length: 500 }, () => {
    const q = new URLSearchParams({ tz: pick(ZONES) });
    const when = pick(['now', 'soon', 'soon', 'today', 'today', 'any', 'any']);
    if (when !== 'any') q.set('when', when);
    if (next() < 0.7) {
      const [lat, lng] = pick(places);
      q.set('near', `${lat.toFixed(4)},${lng.toFixed(4)}`);
      q.set('radiusKm', String(pick([5, 10, 25, 25, 50])));
    }
    if (next() < 0.3) q.set('mode', pick(['in_person', 'online', 'hybrid', 'in_person,hybrid']));
    if (next() < 0.15) q.set('types', pick(['O', 'C', 'W', 'B', 'D']));
    if (next() < 0.1) q.set('language', 'es');
    if (next() < 0.1) q.set('access', 'X');
    return `/api/meetings?${q}`;
  });
}

/** Server-Timing of sequential probe requests while `measureLoad` keeps the server busy. */
async function probeServerTime(bench: BenchContext, url: string, paths: readonly string[]) {
  let running = true;
  const times: number[] = [];
  const probe = (async () => {
    for (let i = 0; running; i += 1) {
      const response = await fetch(`${url}${paths[(i * 7) % paths.length]}`);
      await response.arrayBuffer();
      const match = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
      if (response.status !== 200 || !match) throw new Error(`probe: HTTP ${response.status}`);
      times.push(Number(match[1]));
    }
  })();
  await measureLoad(bench, { label: 'finder under load, with a probe', url: `${url}/api/meetings?tz=UTC`, paths });
  running = false;
  await probe;
  const sorted = Float64Array.from(times).sort();
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    count: times.length,
  };
}

export const finder: Scenario = {
  name: 'finder',
  summary: `GET /api/meetings over ${DIRECTORY.toLocaleString('en')} meetings synthesized from the real feeds, 500 different questions, ${FINDER_CONNECTIONS} at once, PostgreSQL; baseline GET /api/health`,
  async run(bench) {
    await resetDatabase(bench.databaseUrl);
    buildClient();
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl }, { RATE_LIMIT_MULTIPLIER: '100000' });
    const pool = seedPool(bench, bench.databaseUrl);
    const size = await seedDirectory(bench.databaseUrl, pool, DIRECTORY);
    bench.log(`seeded ${size} meetings`);
    const questions = finderQuestions();
    // The answers must be right before their speed means anything; the first also loads the directory.
    const firstLoad = performance.now();
    let found = 0;
    for (const path of questions.slice(0, 50)) {
      const response = await fetch(`${kinship.url}${path}`);
      const body = (await response.json()) as { items?: unknown[] };
      if (response.status !== 200 || !Array.isArray(body.items)) throw new Error(`${path}: HTTP ${response.status}`);
      found += body.items.length;
    }
    const warm = round(performance.now() - firstLoad);
    if (found < 200) throw new Error(`the finder found only ${found} meetings for 50 questions`);
    const [loadBefore = 0] = loadavg();
    const settings = { ...bench.settings, connections: FINDER_CONNECTIONS };
    const { real, baseline, ratio } = await compareLoad(
      { ...bench, settings },
      { label: 'finder', url: `${kinship.url}/api/meetings?tz=UTC`, paths: questions },
      { label: 'health', url: `${kinship.url}/api/health` },
    );
    // The server's own time (its Server-Timing header) for a probe asking the same questions one at a
    // time while the 50 connections keep the server busy: what a request costs inside the server,
    // apart from waiting in the load generator's and the kernel's queues on a 2-core machine.
    const probed = await probeServerTime({ ...bench, settings }, kinship.url, questions);
    const [loadAfter = 0] = loadavg();
    const weight = await firstLoadWeight(`${kinship.url}/meetings`);
    bench.log(`  first load of /meetings: ${weight.js_css_kb_gzip} kB of JS and CSS gzipped in ${weight.files} files`);
    bench.report({
      scenario: 'finder',
      rps: real.rps,
      p50_ms: real.p50_ms,
      p95_ms: real.p95_ms,
      p99_ms: real.p99_ms,
      baseline_rps: baseline.rps,
      baseline_p50_ms: baseline.p50_ms,
      baseline_p95_ms: baseline.p95_ms,
      ratio,
      goal_p95_ms: 15,
      server_p50_ms: probed.p50,
      server_p95_ms: probed.p95,
      server_p99_ms: probed.p99,
      server_probes: probed.count,
      connections: FINDER_CONNECTIONS,
      meetings: size,
      questions: questions.length,
      first_50_questions_ms_incl_directory_load: warm,
      rss_mb: kinship.rssMb() ?? undefined,
      first_load_js_css_kb_gzip: weight.js_css_kb_gzip,
      first_load_js_css_kb: weight.js_css_kb,
      first_load_files: weight.files,
      cpus: availableParallelism(),
      loadavg_1m_before: round(loadBefore),
      loadavg_1m_after: round(loadAfter),
    });
  },
};

export const importScenario: Scenario = {
  name: 'import',
  summary: `import a ${IMPORT_FEED.toLocaleString('en')}-meeting feed drawn from the real ones into PostgreSQL (normalize, compare, write in one transaction), then the same feed again; baseline: a bare multi-row INSERT of the same rows`,
  async run(bench) {
    await resetDatabase(bench.databaseUrl);
    // Migrates the bench database, then stops: the import runs in this process, as `npm run import:meetings` does.
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    await kinship.stop();
    const text = JSON.stringify(feedOf(IMPORT_FEED));
    const database = await openDatabase({ databaseUrl: bench.databaseUrl, poolMax: 2 });
    bench.defer(() => database.close());
    const timed = async () => {
      const started = performance.now();
      const result = await commitImport({ db: database.db, sourceId: null, raw: text, defaultTimezone: 'America/Los_Angeles' });
      if (isImportError(result)) throw new Error(result.error);
      return { seconds: (performance.now() - started) / 1000, result };
    };
    const first = await timed();
    if (first.result.add.length + first.result.rejected.length < IMPORT_FEED - 50) throw new Error('the import added too little');
    const again = await timed();
    if (again.result.add.length + again.result.change.length + again.result.remove.length !== 0)
      throw new Error('the same feed changed something');
    // Baseline: the same accepted rows written by one plain INSERT per 250, nothing compared or checked.
    const report = normalizeFeed(JSON.parse(text), { defaultTimezone: 'America/Los_Angeles' });
    if ('error' in report) throw new Error(report.error);
    await database.db.delete(meetings);
    const started = performance.now();
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < report.accepted.length; i += 250) {
        await tx.insert(meetings).values(report.accepted.slice(i, i + 250).map((m) => ({ ...meetingColumns(m), sourceId: null })));
      }
    });
    const baselineSeconds = (performance.now() - started) / 1000;
    bench.report({
      scenario: 'import',
      seconds: round(first.seconds, 3),
      goal_seconds: 5,
      again_seconds: round(again.seconds, 3),
      baseline_seconds: round(baselineSeconds, 3),
      ratio: round(baselineSeconds / first.seconds, 3),
      records: IMPORT_FEED,
      accepted: first.result.accepted,
      normalized: first.result.normalized,
      rejected: first.result.rejected.length,
      cpus: availableParallelism(),
    });
  },
};

export const exportScenario: Scenario = {
  name: 'export',
  summary: `GET /api/meetings/feed.json of ${DIRECTORY.toLocaleString('en')} meetings, streamed over HTTP from PostgreSQL (median of 5); baseline: the same rows read by a bare SELECT`,
  async run(bench) {
    await resetDatabase(bench.databaseUrl);
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl }, { RATE_LIMIT_MULTIPLIER: '100000' });
    const pool = seedPool(bench, bench.databaseUrl);
    const size = await seedDirectory(bench.databaseUrl, pool, DIRECTORY);
    const runs: { seconds: number; firstByte: number; bytes: number; records: number }[] = [];
    const baselines: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const response = await fetch(`${kinship.url}/api/meetings/feed.json`);
      const reader = response.body?.getReader();
      if (!reader || response.status !== 200) throw new Error(`feed.json: HTTP ${response.status}`);
      let firstByte = 0;
      const parts: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!firstByte) firstByte = performance.now() - started;
        parts.push(value);
      }
      const seconds = (performance.now() - started) / 1000;
      const text = Buffer.concat(parts).toString('utf8');
      runs.push({ seconds, firstByte, bytes: text.length, records: (JSON.parse(text) as unknown[]).length });
      const baselineStart = performance.now();
      await pool.query('SELECT * FROM meetings WHERE source_id IS NULL');
      baselines.push((performance.now() - baselineStart) / 1000);
    }
    const median = <T>(items: T[], key: (item: T) => number) =>
      [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)] as T;
    const mid = median(runs, (r) => r.seconds);
    if (mid.records !== size) throw new Error(`the export has ${mid.records} meetings, the directory ${size}`);
    const baselineSeconds = median(baselines, (s) => s);
    bench.report({
      scenario: 'export',
      seconds: round(mid.seconds, 3),
      goal_seconds: 2,
      first_byte_ms: round(mid.firstByte),
      baseline_seconds: round(baselineSeconds, 3),
      ratio: round(baselineSeconds / mid.seconds, 3),
      meetings: mid.records,
      megabytes: round(mid.bytes / 1e6),
      cpus: availableParallelism(),
    });
  },
};
