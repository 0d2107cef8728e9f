import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setupSchema } from '../../../../shared/contracts/auth.ts';
import { DEFAULT_CRISIS_LINES } from '../../../../shared/contracts/organization.ts';
import { CrisisLinesEditor, fromDrafts, toDrafts } from '../../../components/crisis-lines-editor.tsx';
import { AliasField, EmailField, NewPasswordField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
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
    <ValidatedForm
      form={form}
      onValues={(data) => {
        const input = {
          organization: { name: formString(data, 'organization.name'), timezone, crisisLines: fromDrafts(lines) },
          admin: {
            email: formString(data, 'admin.email'),
            alias: formString(data, 'admin.alias'),
            password: formString(data, 'admin.password'),
          },
        };
        return form.submit(
          setupSchema,
          input,
          async (valid) => {
            await setup.mutateAsync(valid);
          },
          { CONFLICT: t('setup.alreadyDone'), FORBIDDEN: t('setup.alreadyDone') },
        );
      }}
    >
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
        <EmailField name="admin.email" autoComplete="email" error={form.errors['admin.email']} />
        <AliasField name="admin.alias" error={form.errors['admin.alias']} />
        <NewPasswordField name="admin.password" label={t('fields.password')} error={form.errors['admin.password']} />
      </section>
      <Button type="submit" isPending={form.pending}>
        {t('setup.submit')}
      </Button>
    </ValidatedForm>
  );
}
