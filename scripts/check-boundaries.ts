import { globSync, readFileSync } from 'node:fs';
import { checkBoundaries } from './boundaries.ts';

/** `npm run check` step: every import boundary of docs/ARCHITECTURE.md holds, or the check fails naming each break. */
const paths = ['server', 'client', 'shared'].flatMap((root) => globSync(`${root}/**/*.{ts,tsx}`));
const violations = checkBoundaries(paths.map((path) => ({ path, source: readFileSync(path, 'utf8') })));
for (const { file, imports, rule } of violations) console.error(`${file} imports ${imports}: ${rule}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} import boundary violation(s); see docs/ARCHITECTURE.md, "Boundaries".`);
  process.exit(1);
}
console.log(`Import boundaries hold in ${paths.length} files.`);
