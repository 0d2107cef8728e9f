import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { hashIdentifier, type InstanceKeys } from '../lib/crypto.ts';
import { countHit } from '../lib/rate-counters.ts';

/**
 * Per-route limit for @fastify/rate-limit, counted per IP or per signed-in person. The counts live
 * in the database (databaseRateLimitStore), so several app processes share one limit. `perProcess`
 * keeps them in memory instead, for the busy public reads (the finder) whose limit only stops
 * scraping: there a database write per search would cost more than a looser limit across instances.
 */
export function rateLimit(
  ctx: AppContext,
  max: number,
  minutes: number,
  per: 'ip' | 'user' = 'ip',
  options: { perProcess?: boolean } = {},
) {
  return {
    max: Math.max(1, Math.round(max * ctx.rateLimitMultiplier)),
    timeWindow: minutes * 60_000,
    ...(per === 'user' ? { keyGenerator: (request: FastifyRequest) => request.actor?.userId ?? request.ip } : {}),
    ...(options.perProcess ? { perProcess: true } : {}),
  };
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
/** What @fastify/rate-limit passes to a store's constructor and child(): the route's merged limit options. */
type StoreOptions = { routeInfo?: { method?: string | string[]; url?: string }; perProcess?: boolean };

/** Fixed windows in this process's memory, for the routes that ask for `perProcess`. */
class MemoryRateLimitStore implements FastifyRateLimitStore {
  readonly windows = new Map<string, { count: number; endsAt: number }>();
  incr(key: string, callback: Callback, timeWindow: number) {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      // Forget ended windows as new ones start, so the map stays as small as the busy keys.
      if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
      window = { count: 0, endsAt: now + timeWindow };
      this.windows.set(key, window);
    }
    window.count += 1;
    callback(null, { current: window.count, ttl: window.endsAt - now });
  }
  child() {
    return new MemoryRateLimitStore();
  }
}

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
    child(options: object): FastifyRateLimitStore {
      return (options as StoreOptions).perProcess ? new MemoryRateLimitStore() : new DatabaseRateLimitStore(options);
    }
  };
}
