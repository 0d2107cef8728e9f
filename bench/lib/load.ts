import autocannon from 'autocannon';
import type { BenchContext } from './types.ts';

export interface LoadTarget {
  /** For progress lines. */
  label: string;
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: string;
  /** Called once per connection: lets each connection act as a different person (its own cookie). */
  setupClient?: (client: autocannon.Client) => void;
  /** Replace `[<id>]` in each request (headers included) with a fresh unique id. */
  idReplacement?: boolean;
  /** Paths (with query) taken in turn, one per request, instead of the URL's own: a mix of queries. */
  paths?: readonly string[];
}

/** autocannon's `requests` option cycling through `paths`, shared by every connection. */
function cyclingRequests(paths: readonly string[]) {
  let next = 0;
  return [
    {
      setupRequest: (request: autocannon.Request) => {
        const path = paths[next % paths.length] as string;
        next += 1;
        return { ...request, path };
      },
    },
  ];
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

/** What one or more autocannon runs of the same target add up to. */
interface Sample {
  ok: number;
  seconds: number;
  latencies: number[];
}

/**
 * One autocannon run. Any connection error, timeout or non-2xx answer fails it: a fast 401 is not a
 * result. Latencies come from every response (autocannon's own histogram has whole milliseconds only).
 */
function runOnce(target: LoadTarget, connections: number, seconds: number, sample?: Sample): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        headers: target.headers,
        // Only when set: an explicit undefined would replace autocannon's defaults (GET).
        ...(target.method ? { method: target.method } : {}),
        ...(target.body !== undefined ? { body: target.body } : {}),
        ...(target.setupClient ? { setupClient: target.setupClient } : {}),
        ...(target.idReplacement ? { idReplacement: true } : {}),
        ...(target.paths ? { requests: cyclingRequests(target.paths) } : {}),
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        const problems: string[] = [];
        if (result.errors) problems.push(`${result.errors} connection errors`);
        if (result.timeouts) problems.push(`${result.timeouts} timeouts`);
        if (result.non2xx) problems.push(`${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodeStats)})`);
        if (problems.length) return reject(new Error(`${target.label} ${target.url}: ${problems.join(', ')}`));
        if (sample) {
          sample.ok += result['2xx'];
          sample.seconds += result.duration > 0 ? result.duration : seconds;
        }
        resolve();
      },
    );
    if (sample) instance.on('response', (_client, _status, _bytes, responseTime) => sample.latencies.push(responseTime));
  });
}

function figures(sample: Sample): LoadFigures {
  const sorted = Float64Array.from(sample.latencies).sort();
  return {
    rps: round(sample.ok / sample.seconds, 1),
    p50_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    p99_ms: round(percentile(sorted, 0.99)),
    requests: sample.ok,
    seconds: round(sample.seconds),
  };
}

const describe = (f: LoadFigures) => `${f.rps} req/s, p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms`;

/** Warms one target up, then measures it for `settings.seconds`. */
export async function measureLoad(bench: BenchContext, target: LoadTarget): Promise<LoadFigures> {
  const { connections, warmupSeconds, seconds } = bench.settings;
  bench.log(`  ${target.label}: warm-up ${warmupSeconds} s, then ${seconds} s at ${connections} connections`);
  await runOnce(target, connections, warmupSeconds);
  const sample: Sample = { ok: 0, seconds: 0, latencies: [] };
  await runOnce(target, connections, seconds, sample);
  const result = figures(sample);
  bench.log(`  ${target.label}: ${describe(result)}`);
  return result;
}

export interface Comparison {
  real: LoadFigures;
  baseline: LoadFigures;
  /** real rps / baseline rps */
  ratio: number;
}

/**
 * Measures Kinship and its bare baseline one after the other, never at once. Each gets
 * `settings.seconds` in total, split into two halves run in the order A B B A, so a machine that gets
 * busier or quieter during the run (other work, CPU frequency) weighs on both alike.
 */
export async function compareLoad(bench: BenchContext, real: LoadTarget, baseline: LoadTarget): Promise<Comparison> {
  const { connections, warmupSeconds, seconds } = bench.settings;
  const half = seconds / 2;
  bench.log(`  warm-up ${warmupSeconds} s each, then ${seconds} s each (A B B A) at ${connections} connections`);
  await runOnce(real, connections, warmupSeconds);
  await runOnce(baseline, connections, warmupSeconds);
  const samples = new Map<LoadTarget, Sample>([
    [real, { ok: 0, seconds: 0, latencies: [] }],
    [baseline, { ok: 0, seconds: 0, latencies: [] }],
  ]);
  for (const target of [real, baseline, baseline, real]) await runOnce(target, connections, half, samples.get(target));
  const result = {
    real: figures(samples.get(real) as Sample),
    baseline: figures(samples.get(baseline) as Sample),
    ratio: 0,
  };
  result.ratio = round(result.real.rps / result.baseline.rps, 3);
  bench.log(`  ${real.label}: ${describe(result.real)}`);
  bench.log(`  ${baseline.label}: ${describe(result.baseline)}`);
  bench.log(`  ratio ${result.ratio}`);
  return result;
}
