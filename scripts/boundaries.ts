import { posix } from 'node:path';

/**
 * The import boundaries of the code base (docs/ARCHITECTURE.md, "Boundaries"), as a pure function of
 * the files' paths and sources so it can be tested on made-up trees. scripts/check-boundaries.ts runs
 * it on the repository in `npm run check`.
 *
 * - A server feature imports another feature only through that feature's public entry,
 *   `server/features/<g>/<g>.public.ts`; the cores (server/lib, server/db, server/plugins and the
 *   top-level server files it needs: context, http, config) and shared/ freely. Only the registry
 *   (server/features/registry.ts) imports features' descriptors (`<g>.feature.ts`).
 * - The server cores never import a feature: features build on them, not the other way round.
 * - A client feature imports no other client feature and nothing of client/app; client/lib and
 *   client/components import no feature and nothing of client/app.
 * - shared/ is isomorphic: it imports neither server/ nor client/.
 * Tests and test fixtures may reach anywhere: setting up a scene takes other features' tables.
 */

export interface SourceFile {
  path: string;
  source: string;
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative module specifiers a source imports, resolved against its own path. */
export function importsOf(file: SourceFile): string[] {
  const found: string[] = [];
  for (const match of file.source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (!specifier?.startsWith('.')) continue;
    found.push(posix.normalize(posix.join(posix.dirname(file.path), specifier)));
  }
  return found;
}

const isTestSupport = (path: string) => /\.(test|fixtures)\.tsx?$/.test(path) || path.startsWith('server/test/') || path.startsWith('e2e/');

const serverFeature = (path: string) => /^server\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
const clientFeature = (path: string) => /^client\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
const SERVER_CORES = /^server\/(lib|db|plugins)\//;

function ruleBroken(from: string, to: string): string | null {
  if (from.startsWith('shared/') && (to.startsWith('server/') || to.startsWith('client/'))) {
    return 'shared/ is used by server and client alike: it imports neither';
  }
  const fromFeature = serverFeature(from);
  const toFeature = serverFeature(to);
  if (toFeature && from.startsWith('server/')) {
    if (SERVER_CORES.test(from)) return 'the server cores never import a feature';
    if (from === 'server/features/registry.ts') {
      return to === `server/features/${toFeature}/${toFeature}.feature.ts` ? null : 'the registry lists features’ descriptors only';
    }
    if (to.endsWith('.feature.ts') && to === `server/features/${toFeature}/${toFeature}.feature.ts` && fromFeature !== toFeature) {
      return 'only server/features/registry.ts imports a feature’s descriptor';
    }
    if (fromFeature !== toFeature && to !== `server/features/${toFeature}/${toFeature}.public.ts`) {
      return `import ${toFeature} through server/features/${toFeature}/${toFeature}.public.ts`;
    }
  }
  const fromClient = clientFeature(from);
  if (fromClient || /^client\/(lib|components)\//.test(from)) {
    if (to.startsWith('client/app/')) return 'client features, lib and components never import client/app';
    const toClient = clientFeature(to);
    if (toClient && toClient !== fromClient) {
      return fromClient
        ? 'client features never import each other: compose them in client/app'
        : 'client/lib and components never import a feature';
    }
  }
  return null;
}

export function checkBoundaries(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (isTestSupport(file.path)) continue;
    for (const target of importsOf(file)) {
      const rule = ruleBroken(file.path, target);
      if (rule) violations.push({ file: file.path, imports: target, rule });
    }
  }
  return violations;
}
