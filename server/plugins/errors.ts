import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../shared/contracts/common.ts';
import { AppError, type FieldError, statusOf } from '../lib/app-error.ts';

// Fastify's own client-side failures, mapped onto our fixed vocabulary with messages a person can act on.
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: 'The JSON body is empty; send {} if there is nothing to say' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'Content-Length does not match the body' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', message: 'The URL is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'BAD_REQUEST', message: 'A part of the URL is too long' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'BAD_REQUEST', message: 'The request could not be routed' },
};

function send(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  fields?: FieldError[],
  words?: { key?: string | undefined; params?: Record<string, string | number> | undefined },
) {
  const body: ErrorBody = {
    error: {
      code,
      message,
      ...(words?.key ? { key: words.key } : {}),
      ...(words?.key && words.params ? { params: words.params } : {}),
      ...(fields?.length ? { fields } : {}),
    },
  };
  return reply.status(statusOf(code)).header('cache-control', 'no-store').send(body);
}

/**
 * The router fails malformed and over-long URLs before any route or hook runs, so the error handler
 * never sees them; without this Fastify answers in its own format and echoes the URL back.
 * Passed to Fastify as `frameworkErrors`.
 */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const known = FASTIFY_CODES[error.code];
  return send(reply, known?.code ?? 'BAD_REQUEST', known?.message ?? 'The request could not be understood');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
      return send(reply, error.code, error.message, error.fields, error);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields = error.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'Invalid value',
      }));
      const first = fields[0];
      return send(reply, 'VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : 'Invalid request', fields);
    }

    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return send(reply, known.code, known.message);
    if (error instanceof SyntaxError && error.statusCode === 400) return send(reply, 'BAD_REQUEST', 'The body is not valid JSON');
    if (error.statusCode === 429) return send(reply, 'RATE_LIMITED', 'Too many attempts; wait a little and try again');

    if (isResponseSerializationError(error)) {
      // Our own bug: a reply did not match its declared schema. Never show the client what leaked.
      request.log.error({ err: { message: 'response did not match schema', issues: error.cause.issues } }, 'response schema violation');
      return send(reply, 'INTERNAL', 'Something went wrong on our side');
    }

    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', 'The request could not be understood');
    }

    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'INTERNAL', 'Something went wrong on our side');
  });

  app.setNotFoundHandler((_request, reply) => send(reply, 'NOT_FOUND', 'Not found'));
}
