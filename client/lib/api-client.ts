import type { z } from 'zod';
import { type ErrorCode, errorSchema } from '../../shared/contracts/common.ts';

export type FieldIssue = { path: string; message: string; key?: string | undefined };

/** Every failed API call becomes one of these, so screens can react to `code` and show `fields` next to inputs. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  /** The refusal's stable key and parameters, when the server named it: the client words it. */
  readonly key: string | undefined;
  readonly params: Record<string, string | number>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    fields: FieldIssue[] = [],
    words: { key?: string | undefined; params?: Record<string, string | number> | undefined } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.key = words.key;
    this.params = words.params ?? {};
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token comes from GET /api/session; the session query stores it here whenever it loads.
let csrfToken: string | null = null;
let refreshCsrf: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the client fetch a fresh token once when the server says the one we sent is stale. */
export function setCsrfRefresher(refresher: () => Promise<string | null>): void {
  refreshCsrf = refresher;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RequestOptions<S extends z.ZodType | undefined> = {
  method?: Method;
  body?: unknown;
  schema?: S;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key kept for retries of the same submission. */
  headers?: Record<string, string>;
  /** A JSON file's bytes sent as they are (an uploaded feed), instead of `body` serialized. */
  rawBody?: Blob;
};

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

function statusToCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 410) return 'GONE';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status code.
  }
  const parsed = errorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, key, params } = parsed.data.error;
    return new ApiError(response.status, code, message, fields ?? [], { key, params });
  }
  const code = statusToCode(response.status);
  return new ApiError(response.status, code, response.statusText || code);
}

/**
 * A lone surrogate (half an emoji, left by a phone keyboard or a clipboard) cannot be stored and the
 * server refuses it: send the replacement character instead, so saving a safety plan never fails on it.
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' && typeof value.toWellFormed === 'function' ? value.toWellFormed() : value;
}

async function send(
  path: string,
  method: Method,
  body: unknown,
  signal?: AbortSignal,
  extraHeaders: Record<string, string> = {},
  rawBody?: Blob,
): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
  const isWrite = method !== 'GET';
  if (isWrite) {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
    body: isWrite ? (rawBody ?? JSON.stringify(body ?? {}, wellFormed)) : undefined,
  });
}

/** The one fetch wrapper: JSON in and out, CSRF header on writes, typed ApiError on failure, zod-checked results. */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await send(path, method, options.body, options.signal, options.headers, options.rawBody);
    if (response.status === 403 && method !== 'GET' && refreshCsrf) {
      const error = await toApiError(response.clone());
      if (error.code === 'CSRF_FAILED') {
        csrfToken = await refreshCsrf();
        response = await send(path, method, options.body, options.signal, options.headers, options.rawBody);
      }
    }
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'INTERNAL', 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  if (!options.schema || response.status === 204) return undefined as Result<S>;
  const json: unknown = await response.json();
  return options.schema.parse(json) as Result<S>;
}
