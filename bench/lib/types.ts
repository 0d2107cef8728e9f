import type { Settings } from './settings.ts';

/** One JSON line on stdout. Keys follow docs/ENGINEERING.md ("Benchmarks"); a scenario sets only the figures that apply. */
export interface BenchResult {
  scenario: string;
  rps?: number;
  baseline_rps?: number;
  ratio?: number;
  p50_ms?: number;
  p95_ms?: number;
  p99_ms?: number;
  seconds?: number;
  rss_mb?: number;
  /** Extra figures a scenario finds worth printing (baseline latencies, RSS on each database…). */
  [figure: string]: string | number | boolean | null | undefined;
}

/** What the runner hands each scenario. */
export interface BenchContext {
  /** PostgreSQL database the scenario owns for this run: reset it before seeding (lib/database.ts). */
  databaseUrl: string;
  settings: Settings;
  /** Progress for people: goes to stderr. */
  log(message: string): void;
  /** Prints one result line on stdout at once. */
  report(result: BenchResult): void;
  /** Runs when the scenario ends, however it ends, newest first (stop servers, close pools). */
  defer(cleanup: () => Promise<void> | void): void;
}

/** A benchmark scenario: one file in bench/scenarios/, registered in bench/scenarios/index.ts. */
export interface Scenario {
  /** The name issues use (`npm run bench -- <name>`). */
  name: string;
  summary: string;
  run(bench: BenchContext): Promise<void>;
}
