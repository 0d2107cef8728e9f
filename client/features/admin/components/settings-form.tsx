import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganizationSettings, updateOrganizationSettingsSchema } from '../../../../shared/contracts/organization.ts';
import { CrisisLinesEditor, fromDrafts, toDrafts } from '../../../components/crisis-lines-editor.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useUpdateSettings } from '../api/settings.ts';

export function SettingsForm({ settings }: { settings: OrganizationSettings }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const update = useUpdateSettings();
  const [timezone, setTimezone] = useState(settings.timezone);
  const [lines, setLines] = useState(() => toDrafts(settings.crisisLines));
  const [openSignup, setOpenSignup] = useState(settings.openSignup);
  const [requireStaffMfa, setRequireStaffMfa] = useState(settings.requireStaffMfa);
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();

  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={(data) => {
        clearSaved();
        const input = {
          name: formString(data, 'name'),
          timezone,
          crisisLines: fromDrafts(lines),
          openSignup,
          requireStaffMfa,
        };
        return form.submit(updateOrganizationSettingsSchema, input, async (valid) => {
          await update.mutateAsync(valid);
          markSaved();
        });
      }}
    >
      <section className="card stack" aria-labelledby="settings-org">
        <h2 id="settings-org">{t('admin.settings.organizationHeading')}</h2>
        <TextField name="name" label={t('fields.organizationName')} defaultValue={settings.name} isRequired error={form.errors.name} />
        <TimezoneField
          name="timezone"
          label={t('fields.timezone')}
          value={timezone}
          onChange={edited(setTimezone)}
          error={form.errors.timezone}
        />
      </section>
      <div className="card">
        <CrisisLinesEditor value={lines} onChange={edited(setLines)} namePrefix="crisisLines" errors={form.errors} />
      </div>
      <section className="card stack" aria-labelledby="settings-access">
        <h2 id="settings-access">{t('admin.settings.accessHeading')}</h2>
        <Switch isSelected={openSignup} onChange={edited(setOpenSignup)} description={t('admin.settings.openSignupHint')}>
          {t('admin.settings.openSignup')}
        </Switch>
        <Switch isSelected={requireStaffMfa} onChange={edited(setRequireStaffMfa)} description={t('admin.settings.requireStaffMfaHint')}>
          {t('admin.settings.requireStaffMfa')}
        </Switch>
      </section>
      {isSaved ? <FormAlert tone="success">{t('admin.settings.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('admin.settings.submit')}
      </Button>
    </ValidatedForm>
  );
}
