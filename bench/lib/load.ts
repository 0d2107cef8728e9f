import autocannon from 'autocannon';
import type { BenchContext } from './types.ts';

export interface LoadTarget {
  /** For progress lines. */
  label: string;
  url: string;
  headers?: Record<string, string>;
}

export interface LoadFigures {
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  requests: number;
  seconds: number;
}

export const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

function runAutocannon(target: LoadTarget, connections: number, seconds: number, onLatency?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: target.url, headers: target.headers, connections, duration: seconds, pipelining: 1, timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) instance.on('response', (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}

function failures(result: autocannon.Result): string | null {
  const problems: string[] = [];
  if (result.errors) problems.push(`${result.errors} connection errors`);
  if (result.timeouts) problems.push(`${result.timeouts} timeouts`);
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodeStats)})`);
  return problems.length ? problems.join(', ') : null;
}

/**
 * Warms a target up, then measures it: requests per second of 2xx answers and latency percentiles
 * computed from every response (not autocannon's whole-millisecond histogram). Any error, timeout
 * or non-2xx answer fails the measurement: a fast 401 is not a result.
 */
export async function measureLoad(bench: BenchContext, target: LoadTarget): Promise<LoadFigures> {
  const { connections, warmupSeconds, seconds } = bench.settings;
  bench.log(`  ${target.label}: warm-up ${warmupSeconds} s`);
  const warmup = await runAutocannon(target, connections, warmupSeconds);
  const warmupProblem = failures(warmup);
  if (warmupProblem) throw new Error(`${target.label} (warm-up): ${warmupProblem}`);

  bench.log(`  ${target.label}: ${seconds} s at ${connections} connections`);
  const latencies: number[] = [];
  const result = await runAutocannon(target, connections, seconds, (ms) => latencies.push(ms));
  const problem = failures(result);
  if (problem) throw new Error(`${target.label}: ${problem}`);
  const sorted = Float64Array.from(latencies).sort();
  const elapsed = result.duration > 0 ? result.duration : seconds;
  const figures = {
    rps: round(result['2xx'] / elapsed, 1),
    p50_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    p99_ms: round(percentile(sorted, 0.99)),
    requests: result['2xx'],
    seconds: round(elapsed),
  };
  bench.log(`  ${target.label}: ${figures.rps} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms`);
  return figures;
}
