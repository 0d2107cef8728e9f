import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { hashIdentifier, type InstanceKeys } from '../lib/crypto.ts';
import { countHit } from '../lib/rate-counters.ts';

/**
 * Per-route limit for @fastify/rate-limit, counted per IP or per signed-in person. The counts live
 * in the database (databaseRateLimitStore), so several app processes share one limit.
 */
export function rateLimit(ctx: AppContext, max: number, minutes: number, per: 'ip' | 'user' = 'ip') {
  return {
    max: Math.max(1, Math.round(max * ctx.rateLimitMultiplier)),
    timeWindow: minutes * 60_000,
    ...(per === 'user' ? { keyGenerator: (request: FastifyRequest) => request.actor?.userId ?? request.ip } : {}),
  };
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
/** What @fastify/rate-limit passes to a store's constructor and child(): the route's merged limit options. */
type StoreOptions = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A store for @fastify/rate-limit over the core table rate_counters: one upsert per limited request,
 * keyed by route and a keyed hash of the IP or person (no address is stored in the clear).
 */
export function databaseRateLimitStore(db: Db, keys: InstanceKeys) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly route: string;
    constructor(options: object = {}) {
      const info = (options as StoreOptions).routeInfo;
      this.route = info?.url ? `${[info.method ?? ''].flat().join(',')} ${info.url}` : 'global';
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      countHit(db, `rl:${this.route}:${hashIdentifier(keys, `rate:${key}`)}`, timeWindow).then(
        ({ count, windowEndsAt }) => callback(null, { current: count, ttl: Math.max(0, windowEndsAt.getTime() - Date.now()) }),
        (error: Error) => callback(error),
      );
    }
    child(options: object) {
      return new DatabaseRateLimitStore(options);
    }
  };
}
