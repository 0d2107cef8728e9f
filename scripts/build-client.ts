// Builds the web client into dist/client. With --if-stale it skips the build when nothing under
// client/, shared/, the Vite config or this build changed since the last build (so `npm start` stays
// quick). Every compressible file gets brotli and gzip copies beside it (precompress.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { precompress } from './precompress.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'client');
const stampFile = path.join(root, 'dist', '.client-sources-hash');
const inputs = ['client', 'shared', 'vite.config.ts', 'package-lock.json', 'scripts/build-client.ts', 'scripts/precompress.ts'];

function* files(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield full;
    return;
  }
  for (const name of readdirSync(full).sort()) yield* files(path.join(entry, name));
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(input)) hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

const ifStale = process.argv.includes('--if-stale');
const current = sourcesHash();
if (ifStale && existsSync(path.join(outDir, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) {
  console.log('web client is up to date');
} else {
  console.log('building the web client…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  const compressed = precompress(outDir);
  console.log(`compressed ${compressed} files (brotli and gzip)`);
  writeFileSync(stampFile, current);
  console.log('web client built into dist/client');
}
