import type { Scope } from '../../shared/contracts/consent.ts';

/** Translation keys cannot contain the dot in "checkins.summary"; this maps each scope to its key. */
const SCOPE_KEYS = {
  profile: 'profile',
  clock: 'clock',
  'checkins.summary': 'checkinsSummary',
  'checkins.detail': 'checkinsDetail',
  plan: 'plan',
  safety_plan: 'safetyPlan',
  assessments: 'assessments',
  sos: 'sos',
} as const satisfies Record<Scope, string>;

export function scopeKey(scope: Scope): (typeof SCOPE_KEYS)[Scope] {
  return SCOPE_KEYS[scope];
}
