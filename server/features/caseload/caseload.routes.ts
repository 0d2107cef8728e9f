import { caseloadSchema, riskRulesSchema } from '../../../shared/contracts/caseload.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { actorOf } from '../../plugins/session.ts';
import { getCaseload, riskRules } from './caseload.service.ts';

const tags = ['caseload'];

export function caseloadRoutes(app: FastifyZod) {
  const { db } = app.ctx;
  app.get(
    '/api/caseload',
    {
      config: { roles: ROLE_GROUPS.coaches },
      schema: {
        tags,
        summary: 'My caseload: each client with only what they granted me, risk flags, most in need first (logged per scope)',
        response: { 200: caseloadSchema },
      },
    },
    async (request) => getCaseload({ db, actor: actorOf(request) }),
  );
  app.get(
    '/api/caseload/rules',
    {
      config: { roles: ROLE_GROUPS.coaches },
      schema: { tags, summary: 'The risk rules: what each reads and the numbers it uses', response: { 200: riskRulesSchema } },
    },
    async () => riskRules(),
  );
}
