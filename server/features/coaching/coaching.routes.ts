import {
  acceptSchema,
  approveResultSchema,
  approveSchema,
  closeSchema,
  coachCardListSchema,
  createRequestSchema,
  matchingBoardSchema,
  myCoachingSchema,
  optionalReasonSchema,
  ownCoachProfileSchema,
  putCoachProfileSchema,
  type RelationshipAction,
  relationshipSchema,
  suggestionSchema,
  supervisionSchema,
  transferSchema,
} from '../../../shared/contracts/coaching.ts';
import { idParams } from '../../../shared/contracts/common.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import { approveMatches, matchingBoard, suggestMatches } from './coaching.matching.ts';
import { getCoachProfile, listCoaches, putCoachProfile } from './coaching.profiles.ts';
import { changeRelationship, createRequest, getMyCoaching, getRelationship } from './coaching.service.ts';
import { supervisionOverview } from './coaching.supervision.ts';

const tags = ['coaching'];

export function coachingRoutes(app: FastifyZod) {
  const ctx = app.ctx;
  const db = ctx.db;

  // Coach profile
  app.get(
    '/api/coaching/profile',
    { config: { roles: ROLE_GROUPS.coaches }, schema: { tags, summary: 'My coach profile', response: { 200: ownCoachProfileSchema } } },
    async (request) => getCoachProfile({ db, actor: actorOf(request) }),
  );
  app.put(
    '/api/coaching/profile',
    {
      config: { roles: ROLE_GROUPS.coaches },
      schema: { tags, summary: 'Create or update my coach profile', body: putCoachProfileSchema, response: { 200: ownCoachProfileSchema } },
    },
    async (request) => putCoachProfile({ db, actor: actorOf(request), input: request.body }),
  );
  app.get(
    '/api/coaching/coaches',
    {
      config: { roles: [...ROLE_GROUPS.members, ...ROLE_GROUPS.oversight] },
      schema: { tags, summary: 'Coaches taking new people (alias and what they offer)', response: { 200: coachCardListSchema } },
    },
    async () => listCoaches({ db }),
  );

  // Intake and the member's view
  app.post(
    '/api/coaching/requests',
    {
      config: { roles: ROLE_GROUPS.members, rateLimit: rateLimit(ctx, 20, 60, 'user') },
      schema: { tags, summary: 'Ask for a peer coach', body: createRequestSchema, response: { 201: myCoachingSchema } },
    },
    async (request, reply) => reply.status(201).send(await createRequest({ db, actor: actorOf(request), input: request.body })),
  );
  app.get(
    '/api/coaching/mine',
    { schema: { tags, summary: 'My coaching request or relationship, and past ones', response: { 200: myCoachingSchema } } },
    async (request) => getMyCoaching({ db, actor: actorOf(request) }),
  );

  // Matching
  app.get(
    '/api/coaching/matching',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: { tags, summary: 'Everyone waiting and every coach’s free seats', response: { 200: matchingBoardSchema } },
    },
    async (request) => matchingBoard({ db, actor: actorOf(request) }),
  );
  app.post(
    '/api/coaching/matching/suggest',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: { tags, summary: 'Suggest the best assignment, each pair explained (changes nothing)', response: { 200: suggestionSchema } },
    },
    async () => suggestMatches({ db }),
  );
  app.post(
    '/api/coaching/matching/approve',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: {
        tags,
        summary: 'Propose coaches to members (all pairs or none; each re-checked)',
        body: approveSchema,
        response: { 200: approveResultSchema },
      },
    },
    async (request) => approveMatches({ ctx, actor: actorOf(request), pairs: request.body.pairs }),
  );

  // The relationship
  app.get(
    '/api/coaching/relationships/:id',
    { schema: { tags, summary: 'A coaching relationship and its history', params: idParams, response: { 200: relationshipSchema } } },
    async (request) => getRelationship({ db, actor: actorOf(request), id: request.params.id }),
  );
  const change = (action: RelationshipAction, summary: string, body: typeof optionalReasonSchema | typeof closeSchema) =>
    app.post(
      `/api/coaching/relationships/:id/${action}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: relationshipSchema } } },
      async (request) =>
        changeRelationship({ ctx, actor: actorOf(request), id: request.params.id, input: { action, reason: request.body.reason } }),
    );
  change('withdraw', 'Withdraw my request (member; while requested or proposed)', optionalReasonSchema);
  change('decline', 'Decline the proposed coach (member)', optionalReasonSchema);
  change('pause', 'Pause the relationship', optionalReasonSchema);
  change('resume', 'Resume a paused relationship', optionalReasonSchema);
  change('close', 'Close the relationship with a reason (revokes the member’s grant)', closeSchema);
  app.post(
    '/api/coaching/relationships/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept the proposed coach, sharing exactly the ticked scopes (member)',
        params: idParams,
        body: acceptSchema,
        response: { 200: relationshipSchema },
      },
    },
    async (request) =>
      changeRelationship({ ctx, actor: actorOf(request), id: request.params.id, input: { action: 'accept', scopes: request.body.scopes } }),
  );
  app.post(
    '/api/coaching/relationships/:id/transfer',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: {
        tags,
        summary: 'Transfer to another coach (supervisor; the member accepts again)',
        params: idParams,
        body: transferSchema,
        response: { 200: relationshipSchema },
      },
    },
    async (request) =>
      changeRelationship({
        ctx,
        actor: actorOf(request),
        id: request.params.id,
        input: { action: 'transfer', reason: request.body.reason, coachId: request.body.coachId },
      }),
  );

  // Supervision
  app.get(
    '/api/coaching/supervision',
    {
      config: { roles: ROLE_GROUPS.oversight },
      schema: {
        tags,
        summary: 'Caseloads, people waiting, sessions per week, notes awaiting sign-off',
        response: { 200: supervisionSchema },
      },
    },
    async () => supervisionOverview({ db }),
  );
}
