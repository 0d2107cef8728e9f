import { existsSync } from 'node:fs';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_CRISIS_LINES } from '../shared/contracts/organization.ts';
import { LIMITS } from '../shared/limits.ts';
import { type Config, loadConfig } from './config.ts';
import { type AppContext, organizationCache } from './context.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createMailer } from './features/mail/mail.public.ts';
import { mapTileImageSource } from './features/meetings/meetings.public.ts';
import { FEATURES } from './features/registry.ts';
import type { FastifyZod } from './http.ts';
import { deriveKeys } from './lib/crypto.ts';
import { instanceSecret } from './lib/instance-secret.ts';
import { loggerOptions } from './lib/logger.ts';
import { registerClient } from './plugins/client.ts';
import { handleFrameworkError, registerErrorHandling } from './plugins/errors.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { databaseRateLimitStore } from './plugins/rate-limit.ts';
import { registerSessions } from './plugins/session.ts';

export interface BuildOptions {
  database: DatabaseHandle;
  config?: Partial<Config>;
  /** false silences logs (tests); a level name otherwise. */
  logger?: false | string;
  /** Where log lines go instead of stdout (the logging test reads them back). */
  logStream?: NodeJS.WritableStream;
  /** Scales every rate limit: tests that sign in hundreds of times raise it; the rate-limit test keeps 1. */
  rateLimitMultiplier?: number;
  /** Directory of the built web client; served when it exists. */
  clientDir?: string | null;
}

function isLocalHost(url: URL) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Builds the whole application on an open database. It never listens: main.ts and the tests decide that. */
export async function buildApp(options: BuildOptions): Promise<FastifyZod> {
  const config: Config = { ...loadConfig(), ...options.config };
  const publicUrl = new URL(config.publicUrl);
  const https = publicUrl.protocol === 'https:';
  const fastifyOptions: FastifyServerOptions = {
    logger: options.logger === false ? false : loggerOptions(options.logger ?? config.logLevel, options.logStream),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: config.trustProxy,
    // Ids are UUIDs; anything longer in a path is hostile or a mistake.
    routerOptions: { maxParamLength: 100 },
    frameworkErrors: handleFrameworkError,
  };
  const app = Fastify(fastifyOptions).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: a text/plain body is refused (415) instead of reaching handlers.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const db = options.database.db;
  const keys = deriveKeys(config.sessionSecret ?? (await instanceSecret(db)));
  const orgCache = organizationCache(db);
  await orgCache.listen(options.database);
  app.addHook('onClose', async () => orgCache.stop());
  const ctx: AppContext = {
    db,
    database: options.database,
    config,
    keys,
    mailer: createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      // Links in held emails sign people in: print them only on a developer's own machine.
      logHeldMail: !config.production && isLocalHost(publicUrl),
      log: app.log,
    }),
    cookieSecure: https || isLocalHost(publicUrl),
    organization: orgCache.get,
    forgetOrganization: orgCache.forget,
    requireStaffMfa: async () => (await orgCache.get())?.requireStaffMfa ?? false,
    rateLimitMultiplier: options.rateLimitMultiplier ?? config.rateLimitMultiplier,
    features: FEATURES,
  };
  app.decorate('ctx', ctx);

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Accessible widgets position popovers with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles come from the organization's tile server, when one is configured (MAP_TILE_URL).
        imgSrc: ["'self'", 'data:', ...[mapTileImageSource(config.mapTileUrl)].filter((s) => s !== null)],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  // Every answer (API JSON, the HTML, calendars) compressed for browsers that accept it: on a slow phone the
  // bytes are the wait. Brotli at a quick level for what is made per request; the client's files are
  // compressed once at build time (plugins/client.ts). Compressed request bodies are not accepted.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    globalDecompression: false,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // On PostgreSQL counted in the database, so every app process on it shares one count per route and IP
  // or person. The embedded database serves one process only (its lock refuses a second), so there the
  // counts stay in memory and spare a write per limited request.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(options.database.kind === 'postgres' ? { store: databaseRateLimitStore(db, keys) } : {}),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kinship API', version: config.version, description: 'Every route of a Kinship server.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: ctx.cookieSecure ? '__Host-kinship' : 'kinship' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRoute', (route) => {
    // The API browser's own pages and assets are public, like the document they show.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerSessions(app, ctx);
  registerInputGuard(app);
  app.addHook('onSend', async (request, reply) => {
    // Personal data must not sit in shared or browser caches.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // How long the server spent on the request (standard Server-Timing), for operators and benchmarks.
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  for (const feature of FEATURES) for (const registerRoutes of feature.routes ?? []) registerRoutes(app);

  const clientDir = options.clientDir === undefined ? null : options.clientDir;
  if (clientDir && existsSync(clientDir)) {
    // Before setup there is no organization yet: the default lines, as the client shows them.
    await registerClient(app, clientDir, async () => (await ctx.organization())?.crisisLines ?? DEFAULT_CRISIS_LINES);
  }
  return app;
}
