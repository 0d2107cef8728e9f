import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_LIMITS, type CoachProfile } from '../../../../shared/contracts/coaching.ts';
import { GENDERS, type Gender, SPECIALTIES, type Specialty, type WeeklySlot } from '../../../../shared/contracts/coaching-base.ts';
import { RECOVERY_PATHWAYS, type RecoveryPathway } from '../../../../shared/contracts/people.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TimezoneField } from '../../../components/ui/timezone-field.tsx';
import { describeError, type FieldErrors } from '../../../lib/form-errors.ts';
import { useSaveCoachProfile } from '../api/coaching.ts';
import { useCoachingLabels } from './coaching-labels.ts';
import { WeeklySlotsField } from './weekly-slots-field.tsx';

/** The coach's profile: lived experience, pathways, specialties, languages, availability, caseload. */
export function CoachProfileForm({ profile, timezone }: { profile: CoachProfile | null; timezone: string }) {
  const { t, i18n } = useTranslation();
  const labels = useCoachingLabels();
  const save = useSaveCoachProfile();
  const [livedExperience, setLivedExperience] = useState(profile?.livedExperience ?? '');
  const [pathways, setPathways] = useState<RecoveryPathway[]>(profile?.pathways ?? []);
  const [specialties, setSpecialties] = useState<Specialty[]>(profile?.specialties ?? []);
  const [languages, setLanguages] = useState((profile?.languages ?? [i18n.language.split('-')[0] ?? 'en']).join(', '));
  const [gender, setGender] = useState<string>(profile?.gender ?? '');
  const [zone, setZone] = useState(profile?.timezone ?? timezone);
  const [availability, setAvailability] = useState<WeeklySlot[]>(profile?.availability ?? []);
  const [maxCaseload, setMaxCaseload] = useState(String(profile?.maxCaseload ?? 10));
  const [certification, setCertification] = useState(profile?.certification ?? '');
  const [accepting, setAccepting] = useState(profile?.accepting ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      await save.mutateAsync({
        livedExperience,
        pathways,
        specialties,
        languages: languages
          .split(/[,\s]+/)
          .map((tag) => tag.trim())
          .filter(Boolean),
        gender: (gender || null) as Gender | null,
        timezone: zone,
        availability,
        maxCaseload: Number.parseInt(maxCaseload, 10),
        certification: certification.trim() || null,
        accepting,
      });
      setMessage({ tone: 'success', text: t('coachProfile.saved') });
    } catch (caught) {
      const described = describeError(caught, t, i18n.language);
      setErrors(described.fields);
      // The server explains a caseload below the seats taken in plain words.
      const text =
        caught instanceof Error && described.fields.maxCaseload && i18n.language.startsWith('en') ? caught.message : described.message;
      setMessage({ tone: 'error', text: text ?? t('apiErrors.INTERNAL') });
    }
  }

  return (
    <form className="form stack" onSubmit={submit} noValidate>
      {profile ? (
        <p className="muted">{t('coachProfile.seats', { taken: profile.seatsTaken, max: profile.maxCaseload })}</p>
      ) : (
        <p>{t('coachProfile.create')}</p>
      )}
      <TextField
        name="livedExperience"
        label={t('coachProfile.livedExperience')}
        description={t('coachProfile.livedExperienceHint')}
        multiline
        maxLength={COACHING_LIMITS.livedExperienceMax}
        value={livedExperience}
        onChange={setLivedExperience}
        error={errors.livedExperience}
      />
      <CheckboxGroup label={t('coachProfile.pathways')} value={pathways} onChange={(v) => setPathways(v as RecoveryPathway[])}>
        <div className="checkbox-columns">
          {RECOVERY_PATHWAYS.map((value) => (
            <Checkbox key={value} value={value}>
              {labels.pathway(value)}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      <CheckboxGroup label={t('coachProfile.specialties')} value={specialties} onChange={(v) => setSpecialties(v as Specialty[])}>
        <div className="checkbox-columns">
          {SPECIALTIES.map((value) => (
            <Checkbox key={value} value={value}>
              {labels.specialty(value)}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      <TextField
        name="languages"
        label={t('coachProfile.languages')}
        description={t('coachProfile.languagesHint')}
        value={languages}
        onChange={setLanguages}
        error={Object.entries(errors).find(([path]) => path.startsWith('languages'))?.[1]}
      />
      <SelectField
        name="gender"
        label={t('coachProfile.gender')}
        value={gender}
        onChange={setGender}
        options={[{ value: '', label: t('coachProfile.genderNone') }, ...GENDERS.map((value) => ({ value, label: labels.gender(value) }))]}
      />
      <TimezoneField name="timezone" label={t('coachProfile.timezone')} value={zone} onChange={setZone} error={errors.timezone} />
      <WeeklySlotsField
        legend={t('coachProfile.availability')}
        value={availability}
        onChange={setAvailability}
        error={Object.entries(errors).find(([path]) => path.startsWith('availability'))?.[1]}
      />
      <TextField
        name="maxCaseload"
        label={t('coachProfile.maxCaseload')}
        inputMode="numeric"
        value={maxCaseload}
        onChange={setMaxCaseload}
        error={errors.maxCaseload}
      />
      <TextField
        name="certification"
        label={t('coachProfile.certification')}
        maxLength={COACHING_LIMITS.certificationMax}
        value={certification}
        onChange={setCertification}
        error={errors.certification}
      />
      <Switch isSelected={accepting} onChange={setAccepting} description={t('coachProfile.acceptingHint')}>
        {t('coachProfile.accepting')}
      </Switch>
      <div aria-live="polite">{message ? <FormAlert tone={message.tone}>{message.text}</FormAlert> : null}</div>
      <div className="button-row">
        <Button type="submit" isPending={save.isPending}>
          {t('coachProfile.save')}
        </Button>
      </div>
    </form>
  );
}
