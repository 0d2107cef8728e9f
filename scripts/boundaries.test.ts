import { describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf } from './boundaries.ts';

/** The boundary rules on made-up trees: each rule holds for the allowed import and names the broken one. */

const file = (path: string, ...imports: string[]) => ({
  path,
  source: imports.map((specifier, i) => `import { x${i} } from '${specifier}';`).join('\n'),
});
const broken = (...files: ReturnType<typeof file>[]) => checkBoundaries(files).map((v) => `${v.file} -> ${v.imports}`);

describe('importsOf', () => {
  it('resolves static, re-exported, type-only and dynamic imports, and ignores packages', () => {
    const source = [
      "import { a } from '../lib/a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from '../c/c.public.ts';",
      "const d = await import('./d.ts');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf({ path: 'server/features/x/x.service.ts', source })).toEqual([
      'server/features/lib/a.ts',
      'server/features/x/b.ts',
      'server/features/c/c.public.ts',
      'server/features/x/d.ts',
    ]);
  });
});

describe('checkBoundaries', () => {
  it('lets a server feature use another only through its public entry', () => {
    expect(broken(file('server/features/a/a.service.ts', '../b/b.public.ts', './a.policy.ts', '../../lib/dates.ts'))).toEqual([]);
    expect(broken(file('server/features/a/a.service.ts', '../b/b.service.ts'))).toEqual([
      'server/features/a/a.service.ts -> server/features/b/b.service.ts',
    ]);
  });

  it('keeps descriptors for the registry and features out of the cores', () => {
    expect(broken(file('server/features/registry.ts', './a/a.feature.ts'))).toEqual([]);
    expect(broken(file('server/features/b/b.service.ts', '../a/a.feature.ts'))).toHaveLength(1);
    expect(broken(file('server/lib/dates.ts', '../features/a/a.public.ts'))).toEqual([
      'server/lib/dates.ts -> server/features/a/a.public.ts',
    ]);
  });

  it('keeps client features apart from each other and from client/app', () => {
    expect(broken(file('client/app/router.tsx', '../features/a/page.tsx', '../lib/paths.ts'))).toEqual([]);
    expect(broken(file('client/features/a/page.tsx', '../b/api.ts', '../../app/nav.ts', '../../lib/paths.ts'))).toEqual([
      'client/features/a/page.tsx -> client/features/b/api.ts',
      'client/features/a/page.tsx -> client/app/nav.ts',
    ]);
    expect(broken(file('client/lib/session.ts', '../features/a/api.ts'))).toHaveLength(1);
  });

  it('keeps shared/ free of server and client code, and lets tests reach anywhere', () => {
    expect(broken(file('shared/contracts/x.ts', '../../server/db/client.ts'))).toHaveLength(1);
    expect(broken(file('server/features/a/a.test.ts', '../b/b.service.ts'))).toEqual([]);
  });
});
