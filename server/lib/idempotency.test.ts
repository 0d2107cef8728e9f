import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './idempotency.ts';

describe('requestHash', () => {
  it('ignores key order and undefined members, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    const one = requestHash({ method: 'put', path: '/api/me/checkins/2024-02-29', body: { mood: 3, craving: 1 } });
    const two = requestHash({ method: 'PUT', path: '/api/me/checkins/2024-02-29', body: { craving: 1, mood: 3 } });
    expect(one).toBe(two);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the body, the path or the method differs', () => {
    const base = { method: 'PUT', path: '/api/me/checkins/2024-02-29', body: { mood: 3 } };
    const hash = requestHash(base);
    expect(requestHash({ ...base, body: { mood: 4 } })).not.toBe(hash);
    expect(requestHash({ ...base, body: { mood: '3' } })).not.toBe(hash);
    expect(requestHash({ ...base, path: '/api/me/checkins/2024-03-01' })).not.toBe(hash);
    expect(requestHash({ ...base, method: 'DELETE' })).not.toBe(hash);
  });
});
