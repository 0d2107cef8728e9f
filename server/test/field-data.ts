import { existsSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The real public data from the field (meeting feeds, HSDS examples) that tests read in place and
 * never copy: `../shared/data` beside the project, or wherever FIELD_DATA_DIR points (a clone kept
 * somewhere else). Missing data is an error, not a skip, so a test can never pass by reading nothing.
 */
export function fieldDataDir(): string {
  const candidates = [process.env.FIELD_DATA_DIR, path.resolve(PROJECT_ROOT, '../shared/data'), '/work/shared/data'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => existsSync(path.join(candidate, 'meeting-guide')));
  if (!found) throw new Error(`Field test data not found (looked in ${candidates.join(', ')}); set FIELD_DATA_DIR`);
  return found;
}

/** A real Meeting Guide feed by file name, e.g. `kc.test.json`. */
export function meetingGuideFeed(file = ''): string {
  return path.join(fieldDataDir(), 'meeting-guide', file);
}
