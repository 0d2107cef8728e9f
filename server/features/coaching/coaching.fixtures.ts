import { expect } from 'vitest';
import type { PutCoachProfile } from '../../../shared/contracts/coaching.ts';
import type { CoachingPreferences } from '../../../shared/contracts/coaching-base.ts';
import { buildPerson, type Person } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';

/** Test helpers of the coaching suites: coaches with profiles and members with requests, over HTTP. */

export const NO_PREFERENCES: CoachingPreferences = {
  gender: null,
  language: null,
  pathway: null,
  specialties: null,
  times: null,
  timezone: 'America/Chicago',
};

export const preferences = (overrides: Partial<CoachingPreferences> = {}): CoachingPreferences => ({ ...NO_PREFERENCES, ...overrides });

export const PROFILE: PutCoachProfile = {
  livedExperience: 'Eleven years in recovery from alcohol; I found my way through SMART Recovery.',
  pathways: ['smart_recovery'],
  specialties: ['alcohol', 'parents'],
  languages: ['en'],
  gender: 'woman',
  availability: [{ day: 2, start: '17:00', end: '20:00' }],
  maxCaseload: 10,
  certification: 'CPRS',
  accepting: true,
};

export async function buildCoach(t: TestApp, alias: string, profile: Partial<PutCoachProfile> = {}): Promise<Person> {
  const coach = await buildPerson(t, { roles: ['coach'], alias });
  const response = await coach.agent.put('/api/coaching/profile', { ...PROFILE, ...profile });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return coach;
}

export async function buildWaitingMember(
  t: TestApp,
  alias: string,
  request: { preferences?: CoachingPreferences; requestedCoachId?: string | null; intakeNote?: string | null } = {},
): Promise<{ member: Person; requestId: string }> {
  const member = await buildPerson(t, { alias });
  const response = await member.agent.post('/api/coaching/requests', { preferences: NO_PREFERENCES, ...request });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { member, requestId: response.body.current.id };
}
