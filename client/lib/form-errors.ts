import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ErrorCode } from '../../shared/contracts/common.ts';
import { ApiError } from './api-client.ts';

/** Error text per input name, where the name is the dotted path of the value ("admin.email", "crisisLines.0.phone"). */
export type FieldErrors = Record<string, string>;

const FORMAT_FIELDS = ['alias', 'code', 'phone', 'text', 'url', 'timezone', 'languages', 'email'] as const;
type FormatField = (typeof FORMAT_FIELDS)[number];

function formatField(path: string): FormatField | null {
  const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  const last = segments.at(-1) ?? '';
  const match = FORMAT_FIELDS.find((field) => last.toLowerCase().endsWith(field));
  return match ?? null;
}

export function issueMessage(issue: z.core.$ZodIssue, path: string, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('errors.field.required') : t('errors.field.tooShort', { count: Number(issue.minimum) });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t('errors.field.chooseAtLeast', { count: Number(issue.minimum) });
      return t('errors.field.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('errors.field.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('errors.field.chooseAtMost', { count: Number(issue.maximum) });
      return t('errors.field.invalid');
    case 'invalid_format':
    case 'custom': {
      if (issue.code === 'invalid_format' && issue.format === 'email') return t('errors.format.email');
      if (issue.code === 'invalid_format' && issue.format === 'url') return t('errors.format.url');
      if (issue.code === 'invalid_format' && issue.format === 'datetime') return t('errors.format.date');
      // A shared rule may name its own words (`params: { i18nKey }`), so the form says exactly what is missing.
      if (issue.code === 'custom' && typeof issue.params?.i18nKey === 'string') return t(issue.params.i18nKey, t('errors.field.invalid'));
      const field = formatField(path);
      return field ? t(`errors.format.${field}`) : t('errors.field.invalid');
    }
    case 'invalid_type':
      return t('errors.field.required');
    default:
      return t('errors.field.invalid');
  }
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issueMessage(issue, path, t);
  }
  return errors;
}

/** Server paths may come as "/admin/email", "body.admin.email" or "admin.email": normalise to input names. */
export function normaliseServerPath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replaceAll('/', '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^body\.?/, '');
}

export type DescribedError = { fields: FieldErrors; message: string | null };

/** Turns anything thrown by a submit into a friendly message plus per-field messages. */
export type ErrorOverrides = Partial<Record<ErrorCode, string>>;

export function describeError(error: unknown, t: TFunction, language: string, overrides: ErrorOverrides = {}): DescribedError {
  if (!(error instanceof ApiError)) return { fields: {}, message: t('apiErrors.INTERNAL') };
  if (error.status === 0) return { fields: {}, message: t('apiErrors.NETWORK') };
  const fields: FieldErrors = {};
  for (const field of error.fields) {
    const name = normaliseServerPath(field.path);
    // Server field messages are written in English; a keyed one is worded here, other languages get a translated generic hint.
    const plain = language.startsWith('en') && field.message ? field.message : t('errors.field.invalid');
    fields[name] = field.key ? t(`apiErrors.keys.${field.key}`, plain) : plain;
  }
  const generic = overrides[error.code] ?? t(`apiErrors.${error.code}`);
  // A refusal the server named (key + params) in the reader's words; an unknown key falls back to the generic words.
  const message = error.key ? t(`apiErrors.keys.${error.key}`, { ...error.params, defaultValue: generic }) : generic;
  // A validation failure already shown next to its inputs needs no second, vaguer message.
  return { fields, message: error.code === 'VALIDATION_FAILED' && error.fields.length > 0 ? t('errors.checkFields') : message };
}

export function formString(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** Empty text means "no value" for optional inputs. */
export function optionalString(data: FormData, name: string): string | undefined {
  const value = formString(data, name).trim();
  return value === '' ? undefined : value;
}
