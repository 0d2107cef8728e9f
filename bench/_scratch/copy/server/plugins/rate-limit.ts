import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';

/**
 * Per-route limit for @fastify/rate-limit, counted per IP or per signed-in person.
 * Counters live in each process; the per-account sign-in lock (auth.service) is shared through the
 * database, so the limit that matters most holds across instances.
 */
export function rateLimit(ctx: AppContext, max: number, minutes: number, per: 'ip' | 'user' = 'ip') {
  return {
    max: Math.max(1, Math.round(max * ctx.rateLimitMultiplier)),
    timeWindow: minutes * 60_000,
    ...(per === 'user' ? { keyGenerator: (request: FastifyRequest) => request.actor?.userId ?? request.ip } : {}),
  };
}
