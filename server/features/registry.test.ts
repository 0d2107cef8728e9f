import { globSync, readdirSync, readFileSync } from 'node:fs';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { schema } from '../db/schema.ts';
import type { Feature } from '../lib/feature.ts';
import { FEATURES } from './registry.ts';

/**
 * The feature registry keeps its promises: every table has one owner, every table is in a feature's
 * "my data" or on a kept list with a reason, and only a table's owner writes it. A new table that
 * nobody claims, or that deletion would silently leave behind, fails here.
 */

const tables: [string, PgTable][] = Object.entries(schema).flatMap(([key, value]) => (is(value, PgTable) ? [[key, value]] : []));
const nameOf = (table: PgTable) => getTableName(table);

/** Which feature owns each table (by SQL name); a table claimed twice appears twice. */
function owners(features: readonly Feature[]) {
  return features.flatMap((feature) => feature.tables.map((table) => ({ table: nameOf(table), feature: feature.name })));
}

/** The tables of `features` that are neither in their owner's myData nor on its kept list, or are in both. */
function uncovered(features: readonly Feature[]) {
  const problems: string[] = [];
  for (const feature of features) {
    const mine = new Set((feature.myData?.tables ?? []).map(nameOf));
    const kept = new Set((feature.kept ?? []).map((k) => nameOf(k.table)));
    for (const name of [...mine, ...kept]) {
      if (!feature.tables.some((table) => nameOf(table) === name)) problems.push(`${feature.name} covers ${name}, which it does not own`);
    }
    for (const table of feature.tables) {
      const name = nameOf(table);
      if (mine.has(name) && kept.has(name)) problems.push(`${name} (${feature.name}) is both erased and kept`);
      if (!mine.has(name) && !kept.has(name)) problems.push(`${name} (${feature.name}) is in no myData and on no kept list`);
    }
    for (const { table, why } of feature.kept ?? []) {
      if (why.trim().length < 20) problems.push(`${nameOf(table)} (${feature.name}) is kept without a reason`);
    }
  }
  return problems;
}

/**
 * Writes (`.insert(t)`, `.update(t)`, `.delete(t)` on a schema table's variable) outside the owner's
 * folder. Tests, fixtures and scripts set scenes and are exempt; the cores own the core tables.
 */
function foreignWrites(files: readonly { path: string; source: string }[], ownerOf: Map<string, string>) {
  const found: string[] = [];
  for (const { path, source } of files) {
    if (/\.(test|fixtures)\.ts$/.test(path) || path.startsWith('server/test/') || path.startsWith('server/db/')) continue;
    const folder = /^server\/features\/([^/]+)\//.exec(path)?.[1] ?? 'core';
    for (const match of source.matchAll(/\.(insert|update|delete)\((\w+)\)/g)) {
      const owner = ownerOf.get(match[2] ?? '');
      if (!owner || owner === folder) continue;
      if (ALLOWED_FOREIGN_WRITES.some((allowed) => allowed.path === path && allowed.variable === match[2])) continue;
      found.push(`${path} writes ${match[2]} (owned by ${owner})`);
    }
  }
  return found;
}

/** The one write that is not its owner's, and why. */
const ALLOWED_FOREIGN_WRITES = [
  // The session plugin, on every request, marks the session seen (at most once a minute); auth owns the
  // rows, but the request path cannot depend on a feature.
  { path: 'server/plugins/session.ts', variable: 'sessions' },
];

describe('the feature registry', () => {
  it('names every server feature folder once, by its folder name', () => {
    const folders = readdirSync('server/features', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const names = FEATURES.filter((feature) => feature.name !== 'core').map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...folders].sort());
  });

  it('gives every table exactly one owning feature', () => {
    const claimed = owners(FEATURES);
    const counts = new Map<string, number>();
    for (const { table } of claimed) counts.set(table, (counts.get(table) ?? 0) + 1);
    const all = tables.map(([, table]) => nameOf(table));
    expect(all.filter((name) => counts.get(name) !== 1)).toEqual([]);
    expect(claimed.filter(({ table }) => !all.includes(table))).toEqual([]);
  });

  it("puts every table in its owner's personal data, or on its kept list with a reason", () => {
    expect(uncovered(FEATURES)).toEqual([]);
  });

  it('lets only the owner of a table write it', () => {
    const ownerByTable = new Map(owners(FEATURES).map(({ table, feature }) => [table, feature]));
    const ownerOf = new Map(tables.map(([variable, table]) => [variable, ownerByTable.get(nameOf(table)) ?? 'nobody']));
    const files = globSync('server/**/*.ts').map((path) => ({ path, source: readFileSync(path, 'utf8') }));
    expect(foreignWrites(files, ownerOf)).toEqual([]);
  });
});

describe('the registry checks themselves', () => {
  const table = (name: string) => tables.find(([, t]) => nameOf(t) === name)?.[1] as PgTable;

  it('report a table nobody erases or keeps', () => {
    const orphan: Feature = { name: 'orphan', tables: [table('checkins')] };
    expect(uncovered([orphan])).toEqual(['checkins (orphan) is in no myData and on no kept list']);
  });

  it('report a write from another feature', () => {
    const files = [{ path: 'server/features/buddies/buddies.service.ts', source: 'await tx.insert(checkins).values({})' }];
    expect(foreignWrites(files, new Map([['checkins', 'checkins']]))).toEqual([
      'server/features/buddies/buddies.service.ts writes checkins (owned by checkins)',
    ]);
  });
});
