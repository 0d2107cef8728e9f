import type { TFunction } from 'i18next';
import { AUDIT_AREAS, AUDIT_EVENTS, auditAreaOf } from '../../../../shared/contracts/admin.ts';
import type { AccessLogScope } from '../../../../shared/contracts/consent.ts';
import { scopeKey } from '../../../lib/labels.ts';

/**
 * The audit log in plain words: each event's name, and its details as label and value, in the
 * reader's language. A code nobody gave words to yet is shown as it is, never hidden.
 */

/** Translation keys cannot hold the dot of `signin.success`. */
const eventKey = (event: string) => event.replaceAll('.', '_');

export function auditEventLabel(event: string, t: TFunction): string {
  return t(`admin.audit.events.${eventKey(event)}`, event);
}

export function auditAreaLabel(area: string, t: TFunction): string {
  return t(`admin.audit.areas.${area}`, area);
}

/** The choices of the "what happened" filter: everything, then each area and its events. */
export function auditKindOptions(t: TFunction): { value: string; label: string }[] {
  const options = [{ value: '', label: t('admin.audit.allKinds') }];
  for (const area of AUDIT_AREAS) {
    const events = AUDIT_EVENTS.filter((event) => auditAreaOf(event) === area);
    if (events.length === 1 && events[0] === area) {
      options.push({ value: area, label: auditAreaLabel(area, t) });
      continue;
    }
    options.push({ value: area, label: t('admin.audit.allOf', { area: auditAreaLabel(area, t) }) });
    for (const event of events) options.push({ value: event, label: `– ${auditEventLabel(event, t)}` });
  }
  return options;
}

const ROLE_FIELDS = new Set(['roles', 'before', 'after']);
const SCOPES = new Set<string>([
  'profile',
  'clock',
  'checkins.summary',
  'checkins.detail',
  'plan',
  'safety_plan',
  'assessments',
  'sos',
  'coaching_notes',
]);

function valueWords(field: string, value: unknown, t: TFunction, list: (items: string[]) => string): string {
  if (typeof value === 'boolean') return value ? t('admin.audit.yes') : t('admin.audit.no');
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const text = String(item);
      if (ROLE_FIELDS.has(field)) return t(`roles.${text}.label`, text);
      if (field === 'scopes' && SCOPES.has(text)) return t(`scopes.${scopeKey(text as AccessLogScope)}.label`, text);
      return text;
    });
    return items.length > 0 ? list(items) : '—';
  }
  const text = String(value);
  // An id says nothing to a person; its start is enough to tell two events apart or match them up.
  if (field.endsWith('Id')) return t('admin.audit.reference', { id: text.slice(0, 8) });
  return t(`admin.audit.values.${text}`, text);
}

/** The details of one event as lines of label and value. */
export function auditDetailLines(
  detail: Record<string, unknown>,
  t: TFunction,
  list: (items: string[]) => string = (items) => items.join(', '),
): { label: string; value: string }[] {
  return Object.entries(detail).map(([field, value]) => ({
    label: t(`admin.audit.fields.${field}`, field),
    value: valueWords(field, value, t, list),
  }));
}
