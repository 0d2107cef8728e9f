import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setupSchema } from '../../../../shared/contracts/auth.ts';
import { DEFAULT_CRISIS_LINES } from '../../../../shared/contracts/organization.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { CrisisLinesEditor, fromDrafts, toDrafts } from '../../../components/crisis-lines-editor.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useSetupOrganization } from '../api/sign-up.ts';

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** First run: name the organization, list its crisis lines, and create the first admin account. */
export function SetupForm() {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const setup = useSetupOrganization();
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [lines, setLines] = useState(() => toDrafts(DEFAULT_CRISIS_LINES));

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const input = {
          organization: { name: formString(data, 'organization.name'), timezone, crisisLines: fromDrafts(lines) },
          admin: {
            email: formString(data, 'admin.email'),
            alias: formString(data, 'admin.alias'),
            password: formString(data, 'admin.password'),
          },
        };
        void form.submit(
          setupSchema,
          input,
          async (valid) => {
            await setup.mutateAsync(valid);
          },
          { CONFLICT: t('setup.alreadyDone'), FORBIDDEN: t('setup.alreadyDone') },
        );
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <section className="card stack" aria-labelledby="setup-org">
        <h2 id="setup-org">{t('setup.organizationHeading')}</h2>
        <TextField
          name="organization.name"
          label={t('fields.organizationName')}
          autoComplete="organization"
          isRequired
          error={form.errors['organization.name']}
        />
        <TimezoneField
          name="organization.timezone"
          label={t('fields.timezone')}
          description={t('setup.timezoneHint')}
          value={timezone}
          onChange={setTimezone}
          error={form.errors['organization.timezone']}
        />
        <CrisisLinesEditor value={lines} onChange={setLines} namePrefix="organization.crisisLines" errors={form.errors} />
      </section>
      <section className="card stack" aria-labelledby="setup-admin">
        <h2 id="setup-admin">{t('setup.adminHeading')}</h2>
        <p className="field-hint">{t('setup.adminHint')}</p>
        <TextField
          name="admin.email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          isRequired
          error={form.errors['admin.email']}
        />
        <TextField
          name="admin.alias"
          label={t('fields.alias')}
          description={t('fields.aliasHint')}
          autoComplete="nickname"
          isRequired
          error={form.errors['admin.alias']}
        />
        <TextField
          name="admin.password"
          type="password"
          label={t('fields.password')}
          description={t('fields.newPasswordHint', { count: LIMITS.passwordMin })}
          autoComplete="new-password"
          isRequired
          error={form.errors['admin.password']}
        />
      </section>
      <Button type="submit" isPending={form.pending}>
        {t('setup.submit')}
      </Button>
    </form>
  );
}
