import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Child, rssMb, sleep, spawnChild } from './processes.ts';
import type { BenchContext } from './types.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HEALTH_TIMEOUT_MS = 60_000;

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  rssMb(): number | null;
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/** Polls `url` until it answers 200, the child dies, or the time runs out. */
async function waitUntilAnswering(name: string, child: Child, url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exited()) throw new Error(`${name} exited while starting:\n${child.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(`${name} did not answer ${url} within ${HEALTH_TIMEOUT_MS / 1000} s (${lastError}):\n${child.output()}`);
}

/** Starts a Node script of this repository as a child process and waits for `healthPath` to answer. */
export async function startNodeServer(
  bench: BenchContext,
  options: { name: string; script: string; env: Record<string, string>; healthPath: string; port?: number },
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' };
  const child = spawnChild(options.name, process.execPath, [options.script], { cwd: ROOT, env, verbose: bench.settings.verbose });
  bench.defer(() => child.stop());
  await waitUntilAnswering(options.name, child, `${url}${options.healthPath}`);
  return {
    name: options.name,
    url,
    pid: child.pid,
    rssMb: () => rssMb(child.pid),
    peakRssMb: () => rssMb(child.pid, 'VmHWM'),
    stop: () => child.stop(),
  };
}

/**
 * The real Kinship server (`node server/main.ts`), configured as an operator would: on PostgreSQL with
 * `databaseUrl`, otherwise on PGlite in `dataDir`. It migrates its database as it starts.
 */
export async function startKinship(
  bench: BenchContext,
  database: { databaseUrl: string } | { dataDir: string },
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    // Measures HTTP alone: a reminder sweep landing mid-run would add noise (a scenario may pass JOBS=on).
    JOBS: 'off',
    DATABASE_URL: 'databaseUrl' in database ? database.databaseUrl : '',
    ...('dataDir' in database ? { KINSHIP_DATA_DIR: database.dataDir } : {}),
    ...extraEnv,
  };
  const kind = 'databaseUrl' in database ? 'postgres' : 'pglite';
  return startNodeServer(bench, { name: `kinship(${kind})`, script: 'server/main.ts', env, healthPath: '/api/health', port });
}
