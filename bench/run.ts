// `npm run bench -- [scenario…]`: runs the named scenarios (all when none is named) against servers it
// starts itself on PostgreSQL, and prints one JSON line per result on stdout. Progress goes to stderr.
// See docs/ENGINEERING.md ("Benchmarks") and bench/README.md.
import { availableParallelism, loadavg } from 'node:os';
import { assertBenchDatabase } from './lib/database.ts';
import { installExitHandlers } from './lib/processes.ts';
import { DEFAULT_DATABASE_URL, loadSettings } from './lib/settings.ts';
import type { BenchContext, BenchResult, Scenario } from './lib/types.ts';
import { scenarios } from './scenarios/index.ts';

/** The time budget of one scenario (docs/ENGINEERING.md); going over is reported, not fatal. */
const SCENARIO_BUDGET_SECONDS = 120;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function usage() {
  log('usage: npm run bench -- [scenario…]   (no name: every scenario)');
  for (const scenario of scenarios) log(`  ${scenario.name.padEnd(10)} ${scenario.summary}`);
  log('environment: DATABASE_URL (default postgres://root@127.0.0.1/bench_kinship; dropped and re-created),');
  log('  BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (100), BENCH_VERBOSE=1 (server output)');
}

function chooseScenarios(names: string[]): Scenario[] | null {
  if (names.length === 0) return scenarios;
  const chosen: Scenario[] = [];
  for (const name of names) {
    const scenario = scenarios.find((s) => s.name === name);
    if (!scenario) {
      log(`unknown scenario "${name}"`);
      return null;
    }
    chosen.push(scenario);
  }
  return chosen;
}

async function runScenario(scenario: Scenario, databaseUrl: string): Promise<boolean> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const context: BenchContext = {
    databaseUrl,
    settings: loadSettings(),
    log: (message) => log(`[${scenario.name}] ${message}`),
    report: (result: BenchResult) => process.stdout.write(`${JSON.stringify(result)}\n`),
    defer: (cleanup) => cleanups.push(cleanup),
  };
  const started = performance.now();
  let ok = true;
  try {
    await scenario.run(context);
  } catch (error) {
    ok = false;
    log(`[${scenario.name}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`[${scenario.name}] cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log(`[${scenario.name}] ${ok ? 'done' : 'FAILED'} in ${seconds} s`);
  if (seconds > SCENARIO_BUDGET_SECONDS) log(`[${scenario.name}] over its ${SCENARIO_BUDGET_SECONDS} s budget`);
  return ok;
}

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  if (names.includes('--help') || names.includes('-h')) {
    usage();
    return 0;
  }
  const chosen = chooseScenarios(names);
  if (!chosen) {
    usage();
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  try {
    loadSettings();
    assertBenchDatabase(databaseUrl);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return 2;
  }
  installExitHandlers();
  const [busy = 0] = loadavg();
  if (busy > availableParallelism() / 2) {
    log(`the machine is busy (load average ${busy.toFixed(1)} on ${availableParallelism()} CPUs): figures will be noisy`);
  }
  let failures = 0;
  for (const scenario of chosen) {
    if (!(await runScenario(scenario, databaseUrl))) failures += 1;
  }
  return failures ? 1 : 0;
}

process.exitCode = await main();
