import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithEveryRole } from './factories.ts';
import { buildTestApp, type TestApp } from './harness.ts';

/**
 * Text PostgreSQL cannot store (a lone UTF-16 surrogate, a NUL) and dates outside the years it and
 * JavaScript agree on, sent to every JSON-bodied operation of the OpenAPI document in a body of the
 * right shape: each must be refused with a 400 naming the field, never reach the database as a 500.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
}
type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  schema: JsonSchema;
  /** Each path parameter's schema, so `{localDate}` gets a day and `{id}` a UUID. */
  params: Record<string, JsonSchema>;
}
interface Leaf {
  path: string[];
  kind: 'text' | 'instant' | 'day';
}

let t: TestApp;
let headers: Record<string, string>;
let operations: Operation[];

beforeAll(async () => {
  t = await buildTestApp();
  const { headers: owner } = await ownerWithEveryRole(t);
  headers = { ...owner, 'content-type': 'application/json' };
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
          parameters?: { in: string; name: string; schema: JsonSchema }[];
        }
      >
    >;
  };
  operations = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content['application/json']?.schema;
      const params = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
      if (schema) operations.push({ method: method.toUpperCase() as Method, path, schema, params });
    }
  }
});
afterAll(async () => t.close());

/** A value of the schema's shape (every property present, one item per array), with its string leaves listed. */
function shapedValue(schema: JsonSchema, path: string[], leaves: Leaf[]): unknown {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const chosen = options.find((option) => option.type !== 'null') ?? options[0] ?? {};
    return shapedValue(chosen, path, leaves);
  }
  if (schema.allOf) return shapedValue(Object.assign({}, ...schema.allOf), path, leaves);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((option) => option !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) value[key] = shapedValue(child, [...path, key], leaves);
      return value;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, (_, index) =>
        shapedValue(schema.items ?? {}, [...path, String(index)], leaves),
      );
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'someone@example.org';
      if (schema.format === 'date-time') {
        leaves.push({ path, kind: 'instant' });
        return '2030-01-01T10:00:00Z';
      }
      if (schema.format === 'date') {
        leaves.push({ path, kind: 'day' });
        return '2030-01-01';
      }
      leaves.push({ path, kind: 'text' });
      return 'a'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    default:
      return null;
  }
}

function withLeaf(value: unknown, path: string[], leafValue: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) as string] = leafValue;
  return copy;
}

const BAD_INSTANTS = ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '1899-12-31T23:59:59Z'];
const BAD_DAYS = ['0000-01-01', '1899-12-31'];

async function send(op: Operation, body: unknown) {
  const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    String(shapedValue(op.params[name] ?? { format: 'uuid', type: 'string' }, [], [])),
  );
  return t.app.inject({ method: op.method, url, headers, payload: JSON.stringify(body) });
}

describe('every JSON-bodied operation', () => {
  it('is found', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a lone surrogate or a NUL in any text field with a 400 naming it', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const leaves: Leaf[] = [];
      const body = shapedValue(op.schema, [], leaves);
      for (const leaf of leaves.filter((l) => l.kind === 'text')) {
        for (const bad of ['before \ud800 after', 'a\udc00', 'nul\u0000']) {
          const response = await send(op, withLeaf(body, leaf.path, bad));
          checked++;
          const fieldPath = ['body', ...leaf.path].join('.');
          const fields = response.statusCode === 400 ? (response.json().error.fields ?? []) : [];
          if (!fields.some((f: { path: string }) => f.path === fieldPath)) {
            problems.push(
              `${op.method} ${op.path} ${fieldPath} ${JSON.stringify(bad)}: ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems, problems.slice(0, 10).join('\n')).toEqual([]);
  });

  it('refuses an instant or a day outside the years 1900–9999 with a 400 naming it', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const leaves: Leaf[] = [];
      const body = shapedValue(op.schema, [], leaves);
      for (const leaf of leaves.filter((l) => l.kind !== 'text')) {
        for (const bad of leaf.kind === 'instant' ? BAD_INSTANTS : BAD_DAYS) {
          const response = await send(op, withLeaf(body, leaf.path, bad));
          checked++;
          const fieldPath = ['body', ...leaf.path].join('.');
          const fields = response.statusCode === 400 ? (response.json().error.fields ?? []) : [];
          if (!fields.some((f: { path: string }) => f.path === fieldPath)) {
            problems.push(`${op.method} ${op.path} ${fieldPath} ${bad}: ${response.statusCode} ${response.body.slice(0, 160)}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
