/** Load settings shared by every scenario; the environment can shorten a run while a scenario is being written. */
export interface Settings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Forward the servers' own output to stderr. */
  verbose: boolean;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function loadSettings(): Settings {
  return {
    connections: Math.round(positive('BENCH_CONNECTIONS', 100)),
    warmupSeconds: positive('BENCH_WARMUP_SECONDS', 3),
    seconds: positive('BENCH_SECONDS', 10),
    verbose: process.env.BENCH_VERBOSE === '1',
  };
}

export const DEFAULT_DATABASE_URL = 'postgres://root@127.0.0.1/bench_kinship';
