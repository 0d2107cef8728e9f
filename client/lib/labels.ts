import type { AccessLogScope } from '../../shared/contracts/consent.ts';

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
  // Never grantable: only named in the access log (a supervisor's review of coaching notes).
  coaching_notes: 'coachingNotes',
} as const satisfies Record<AccessLogScope, string>;

export function scopeKey<S extends AccessLogScope>(scope: S): (typeof SCOPE_KEYS)[S] {
  return SCOPE_KEYS[scope];
}
