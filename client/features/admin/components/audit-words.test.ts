import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_AREAS, AUDIT_EVENTS, auditQuerySchema } from '../../../../shared/contracts/admin.ts';
import { en } from '../../../app/i18n/en.ts';
import { es } from '../../../app/i18n/es.ts';
import { auditAreaLabel, auditDetailLines, auditEventLabel, auditKindOptions } from './audit-words.ts';

let english: TFunction;
let spanish: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, es: { translation: es } }, lng: 'en', interpolation: { escapeValue: false } });
  english = i18n.getFixedT('en');
  spanish = i18n.getFixedT('es');
});

describe('audit log words', () => {
  it('names every event and every area in plain words, in English and Spanish', () => {
    for (const t of [english, spanish]) {
      for (const event of AUDIT_EVENTS) expect(auditEventLabel(event, t), event).not.toMatch(/^[a-z_.]+$/);
      for (const area of AUDIT_AREAS) expect(auditAreaLabel(area, t), area).not.toMatch(/^[a-z_.]+$/);
    }
    expect(auditEventLabel('signin.success', english)).toBe('Signed in');
    expect(auditEventLabel('signin.success', spanish)).toBe('Inició sesión');
  });

  it('shows a code nobody named yet as it is', () => {
    expect(auditEventLabel('future.thing', english)).toBe('future.thing');
    expect(auditDetailLines({ somethingNew: 'x1' }, english)).toEqual([{ label: 'somethingNew', value: 'x1' }]);
  });

  it('puts details in words: yes/no, role and scope names, a short reference for ids, known values', () => {
    expect(auditDetailLines({ mfa: true, method: 'recovery_code' }, english)).toEqual([
      { label: 'With two-step verification', value: 'Yes' },
      { label: 'Second step', value: 'recovery code' },
    ]);
    expect(auditDetailLines({ grantId: '3f2a9c1e-0000-4000-8000-000000000000', scopes: ['checkins.summary', 'sos'] }, spanish)).toEqual([
      { label: 'Permiso', value: 'referencia 3f2a9c1e' },
      { label: 'Qué se comparte', value: 'Resumen de registros diarios, Alertas SOS' },
    ]);
    expect(auditDetailLines({ before: ['member'], after: ['member', 'coach'] }, english)).toEqual([
      { label: 'Roles before', value: 'Member' },
      { label: 'Roles after', value: 'Member, Peer coach' },
    ]);
    expect(auditDetailLines({ fields: [] }, english)).toEqual([{ label: 'Settings changed', value: '—' }]);
  });

  it('offers every area and event as a filter the server accepts, once each', () => {
    const options = auditKindOptions(english);
    const values = options.map((option) => option.value);
    expect(new Set(values).size).toBe(values.length);
    for (const kind of [...AUDIT_EVENTS, ...AUDIT_AREAS]) expect(values).toContain(kind);
    for (const value of values.filter(Boolean)) expect(auditQuerySchema.safeParse({ kind: value }).success, value).toBe(true);
  });
});
