import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OwnProfile, RECOVERY_PATHWAYS, updateProfileSchema } from '../../../../shared/contracts/people.ts';
import { AliasField } from '../../../components/ui/account-fields.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { Radio, RadioGroup } from '../../../components/ui/radio-group.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { ValidatedForm } from '../../../components/ui/validated-form.tsx';
import { formString } from '../../../lib/form-errors.ts';
import { useSavedNotice } from '../../../lib/use-saved-notice.ts';
import { useValidatedForm } from '../../../lib/use-validated-form.ts';
import { useUpdateProfile } from '../api/profile.ts';

function splitLanguages(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

export function ProfileForm({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  const form = useValidatedForm();
  const update = useUpdateProfile();
  const [timezone, setTimezone] = useState(profile.timezone);
  const [pathways, setPathways] = useState<string[]>(profile.pathways);
  const [visibility, setVisibility] = useState<string>(profile.pathwaysVisibility);
  const { isSaved, clearSaved, markSaved, edited } = useSavedNotice();

  const languageError = Object.entries(form.errors).find(([path]) => path.startsWith('languages'))?.[1];

  return (
    <ValidatedForm
      form={form}
      onChange={clearSaved}
      onValues={(data) => {
        clearSaved();
        const legalName = formString(data, 'legalName').trim();
        const pronouns = formString(data, 'pronouns').trim();
        const input = {
          legalName: legalName || null,
          alias: formString(data, 'alias'),
          pronouns: pronouns || null,
          languages: splitLanguages(formString(data, 'languages')),
          timezone,
          pathways,
          pathwaysVisibility: visibility,
        };
        return form.submit(updateProfileSchema, input, async (valid) => {
          await update.mutateAsync(valid);
          markSaved();
        });
      }}
    >
      <section className="card stack" aria-labelledby="profile-community">
        <h2 id="profile-community">{t('profile.communityHeading')}</h2>
        <AliasField name="alias" defaultValue={profile.alias} error={form.errors.alias} />
        <TextField
          name="pronouns"
          label={t('profile.pronouns')}
          description={t('profile.pronounsHint')}
          defaultValue={profile.pronouns ?? ''}
          error={form.errors.pronouns}
        />
        <TextField
          name="languages"
          label={t('profile.languages')}
          description={t('profile.languagesHint')}
          defaultValue={profile.languages.join(', ')}
          spellCheck={false}
          error={languageError}
        />
      </section>
      <section className="card stack" aria-labelledby="profile-private">
        <h2 id="profile-private">{t('profile.privateHeading')}</h2>
        <p className="field-hint">{t('profile.privateHint')}</p>
        <TextField
          name="legalName"
          label={t('profile.legalName')}
          description={t('profile.legalNameHint')}
          defaultValue={profile.legalName ?? ''}
          autoComplete="name"
          error={form.errors.legalName}
        />
        <TextField name="email" type="email" label={t('fields.email')} value={profile.email} isReadOnly />
        <TimezoneField
          name="timezone"
          label={t('fields.timezone')}
          value={timezone}
          onChange={edited(setTimezone)}
          error={form.errors.timezone}
        />
        <CheckboxGroup
          label={t('profile.pathways')}
          description={t('profile.pathwaysHint')}
          value={pathways}
          onChange={edited(setPathways)}
          error={form.errors.pathways}
        >
          {RECOVERY_PATHWAYS.map((pathway) => (
            <Checkbox key={pathway} value={pathway}>
              {t(`pathways.${pathway}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <RadioGroup
          label={t('profile.pathwaysVisibility')}
          value={visibility}
          onChange={edited(setVisibility)}
          error={form.errors.pathwaysVisibility}
        >
          <Radio value="private" description={t('profile.visibilityPrivateHint')}>
            {t('profile.visibilityPrivate')}
          </Radio>
          <Radio value="shared" description={t('profile.visibilitySharedHint')}>
            {t('profile.visibilityShared')}
          </Radio>
        </RadioGroup>
      </section>
      {isSaved ? <FormAlert tone="success">{t('profile.saved')}</FormAlert> : null}
      <Button type="submit" isPending={form.pending}>
        {t('profile.submit')}
      </Button>
    </ValidatedForm>
  );
}
