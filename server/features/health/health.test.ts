import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../test/agent.ts';
import { buildTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('GET /api/health', () => {
  it('reports the version and a working database, to anyone', async () => {
    const response = await createAgent(t.app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { kind: process.env.DATABASE_URL ? 'postgres' : 'pglite', ok: true },
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every API route with its responses', async () => {
    const response = await createAgent(t.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const paths = Object.keys(response.body.paths);
    for (const expected of [
      '/api/session',
      '/api/setup',
      '/api/auth/sign-in',
      '/api/me/grants',
      '/api/me/access-log',
      '/api/admin/people',
    ]) {
      expect(paths).toContain(expected);
    }
    for (const [path, operations] of Object.entries<Record<string, { responses?: object }>>(response.body.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.responses, `${method} ${path} declares its responses`).toBeTruthy();
      }
    }
  });

  it('is browsable at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('security headers', () => {
  it('sends CSP, nosniff, frame-ancestors and no-store on API answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const response = await createAgent(t.app).get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
  });
});
