import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_LIMITS, type CoachCard } from '../../../../shared/contracts/coaching.ts';
import {
  type CoachingPreferences,
  GENDERS,
  type Gender,
  SPECIALTIES,
  type Specialty,
  type WeeklySlot,
} from '../../../../shared/contracts/coaching-base.ts';
import { RECOVERY_PATHWAYS, type RecoveryPathway } from '../../../../shared/contracts/people.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox, CheckboxGroup } from '../../../components/ui/checkbox.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError } from '../../../lib/form-errors.ts';
import { formatLanguages } from '../../../lib/format.ts';
import { useAskForCoach } from '../api/coaching.ts';
import { useCoachingLabels } from './coaching-labels.ts';
import { WeeklySlotsField } from './weekly-slots-field.tsx';

type Wish<T> = { value: T[]; required: boolean };
const empty = <T,>(): Wish<T> => ({ value: [], required: false });
const asPreference = <T,>(wish: Wish<T>) => (wish.value.length > 0 ? { value: wish.value, required: wish.required } : null);

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** One preference: the values to choose from and a "must have" switch. */
function WishGroup<T extends string>({
  label,
  options,
  wish,
  onChange,
}: {
  label: string;
  options: { value: T; label: string }[];
  wish: Wish<T>;
  onChange: (wish: Wish<T>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="wish">
      <CheckboxGroup label={label} value={wish.value} onChange={(value) => onChange({ ...wish, value: value as T[] })}>
        <div className="checkbox-columns">
          {options.map((option) => (
            <Checkbox key={option.value} value={option.value}>
              {option.label}
            </Checkbox>
          ))}
        </div>
      </CheckboxGroup>
      <Switch
        isSelected={wish.required}
        isDisabled={wish.value.length === 0}
        onChange={(required) => onChange({ ...wish, required })}
        description={t('coaching.ask.mustHaveHint')}
      >
        {t('coaching.ask.mustHave')}
        {/* Several switches read "Must have": each names its wish for screen readers. */}
        <span className="visually-hidden">: {label}</span>
      </Switch>
    </div>
  );
}

/** "Ask for a coach": wishes (each a must-have or nice-to-have), weekly times, a named coach, a note. */
export function AskForCoachForm({ coaches }: { coaches: CoachCard[] }) {
  const { t, i18n } = useTranslation();
  const labels = useCoachingLabels();
  const ask = useAskForCoach();
  const [gender, setGender] = useState<Wish<Gender>>(empty);
  const [language, setLanguage] = useState<Wish<string>>(empty);
  const [pathway, setPathway] = useState<Wish<RecoveryPathway>>(empty);
  const [specialties, setSpecialties] = useState<Wish<Specialty>>(empty);
  const [times, setTimes] = useState<{ value: WeeklySlot[]; required: boolean }>({ value: [], required: false });
  const [coachId, setCoachId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const zone = browserZone();

  const languageTags = [...new Set(['en', 'es', ...coaches.flatMap((coach) => coach.languages.map((tag) => tag.split('-')[0] ?? tag))])];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const preferences: CoachingPreferences = {
      gender: asPreference(gender),
      language: asPreference(language),
      pathway: asPreference(pathway),
      specialties: asPreference(specialties),
      times: asPreference(times),
      timezone: zone,
    };
    try {
      await ask.mutateAsync({ preferences, requestedCoachId: coachId || null, intakeNote: note.trim() || null });
    } catch (caught) {
      setError(describeError(caught, t, i18n.language).message);
    }
  }

  return (
    <form className="form stack" onSubmit={submit} noValidate>
      <WishGroup
        label={t('coaching.ask.gender')}
        options={GENDERS.map((value) => ({ value, label: labels.gender(value) }))}
        wish={gender}
        onChange={setGender}
      />
      <WishGroup
        label={t('coaching.ask.language')}
        options={languageTags.map((value) => ({ value, label: formatLanguages([value]) }))}
        wish={language}
        onChange={setLanguage}
      />
      <WishGroup
        label={t('coaching.ask.pathway')}
        options={RECOVERY_PATHWAYS.map((value) => ({ value, label: labels.pathway(value) }))}
        wish={pathway}
        onChange={setPathway}
      />
      <WishGroup
        label={t('coaching.ask.specialties')}
        options={SPECIALTIES.map((value) => ({ value, label: labels.specialty(value) }))}
        wish={specialties}
        onChange={setSpecialties}
      />
      <div className="wish">
        <WeeklySlotsField
          legend={t('coaching.ask.times')}
          hint={t('coaching.ask.timesHint', { zone })}
          value={times.value}
          onChange={(value) => setTimes({ value, required: value.length > 0 && times.required })}
        />
        <Switch
          isSelected={times.required}
          isDisabled={times.value.length === 0}
          onChange={(required) => setTimes({ ...times, required })}
          description={t('coaching.ask.mustHaveHint')}
        >
          {t('coaching.ask.mustHave')}
          <span className="visually-hidden">: {t('coaching.ask.times')}</span>
        </Switch>
      </div>
      <SelectField
        name="requestedCoachId"
        label={t('coaching.ask.coach')}
        description={coaches.length ? t('coaching.ask.coachHint') : t('coaching.noCoaches')}
        value={coachId}
        onChange={setCoachId}
        options={[{ value: '', label: t('coaching.ask.anyCoach') }, ...coaches.map((coach) => ({ value: coach.id, label: coach.alias }))]}
      />
      <TextField
        name="intakeNote"
        label={t('coaching.ask.note')}
        description={t('coaching.ask.noteHint')}
        multiline
        maxLength={COACHING_LIMITS.intakeNoteMax}
        value={note}
        onChange={setNote}
      />
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="button-row">
        <Button type="submit" isPending={ask.isPending}>
          {t('coaching.ask.submit')}
        </Button>
      </div>
    </form>
  );
}
