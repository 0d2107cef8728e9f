import { expect } from 'vitest';
import type { Role } from '../../../shared/contracts/roles.ts';
import type { Actor } from '../../plugins/session.ts';
import type { Person } from '../../test/factories.ts';

/** Helpers the consent suites share. */
export const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'Not found' } };
export const DAY = 24 * 3600_000;
export const REASON = 'Member missed three check-ins and wrote a crisis message';

export async function grant(from: Person, to: Person, body: Record<string, unknown> = {}) {
  const response = await from.agent.post('/api/me/grants', { granteeId: to.id, scopes: ['profile'], purpose: 'Peer coaching', ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; status: string };
}

export async function accessLogOf(person: Person, query = '') {
  const response = await person.agent.get(`/api/me/access-log${query}`);
  expect(response.status).toBe(200);
  return response.body as {
    entries: { id: string; actor: { id: string; alias: string }; scope: string; purpose: string; breakGlass: boolean }[];
    nextBefore: number | null;
  };
}

export function actorFor(person: Person, roles: Role[]): Actor {
  return {
    userId: person.id,
    email: person.email,
    alias: person.alias,
    timezone: 'America/Chicago',
    roles,
    mfaEnabled: false,
    session: { tokenHash: 'unused', csrfToken: 'unused', state: 'active' },
  };
}
