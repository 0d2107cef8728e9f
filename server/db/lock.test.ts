import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory } from './lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kinship-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `node server/main.ts` on a data directory and collects what it prints until it exits or is stopped. */
function runServer(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', KINSHIP_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

/** Waits for the server to answer; a cold embedded database with its migrations can take a minute on a busy machine. */
async function waitForHealth(port: number) {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not start');
}

describe('the embedded database lock', () => {
  it('refuses a second opener in the same process and frees the directory on release', () => {
    const dir = tempDir();
    const release = lockDataDirectory(dir);
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    release();
    lockDataDirectory(dir)();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    // pid 2^22 + 1 is above Linux's pid_max default range for a running process here.
    writeFileSync(path.join(dir, 'kinship.lock'), String(4_194_305));
    lockDataDirectory(dir)();
  });

  it('makes a second server on the same data directory fail at once with a clear message, and the first one keeps serving', {
    timeout: 180_000,
  }, async () => {
    const dir = tempDir();
    const first = runServer(dir, 3931);
    let second: ReturnType<typeof runServer> | undefined;
    try {
      await waitForHealth(3931);
      expect(first.output()).toContain('embedded database');
      second = runServer(dir, 3932);
      const started = Date.now();
      expect(await second.exited).toBe(1);
      // Without the lock the second would hang on the database until killed; with it, it stops as soon as it
      // has loaded, which on a busy two-core machine can itself take several seconds.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(second.output()).toMatch(/Another Kinship process \(pid \d+\) is using the data directory/);
      expect(second.output()).toContain('DATABASE_URL');
      expect((await fetch('http://127.0.0.1:3931/api/health')).status).toBe(200);
    } finally {
      second?.child.kill('SIGKILL');
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
