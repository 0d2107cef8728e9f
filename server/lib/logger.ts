import type { FastifyServerOptions } from 'fastify';

// Tokens travel in bodies and URL fragments, never in paths or queries, but strip queries anyway.
const stripQuery = (url: string) => url.split('?')[0] ?? url;

/** Database and driver errors quote the values that failed (emails, names): keep only what helps debugging. */
function serializeError(error: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(error instanceof Error)) return { type: 'unknown', message: 'non-error thrown', stack: '' };
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message: error.message.replace(/\(([^)]*)\)=\([^)]*\)/g, '($1)=(…)').replace(/params: .*/s, 'params: …'),
    code: (error as { code?: unknown }).code,
    // Only the frames: a multi-line message (Drizzle puts the query's parameters on its second line) is dropped.
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 8)
      .join('\n'),
    ...(cause instanceof Error ? { cause: serializeError(cause) } : {}),
  };
}

/**
 * Pino settings: requests are logged by method, path and status only. Cookies, credentials,
 * bodies and database parameters never reach the log.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: stripQuery(request.url) }),
      err: serializeError,
    },
  };
}
