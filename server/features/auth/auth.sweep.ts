import type { Sweep } from '../../lib/feature.ts';
import { pruneCounters } from '../../lib/rate-counters.ts';
import { pruneSignInLocks } from './auth.throttle.ts';

/** Every minute: forget sign-in sources quiet for a day and rate counters whose window ended a day ago. */
export const pruneThrottlesSweep: Sweep = {
  queue: 'throttles-prune-sweep',
  run: async ({ ctx }) => ({ signInLocks: await pruneSignInLocks(ctx.db), rateCounters: await pruneCounters(ctx.db) }),
};
