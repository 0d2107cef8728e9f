import { idParams } from '../../../shared/contracts/common.ts';
import {
  planSchema,
  savePlanSchema,
  sharedPlanSchema,
  versionHistoryQuery,
  versionHistorySchema,
  versionParams,
} from '../../../shared/contracts/plans.ts';
import { safetyPlanSchema, saveSafetyPlanSchema, sharedSafetyPlanSchema } from '../../../shared/contracts/safety-plan.ts';
import { recoveryPlanVersions, safetyPlanVersions } from '../../db/schema/plans.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { RECOVERY_PLAN_SECTIONS, SAFETY_PLAN_SECTIONS } from './changes.ts';
import { getOwnPlan, getOwnPlanVersion, getSharedPlan, listVersions, saveOwnPlan } from './plans.service.ts';
import { getOwnSafetyPlan, getOwnSafetyPlanVersion, getSharedSafetyPlan, saveOwnSafetyPlan } from './safety-plan.service.ts';

export function plansRoutes(app: FastifyZod) {
  const { db } = app.ctx;
  const tags = ['plans'];
  // Every save keeps a version forever: a runaway client must not fill the table.
  const saveLimit = rateLimit(app.ctx, 120, 10, 'user');

  app.get(
    '/api/me/plan',
    { schema: { tags, summary: 'My recovery plan (latest version; version 0 when none yet)', response: { 200: planSchema } } },
    async (request) => getOwnPlan({ db, actor: actorOf(request) }),
  );
  app.put(
    '/api/me/plan',
    {
      config: { rateLimit: saveLimit },
      schema: {
        tags,
        summary: 'Save my recovery plan as a new version (409 if baseVersion is not the latest)',
        body: savePlanSchema,
        response: { 200: planSchema },
      },
    },
    async (request) => saveOwnPlan({ db, actor: actorOf(request), ...request.body }),
  );
  app.get(
    '/api/me/plan/versions',
    {
      schema: {
        tags,
        summary: 'History of my recovery plan, newest first',
        querystring: versionHistoryQuery,
        response: { 200: versionHistorySchema },
      },
    },
    async (request) =>
      listVersions({
        db,
        table: recoveryPlanVersions,
        userId: actorOf(request).userId,
        before: request.query.before,
        sections: RECOVERY_PLAN_SECTIONS,
      }),
  );
  app.get(
    '/api/me/plan/versions/:version',
    { schema: { tags, summary: 'One earlier version of my recovery plan', params: versionParams, response: { 200: planSchema } } },
    async (request) => getOwnPlanVersion({ db, actor: actorOf(request), version: request.params.version }),
  );
  app.get(
    '/api/people/:id/plan',
    {
      schema: {
        tags,
        summary: 'Another person’s recovery plan (needs their `plan` grant; logged)',
        params: idParams,
        response: { 200: sharedPlanSchema },
      },
    },
    async (request) => getSharedPlan({ db, actor: actorOf(request), subjectId: request.params.id }),
  );
}

export function safetyPlanRoutes(app: FastifyZod) {
  const { db, organization } = app.ctx;
  const tags = ['safety plan'];

  app.get(
    '/api/me/safety-plan',
    {
      schema: { tags, summary: 'My safety plan with the organization’s crisis lines', response: { 200: safetyPlanSchema } },
    },
    async (request) => getOwnSafetyPlan({ db, actor: actorOf(request), organization }),
  );
  app.put(
    '/api/me/safety-plan',
    {
      config: { rateLimit: rateLimit(app.ctx, 120, 10, 'user') },
      schema: {
        tags,
        summary: 'Save my safety plan as a new version (409 if baseVersion is not the latest)',
        body: saveSafetyPlanSchema,
        response: { 200: safetyPlanSchema },
      },
    },
    async (request) => saveOwnSafetyPlan({ db, actor: actorOf(request), organization, ...request.body }),
  );
  app.get(
    '/api/me/safety-plan/versions',
    {
      schema: {
        tags,
        summary: 'History of my safety plan, newest first',
        querystring: versionHistoryQuery,
        response: { 200: versionHistorySchema },
      },
    },
    async (request) =>
      listVersions({
        db,
        table: safetyPlanVersions,
        userId: actorOf(request).userId,
        before: request.query.before,
        sections: SAFETY_PLAN_SECTIONS,
      }),
  );
  app.get(
    '/api/me/safety-plan/versions/:version',
    {
      schema: { tags, summary: 'One earlier version of my safety plan', params: versionParams, response: { 200: safetyPlanSchema } },
    },
    async (request) => getOwnSafetyPlanVersion({ db, actor: actorOf(request), organization, version: request.params.version }),
  );
  app.get(
    '/api/people/:id/safety-plan',
    {
      schema: {
        tags,
        summary: 'Another person’s safety plan (needs their `safety_plan` grant; logged)',
        params: idParams,
        response: { 200: sharedSafetyPlanSchema },
      },
    },
    async (request) => getSharedSafetyPlan({ db, actor: actorOf(request), organization, subjectId: request.params.id }),
  );
}
