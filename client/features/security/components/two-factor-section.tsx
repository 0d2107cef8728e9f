import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { totpDisableSchema, totpEnableSchema, type totpSetupSchema } from '../../../../shared/contracts/auth.ts';
import { CurrentPasswordField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { describeError, formString } from '../../../lib/form-errors.ts';
import { refreshSession } from '../../../lib/session.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useDisableTotp, useEnableTotp, useStartTotpSetup } from '../api/security.ts';
import { RecoveryCodes } from './recovery-codes.tsx';

type SetupData = z.output<typeof totpSetupSchema>;

function EnableForm({ setup, onEnabled, onCancel }: { setup: SetupData; onEnabled: (codes: string[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const enable = useEnableTotp();
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`;
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          totpEnableSchema,
          { code: formString(data, 'code') },
          async (input) => {
            const result = await enable.mutateAsync(input);
            onEnabled(result.recoveryCodes);
          },
          { BAD_REQUEST: t('mfa.wrongCode'), UNAUTHENTICATED: t('mfa.wrongCode') },
        )
      }
      intro={
        <ol className="steps">
          <li>{t('security.twoFactor.step1')}</li>
          <li>
            {t('security.twoFactor.step2')}
            <img className="qr" src={qrSrc} alt={t('security.twoFactor.qrAlt')} width="200" height="200" />
            <p>
              {t('security.twoFactor.manual')} <code className="secret">{setup.secret}</code>
            </p>
          </li>
          <li>{t('security.twoFactor.step3')}</li>
        </ol>
      }
    >
      <TextField
        name="code"
        label={t('security.twoFactor.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        isRequired
        error={form.errors.code}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.pending}>
          {t('security.twoFactor.turnOn')}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </ValidatedForm>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const disable = useDisableTotp();
  return (
    <ValidatedForm
      form={form}
      onValues={(data) =>
        form.submit(
          totpDisableSchema,
          { password: formString(data, 'password') },
          async (input) => {
            await disable.mutateAsync(input);
          },
          { CONFLICT: t('security.twoFactor.requiredByOrg'), UNAUTHENTICATED: t('security.password.wrongCurrent') },
        )
      }
    >
      <CurrentPasswordField
        name="password"
        label={t('fields.password')}
        description={t('security.twoFactor.disableHint')}
        error={form.errors.password}
      />
      <Button type="submit" variant="danger" isPending={form.pending}>
        {t('security.twoFactor.turnOff')}
      </Button>
    </ValidatedForm>
  );
}

type Props = { enabled: boolean; setupRequired: boolean };

export function TwoFactorSection({ enabled, setupRequired }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const start = useStartTotpSetup();
  const [setup, setSetup] = useState<SetupData | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={async () => {
          await refreshSession(queryClient);
          setCodes(null);
          setSetup(null);
        }}
      />
    );
  }

  return (
    <div className="stack">
      <p>
        {enabled ? (
          <StatusBadge tone="good">{t('security.twoFactor.on')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('security.twoFactor.off')}</StatusBadge>
        )}
      </p>
      <p>{t('security.twoFactor.explain')}</p>
      {setupRequired ? <FormAlert tone="info">{t('security.twoFactor.mustSetUp')}</FormAlert> : null}
      {enabled ? <DisableForm /> : null}
      {!enabled && setup ? <EnableForm setup={setup} onEnabled={setCodes} onCancel={() => setSetup(null)} /> : null}
      {!enabled && !setup ? (
        <>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <Button
            isPending={start.isPending}
            onPress={async () => {
              setError(null);
              try {
                setSetup(await start.mutateAsync());
              } catch (caught) {
                setError(describeError(caught, t, i18n.language).message);
              }
            }}
          >
            {t('security.twoFactor.setUp')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
