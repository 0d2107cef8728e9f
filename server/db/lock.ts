import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirectoryLockedError extends Error {}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite's files are corrupted by two processes opening them, so the first process takes a lock
 * file and every later one fails at once. A lock left by a crashed process is taken over.
 */
const heldHere = new Set<string>();

export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'kinship.lock');
  if (heldHere.has(lockPath)) {
    throw new DataDirectoryLockedError(`The data directory ${dataDir} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(lockPath);
      return () => {
        heldHere.delete(lockPath);
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processIsAlive(holder)) {
        throw new DataDirectoryLockedError(
          `Another Kinship process (pid ${holder}) is using the data directory ${dataDir}. ` +
            'The embedded database supports one process only; stop the other one, or set DATABASE_URL ' +
            'to a PostgreSQL server to run several processes.',
        );
      }
      unlinkSync(lockPath);
    }
  }
  throw new DataDirectoryLockedError(`Could not lock the data directory ${dataDir}`);
}
