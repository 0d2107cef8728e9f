import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import { meetingImportSchema, meetingSourceInputSchema, meetingSourceSchema } from '../../../shared/contracts/meetings-import.ts';
import { ROLE_GROUPS } from '../../../shared/contracts/roles.ts';
import type { FastifyZod } from '../../http.ts';
import { rateLimit } from '../../plugins/rate-limit.ts';
import { actorOf } from '../../plugins/session.ts';
import {
  commitPreviewed,
  createSource,
  deleteSource,
  discardImport,
  getImport,
  type ImportRuntime,
  listSources,
  settleImportChecks,
  startImport,
  updateSource,
} from './meeting-sources.service.ts';

const tags = ['meeting sources'];
/** Administrators only; anyone else gets 404 as if the routes did not exist. */
const admins = { access: 'user', roles: ROLE_GROUPS.admins } as const;
/** An uploaded feed: a 2,000-meeting feed is about 4 MB. */
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024;

export function meetingSourceRoutes(app: FastifyZod) {
  const { db, config } = app.ctx;
  const runtime: ImportRuntime = {
    db,
    allowPrivateHosts: config.feedsFromPrivateHosts,
    logError: (error) => app.log.error({ err: error }, 'meeting import check failed'),
  };
  // A check still running in the background finishes before the database closes.
  app.addHook('onClose', settleImportChecks);

  app.get(
    '/api/admin/meeting-sources',
    {
      config: admins,
      schema: { tags, summary: 'Meeting sources with their last import', response: { 200: z.array(meetingSourceSchema) } },
    },
    async () => listSources(db),
  );

  app.post(
    '/api/admin/meeting-sources',
    {
      config: { ...admins, rateLimit: rateLimit(app.ctx, 30, 60, 'user') },
      schema: {
        tags,
        summary: 'Add a Meeting Guide feed source (URL or uploaded file)',
        body: meetingSourceInputSchema,
        response: { 201: meetingSourceSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSource(db, request.body)),
  );

  app.put(
    '/api/admin/meeting-sources/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Edit a source (its kind stays)',
        params: idParams,
        body: meetingSourceInputSchema,
        response: { 200: meetingSourceSchema },
      },
    },
    async (request) => updateSource(db, request.params.id, request.body),
  );

  app.delete(
    '/api/admin/meeting-sources/:id',
    { config: admins, schema: { tags, summary: 'Delete a source and all its meetings', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteSource(db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/meeting-sources/:id/imports',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { ...admins, rateLimit: rateLimit(app.ctx, 20, 60, 'user') },
      schema: {
        tags,
        summary:
          'Start an import: a URL source fetches its feed, a file source takes the feed as the JSON body (up to 10 MB). Checked in the background; poll the import for its preview',
        params: idParams,
        body: z.unknown(),
        response: { 202: meetingImportSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await startImport(runtime, { sourceId: request.params.id, actorId: actorOf(request).userId, upload: request.body })),
  );

  app.get(
    '/api/admin/meeting-imports/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'An import: progress, then its preview or why it failed',
        params: idParams,
        response: { 200: meetingImportSchema },
      },
    },
    async (request) => getImport(db, request.params.id),
  );

  app.post(
    '/api/admin/meeting-imports/:id/commit',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Write exactly what the preview showed, in one transaction (409 if the source changed since)',
        params: idParams,
        response: { 200: meetingImportSchema },
      },
    },
    async (request) => commitPreviewed(db, request.params.id),
  );

  app.post(
    '/api/admin/meeting-imports/:id/discard',
    {
      config: admins,
      schema: { tags, summary: 'Drop an import without writing anything', params: idParams, response: { 200: meetingImportSchema } },
    },
    async (request) => discardImport(db, request.params.id),
  );
}
