import { totpDisableSchema, totpEnabledSchema, totpEnableSchema, totpSetupSchema } from '../../../shared/contracts/auth.ts';
import { okSchema } from '../../../shared/contracts/common.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { disableTotp, enableTotp, setupTotp } from './mfa.service.ts';

const tags = ['two-factor'];

export function mfaRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  // `setup` access: staff who must turn two-factor on can reach these before anything else.
  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'setup', rateLimit: rateLimit(ctx, 10, 15, 'user') },
      schema: { tags, summary: 'Start two-factor enrolment: a secret and its QR code', response: { 200: totpSetupSchema } },
    },
    async (request) => setupTotp({ ctx, actor: actorOf(request) }),
  );
  app.post(
    '/api/auth/totp/enable',
    {
      config: { access: 'setup', rateLimit: rateLimit(ctx, 10, 15, 'user') },
      schema: {
        tags,
        summary: 'Confirm enrolment with a code; returns one-time recovery codes',
        body: totpEnableSchema,
        response: { 200: totpEnabledSchema },
      },
    },
    async (request) => enableTotp({ ctx, actor: actorOf(request), code: request.body.code }),
  );
  app.post(
    '/api/auth/totp/disable',
    {
      config: { access: 'user', rateLimit: rateLimit(ctx, 10, 15, 'user') },
      schema: { tags, summary: 'Turn two-factor sign-in off (needs the password)', body: totpDisableSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await disableTotp({ ctx, actor: actorOf(request), password: request.body.password });
      return { ok: true as const };
    },
  );
}
