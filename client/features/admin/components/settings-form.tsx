import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganizationSettings, updateOrganizationSettingsSchema } from '../../../../shared/contracts/organization.ts';
import { CrisisLinesEditor, fromDrafts, toDrafts } from '../../../components/crisis-lines-editor.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { formString } from '../../../lib/form-errors.ts';
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
  const [saved, setSaved] = useState(false);

  function changed<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setSaved(false);
    };
  }

  return (
    <form
      ref={form.formRef}
      noValidate
      className="form"
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        const data = new FormData(event.currentTarget);
        const input = {
          name: formString(data, 'name'),
          timezone,
          crisisLines: fromDrafts(lines),
          openSignup,
          requireStaffMfa,
        };
        void form.submit(updateOrganizationSettingsSchema, input, async (valid) => {
          await update.mutateAsync(valid);
          setSaved(true);
        });
      }}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <section className="card stack" aria-labelledby="settings-org">
        <h2 id="settings-org">{t('admin.settings.organizationHeading')}</h2>
        <TextField name="name" label={t('fields.organizationName')} defaultValue={settings.name} isRequired error={form.errors.name} />
        <TimezoneField
          name="timezone"
          label={t('fields.timezone')}
          value={timezone}
          onChange={changed(setTimezone)}
          error={form.errors.timezone}
        />
      </section>
      <div className="card">
        <CrisisLinesEditor value={lines} onChange={changed(setLines)} namePrefix="crisisLines" errors={form.errors} />
      </div>
      <section className="card stack" aria-labelledby="settings-access">
        <h2 id="settings-access">{t('admin.settings.accessHeading')}</h2>
        <Switch isSelected={openSignup} onChange={changed(setOpenSignup)} description={t('admin.settings.openSignupHint')}>
          {t('admin.settings.openSignup')}
        </Switch>
        <Switch isSelected={requireStaffMfa} onChange={changed(setRequireStaffMfa)} description={t('admin.settings.requireStaffMfaHint')}>
          {t('admin.settings.requireStaffMfa')}
        </Switch>
      </section>
      {saved ? <FormAlert tone="success">{t('admin.settings.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('admin.settings.submit')}
      </Button>
    </form>
  );
}
