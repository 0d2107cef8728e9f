import type { ErrorCode } from '../../shared/contracts/common.ts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  IDEMPOTENCY_MISMATCH: 422,
  /** A one-time or daily code (proof of attendance) that does not match. */
  WRONG_CODE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SETUP_REQUIRED: 409,
  INTERNAL: 500,
};

export interface FieldError {
  path: string;
  message: string;
  /** The words' stable key, for the client to say it in the reader's language. */
  key?: string;
}

/** The only error services throw on purpose; the error plugin turns it into the JSON error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldError[];
  /** Seconds until trying again makes sense (a 429's Retry-After header). */
  readonly retryAfter?: number;
  key?: string;
  params?: Record<string, string | number>;

  constructor(code: ErrorCode, message: string, fields?: FieldError[], retryAfter?: number) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.fields = fields;
    this.retryAfter = retryAfter;
  }

  /**
   * Names the refusal with a stable key (and short parameters) the client words in the reader's
   * language; the English message stays as the fallback: `throw conflict('…').withKey('notes.signedOff')`.
   */
  withKey(key: string, params?: Record<string, string | number>): this {
    this.key = key;
    if (params) this.params = params;
    return this;
  }
}

/*
 * What services throw: one helper per refusal, so a call site reads as what it means. `new AppError`
 * itself is for the plugins' protocol errors (CSRF, two-factor, rate limits, idempotency).
 */
export const notFound = (message = 'Not found', fields?: FieldError[]) => new AppError('NOT_FOUND', message, fields);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const conflict = (message: string, fields?: FieldError[]) => new AppError('CONFLICT', message, fields);
export const badRequest = (message: string, fields?: FieldError[]) => new AppError('VALIDATION_FAILED', message, fields);
export const gone = (message: string) => new AppError('GONE', message);
export const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  new AppError('RATE_LIMITED', message, undefined, retryAfterSeconds);
export const setupRequired = (message: string) => new AppError('SETUP_REQUIRED', message);
export const wrongCode = (message: string, fields?: FieldError[]) => new AppError('WRONG_CODE', message, fields);
export const statusOf = (code: ErrorCode) => STATUS[code];
